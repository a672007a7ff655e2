import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from './shared-styles.ts';

/** fired when the user taps ↻ to sync now */
export class SyncRequestedEvent extends Event {
  constructor() {
    super('sync-requested', { bubbles: true, composed: true });
  }
}

/**
 * @summary Sync status for the app bar: a network dot, the count of changes not
 * yet sent and, when changes wait for the user, a link to them. When the device
 * is online but syncing fails (the server unreachable, a Wi-Fi that needs a
 * login), it says so and offers to try again now instead of waiting out the
 * backoff. Compact enough for 360 px; every short mark carries its full
 * sentence for screen readers.
 *
 * @fires sync-requested - `SyncRequestedEvent` when "try again" is tapped
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
      button.chip {
        font: inherit;
        font-size: 1.25rem;
        border: 0;
        cursor: pointer;
      }
      a.chip,
      button.chip {
        min-height: 44px;
        min-width: 44px;
        justify-content: center;
      }
      a.chip:focus-visible,
      button.chip:focus-visible {
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
      .failing .dot {
        background: #b54708;
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
  /** online, but the last sync failed (the server unreachable, a captive Wi-Fi) */
  @property({ type: Boolean }) failing = false;
  /** the short visible mark of a failing sync */
  @property({ attribute: 'failing-short' }) failingShort = '';
  /** the failing sync as a sentence (when it is tried again) */
  @property({ attribute: 'failing-label' }) failingLabel = '';
  /** the "try again now" button's name, shown while failing */
  @property({ attribute: 'retry-label' }) retryLabel = '';
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
    const failing = this.online && this.failing;
    const state = !this.online ? 'offline' : failing ? 'failing' : 'online';
    const network = !this.online
      ? this.offlineLabel
      : failing
        ? this.failingLabel
        : this.onlineLabel;
    return html`
      <span
        class="chip ${state}"
        role="status"
        title=${`${network}. ${this.pendingLabel}. ${this.lastSyncLabel}`}
      >
        <span class="dot" aria-hidden="true"></span>
        ${
          failing
            ? html`<span aria-hidden="true">${this.failingShort}</span>
                <span class="visually-hidden">${network}</span>`
            : html`<span class=${this.online ? 'visually-hidden' : ''}>${network}</span>`
        }
        ${this.pending > 0 ? html`<span aria-hidden="true">${this.pendingShort}</span>` : nothing}
        ${
          this.lastSyncShort
            ? html`<span class="time" aria-hidden="true">${this.lastSyncShort}</span>`
            : nothing
        }
        <span class="visually-hidden">${this.pendingLabel}. ${this.lastSyncLabel}</span>
      </span>
      ${
        failing
          ? html`<button
              class="chip"
              type="button"
              aria-label=${this.retryLabel}
              title=${this.retryLabel}
              @click=${() => this.dispatchEvent(new SyncRequestedEvent())}
            >
              ↻
            </button>`
          : nothing
      }
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
  interface HTMLElementEventMap {
    'sync-requested': SyncRequestedEvent;
  }
}
