import { describe, expect, it } from 'vitest';
import { calendarZone, type BookingData } from './booking-data.ts';

const me = '00000000-0000-4000-8000-0000000000c1';
const moscow = '00000000-0000-4000-8000-0000000000a1';
const omsk = '00000000-0000-4000-8000-0000000000a2';

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
      { id: 's1', org_id: moscow, coach_id: me, time_zone: 'Europe/Moscow' },
      { id: 's2', org_id: omsk, coach_id: me, time_zone: 'Asia/Omsk' },
    ]);
    expect(calendarZone(both, omsk)).toBe('Asia/Omsk');
    expect(calendarZone(both, moscow)).toBe('Europe/Moscow');
  });

  it("falls back to the coach's settings elsewhere, then to the club's zone", () => {
    expect(
      calendarZone(
        data([{ id: 's1', org_id: moscow, coach_id: me, time_zone: 'Europe/Moscow' }]),
        omsk,
      ),
    ).toBe('Europe/Moscow');
    expect(calendarZone(data([]), omsk)).toBe('Asia/Omsk');
    expect(calendarZone(data([]), null)).toBe('Europe/Moscow');
  });
});
