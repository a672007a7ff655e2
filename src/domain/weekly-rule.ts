// Weekly availability windows ("Mondays 09:00–12:00" in the coach's zone) expanded
// into absolute intervals. Each local date in the range is visited in the
// window's zone and its wall-clock bounds are resolved there, so a window keeps
// its local hours across DST (see zoned-time.ts for gaps and overlaps).
import type { Interval } from './interval-set.ts';
import { normalize } from './interval-set.ts';
import type { LocalDate } from './zoned-time.ts';
import { dateFromEpochDay, epochDay, parseLocalTime, toInstant, weekday } from './zoned-time.ts';

export interface WeeklyWindow {
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** minutes after local midnight */
  start: number;
  /** minutes after local midnight, > start, at most 1440 (24:00 = end of the day) */
  end: number;
}

export function validateWindow(w: WeeklyWindow): void {
  if (!Number.isInteger(w.weekday) || w.weekday < 0 || w.weekday > 6) {
    throw new RangeError(`weekday must be 0–6: ${w.weekday}`);
  }
  if (!Number.isInteger(w.start) || !Number.isInteger(w.end) || w.start < 0 || w.end > 1440) {
    throw new RangeError(`window bounds must be whole minutes within the day`);
  }
  if (w.end <= w.start) throw new RangeError('a window must end after it starts');
}

/** `{ weekday: 1, start: '09:00', end: '12:00' }` → a window */
export function windowOf(weekdayNumber: number, start: string, end: string): WeeklyWindow {
  const w = { weekday: weekdayNumber, start: parseLocalTime(start), end: parseLocalTime(end) };
  validateWindow(w);
  return w;
}

/**
 * The instants covered by weekly windows on every local date from `from` to `to`
 * (both inclusive) in `zone`, as a normalized interval set. A window wholly
 * inside a DST gap is empty and disappears.
 */
export function expandWeekly(
  zone: string,
  windows: readonly WeeklyWindow[],
  from: LocalDate,
  to: LocalDate,
): Interval[] {
  const byDay: WeeklyWindow[][] = [[], [], [], [], [], [], []];
  for (const w of windows) {
    validateWindow(w);
    (byDay[w.weekday] as WeeklyWindow[]).push(w);
  }
  const out: Interval[] = [];
  const first = epochDay(from);
  const last = epochDay(to);
  for (let day = first; day <= last; day++) {
    const date = dateFromEpochDay(day);
    for (const w of byDay[weekday(date)] as WeeklyWindow[]) {
      const start = toInstant(zone, date, w.start);
      const end =
        w.end === 1440
          ? toInstant(zone, dateFromEpochDay(day + 1), 0)
          : toInstant(zone, date, w.end);
      if (end > start) out.push({ start, end });
    }
  }
  return normalize(out);
}
