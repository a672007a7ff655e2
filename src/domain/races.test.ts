import { describe, expect, it } from 'vitest';
import { distancesFromKm, kmText, raceFormSchema, raceWeeks } from './races.ts';

describe('a race organizer’s distances', () => {
  it('reads kilometres with a point or a comma, separated by spaces or semicolons', () => {
    expect(distancesFromKm('10; 21,097')).toEqual([10000, 21097]);
    expect(distancesFromKm('5 10 42.195')).toEqual([5000, 10000, 42195]);
    expect(distancesFromKm('10, 21,097')).toEqual([10000, 21097]);
    expect(distancesFromKm('')).toEqual([]);
    expect(distancesFromKm('десять')).toBeNull();
    expect(distancesFromKm('1.2345')).toBeNull();
  });

  it('writes them back as the form shows them', () => {
    expect(kmText(21097, 'ru')).toBe('21,097');
    expect(kmText(10000, 'en')).toBe('10');
  });

  it('refuses a distance twice or out of range, as the table does', () => {
    const race = {
      name: 'Забег',
      race_date: '2027-06-20',
      time_zone: 'Europe/Moscow',
      place: '',
      status: 'published',
    };
    expect(raceFormSchema.safeParse({ ...race, distances_m: [10000, 10000] }).success).toBe(false);
    expect(raceFormSchema.safeParse({ ...race, distances_m: [99] }).success).toBe(false);
    expect(raceFormSchema.safeParse({ ...race, distances_m: [100, 1_000_000] }).success).toBe(true);
  });
});

describe('a participant’s weeks', () => {
  it('opens the weeks the server opened and dates the rest from the plan’s start', () => {
    const weeks = raceWeeks({ weeks: 3, openWeeks: 1, firstWeek: 1, startDate: '2027-03-01' });
    expect(weeks).toEqual([
      { week: 1, state: 'open', startsOn: '2027-03-01' },
      { week: 2, state: 'locked', opensOn: '2027-03-08' },
      { week: 3, state: 'locked', opensOn: '2027-03-15' },
    ]);
  });

  it('leaves out the weeks before a late buyer’s first week, across a DST change', () => {
    const weeks = raceWeeks({ weeks: 6, openWeeks: 5, firstWeek: 5, startDate: '2027-02-22' });
    expect(weeks.slice(0, 4).every((w) => w.state === 'skipped')).toBe(true);
    expect(weeks[4]).toEqual({ week: 5, state: 'open', startsOn: '2027-03-22' });
    expect(weeks[5]).toEqual({ week: 6, state: 'locked', opensOn: '2027-03-29' });
  });
});
