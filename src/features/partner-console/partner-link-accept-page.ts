import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { supabaseContext } from '../../state/contexts.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { consoleStyles } from './partner-chrome.ts';
import {
  acceptLink,
  loadMyOwnedClubs,
  previewLink,
  type LinkPreview,
} from './partner-console-data.ts';
import { partnerRefusal } from './partner-console-refusal.ts';
import { partnerConsoleStrings } from './partner-console-strings.ts';

const t = partnerConsoleStrings;

type PageState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; preview: LinkPreview; clubs: { id: string; name: string }[] }
  | { status: 'error'; message: string }
  | { status: 'accepted'; clubId: string };

/**
 * A club owner opens a partner's link: who asks, for how long and with what
 * access; the owner picks one of their clubs and allows it (or simply leaves).
 */
@customElement('partner-link-accept-page')
export class PartnerLinkAcceptPage extends LitElement {
  static override styles = [sharedStyles, consoleStyles];

  /** from the URL */
  @property() token = '';

  readonly #supabase = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  readonly #online = new OnlineController(this);
  @state() private page: PageState = { status: 'idle' };
  @state() private error = '';
  @state() private busy = false;

  override willUpdate(): void {
    if (this.page.status === 'idle' && this.#supabase.value && this.#online.online) {
      this.page = { status: 'loading' };
      void this.load();
    }
  }

  override render() {
    const head = html`<h1>${t.titles.accept}</h1>`;
    if (!this.#online.online) return html`${head}<ts-notice><p>${t.offline}</p></ts-notice>`;
    const p = this.page;
    if (p.status === 'idle' || p.status === 'loading')
      return html`${head}
        <p class="muted" role="status">${t.loading}</p>`;
    if (p.status === 'error')
      return html`${head}<ts-notice tone="error"><p>${p.message}</p></ts-notice>`;
    if (p.status === 'accepted')
      return html`${head}
        <ts-notice><p>${t.accept.accepted}</p></ts-notice>
        <p><a class="button" href="/org/${p.clubId}/partner">${t.accept.open}</a></p>`;
    const v = p.preview;
    return html`${head}
      <section class="card stack">
        <p><strong>${t.accept.asks(v.partner_name, v.months)}</strong></p>
        <p>${v.allow_write ? t.accept.write : t.accept.readOnly}</p>
        <p class="muted">${t.accept.revocable}</p>
      </section>
      ${
        p.clubs.length === 0
          ? html`<ts-notice><p>${t.accept.noClubs}</p></ts-notice>`
          : html`<form class="card after-list" @submit=${this.accept}>
              <label
                >${t.accept.club}
                <select name="club">
                  ${p.clubs.map((c) => html`<option value=${c.id}>${c.name}</option>`)}
                </select>
              </label>
              ${this.error ? html`<ts-notice tone="error"><p>${this.error}</p></ts-notice>` : nothing}
              <div class="actions">
                <button class="button" type="submit" ?disabled=${this.busy}>
                  ${t.accept.accept}
                </button>
              </div>
            </form>`
      }`;
  }

  private async load(): Promise<void> {
    const client = this.#supabase.value;
    if (!client) return;
    const [preview, clubs] = await Promise.all([
      previewLink(client, this.token),
      loadMyOwnedClubs(client),
    ]);
    if (!preview.ok) {
      this.page = { status: 'error', message: partnerRefusal(preview.error) };
      return;
    }
    if (!preview.data) {
      this.page = { status: 'error', message: t.refusal.linkInvalid };
      return;
    }
    this.page = { status: 'ready', preview: preview.data, clubs: clubs.ok ? clubs.data : [] };
  }

  private async accept(e: Event): Promise<void> {
    e.preventDefault();
    const client = this.#supabase.value;
    if (!client) return;
    const club = String(new FormData(e.target as HTMLFormElement).get('club') ?? '');
    this.busy = true;
    this.error = '';
    const result = await acceptLink(client, this.token, club);
    this.busy = false;
    if (!result.ok) {
      this.error = partnerRefusal(result.error);
      return;
    }
    this.page = { status: 'accepted', clubId: club };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'partner-link-accept-page': PartnerLinkAcceptPage;
  }
}
