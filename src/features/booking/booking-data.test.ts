import { describe, expect, it } from 'vitest';
import { slotsByDay } from '../../domain/slots.ts';
import type {
  BookingRow,
  CoachSettingRow,
  TrainingSessionRow,
  WeeklyAvailabilityRow,
} from '../../data/synced-rows.ts';
import {
  awaitsPayment,
  calendarZone,
  isReleasedHold,
  slotRules,
  type BookingData,
} from './booking-data.ts';

const me = '00000000-0000-4000-8000-0000000000c1';
const moscow = '00000000-0000-4000-8000-0000000000a1';
const omsk = '00000000-0000-4000-8000-0000000000a2';

/** a coach's settings row as sync stores it; only the zone matters here */
function setting(id: string, orgId: string, coachId: string, zone: string): CoachSettingRow {
  const at = '2026-09-01T00:00:00Z';
  return {
    id,
    org_id: orgId,
    coach_id: coachId,
    time_zone: zone,
    default_duration_minutes: 60,
    default_room: null,
    buffer_before_minutes: 0,
    buffer_after_minutes: 0,
    minimum_notice_minutes: 120,
    slot_interval_minutes: null,
    booking_horizon_days: 60,
    max_athletes: null,
    cancellation_window_minutes: 720,
    created_at: at,
    updated_at: at,
    updated_by: null,
    deleted_at: null,
    xid: '1',
  };
}

function data(settings: BookingData['settings']): BookingData {
  return {
    userId: me,
    roles: new Map([
      [moscow, 'coach'],
      [omsk, 'coach'],
    ]),
    orgs: new Map([
      [moscow, { id: moscow, name: 'Клуб в Москве', timeZone: 'Europe/Moscow' }],
      [omsk, { id: omsk, name: 'Клуб в Омске', timeZone: 'Asia/Omsk' }],
    ]),
    names: new Map(),
    settings,
    weekly: [],
    blocked: [],
    additions: [],
    sessions: [],
    bookings: [],
    recurring: [],
    conflicts: [],
    credits: [],
  };
}

describe('calendarZone', () => {
  it("draws a coach in two clubs in the switcher's club, by their settings there", () => {
    const both = data([
      setting('s1', moscow, me, 'Europe/Moscow'),
      setting('s2', omsk, me, 'Asia/Omsk'),
    ]);
    expect(calendarZone(both, omsk)).toBe('Asia/Omsk');
    expect(calendarZone(both, moscow)).toBe('Europe/Moscow');
  });

  it("falls back to the coach's settings elsewhere, then to the club's zone", () => {
    expect(calendarZone(data([setting('s1', moscow, me, 'Europe/Moscow')]), omsk)).toBe(
      'Europe/Moscow',
    );
    expect(calendarZone(data([]), omsk)).toBe('Asia/Omsk');
    expect(calendarZone(data([]), null)).toBe('Europe/Moscow');
  });
});

/** a coach's weekly window as sync stores it */
function window(orgId: string, coachId: string, weekday: number): WeeklyAvailabilityRow {
  const at = '2026-09-01T00:00:00Z';
  return {
    id: `w${weekday}`,
    org_id: orgId,
    coach_id: coachId,
    weekday,
    start_time: '16:00:00',
    end_time: '20:00:00',
    is_individual: true,
    is_group: false,
    room: null,
    created_at: at,
    updated_at: at,
    updated_by: null,
    deleted_at: null,
    xid: '1',
  };
}

