// An athlete's contacts (staff only): a parent's or guardian's name with a phone
// or an email, the athlete's own phone and birth date. The rules the form checks
// before a local edit; public.athlete_contacts' CHECK constraints repeat them
// (supabase/migrations/20261206146000_athlete_contacts.sql), and
// tests/db/athlete-contact-agreement.test.ts feeds both the same values.
import { z } from 'zod';
import type { Clock } from './season.ts';
import { labelInput, refineLabel } from './clean-text.ts';
import { dateFromEpochDay, epochDay } from './zoned-time.ts';

export const GUARDIAN_NAME_MAX = 200;
export const PHONE_MAX = 30;
export const EMAIL_MAX = 254;
/** the earliest birth date taken */
export const BIRTH_DATE_MIN = '1900-01-01';

export const athleteContactMessages = {
  guardianName: `Имя — не длиннее ${GUARDIAN_NAME_MAX} символов`,
  guardianNameMissing: 'Укажите, чей это контакт: имя родителя или опекуна',
  guardianReach: 'Укажите телефон или почту родителя',
  phone: 'Телефон: цифры, можно «+» в начале, пробелы, скобки и дефисы — от 5 до 15 цифр',
  email: 'Почта выглядит так: имя@пример.ru',
  birthDate: 'Дата рождения — в формате ГГГГ-ММ-ДД',
  birthDateFuture: 'Дата рождения не может быть в будущем',
  birthDateEarly: 'Дата рождения — не раньше 1900 года',
} as const;

/** `private.is_valid_phone`: as typed, not reformatted (a coach reads it back) */
export function isValidPhone(phone: string | null): boolean {
  if (phone === null) return true;
  const digits = phone.replace(/[^0-9]/g, '').length;
  return (
    phone.length <= PHONE_MAX &&
    /^\+?[0-9(][0-9 ().-]*[0-9]$/.test(phone) &&
    digits >= 5 &&
    digits <= 15
  );
}

/** `athlete_contacts_guardian_email_check`: latin local@domain.tld, ≤ 254 characters */
export function isValidEmail(email: string | null): boolean {
  if (email === null) return true;
  return (
    email.length <= EMAIL_MAX &&
    /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(email)
  );
}

/**
 * the latest birth date taken: today anywhere on earth, i.e. the UTC date 14
 * hours ahead (UTC+14 is the latest zone), as the database's check computes it
 * from now(), so a device in any zone and the server agree
 */
export function latestBirthDate(clock: Clock): string {
  return dateFromEpochDay(Math.floor((clock.now() + 14 * 3_600_000) / 86_400_000));
}

/** a real calendar date written YYYY-MM-DD */
function isIsoDate(value: string): boolean {
  try {
    epochDay(value);
    return true;
  } catch {
    return false;
  }
}

/** empty text is no value: what the form stores for a blank field */
export function contactValue(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

export const guardianNameSchema = z
  .string()
  .overwrite(labelInput)
  .refine(
    (name) => {
      const length = [...name.replace(/^ +| +$/g, '')].length;
      return length >= 1 && length <= GUARDIAN_NAME_MAX;
    },
    { message: athleteContactMessages.guardianName, abort: true },
  )
  .superRefine(refineLabel)
  .nullable();

export const phoneSchema = z
  .string()
  .refine((p) => isValidPhone(p), athleteContactMessages.phone)
  .nullable();

export const emailSchema = z
  .string()
  .refine((e) => isValidEmail(e), athleteContactMessages.email)
  .nullable();

/** a birth date from 1900-01-01 to today anywhere on earth, by the clock given */
export function birthDateSchema(clock: Clock) {
  return z
    .string()
    .refine(isIsoDate, { message: athleteContactMessages.birthDate, abort: true })
    .refine((d) => d >= BIRTH_DATE_MIN, athleteContactMessages.birthDateEarly)
    .refine((d) => d <= latestBirthDate(clock), athleteContactMessages.birthDateFuture)
    .nullable();
}

/** the contacts as the database takes them (blank fields as null: `contactValue`) */
export function athleteContactSchema(clock: Clock) {
  return z
    .object({
      guardian_name: guardianNameSchema,
      guardian_phone: phoneSchema,
      guardian_email: emailSchema,
      phone: phoneSchema,
      birth_date: birthDateSchema(clock),
    })
    .superRefine((c, ctx) => {
      // a guardian is a name with a way to reach them (athlete_contacts_guardian_check)
      const reach = c.guardian_phone !== null || c.guardian_email !== null;
      if (c.guardian_name === null && reach) {
        ctx.addIssue({
          code: 'custom',
          path: ['guardian_name'],
          message: athleteContactMessages.guardianNameMissing,
        });
      } else if (c.guardian_name !== null && !reach) {
        ctx.addIssue({
          code: 'custom',
          path: ['guardian_phone'],
          message: athleteContactMessages.guardianReach,
        });
      }
    });
}

export type AthleteContactForm = z.infer<ReturnType<typeof athleteContactSchema>>;
