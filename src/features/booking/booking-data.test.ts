import { describe, expect, it } from 'vitest';
import type { CoachSettingRow } from '../../data/synced-rows.ts';
import { calendarZone, type BookingData } from './booking-data.ts';

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
