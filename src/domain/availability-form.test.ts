import { describe, expect, it } from 'vitest';
import {
  availabilityMessages,
  coachSettingsFormSchema,
  timeRangeFormSchema,
  weeklyWindowFormSchema,
} from './availability-form.ts';

const settings = {
  time_zone: 'Europe/Moscow',
  default_duration_minutes: '60',
  buffer_before_minutes: '0',
  buffer_after_minutes: '15',
  minimum_notice_minutes: '120',
  slot_interval_minutes: '',
  booking_horizon_days: '60',
  cancellation_window_minutes: '720',
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
    ['default_duration_minutes', '4', availabilityMessages.duration],
    ['default_duration_minutes', '721', availabilityMessages.duration],
    ['default_duration_minutes', '30.5', availabilityMessages.duration],
    ['buffer_after_minutes', '241', availabilityMessages.buffer],
    ['minimum_notice_minutes', '43201', availabilityMessages.notice],
    ['slot_interval_minutes', '4', availabilityMessages.interval],
    ['booking_horizon_days', '0', availabilityMessages.horizon],
    ['booking_horizon_days', '367', availabilityMessages.horizon],
    ['cancellation_window_minutes', '-1', availabilityMessages.cancellation],
    ['time_zone', 'Mars/Olympus', availabilityMessages.zone],
    ['default_room', 'x'.repeat(101), availabilityMessages.room],
  ])('refuses %s = %s as the CHECK constraint does', (field, value, message) => {
    const result = coachSettingsFormSchema.safeParse({ ...settings, [field]: value });
    expect(firstMessage(result)).toBe(message);
  });

  it('accepts the bounds themselves', () => {
    const edge = {
      ...settings,
      default_duration_minutes: '720',
      buffer_before_minutes: '240',
      minimum_notice_minutes: '43200',
      slot_interval_minutes: '5',
      booking_horizon_days: '366',
      cancellation_window_minutes: '0',
      default_room: 'x'.repeat(100),
    };
    expect(coachSettingsFormSchema.safeParse(edge).success).toBe(true);
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
