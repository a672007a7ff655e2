// slots.90_days (issue 5): bookable slots over 90 days for a coach with 20 weekly
// windows, 30 blocked ranges and 300 busy sessions, timed against the naive
// minute-by-minute scan on the same input in the same run.
import type { Interval } from '../../src/domain/interval-set.ts';
import type { SlotInput } from '../../src/domain/slots.ts';
import { bookableSlots } from '../../src/domain/slots.ts';
import { naiveBookableSlots } from '../../src/domain/slots-naive.ts';
import type { WeeklyWindow } from '../../src/domain/weekly-rule.ts';
import { DAY, MINUTE, parseLocalTime, toInstant } from '../../src/domain/zoned-time.ts';
import type { BenchResult } from './bench-result.ts';
import { timePair } from './bench-result.ts';

/** a deterministic generator, so every run measures the same input */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

export function slotsBenchInput(): SlotInput {
  const zone = 'Europe/Berlin';
  // spans the 29 March DST change
  const now = toInstant(zone, '2026-02-15', parseLocalTime('07:43'));
  const rand = lcg(5);
  const weekly: WeeklyWindow[] = [];
  // 20 windows: mornings and evenings on weekdays, Saturday and Sunday mornings
  for (let d = 1; d <= 5; d++) {
    weekly.push({ weekday: d, start: parseLocalTime('07:00'), end: parseLocalTime('10:00') });
    weekly.push({ weekday: d, start: parseLocalTime('11:00'), end: parseLocalTime('13:30') });
    weekly.push({ weekday: d, start: parseLocalTime('16:00'), end: parseLocalTime('21:00') });
  }
  for (const d of [6, 0]) {
    weekly.push({ weekday: d, start: parseLocalTime('09:00'), end: parseLocalTime('12:00') });
    weekly.push({ weekday: d, start: parseLocalTime('14:00'), end: parseLocalTime('17:00') });
  }
  weekly.push({ weekday: 3, start: parseLocalTime('13:30'), end: parseLocalTime('15:00') });
  const minuteIn = (days: number) => now + Math.floor(rand() * days * 1440) * MINUTE;
  const blocked: Interval[] = Array.from({ length: 30 }, () => {
    const start = minuteIn(90);
    return { start, end: start + (30 + Math.floor(rand() * 600)) * MINUTE };
  });
  const busy: Interval[] = Array.from({ length: 300 }, () => {
    const start = Math.floor(minuteIn(90) / (15 * MINUTE)) * 15 * MINUTE;
    return { start, end: start + 60 * MINUTE };
  });
  return {
    settings: {
      zone,
      durationMinutes: 60,
      intervalMinutes: 15,
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 10,
      minimumNoticeMinutes: 120,
      horizonDays: 90,
    },
    weekly,
    additions: [{ start: now + 10 * DAY, end: now + 10 * DAY + 4 * 60 * MINUTE }],
    blocked,
    busy,
    now,
  };
}

export async function slots90Days(): Promise<BenchResult> {
  const input = slotsBenchInput();
  const fast = bookableSlots(input);
  const naive = naiveBookableSlots(input);
  if (JSON.stringify(fast) !== JSON.stringify(naive)) {
    throw new Error('slots.90_days: the engine and the naive scan disagree');
  }
  const t = await timePair(
    async () => bookableSlots(input),
    async () => naiveBookableSlots(input),
    15,
    3,
  );
  return {
    name: 'slots.90_days',
    unit: 'ms',
    value: t.a,
    baseline: 'naive minute-by-minute scan, same input',
    baseline_value: t.b,
    ratio: t.a / t.b,
    limit: 0.1,
    notes: `${fast.length} slots over 90 days; 20 weekly windows, 30 blocked ranges, 300 busy sessions`,
  };
}
