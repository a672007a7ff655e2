import { describe, expect, it } from 'vitest';
import { checkRecurring } from './recurring-check.ts';
import { windowOf } from './weekly-rule.ts';
import { addDays, parseLocalTime, toInstant } from './zoned-time.ts';

const zone = 'Europe/Berlin';
const at = (date: string, time: string) => toInstant(zone, date, parseLocalTime(time));

describe('checking every occurrence of a recurring booking', () => {
  const rules = {
    settings: {
      zone,
      durationMinutes: 60,
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 10,
      horizonDays: 70,
    },
    weekly: [windowOf(2, '09:00', '20:00')],
    blocked: [{ start: at('2026-04-14', '00:00'), end: at('2026-04-15', '00:00') }],
    // the 5th Tuesday is taken just before 18:00, inside the buffers
    busy: [{ start: at('2026-04-21', '16:55'), end: at('2026-04-21', '17:55') }],
  };
  const series = {
    zone,
    weekday: 2,
    startTime: parseLocalTime('18:00'),
    durationMinutes: 60,
    startDate: '2026-03-24',
    everyWeeks: 1 as const,
  };
  const now = at('2026-03-20', '12:00');

  it('finds the clash on the 5th occurrence and the blocked 4th, across the DST change', () => {
    const checked = checkRecurring(series, rules, now);
    expect(checked.map((c) => c.date).slice(0, 6)).toEqual(
      [0, 7, 14, 21, 28, 35].map((n) => addDays('2026-03-24', n)),
    );
    expect(checked.filter((c) => c.problem).map((c) => [c.date, c.problem])).toEqual([
      ['2026-04-14', 'blocked'],
      ['2026-04-21', 'taken'],
    ]);
    // to the horizon (70 days from 20 March), not just the first few weeks
    expect(checked.at(-1)?.date).toBe('2026-05-26');
  });

  it('reports occurrences outside the weekly windows', () => {
    const late = { ...series, startTime: parseLocalTime('19:30') };
    expect(new Set(checkRecurring(late, rules, now).map((c) => c.problem))).toEqual(
      new Set(['outside_availability']),
    );
  });
});
