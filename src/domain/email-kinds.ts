// The kinds of email Trackside sends; each person can switch each one off
// (email_preferences.kind agrees with this list; no row means "on").
import { z } from 'zod';

export const EMAIL_KINDS = [
  'purchase_confirmation',
  'booking_confirmation',
  'booking_notification',
  'booking_cancellation',
  'session_reminder',
] as const;

export const emailKindSchema = z.enum(EMAIL_KINDS);
export type EmailKind = z.output<typeof emailKindSchema>;

export interface EmailPreferenceRow {
  kind: string;
  enabled: boolean;
}

/** whether a kind is on: a preference row decides; none means on */
export function emailEnabled(rows: readonly EmailPreferenceRow[], kind: EmailKind): boolean {
  return rows.find((r) => r.kind === kind)?.enabled ?? true;
}
