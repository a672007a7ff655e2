// What a reseller types about a client club, a link for an existing club and a
// reason to act for a client. The database's checks in
// 20261206172000_partner_console.sql say the same (tests/db/partner-console-agreement.test.ts):
// a club name of 1–200 characters, a contact name of 1–120, an address, an optional phone, a subscription
// of basic / standard / pro, a term of 1–24 months, a reason of at least 10
// characters. Messages are codes the feature translates (partner-console-strings).
import { z } from 'zod';

export const SUBSCRIPTION_TIERS = ['basic', 'standard', 'pro'] as const;
export type SubscriptionTier = (typeof SUBSCRIPTION_TIERS)[number];

export const CLIENT_STATUSES = ['active', 'suspended', 'canceled'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

/** the list's filter: a status, or the clubs that revoked the partner */
export const CLIENT_FILTERS = [...CLIENT_STATUSES, 'revoked'] as const;
export type ClientFilter = (typeof CLIENT_FILTERS)[number];

/** what the list sorts by: the relationship's own columns, so a page never needs every club's figures */
export const CLIENT_SORTS = ['name', 'created_at', 'status', 'subscription_tier'] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];

export const PAGE_SIZE = 50;

/** message codes of the schemas below */
export type PartnerFormMessage =
  | 'name'
  | 'contactName'
  | 'contactEmail'
  | 'contactPhone'
  | 'tier'
  | 'months'
  | 'reason'
  | 'accessDays';

const trimmed = (min: number, max: number, message: PartnerFormMessage) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(min, message).max(max, message));

const email = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(
    z
      .string()
      .max(254, 'contactEmail')
      .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'contactEmail'),
  );

const phone = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.union([z.literal(''), z.string().regex(/^\+?[0-9 ()-]{5,30}$/, 'contactPhone')]));

// a form's checkbox: ticked sends 'on'; unticked, or not offered at all, sends nothing
const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('')])
  .optional()
  .transform((v) => v === true || v === 'on');

/** the contact, subscription and billing of a client (create and edit) */
export const clientContactSchema = z.object({
  contactName: trimmed(1, 120, 'contactName'),
  contactEmail: email,
  contactPhone: phone,
  subscriptionTier: z.enum(SUBSCRIPTION_TIERS, { message: 'tier' }),
  billingByPartner: checkbox,
});
export type ClientContact = z.output<typeof clientContactSchema>;

/** a new client club: its name and time zone besides the contact */
export const newClientSchema = clientContactSchema.extend({
  name: trimmed(1, 200, 'name'),
  timeZone: z.string().min(1),
});
export type NewClient = z.output<typeof newClientSchema>;

const wholeNumber = (min: number, max: number, message: PartnerFormMessage) =>
  z
    .union([z.number(), z.string()])
    .transform((v) => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v)))
    .pipe(z.number().int(message).min(min, message).max(max, message));

/** a link for an existing club: how many months, with write access or not */
export const linkRequestSchema = z.object({
  months: wholeNumber(1, 24, 'months'),
  write: checkbox,
});

/** how long a canceled club's members keep reading */
export const cancelSchema = z.object({ accessDays: wholeNumber(0, 365, 'accessDays') });

/** acting for a client: why (10+ characters, as start_acting asks) and with write access or not */
export const actingSchema = z.object({
  reason: trimmed(10, 500, 'reason'),
  write: checkbox,
});

/** the status moves the console offers from a status (canceled is final) */
export function nextStatuses(status: ClientStatus): ClientStatus[] {
  if (status === 'active') return ['suspended', 'canceled'];
  if (status === 'suspended') return ['active', 'canceled'];
  return [];
}

export function isClientStatus(value: unknown): value is ClientStatus {
  return typeof value === 'string' && (CLIENT_STATUSES as readonly string[]).includes(value);
}

export function isSubscriptionTier(value: unknown): value is SubscriptionTier {
  return typeof value === 'string' && (SUBSCRIPTION_TIERS as readonly string[]).includes(value);
}

/** the link a club's owner opens to accept a partner */
export function partnerLinkUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/partner/link/${encodeURIComponent(token)}`;
}

/** how many pages a total makes (at least one, so an empty list still has page 1) */
export function pageCount(total: number, size: number = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}
