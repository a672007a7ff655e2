import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { strings } from '../i18n/shell-strings.ts';
import { sharedStyles } from '../ui/shared-styles.ts';

/** any URL the router does not know */
@customElement('not-found-page')
export class NotFoundPage extends LitElement {
  static override styles = [sharedStyles];

  override render() {
    return html`
      <h1>${strings.notFound.title}</h1>
      <p><a class="button" href="/">${strings.notFound.home}</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'not-found-page': NotFoundPage;
  }
}
