// Bookable slots for one coach (ARCHITECTURE §6, seed 004, seed 002 §4).
//
//   open  = weekly windows (expanded per local date in the coach's zone) ∪ additions
//   free  = open − blocked − busy, where each busy session is widened by
//           before + after buffer on both sides
//   slots = candidate starts, cut from each `open` segment every `intervalMinutes`
//           from the segment's start, whose [start, start + duration) lies inside
//           one `free` interval, that start at or after now + minimum notice and
//           before now + horizon; grouped by the BOOKER's local date.
//
// Buffers. Every active session reserves [start − before, end + after] — the same
// range the database's exclusion constraint compares — so two sessions need
// `after + before` between them. A candidate therefore must keep its own buffered
// range clear of each busy session's buffered range, which is the same as keeping
// the bare candidate clear of the busy session widened by before + after on both
// sides. Buffers may reach outside availability (prep before the first session of
// the day is fine); the session itself may not.
//
// Cost: O(n log n) in windows + blocked + busy to build the sets, then one sweep
// over candidates that jumps straight to each free interval, so a day full of
// busy time costs nothing per minute (compare slots-naive.ts).
import type { Interval } from './interval-set.ts';
import { covers, normalize, subtract, union, widen } from './interval-set.ts';
import type { WeeklyWindow } from './weekly-rule.ts';
import { expandWeekly } from './weekly-rule.ts';
import type { Instant, LocalDate } from './zoned-time.ts';
import { DAY, MINUTE, dateFromEpochDay, localDateAt, offsetMinutes } from './zoned-time.ts';

export interface SlotSettings {
  /** the coach's IANA zone: weekly windows are wall-clock times there */
  zone: string;
  durationMinutes: number;
  /** distance between candidate starts; defaults to the duration */
  intervalMinutes?: number;
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
  minimumNoticeMinutes?: number;
  /** how far ahead a booker may book, in days from now */
  horizonDays: number;
}

export interface SlotInput {
  settings: SlotSettings;
  weekly: readonly WeeklyWindow[];
  /** one-time availability, absolute */
  additions?: readonly Interval[];
  /** blocked time (vacations, blackout dates), absolute */
  blocked?: readonly Interval[];
  /** the coach's active sessions, unbuffered */
  busy?: readonly Interval[];
  /** the injected clock's reading */
  now: Instant;
  /** optionally narrow the search (still clipped to notice and horizon) */
  from?: Instant;
  until?: Instant;
}

export interface Slot {
  start: Instant;
  end: Instant;
}

export interface SlotDay {
  /** local date in the booker's zone */
  date: LocalDate;
  slots: Slot[];
}

export function validateSettings(s: SlotSettings): void {
  const whole = (n: number | undefined, min: number) =>
    n === undefined || (Number.isInteger(n) && n >= min);
  if (!whole(s.durationMinutes, 1) || !whole(s.intervalMinutes, 1)) {
    throw new RangeError('duration and interval must be positive whole minutes');
  }
  if (
    !whole(s.bufferBeforeMinutes, 0) ||
    !whole(s.bufferAfterMinutes, 0) ||
    !whole(s.minimumNoticeMinutes, 0) ||
    !whole(s.horizonDays, 0)
  ) {
    throw new RangeError('buffers, notice and horizon must be whole and not negative');
  }
}

/** the window [earliest start, latest start) a booker may choose from */
export function bookingWindow(input: SlotInput): Interval {
  const s = input.settings;
  const start = Math.max(
    input.now + (s.minimumNoticeMinutes ?? 0) * MINUTE,
    input.from ?? -Infinity,
  );
  const end = Math.min(input.now + s.horizonDays * DAY, input.until ?? Infinity);
  return { start, end };
}

/** availability (windows ∪ additions) around a booking window, as a normalized set */
export function openTime(input: SlotInput, window: Interval): Interval[] {
  const zone = input.settings.zone;
  // a day of margin either side covers every offset a zone can have
  const from = localDateAt(zone, window.start - DAY);
  const to = localDateAt(zone, window.end + DAY);
  return union(expandWeekly(zone, input.weekly, from, to), normalize(input.additions ?? []));
}

/** time a session may occupy: open − blocked − busy widened by both buffers */
export function freeTime(input: SlotInput, open: readonly Interval[]): Interval[] {
  const s = input.settings;
  const pad = ((s.bufferBeforeMinutes ?? 0) + (s.bufferAfterMinutes ?? 0)) * MINUTE;
  const taken = normalize([...(input.blocked ?? []), ...widen(input.busy ?? [], pad, pad)]);
  return subtract(open as Interval[], taken);
}

/** every bookable slot, in order */
export function bookableSlots(input: SlotInput): Slot[] {
  const s = input.settings;
  validateSettings(s);
  const window = bookingWindow(input);
  if (window.end <= window.start) return [];
  const length = s.durationMinutes * MINUTE;
  const step = (s.intervalMinutes ?? s.durationMinutes) * MINUTE;
  const open = openTime(input, window);
  const free = freeTime(input, open);
  const out: Slot[] = [];
  let f = 0;
  for (const seg of open) {
    // candidates seg.start + k·step with k ≥ 0 and start + length ≤ seg.end
    while (f < free.length && (free[f] as Interval).end <= seg.start) f++;
    for (let g = f; g < free.length; g++) {
      const fr = free[g] as Interval;
      if (fr.start >= seg.end) break;
      const lo = Math.max(fr.start, seg.start, window.start);
      let start = seg.start + Math.ceil((lo - seg.start) / step) * step;
      const stop = Math.min(fr.end, seg.end);
      for (; start + length <= stop && start < window.end; start += step) {
        out.push({ start, end: start + length });
      }
    }
  }
  return out;
}

/** slots grouped by the booker's local date (a 01:30 Moscow slot is the day before in London) */
export function groupByLocalDate(slots: readonly Slot[], bookerZone: string): SlotDay[] {
  const days: SlotDay[] = [];
  for (const slot of slots) {
    const wall = slot.start + offsetMinutes(bookerZone, slot.start) * MINUTE;
    const date = dateFromEpochDay(Math.floor(wall / DAY));
    const last = days[days.length - 1];
    if (last && last.date === date) last.slots.push(slot);
    else days.push({ date, slots: [slot] });
  }
  return days;
}

/** bookable slots for a booker in `bookerZone`, grouped by their local date */
export function slotsByDay(input: SlotInput, bookerZone: string): SlotDay[] {
  return groupByLocalDate(bookableSlots(input), bookerZone);
}

/**
 * Whether a session still fits the coach's rules: inside open time (weekly
 * windows ∪ additions) and clear of blocked time. The database flags future
 * sessions that stop fitting (session_conflicts, kind outside_availability) with
 * the same rule; this lets a device show the flag before it syncs.
 */
export function fitsAvailability(
  rules: Pick<SlotInput, 'settings' | 'weekly' | 'additions' | 'blocked'>,
  session: Interval,
): boolean {
  const input: SlotInput = { ...rules, now: session.start };
  const open = openTime(input, session);
  if (!covers(open, session.start, session.end)) return false;
  return !(rules.blocked ?? []).some((b) => b.start < session.end && session.start < b.end);
}
