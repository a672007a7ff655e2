import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interval } from './interval-set.ts';
import { covers, normalize, overlaps, subtract } from './interval-set.ts';
import type { SlotInput } from './slots.ts';
import {
  bookableSlots,
  bookingWindow,
  fitsAvailability,
  groupByLocalDate,
  openTime,
  slotsByDay,
} from './slots.ts';
import { naiveBookableSlots } from './slots-naive.ts';
import type { WeeklyWindow } from './weekly-rule.ts';
import { expandWeekly, windowOf } from './weekly-rule.ts';
import { DAY, MINUTE, formatInZone, parseLocalTime, toInstant } from './zoned-time.ts';

const at = (zone: string, date: string, time: string) =>
  toInstant(zone, date, parseLocalTime(time));
const show = (zone: string, slots: { start: number }[]) =>
  slots.map((s) => formatInZone(zone, s.start).slice(11));

describe('interval sets', () => {
  it('normalizes, subtracts and checks coverage', () => {
    const a = normalize([
      { start: 5, end: 10 },
      { start: 0, end: 3 },
      { start: 3, end: 4 },
      { start: 9, end: 12 },
      { start: 7, end: 7 },
    ]);
    expect(a).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 12 },
    ]);
    expect(
      subtract(
        a,
        normalize([
          { start: 2, end: 6 },
          { start: 8, end: 9 },
        ]),
      ),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 6, end: 8 },
      { start: 9, end: 12 },
    ]);
    expect(covers(a, 5, 12)).toBe(true);
    expect(covers(a, 3, 6)).toBe(false);
  });

  it('subtract agrees with a point-by-point definition', () => {
    const iv = fc
      .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 40 }))
      .map(([s, l]) => ({ start: s, end: s + l }));
    fc.assert(
      fc.property(fc.array(iv, { maxLength: 12 }), fc.array(iv, { maxLength: 12 }), (x, y) => {
        const a = normalize(x);
        const b = normalize(y);
        const d = subtract(a, b);
        for (let p = 0; p < 250; p++) {
          const inD = d.some((i) => i.start <= p && p < i.end);
          const expected =
            a.some((i) => i.start <= p && p < i.end) && !b.some((i) => i.start <= p && p < i.end);
          expect(inD).toBe(expected);
        }
        expect(normalize(d)).toEqual(d);
      }),
    );
  });
});

describe('weekly windows across DST', () => {
  it('Monday–Sunday 13:00–19:00 in New York keeps its local hours on both transition days', () => {
    const zone = 'America/New_York';
    const windows = [0, 1, 2, 3, 4, 5, 6].map((d) => windowOf(d, '13:00', '19:00'));
    for (const [from, to] of [
      ['2026-03-07', '2026-03-09'],
      ['2026-10-31', '2026-11-02'],
    ] as const) {
      const days = expandWeekly(zone, windows, from, to);
      expect(days).toHaveLength(3);
      for (const d of days) {
        expect(formatInZone(zone, d.start).slice(11)).toBe('13:00');
        expect(formatInZone(zone, d.end).slice(11)).toBe('19:00');
        expect(d.end - d.start).toBe(6 * 60 * MINUTE);
      }
    }
  });

  it('a window over the gap is an hour shorter, over the overlap an hour longer', () => {
    const zone = 'Europe/Berlin';
    const w = [windowOf(0, '01:00', '05:00')];
    const [spring] = expandWeekly(zone, w, '2026-03-29', '2026-03-29');
    const [autumn] = expandWeekly(zone, w, '2026-10-25', '2026-10-25');
    expect((spring?.end ?? 0) - (spring?.start ?? 0)).toBe(3 * 60 * MINUTE);
    expect((autumn?.end ?? 0) - (autumn?.start ?? 0)).toBe(5 * 60 * MINUTE);
    // a window wholly inside the gap does not exist that day
    expect(expandWeekly(zone, [windowOf(0, '02:00', '03:00')], '2026-03-29', '2026-03-29')).toEqual(
      [],
    );
  });
});

