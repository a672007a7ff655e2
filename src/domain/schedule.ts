// An athlete's weekly schedule, as seed 001 stores it in `athletes.schedule`:
//   null          — not set ("(Не указано)")
//   'Самозапись'  — self-registration: the athlete books sessions themselves
//   'Пн 18:00, Ср 19:00' — one or more "<day> HH:MM" joined by ", "
// Days are Пн Вт Ср Чт Пт Сб Вс in week order; times are 24-hour with two digits,
// hours 00–23 and minutes 00–59; no day–time pair twice; at most 200 characters.
//
// People type schedules more loosely than that, so what they type is read
// leniently and stored in the canonical form above (normalizeSchedule):
//   * the case of a day or of Самозапись does not matter (`пн`, `ПН`, `самозапись`);
//   * English days and words are read too (`Mon`…`Sun`, `Self-booking`);
//   * a one-digit hour (`8:00`) and a dot instead of the colon (`18.00`);
//   * entries separated by "," or ";" with any spacing, in any order;
//   * spaces, tabs and no-break spaces around the whole and around each part.
// Still refused: an hour over 23 or minutes over 59, an unknown day, an empty
// part ("Пн 18:00,,Ср 19:00", a trailing comma), a repeated day and time, and a
// result over 200 characters. Case is folded for A–Z and А–Я/Ё only (never the
// locale's lower(): the database's may differ), and only ASCII digits are digits.
//
// The database reads the same way (`private.canonical_schedule`: a trigger stores
// the canonical form, the check `athletes_schedule_check` refuses the rest, see
// supabase/migrations/20261206140000_lenient_schedules.sql);
// tests/db/schedule-rank-agreement.test.ts proves on 12,000+ generated strings
// that the two never disagree, on the verdict or on the stored text. Change both
// or neither.
import type { Locale } from './locale.ts';

export const SELF_REGISTRATION = 'Самозапись';
export const SCHEDULE_MAX_LENGTH = 200;
export const SCHEDULE_SEPARATOR = ', ';

/** Monday first, as Russian calendars are; the stored form */
export const WEEKDAYS = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** the same days as the English interface shows and accepts them */
export const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
/** Самозапись as the English interface shows it */
export const SELF_REGISTRATION_EN = 'Self-booking';

/** the words read as Самозапись, case folded */
const SELF_REGISTRATION_WORDS = ['самозапись', 'self-booking', 'self booking'];

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
  format: 'Неверный формат расписания. Пример: «Пн 18:00, Ср 19:00» или «Самозапись»',
  day: 'Неизвестный день недели. Дни: Пн, Вт, Ср, Чт, Пт, Сб, Вс',
  time: 'Неверное время: часы от 0 до 23, минуты от 00 до 59 (например, 18:00)',
  empty: 'Пустое место между запятыми: уберите лишнюю запятую',
  tooLong: `Расписание слишком длинное (макс. ${SCHEDULE_MAX_LENGTH} символов)`,
  repeated: 'День и время повторяются',
} as const;

/** what `athletes.schedule` holds: null, 'Самозапись' or a fixed schedule */
export type ScheduleValue = string | null;

/** the spacing read around a schedule and its parts (the database's `v_space`) */
const SPACE = '[ \\t\\u00a0]';
const TRIM = new RegExp(`^${SPACE}+|${SPACE}+$`, 'g');
/** one part: letters (the day), optional spacing, H or HH, ":" or ".", MM */
const LOOSE_ENTRY = new RegExp(`^([^0-9]*?)${SPACE}*([0-9]{1,2})[:.]([0-9]{2})$`);
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';
const LOWER = 'abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюя';

/** lower case for A–Z and А–Я/Ё only, as the database's translate() does it */
function fold(text: string): string {
  return text.replace(/[A-ZА-ЯЁ]/g, (c) => LOWER[UPPER.indexOf(c)] ?? c);
}

function trimSpace(text: string): string {
  return text.replace(TRIM, '');
}

const FOLDED_DAYS: readonly (readonly string[])[] = [
  WEEKDAYS.map((d) => fold(d)),
  WEEKDAYS_EN.map((d) => fold(d)),
];

