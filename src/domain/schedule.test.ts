import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addScheduleEntry,
  removeScheduleEntry,
  SELF_REGISTRATION,
  WEEKDAYS,
  compareScheduleEntries,
  entryMinutes,
  formatSchedule,
  formatScheduleEntry,
  isValidSchedule,
  parseSchedule,
  parseScheduleEntry,
  scheduleChips,
  scheduleMessages,
  scheduleProblem,
  weekdayNumber,
  type ScheduleEntry,
} from './schedule.ts';
import { scheduleSchema } from './schedule-schema.ts';

const entryArb: fc.Arbitrary<ScheduleEntry> = fc.record({
  day: fc.constantFrom(...WEEKDAYS),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
});

describe('scheduleSchema', () => {
  it.each<[string | null, string]>([
    [null, 'not set'],
    ['Самозапись', 'self-registration'],
    ['Пн 18:00', 'one entry'],
    ['Пн 18:00, Ср 19:00', 'the seed example'],
    ['Вс 00:00, Сб 23:59', 'the ends of the day'],
    ['Пн 18:00, Пн 19:00', 'one day twice at different times'],
  ])('accepts %j (%s)', (value) => {
    expect(scheduleSchema.safeParse(value).success).toBe(true);
  });

  it.each([
    ['', 'empty (store null instead)'],
    ['Пн 25:99', 'the seed regex admitted this'],
    ['Пн 24:00', 'hour 24'],
    ['Пн 18:60', 'minute 60'],
    ['Пн 8:00', 'one-digit hour'],
    ['пн 18:00', 'lower-case day'],
    ['Пн 18:00,Ср 19:00', 'no space after the comma'],
    ['Пн 18:00, ', 'trailing separator'],
    ['Пн 18:00\n', 'trailing newline'],
    ['Пн 18:00, Пн 18:00', 'repeated pair'],
    ['Самозапись, Пн 18:00', 'self-registration with times'],
    ['Пн ١٨:00', 'Arabic-Indic digits'],
  ])('refuses %j (%s)', (value) => {
    expect(scheduleSchema.safeParse(value).success).toBe(false);
  });

  it('refuses what is not a string or null', () => {
    expect(isValidSchedule(undefined)).toBe(false);
    expect(isValidSchedule(42)).toBe(false);
  });

  it('accepts 20 entries (198 characters) and refuses 21 (208)', () => {
    const entries = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `${WEEKDAYS[i % 7]} ${String(10 + Math.floor(i / 7)).padStart(2, '0')}:00`,
      );
    expect(entries(20).join(', ')).toHaveLength(198);
    expect(isValidSchedule(entries(20).join(', '))).toBe(true);
    expect(scheduleProblem(entries(21).join(', '))).toBe(scheduleMessages.tooLong);
  });

  it('explains what is wrong in Russian', () => {
    expect(scheduleProblem('Пн 25:00')).toBe(scheduleMessages.format);
    expect(scheduleProblem('Пн 18:00, Пн 18:00')).toBe(scheduleMessages.repeated);
    expect(scheduleProblem('Пн 18:00')).toBeNull();
    const result = scheduleSchema.safeParse('Пн 25:00');
    expect(result.success ? null : result.error.issues[0]?.message).toBe(scheduleMessages.format);
  });
});

