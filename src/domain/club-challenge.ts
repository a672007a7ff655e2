// What a club challenge is (20261207171000_club_challenges.sql): the form a club's
// admin fills in, in agreement with the CHECKs of public.club_challenges
// (tests/db/club-challenge-agreement.test.ts), and what the challenge pages
// decide from a challenge's dates and a member's progress. The database decides
// for real; these rules choose what the pages offer and say. Messages are codes;
// the page words them in the reader's language.
import { z } from 'zod';
import { isCleanLabel } from './clean-text.ts';
import { codePoints, isCalendarDate } from './course-form.ts';
import { epochDay, type LocalDate } from './zoned-time.ts';

export const CHALLENGE_METRICS = ['distance_km', 'sessions'] as const;
export type ChallengeMetric = (typeof CHALLENGE_METRICS)[number];
export const CHALLENGE_TITLE_MAX = 120;
export const CHALLENGE_TARGET_MAX = 100_000;
/** the longest challenge, both ends counted */
export const CHALLENGE_DAYS_MAX = 366;

/** the challenge form as the page holds it: what was typed */
export interface ChallengeDraft {
  title: string;
  metric: string;
  /** '' for no target */
  target: string;
  /** YYYY-MM-DD, the club's local dates */
  startsOn: string;
  endsOn: string;
}

/** what create_club_challenge takes */
export interface ChallengeInput {
  title: string;
  metric: ChallengeMetric;
  target: number | null;
  startsOn: LocalDate;
  endsOn: LocalDate;
}

/**
 * Days a challenge runs, both ends counted.
 *
 * @param startsOn its first day
 * @param endsOn its last day
 * @returns 1 for a one-day challenge; 0 or less when it ends before it starts
 * @example challengeDays('2026-12-01', '2026-12-31') // 31
 */
export function challengeDays(startsOn: LocalDate, endsOn: LocalDate): number {
  return epochDay(endsOn) - epochDay(startsOn) + 1;
}

/** the title as the table takes it: 1–120 characters, clean, showing something */
export const challengeTitleSchema = z
  .string()
  .transform((s) => s.trim().normalize('NFC'))
  .pipe(
    z
      .string()
      .refine((s) => codePoints(s) <= CHALLENGE_TITLE_MAX && isCleanLabel(s), { message: 'title' }),
  );

/** a target as typed: empty for none, else a whole number 1–100 000 */
export const challengeTargetSchema = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === '') return null;
    if (!/^\d{1,6}$/.test(s) || Number(s) < 1 || Number(s) > CHALLENGE_TARGET_MAX) {
      ctx.addIssue({ code: 'custom', message: 'target' });
      return z.NEVER;
    }
    return Number(s);
  });

export const challengeFormSchema = z
  .object({
    title: challengeTitleSchema,
    metric: z.enum(CHALLENGE_METRICS, 'metric'),
    target: challengeTargetSchema,
    startsOn: z.string().trim().refine(isCalendarDate, 'startsOn'),
    endsOn: z.string().trim().refine(isCalendarDate, 'endsOn'),
  })
  .superRefine((form, ctx) => {
    // a date refused above is said there (zod runs this even then)
    if (!isCalendarDate(form.startsOn) || !isCalendarDate(form.endsOn)) return;
    const days = challengeDays(form.startsOn, form.endsOn);
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'endsBeforeStart' });
    else if (days > CHALLENGE_DAYS_MAX)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'tooLong' });
  });

/**
 * The form's values as create_club_challenge takes them, or the first fault of
 * each field (a code the page words).
 *
 * @param draft what was typed
 * @returns the input, or the faults by field
 * @example parseChallengeDraft({ title: 'Декабрь', metric: 'sessions', target: '', startsOn: '2026-12-01', endsOn: '2026-12-31' }).ok // true
 */
export function parseChallengeDraft(
  draft: ChallengeDraft,
): { ok: true; value: ChallengeInput } | { ok: false; errors: Record<string, string> } {
  const parsed = challengeFormSchema.safeParse(draft);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

export type ChallengePhase = 'upcoming' | 'running' | 'over';

/**
 * Where a challenge stands on a day of the club's calendar.
 *
 * @param challenge its first and last day
 * @param today the club's local date
 * @returns `upcoming` before its first day, `over` after its last, else `running`
 * @example challengePhase({ starts_on: '2026-12-01', ends_on: '2026-12-31' }, '2026-12-07') // 'running'
 */
export function challengePhase(
  challenge: { starts_on: LocalDate; ends_on: LocalDate },
  today: LocalDate,
): ChallengePhase {
  if (today < challenge.starts_on) return 'upcoming';
  if (today > challenge.ends_on) return 'over';
  return 'running';
}

/**
 * How far towards the target a member is, in whole percent, capped at 100.
 *
 * @param progress km or sessions so far
 * @param target the challenge's target, or null for none
 * @returns null without a target, else 0–100
 * @example targetPercent(42.2, 100) // 42
 */
export function targetPercent(progress: number, target: number | null): number | null {
  if (target === null || target <= 0) return null;
  return Math.max(0, Math.min(100, Math.floor((progress / target) * 100)));
}

/**
 * Whether a member may still join: the challenge is not over (the server says
 * the same with `challenge_over`).
 *
 * @param challenge its last day
 * @param today the club's local date
 * @returns true up to and including its last day
 * @example canJoin({ ends_on: '2026-12-31' }, '2027-01-01') // false
 */
export function canJoin(challenge: { ends_on: LocalDate }, today: LocalDate): boolean {
  return today <= challenge.ends_on;
}
