// A deliberately simple reference for slots.ts: walk the range minute by minute,
// decide for each minute whether it is free by testing it against every blocked
// range and busy session, then take aligned starts followed by enough free minutes. It shares only
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
  for (const i of open) {
    for (
      let m = Math.max(0, i.start / MINUTE - origin);
      m < Math.min(size, i.end / MINUTE - origin);
      m++
    ) {
      isOpen[m] = 1;
    }
  }
  // each minute on its own: open, and clear of every blocked range and every
  // busy session widened by both buffers (a linear scan of the lists per minute)
  const blocked = input.blocked ?? [];
  const busy = input.busy ?? [];
  const freeAhead = new Int32Array(size + 1); // free minutes from here on, in a row
  for (let m = size - 1; m >= 0; m--) {
    const t = (origin + m) * MINUTE;
    const free =
      isOpen[m] === 1 &&
      !blocked.some((b) => b.start <= t && t < b.end) &&
      !busy.some((b) => b.start - pad * MINUTE <= t && t < b.end + pad * MINUTE);
    freeAhead[m] = free ? (freeAhead[m + 1] ?? 0) + 1 : 0;
  }

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
    if ((freeAhead[m] ?? 0) >= length) out.push({ start, end: start + length * MINUTE });
  }
  return out;
}
