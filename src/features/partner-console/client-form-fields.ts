// The contact, plan and billing fields of the new-client and edit forms.
import { html, type TemplateResult } from 'lit';
import { SUBSCRIPTION_TIERS, type PartnerFormMessage } from '../../domain/partner-client.ts';
import { partnerConsoleStrings as t } from './partner-console-strings.ts';

export interface ContactDraft {
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  subscriptionTier: string;
  billingByPartner: boolean;
}

/** a zod message code as the user reads it */
export function formMessage(code: string): string {
  const messages: Record<PartnerFormMessage, string> = t.errors;
  return code in messages ? messages[code as PartnerFormMessage] : t.failed;
}

export function textField(
  name: string,
  label: string,
  value: string,
  error: string | undefined,
  options: { type?: string; hint?: string; autocomplete?: string } = {},
): TemplateResult {
  const described = [options.hint ? `${name}-hint` : '', `${name}-error`].join(' ').trim();
  return html`<label
    >${label}
    ${options.hint ? html`<span class="hint" id="${name}-hint">${options.hint}</span>` : ''}
    <input
      name=${name}
      type=${options.type ?? 'text'}
      autocomplete=${options.autocomplete ?? 'off'}
      .value=${value}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${described}
    />
    <p class="error" id="${name}-error" role="alert">${error ?? ''}</p>
  </label>`;
}

export function contactFields(d: ContactDraft, errors: Record<string, string>): TemplateResult {
  return html`${textField('contactName', t.form.contactName, d.contactName, errors['contactName'], {
      autocomplete: 'name',
    })}
    ${textField('contactEmail', t.form.contactEmail, d.contactEmail, errors['contactEmail'], {
      type: 'email',
      hint: t.form.contactEmailHint,
      autocomplete: 'email',
    })}
    ${textField('contactPhone', t.form.contactPhone, d.contactPhone, errors['contactPhone'], {
      type: 'tel',
      autocomplete: 'tel',
    })}
    <label
      >${t.form.tier}
      <select name="subscriptionTier" aria-describedby="subscriptionTier-error">
        ${SUBSCRIPTION_TIERS.map(
          (tier) =>
            html`<option value=${tier} .selected=${d.subscriptionTier === tier}>
              ${t.tier[tier]}
            </option>`,
        )}
      </select>
      <p class="error" id="subscriptionTier-error" role="alert">
        ${errors['subscriptionTier'] ?? ''}
      </p>
    </label>
    <label class="check"
      ><input type="checkbox" name="billingByPartner" .checked=${d.billingByPartner} />
      ${t.form.billing}</label
    >`;
}

/** the form's values as the schemas read them (a checkbox left unticked sends nothing) */
export function formFields(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) if (typeof value === 'string') values[key] = value;
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
    values[box.name] = box.checked ? 'on' : '';
  return values;
}

/** first message per field of a failed parse */
export function issuesByField(issues: readonly { path: PropertyKey[]; message: string }[]) {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[String(issue.path[0] ?? '')] ??= formMessage(issue.message);
  return errors;
}
