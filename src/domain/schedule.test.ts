import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addScheduleEntry,
  removeScheduleEntry,
  SELF_REGISTRATION,
  WEEKDAYS,
  WEEKDAYS_EN,
  compareScheduleEntries,
  displaySchedule,
  entryMinutes,
  formatSchedule,
  formatScheduleEntry,
  isSelfRegistration,
  isValidSchedule,
  normalizeSchedule,
  parseSchedule,
  parseScheduleEntry,
  scheduleChips,
  scheduleMessages,
  scheduleProblem,
  toggleSelfRegistration,
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
    ['Пн 8:00', 'one-digit hour'],
    ['пн 18:00', 'lower-case day'],
    ['Пн 18:00,Ср 19:00', 'no space after the comma'],
  ])('accepts %j (%s)', (value) => {
    expect(scheduleSchema.safeParse(value).success).toBe(true);
  });

  it.each([
    ['', 'empty (store null instead)'],
    ['Пн 25:99', 'the seed regex admitted this'],
    ['Пн 24:00', 'hour 24'],
    ['Пн 18:60', 'minute 60'],
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
    expect(scheduleProblem('Пн 25:00')).toBe(scheduleMessages.time);
    expect(scheduleProblem('Пн 18:60')).toBe(scheduleMessages.time);
    expect(scheduleProblem('Пон 18:00')).toBe(scheduleMessages.day);
    expect(scheduleProblem('Пн 18:00,,Ср 19:00')).toBe(scheduleMessages.empty);
    expect(scheduleProblem('Пн 18:00, Пн 18:00')).toBe(scheduleMessages.repeated);
    expect(scheduleProblem('Пн вечером')).toBe(scheduleMessages.format);
    expect(scheduleProblem('Пн 18:00')).toBeNull();
    const result = scheduleSchema.safeParse('Пн 25:00');
    expect(result.success ? null : result.error.issues[0]?.message).toBe(scheduleMessages.time);
  });
});

describe('normalizeSchedule: what people type → seed 001’s form', () => {
  it.each<[string, string]>([
    ['пн 18:00', 'Пн 18:00'],
    ['ПН 18:00', 'Пн 18:00'],
    ['Пн 8:00', 'Пн 08:00'],
    ['Пн 18.00', 'Пн 18:00'],
    ['Пн18:00', 'Пн 18:00'],
    ['Пн 18:00,Ср 19:00', 'Пн 18:00, Ср 19:00'],
    ['  Пн   18:00 ,   Ср 19:00  ', 'Пн 18:00, Ср 19:00'],
    ['Пн\u00a018:00;\tСр 19:00', 'Пн 18:00, Ср 19:00'],
    ['Вс 10:00, Ср 19:00, Пн 18:00', 'Пн 18:00, Ср 19:00, Вс 10:00'],
    ['Пн 19:00, Пн 7:30', 'Пн 07:30, Пн 19:00'],
    ['самозапись', 'Самозапись'],
    [' САМОЗАПИСЬ ', 'Самозапись'],
    ['Пн 18:00, Ср 19:00', 'Пн 18:00, Ср 19:00'],
  ])('Russian: %j → %j', (typed, stored) => {
    expect(normalizeSchedule(typed)).toEqual({ ok: true, value: stored });
    expect(scheduleSchema.parse(typed)).toBe(stored);
  });

  it.each<[string, string]>([
    ['Mon 18:00, Wed 19:00', 'Пн 18:00, Ср 19:00'],
    ['mon 18.00', 'Пн 18:00'],
    ['WED 7:05,mon 18:00', 'Пн 18:00, Ср 07:05'],
    ['Sun 09:00; Sat 10:00', 'Сб 10:00, Вс 09:00'],
    ['Self-booking', 'Самозапись'],
    ['self booking', 'Самозапись'],
    ['Mon 18:00, Ср 19:00', 'Пн 18:00, Ср 19:00'],
  ])('English: %j → %j', (typed, stored) => {
    expect(normalizeSchedule(typed)).toEqual({ ok: true, value: stored });
  });

  it.each<[string, keyof typeof scheduleMessages]>([
    ['Пн 25:00', 'time'],
    ['Пн 18:60', 'time'],
    ['Mon 24:00', 'time'],
    ['Xx 18:00', 'day'],
    ['Понедельник 18:00', 'day'],
    ['Monday 18:00', 'day'],
    ['Пн 18:00,,Ср 19:00', 'empty'],
    ['Пн 18:00,', 'empty'],
    [', Пн 18:00', 'empty'],
    ['Пн 18:00, пн 18.00', 'repeated'],
    ['Пн 18', 'format'],
    ['Пн 18:0', 'format'],
    ['Пн 118:00', 'format'],
    ['18:00', 'format'],
    ['', 'format'],
    ['   ', 'format'],
    ['Caмoзaпиcь', 'format'],
    ['Самозапись, Пн 18:00', 'format'],
    ['Пн 1８:00', 'format'],
  ])('refuses %j (%s)', (typed, message) => {
    expect(normalizeSchedule(typed)).toEqual({ ok: false, message: scheduleMessages[message] });
  });

  it('is idempotent and its result is what it reads back (property)', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { minLength: 1, maxLength: 20 }),
        fc.boolean(),
        (entries, en) => {
          const typed = entries
            .map((e) => formatScheduleEntry(e, en ? 'en' : 'ru').toLowerCase())
            .join(';');
          const once = normalizeSchedule(typed);
          const unique = new Set(entries.map((e) => formatScheduleEntry(e))).size;
          if (unique !== entries.length) {
            expect(once).toEqual({ ok: false, message: scheduleMessages.repeated });
            return;
          }
          expect(once.ok).toBe(true);
          if (!once.ok) return;
          expect(once.value).toBe(formatSchedule({ kind: 'fixed', entries }));
          expect(normalizeSchedule(once.value)).toEqual(once);
        },
      ),
    );
  });
});

