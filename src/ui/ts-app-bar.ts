import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from './shared-styles.ts';

/**
 * @summary The top bar: the product mark (a link home), an offline badge and
 * room for actions.
 *
 * @slot - actions at the end of the bar
 */
@customElement('ts-app-bar')
export class TsAppBar extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      header {
        display: flex;
        align-items: center;
        gap: var(--ts-space-3);
        min-height: 56px;
        padding: 0 var(--ts-space-4);
        padding-top: env(safe-area-inset-top);
        background: var(--ts-color-brand);
        color: var(--ts-color-on-brand);
      }
      .home {
        display: inline-flex;
        align-items: center;
        gap: var(--ts-space-2);
        min-height: 44px;
        color: inherit;
        text-decoration: none;
        font-weight: 700;
        font-size: 1.125rem;
        letter-spacing: 0.01em;
      }
      .home:focus-visible,
      ::slotted(:focus-visible) {
        outline-color: var(--ts-color-on-brand);
      }
      svg {
        flex: none;
      }
      .spacer {
        flex: 1;
      }
      /* a phone with a club switcher in the bar: the mark alone links home, its
         name stays for screen readers */
      @media (max-width: 30rem) {
        :host([crowded]) .home span {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip-path: inset(50%);
          white-space: nowrap;
        }
      }
      .offline {
        display: inline-flex;
        align-items: center;
        gap: var(--ts-space-1);
        padding: 2px var(--ts-space-2);
        border-radius: 999px;
        background: var(--ts-color-on-brand);
        color: var(--ts-color-brand-strong);
        font-size: 0.8125rem;
        font-weight: 700;
      }
    `,
  ];

  /** actions need the room the product name takes on a phone (set by what fills the slot) */
  @property({ type: Boolean, reflect: true }) crowded = false;
  /** the product name shown beside the mark */
  @property() heading = '';
  /** where the mark links to */
  @property() href = '/';
  /** show the offline badge */
  @property({ type: Boolean }) offline = false;
  /** text of the offline badge */
  @property({ attribute: 'offline-label' }) offlineLabel = '';

  override render() {
    return html`
      <header>
        <a class="home" href=${this.href}>
          <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true">
            <rect
              x="3"
              y="6"
              width="22"
              height="16"
              rx="8"
              fill="none"
              stroke="currentColor"
              stroke-width="2.5"
            />
            <rect
              x="8"
              y="11"
              width="12"
              height="6"
              rx="3"
              fill="none"
              stroke="currentColor"
              stroke-width="1.5"
            />
          </svg>
          <span>${this.heading}</span>
        </a>
        <span class="spacer"></span>
        <span role="status">
          ${this.offline ? html`<span class="offline">${this.offlineLabel}</span>` : nothing}
        </span>
        <slot></slot>
      </header>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ts-app-bar': TsAppBar;
  }
}
