import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { invokeFunction } from '../../data/invoke-function.ts';
import { ContextConsumer } from '@lit/context';
import { authContext, supabaseContext } from '../../state/contexts.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { syncEngineContext } from '../../state/sync-engine-context.ts';
import { moneyStrings } from './money-strings.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import '../../ui/ts-field.ts';
import { formValues } from '../../ui/form-errors.ts';
import { errorStrings } from '../../i18n/error-strings.ts';
import { readMyTimeZone } from './profile-data.ts';

const t = moneyStrings.mailbox;

interface Message {
  to: string;
  subject: string;
  text: string;
  at: string;
  /** a booking's calendar file (text) */
  attachments?: { filename: string; contentType: string; content: string }[];
}

const address = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)»]/g;

/** the text with its web addresses as links, the way a mail client shows them */
function linkified(text: string) {
  const parts: unknown[] = [];
  let last = 0;
  for (const match of text.matchAll(address)) {
    parts.push(text.slice(last, match.index));
    parts.push(html`<a href=${match[0]}>${match[0]}</a>`);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

/**
 * The local stack's mailbox: the emails that would have been sent to me (the
 * email-dispatch function answers only the signed-in person's own mail). Signed
 * out, the mail of an address typed in (`/mailbox?to=<address>`): how someone
 * with no password reads the sign-in code the local Auth sent, as Supabase CLI's
 * Inbucket shows every message. In production there is no mailbox route (an
 * email service sends the mail) and this page says so.
 */
@customElement('mailbox-page')
export class MailboxPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-3);
      }
      h2 {
        font-size: 1.0625rem;
        margin: 0 0 var(--ts-space-1);
        overflow-wrap: anywhere;
      }
      pre {
        margin: var(--ts-space-2) 0 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        font: inherit;
      }
    `,
  ];

  readonly #client = new ContextConsumer(this, { context: supabaseContext });
  readonly #online = new OnlineController(this);
  readonly #engine = new ContextConsumer(this, { context: syncEngineContext, subscribe: true });
  readonly #auth = new ContextConsumer(this, { context: authContext, subscribe: true });
  #loaded = false;
  /** signed out: whose mail to show */
  @state() private address = new URLSearchParams(window.location.search).get('to') ?? '';
  /** the person's own time zone (their synced profile), else the browser's */
  @state() private timeZone: string | undefined;
  @state() private messages: Message[] | undefined;
  @state() private error = '';
  @state() private loading = false;

  override willUpdate(): void {
    const engine = this.#engine.value;
    if (engine && this.timeZone === undefined) {
      this.timeZone = '';
      void readMyTimeZone(engine).then((zone) => {
        if (zone) this.timeZone = zone;
      });
    }
    const signedIn = this.#auth.value?.status === 'signed-in';
    const ready = signedIn || (this.#auth.value?.status === 'signed-out' && this.address !== '');
    if (!this.#loaded && ready && this.#client.value && this.#online.online) {
      this.#loaded = true;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    const client = this.#client.value;
    if (!client) return;
    this.loading = true;
    const signedIn = this.#auth.value?.status === 'signed-in';
    const query = signedIn ? '' : `?to=${encodeURIComponent(this.address)}`;
    const result = await invokeFunction<{ messages: Message[] }>(
      client,
      `email-dispatch/local/mailbox${query}`,
      { method: 'GET' },
    );
    this.loading = false;
    if (result.ok) {
      this.error = '';
      this.messages = result.data.messages;
    } else if (result.network) this.error = errorStrings.network;
    else if (result.status === 404) this.error = t.unavailable;
    else this.error = moneyStrings.failed(result.status, result.message);
  }

  override render() {
    const online = this.#online.online;
    const signedIn = this.#auth.value?.status === 'signed-in';
    return html`
      <h1>${t.title}</h1>
      <p class="muted">${t.intro}</p>
      ${this.#auth.value?.status === 'signed-out' ? this.renderAddressForm() : nothing}
      <p>
        <button
          class="button secondary"
          type="button"
          ?disabled=${this.loading || !online || (!signedIn && this.address === '')}
          @click=${() => void this.load()}
        >
          ${t.refresh}
        </button>
      </p>
      ${online ? nothing : html`<ts-notice><p>${t.needsNetwork}</p></ts-notice>`}
      ${this.error ? html`<ts-notice tone="error"><p>${this.error}</p></ts-notice>` : nothing}
      ${this.renderMessages()}
    `;
  }

  private renderAddressForm() {
    return html`<p class="muted">${t.byAddress}</p>
      <form novalidate @submit=${this.onAddress}>
        <ts-field
          name="to"
          type="email"
          label=${t.address}
          autocomplete="email"
          inputmode="email"
          required
          .value=${this.address}
        ></ts-field>
        <button class="button" type="submit" ?disabled=${this.loading}>${t.show}</button>
      </form>`;
  }

  private onAddress(event: SubmitEvent): void {
    event.preventDefault();
    const to = (formValues(event.currentTarget as HTMLFormElement)['to'] ?? '').trim();
    if (!to) return;
    this.address = to;
    history.replaceState(
      history.state,
      '',
      `${window.location.pathname}?to=${encodeURIComponent(to)}`,
    );
    void this.load();
  }

  private renderMessages() {
    const messages = this.messages;
    if (!messages)
      return this.loading ? html`<p class="muted" role="status">${strings.loading}</p>` : nothing;
    if (messages.length === 0) return html`<p class="card">${t.empty}</p>`;
    const format = new Intl.DateTimeFormat(currentIntlTag, {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(this.timeZone ? { timeZone: this.timeZone } : {}),
    });
    return html`<ul aria-label=${t.title}>
      ${messages.map(
        (m) =>
          html`<li class="card">
            <h2>${m.subject}</h2>
            <p class="muted">${t.to}: ${m.to} · ${format.format(new Date(m.at))}</p>
            <pre>${linkified(m.text)}</pre>
            ${(m.attachments ?? []).map(
              (a) =>
                html`<p>
                  <a
                    download=${a.filename}
                    href=${`data:${a.contentType.replace(/\s+/g, '')},${encodeURIComponent(a.content)}`}
                    >${t.attachment(a.filename)}</a
                  >
                </p>`,
            )}
          </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mailbox-page': MailboxPage;
  }
}