/** a day as typed → its weekday; null when it is not one */
function readDay(text: string): Weekday | null {
  const folded = fold(text);
  for (const names of FOLDED_DAYS) {
    const i = names.indexOf(folded);
    if (i >= 0) return WEEKDAYS[i] ?? null;
  }
  return null;
}

type EntryReading = { ok: true; entry: ScheduleEntry } | { ok: false; message: string };

/** one part as typed ("пн 8.00", "Mon 18:00") → an entry, or why not */
function readEntry(part: string): EntryReading {
  const text = trimSpace(part);
  if (text === '') return { ok: false, message: scheduleMessages.empty };
  const m = LOOSE_ENTRY.exec(text);
  if (!m || m[1] === undefined || !m[2] || !m[3] || m[1] === '') {
    return { ok: false, message: scheduleMessages.format };
  }
  const day = readDay(m[1]);
  if (!day) return { ok: false, message: scheduleMessages.day };
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (hour > 23 || minute > 59) return { ok: false, message: scheduleMessages.time };
  return { ok: true, entry: { day, hour, minute } };
}

type Reading = { ok: true; schedule: Schedule } | { ok: false; message: string };

/**
 * A schedule as typed → its meaning, entries in the order written. Refused as
 * the database refuses: a bad part, a repeated pair, or a canonical form too long.
 */
function readSchedule(value: string): Reading {
  const text = trimSpace(value);
  if (text === '') return { ok: false, message: scheduleMessages.format };
  if (SELF_REGISTRATION_WORDS.includes(fold(text))) {
    return { ok: true, schedule: { kind: 'self-registration' } };
  }
  const entries: ScheduleEntry[] = [];
  const seen = new Set<number>();
  for (const part of text.split(/[,;]/)) {
    const read = readEntry(part);
    if (!read.ok) return read;
    const key = entryKey(read.entry);
    if (seen.has(key)) return { ok: false, message: scheduleMessages.repeated };
    seen.add(key);
    entries.push(read.entry);
  }
  const canonical = [...entries].sort(compareScheduleEntries).map((e) => formatScheduleEntry(e));
  if (canonical.join(SCHEDULE_SEPARATOR).length > SCHEDULE_MAX_LENGTH) {
    return { ok: false, message: scheduleMessages.tooLong };
  }
  return { ok: true, schedule: { kind: 'fixed', entries } };
}

function entryKey(e: ScheduleEntry): number {
  return WEEKDAYS.indexOf(e.day) * 1440 + e.hour * 60 + e.minute;
}

export type ScheduleNormalization = { ok: true; value: string } | { ok: false; message: string };

/**
 * A schedule as typed → the text to store: `Самозапись`, or the entries sorted
 * Monday → Sunday as "Пн 08:00, Ср 19:00"; or the reason it is refused, in the
 * words the ui shows. The one reading the form, the picker and the database share.
 */
export function normalizeSchedule(value: string): ScheduleNormalization {
  const read = readSchedule(value);
  if (!read.ok) return read;
  const stored = formatSchedule(read.schedule);
  // a fixed schedule always has an entry, so never null here
  return { ok: true, value: stored ?? '' };
}

/** what is wrong with a schedule as typed, in the words the ui shows; null when nothing */
export function scheduleProblem(value: string): string | null {
  const read = readSchedule(value);
  return read.ok ? null : read.message;
}

/** what `scheduleSchema` admits, without zod (the roster's first load carries none) */
export function isValidSchedule(value: unknown): value is ScheduleValue {
  if (value === null) return true;
  return typeof value === 'string' && scheduleProblem(value) === null;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "Пн 18:00" (or "mon 8.00") → an entry; null when it is not exactly one valid entry */
export function parseScheduleEntry(text: string): ScheduleEntry | null {
  const read = readEntry(text);
  return read.ok ? read.entry : null;
}

/** an entry → "Пн 18:00" ("Mon 18:00" in English); throws on a day or time out of range */
export function formatScheduleEntry(entry: ScheduleEntry, locale: Locale = 'ru'): string {
  const { day: d, hour, minute } = entry;
  const i = WEEKDAYS.indexOf(d);
  if (i < 0) throw new RangeError(`unknown weekday: ${String(d)}`);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23)
    throw new RangeError(`hour must be 0–23: ${hour}`);
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`minute must be 0–59: ${minute}`);
  }
  return `${weekdayName(d, locale)} ${pad2(hour)}:${pad2(minute)}`;
}

