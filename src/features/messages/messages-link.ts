import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { messagesStrings as t } from './messages-strings.ts';
import { observeUnread } from './messages-data.ts';

/** «Сообщения» for the home page, with the unread count read from the device */
@customElement('messages-link')
export class MessagesLink extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .badge {
        margin-left: var(--ts-space-2);
        font-size: 0.8125rem;
        font-weight: 700;
        padding: 1px 8px;
        border-radius: 999px;
        background: var(--ts-color-danger, #b91c1c);
        color: #fff;
      }
    `,
  ];

  readonly #unread = new LocalQueryController(this, observeUnread);

  override render() {
    const n = this.#unread.value ?? 0;
    return html`<a class="button block" href="/messages"
      >${t.link}${
        n > 0
          ? html`<span class="badge"
              ><span class="visually-hidden">: </span>${t.unreadBadge(n)}</span
            >`
          : nothing
      }</a
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'messages-link': MessagesLink;
  }
}
