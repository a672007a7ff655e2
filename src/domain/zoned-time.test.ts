import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MINUTE,
  addDays,
  dateFromEpochDay,
  epochDay,
  formatInZone,
  isValidZone,
  parseLocalTime,
  parseTimestamp,
  resolveLocal,
  toLocal,
  weekday,
} from './zoned-time.ts';

const zones = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Europe/Moscow',
  'Australia/Lord_Howe', // a 30-minute DST shift
  'America/St_Johns', // a −03:30 offset
  'Asia/Kolkata',
];

describe('civil dates', () => {
  it('agrees with TZDate on dates and weekdays for 3,000 days either side of 2026', () => {
    fc.assert(
      fc.property(fc.integer({ min: 17_000, max: 23_000 }), (day) => {
        const date = dateFromEpochDay(day);
        const d = new TZDate(day * 86_400_000, 'UTC');
        const expected = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
        expect(date).toBe(expected);
        expect(epochDay(date)).toBe(day);
        expect(weekday(date)).toBe(d.getDay());
      }),
    );
  });

  it('rejects impossible dates and times', () => {
    expect(() => epochDay('2026-02-29')).toThrow(RangeError);
    expect(() => epochDay('2026-13-01')).toThrow(RangeError);
    expect(() => parseLocalTime('25:00')).toThrow(RangeError);
    expect(() => parseLocalTime('12:60')).toThrow(RangeError);
    expect(parseLocalTime('24:00')).toBe(1440);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(weekday('2026-11-22')).toBe(0);
    expect(isValidZone('Europe/Berlin')).toBe(true);
    expect(isValidZone('Mars/Olympus_Mons')).toBe(false);
  });
});

// [zone, local date, local time, expected UTC]. Both transition days of 2026 in
// both hemispheres, the day before each, morning and afternoon (≥ 13:00): the
// afternoon rows are the ones Cal.com's 2026 DST bug (#30021) broke.
const vectors: [string, string, string, string][] = [
  // Europe/Berlin: CET +1 → CEST +2 on 29 March, back on 25 October
  ['Europe/Berlin', '2026-03-28', '09:00', '2026-03-28T08:00'],
  ['Europe/Berlin', '2026-03-28', '18:00', '2026-03-28T17:00'],
  ['Europe/Berlin', '2026-03-29', '09:00', '2026-03-29T07:00'],
  ['Europe/Berlin', '2026-03-29', '13:00', '2026-03-29T11:00'],
  ['Europe/Berlin', '2026-03-29', '18:00', '2026-03-29T16:00'],
  ['Europe/Berlin', '2026-10-24', '18:00', '2026-10-24T16:00'],
  ['Europe/Berlin', '2026-10-25', '09:00', '2026-10-25T08:00'],
  ['Europe/Berlin', '2026-10-25', '13:00', '2026-10-25T12:00'],
  ['Europe/Berlin', '2026-10-25', '18:00', '2026-10-25T17:00'],
  // America/New_York: EST −5 → EDT −4 on 8 March, back on 1 November
  ['America/New_York', '2026-03-07', '18:00', '2026-03-07T23:00'],
  ['America/New_York', '2026-03-08', '09:00', '2026-03-08T13:00'],
  ['America/New_York', '2026-03-08', '13:00', '2026-03-08T17:00'],
  ['America/New_York', '2026-03-08', '18:00', '2026-03-08T22:00'],
  ['America/New_York', '2026-10-31', '18:00', '2026-10-31T22:00'],
  ['America/New_York', '2026-11-01', '09:00', '2026-11-01T14:00'],
  ['America/New_York', '2026-11-01', '13:00', '2026-11-01T18:00'],
  ['America/New_York', '2026-11-01', '18:00', '2026-11-01T23:00'],
  // Australia/Sydney (southern hemisphere): AEDT +11 → AEST +10 on 5 April, back on 4 October
  ['Australia/Sydney', '2026-04-04', '18:00', '2026-04-04T07:00'],
  ['Australia/Sydney', '2026-04-05', '09:00', '2026-04-04T23:00'],
  ['Australia/Sydney', '2026-04-05', '13:00', '2026-04-05T03:00'],
  ['Australia/Sydney', '2026-04-05', '18:00', '2026-04-05T08:00'],
  ['Australia/Sydney', '2026-10-03', '18:00', '2026-10-03T08:00'],
  ['Australia/Sydney', '2026-10-04', '09:00', '2026-10-03T22:00'],
  ['Australia/Sydney', '2026-10-04', '13:00', '2026-10-04T02:00'],
  ['Australia/Sydney', '2026-10-04', '18:00', '2026-10-04T07:00'],
  // Europe/Moscow: +3 all year since 26 October 2014 (on Europe's transition days too)
  ['Europe/Moscow', '2026-03-29', '09:00', '2026-03-29T06:00'],
  ['Europe/Moscow', '2026-03-29', '18:00', '2026-03-29T15:00'],
  ['Europe/Moscow', '2026-10-25', '09:00', '2026-10-25T06:00'],
  ['Europe/Moscow', '2026-10-25', '18:00', '2026-10-25T15:00'],
  // ...and +4 before it: never a hard-coded offset
  ['Europe/Moscow', '2014-10-25', '18:00', '2014-10-25T14:00'],
  ['Europe/Moscow', '2014-10-26', '18:00', '2014-10-26T15:00'],
];

