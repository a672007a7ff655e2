import type { z } from 'zod';
import { translateDomainMessage } from '../i18n/domain-messages.ts';

/** first message per field of a failed zod parse, keyed by the field's name */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    errors[key] ??= translateDomainMessage(issue.message);
  }
  return errors;
}

/** the string values of a form, by field name (ts-field takes part in FormData) */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) {
    if (typeof value === 'string') values[key] = value;
  }
  return values;
}

/** moves focus to the first field with a message, so its message is read out */
export function focusFirstInvalid(root: ParentNode, errors: Record<string, string>): void {
  const names = Object.keys(errors);
  const fields = root.querySelectorAll<HTMLElement & { name: string }>('ts-field');
  for (const field of fields) {
    if (names.includes(field.name)) {
      field.focus();
      return;
    }
  }
}
