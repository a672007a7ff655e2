import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { linkRequestSchema, partnerLinkUrl } from '../../domain/partner-client.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { formFields, issuesByField } from './client-form-fields.ts';
import { consoleGate, consoleHeader, consoleStyles, ResellerController } from './partner-chrome.ts';
import { requestLink } from './partner-console-data.ts';
import { partnerRefusal } from './partner-console-refusal.ts';
import { partnerConsoleStrings } from './partner-console-strings.ts';

const t = partnerConsoleStrings;

/**
 * A link for a club already on Trackside: the term (1–24 months) and whether
 * write access is asked for. The link is shown once, to copy: the server keeps
 * only its sha-256.
 */
@customElement('partner-link-page')
export class PartnerLinkPage extends LitElement {
  static override styles = [sharedStyles, consoleStyles];

  readonly #reseller = new ResellerController(this);
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  @state() private link = '';
  @state() private message = '';
  @state() private busy = false;

  override render() {
    const gate = consoleGate(this.#reseller, t.titles.link);
    const reseller = this.#reseller.reseller;
    if (gate || !reseller) return gate;
    return html`<h1>${t.titles.link}</h1>
      ${consoleHeader(reseller, 'link')}
      <p>${t.link.intro}</p>
      <form class="card" novalidate @submit=${this.create}>
        <label
          >${t.link.months}
          <span class="hint" id="months-hint">${t.link.monthsHint}</span>
          <input
            name="months"
            inputmode="numeric"
            value="12"
            aria-invalid=${this.errors['months'] ? 'true' : 'false'}
            aria-describedby="months-hint months-error"
          />
          <p class="error" id="months-error" role="alert">${this.errors['months'] ?? ''}</p>
        </label>
        <label class="check"><input type="checkbox" name="write" /> ${t.link.write}</label>
        ${
          this.formError
            ? html`<ts-notice tone="error"><p>${this.formError}</p></ts-notice>`
            : nothing
        }
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.busy}>${t.link.create}</button>
        </div>
      </form>
      ${
        this.link
          ? html`<section class="card stack" aria-labelledby="link-created">
              <h2 id="link-created">${t.link.label}</h2>
              <p>${t.link.created}</p>
              <input
                id="partner-link"
                aria-labelledby="link-created"
                readonly
                .value=${this.link}
                @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
              />
              <div class="actions">
                <button class="button secondary" type="button" @click=${this.copy}>
                  ${t.link.copy}
                </button>
              </div>
            </section>`
          : nothing
      }
      <p role="status" class="muted">${this.message}</p>`;
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    const client = this.#reseller.client;
    const reseller = this.#reseller.reseller;
    if (!client || !reseller) return;
    this.formError = '';
    this.message = '';
    const parsed = linkRequestSchema.safeParse(formFields(e.target as HTMLFormElement));
    if (!parsed.success) {
      this.errors = issuesByField(parsed.error.issues);
      return;
    }
    this.errors = {};
    this.busy = true;
    const result = await requestLink(client, reseller.id, parsed.data.months, parsed.data.write);
    this.busy = false;
    if (!result.ok) {
      this.formError = partnerRefusal(result.error);
      return;
    }
    this.link = partnerLinkUrl(location.origin, result.data);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#partner-link')?.focus();
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.link);
      this.message = t.link.copied;
    } catch {
      // no clipboard permission: the field is selected, the user copies it by hand
      this.renderRoot.querySelector<HTMLInputElement>('#partner-link')?.select();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'partner-link-page': PartnerLinkPage;
  }
}
