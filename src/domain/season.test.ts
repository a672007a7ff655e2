import { describe, expect, it } from 'vitest';
import {
  currentSeason,
  isValidSeason,
  nextSeason,
  previousSeason,
  seasonBounds,
  seasonOfDate,
} from './season.ts';
import { seasonSchema } from './season-schema.ts';
import { DAY, HOUR, daysFromCivil } from './zoned-time.ts';

describe('seasonSchema', () => {
  it.each(['2024-2025', '1999-2000', '2098-2099', null])('accepts %j', (v) => {
    expect(seasonSchema.safeParse(v).success).toBe(true);
  });

  it.each(['2024-2026', '2025-2024', '2024/2025', '24-25', '2024-2025 ', '1899-1900', ''])(
    'refuses %j',
    (v) => {
      expect(isValidSeason(v)).toBe(false);
    },
  );
});

describe('seasons on the calendar', () => {
  it('starts on 1 September', () => {
    expect(seasonOfDate('2024-08-31')).toBe('2023-2024');
    expect(seasonOfDate('2024-09-01')).toBe('2024-2025');
    expect(seasonOfDate('2025-01-15')).toBe('2024-2025');
    expect(seasonBounds('2024-2025')).toEqual({ start: '2024-09-01', end: '2025-08-31' });
  });

  it("reads the date in the club's zone, from an injected clock", () => {
    // 2024-08-31T21:30Z is already 1 September in Moscow (UTC+3), still August in London
    const clock = { now: () => daysFromCivil(2024, 8, 31) * DAY + 21.5 * HOUR };
    expect(currentSeason(clock, 'Europe/Moscow')).toBe('2024-2025');
    expect(currentSeason(clock, 'Europe/London')).toBe('2023-2024');
  });

  it('steps forward and back', () => {
    expect(nextSeason('2024-2025')).toBe('2025-2026');
    expect(previousSeason('2024-2025')).toBe('2023-2024');
    expect(() => nextSeason('2024')).toThrow(RangeError);
  });
});