describe('bookable slots', () => {
  const zone = 'America/New_York';
  const base: SlotInput = {
    settings: { zone, durationMinutes: 60, horizonDays: 30 },
    weekly: [windowOf(0, '13:00', '18:00')], // Sundays, afternoon
    now: at(zone, '2026-03-01', '08:00'),
  };

  it('afternoon slots on both transition days start at the local hours (Cal.com #30021)', () => {
    for (const date of ['2026-03-08', '2026-11-01']) {
      const input = { ...base, now: at(zone, date, '00:00') - DAY, from: at(zone, date, '00:00') };
      const [day] = slotsByDay({ ...input, until: at(zone, date, '23:59') }, zone);
      expect(day?.date).toBe(date);
      expect(show(zone, day?.slots ?? [])).toEqual(['13:00', '14:00', '15:00', '16:00', '17:00']);
    }
  });

  it('applies minimum notice, the slot interval, buffers, blocked time and additions', () => {
    const input: SlotInput = {
      settings: {
        zone,
        durationMinutes: 60,
        intervalMinutes: 30,
        bufferBeforeMinutes: 10,
        bufferAfterMinutes: 5,
        minimumNoticeMinutes: 120,
        horizonDays: 30,
      },
      weekly: [windowOf(0, '09:00', '14:00')],
      now: at(zone, '2026-03-15', '08:10'),
      until: at(zone, '2026-03-16', '00:00'),
      // a session 11:45–12:15 keeps 11:30–12:30 clear (before + after on both sides)
      busy: [{ start: at(zone, '2026-03-15', '11:45'), end: at(zone, '2026-03-15', '12:15') }],
      additions: [{ start: at(zone, '2026-03-15', '16:00'), end: at(zone, '2026-03-15', '18:00') }],
      blocked: [{ start: at(zone, '2026-03-15', '16:30'), end: at(zone, '2026-03-15', '16:45') }],
    };
    // notice: nothing before 10:10; every 30 min from 09:00; 11:00–12:00 clash with the
    // buffered session; the addition's 16:00 and 16:30 overlap the blocked quarter hour
    expect(show(zone, bookableSlots(input))).toEqual(['10:30', '12:30', '13:00', '17:00']);
  });

  it('groups by the booker’s local date: Monday 01:30 in Moscow is Sunday in London', () => {
    const input: SlotInput = {
      settings: { zone: 'Europe/Moscow', durationMinutes: 60, horizonDays: 14 },
      weekly: [windowOf(1, '01:30', '02:30')],
      now: at('Europe/Moscow', '2026-11-22', '12:00'),
    };
    const days = slotsByDay(input, 'Europe/London');
    expect(days.map((d) => d.date)).toEqual(['2026-11-22', '2026-11-29']);
    expect(days.map((d) => formatInZone('Europe/London', d.slots[0]?.start ?? 0))).toEqual([
      '2026-11-22T22:30',
      '2026-11-29T22:30',
    ]);
  });
});

describe('fitting availability (the flag a device shows before it syncs)', () => {
  const zone = 'Europe/Berlin';
  const rules = {
    settings: { zone, durationMinutes: 60, horizonDays: 30 },
    weekly: [windowOf(1, '09:00', '12:00'), windowOf(1, '12:00', '14:00')],
    additions: [{ start: at(zone, '2026-03-31', '18:00'), end: at(zone, '2026-03-31', '19:00') }],
    blocked: [{ start: at(zone, '2026-04-06', '10:00'), end: at(zone, '2026-04-06', '10:30') }],
  };
  const session = (date: string, from: string, to: string) => ({
    start: at(zone, date, from),
    end: at(zone, date, to),
  });

  it('accepts sessions inside windows (also across adjacent ones) and additions', () => {
    expect(fitsAvailability(rules, session('2026-03-30', '11:30', '12:30'))).toBe(true);
    expect(fitsAvailability(rules, session('2026-03-31', '18:00', '19:00'))).toBe(true);
  });

  it('flags sessions outside them, or in blocked time', () => {
    expect(fitsAvailability(rules, session('2026-03-30', '13:30', '14:30'))).toBe(false);
    expect(fitsAvailability(rules, session('2026-03-31', '10:00', '11:00'))).toBe(false);
    expect(fitsAvailability(rules, session('2026-04-06', '09:45', '10:45'))).toBe(false);
  });
});

// properties ---------------------------------------------------------------------

const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Europe/Moscow'];
// around every 2026 transition of the four zones, so DST days come up often
const anchors = [
  '2026-03-08',
  '2026-03-29',
  '2026-04-05',
  '2026-10-04',
  '2026-10-25',
  '2026-11-01',
];

const arbWindow: fc.Arbitrary<WeeklyWindow> = fc
  .record({
    weekday: fc.integer({ min: 0, max: 6 }),
    start: fc.integer({ min: 0, max: 1435 }),
    length: fc.integer({ min: 5, max: 600 }),
  })
  .map(({ weekday, start, length }) => ({ weekday, start, end: Math.min(1440, start + length) }));

