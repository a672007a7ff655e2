import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { z } from 'zod';
import { labelInput, refineLabel } from '../../domain/clean-text.ts';
import { ContextConsumer } from '@lit/context';
import { supabaseContext } from '../../state/contexts.ts';
import { callRpc } from '../../data/call-rpc.ts';
import { organizationKinds, strings } from '../../i18n/shell-strings.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import type { FieldOption } from '../../ui/ts-field.ts';
import '../../ui/ts-field.ts';
import '../../ui/ts-notice.ts';
import { fieldErrors, focusFirstInvalid, formValues } from '../../ui/form-errors.ts';
import { NavigateEvent } from '../../ui/navigate-event.ts';
import { slugify } from '../../domain/slugify.ts';
import { SLUG_PATTERN } from '../../domain/organization.ts';
import { REFERRAL_CODE_PATTERN } from '../../domain/referral-code.ts';
import { partnerDashboardStrings, redeemReferral } from '../partner-dashboard/index.ts';
import { pendingReferral } from '../../state/pending-referral.ts';

const t = strings.createOrganization;
const v = strings.validation;

const timeZones = new Set(Intl.supportedValuesOf('timeZone'));
const schema = z.object({
  // organizations_name_clean_check: composed, no control characters, something visible
  name: z
    .string()
    .trim()
    .min(1, v.required)
    .max(200, v.tooLong(200))
    .overwrite(labelInput)
    .superRefine(refineLabel),
  slug: z.string().trim().regex(SLUG_PATTERN, v.slug),
  kind: z.enum(organizationKinds),
  timeZone: z.string().refine((zone) => timeZones.has(zone), v.timeZone),
  locale: z.enum(['ru', 'en']),
  // a partner's code (from a `?ref=` link or typed); redeem_referral_code checks it
  referralCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => code === '' || REFERRAL_CODE_PATTERN.test(code), {
      message: partnerDashboardStrings.referralField.invalid,
    }),
});

const kindOptions: FieldOption[] = organizationKinds.map((kind) => ({
  value: kind,
  label: strings.kindName(kind),
}));
const localeOptions: FieldOption[] = [
  { value: 'ru', label: 'Русский' },
  { value: 'en', label: 'English' },
];

/** creates an organization with the caller as its owner (`create_organization` RPC) */
@customElement('create-organization-page')
export class CreateOrganizationPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .actions {
        margin-top: var(--ts-space-2);
      }
    `,
  ];

  readonly #client = new ContextConsumer(this, { context: supabaseContext });

  @state() private slug = '';
  // once the user types a slug, the name no longer suggests one
  @state() private slugEdited = false;
  @state() private busy = false;
  @state() private errors: Record<string, string> = {};
  @state() private serverError = '';
  /** the club was created but its partner code was refused: said before moving on */
  @state() private referralProblem = '';
  private readonly referralCode = pendingReferral(Date.now()) ?? '';

  private readonly defaultZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  private readonly zoneOptions: FieldOption[] = [...timeZones].map((zone) => ({
    value: zone,
    label: zone.replaceAll('_', ' '),
  }));

  override render() {
    return html`
      <p><a href="/">← ${strings.back}</a></p>
      <h1>${t.title}</h1>
      ${
        this.serverError
          ? html`<ts-notice tone="error"><p>${this.serverError}</p></ts-notice>`
          : nothing
      }
      ${
        this.referralProblem
          ? html`<ts-notice tone="warning"><p>${this.referralProblem}</p></ts-notice>
              <p><a href="/">${strings.back}</a></p>`
          : nothing
      }
      <form
        novalidate
        @submit=${this.onSubmit}
        aria-busy=${this.busy ? 'true' : 'false'}
        ?hidden=${this.referralProblem !== ''}
      >
        <ts-field
          name="name"
          label=${t.name}
          autocomplete="organization"
          required
          .error=${this.errors['name'] ?? ''}
          @input=${this.onNameInput}
        ></ts-field>
        <ts-field
          name="slug"
          label=${t.slug}
          hint=${t.slugHint}
          autocomplete="off"
          required
          .value=${this.slug}
          .error=${this.errors['slug'] ?? ''}
          @input=${this.onSlugInput}
        ></ts-field>
        <ts-field
          name="kind"
          type="select"
          label=${t.kind}
          value="club"
          .options=${kindOptions}
          .error=${this.errors['kind'] ?? ''}
        ></ts-field>
        <ts-field
          name="timeZone"
          type="select"
          label=${t.timeZone}
          value=${timeZones.has(this.defaultZone) ? this.defaultZone : 'Europe/Moscow'}
          .options=${this.zoneOptions}
          .error=${this.errors['timeZone'] ?? ''}
        ></ts-field>
        <ts-field
          name="locale"
          type="select"
          label=${t.locale}
          value="ru"
          .options=${localeOptions}
        ></ts-field>
        <ts-field
          name="referralCode"
          label=${partnerDashboardStrings.referralField.label}
          hint=${partnerDashboardStrings.referralField.hint}
          autocomplete="off"
          value=${this.referralCode}
          .error=${this.errors['referralCode'] ?? ''}
        ></ts-field>
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.busy}>${t.submit}</button>
        </div>
      </form>
    `;
  }

  private onNameInput(event: Event): void {
    if (this.slugEdited) return;
    this.slug = slugify((event.target as HTMLElement & { value: string }).value);
  }

  private onSlugInput(event: Event): void {
    this.slug = (event.target as HTMLElement & { value: string }).value;
    this.slugEdited = this.slug !== '';
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.#client.value;
    if (this.busy || !client) return;
    const parsed = schema.safeParse(formValues(event.currentTarget as HTMLFormElement));
    this.serverError = '';
    if (!parsed.success) {
      this.errors = fieldErrors(parsed.error);
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot, this.errors);
      return;
    }
    this.errors = {};
    this.busy = true;
    const { name, slug, kind, timeZone, locale, referralCode } = parsed.data;
    const result = await callRpc(client, 'create_organization', {
      p_name: name,
      p_slug: slug,
      p_kind: kind,
      p_time_zone: timeZone,
      p_locale: locale,
    });
    if (result.ok) {
      const problem = referralCode
        ? await redeemReferral(client, result.data.id, referralCode)
        : null;
      this.busy = false;
      if (problem) {
        this.referralProblem = problem;
        return;
      }
      this.dispatchEvent(new NavigateEvent('/'));
      return;
    }
    this.busy = false;
    const described = result.error;
    // slug problems (taken, malformed) are fixed in the slug field: say so there
    if (!described.network && /\bslug\b/.test(described.raw)) {
      this.errors = { slug: described.message };
      await this.updateComplete;
      focusFirstInvalid(this.renderRoot, this.errors);
    } else {
      this.serverError = described.message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'create-organization-page': CreateOrganizationPage;
  }
}
