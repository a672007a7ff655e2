// Where a plan's workouts fall in time. A plan's copy starts on a local date
// (week 1, day 1); a workout's date is start + (week-1)*7 + (day-1). The athlete's
// «today» is a local date (their zone, an injected clock), so every function here
// works on local dates only and never reads the wall clock.
import { addDays, epochDay, type LocalDate } from './zoned-time.ts';

/** the longest plan the database allows (training_plans.weeks) */
export const MAX_PLAN_WEEKS = 104;

export interface PlanSpan {
  /** the date of week 1, day 1 */
  startDate: LocalDate;
  weeks: number;
  /** weeks 1..unlockedWeeks are open to the athlete; null = all of them */
  unlockedWeeks: number | null;
}

/** a week and a day of a plan */
export interface PlanSlot {
  week: number;
  day: number;
}

/** the local date of a workout's slot */
export function slotDate(startDate: LocalDate, slot: PlanSlot): LocalDate {
  return addDays(startDate, (slot.week - 1) * 7 + (slot.day - 1));
}

/** the slot of a date in a plan, or null when the date is before or after it */
export function slotOf(plan: PlanSpan, date: LocalDate): PlanSlot | null {
  const offset = epochDay(date) - epochDay(plan.startDate);
  if (offset < 0 || offset >= plan.weeks * 7) return null;
  return { week: Math.floor(offset / 7) + 1, day: (offset % 7) + 1 };
}

/** the weeks the athlete may see */
export function openWeeks(plan: PlanSpan): number {
  return Math.min(plan.weeks, plan.unlockedWeeks ?? plan.weeks);
}

/** the date a locked week opens: its first day */
export function weekOpensOn(plan: PlanSpan, week: number): LocalDate {
  return slotDate(plan.startDate, { week, day: 1 });
}

/** `count` consecutive dates starting with `from` */
export function daysFrom(from: LocalDate, count: number): LocalDate[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/**
 * The plan weeks the dates from `from` over `count` days touch (at most two for a
 * week ahead): what a reader asks its week index for, rather than every workout.
 */
export function weeksTouched(plan: PlanSpan, from: LocalDate, count: number): number[] {
  const weeks = new Set<number>();
  for (const date of daysFrom(from, count)) {
    const slot = slotOf(plan, date);
    if (slot) weeks.add(slot.week);
  }
  return [...weeks].sort((a, b) => a - b);
}

/** the first locked week the dates touch, if any: what «Неделя N откроется …» names */
export function firstLockedWeek(plan: PlanSpan, from: LocalDate, count: number): number | null {
  const locked = weeksTouched(plan, from, count).filter((w) => w > openWeeks(plan));
  return locked[0] ?? null;
}

/**
 * The workouts of the given slots that fall on `date`, in their order of the
 * day; workouts of locked weeks never show (the server keeps them off the
 * device too, this guards a stale row).
 */
export function workoutsOn<W extends PlanSlot & { position: number }>(
  plan: PlanSpan,
  workouts: readonly W[],
  date: LocalDate,
): W[] {
  const slot = slotOf(plan, date);
  if (!slot || slot.week > openWeeks(plan)) return [];
  return workouts
    .filter((w) => w.week === slot.week && w.day === slot.day)
    .sort((a, b) => a.position - b.position);
}

/** the days after `today` up to a week ahead, each with its workouts (days without any left out) */
export function weekAhead<W extends PlanSlot & { position: number }>(
  plan: PlanSpan,
  workouts: readonly W[],
  today: LocalDate,
): { date: LocalDate; workouts: W[] }[] {
  return daysFrom(addDays(today, 1), 7)
    .map((date) => ({ date, workouts: workoutsOn(plan, workouts, date) }))
    .filter((d) => d.workouts.length > 0);
}

/** the weeks open on `today` for a plan that unlocks week by week: those that have begun */
export function weeksBegun(plan: Pick<PlanSpan, 'startDate' | 'weeks'>, today: LocalDate): number {
  const offset = epochDay(today) - epochDay(plan.startDate);
  if (offset < 0) return 1;
  return Math.min(plan.weeks, Math.floor(offset / 7) + 1);
}

/** a pace in seconds per kilometre as m:ss */
export function formatPace(secondsPerKm: number): string {
  const s = Math.round(secondsPerKm);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** a distance in metres: whole kilometres with one decimal from 1 km, metres below */
export function formatDistance(metres: number): { value: string; unit: 'km' | 'm' } {
  if (metres < 1000) return { value: String(metres), unit: 'm' };
  const km = Math.round(metres / 100) / 10;
  return { value: Number.isInteger(km) ? String(km) : km.toFixed(1), unit: 'km' };
}

export const WORKOUT_TYPES = ['run', 'intervals', 'strength', 'rest', 'race'] as const;
export type WorkoutType = (typeof WORKOUT_TYPES)[number];

export function isWorkoutType(value: unknown): value is WorkoutType {
  return (WORKOUT_TYPES as readonly unknown[]).includes(value);
}

/** how hard a workout is meant to be: one of the three measures, or none given */
export type WorkoutIntensity =
  | { kind: 'pace'; secondsPerKm: number }
  | { kind: 'hr_zone'; zone: number }
  | { kind: 'rpe'; rpe: number }
  | null;

/** the intensity a workout's columns name (plan_workouts_intensity_shape_check keeps them whole) */
export function intensityOf(w: {
  intensity: string | null;
  pace_s_per_km: number | null;
  hr_zone: number | null;
  rpe: number | null;
}): WorkoutIntensity {
  if (w.intensity === 'pace' && w.pace_s_per_km != null) {
    return { kind: 'pace', secondsPerKm: w.pace_s_per_km };
  }
  if (w.intensity === 'hr_zone' && w.hr_zone != null) return { kind: 'hr_zone', zone: w.hr_zone };
  if (w.intensity === 'rpe' && w.rpe != null) return { kind: 'rpe', rpe: w.rpe };
  return null;
}