describe('parseSchedule / formatSchedule', () => {
  it('reads the three kinds', () => {
    expect(parseSchedule(null)).toEqual({ kind: 'unset' });
    expect(parseSchedule(SELF_REGISTRATION)).toEqual({ kind: 'self-registration' });
    expect(parseSchedule('Пн 18:00, Ср 19:05')).toEqual({
      kind: 'fixed',
      entries: [
        { day: 'Пн', hour: 18, minute: 0 },
        { day: 'Ср', hour: 19, minute: 5 },
      ],
    });
    expect(parseSchedule('Пн 25:00')).toBeNull();
  });

  it('formats sorted Monday → Sunday, without duplicates; no entries is unset', () => {
    expect(
      formatSchedule({
        kind: 'fixed',
        entries: [
          { day: 'Вс', hour: 10, minute: 0 },
          { day: 'Пн', hour: 19, minute: 0 },
          { day: 'Пн', hour: 8, minute: 30 },
          { day: 'Вс', hour: 10, minute: 0 },
        ],
      }),
    ).toBe('Пн 08:30, Пн 19:00, Вс 10:00');
    expect(formatSchedule({ kind: 'fixed', entries: [] })).toBeNull();
    expect(formatSchedule({ kind: 'unset' })).toBeNull();
    expect(formatSchedule({ kind: 'self-registration' })).toBe('Самозапись');
  });

  it('refuses to format entries out of range or too many of them', () => {
    expect(() => formatScheduleEntry({ day: 'Пн', hour: 24, minute: 0 })).toThrow(RangeError);
    expect(() => formatScheduleEntry({ day: 'Пн', hour: 10, minute: 60 })).toThrow(RangeError);
    const many = Array.from({ length: 21 }, (_, i) => ({ day: 'Пн' as const, hour: i, minute: 0 }));
    expect(() => formatSchedule({ kind: 'fixed', entries: many })).toThrow(RangeError);
  });

  it('round-trips any valid set of entries (property)', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 20 }), (entries) => {
        const value = formatSchedule({ kind: 'fixed', entries });
        expect(isValidSchedule(value)).toBe(true);
        const parsed = parseSchedule(value);
        expect(parsed?.kind).toBe('fixed');
        const expected = [...entries]
          .sort(compareScheduleEntries)
          .map(formatScheduleEntry)
          .filter((t, i, all) => all.indexOf(t) === i);
        expect(parsed?.kind === 'fixed' ? parsed.entries.map(formatScheduleEntry) : []).toEqual(
          expected,
        );
      }),
    );
  });

  it('parses every single entry it formats (property)', () => {
    fc.assert(
      fc.property(entryArb, (e) => {
        expect(parseScheduleEntry(formatScheduleEntry(e))).toEqual(e);
      }),
    );
  });
});

describe('chips and calendar numbers', () => {
  it('gives one chip per entry in stored order, none otherwise', () => {
    expect(scheduleChips('Ср 19:00, Пн 18:00')).toEqual(['Ср 19:00', 'Пн 18:00']);
    expect(scheduleChips('Самозапись')).toEqual([]);
    expect(scheduleChips(null)).toEqual([]);
    expect(scheduleChips('garbage')).toEqual([]);
  });

  it('numbers weekdays like weekly-rule.ts (0 = Sunday) and times in minutes', () => {
    expect(WEEKDAYS.map(weekdayNumber)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(entryMinutes({ day: 'Пн', hour: 18, minute: 30 })).toBe(1110);
  });
});

describe('editing a schedule with the picker', () => {
  it('adds a day and time in weekday order, once', () => {
    expect(addScheduleEntry('Ср 19:00', { day: 'Пн', hour: 18, minute: 0 })).toEqual({
      ok: true,
      value: 'Пн 18:00, Ср 19:00',
    });
    expect(addScheduleEntry('Пн 18:00', { day: 'Пн', hour: 18, minute: 0 })).toEqual({
      ok: true,
      value: 'Пн 18:00',
    });
    expect(addScheduleEntry(null, { day: 'Вс', hour: 9, minute: 5 })).toEqual({
      ok: true,
      value: 'Вс 09:05',
    });
  });

  it('picking a time ends self-registration', () => {
    expect(addScheduleEntry('Самозапись', { day: 'Пт', hour: 17, minute: 30 })).toEqual({
      ok: true,
      value: 'Пт 17:30',
    });
  });

  it('refuses to build on text that is not a schedule, rather than dropping it', () => {
    const edit = addScheduleEntry('Понедельник вечером', { day: 'Пн', hour: 18, minute: 0 });
    expect(edit).toEqual({ ok: false, message: scheduleMessages.format });
  });

  it('refuses a schedule longer than the database allows', () => {
    let value: string | null = null;
    let last: ReturnType<typeof addScheduleEntry> | undefined;
    for (let h = 0; h < 24 && (last?.ok ?? true); h++) {
      last = addScheduleEntry(value, { day: 'Пн', hour: h, minute: 0 });
      if (last.ok) value = last.value;
    }
    expect(last).toEqual({ ok: false, message: scheduleMessages.tooLong });
    expect(isValidSchedule(value)).toBe(true);
  });

  it('removes one entry; the last one gone means not set', () => {
    expect(removeScheduleEntry('Пн 18:00, Ср 19:00', 'Пн 18:00')).toEqual({
      ok: true,
      value: 'Ср 19:00',
    });
    expect(removeScheduleEntry('Ср 19:00', 'Ср 19:00')).toEqual({ ok: true, value: null });
  });
});
