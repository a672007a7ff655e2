import { describe, expect, it } from 'vitest';
import {
  availabilityMessages,
  canonicalZone,
  coachSettingsFormSchema,
  formatDuration,
  knownZones,
  parseDuration,
  timeRangeFormSchema,
  weeklyWindowFormSchema,
} from './availability-form.ts';

const settings = {
  time_zone: 'Europe/Moscow',
  default_duration_minutes: '1:00',
  buffer_before_minutes: '0:00',
  buffer_after_minutes: '0:15',
  minimum_notice_minutes: '2:00',
  slot_interval_minutes: '',
  booking_horizon_days: '60',
  cancellation_window_minutes: '12:00',
  default_room: '  ',
};

function firstMessage(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.success ? null : (result.error?.issues[0]?.message ?? null);
}

describe('coach settings form', () => {
  it('turns typed values into the row the database takes', () => {
    expect(coachSettingsFormSchema.parse(settings)).toEqual({
      time_zone: 'Europe/Moscow',
      default_duration_minutes: 60,
      buffer_before_minutes: 0,
      buffer_after_minutes: 15,
      minimum_notice_minutes: 120,
      slot_interval_minutes: null,
      booking_horizon_days: 60,
      cancellation_window_minutes: 720,
      default_room: null,
    });
  });

  it.each([
    ['default_duration_minutes', '0:04', availabilityMessages.duration],
    ['default_duration_minutes', '12:01', availabilityMessages.duration],
    ['default_duration_minutes', '0.5', availabilityMessages.duration],
    ['default_duration_minutes', '1:60', availabilityMessages.duration],
    ['buffer_after_minutes', '4:01', availabilityMessages.buffer],
    ['minimum_notice_minutes', '720:01', availabilityMessages.notice],
    ['slot_interval_minutes', '0:04', availabilityMessages.interval],
    ['booking_horizon_days', '0', availabilityMessages.horizon],
    ['booking_horizon_days', '367', availabilityMessages.horizon],
    ['cancellation_window_minutes', '-1:00', availabilityMessages.cancellation],
    ['time_zone', 'Mars/Olympus', availabilityMessages.zone],
    ['time_zone', 'Moscow', availabilityMessages.zone],
    ['default_room', 'x'.repeat(101), availabilityMessages.room],
  ])('refuses %s = %s as the CHECK constraint does', (field, value, message) => {
    const result = coachSettingsFormSchema.safeParse({ ...settings, [field]: value });
    expect(firstMessage(result)).toBe(message);
  });

  it('accepts the bounds themselves', () => {
    const edge = {
      ...settings,
      default_duration_minutes: '12:00',
      buffer_before_minutes: '4:00',
      minimum_notice_minutes: '720:00',
      slot_interval_minutes: '0:05',
      booking_horizon_days: '366',
      cancellation_window_minutes: '0:00',
      default_room: 'x'.repeat(100),
    };
    expect(coachSettingsFormSchema.safeParse(edge).success).toBe(true);
  });
});

describe('lengths as hours and minutes', () => {
  it('reads what people type on a phone and shows minutes back the same way', () => {
    expect(parseDuration('12:00')).toBe(720);
    expect(parseDuration(' 0:05 ')).toBe(5);
    expect(parseDuration('12.30')).toBe(750);
    expect(parseDuration('12,30')).toBe(750);
    expect(parseDuration('2')).toBe(120);
    expect(parseDuration('720:00')).toBe(43200);
    for (const bad of ['', '1:5', '1:75', 'abc', '-1', '1:00:00', '12 ч']) {
      expect(parseDuration(bad)).toBeNull();
    }
    expect(formatDuration(720)).toBe('12:00');
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(43200)).toBe('720:00');
    for (const n of [0, 5, 59, 60, 61, 719, 720, 43200]) {
      expect(parseDuration(formatDuration(n))).toBe(n);
    }
  });
});

describe('time zones', () => {
  it('offers the zones of the runtime and spells a typed one as the list does', () => {
    expect(knownZones()).toContain('Europe/Moscow');
    expect(knownZones()).toContain('UTC');
    expect(canonicalZone(' europe/moscow ')).toBe('Europe/Moscow');
    expect(
      coachSettingsFormSchema.parse({ ...settings, time_zone: 'asia/novosibirsk' }).time_zone,
    ).toBe('Asia/Novosibirsk');
  });
});

describe('weekly window form', () => {
  const window = {
    weekday: '1',
    start_time: '16:00',
    end_time: '20:00',
    is_individual: true,
    is_group: false,
    room: '',
  };

  it('accepts a window, and 24:00 as an end', () => {
    expect(weeklyWindowFormSchema.parse(window)).toMatchObject({ weekday: 1, room: null });
    expect(weeklyWindowFormSchema.safeParse({ ...window, end_time: '24:00' }).success).toBe(true);
  });

  it('puts "end after start" on the end field', () => {
    const result = weeklyWindowFormSchema.safeParse({ ...window, end_time: '16:00' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      message: availabilityMessages.endAfterStart,
      path: ['end_time'],
    });
  });

  it('refuses a start at 24:00, a bad time and a weekday out of range', () => {
    expect(firstMessage(weeklyWindowFormSchema.safeParse({ ...window, start_time: '24:00' }))).toBe(
      availabilityMessages.time,
    );
    expect(firstMessage(weeklyWindowFormSchema.safeParse({ ...window, end_time: '25:10' }))).toBe(
      availabilityMessages.time,
    );
    expect(firstMessage(weeklyWindowFormSchema.safeParse({ ...window, weekday: '7' }))).toBe(
      availabilityMessages.weekday,
    );
  });
});

describe('time range form', () => {
  it('needs the end after the start', () => {
    const result = timeRangeFormSchema.safeParse({
      starts_at: 2000,
      ends_at: 1000,
      reason: '',
      room: '',
    });
    expect(result.error?.issues[0]).toMatchObject({ path: ['ends_at'] });
    expect(
      timeRangeFormSchema.safeParse({ starts_at: 1000, ends_at: 2000, reason: 'x', room: '' })
        .success,
    ).toBe(true);
  });

  it('says when a date is missing', () => {
    const result = timeRangeFormSchema.safeParse({
      starts_at: Number.NaN,
      ends_at: 2000,
      reason: '',
      room: '',
    });
    expect(firstMessage(result)).toBe(availabilityMessages.dateTime);
  });
});
