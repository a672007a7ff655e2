// What a guest sends to book, cancel or move a session from a coach's public page
// (the public-booking Edge Function parses it; public.guest_book checks the same
// bounds in the database). `website` is the honeypot: a field people never see or
// fill, which bots that fill every field do — it must arrive empty.
import { z } from 'zod';
import { LOCALES } from './locale.ts';
import { isValidZone } from './zoned-time.ts';

/** the honeypot's field name: plausible enough that form-filling bots fill it */
export const HONEYPOT_FIELD = 'website';

export const GUEST_NAME_MAX = 120;
export const GUEST_EMAIL_MAX = 254;
export const GUEST_PHONE_MAX = 40;

const instant = z.iso.datetime({ offset: true });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const guestSlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/, 'a page address');

export const guestBookSchema = z
  .object({
    action: z.literal('book'),
    slug: guestSlugSchema,
    sessionType: z.uuid(),
    start: instant,
    name: z.string().trim().min(1).max(GUEST_NAME_MAX),
    email: z
      .string()
      .trim()
      .max(GUEST_EMAIL_MAX)
      .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'an email address'),
    phone: optionalText(GUEST_PHONE_MAX),
    timeZone: z.string().max(64).refine(isValidZone, 'an IANA time zone'),
    locale: z.enum(LOCALES).default('ru'),
    [HONEYPOT_FIELD]: z.string().max(500).default(''),
  })
  .strict();

const link = {
  booking: z.uuid(),
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'a manage-link token'),
  locale: z.enum(LOCALES).default('ru'),
};

export const guestCancelSchema = z.object({ action: z.literal('cancel'), ...link }).strict();

export const guestRescheduleSchema = z
  .object({
    action: z.literal('reschedule'),
    ...link,
    start: instant,
    timeZone: z.string().max(64).optional(),
  })
  .strict();

export const guestRequestSchema = z.discriminatedUnion('action', [
  guestBookSchema,
  guestCancelSchema,
  guestRescheduleSchema,
]);

export type GuestBookInput = z.output<typeof guestBookSchema>;
export type GuestRequest = z.output<typeof guestRequestSchema>;

/** the email as the limits and the retry match it: trimmed, lowercase */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
