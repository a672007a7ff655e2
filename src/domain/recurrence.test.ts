import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WeeklySeries } from './recurrence.ts';
import { firstOccurrenceDate, occurrences, occursOn } from './recurrence.ts';
import {
  MINUTE,
  addDays,
  dateFromEpochDay,
  epochDay,
  formatInZone,
  parseLocalTime,
  toLocal,
} from './zoned-time.ts';

function series(partial: Partial<WeeklySeries> & Pick<WeeklySeries, 'zone'>): WeeklySeries {
  return {
    weekday: 1,
    startTime: parseLocalTime('18:00'),
    durationMinutes: 60,
    startDate: '2026-03-01',
    everyWeeks: 1,
    ...partial,
  };
}

const utcOf = (s: WeeklySeries, from: string, to: string) =>
  occurrences(s, from, to).map((o) => formatInZone('UTC', o.start));
const localOf = (s: WeeklySeries, from: string, to: string) =>
  occurrences(s, from, to).map((o) => formatInZone(s.zone, o.start));

describe('series crossing a DST transition keep their local time', () => {
  it('weekly Monday 18:00 Europe/Berlin across 29 March', () => {
    const s = series({ zone: 'Europe/Berlin', startDate: '2026-03-16' });
    expect(utcOf(s, '2026-03-01', '2026-04-06')).toEqual([
      '2026-03-16T17:00',
      '2026-03-23T17:00',
      '2026-03-30T16:00',
      '2026-04-06T16:00',
    ]);
    expect(localOf(s, '2026-03-01', '2026-04-06').every((t) => t.endsWith('T18:00'))).toBe(true);
  });

  it('weekly Sunday 18:00 Europe/Berlin on both transition days', () => {
    const s = series({ zone: 'Europe/Berlin', weekday: 0, startDate: '2026-03-22' });
    expect(utcOf(s, '2026-03-22', '2026-04-05')).toEqual([
      '2026-03-22T17:00',
      '2026-03-29T16:00',
      '2026-04-05T16:00',
    ]);
    expect(utcOf(s, '2026-10-18', '2026-11-01')).toEqual([
      '2026-10-18T16:00',
      '2026-10-25T17:00',
      '2026-11-01T17:00',
    ]);
  });

  it('bi-weekly Sunday 09:00 America/New_York landing on 8 March and 1 November', () => {
    const s = series({
      zone: 'America/New_York',
      weekday: 0,
      startTime: parseLocalTime('09:00'),
      startDate: '2026-02-22',
      everyWeeks: 2,
    });
    expect(utcOf(s, '2026-02-22', '2026-03-22')).toEqual([
      '2026-02-22T14:00',
      '2026-03-08T13:00',
      '2026-03-22T13:00',
    ]);
    expect(occursOn(s, '2026-11-01')).toBe(true);
    expect(utcOf(s, '2026-10-18', '2026-11-15')).toEqual([
      '2026-10-18T13:00',
      '2026-11-01T14:00',
      '2026-11-15T14:00',
    ]);
  });

  it('weekly Sunday 18:00 and bi-weekly 13:30 Australia/Sydney (southern hemisphere)', () => {
    const weekly = series({ zone: 'Australia/Sydney', weekday: 0, startDate: '2026-03-29' });
    expect(utcOf(weekly, '2026-03-29', '2026-04-12')).toEqual([
      '2026-03-29T07:00',
      '2026-04-05T08:00',
      '2026-04-12T08:00',
    ]);
    const biweekly = series({
      zone: 'Australia/Sydney',
      weekday: 0,
      startTime: parseLocalTime('13:30'),
      startDate: '2026-09-20',
      everyWeeks: 2,
    });
    expect(utcOf(biweekly, '2026-09-20', '2026-10-18')).toEqual([
      '2026-09-20T03:30',
      '2026-10-04T02:30',
      '2026-10-18T02:30',
    ]);
  });

  it('weekly 18:00 Europe/Moscow stays 15:00Z while Europe changes clocks', () => {
    const s = series({ zone: 'Europe/Moscow', weekday: 0, startDate: '2026-03-22' });
    expect(utcOf(s, '2026-03-22', '2026-04-05')).toEqual([
      '2026-03-22T15:00',
      '2026-03-29T15:00',
      '2026-04-05T15:00',
    ]);
  });

  it('a late-night occurrence in the gap moves forward by the gap and is flagged', () => {
    const s = series({
      zone: 'Europe/Berlin',
      weekday: 0,
      startTime: parseLocalTime('02:30'),
      startDate: '2026-03-22',
    });
    const [before, inGap, after] = occurrences(s, '2026-03-22', '2026-04-05');
    expect(before?.shifted).toBe(false);
    expect(inGap?.shifted).toBe(true);
    expect(formatInZone('Europe/Berlin', inGap?.start ?? 0)).toBe('2026-03-29T03:30');
    expect(formatInZone('Europe/Berlin', after?.start ?? 0)).toBe('2026-04-05T02:30');
  });
});

