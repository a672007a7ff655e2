// An athlete record's own fields (seed 001 + organization): the rules the forms
// check before a local edit, which `public.athletes`' CHECK constraints repeat
// (tests/db/athlete-agreement.test.ts feeds both the same generated values).
// Schedule, ranks and season have their own modules.
import { z } from 'zod';
import { labelInput, noteInput, refineLabel, refineNote } from './clean-text.ts';

export const ATHLETE_STATUSES = ['active', 'inactive', 'archived'] as const;
export type AthleteStatus = (typeof ATHLETE_STATUSES)[number];

export const ATHLETE_NAME_MAX = 200;
export const ATHLETE_NOTES_MAX = 4000;

export const athleteMessages = {
  name: `Введите имя, не длиннее ${ATHLETE_NAME_MAX} символов`,
  notes: `Заметки — не длиннее ${ATHLETE_NOTES_MAX} символов`,
  status: 'Неизвестный статус',
} as const;

/** characters as Postgres' char_length counts them (code points, not UTF-16 units) */
function charLength(value: string): number {
  return [...value].length;
}

/**
 * `char_length(btrim(name)) between 1 and 200` (btrim strips spaces only) and
 * `private.is_clean_label(name)`; composed (NFC) first, as it is saved
 */
export const athleteNameSchema = z
  .string()
  .overwrite(labelInput)
  .refine(
    (name) => {
      const length = charLength(name.replace(/^ +| +$/g, ''));
      return length >= 1 && length <= ATHLETE_NAME_MAX;
    },
    { message: athleteMessages.name, abort: true },
  )
  .superRefine(refineLabel);

/**
 * `char_length(notes) <= 4000` and `private.is_clean_note(notes)`, null allowed;
 * composed and with line feeds for line breaks first, as it is saved
 */
export const athleteNotesSchema = z
  .string()
  .overwrite(noteInput)
  .refine((notes) => charLength(notes) <= ATHLETE_NOTES_MAX, athleteMessages.notes)
  .superRefine(refineNote)
  .nullable();

export const athleteStatusSchema = z.enum(ATHLETE_STATUSES, { error: athleteMessages.status });

export function isAthleteStatus(value: unknown): value is AthleteStatus {
  return athleteStatusSchema.safeParse(value).success;
}

/** empty notes are stored as null, so "no notes" has one spelling */
export function notesValue(text: string): string | null {
  return text.trim() === '' ? null : text;
}
