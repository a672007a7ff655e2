// What a coach types into the availability screen, checked before a local edit
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
  duration: 'Длительность — целое число минут от 5 до 720',
  buffer: 'Буфер — целое число минут от 0 до 240',
  notice: 'Минимальный срок — целое число минут от 0 до 43200 (30 дней)',
  interval: 'Шаг — целое число минут от 5 до 720, или пусто (равен длительности)',
  horizon: 'Горизонт — целое число дней от 1 до 366',
  cancellation: 'Окно отмены — целое число минут от 0 до 43200',
  zone: 'Неизвестный часовой пояс (пример: Europe/Moscow)',
  room: `Зал — не длиннее ${ROOM_MAX} символов`,
  reason: `Причина — не длиннее ${REASON_MAX} символов`,
  weekday: 'Выберите день недели',
  time: 'Время в формате ЧЧ:ММ',
  endAfterStart: 'Конец должен быть позже начала',
  dateTime: 'Укажите дату и время',
} as const;

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

export const coachSettingsFormSchema = z.object({
  time_zone: z
    .string()
    .trim()
    .refine((zone) => zone !== '' && isValidZone(zone), availabilityMessages.zone),
  default_duration_minutes: wholeIn(5, 720, availabilityMessages.duration),
  buffer_before_minutes: wholeIn(0, 240, availabilityMessages.buffer),
  buffer_after_minutes: wholeIn(0, 240, availabilityMessages.buffer),
  minimum_notice_minutes: wholeIn(0, 43200, availabilityMessages.notice),
  slot_interval_minutes: z
    .string()
    .trim()
    .refine(
      (s) => s === '' || (/^\d+$/.test(s) && Number(s) >= 5 && Number(s) <= 720),
      availabilityMessages.interval,
    )
    .transform((s) => (s === '' ? null : Number(s))),
  booking_horizon_days: wholeIn(1, 366, availabilityMessages.horizon),
  cancellation_window_minutes: wholeIn(0, 43200, availabilityMessages.cancellation),
  default_room: optionalText(ROOM_MAX, availabilityMessages.room),
});
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