describe('series bounds', () => {
  it('starts on the first matching weekday and stops at the end date', () => {
    const s = series({ zone: 'Europe/Berlin', startDate: '2026-03-04', endDate: '2026-03-23' });
    expect(firstOccurrenceDate(s)).toBe('2026-03-09');
    expect(occurrences(s, '2026-01-01', '2026-12-31').map((o) => o.date)).toEqual([
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
    ]);
  });

  it('rejects nonsense', () => {
    expect(() =>
      occurrences(series({ zone: 'UTC', weekday: 7 }), '2026-01-01', '2026-02-01'),
    ).toThrow();
    expect(() =>
      occurrences(series({ zone: 'UTC', durationMinutes: 0 }), '2026-01-01', '2026-02-01'),
    ).toThrow();
    expect(() =>
      occurrences(series({ zone: 'UTC', endDate: '2026-02-01' }), '2026-01-01', '2026-02-01'),
    ).toThrow();
  });
});

describe('properties', () => {
  const arb = fc.record({
    zone: fc.constantFrom(
      'Europe/Berlin',
      'America/New_York',
      'Australia/Sydney',
      'Europe/Moscow',
      'Australia/Lord_Howe',
    ),
    weekday: fc.integer({ min: 0, max: 6 }),
    startTime: fc.integer({ min: 0, max: 1439 }),
    durationMinutes: fc.integer({ min: 15, max: 180 }),
    start: fc.integer({ min: epochDay('2025-01-01'), max: epochDay('2028-12-31') }),
    weeks: fc.integer({ min: 1, max: 60 }),
    everyWeeks: fc.constantFrom(1 as const, 2 as const),
    split: fc.integer({ min: 0, max: 420 }),
  });

  it("an occurrence's local time never drifts, and dates step exactly 7 or 14 days", () => {
    fc.assert(
      fc.property(arb, (a) => {
        const s: WeeklySeries = { ...a, startDate: dateFromEpochDay(a.start) };
        const to = addDays(s.startDate, a.weeks * 7);
        const list = occurrences(s, s.startDate, to);
        expect(list.length).toBeGreaterThan(0);
        list.forEach((o, i) => {
          const local = toLocal(s.zone, o.start);
          expect(local.date).toBe(o.date);
          if (o.shifted) expect(local.minutes).toBeGreaterThan(s.startTime);
          else expect(local.minutes).toBe(s.startTime);
          expect(o.end - o.start).toBe(s.durationMinutes * MINUTE);
          const prev = list[i - 1];
          if (prev) expect(epochDay(o.date) - epochDay(prev.date)).toBe(7 * s.everyWeeks);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('expanding a range in two pieces gives the same occurrences as in one', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const s: WeeklySeries = { ...a, startDate: dateFromEpochDay(a.start) };
        const from = addDays(s.startDate, -3);
        const mid = addDays(from, a.split);
        const to = addDays(from, 430);
        const whole = occurrences(s, from, to);
        const pieces = [...occurrences(s, from, mid), ...occurrences(s, addDays(mid, 1), to)];
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});
