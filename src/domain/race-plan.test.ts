import { describe, expect, it } from 'vitest';
import { racePlanFirstWeek, racePlanStart } from './race-plan.ts';
import { slotDate } from './plan-day.ts';

describe('race plans count back from race day', () => {
  it('starts 7 × weeks days before the race, so the last day is the eve of the race', () => {
    // the Moscow marathon of 2027 would be on Sunday 19 September
    const start = racePlanStart('2027-09-19', 12);
    expect(start).toBe('2027-06-27');
    expect(slotDate(start, { week: 12, day: 7 })).toBe('2027-09-18');
  });

  it('counts whole days across a change of clocks, on a Sunday and on a Monday', () => {
    // Europe/Berlin springs forward on Sunday 28 March 2027 and falls back on 31 October
    expect(racePlanStart('2027-03-28', 4)).toBe('2027-02-28');
    expect(racePlanStart('2027-03-29', 4)).toBe('2027-03-01');
    expect(racePlanStart('2027-11-01', 2)).toBe('2027-10-18');
    expect(racePlanStart('2027-10-31', 1)).toBe('2027-10-24');
  });

  it('crosses a year and a leap day', () => {
    expect(racePlanStart('2028-03-05', 1)).toBe('2028-02-27');
    expect(racePlanStart('2027-01-10', 3)).toBe('2026-12-20');
  });

  it('a buyer starts in week 1 before the plan begins, in the current week after', () => {
    const start = racePlanStart('2027-09-19', 12); // 2027-06-27
    expect(racePlanFirstWeek(start, 12, '2027-05-01')).toBe(1);
    expect(racePlanFirstWeek(start, 12, '2027-06-27')).toBe(1);
    expect(racePlanFirstWeek(start, 12, '2027-07-03')).toBe(1);
    expect(racePlanFirstWeek(start, 12, '2027-07-04')).toBe(2);
    expect(racePlanFirstWeek(start, 12, '2027-07-29')).toBe(5);
    // on race day and after, the last week
    expect(racePlanFirstWeek(start, 12, '2027-09-19')).toBe(12);
    expect(racePlanFirstWeek(start, 12, '2027-12-01')).toBe(12);
  });
});
