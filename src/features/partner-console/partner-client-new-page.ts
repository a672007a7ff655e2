import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { newClientSchema } from '../../domain/partner-client.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { NavigateEvent } from '../../ui/navigate-event.ts';
import '../../ui/ts-notice.ts';
import { contactFields, formFields, issuesByField, textField } from './client-form-fields.ts';
import { consoleGate, consoleHeader, consoleStyles, ResellerController } from './partner-chrome.ts';
import { createClient } from './partner-console-data.ts';
import { partnerRefusal } from './partner-console-refusal.ts';
import { partnerConsoleStrings } from './partner-console-strings.ts';

const t = partnerConsoleStrings;

/** the zone of the browser when it has one, else the club default */
function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Moscow';
  } catch {
    return 'Europe/Moscow';
  }
}

/**
 * A new client club: its name, time zone, contact, plan and billing. The server
 * creates the club, invites the contact as its owner by email and writes the
 * audit entry; then the client's page opens.
 */
@customElement('partner-client-new-page')
export class PartnerClientNewPage extends LitElement {
  static override styles = [sharedStyles, consoleStyles];

  readonly #reseller = new ResellerController(this);
  @state() private values: Record<string, string> = {
    name: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    subscriptionTier: 'standard',
    billingByPartner: '',
    timeZone: browserZone(),
  };
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  @state() private busy = false;

  override render() {
    const gate = consoleGate(this.#reseller, t.titles.newClient);
    const reseller = this.#reseller.reseller;
    if (gate || !reseller) return gate;
    const v = this.values;
    return html`<h1>${t.titles.newClient}</h1>
      ${consoleHeader(reseller, 'new')}
      <form class="card" novalidate @submit=${this.submit}>
        ${textField('name', t.form.name, v['name'] ?? '', this.errors['name'])}
        ${contactFields(
          {
            contactName: v['contactName'] ?? '',
            contactEmail: v['contactEmail'] ?? '',
            contactPhone: v['contactPhone'] ?? '',
            subscriptionTier: v['subscriptionTier'] ?? 'standard',
            billingByPartner: v['billingByPartner'] === 'on',
          },
          this.errors,
        )}
        ${textField('timeZone', t.form.timeZone, v['timeZone'] ?? '', this.errors['timeZone'])}
        ${
          this.formError
            ? html`<ts-notice tone="error"><p>${this.formError}</p></ts-notice>`
            : nothing
        }
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.busy}>${t.form.create}</button>
        </div>
      </form>`;
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const client = this.#reseller.client;
    const reseller = this.#reseller.reseller;
    if (!client || !reseller) return;
    this.values = formFields(form);
    this.formError = '';
    const parsed = newClientSchema.safeParse(this.values);
    if (!parsed.success) {
      this.errors = issuesByField(parsed.error.issues);
      await this.updateComplete;
      const first = Object.keys(this.errors)[0];
      this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    this.errors = {};
    this.busy = true;
    const result = await createClient(client, reseller.id, parsed.data);
    this.busy = false;
    if (!result.ok) {
      this.formError = partnerRefusal(result.error);
      return;
    }
    this.dispatchEvent(new NavigateEvent(`/partner/clients/${result.data}`));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'partner-client-new-page': PartnerClientNewPage;
  }
}
