// A training plan and its workouts (issue 17): the rules the builder checks
// before a local edit, which the CHECK constraints of public.training_plans and
// public.plan_workouts repeat (supabase/migrations/20261207100000_coach_tools_core.sql);
// tests/db/training-plan-agreement.test.ts feeds both the same values.
import { z } from 'zod';
import { dateFromEpochDay, epochDay } from './zoned-time.ts';

export const WORKOUT_TYPES = ['run', 'intervals', 'strength', 'rest', 'race'] as const;
export type WorkoutType = (typeof WORKOUT_TYPES)[number];
export const INTENSITIES = ['pace', 'hr_zone', 'rpe'] as const;
export type Intensity = (typeof INTENSITIES)[number];

export const PLAN_TITLE_MAX = 200;
export const PLAN_DESCRIPTION_MAX = 4000;
export const PLAN_WEEKS_MAX = 104;
export const WORKOUT_TITLE_MAX = 200;
export const WORKOUT_NOTES_MAX = 2000;
export const WORKOUT_POSITION_MAX = 50;
export const DURATION_MAX = 1440;
export const DISTANCE_MAX = 1_000_000;
export const PACE_MIN = 120;
export const PACE_MAX = 1200;

export const trainingPlanMessages = {
  title: `Название плана — от 1 до ${PLAN_TITLE_MAX} символов`,
  description: `Описание — не длиннее ${PLAN_DESCRIPTION_MAX} символов`,
  weeks: `Недель в плане — от 1 до ${PLAN_WEEKS_MAX}`,
  type: 'Выберите тип тренировки',
  workoutTitle: `Название тренировки — не длиннее ${WORKOUT_TITLE_MAX} символов`,
  notes: `Заметки — не длиннее ${WORKOUT_NOTES_MAX} символов`,
  duration: `Длительность — целое число минут от 1 до ${DURATION_MAX}`,
  distance: 'Дистанция — целое число метров от 1 до 1 000 000',
  pace: 'Темп — мм:сс на километр, от 2:00 до 20:00',
  hrZone: 'Пульсовая зона — от 1 до 5',
  rpe: 'RPE — от 1 до 10',
  intensity: 'Укажите значение для выбранной интенсивности',
  week: `Неделя — от 1 до ${PLAN_WEEKS_MAX}`,
  day: 'День недели — от 1 до 7',
  position: `Порядок в дне — от 0 до ${WORKOUT_POSITION_MAX}`,
  startDate: 'Дата начала — в формате ГГГГ-ММ-ДД',
} as const;

const m = trainingPlanMessages;

/** as Postgres' char_length counts (code points) */
function charLength(value: string): number {
  return [...value].length;
}

const intIn = (min: number, max: number, message: string) =>
  z.number({ error: message }).int(message).min(min, message).max(max, message);

/** a real calendar date written YYYY-MM-DD */
export function isIsoDate(value: string): boolean {
  try {
    epochDay(value);
    return true;
  } catch {
    return false;
  }
}

export const startDateSchema = z.string().refine(isIsoDate, m.startDate);

/** `char_length(btrim(title)) between 1 and 200` (btrim strips spaces only, and so does this) */
export const planTitleSchema = z
  .string()
  .transform((s) => s.replace(/^ +| +$/g, ''))
  .refine((s) => charLength(s) >= 1 && charLength(s) <= PLAN_TITLE_MAX, m.title);

export const planFieldsSchema = z.object({
  title: planTitleSchema,
  description: z.string().refine((s) => charLength(s) <= PLAN_DESCRIPTION_MAX, m.description),
  weeks: intIn(1, PLAN_WEEKS_MAX, m.weeks),
});
export type PlanFields = z.infer<typeof planFieldsSchema>;

/**
 * A workout's own fields. The intensity's value is set iff that intensity is
 * chosen (`pace_s_per_km` iff 'pace', and so on), as the table's checks say.
 */
export const workoutFieldsSchema = z
  .object({
    week: intIn(1, PLAN_WEEKS_MAX, m.week),
    day: intIn(1, 7, m.day),
    position: intIn(0, WORKOUT_POSITION_MAX, m.position),
    type: z.enum(WORKOUT_TYPES, { error: m.type }),
    title: z.string().refine((s) => charLength(s) <= WORKOUT_TITLE_MAX, m.workoutTitle),
    duration_min: intIn(1, DURATION_MAX, m.duration).nullable(),
    distance_m: intIn(1, DISTANCE_MAX, m.distance).nullable(),
    intensity: z.enum(INTENSITIES, { error: m.intensity }).nullable(),
    pace_s_per_km: intIn(PACE_MIN, PACE_MAX, m.pace).nullable(),
    hr_zone: intIn(1, 5, m.hrZone).nullable(),
    rpe: intIn(1, 10, m.rpe).nullable(),
    notes: z.string().refine((s) => charLength(s) <= WORKOUT_NOTES_MAX, m.notes),
  })
  .superRefine((w, ctx) => {
    const pairs = [
      ['pace', 'pace_s_per_km', m.pace],
      ['hr_zone', 'hr_zone', m.hrZone],
      ['rpe', 'rpe', m.rpe],
    ] as const;
    for (const [intensity, field, message] of pairs) {
      const chosen = w.intensity === intensity;
      if (chosen !== (w[field] !== null)) {
        ctx.addIssue({ code: 'custom', path: [field], message: chosen ? message : m.intensity });
      }
    }
  });