const arbInput: fc.Arbitrary<SlotInput> = fc
  .record({
    zone: fc.constantFrom(...zones),
    anchor: fc.constantFrom(...anchors),
    nowOffset: fc.integer({ min: -3 * 1440, max: 1440 }),
    nowSeconds: fc.integer({ min: 0, max: 59 }),
    durationMinutes: fc.integer({ min: 5, max: 120 }),
    intervalMinutes: fc.option(fc.integer({ min: 5, max: 90 }), { nil: undefined }),
    bufferBeforeMinutes: fc.integer({ min: 0, max: 30 }),
    bufferAfterMinutes: fc.integer({ min: 0, max: 30 }),
    minimumNoticeMinutes: fc.integer({ min: 0, max: 600 }),
    horizonDays: fc.integer({ min: 0, max: 6 }),
    weekly: fc.array(arbWindow, { maxLength: 10 }),
    additions: fc.array(
      fc.tuple(fc.integer({ min: 0, max: 8 * 1440 }), fc.integer({ min: 5, max: 300 })),
      { maxLength: 4 },
    ),
    blocked: fc.array(
      fc.tuple(fc.integer({ min: 0, max: 8 * 1440 }), fc.integer({ min: 5, max: 600 })),
      { maxLength: 6 },
    ),
    busy: fc.array(
      fc.tuple(fc.integer({ min: 0, max: 8 * 1440 }), fc.integer({ min: 15, max: 120 })),
      { maxLength: 12 },
    ),
  })
  .map((r) => {
    const origin = at(r.zone, r.anchor, '00:00') - 2 * DAY;
    const abs = ([s, l]: [number, number]): Interval => ({
      start: origin + s * MINUTE,
      end: origin + (s + l) * MINUTE,
    });
    return {
      settings: {
        zone: r.zone,
        durationMinutes: r.durationMinutes,
        intervalMinutes: r.intervalMinutes,
        bufferBeforeMinutes: r.bufferBeforeMinutes,
        bufferAfterMinutes: r.bufferAfterMinutes,
        minimumNoticeMinutes: r.minimumNoticeMinutes,
        horizonDays: r.horizonDays,
      },
      weekly: r.weekly,
      additions: r.additions.map(abs),
      blocked: r.blocked.map(abs),
      busy: r.busy.map(abs),
      now: at(r.zone, r.anchor, '00:00') + r.nowOffset * MINUTE + r.nowSeconds * 1000,
    };
  });

describe('slot properties', () => {
  it('equal the naive minute-by-minute scan', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        expect(bookableSlots(input)).toEqual(naiveBookableSlots(input));
      }),
      { numRuns: 300 },
    );
  });

  it('never overlap blocked time or a busy session widened by both buffers', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const s = input.settings;
        const pad = ((s.bufferBeforeMinutes ?? 0) + (s.bufferAfterMinutes ?? 0)) * MINUTE;
        for (const slot of bookableSlots(input)) {
          for (const b of input.blocked ?? []) expect(overlaps(slot, b)).toBe(false);
          for (const b of input.busy ?? []) {
            // the slot's buffered range against the session's buffered range
            const mine = {
              start: slot.start - (s.bufferBeforeMinutes ?? 0) * MINUTE,
              end: slot.end + (s.bufferAfterMinutes ?? 0) * MINUTE,
            };
            const theirs = {
              start: b.start - (s.bufferBeforeMinutes ?? 0) * MINUTE,
              end: b.end + (s.bufferAfterMinutes ?? 0) * MINUTE,
            };
            expect(overlaps(mine, theirs)).toBe(false);
            expect(overlaps(slot, { start: b.start - pad, end: b.end + pad })).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lie inside availability, within notice and horizon, in order, grouped by the booker’s date', () => {
    fc.assert(
      fc.property(arbInput, fc.constantFrom(...zones, 'Asia/Tokyo'), (input, bookerZone) => {
        const slots = bookableSlots(input);
        const window = bookingWindow(input);
        const open = openTime(input, window);
        slots.forEach((slot, i) => {
          expect(covers(open, slot.start, slot.end)).toBe(true);
          expect(slot.start).toBeGreaterThanOrEqual(window.start);
          expect(slot.start).toBeLessThan(window.end);
          expect(slot.end - slot.start).toBe(input.settings.durationMinutes * MINUTE);
          if (i > 0) expect(slot.start).toBeGreaterThan(slots[i - 1]?.start ?? 0);
        });
        const days = groupByLocalDate(slots, bookerZone);
        expect(days.flatMap((d) => d.slots)).toEqual(slots);
        for (const day of days) {
          for (const slot of day.slots) {
            const local = new TZDate(slot.start, bookerZone);
            const date = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
            expect(date).toBe(day.date);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
