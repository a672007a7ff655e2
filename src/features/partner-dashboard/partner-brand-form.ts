import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ContextConsumer } from '@lit/context';
import { z } from 'zod';
import { labelInput, refineLabel } from '../../domain/clean-text.ts';
import { BRAND_COLOR_PATTERN, readableTextOn, safeLogoUrl } from '../../domain/partner-brand.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { fieldErrors, focusFirstInvalid, formValues } from '../../ui/form-errors.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-field.ts';
import '../../ui/ts-notice.ts';
import { updateProfile, type PartnerProfile, type PartnerTier } from './partner-dashboard-data.ts';
import { partnerDashboardStrings } from './partner-dashboard-strings.ts';
import { tierLabel } from '../../i18n/tier-label.ts';

const t = partnerDashboardStrings;
const v = t.validation;

const nullIfEmpty = (schema: z.ZodType<string>) =>
  z.union([z.literal('').transform(() => null), schema]);
const label = (max: number) =>
  z.string().max(max, v.tooLong(max)).overwrite(labelInput).superRefine(refineLabel);
const color = z.string().regex(BRAND_COLOR_PATTERN, v.color).toLowerCase();

// partner_profiles' checks (20261206170000_partner_core.sql), in the form's words
const brandSchema = z.object({
  brand_name: nullIfEmpty(label(80)),
  brand_logo_url: nullIfEmpty(
    z
      .string()
      .max(500, v.tooLong(500))
      .regex(/^https:\/\/[^\s"'<>]+$/, v.url),
  ),
  brand_color: nullIfEmpty(color),
  brand_accent_color: nullIfEmpty(color),
  email_sender_name: nullIfEmpty(label(60).refine((x) => !/["<>@]/.test(x), v.sender)),
});

/**
 * The partner's brand: name, logo, colours and email sender name. Editable only
 * when the tier has white-label; otherwise shown disabled with why (the database
 * refuses the write anyway).
 */
@customElement('partner-brand-form')
export class PartnerBrandForm extends LitElement {
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
      /* as the strip under the app bar of the clients' members (partner-brand-mark.ts) */
      .preview {
        display: flex;
        align-items: center;
        justify-content: center;
        gap: var(--ts-space-2);
        padding: 4px var(--ts-space-4);
        font-size: 0.875rem;
        font-weight: 600;
        border-bottom: 3px solid transparent;
      }
      .preview img {
        width: 20px;
        height: 20px;
        object-fit: contain;
      }
    `,
  ];

  @property({ attribute: false }) profile: PartnerProfile | null = null;
  @property({ attribute: false }) tier: PartnerTier | null = null;
  @property({ type: Boolean }) canWrite = false;

  readonly #client = new ContextConsumer(this, { context: supabaseContext });
  @state() private errors: Record<string, string> = {};
  @state() private note: { tone: 'success' | 'error'; text: string } | null = null;
  @state() private busy = false;

  override render() {
    const s = t.brand;
    const p = this.profile;
    if (!p) return nothing;
    const allowed = this.tier?.white_label ?? false;
    const editable = allowed && this.canWrite;
    const e = this.errors;
    const field = (name: keyof PartnerProfile, text: string, hint = '', type = 'text') =>
      html`<ts-field
        name=${name}
        type=${type}
        label=${text}
        hint=${hint}
        autocomplete="off"
        .value=${(p[name] as string | null) ?? ''}
        ?disabled=${!editable}
        .error=${e[name] ?? ''}
      ></ts-field>`;
    return html`<section aria-labelledby="brand-title">
      <h2 id="brand-title">${s.title}</h2>
      <p class="muted">${s.intro}</p>
      ${
        allowed
          ? this.canWrite
            ? nothing
            : html`<p class="muted">${t.company.readOnly}</p>`
          : html`<ts-notice tone="warning"
              ><p>${s.locked(this.tier ? tierLabel(this.tier) : '')}</p></ts-notice
            >`
      }
      ${this.renderPreview(p)}
      ${keyed(
        p,
        html`<form class="card" novalidate @submit=${this.onSubmit} aria-label=${s.title}>
          ${field('brand_name', s.name)} ${field('brand_logo_url', s.logo, s.logoHint, 'url')}
          ${field('brand_color', s.color, s.colorHint)}
          ${field('brand_accent_color', s.accent, s.colorHint)}
          ${field('email_sender_name', s.sender, s.senderHint)}
          ${this.note ? html`<ts-notice tone=${this.note.tone}><p>${this.note.text}</p></ts-notice>` : nothing}
          ${
            editable
              ? html`<div class="actions">
                  <button class="button" type="submit" ?disabled=${this.busy}>
                    ${this.busy ? s.saving : s.save}
                  </button>
                </div>`
              : nothing
          }
        </form>`,
      )}
      <h3>${s.domainTitle}</h3>
      <p class="muted">${s.domain}</p>
    </section>`;
  }

  private renderPreview(p: PartnerProfile) {
    if (!p.brand_name) return nothing;
    const bg = p.brand_color ?? '#ffffff';
    const logo = safeLogoUrl(p.brand_logo_url);
    return html`<p class="muted">${t.brand.preview}</p>
      <div
        class="preview"
        data-testid="brand-preview"
        style="background:${bg};color:${readableTextOn(bg)};border-bottom-color:${p.brand_accent_color ?? bg}"
      >
        ${logo ? html`<img src=${logo} alt="" />` : nothing}
        <span>${t.brand.via(p.brand_name)}</span>
      </div>`;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.#client.value;
    const p = this.profile;
    if (this.busy || !client || !p) return;
    const values = formValues(event.currentTarget as HTMLFormElement);
    const trimmed = Object.fromEntries(Object.entries(values).map(([k, x]) => [k, x.trim()]));
    const parsed = brandSchema.safeParse(trimmed);
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
      const refused = result.error.code === '42501';
      this.note = { tone: 'error', text: refused ? t.brand.refused : result.error.message };
      return;
    }
    this.note = { tone: 'success', text: t.brand.saved };
    this.dispatchEvent(new Event('profile-saved', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'partner-brand-form': PartnerBrandForm;
  }
}