export type WorkoutFields = z.infer<typeof workoutFieldsSchema>;

/** "5:30" or "05:30" → 330 seconds per km; null when it is not mm:ss */
export function parsePace(text: string): number | null {
  const match = /^\s*(\d{1,2}):([0-5]\d)\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 330 → "5:30" */
export function formatPace(seconds: number): string {
  const s = seconds % 60;
  return `${Math.floor(seconds / 60)}:${s < 10 ? '0' : ''}${s}`;
}

// ---- the plan's calendar: week 1 day 1 is start_date ----

const epochDayOf = epochDay;
const dateOfEpochDay = dateFromEpochDay;

/** `start_date + (week-1)*7 + (day-1)` */
export function workoutDate(startDate: string, week: number, day: number): string {
  return dateOfEpochDay(epochDayOf(startDate) + (week - 1) * 7 + (day - 1));
}

/** the plan's week and day a date falls on; null before the start or after the last week */
export function planDayOn(
  startDate: string,
  weeks: number,
  date: string,
): { week: number; day: number } | null {
  const offset = epochDayOf(date) - epochDayOf(startDate);
  if (offset < 0 || offset >= weeks * 7) return null;
  return { week: Math.floor(offset / 7) + 1, day: (offset % 7) + 1 };
}

/** the plan's start moved by n days (negative: earlier) */
export function shiftStartDate(startDate: string, days: number): string {
  return dateOfEpochDay(epochDayOf(startDate) + days);
}

/** the Monday of the week a date falls in (ISO weeks), the usual start of a plan */
export function mondayOf(date: string): string {
  const day = epochDayOf(date);
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays
  return dateOfEpochDay(day - ((((day + 3) % 7) + 7) % 7));
}

// ---- edits that touch several workouts ----

/** the workout fields an edit carries over (ids and timestamps are the caller's) */
export type PlannedWorkout = { id: string } & WorkoutFields;

export interface WorkoutEdits {
  inserts: PlannedWorkout[];
  updates: { id: string; week: number }[];
  deletes: string[];
}

/**
 * Week `from` copied onto week `to`: what `to` held goes, and each workout of
 * `from` comes again under a new id. Copying a week onto itself changes nothing.
 */
export function copyWeek(
  workouts: readonly PlannedWorkout[],
  from: number,
  to: number,
  newId: () => string,
): WorkoutEdits {
  if (from === to) return { inserts: [], updates: [], deletes: [] };
  return {
    deletes: workouts.filter((w) => w.week === to).map((w) => w.id),
    inserts: workouts.filter((w) => w.week === from).map((w) => ({ ...w, id: newId(), week: to })),
    updates: [],
  };
}

/**
 * Week `week` removed from a plan of `weeks` weeks: its workouts go and the later
 * weeks move up one. Updates come in week order, so each stays within the plan
 * while the plan still has its old length.
 */
export function removeWeek(workouts: readonly PlannedWorkout[], week: number): WorkoutEdits {
  return {
    inserts: [],
    deletes: workouts.filter((w) => w.week === week).map((w) => w.id),
    updates: workouts
      .filter((w) => w.week > week)
      .sort((a, b) => a.week - b.week || a.day - b.day || a.position - b.position)
      .map((w) => ({ id: w.id, week: w.week - 1 })),
  };
}

// ---- compliance ----

export interface ComplianceWorkout {
  id: string;
  week: number;
  day: number;
  type: string;
}

export interface ComplianceLog {
  workout_id: string;
  status: string;
}

export interface WeekCompliance {
  week: number;
  done: number;
  due: number;
}

export interface Compliance {
  weeks: WeekCompliance[];
  done: number;
  due: number;
}

/**
 * Done / planned per week of an athlete's plan. Rest days never count; a workout
 * is due once its date is today or earlier (`today` is the athlete's local date),
 * and one marked done ahead of its day counts as due and done. Weeks not yet
 * begun show 0 / 0.
 */
export function planCompliance(
  startDate: string,
  weeks: number,
  workouts: readonly ComplianceWorkout[],
  logs: readonly ComplianceLog[],
  today: string,
): Compliance {
  const done = new Set(logs.filter((l) => l.status === 'done').map((l) => l.workout_id));
  const rows: WeekCompliance[] = Array.from({ length: weeks }, (_, i) => ({
    week: i + 1,
    done: 0,
    due: 0,
  }));
  for (const w of workouts) {
    if (w.type === 'rest' || w.week < 1 || w.week > weeks) continue;
    const isDone = done.has(w.id);
    const isDue = workoutDate(startDate, w.week, w.day) <= today || isDone;
    if (!isDue) continue;
    const row = rows[w.week - 1];
    if (!row) continue;
    row.due += 1;
    if (isDone) row.done += 1;
  }
  return {
    weeks: rows,
    done: rows.reduce((n, r) => n + r.done, 0),
    due: rows.reduce((n, r) => n + r.due, 0),
  };
}

/** a share as a whole percent, null when nothing was due */
export function compliancePercent(done: number, due: number): number | null {
  return due === 0 ? null : Math.round((done / due) * 100);
}
