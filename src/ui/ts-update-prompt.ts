import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from './shared-styles.ts';

/**
 * @summary The "new version — reload" toast, pinned to the bottom of the screen.
 *
 * @fires reload-requested - the user chose to reload into the new version
 * @fires dismissed - the user closed the toast
 */
@customElement('ts-update-prompt')
export class TsUpdatePrompt extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        position: fixed;
        inset-inline: var(--ts-space-3);
        bottom: calc(var(--ts-space-3) + env(safe-area-inset-bottom));
        z-index: 10;
        display: flex;
        justify-content: center;
      }
      div {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--ts-space-3);
        max-width: 32rem;
        width: 100%;
        padding: var(--ts-space-3) var(--ts-space-4);
        border-radius: var(--ts-radius-large);
        background: var(--ts-color-text);
        color: var(--ts-color-surface);
        box-shadow: 0 6px 24px rgb(0 0 0 / 25%);
      }
      p {
        flex: 1 1 14rem;
        margin: 0;
        font-weight: 600;
      }
      .buttons {
        display: flex;
        gap: var(--ts-space-2);
        margin-inline-start: auto;
      }
      .button.secondary {
        background: transparent;
        color: inherit;
        border-color: currentColor;
      }
      .button:focus-visible {
        outline-color: var(--ts-color-surface);
      }
    `,
  ];

  /** the message */
  @property() message = '';
  @property({ attribute: 'reload-label' }) reloadLabel = '';
  @property({ attribute: 'dismiss-label' }) dismissLabel = '';

  override render() {
    return html`
      <div role="status">
        <p>${this.message}</p>
        <span class="buttons">
          <button class="button secondary" type="button" @click=${() => this.emit('dismissed')}>
            ${this.dismissLabel}
          </button>
          <button class="button" type="button" @click=${() => this.emit('reload-requested')}>
            ${this.reloadLabel}
          </button>
        </span>
      </div>
    `;
  }

  private emit(type: string): void {
    this.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ts-update-prompt': TsUpdatePrompt;
  }
}
