// Weekly and bi-weekly series (a member's recurring booking, a group's
// timetable row) expanded into occurrences by stepping the LOCAL date 7 or 14
// days at a time and resolving the wall-clock start in the series' zone — never
// by adding 7 × 24 h to an instant, which drifts by an hour across DST. So
// "Mondays 18:00 Europe/Berlin" is 18:00 in Berlin on every date.
//
// An occurrence lasts `durationMinutes` of elapsed time from its start. A start
// in a DST gap is moved forward by the gap (flagged `shifted`); a start in an
// overlap takes the earlier instant (flagged `ambiguous`) — zoned-time.ts.
import type { Instant, LocalDate } from './zoned-time.ts';
import {
  MINUTE,
  addDays,
  dateFromEpochDay,
  epochDay,
  resolveLocal,
  weekday,
} from './zoned-time.ts';

export interface WeeklySeries {
  zone: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** local start, minutes after midnight (0…1439) */
  startTime: number;
  durationMinutes: number;
  /** the series starts on the first matching weekday on or after this date */
  startDate: LocalDate;
  /** last date an occurrence may fall on (inclusive); null = open-ended */
  endDate?: LocalDate | null;
  /** 1 = weekly, 2 = every two weeks (counted from the first occurrence) */
  everyWeeks: 1 | 2;
}

export interface Occurrence {
  /** the local date in the series' zone — with the series, the occurrence's identity */
  date: LocalDate;
  start: Instant;
  end: Instant;
  shifted: boolean;
  ambiguous: boolean;
}

export function validateSeries(s: WeeklySeries): void {
  if (!Number.isInteger(s.weekday) || s.weekday < 0 || s.weekday > 6) {
    throw new RangeError(`weekday must be 0–6: ${s.weekday}`);
  }
  if (!Number.isInteger(s.startTime) || s.startTime < 0 || s.startTime >= 1440) {
    throw new RangeError('start time must be within the day');
  }
  if (!Number.isInteger(s.durationMinutes) || s.durationMinutes <= 0) {
    throw new RangeError('duration must be a positive number of minutes');
  }
  if (s.everyWeeks !== 1 && s.everyWeeks !== 2) throw new RangeError('every 1 or 2 weeks');
  if (s.endDate && epochDay(s.endDate) < epochDay(s.startDate)) {
    throw new RangeError('a series cannot end before it starts');
  }
}

/** the date of the first occurrence: the first date on or after startDate with the series' weekday */
export function firstOccurrenceDate(s: WeeklySeries): LocalDate {
  return addDays(s.startDate, (s.weekday - weekday(s.startDate) + 7) % 7);
}

/** true when the series has an occurrence on this local date */
export function occursOn(s: WeeklySeries, date: LocalDate): boolean {
  const diff = epochDay(date) - epochDay(firstOccurrenceDate(s));
  if (diff < 0 || diff % (7 * s.everyWeeks) !== 0) return false;
  return !s.endDate || epochDay(date) <= epochDay(s.endDate);
}

/** the occurrence on one local date (which the caller knows to match) */
export function occurrenceOn(s: WeeklySeries, date: LocalDate): Occurrence {
  const r = resolveLocal(s.zone, date, s.startTime);
  return {
    date,
    start: r.instant,
    end: r.instant + s.durationMinutes * MINUTE,
    shifted: r.shifted,
    ambiguous: r.ambiguous,
  };
}

/** occurrences whose local date lies in [from, to] (inclusive), in order */
export function occurrences(s: WeeklySeries, from: LocalDate, to: LocalDate): Occurrence[] {
  validateSeries(s);
  const step = 7 * s.everyWeeks;
  const first = epochDay(firstOccurrenceDate(s));
  let last = epochDay(to);
  if (s.endDate) last = Math.min(last, epochDay(s.endDate));
  const lower = epochDay(from);
  let day = lower <= first ? first : first + Math.ceil((lower - first) / step) * step;
  const out: Occurrence[] = [];
  for (; day <= last; day += step) out.push(occurrenceOn(s, dateFromEpochDay(day)));
  return out;
}
