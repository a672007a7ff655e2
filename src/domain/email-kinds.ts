// The kinds of email Trackside sends; each person can switch each one off
// (email_preferences.kind agrees with this list; no row means "on").
import { z } from 'zod';

export const EMAIL_KINDS = [
  'purchase_confirmation',
  'booking_confirmation',
  'booking_notification',
  'booking_cancellation',
  'session_reminder',
  // what is still unread 12 hours after it was sent, once (20261207130000_messages.sql)
  'announcement_unread',
  'message_unread',
] as const;

export const emailKindSchema = z.enum(EMAIL_KINDS);

/**
 * transactional emails nobody can switch off: money given back must be told
 * (booking_refunded: a payment that came after its hold was released and found
 * the slot taken), and a course given to an address is what was asked for on the
 * page (course_access), and a club a reseller made for its contact invites them as
 * its owner (partner_client_invitation). They are not email_preferences kinds.
 */
export const TRANSACTIONAL_EMAIL_KINDS = [
  'booking_refunded',
  'course_access',
  // a partner application's: its confirmation link, "received", the platform admins'
  // notice and each status change (20261206171000_partner_applications.sql)
  'partner_application_confirm',
  'partner_application_received',
  'partner_application_internal',
  'partner_application_status',
  // a new partner organization's owner invitation (private.create_partner_org)
  'partner_welcome',
  // a club a reseller made invites its contact as the owner (20261206172000)
  'partner_client_invitation',
] as const;

/** every kind the outbox holds (private.email_outbox's check agrees) */
export const outboxKindSchema = z.enum([...EMAIL_KINDS, ...TRANSACTIONAL_EMAIL_KINDS]);
export type OutboxKind = z.output<typeof outboxKindSchema>;

/** emails only a coach (or a club's staff) receives: a switch for them means nothing to an athlete */
export const STAFF_EMAIL_KINDS: readonly (typeof EMAIL_KINDS)[number][] = ['booking_notification'];

/** the kinds a person may switch: all for staff somewhere, without the coaches' ones otherwise */
export function emailKindsFor(staff: boolean): (typeof EMAIL_KINDS)[number][] {
  return EMAIL_KINDS.filter((k) => staff || !STAFF_EMAIL_KINDS.includes(k));
}
export type EmailKind = z.output<typeof emailKindSchema>;

export interface EmailPreferenceRow {
  kind: string;
  enabled: boolean;
}

/** whether a kind is on: a preference row decides; none means on */
export function emailEnabled(rows: readonly EmailPreferenceRow[], kind: EmailKind): boolean {
  return rows.find((r) => r.kind === kind)?.enabled ?? true;
}

/**
 * Who an email is for: a signed-in member, a guest (an address only, no account,
 * transactional mail only) or the coach. The outbox payload says so (`audience`);
 * rows queued before it did are a coach's when the kind is the coach's notice.
 */
export const EMAIL_AUDIENCES = ['member', 'guest', 'coach'] as const;
export type EmailAudience = (typeof EMAIL_AUDIENCES)[number];

export function emailAudience(kind: EmailKind, payload: Record<string, unknown>): EmailAudience {
  const said = payload['audience'];
  if (said === 'member' || said === 'guest' || said === 'coach') return said;
  return kind === 'booking_notification' ? 'coach' : 'member';
}

/** the kinds about one booking: each carries a link to it and its calendar event */
export const BOOKING_EMAIL_KINDS: readonly EmailKind[] = [
  'booking_confirmation',
  'booking_notification',
  'booking_cancellation',
  'session_reminder',
];