describe('the schedule in English', () => {
  it('shows English day names and Self-booking; Russian stays as stored', () => {
    expect(displaySchedule('Пн 18:00, Ср 19:00', 'en')).toBe('Mon 18:00, Wed 19:00');
    expect(displaySchedule('Пн 18:00, Ср 19:00', 'ru')).toBe('Пн 18:00, Ср 19:00');
    expect(displaySchedule('Самозапись', 'en')).toBe('Self-booking');
    expect(displaySchedule(null, 'en')).toBe('');
    expect(displaySchedule('garbage', 'en')).toBe('garbage');
    expect(scheduleChips('Пн 18:00, Вс 09:30', 'en')).toEqual(['Mon 18:00', 'Sun 09:30']);
    expect(WEEKDAYS.map((d) => formatScheduleEntry({ day: d, hour: 7, minute: 0 }, 'en'))).toEqual(
      WEEKDAYS_EN.map((d) => `${d} 07:00`),
    );
  });

  it('reads back what it shows (property)', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 20 }), (entries) => {
        const stored = formatSchedule({ kind: 'fixed', entries });
        const shown = displaySchedule(stored, 'en');
        expect(normalizeSchedule(shown)).toEqual({ ok: true, value: stored });
      }),
    );
  });
});

describe('the Самозапись switch', () => {
  it('keeps the times while on and gives them back when off', () => {
    const on = toggleSelfRegistration('Пн 18:00, Ср 19:00', true, null);
    expect(on).toEqual({ value: SELF_REGISTRATION, remembered: 'Пн 18:00, Ср 19:00' });
    expect(toggleSelfRegistration(on.value, false, on.remembered)).toEqual({
      value: 'Пн 18:00, Ср 19:00',
      remembered: null,
    });
  });

  it('gives back text as typed, canonical when it is a schedule, as it was when not', () => {
    const typed = toggleSelfRegistration('ср 19.00, пн 18:00', true, null);
    expect(toggleSelfRegistration(typed.value, false, typed.remembered).value).toBe(
      'Пн 18:00, Ср 19:00',
    );
    const wrong = toggleSelfRegistration('Пн 25:00', true, null);
    expect(toggleSelfRegistration(wrong.value, false, wrong.remembered).value).toBe('Пн 25:00');
  });

  it('nothing before means not set after', () => {
    const on = toggleSelfRegistration(null, true, null);
    expect(toggleSelfRegistration(on.value, false, on.remembered)).toEqual({
      value: null,
      remembered: null,
    });
    expect(isSelfRegistration('самозапись')).toBe(true);
    expect(isSelfRegistration('Пн 18:00')).toBe(false);
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
    expect(parseSchedule('самозапись')).toEqual({ kind: 'self-registration' });
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
          .map((e) => formatScheduleEntry(e))
          .filter((t, i, all) => all.indexOf(t) === i);
        expect(
          parsed?.kind === 'fixed' ? parsed.entries.map((e) => formatScheduleEntry(e)) : [],
        ).toEqual(expected);
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

  it('builds on what was typed leniently, canonical', () => {
    expect(addScheduleEntry('ср 19.00', { day: 'Пн', hour: 8, minute: 0 })).toEqual({
      ok: true,
      value: 'Пн 08:00, Ср 19:00',
    });
    expect(removeScheduleEntry('Пн 18:00, Ср 19:00', 'Wed 19:00')).toEqual({
      ok: true,
      value: 'Пн 18:00',
    });
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
