import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ContextConsumer } from '@lit/context';
import { z } from 'zod';
import { labelInput, noteInput, refineLabel, refineNote } from '../../domain/clean-text.ts';
import {
  PROSPECT_EMAIL_PATTERN,
  PROSPECT_LIMITS,
  claimDaysLeft,
  effectiveDealStatus,
} from '../../domain/partner-deal.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { fieldErrors, focusFirstInvalid, formValues } from '../../ui/form-errors.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { chipStyles, statusToneStyles } from '../../ui/chip-styles.ts';
import '../../ui/ts-field.ts';
import '../../ui/ts-notice.ts';
import { closeDeal, registerDeal, type Deal } from './partner-dashboard-data.ts';
import { partnerDashboardStrings } from './partner-dashboard-strings.ts';

const t = partnerDashboardStrings;
const v = t.validation;

// the table's checks (partner_deals_*_check), in the form's words
const dealSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, v.required)
    .max(PROSPECT_LIMITS.name, v.tooLong(PROSPECT_LIMITS.name))
    .overwrite(labelInput)
    .superRefine(refineLabel),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, v.required)
    .max(PROSPECT_LIMITS.email, v.tooLong(PROSPECT_LIMITS.email))
    .regex(PROSPECT_EMAIL_PATTERN, v.email),
  city: z
    .string()
    .trim()
    .max(PROSPECT_LIMITS.city, v.tooLong(PROSPECT_LIMITS.city))
    .overwrite(labelInput)
    .superRefine((s, ctx) => {
      if (s !== '') refineLabel(s, ctx);
    }),
  note: z
    .string()
    .trim()
    .max(PROSPECT_LIMITS.note, v.tooLong(PROSPECT_LIMITS.note))
    .overwrite(noteInput)
    .superRefine(refineNote),
});

const tone: Record<string, string> = {
  registered: 'success',
  won: 'success',
  lost: 'neutral',
  expired: 'neutral',
};

/** the partner's deal registrations and the form to claim a prospect */
@customElement('partner-deals-section')
export class PartnerDealsSection extends LitElement {
  static override styles = [
    sharedStyles,
    chipStyles,
    statusToneStyles,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 0 0 var(--ts-space-4);
        display: grid;
        gap: var(--ts-space-3);
      }
      .email {
        overflow-wrap: anywhere;
      }
      form {
        display: grid;
        gap: var(--ts-space-2);
      }
    `,
  ];

  @property() partnerOrgId = '';
  @property({ attribute: false }) deals: Deal[] = [];
  @property({ type: Boolean }) canWrite = false;

  readonly #client = new ContextConsumer(this, { context: supabaseContext });
  @state() private errors: Record<string, string> = {};
  @state() private note: { tone: 'success' | 'error'; text: string } | null = null;
  @state() private busy = false;
  /** bumped after a registration so the form is drawn empty */
  @state() private generation = 0;

  override render() {
    const s = t.deals;
    const now = Date.now();
    return html`<section aria-labelledby="deals-title">
      <h2 id="deals-title">${s.title}</h2>
      <p class="muted">${s.intro}</p>
      ${
        this.deals.length === 0
          ? html`<p class="muted">${s.empty}</p>`
          : html`<ul>
              ${this.deals.map((d) => {
                const status = effectiveDealStatus(d.status, d.expires_at, now);
                return html`<li class="card" data-testid="deal">
                  <strong>${d.prospect_name}</strong>
                  <span class="chip" data-tone=${tone[status] ?? 'neutral'}
                    >${s.statuses[status]}</span
                  >
                  <div class="muted email">
                    ${d.prospect_email}${d.prospect_city ? ` · ${d.prospect_city}` : ''}
                  </div>
                  ${d.note ? html`<div>${d.note}</div>` : nothing}
                  ${
                    status === 'registered'
                      ? html`<div class="muted">
                            ${s.daysLeft(claimDaysLeft(d.expires_at, now))} ·
                            ${new Intl.DateTimeFormat(currentIntlTag, { dateStyle: 'medium' }).format(new Date(d.expires_at))}
                          </div>
                          ${
                            this.canWrite
                              ? html`<div class="actions">
                                  <button
                                    class="button secondary"
                                    type="button"
                                    @click=${() => this.close(d.id, true)}
                                  >
                                    ${s.markWon}
                                  </button>
                                  <button
                                    class="button secondary"
                                    type="button"
                                    @click=${() => this.close(d.id, false)}
                                  >
                                    ${s.markLost}
                                  </button>
                                </div>`
                              : nothing
                          }`
                      : nothing
                  }
                </li>`;
              })}
            </ul>`
      }
      ${this.note ? html`<ts-notice tone=${this.note.tone}><p>${this.note.text}</p></ts-notice>` : nothing}
      ${this.canWrite ? this.renderForm() : html`<p class="muted">${s.readOnly}</p>`}
    </section>`;
  }

  private renderForm() {
    const s = t.deals;
    const e = this.errors;
    return keyed(
      this.generation,
      html`<form class="card" novalidate @submit=${this.onSubmit} aria-label=${s.title}>
        <ts-field
          name="name"
          label=${s.name}
          autocomplete="off"
          required
          .error=${e['name'] ?? ''}
        ></ts-field>
        <ts-field
          name="email"
          type="email"
          label=${s.email}
          autocomplete="off"
          required
          .error=${e['email'] ?? ''}
        ></ts-field>
        <ts-field
          name="city"
          label=${s.city}
          hint=${s.optional}
          .error=${e['city'] ?? ''}
        ></ts-field>
        <ts-field
          name="note"
          label=${s.note}
          hint=${s.optional}
          .error=${e['note'] ?? ''}
        ></ts-field>
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.busy}>
            ${this.busy ? s.saving : s.submit}
          </button>
        </div>
      </form>`,
    );
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.#client.value;
    if (this.busy || !client) return;
    const form = event.currentTarget as HTMLFormElement;
    const parsed = dealSchema.safeParse(formValues(form));
    this.note = null;
    if (!parsed.success) {
      this.errors = fieldErrors(parsed.error);
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot, this.errors);
      return;
    }
    this.errors = {};
    this.busy = true;
    const result = await registerDeal(client, this.partnerOrgId, parsed.data);
    this.busy = false;
    if (!result.ok) {
      const text =
        result.error.hint === 'prospect_claimed' ? t.deals.claimed : result.error.message;
      this.note = { tone: 'error', text };
      return;
    }
    this.note = { tone: 'success', text: t.deals.registered(parsed.data.name) };
    this.generation++;
    this.dispatchEvent(new Event('deals-changed', { bubbles: true, composed: true }));
  }

  private async close(id: string, won: boolean): Promise<void> {
    const client = this.#client.value;
    if (!client) return;
    const result = await closeDeal(client, id, won);
    if (!result.ok) {
      this.note = { tone: 'error', text: result.error.message };
      return;
    }
    this.note = null;
    this.dispatchEvent(new Event('deals-changed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'partner-deals-section': PartnerDealsSection;
  }
}
