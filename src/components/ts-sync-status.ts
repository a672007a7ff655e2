import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from './shared-styles.ts';

/**
 * @summary Sync status for the app bar: a network dot, the count of changes not
 * yet sent and, when the server refused some, a link to them. Compact enough for
 * 360 px; every short mark carries its full sentence for screen readers.
 */
@customElement('ts-sync-status')
export class TsSyncStatus extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: inline-flex;
        align-items: center;
        gap: var(--ts-space-1);
        font-size: 0.8125rem;
        font-weight: 700;
      }
      .chip {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        min-height: 28px;
        padding: 2px var(--ts-space-2);
        border-radius: 999px;
        background: var(--ts-color-on-brand);
        color: var(--ts-color-brand-strong);
        white-space: nowrap;
        text-decoration: none;
      }
      a.chip {
        min-height: 44px;
        min-width: 44px;
        justify-content: center;
      }
      a.chip:focus-visible {
        outline-color: var(--ts-color-on-brand);
      }
      .dot {
        width: 8px;
        height: 8px;
        border-radius: 50%;
        background: #1b873f;
      }
      .time {
        font-weight: 400;
        font-variant-numeric: tabular-nums;
      }
      .offline .dot {
        background: #b42318;
      }
    `,
  ];

  @property({ type: Boolean }) online = true;
  /** changes waiting to be sent */
  @property({ type: Number }) pending = 0;
  /** changes the server refused */
  @property({ type: Number }) rejected = 0;
  @property({ attribute: 'online-label' }) onlineLabel = '';
  @property({ attribute: 'offline-label' }) offlineLabel = '';
  /** the short visible pending mark, e.g. "⏳ 2" */
  @property({ attribute: 'pending-short' }) pendingShort = '';
  /** the full pending sentence (also the tooltip) */
  @property({ attribute: 'pending-label' }) pendingLabel = '';
  /** when the last sync finished, short (e.g. "14:05"); empty when never */
  @property({ attribute: 'last-sync-short' }) lastSyncShort = '';
  /** when the last sync finished, as a sentence */
  @property({ attribute: 'last-sync-label' }) lastSyncLabel = '';
  @property({ attribute: 'rejected-short' }) rejectedShort = '';
  @property({ attribute: 'rejected-label' }) rejectedLabel = '';
  /** where the rejected-changes link goes */
  @property({ attribute: 'rejected-href' }) rejectedHref = '/sync';

  override render() {
    const network = this.online ? this.onlineLabel : this.offlineLabel;
    return html`
      <span
        class="chip ${this.online ? 'online' : 'offline'}"
        role="status"
        title=${`${network}. ${this.pendingLabel}. ${this.lastSyncLabel}`}
      >
        <span class="dot" aria-hidden="true"></span>
        <span class=${this.online ? 'visually-hidden' : ''}>${network}</span>
        ${this.pending > 0 ? html`<span aria-hidden="true">${this.pendingShort}</span>` : nothing}
        ${
          this.lastSyncShort
            ? html`<span class="time" aria-hidden="true">${this.lastSyncShort}</span>`
            : nothing
        }
        <span class="visually-hidden">${this.pendingLabel}. ${this.lastSyncLabel}</span>
      </span>
      ${
        this.rejected > 0
          ? html`<a class="chip" href=${this.rejectedHref} aria-label=${this.rejectedLabel}
              >${this.rejectedShort}</a
            >`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ts-sync-status': TsSyncStatus;
  }
}
