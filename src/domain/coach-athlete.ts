// The individual coach–athlete relationship (seed 000's coach_athlete): the rules
// the form checks before a local edit, which public.coach_athletes' CHECK
// constraints repeat (ends_on ≥ starts_on, notes ≤ 2000).
import { z } from 'zod';
import { isIsoDate } from './training-plan.ts';

export const COACH_ATHLETE_KINDS = ['coaching', 'consulting'] as const;
export type CoachAthleteKind = (typeof COACH_ATHLETE_KINDS)[number];
export const COACH_ATHLETE_NOTES_MAX = 2000;

export const coachAthleteMessages = {
  kind: 'Выберите: тренировки или консультации',
  startsOn: 'Дата начала — в формате ГГГГ-ММ-ДД',
  endsOn: 'Дата окончания — в формате ГГГГ-ММ-ДД, не раньше начала',
  notes: `Заметки — не длиннее ${COACH_ATHLETE_NOTES_MAX} символов`,
} as const;

const m = coachAthleteMessages;

export const coachAthleteFormSchema = z
  .object({
    kind: z.enum(COACH_ATHLETE_KINDS, { error: m.kind }),
    starts_on: z.string().refine(isIsoDate, m.startsOn),
    ends_on: z.string().refine(isIsoDate, m.endsOn).nullable(),
    notes: z.string().refine((s) => [...s].length <= COACH_ATHLETE_NOTES_MAX, m.notes),
  })
  .refine((f) => f.ends_on === null || f.ends_on >= f.starts_on, {
    path: ['ends_on'],
    message: m.endsOn,
  });
export type CoachAthleteForm = z.infer<typeof coachAthleteFormSchema>;