describe('DST vectors', () => {
  it.each(vectors)('%s %s %s → %sZ', (zone, date, time, expected) => {
    const r = resolveLocal(zone, date, parseLocalTime(time));
    expect(formatInZone('UTC', r.instant)).toBe(expected);
    expect(r.shifted).toBe(false);
    expect(formatInZone(zone, r.instant)).toBe(`${date}T${time}`);
  });

  // gaps move forward by the gap; overlaps take the earlier instant
  it.each([
    ['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T01:30', 'shifted', '2026-03-29T03:30'],
    ['Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T00:30', 'ambiguous', '2026-10-25T02:30'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30', 'shifted', '2026-03-08T03:30'],
    [
      'America/New_York',
      '2026-11-01',
      '01:30',
      '2026-11-01T05:30',
      'ambiguous',
      '2026-11-01T01:30',
    ],
    ['Australia/Sydney', '2026-10-04', '02:30', '2026-10-03T16:30', 'shifted', '2026-10-04T03:30'],
    [
      'Australia/Sydney',
      '2026-04-05',
      '02:30',
      '2026-04-04T15:30',
      'ambiguous',
      '2026-04-05T02:30',
    ],
    [
      'Australia/Lord_Howe',
      '2026-10-04',
      '02:15',
      '2026-10-03T15:45',
      'shifted',
      '2026-10-04T02:45',
    ],
  ])('%s %s %s → %sZ (%s, shows %s)', (zone, date, time, expected, kind, shown) => {
    const r = resolveLocal(zone, date, parseLocalTime(time));
    expect(formatInZone('UTC', r.instant)).toBe(expected);
    expect(kind === 'shifted' ? r.shifted : r.ambiguous).toBe(true);
    expect(formatInZone(zone, r.instant)).toBe(shown);
  });
});

describe('resolution against TZDate (an independent reading of tzdata)', () => {
  const arb = fc.record({
    zone: fc.constantFrom(...zones),
    day: fc.integer({ min: epochDay('2012-01-01'), max: epochDay('2032-12-31') }),
    minutes: fc.integer({ min: 0, max: 1439 }),
  });

  it('a wall-clock time that exists resolves to an instant showing exactly that time', () => {
    fc.assert(
      fc.property(arb, ({ zone, day, minutes }) => {
        const date = dateFromEpochDay(day);
        const r = resolveLocal(zone, date, minutes);
        const shown = new TZDate(r.instant, zone);
        const shownMinutes = shown.getHours() * 60 + shown.getMinutes();
        if (r.shifted) {
          // moved forward, by at most two hours, on the same date
          expect(shownMinutes).toBeGreaterThan(minutes);
          expect(shownMinutes - minutes).toBeLessThanOrEqual(120);
        } else {
          expect(shownMinutes).toBe(minutes);
          expect(toLocal(zone, r.instant)).toEqual({ date, minutes });
          // and no earlier instant shows it (overlaps take the earlier one)
          for (let back = 15; back <= 180; back += 15) {
            expect(toLocal(zone, r.instant - back * MINUTE)).not.toEqual({ date, minutes });
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseTimestamp', () => {
  it('reads the timestamps the server and devices write, and nothing else', () => {
    const at = 1_796_464_800_000; // 2026-12-05 10:00 UTC
    expect(parseTimestamp('2026-12-05T10:00:00+00:00')).toBe(at);
    expect(parseTimestamp('2026-12-05T13:00:00+03:00')).toBe(at);
    expect(parseTimestamp('2026-12-05T10:00:00.250Z')).toBe(at + 250);
    expect(parseTimestamp('2026-12-05T05:30-04:30')).toBe(at);
    for (const other of [
      '2026-12-05',
      '18:00',
      '18:00:00',
      'Пн 18:00',
      12,
      null,
      '2026-13-05T10:00Z',
    ]) {
      expect(parseTimestamp(other)).toBeNull();
    }
  });
});
