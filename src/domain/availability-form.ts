// What a coach types into the availability screen (lengths as hours:minutes,
// stored as minutes; the zone from the list of known zones), checked before a local edit
// with the same bounds as the CHECK constraints of coach_settings,
// weekly_availability, blocked_slots and availability_additions
// (20261122200000_scheduling.sql), so an offline edit the form accepts is one the
// server accepts too. Messages are Russian; the interface translates them.
import { z } from 'zod';
import { isValidZone, parseLocalTime } from './zoned-time.ts';
import { labelInput, refineLabel } from './clean-text.ts';

export const ROOM_MAX = 100;
export const REASON_MAX = 500;

export const availabilityMessages = {
  duration: 'Длительность — от 0:05 до 12:00 (часы:минуты)',
  buffer: 'Перерыв — от 0:00 до 4:00 (часы:минуты)',
  notice: 'Срок записи — от 0:00 до 720:00, то есть до 30 дней (часы:минуты)',
  interval: 'Шаг — от 0:05 до 12:00 (часы:минуты), или пусто (равен длительности)',
  horizon: 'Горизонт — целое число дней от 1 до 366',
  cancellation: 'Срок отмены — от 0:00 до 720:00, то есть до 30 дней (часы:минуты)',
  zone: 'Неизвестный часовой пояс: выберите его из списка (например, Europe/Moscow)',
  room: `Зал — не длиннее ${ROOM_MAX} символов`,
  reason: `Причина — не длиннее ${REASON_MAX} символов`,
  weekday: 'Выберите день недели',
  time: 'Время в формате ЧЧ:ММ',
  endAfterStart: 'Конец должен быть позже начала',
  dateTime: 'Укажите дату и время',
} as const;

/**
 * A length typed as hours and minutes: `12:00`, `0:05`, `48:00`; `12.30` and
 * `12,30` too (a phone's number pad has no colon), and `12` for whole hours.
 * Minutes are two digits below 60. Returns minutes, or null when it is not one.
 */
export function parseDuration(typed: string): number | null {
  const m = /^(\d{1,3})(?:[:.,](\d{2}))?$/.exec(typed.trim());
  if (!m) return null;
  const minutes = Number(m[2] ?? '0');
  if (minutes >= 60) return null;
  return Number(m[1]) * 60 + minutes;
}

/** minutes as the form shows them: 720 → `12:00`, 5 → `0:05`, 2880 → `48:00` */
export function formatDuration(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** every zone this runtime knows (IANA names), for the zone picker */
export function knownZones(): readonly string[] {
  const list =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return list.includes('UTC') ? list : [...list, 'UTC'];
}

/**
 * A typed zone in the spelling the database knows: `europe/moscow` is
 * `Europe/Moscow` (the database's zone names are case-sensitive, Intl's are not).
 */
export function canonicalZone(typed: string): string {
  const zone = typed.trim();
  const lower = zone.toLowerCase();
  return knownZones().find((z) => z.toLowerCase() === lower) ?? zone;
}

/** characters as Postgres' char_length counts them */
function charLength(value: string): number {
  return [...value].length;
}

/** a whole number typed into a field, within [min, max] */
function wholeIn(min: number, max: number, message: string) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
}

/**
 * optional label (a room, a reason; empty → null) of at most `max` characters
 * that `private.is_clean_label` passes, composed (NFC) first
 */
function optionalText(max: number, message: string) {
  return z
    .string()
    .transform((s) => (s.trim() === '' ? null : labelInput(s.trim())))
    .refine((s) => s === null || charLength(s) <= max, message)
    .superRefine((s, ctx) => {
      if (s !== null) refineLabel(s, ctx);
    });
}

/** a length typed as hours and minutes (parseDuration), as minutes within [min, max] */
function durationIn(min: number, max: number, message: string) {
  return z
    .string()
    .refine((s) => {
      const m = parseDuration(s);
      return m !== null && m >= min && m <= max;
    }, message)
    .transform((s) => parseDuration(s) ?? min);
}

export const coachSettingsFormSchema = z.object({
  time_zone: z
    .string()
    .transform(canonicalZone)
    .refine(
      // a zone Intl knows but spells differently (wrong case) is one the database refuses
      (zone) => zone !== '' && isValidZone(zone) && zone === resolvedZoneOr(zone),
      availabilityMessages.zone,
    ),
  default_duration_minutes: durationIn(5, 720, availabilityMessages.duration),
  buffer_before_minutes: durationIn(0, 240, availabilityMessages.buffer),
  buffer_after_minutes: durationIn(0, 240, availabilityMessages.buffer),
  minimum_notice_minutes: durationIn(0, 43200, availabilityMessages.notice),
  slot_interval_minutes: z
    .string()
    .refine((s) => {
      if (s.trim() === '') return true;
      const m = parseDuration(s);
      return m !== null && m >= 5 && m <= 720;
    }, availabilityMessages.interval)
    .transform((s) => (s.trim() === '' ? null : parseDuration(s))),
  booking_horizon_days: wholeIn(1, 366, availabilityMessages.horizon),
  cancellation_window_minutes: durationIn(0, 43200, availabilityMessages.cancellation),
  default_room: optionalText(ROOM_MAX, availabilityMessages.room),
});

/** the zone's own spelling when it is one of the known zones, else Intl's resolved name */
function resolvedZoneOr(zone: string): string {
  if (knownZones().includes(zone)) return zone;
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
    // an alias Intl maps to another name (Europe/Kiev → Europe/Kyiv) keeps its own
    return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
  } catch {
    return '';
  }
}
export type CoachSettingsForm = z.output<typeof coachSettingsFormSchema>;

/** 'HH:MM' → minutes; 24:00 only where `allowEnd` */
function localTime(allowEnd: boolean) {
  return z.string().refine((s) => {
    try {
      const m = parseLocalTime(s.trim());
      return allowEnd ? m <= 1440 : m < 1440;
    } catch {
      return false;
    }
  }, availabilityMessages.time);
}

/** minutes of a typed time, or `fallback` when it is not one (its own field says so) */
function minutesOr(s: string, fallback: number): number {
  try {
    return parseLocalTime(s.trim());
  } catch {
    return fallback;
  }
}

/** a weekly window: weekday 0–6 (0 = Sunday), local start < end ≤ 24:00 */
export const weeklyWindowFormSchema = z
  .object({
    weekday: z
      .string()
      .regex(/^[0-6]$/, availabilityMessages.weekday)
      .transform(Number),
    start_time: localTime(false),
    end_time: localTime(true),
    is_individual: z.boolean(),
    is_group: z.boolean(),
    room: optionalText(ROOM_MAX, availabilityMessages.room),
  })
  .refine((w) => minutesOr(w.end_time, 0) > minutesOr(w.start_time, -1), {
    message: availabilityMessages.endAfterStart,
    path: ['end_time'],
  });
export type WeeklyWindowForm = z.output<typeof weeklyWindowFormSchema>;

/**
 * A blocked range or an addition: two instants (already resolved from the
 * coach's local date and time by the page), the end after the start.
 */
export const timeRangeFormSchema = z
  .object({
    starts_at: z.number({ error: availabilityMessages.dateTime }).finite(),
    ends_at: z.number({ error: availabilityMessages.dateTime }).finite(),
    reason: optionalText(REASON_MAX, availabilityMessages.reason),
    room: optionalText(ROOM_MAX, availabilityMessages.room),
  })
  .refine((r) => r.ends_at > r.starts_at, {
    message: availabilityMessages.endAfterStart,
    path: ['ends_at'],
  });
export type TimeRangeForm = z.output<typeof timeRangeFormSchema>;
