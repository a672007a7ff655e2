import { describe, expect, it } from 'vitest';
import { markAllTargets, sessionDayHasCome } from './attendance-day.ts';
import { toInstant } from './zoned-time.ts';

describe('sessionDayHasCome', () => {
  const moscow = (localDate: string) => ({ localDate, timeZone: 'Europe/Moscow' });
  // 2026-12-08 21:30 UTC is already 9 December, 00:30, in Moscow
  const lateEvening = toInstant('UTC', '2026-12-08', 21 * 60 + 30);

  it('allows the session day itself and every day before it', () => {
    expect(sessionDayHasCome(moscow('2026-12-09'), lateEvening)).toBe(true);
    expect(sessionDayHasCome(moscow('2026-12-08'), lateEvening)).toBe(true);
    expect(sessionDayHasCome(moscow('2025-09-01'), lateEvening)).toBe(true);
  });

  it('refuses a later day', () => {
    expect(sessionDayHasCome(moscow('2026-12-10'), lateEvening)).toBe(false);
    expect(sessionDayHasCome(moscow('2027-01-01'), lateEvening)).toBe(false);
  });

  it('reads the day in the session’s zone, not the device’s or UTC', () => {
    // still 8 December in UTC, already 9 December in Moscow
    expect(sessionDayHasCome({ localDate: '2026-12-09', timeZone: 'UTC' }, lateEvening)).toBe(
      false,
    );
    expect(
      sessionDayHasCome({ localDate: '2026-12-09', timeZone: 'America/New_York' }, lateEvening),
    ).toBe(false);
  });

  it('reads an unknown zone as UTC, as the server does', () => {
    expect(sessionDayHasCome({ localDate: '2026-12-08', timeZone: 'Mars/Base' }, lateEvening)).toBe(
      true,
    );
    expect(sessionDayHasCome({ localDate: '2026-12-09', timeZone: 'Mars/Base' }, lateEvening)).toBe(
      false,
    );
  });

  it('only opens as time passes: allowed at the tap, still allowed when the change syncs later', () => {
    const tap = toInstant('UTC', '2026-12-09', 15 * 60);
    const sync = tap + 3 * 24 * 3600_000;
    const session = moscow('2026-12-09');
    expect(sessionDayHasCome(session, tap)).toBe(true);
    expect(sessionDayHasCome(session, sync)).toBe(true);
  });
});

describe('markAllTargets', () => {
  it('takes only the athletes with no mark, in order', () => {
    expect(
      markAllTargets([
        { id: 'a', status: null },
        { id: 'b', status: 'absent' },
        { id: 'c', status: null },
        { id: 'd', status: 'excused' },
        { id: 'e', status: 'trial' },
        { id: 'f', status: 'present' },
      ]),
    ).toEqual(['a', 'c']);
  });

  it('is empty when everyone is marked or nobody is there', () => {
    expect(markAllTargets([{ id: 'a', status: 'absent' }])).toEqual([]);
    expect(markAllTargets([])).toEqual([]);
  });
});
