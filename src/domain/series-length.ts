// How long a weekly or two-weekly booking runs: open-ended, until a date, or a
// number of occurrences. The server knows only an end date
// (create_recurring_booking's p_end_date, and recurring_bookings_dates: the end
// is not before the start), so a count becomes the date of its last occurrence.
import { z } from 'zod';
import { addDays, epochDay, weekday, type LocalDate } from './zoned-time.ts';

/** the most occurrences a booker may ask for at once: two years of weeks */
export const MAX_OCCURRENCES = 104;

export type SeriesLength =
  { kind: 'open' } | { kind: 'until'; date: LocalDate } | { kind: 'count'; count: number };

export type SeriesLengthError = 'count' | 'date' | 'before_start';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const seriesLengthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open') }),
  z.object({ kind: z.literal('until'), date: z.string().regex(isoDate) }),
  z.object({ kind: z.literal('count'), count: z.number().int().min(1).max(MAX_OCCURRENCES) }),
]);

/**
 * The end date to send for a series whose first occurrence is `startDate`
 * (null: open-ended), or what is wrong with the length asked for.
 */
export function seriesEndDate(
  startDate: LocalDate,
  everyWeeks: 1 | 2,
  length: SeriesLength,
): { ok: true; endDate: LocalDate | null } | { ok: false; error: SeriesLengthError } {
  const parsed = seriesLengthSchema.safeParse(length);
  if (!parsed.success) return { ok: false, error: length.kind === 'count' ? 'count' : 'date' };
  const value = parsed.data;
  if (value.kind === 'open') return { ok: true, endDate: null };
  if (value.kind === 'count') {
    return { ok: true, endDate: addDays(startDate, (value.count - 1) * 7 * everyWeeks) };
  }
  if (!isRealDate(value.date)) return { ok: false, error: 'date' };
  if (value.date < startDate) return { ok: false, error: 'before_start' };
  return { ok: true, endDate: value.date };
}

function isRealDate(date: LocalDate): boolean {
  try {
    epochDay(date);
    return true;
  } catch {
    return false;
  }
}

/** how many occurrences a series from `startDate` to `endDate` holds (skips not counted) */
export function occurrenceCount(
  startDate: LocalDate,
  everyWeeks: 1 | 2,
  endDate: LocalDate,
): number {
  const days = epochDay(endDate) - epochDay(startDate);
  return days < 0 ? 0 : Math.floor(days / (7 * everyWeeks)) + 1;
}

/**
 * The last date a series holds: its first `weekday` on or after `startDate`,
 * stepped by `everyWeeks` weeks, up to `endDate` (null when none falls there).
 */
export function lastOccurrenceDate(
  startDate: LocalDate,
  day: number,
  everyWeeks: number,
  endDate: LocalDate,
): LocalDate | null {
  const first = addDays(startDate, (day - weekday(startDate) + 7) % 7);
  const step = 7 * everyWeeks;
  const days = epochDay(endDate) - epochDay(first);
  return days < 0 ? null : addDays(first, Math.floor(days / step) * step);
}