describe("a member's slots", () => {
  const coach = '00000000-0000-4000-8000-0000000000c2';
  // a member's device: only staff read blocked_slots, so it holds none
  const member: BookingData = {
    ...data([setting('s1', moscow, coach, 'Europe/Moscow')]),
    roles: new Map([[moscow, 'athlete']]),
    weekly: [1, 2, 3, 4, 5].map((d) => window(moscow, coach, d)),
  };
  const now = Date.parse('2026-12-07T06:00:00Z'); // Monday 09:00 in Moscow

  it('come from the rules alone when the device holds no blocked time', () => {
    const rules = slotRules(member, moscow, coach);
    expect(rules?.blocked).toEqual([]);
    const days = rules ? slotsByDay({ ...rules, now }, 'Europe/Moscow') : [];
    // Monday 16:00–20:00 Moscow: four hour-long slots, the first at 13:00 UTC
    expect(days[0]?.slots.map((s) => new Date(s.start).toISOString())).toEqual([
      '2026-12-07T13:00:00.000Z',
      '2026-12-07T14:00:00.000Z',
      '2026-12-07T15:00:00.000Z',
      '2026-12-07T16:00:00.000Z',
    ]);
  });

  it("leave out the coach's blocked time when it arrives as busy ranges (coach_busy_times)", () => {
    const rules = slotRules(member, moscow, coach);
    const away = {
      start: Date.parse('2026-12-07T13:00:00Z'),
      end: Date.parse('2026-12-07T15:00:00Z'),
    };
    const days = rules ? slotsByDay({ ...rules, busy: [away], now }, 'Europe/Moscow') : [];
    expect(days[0]?.slots.map((s) => new Date(s.start).toISOString())).toEqual([
      '2026-12-07T15:00:00.000Z',
      '2026-12-07T16:00:00.000Z',
    ]);
  });
});

describe("guests' paid holds in the calendar", () => {
  const at = '2026-12-01T10:00:00Z';
  const session = (id: string, status: string): TrainingSessionRow => ({
    id,
    org_id: moscow,
    coach_id: me,
    member_id: null,
    group_id: null,
    kind: 'individual',
    origin: 'booking',
    timetable_id: null,
    recurring_booking_id: null,
    local_date: '2026-12-08',
    time_zone: 'Europe/Moscow',
    starts_at: '2026-12-08T07:00:00Z',
    ends_at: '2026-12-08T08:00:00Z',
    buffer_before_minutes: 0,
    buffer_after_minutes: 0,
    reserved: '',
    status,
    capacity: 1,
    booked_count: 0,
    room: null,
    title: null,
    notes: null,
    cancelled_at: null,
    cancelled_by: null,
    created_at: at,
    updated_at: at,
    updated_by: null,
    deleted_at: null,
    xid: '1',
  });
  const booking = (id: string, sessionId: string, status: string): BookingRow => ({
    id,
    org_id: moscow,
    session_id: sessionId,
    coach_id: me,
    member_id: null,
    status,
    cancelled_at: null,
    created_at: at,
    updated_at: at,
    updated_by: null,
    deleted_at: null,
    xid: '1',
    guest_name: 'Гость',
    session_type_id: null,
    hold_until: status === 'pending_payment' ? '2026-12-01T10:10:00Z' : null,
  });

  it('leaves out a session whose only booking was an unpaid hold, keeps a real cancellation', () => {
    const d = {
      ...data([]),
      bookings: [booking('b1', 's1', 'expired'), booking('b2', 's2', 'cancelled_by_member')],
    };
    expect(isReleasedHold(d, session('s1', 'cancelled'))).toBe(true);
    expect(isReleasedHold(d, session('s2', 'cancelled'))).toBe(false);
    // a coach's own cancelled session with nobody booked is still shown
    expect(isReleasedHold(d, session('s3', 'cancelled'))).toBe(false);
  });

  it('tags a session held for a payment until it is paid', () => {
    const d = { ...data([]), bookings: [booking('b1', 's1', 'pending_payment')] };
    expect(awaitsPayment(d, session('s1', 'scheduled'))).toBe(true);
    expect(
      awaitsPayment(
        { ...d, bookings: [booking('b1', 's1', 'confirmed')] },
        session('s1', 'scheduled'),
      ),
    ).toBe(false);
  });
});
