import { describe, expect, it } from 'vitest';
import {
  firstLockedWeek,
  formatDistance,
  formatPace,
  intensityOf,
  isWorkoutType,
  openWeeks,
  slotDate,
  slotOf,
  weekAhead,
  weekOpensOn,
  weeksBegun,
  weeksTouched,
  workoutsOn,
} from './plan-day.ts';

const plan = { startDate: '2026-12-07', weeks: 52, unlockedWeeks: null };
const w = (week: number, day: number, position = 0, id = `${week}/${day}/${position}`) => ({
  id,
  week,
  day,
  position,
});

describe('slots and dates', () => {
  it('puts week 1 day 1 on the start date and counts on from it', () => {
    expect(slotDate('2026-12-07', { week: 1, day: 1 })).toBe('2026-12-07');
    expect(slotDate('2026-12-07', { week: 1, day: 7 })).toBe('2026-12-13');
    expect(slotDate('2026-12-07', { week: 2, day: 1 })).toBe('2026-12-14');
    expect(slotDate('2026-12-28', { week: 1, day: 5 })).toBe('2027-01-01');
  });

  it('finds the slot of a date, and none outside the plan', () => {
    expect(slotOf(plan, '2026-12-07')).toEqual({ week: 1, day: 1 });
    expect(slotOf(plan, '2026-12-16')).toEqual({ week: 2, day: 3 });
    expect(slotOf(plan, '2026-12-06')).toBeNull();
    // the plan's last day, and the day after it
    expect(slotOf(plan, slotDate(plan.startDate, { week: 52, day: 7 }))).toEqual({
      week: 52,
      day: 7,
    });
    expect(slotOf(plan, slotDate(plan.startDate, { week: 53, day: 1 }))).toBeNull();
  });

  it('round-trips every slot of a long plan', () => {
    for (let week = 1; week <= 52; week++) {
      for (let day = 1; day <= 7; day++) {
        expect(slotOf(plan, slotDate(plan.startDate, { week, day }))).toEqual({ week, day });
      }
    }
  });
});

describe('workouts on a date', () => {
  const workouts = [w(1, 1, 1, 'b'), w(1, 1, 0, 'a'), w(1, 2), w(2, 1), w(3, 4)];

  it('lists the day’s workouts in their order', () => {
    expect(workoutsOn(plan, workouts, '2026-12-07').map((x) => x.id)).toEqual(['a', 'b']);
    expect(workoutsOn(plan, workouts, '2026-12-09')).toEqual([]);
    expect(workoutsOn(plan, workouts, '2026-12-01')).toEqual([]);
  });

  it('hides a locked week’s workouts', () => {
    const sold = { ...plan, unlockedWeeks: 1 };
    expect(workoutsOn(sold, workouts, '2026-12-14')).toEqual([]);
    expect(workoutsOn({ ...sold, unlockedWeeks: 2 }, workouts, '2026-12-14')).toHaveLength(1);
  });

  it('gives the seven days after today that have workouts', () => {
    const ahead = weekAhead(plan, workouts, '2026-12-07');
    expect(ahead.map((d) => d.date)).toEqual(['2026-12-08', '2026-12-14']);
    // today itself is not «ahead»; a week later is the last day
    expect(weekAhead(plan, workouts, '2026-12-06').map((d) => d.date)).toEqual([
      '2026-12-07',
      '2026-12-08',
    ]);
  });
});

describe('weeks', () => {
  it('names the weeks a stretch of days touches, only within the plan', () => {
    expect(weeksTouched(plan, '2026-12-07', 1)).toEqual([1]);
    expect(weeksTouched(plan, '2026-12-10', 8)).toEqual([1, 2]);
    expect(weeksTouched(plan, '2026-11-01', 8)).toEqual([]);
  });

  it('opens all weeks, or those unlocked', () => {
    expect(openWeeks(plan)).toBe(52);
    expect(openWeeks({ ...plan, unlockedWeeks: 3 })).toBe(3);
    expect(openWeeks({ ...plan, weeks: 2, unlockedWeeks: 5 })).toBe(2);
  });

  it('names the first locked week in view and the day it opens', () => {
    const sold = { ...plan, unlockedWeeks: 1 };
    expect(firstLockedWeek(sold, '2026-12-10', 8)).toBe(2);
    expect(firstLockedWeek(sold, '2026-12-07', 7)).toBeNull();
    expect(weekOpensOn(sold, 2)).toBe('2026-12-14');
  });

  it('counts the weeks begun by a date (what the unlocking job writes)', () => {
    expect(weeksBegun(plan, '2026-12-01')).toBe(1);
    expect(weeksBegun(plan, '2026-12-07')).toBe(1);
    expect(weeksBegun(plan, '2026-12-13')).toBe(1);
    expect(weeksBegun(plan, '2026-12-14')).toBe(2);
    expect(weeksBegun({ startDate: '2026-12-07', weeks: 2 }, '2027-06-01')).toBe(2);
  });
});

describe('formats', () => {
  it('writes a pace as m:ss', () => {
    expect(formatPace(330)).toBe('5:30');
    expect(formatPace(125)).toBe('2:05');
    expect(formatPace(1200)).toBe('20:00');
  });

  it('writes a distance in metres or kilometres', () => {
    expect(formatDistance(400)).toEqual({ value: '400', unit: 'm' });
    expect(formatDistance(1000)).toEqual({ value: '1', unit: 'km' });
    expect(formatDistance(10500)).toEqual({ value: '10.5', unit: 'km' });
  });
});

describe('intensity', () => {
  const none = { intensity: null, pace_s_per_km: null, hr_zone: null, rpe: null };
  it('reads the one measure the columns name', () => {
    expect(intensityOf({ ...none, intensity: 'pace', pace_s_per_km: 300 })).toEqual({
      kind: 'pace',
      secondsPerKm: 300,
    });
    expect(intensityOf({ ...none, intensity: 'hr_zone', hr_zone: 2 })).toEqual({
      kind: 'hr_zone',
      zone: 2,
    });
    expect(intensityOf({ ...none, intensity: 'rpe', rpe: 7 })).toEqual({ kind: 'rpe', rpe: 7 });
    expect(intensityOf(none)).toBeNull();
    // a half-written row (the database refuses it) reads as none
    expect(intensityOf({ ...none, intensity: 'pace' })).toBeNull();
  });

  it('knows the five workout types', () => {
    expect(isWorkoutType('intervals')).toBe(true);
    expect(isWorkoutType('swim')).toBe(false);
  });
});
