import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from './shared-styles.ts';

/**
 * @summary A message box. `error` notices are alerts (announced at once);
 * the others are polite status messages.
 *
 * @slot - the message
 */
@customElement('ts-notice')
export class TsNotice extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        margin-bottom: var(--ts-space-4);
      }
      div {
        padding: var(--ts-space-3) var(--ts-space-4);
        border-radius: var(--ts-radius);
        border-inline-start: 4px solid var(--ts-color-info);
        background: var(--ts-color-info-soft);
      }
      :host([tone='error']) div {
        border-color: var(--ts-color-danger);
        background: var(--ts-color-danger-soft);
      }
      :host([tone='warning']) div {
        border-color: var(--ts-color-warning);
        background: var(--ts-color-warning-soft);
      }
      :host([tone='success']) div {
        border-color: var(--ts-color-success);
        background: var(--ts-color-success-soft);
      }
      ::slotted(*) {
        margin: 0;
      }
    `,
  ];

  /** `info`, `success`, `warning` (asks for care before going on) or `error` */
  @property({ reflect: true }) tone: 'info' | 'success' | 'warning' | 'error' = 'info';

  override willUpdate(): void {
    // the role sits on the host so the live region's text is the slotted message itself
    this.setAttribute('role', this.tone === 'error' ? 'alert' : 'status');
  }

  override render() {
    return html`<div><slot></slot></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ts-notice': TsNotice;
  }
}
