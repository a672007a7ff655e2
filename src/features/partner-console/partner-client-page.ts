import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  actingSchema,
  cancelSchema,
  clientContactSchema,
  nextStatuses,
  type ClientStatus,
} from '../../domain/partner-client.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { NavigateEvent } from '../../ui/navigate-event.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { contactFields, formFields, issuesByField } from './client-form-fields.ts';
import {
  consoleGate,
  consoleHeader,
  consoleStyles,
  formatDate,
  formatRevenue,
  ResellerController,
} from './partner-chrome.ts';
import { startActingFor } from './partner-acting-data.ts';
import {
  loadClient,
  setClientStatus,
  updateClient,
  type ClientUsage,
} from './partner-console-data.ts';
import { partnerRefusal } from './partner-console-refusal.ts';
import { partnerConsoleStrings } from './partner-console-strings.ts';

const t = partnerConsoleStrings;

type ClientState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; usage: ClientUsage | null }
  | { status: 'error'; message: string };

/**
 * One client of the reseller: who it is and its activity, its contact and plan
 * to edit, suspend / reactivate / cancel with an access period, and acting for
 * the club with a reason (write access only where the club allows it).
 */
@customElement('partner-client-page')
export class PartnerClientPage extends LitElement {
  static override styles = [
    sharedStyles,
    consoleStyles,
    css`
      .danger {
        border-color: var(--ts-color-danger);
      }
    `,
  ];

  /** the client club's organization id, from the URL */
  @property() clientId = '';

