// What a coach types on /storefront, checked before anything is sent: the
// page's profile (coach_pages) and a session type (session_types). The limits
// are the tables' CHECKs (20261206150000_storefront_core.sql); lists are typed
// as text — sports and languages separated by commas, certifications one per
// line — and stored as arrays.
import { z } from 'zod';
import { parseDuration } from './availability-form.ts';
import { coachSlugSchema } from './coach-slug.ts';
import { minorDigits } from './money.ts';

export const DISPLAY_NAME_MAX = 120;
export const BIO_MAX = 4000;
export const PLACE_MAX = 200;
export const SESSION_NAME_MAX = 120;
export const SESSION_DESCRIPTION_MAX = 2000;
export const PRICE_MAX_MINOR = 100_000_000;

export const coachPageFormMessages = {
  displayName: `Имя — от 1 до ${DISPLAY_NAME_MAX} символов`,
  bio: `О себе — не длиннее ${BIO_MAX} символов`,
  place: `Место — не длиннее ${PLACE_MAX} символов`,
  sports: 'Не больше 20 видов спорта',
  certifications: 'Не больше 20 строк квалификации',
  languages: 'Языки — до 10 кодов через запятую, например: ru, en',
  sessionName: `Название — от 1 до ${SESSION_NAME_MAX} символов`,
  sessionDescription: `Описание — не длиннее ${SESSION_DESCRIPTION_MAX} символов`,
  duration: 'Длительность — от 0:05 до 12:00 (часы:минуты)',
  price: 'Цена — число от 0 (бесплатно), например 2500 или 2500,50',
} as const;

const m = coachPageFormMessages;

/** `a, b,, c` → [a, b, c] */
export function splitList(typed: string, separator: RegExp): string[] {
  return typed
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export const coachPageFormSchema = z.object({
  slug: coachSlugSchema,
  published: z.boolean(),
  display_name: z.string().trim().min(1, m.displayName).max(DISPLAY_NAME_MAX, m.displayName),
  bio: z.string().trim().max(BIO_MAX, m.bio),
  sports: z
    .string()
    .transform((s) => splitList(s, /[,\n]/))
    .pipe(z.array(z.string().max(80, m.sports)).max(20, m.sports)),
  certifications: z
    .string()
    .transform((s) => splitList(s, /\n/))
    .pipe(z.array(z.string().max(200, m.certifications)).max(20, m.certifications)),
  place: z
    .string()
    .trim()
    .max(PLACE_MAX, m.place)
    .transform((s) => (s === '' ? null : s)),
  languages: z
    .string()
    .transform((s) => splitList(s.toLowerCase(), /[,\s]+/))
    .pipe(z.array(z.string().regex(/^[a-z]{2,3}$/, m.languages)).max(10, m.languages)),
});

export type CoachPageForm = z.output<typeof coachPageFormSchema>;

/** a price as typed in major units (`2500`, `2 500,50`) → minor units, or null */
export function parsePrice(typed: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const clean = typed.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const pattern = digits > 0 ? new RegExp(`^\\d{1,9}(?:\\.\\d{1,${digits}})?$`) : /^\d{1,9}$/;
  if (!pattern.test(clean)) return null;
  const [whole = '0', fraction = ''] = clean.split('.');
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** minor units as the form shows them: 250000 RUB → `2500`, 250050 → `2500.50` */
export function formatPriceInput(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const whole = Math.floor(amountMinor / 10 ** digits);
  const fraction = amountMinor % 10 ** digits;
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(digits, '0')}`;
}

export function sessionTypeFormSchema(currency: string) {
  return z.object({
    name: z.string().trim().min(1, m.sessionName).max(SESSION_NAME_MAX, m.sessionName),
    description: z.string().trim().max(SESSION_DESCRIPTION_MAX, m.sessionDescription),
    duration_minutes: z
      .string()
      .transform((s) => parseDuration(s))
      .pipe(z.number({ message: m.duration }).int().min(5, m.duration).max(720, m.duration)),
    price_minor: z
      .string()
      .transform((s) => parsePrice(s, currency))
      .pipe(z.number({ message: m.price }).int().min(0, m.price).max(PRICE_MAX_MINOR, m.price)),
  });
}

export type SessionTypeForm = z.output<ReturnType<typeof sessionTypeFormSchema>>;
