// An athlete's weekly schedule, as seed 001 stores it in `athletes.schedule`:
//   null          — not set ("(Не указано)")
//   'Самозапись'  — self-registration: the athlete books sessions themselves
//   'Пн 18:00, Ср 19:00' — one or more "<day> HH:MM" joined by ", "
// Days are Пн Вт Ср Чт Пт Сб Вс; times are 24-hour with two digits, hours 00–23
// and minutes 00–59 (the seed's `\d{2}:\d{2}` admitted "25:99"); no day–time pair
// twice; at most 200 characters.
//
// The database enforces the same rule (`private.is_valid_schedule`, the check
// `athletes_schedule_check`); tests/db/schedule-rank-agreement.test.ts proves on
// 10,000+ generated strings that the two never disagree. Change both or neither.

export const SELF_REGISTRATION = 'Самозапись';
export const SCHEDULE_MAX_LENGTH = 200;
export const SCHEDULE_SEPARATOR = ', ';

/** Monday first, as Russian calendars are */
export const WEEKDAYS = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const day = `(?:${WEEKDAYS.join('|')})`;
const time = '(?:[01][0-9]|2[0-3]):[0-5][0-9]';
const entry = `${day} ${time}`;

/** one entry, "<day> HH:MM" ([0-9], never \d: the database's \d may match other digits) */
export const SCHEDULE_ENTRY_PATTERN = new RegExp(`^(${day}) ([01][0-9]|2[0-3]):([0-5][0-9])$`);
/** a fixed schedule as a whole: entries joined by ", " */
export const FIXED_SCHEDULE_PATTERN = new RegExp(`^${entry}(?:, ${entry})*$`);

export interface ScheduleEntry {
  day: Weekday;
  /** 0–23 */
  hour: number;
  /** 0–59 */
  minute: number;
}

export type Schedule =
  { kind: 'unset' } | { kind: 'self-registration' } | { kind: 'fixed'; entries: ScheduleEntry[] };

export const scheduleMessages = {
  format: 'Неверный формат расписания. Ожидается: «Пн 18:00, Ср 19:00»',
  tooLong: `Расписание слишком длинное (макс. ${SCHEDULE_MAX_LENGTH} символов)`,
  repeated: 'День и время повторяются',
} as const;

function hasRepeatedEntry(value: string): boolean {
  const parts = value.split(SCHEDULE_SEPARATOR);
  return new Set(parts).size !== parts.length;
}

/** what is wrong with a fixed-schedule string, in the words the ui shows; null when nothing */
export function scheduleProblem(value: string): string | null {
  if (value.length > SCHEDULE_MAX_LENGTH) return scheduleMessages.tooLong;
  if (!FIXED_SCHEDULE_PATTERN.test(value)) return scheduleMessages.format;
  if (hasRepeatedEntry(value)) return scheduleMessages.repeated;
  return null;
}

/** what `athletes.schedule` holds: null, 'Самозапись' or a fixed schedule */
export type ScheduleValue = string | null;

/** what `scheduleSchema` admits, without zod (the roster's first load carries none) */
export function isValidSchedule(value: unknown): value is ScheduleValue {
  if (value === null || value === SELF_REGISTRATION) return true;
  return typeof value === 'string' && scheduleProblem(value) === null;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "Пн 18:00" → an entry; null when it is not exactly one valid entry */
export function parseScheduleEntry(text: string): ScheduleEntry | null {
  const m = SCHEDULE_ENTRY_PATTERN.exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  return { day: m[1] as Weekday, hour: Number(m[2]), minute: Number(m[3]) };
}

/** an entry → "Пн 18:00"; throws on a day or time out of range */
export function formatScheduleEntry(entry: ScheduleEntry): string {
  const { day: d, hour, minute } = entry;
  if (!WEEKDAYS.includes(d)) throw new RangeError(`unknown weekday: ${String(d)}`);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23)
    throw new RangeError(`hour must be 0–23: ${hour}`);
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`minute must be 0–59: ${minute}`);
  }
  return `${d} ${pad2(hour)}:${pad2(minute)}`;
}

/** the stored value → its meaning; null when the value is not a valid schedule */
export function parseSchedule(value: string | null): Schedule | null {
  if (!isValidSchedule(value)) return null;
  if (value === null) return { kind: 'unset' };
  if (value === SELF_REGISTRATION) return { kind: 'self-registration' };
  const entries: ScheduleEntry[] = [];
  for (const part of value.split(SCHEDULE_SEPARATOR)) {
    const e = parseScheduleEntry(part);
    if (!e) return null;
    entries.push(e);
  }
  return { kind: 'fixed', entries };
}

/** orders entries Monday → Sunday, then by time */
export function compareScheduleEntries(a: ScheduleEntry, b: ScheduleEntry): number {
  return (
    WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || a.hour - b.hour || a.minute - b.minute
  );
}

/**
 * A schedule → the value to store. Fixed entries are sorted Monday → Sunday and
 * de-duplicated; no entries means not set. Throws a RangeError when the result
 * would be longer than the database allows (over 20 entries).
 */
export function formatSchedule(schedule: Schedule): ScheduleValue {
  switch (schedule.kind) {
    case 'unset':
      return null;
    case 'self-registration':
      return SELF_REGISTRATION;
    case 'fixed': {
      const texts = [...schedule.entries]
        .sort(compareScheduleEntries)
        .map(formatScheduleEntry)
        .filter((text, i, all) => all.indexOf(text) === i);
      if (texts.length === 0) return null;
      const value = texts.join(SCHEDULE_SEPARATOR);
      if (value.length > SCHEDULE_MAX_LENGTH) throw new RangeError(scheduleMessages.tooLong);
      return value;
    }
  }
}

/** the chips a card shows: one per entry, in stored order; none for self-registration or unset */
export function scheduleChips(value: string | null): string[] {
  const schedule = parseSchedule(value);
  return schedule?.kind === 'fixed' ? schedule.entries.map(formatScheduleEntry) : [];
}

/** day number as weekly-rule.ts counts them: 0 = Sunday … 6 = Saturday */
export function weekdayNumber(d: Weekday): number {
  return (WEEKDAYS.indexOf(d) + 1) % 7;
}

/** minutes after local midnight, as zoned-time.ts counts them */
export function entryMinutes(entry: ScheduleEntry): number {
  return entry.hour * 60 + entry.minute;
}

export type ScheduleEdit = { ok: true; value: ScheduleValue } | { ok: false; message: string };

/**
 * The stored value with one more day and time: sorted Monday → Sunday, a pair
 * already there is not repeated, and picking a time ends self-registration.
 * Refused when the current value is not a valid schedule (the picker must not
 * silently discard what was typed) or the result would be too long.
 */
export function addScheduleEntry(value: string | null, entry: ScheduleEntry): ScheduleEdit {
  const current = parseSchedule(value);
  if (!current)
    return { ok: false, message: scheduleProblem(value ?? '') ?? scheduleMessages.format };
  const entries = current.kind === 'fixed' ? current.entries : [];
  try {
    return { ok: true, value: formatSchedule({ kind: 'fixed', entries: [...entries, entry] }) };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, message: scheduleMessages.tooLong };
    throw error;
  }
}

/** the stored value without one "Пн 18:00" entry; the last one gone means not set */
export function removeScheduleEntry(value: string | null, text: string): ScheduleEdit {
  const current = parseSchedule(value);
  if (current?.kind !== 'fixed') return { ok: false, message: scheduleMessages.format };
  const entries = current.entries.filter((e) => formatScheduleEntry(e) !== text);
  return { ok: true, value: formatSchedule({ kind: 'fixed', entries }) };
}