  readonly #reseller = new ResellerController(this);
  @state() private client: ClientState = { status: 'idle' };
  @state() private errors: Record<string, string> = {};
  @state() private messages: Record<string, string> = {};
  @state() private busy = false;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('clientId')) this.client = { status: 'idle' };
    if (this.client.status === 'idle' && this.#reseller.reseller) {
      this.client = { status: 'loading' };
      void this.load();
    }
  }

  override render() {
    const gate = consoleGate(this.#reseller, t.titles.client);
    const reseller = this.#reseller.reseller;
    if (gate || !reseller) return gate;
    const c = this.client;
    let body;
    if (c.status === 'idle' || c.status === 'loading')
      body = html`<p class="muted" role="status">${t.loading}</p>`;
    else if (c.status === 'error')
      body = html`<ts-notice tone="error"><p>${c.message}</p></ts-notice>`;
    else if (!c.usage) body = html`<ts-notice><p>${t.refusal.notFound}</p></ts-notice>`;
    else body = this.renderClient(c.usage);
    const name = c.status === 'ready' && c.usage ? c.usage.name : t.titles.client;
    return html`<h1>${name}</h1>
      ${consoleHeader(reseller, 'clients')}
      <p role="status" class="muted">${this.messages['page'] ?? ''}</p>
      ${body}`;
  }

  private renderClient(u: ClientUsage) {
    const live = u.revoked_at === null && u.status !== 'canceled';
    return html`${this.renderSummary(u)} ${live ? this.renderEdit(u) : nothing}
    ${u.revoked_at === null ? this.renderStatus(u) : nothing} ${this.renderActing(u)}`;
  }

  private renderSummary(u: ClientUsage) {
    const status = u.revoked_at ? t.status.revoked : t.status[u.status];
    const origin = u.origin === 'linked' ? t.origin.linked : t.origin.created;
    return html`<section class="card first" aria-labelledby="usage">
      <h2 id="usage">${t.client.usage}</h2>
      <p>
        <span class="pill">${status}</span> ${origin} ·
        ${t.client.since(formatDate(u.created_at, currentIntlTag))}
      </p>
      ${
        u.consent_expires_at
          ? html`<p class="muted">
              ${t.client.consentUntil(formatDate(u.consent_expires_at, currentIntlTag))}
            </p>`
          : nothing
      }
      ${
        u.access_ends_at
          ? html`<p class="muted">
              ${t.client.accessUntil(formatDate(u.access_ends_at, currentIntlTag))}
            </p>`
          : nothing
      }
      ${
        u.members === null
          ? html`<p>${t.client.noFigures}</p>`
          : html`<dl>
              <dt>${t.list.members}</dt>
              <dd>${u.members}</dd>
              <dt>${t.list.athletes}</dt>
              <dd>${u.active_athletes}</dd>
              <dt>${t.list.sessions}</dt>
              <dd>${u.sessions_30d}</dd>
              <dt>${t.list.revenue}</dt>
              <dd>${formatRevenue(u.revenue_30d ?? {}, currentIntlTag)}</dd>
            </dl>`
      }
    </section>`;
  }

  private renderEdit(u: ClientUsage) {
    return html`<section aria-labelledby="contact">
      <h2 id="contact">${t.client.contact}</h2>
      <form class="card" novalidate @submit=${this.save}>
        ${contactFields(
          {
            contactName: u.contact_name ?? '',
            contactEmail: u.contact_email ?? '',
            contactPhone: u.contact_phone ?? '',
            subscriptionTier: u.subscription_tier,
            billingByPartner: u.billing_by_partner,
          },
          this.errors,
        )}
        ${this.notice('edit')}
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.busy}>${t.form.save}</button>
        </div>
      </form>
    </section>`;
  }

  private renderStatus(u: ClientUsage) {
    const moves = nextStatuses(u.status);
    if (moves.length === 0) return nothing;
    return html`<section aria-labelledby="status">
      <h2 id="status">${t.client.statusTitle}</h2>
      <div class="card stack">
        ${
          moves.includes('suspended')
            ? html`<p class="muted">${t.client.suspendHint}</p>
                <div class="actions">
                  <button
                    class="button secondary"
                    type="button"
                    ?disabled=${this.busy}
                    @click=${() => this.move('suspended', 0)}
                  >
                    ${t.client.suspend}
                  </button>
                </div>`
            : nothing
        }
        ${
          moves.includes('active')
            ? html`<div class="actions">
                <button
                  class="button secondary"
                  type="button"
                  ?disabled=${this.busy}
                  @click=${() => this.move('active', 0)}
                >
                  ${t.client.reactivate}
                </button>
              </div>`
            : nothing
        }
        <form novalidate @submit=${this.cancel}>
          <p class="muted">${t.client.cancelHint}</p>
          <label
            >${t.client.accessDays}
            <input
              name="accessDays"
              inputmode="numeric"
              value="30"
              aria-invalid=${this.errors['accessDays'] ? 'true' : 'false'}
              aria-describedby="accessDays-error"
            />
            <p class="error" id="accessDays-error" role="alert">
              ${this.errors['accessDays'] ?? ''}
            </p>
          </label>
          <div class="actions">
            <button class="button secondary danger" type="submit" ?disabled=${this.busy}>
              ${t.client.cancel}
            </button>
          </div>
        </form>
        ${this.notice('status')}
      </div>
    </section>`;
  }

  private renderActing(u: ClientUsage) {
    const can = u.status === 'active' && u.revoked_at === null && u.members !== null;
    return html`<section aria-labelledby="act">
      <h2 id="act">${t.client.actTitle}</h2>
      ${
        can
          ? html`<form class="card" novalidate @submit=${this.act}>
              <p class="muted">${t.client.actHint}</p>
              <label
                >${t.client.reason}
                <span class="hint" id="reason-hint">${t.client.reasonHint}</span>
                <textarea
                  name="reason"
                  rows="3"
                  aria-invalid=${this.errors['reason'] ? 'true' : 'false'}
                  aria-describedby="reason-hint reason-error"
                ></textarea>
                <p class="error" id="reason-error" role="alert">${this.errors['reason'] ?? ''}</p>
              </label>
              ${
                u.allow_write
                  ? html`<label class="check"
                        ><input type="checkbox" name="write" /> ${t.client.write}</label
                      >
                      <p class="hint">${t.client.writeHint}</p>`
                  : html`<p class="muted">${t.client.readOnly}</p>`
              }
              ${this.notice('act')}
              <div class="actions">
                <button class="button" type="submit" ?disabled=${this.busy}>
                  ${t.client.actStart}
                </button>
              </div>
            </form>`
          : html`<p class="card">${t.client.actUnavailable}</p>`
      }
    </section>`;
  }

  private notice(key: string) {
    const message = this.messages[key];
    return message ? html`<ts-notice tone="error"><p>${message}</p></ts-notice>` : nothing;
  }

  private async load(): Promise<void> {
    const client = this.#reseller.client;
    if (!client) return;
    const result = await loadClient(client, this.clientId);
    this.client = result.ok
      ? { status: 'ready', usage: result.data?.usage ?? null }
      : { status: 'error', message: partnerRefusal(result.error) };
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const client = this.#reseller.client;
    if (!client) return;
    const parsed = clientContactSchema.safeParse(formFields(e.target as HTMLFormElement));
    this.messages = {};
    if (!parsed.success) {
      this.errors = issuesByField(parsed.error.issues);
      return;
    }
    this.errors = {};
    this.busy = true;
    const result = await updateClient(client, this.clientId, parsed.data);
    this.busy = false;
    if (!result.ok) {
      this.messages = { edit: partnerRefusal(result.error) };
      return;
    }
    this.messages = { page: t.form.saved };
    await this.load();
  }

  private async cancel(e: Event): Promise<void> {
    e.preventDefault();
    const parsed = cancelSchema.safeParse(formFields(e.target as HTMLFormElement));
    if (!parsed.success) {
      this.errors = issuesByField(parsed.error.issues);
      return;
    }
    this.errors = {};
    if (!confirm(t.client.confirmCancel)) return;
    await this.move('canceled', parsed.data.accessDays);
  }

  private async move(status: ClientStatus, accessDays: number): Promise<void> {
    const client = this.#reseller.client;
    if (!client) return;
    this.messages = {};
    this.busy = true;
    const result = await setClientStatus(client, this.clientId, status, accessDays);
    this.busy = false;
    if (!result.ok) {
      this.messages = { status: partnerRefusal(result.error) };
      return;
    }
    this.messages = { page: t.client.statusChanged };
    await this.load();
  }

  private async act(e: Event): Promise<void> {
    e.preventDefault();
    const client = this.#reseller.client;
    if (!client) return;
    const parsed = actingSchema.safeParse(formFields(e.target as HTMLFormElement));
    this.messages = {};
    if (!parsed.success) {
      this.errors = issuesByField(parsed.error.issues);
      this.renderRoot.querySelector<HTMLElement>('[name="reason"]')?.focus();
      return;
    }
    this.errors = {};
    this.busy = true;
    const result = await startActingFor(
      client,
      this.clientId,
      parsed.data.reason,
      parsed.data.write,
    );
    this.busy = false;
    if (!result.ok) {
      const message = partnerRefusal(result.error);
      this.messages = { act: message === t.failed ? t.refusal.acting : message };
      return;
    }
    this.dispatchEvent(new NavigateEvent('/roster'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'partner-client-page': PartnerClientPage;
  }
}
