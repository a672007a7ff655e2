// A deliberately simple reference for slots.ts: mark every minute of the range
// in bitmaps, then test each minute as a start, minute by minute. It shares only
// the weekly-window expansion with the real engine (not its interval algebra or
// its cutting), so the property tests use it as an oracle, and the benchmark
// `slots.90_days` times the real engine against it.
import type { Slot, SlotInput } from './slots.ts';
import { bookingWindow, validateSettings } from './slots.ts';
import type { Interval } from './interval-set.ts';
import { expandWeekly } from './weekly-rule.ts';
import { DAY, MINUTE, localDateAt } from './zoned-time.ts';

export function naiveBookableSlots(input: SlotInput): Slot[] {
  const s = input.settings;
  validateSettings(s);
  const window = bookingWindow(input);
  if (window.end <= window.start) return [];
  const zone = s.zone;
  const open: Interval[] = [
    ...expandWeekly(
      zone,
      input.weekly,
      localDateAt(zone, window.start - DAY),
      localDateAt(zone, window.end + DAY),
    ),
    ...(input.additions ?? []),
  ];
  const length = s.durationMinutes;
  const step = s.intervalMinutes ?? s.durationMinutes;
  const pad = (s.bufferBeforeMinutes ?? 0) + (s.bufferAfterMinutes ?? 0);
  const origin = Math.floor(Math.min(window.start, ...open.map((i) => i.start)) / MINUTE) - 1;
  const size = Math.ceil(window.end / MINUTE) + length + 2 - origin;
  const isOpen = new Uint8Array(size);
  const isTaken = new Uint8Array(size);
  const mark = (bits: Uint8Array, from: number, to: number) => {
    for (let m = Math.max(0, from - origin); m < Math.min(size, to - origin); m++) bits[m] = 1;
  };
  for (const i of open) mark(isOpen, i.start / MINUTE, i.end / MINUTE);
  for (const i of input.blocked ?? []) mark(isTaken, i.start / MINUTE, i.end / MINUTE);
  for (const i of input.busy ?? []) mark(isTaken, i.start / MINUTE - pad, i.end / MINUTE + pad);

  const out: Slot[] = [];
  let runStart = -1;
  for (let m = 0; m < size; m++) {
    if (!isOpen[m]) {
      runStart = -1;
      continue;
    }
    if (runStart < 0) runStart = m;
    const start = (origin + m) * MINUTE;
    if ((m - runStart) % step !== 0 || start < window.start || start >= window.end) continue;
    let ok = m + length <= size;
    for (let k = m; ok && k < m + length; k++) ok = isOpen[k] === 1 && isTaken[k] === 0;
    if (ok) out.push({ start, end: start + length * MINUTE });
  }
  return out;
}
