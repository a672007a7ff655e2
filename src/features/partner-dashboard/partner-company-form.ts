import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ContextConsumer } from '@lit/context';
import { z } from 'zod';
import { supabaseContext } from '../../state/contexts.ts';
import { fieldErrors, focusFirstInvalid, formValues } from '../../ui/form-errors.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-field.ts';
import '../../ui/ts-notice.ts';
import { updateProfile, type PartnerProfile } from './partner-dashboard-data.ts';
import { partnerDashboardStrings } from './partner-dashboard-strings.ts';

const t = partnerDashboardStrings;
const v = t.validation;

const optional = (schema: z.ZodString) => z.union([z.literal('').transform(() => null), schema]);

// partner_profiles' checks (20261206170000_partner_core.sql), in the form's words
const companySchema = z.object({
  website: optional(
    z
      .string()
      .max(300, v.tooLong(300))
      .regex(/^https?:\/\/[^\s]+$/, v.url),
  ),
  contact_email: optional(
    z
      .string()
      .max(254, v.tooLong(254))
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, v.email),
  ),
  contact_phone: optional(z.string().regex(/^\+?[0-9 ()-]{5,30}$/, v.phone)),
});

/** the partner's website and contacts, editable by its owner and admins */
@customElement('partner-company-form')
export class PartnerCompanyForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        margin-top: var(--ts-space-5);
      }
      form {
        display: grid;
        gap: var(--ts-space-2);
      }
    `,
  ];

  @property({ attribute: false }) profile: PartnerProfile | null = null;
  @property({ type: Boolean }) canWrite = false;

  readonly #client = new ContextConsumer(this, { context: supabaseContext });
  @state() private errors: Record<string, string> = {};
  @state() private note: { tone: 'success' | 'error'; text: string } | null = null;
  @state() private busy = false;

  override render() {
    const s = t.company;
    const p = this.profile;
    if (!p) return nothing;
    const e = this.errors;
    return html`<section aria-labelledby="company-title">
      <h2 id="company-title">${s.title}</h2>
      ${this.canWrite ? nothing : html`<p class="muted">${s.readOnly}</p>`}
      ${keyed(
        p,
        html`<form class="card" novalidate @submit=${this.onSubmit} aria-label=${s.title}>
          <ts-field
            name="website"
            type="url"
            label=${s.website}
            hint=${s.websiteHint}
            autocomplete="url"
            .value=${p.website ?? ''}
            ?disabled=${!this.canWrite}
            .error=${e['website'] ?? ''}
          ></ts-field>
          <ts-field
            name="contact_email"
            type="email"
            label=${s.email}
            autocomplete="email"
            .value=${p.contact_email ?? ''}
            ?disabled=${!this.canWrite}
            .error=${e['contact_email'] ?? ''}
          ></ts-field>
          <ts-field
            name="contact_phone"
            type="tel"
            label=${s.phone}
            autocomplete="tel"
            .value=${p.contact_phone ?? ''}
            ?disabled=${!this.canWrite}
            .error=${e['contact_phone'] ?? ''}
          ></ts-field>
          ${this.note ? html`<ts-notice tone=${this.note.tone}><p>${this.note.text}</p></ts-notice>` : nothing}
          ${
            this.canWrite
              ? html`<div class="actions">
                  <button class="button" type="submit" ?disabled=${this.busy}>
                    ${this.busy ? s.saving : s.save}
                  </button>
                </div>`
              : nothing
          }
        </form>`,
      )}
    </section>`;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.#client.value;
    const p = this.profile;
    if (this.busy || !client || !p) return;
    const values = formValues(event.currentTarget as HTMLFormElement);
    const parsed = companySchema.safeParse({
      website: (values['website'] ?? '').trim(),
      contact_email: (values['contact_email'] ?? '').trim(),
      contact_phone: (values['contact_phone'] ?? '').trim(),
    });
    this.note = null;
    if (!parsed.success) {
      this.errors = fieldErrors(parsed.error);
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot, this.errors);
      return;
    }
    this.errors = {};
    this.busy = true;
    const result = await updateProfile(client, p.org_id, parsed.data);
    this.busy = false;
    if (!result.ok) {
      this.note = { tone: 'error', text: result.error.message };
      return;
    }
    this.note = { tone: 'success', text: t.company.saved };
    this.dispatchEvent(new Event('profile-saved', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'partner-company-form': PartnerCompanyForm;
  }
}