/** a weekday as the interface shows it: "Пн", or "Mon" in English */
export function weekdayName(d: Weekday, locale: Locale = 'ru'): string {
  return locale === 'en' ? (WEEKDAYS_EN[WEEKDAYS.indexOf(d)] ?? d) : d;
}

/** a value (stored, or typed leniently) → its meaning; null when it is not a valid schedule */
export function parseSchedule(value: string | null): Schedule | null {
  if (value === null) return { kind: 'unset' };
  const read = readSchedule(value);
  return read.ok ? read.schedule : null;
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
        .map((e) => formatScheduleEntry(e))
        .filter((text, i, all) => all.indexOf(text) === i);
      if (texts.length === 0) return null;
      const value = texts.join(SCHEDULE_SEPARATOR);
      if (value.length > SCHEDULE_MAX_LENGTH) throw new RangeError(scheduleMessages.tooLong);
      return value;
    }
  }
}

/** whether a value (stored or typed) means Самозапись */
export function isSelfRegistration(value: string | null): boolean {
  return parseSchedule(value)?.kind === 'self-registration';
}

/**
 * A value → the text the form field shows in the interface's language: "" for
 * not set, "Self-booking" and "Mon 18:00, Wed 19:00" in English. Text that is
 * not a schedule is shown as it is, to be corrected.
 */
export function displaySchedule(value: string | null, locale: Locale = 'ru'): string {
  const schedule = parseSchedule(value);
  if (!schedule) return value ?? '';
  switch (schedule.kind) {
    case 'unset':
      return '';
    case 'self-registration':
      return locale === 'en' ? SELF_REGISTRATION_EN : SELF_REGISTRATION;
    case 'fixed':
      return schedule.entries.map((e) => formatScheduleEntry(e, locale)).join(SCHEDULE_SEPARATOR);
  }
}

/** the chips a card shows: one per entry, in stored order; none for self-registration or unset */
export function scheduleChips(value: string | null, locale: Locale = 'ru'): string[] {
  const schedule = parseSchedule(value);
  return schedule?.kind === 'fixed'
    ? schedule.entries.map((e) => formatScheduleEntry(e, locale))
    : [];
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
 * The value with one more day and time, canonical: sorted Monday → Sunday, a
 * pair already there is not repeated, and picking a time ends self-registration.
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

/** the value, canonical, without one entry ("Пн 18:00" or "Mon 18:00"); the last one gone means not set */
export function removeScheduleEntry(value: string | null, text: string): ScheduleEdit {
  const current = parseSchedule(value);
  const gone = parseScheduleEntry(text);
  if (current?.kind !== 'fixed' || !gone) return { ok: false, message: scheduleMessages.format };
  const entries = current.entries.filter((e) => entryKey(e) !== entryKey(gone));
  return { ok: true, value: formatSchedule({ kind: 'fixed', entries }) };
}

/**
 * The Самозапись switch: on, the value becomes Самозапись and the times it had
 * are remembered; off, the remembered times come back (not set when there were
 * none). Switching back and forth never erases what was entered.
 */
export function toggleSelfRegistration(
  value: string | null,
  on: boolean,
  remembered: string | null,
): { value: ScheduleValue; remembered: string | null } {
  if (on) {
    if (isSelfRegistration(value)) return { value: SELF_REGISTRATION, remembered };
    const kept = value === null || value.trim() === '' ? null : value;
    return { value: SELF_REGISTRATION, remembered: kept };
  }
  if (!isSelfRegistration(value)) return { value, remembered };
  if (remembered === null) return { value: null, remembered: null };
  const normalized = normalizeSchedule(remembered);
  return { value: normalized.ok ? normalized.value : remembered, remembered: null };
}
