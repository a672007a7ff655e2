// An athlete's competition result: the rules the form checks before a local edit;
// public.competition_results' CHECK constraints repeat them
// (supabase/migrations/20261207120000_results.sql), and
// tests/db/results-agreement.test.ts feeds both the same values.
import { z } from 'zod';
import type { Clock } from './season.ts';
import { latestBirthDate } from './athlete-contact.ts';
import { epochDay } from './zoned-time.ts';

export const COMPETITION_MAX = 200;
export const RESULT_NOTES_MAX = 1000;
export const RESULT_VALUE_MAX = 1_000_000;
export const PLACE_MAX = 10_000;
export const COMPETED_ON_MIN = '1900-01-01';

export const COMPETITION_LEVELS = [
  'school',
  'city',
  'regional',
  'federal_district',
  'national',
  'international',
] as const;
export type CompetitionLevel = (typeof COMPETITION_LEVELS)[number];

export const RESULT_KINDS = ['time', 'distance', 'height', 'points'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

export const TIMINGS = ['auto', 'hand'] as const;
export type Timing = (typeof TIMINGS)[number];

export const VENUES = ['indoor', 'outdoor'] as const;
export type Venue = (typeof VENUES)[number];

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

/** the disciplines the form offers, with the kind of result each one gives */
export const DISCIPLINES = {
  '60m': 'time',
  '100m': 'time',
  '200m': 'time',
  '400m': 'time',
  '800m': 'time',
  '1500m': 'time',
  '3000m': 'time',
  '5000m': 'time',
  '10000m': 'time',
  '60m_hurdles': 'time',
  '110m_hurdles': 'time',
  '100m_hurdles': 'time',
  '400m_hurdles': 'time',
  long_jump: 'distance',
  triple_jump: 'distance',
  high_jump: 'height',
  pole_vault: 'height',
  shot_put: 'distance',
  discus_throw: 'distance',
  javelin_throw: 'distance',
  hammer_throw: 'distance',
  heptathlon: 'points',
  decathlon: 'points',
} as const satisfies Record<string, ResultKind>;
export type Discipline = keyof typeof DISCIPLINES;

export function isDiscipline(value: string): value is Discipline {
  return Object.hasOwn(DISCIPLINES, value);
}

export const competitionResultMessages = {
  competition: `Название соревнований — от 1 до ${COMPETITION_MAX} символов`,
  level: 'Выберите уровень соревнований',
  discipline: 'Выберите дисциплину',
  value: 'Результат — положительное число, не больше двух знаков после запятой',
  timeFormat: 'Время пишется так: 11.94 или 1:58.30',
  timing: 'Для времени укажите хронометраж: автоматический или ручной',
  venue: 'Укажите, где проходили соревнования: в помещении или на стадионе',
  place: `Место — целое число от 1 до ${PLACE_MAX}`,
  notes: `Заметка — не длиннее ${RESULT_NOTES_MAX} символов`,
  date: 'Дата — в формате ГГГГ-ММ-ДД',
  dateFuture: 'Дата соревнований не может быть в будущем',
  dateEarly: 'Дата соревнований — не раньше 1900 года',
} as const;
const m = competitionResultMessages;

/** `competition_results_discipline_check`: the shape of a code, known or not */
export const DISCIPLINE_CODE = /^[a-z0-9][a-z0-9_]{1,39}$/;

/** the latest competition date taken: today anywhere on earth, as the database's check */
export const latestCompetitionDate = latestBirthDate;

/** a real calendar date written YYYY-MM-DD */
function isIsoDate(value: string): boolean {
  try {
    epochDay(value);
    return true;
  } catch {
    return false;
  }
}

/** at most two decimals: hundredths of a second, centimetres */
export function hasTwoDecimalsAtMost(value: number): boolean {
  return Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
}

/** the row a local insert or update writes (without id, club and athlete) */
export function competitionResultSchema(clock: Clock) {
  return z
    .object({
      competed_on: z
        .string()
        .refine(isIsoDate, m.date)
        .refine((d) => d >= COMPETED_ON_MIN, m.dateEarly)
        .refine((d) => d <= latestBirthDate(clock), m.dateFuture),
      competition: z
        .string()
        .refine((s) => s.trim().length >= 1 && s.length <= COMPETITION_MAX, m.competition),
      level: z.enum(COMPETITION_LEVELS, { message: m.level }),
      discipline: z.string().regex(DISCIPLINE_CODE, m.discipline),
      result_kind: z.enum(RESULT_KINDS),
      value: z
        .number({ message: m.value })
        .refine(
          (v) => Number.isFinite(v) && v > 0 && v < RESULT_VALUE_MAX && hasTwoDecimalsAtMost(v),
          m.value,
        ),
      timing: z.enum(TIMINGS, { message: m.timing }).nullable(),
      venue: z.enum(VENUES, { message: m.venue }),
      place: z.number().int(m.place).min(1, m.place).max(PLACE_MAX, m.place).nullable(),
      notes: z.string().max(RESULT_NOTES_MAX, m.notes),
    })
    .superRefine((r, ctx) => {
      if ((r.result_kind === 'time') !== (r.timing !== null)) {
        ctx.addIssue({ code: 'custom', path: ['timing'], message: m.timing });
      }
    });
}
export type CompetitionResultForm = z.infer<ReturnType<typeof competitionResultSchema>>;

/** `athletes_sex_check` */
export const sexSchema = z.enum(SEXES).nullable();

/**
 * Reads a time as people write it: "11.94", "11,94", "1:58.30", "1.58,30" (minutes
 * and seconds, as the norm tables print them). Seconds, or null when unreadable.
 */
export function parseTime(text: string): number | null {
  const t = text.trim().replace(/,/g, '.');
  const mmss = /^(\d{1,3})[:.](\d{2})\.(\d{1,2})$/.exec(t);
  if (mmss) return round2(Number(mmss[1]) * 60 + Number(`${mmss[2]}.${mmss[3]}`));
  const mmssWhole = /^(\d{1,3}):(\d{2})$/.exec(t);
  if (mmssWhole) return Number(mmssWhole[1]) * 60 + Number(mmssWhole[2]);
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  return null;
}

/** reads a distance, height or points as typed ("7,45" or "7.45") */
export function parseMeasure(text: string): number | null {
  const t = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** a time as the tables print it: 11.94, 1:58.30 */
export function formatTime(seconds: number): string {
  if (seconds < 60) return seconds.toFixed(2);
  const minutes = Math.floor(seconds / 60);
  const rest = round2(seconds - minutes * 60);
  return `${minutes}:${rest.toFixed(2).padStart(5, '0')}`;
}

/** lower is better for a time, higher for everything else */
export function isBetter(kind: string, a: number, b: number): boolean {
  return kind === 'time' ? a < b : a > b;
}

export interface ResultForBest {
  id: string;
  discipline: string;
  venue: string;
  result_kind: string;
  value: number;
}

/** the ids of personal bests: the best value per (discipline, venue); ties share it */
export function personalBestIds(results: readonly ResultForBest[]): Set<string> {
  const best = new Map<string, number>();
  for (const r of results) {
    const key = `${r.discipline}|${r.venue}`;
    const b = best.get(key);
    if (b === undefined || isBetter(r.result_kind, r.value, b)) best.set(key, r.value);
  }
  return new Set(
    results.filter((r) => best.get(`${r.discipline}|${r.venue}`) === r.value).map((r) => r.id),
  );
}
