import { describe, expect, it } from 'vitest';
import {
  copyWeek,
  compliancePercent,
  formatPace,
  mondayOf,
  parsePace,
  planCompliance,
  planDayOn,
  planFieldsSchema,
  removeWeek,
  shiftStartDate,
  workoutDate,
  workoutFieldsSchema,
  type PlannedWorkout,
} from './training-plan.ts';

const base = {
  week: 1,
  day: 1,
  position: 0,
  type: 'run' as const,
  title: '',
  duration_min: 40,
  distance_m: null,
  intensity: null,
  pace_s_per_km: null,
  hr_zone: null,
  rpe: null,
  notes: '',
};

function workout(id: string, week: number, day: number, type = 'run'): PlannedWorkout {
  return { ...base, id, week, day, type: type as PlannedWorkout['type'] };
}

describe('plan calendar', () => {
  it('puts week 1 day 1 on the start date and counts on across months', () => {
    expect(workoutDate('2026-12-07', 1, 1)).toBe('2026-12-07');
    expect(workoutDate('2026-12-07', 1, 7)).toBe('2026-12-13');
    expect(workoutDate('2026-12-07', 4, 5)).toBe('2027-01-01');
  });

  it('finds the week and day of a date, none outside the plan', () => {
    expect(planDayOn('2026-12-07', 8, '2026-12-07')).toEqual({ week: 1, day: 1 });
    expect(planDayOn('2026-12-07', 8, '2026-12-16')).toEqual({ week: 2, day: 3 });
    expect(planDayOn('2026-12-07', 8, '2026-12-06')).toBeNull();
    expect(planDayOn('2026-12-07', 1, '2026-12-14')).toBeNull();
    expect(planDayOn('2026-12-07', 1, '2026-12-13')).toEqual({ week: 1, day: 7 });
  });

  it('shifts the start either way and finds a Monday', () => {
    expect(shiftStartDate('2026-12-07', 3)).toBe('2026-12-10');
    expect(shiftStartDate('2026-12-07', -7)).toBe('2026-11-30');
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2026-12-13')).toBe('2026-12-07');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });
});

describe('pace', () => {
  it('reads mm:ss and writes it back', () => {
    expect(parsePace('5:30')).toBe(330);
    expect(parsePace(' 05:07 ')).toBe(307);
    expect(parsePace('5:60')).toBeNull();
    expect(parsePace('5.30')).toBeNull();
    expect(formatPace(330)).toBe('5:30');
    expect(formatPace(307)).toBe('5:07');
  });
});

describe('schemas', () => {
  it('takes a workout whose intensity value matches the intensity', () => {
    expect(workoutFieldsSchema.safeParse(base).success).toBe(true);
    expect(
      workoutFieldsSchema.safeParse({ ...base, intensity: 'pace', pace_s_per_km: 330 }).success,
    ).toBe(true);
    expect(workoutFieldsSchema.safeParse({ ...base, intensity: 'rpe', rpe: 7 }).success).toBe(true);
  });

  it('refuses a missing or a stray intensity value, and out-of-range numbers', () => {
    expect(workoutFieldsSchema.safeParse({ ...base, intensity: 'pace' }).success).toBe(false);
    expect(workoutFieldsSchema.safeParse({ ...base, hr_zone: 3 }).success).toBe(false);
    expect(
      workoutFieldsSchema.safeParse({ ...base, intensity: 'hr_zone', hr_zone: 6 }).success,
    ).toBe(false);
    expect(
      workoutFieldsSchema.safeParse({ ...base, intensity: 'pace', pace_s_per_km: 119 }).success,
    ).toBe(false);
    expect(workoutFieldsSchema.safeParse({ ...base, duration_min: 0 }).success).toBe(false);
    expect(workoutFieldsSchema.safeParse({ ...base, day: 8 }).success).toBe(false);
    expect(workoutFieldsSchema.safeParse({ ...base, type: 'swim' }).success).toBe(false);
  });

  it('trims a plan title and bounds the weeks', () => {
    const ok = planFieldsSchema.safeParse({ title: '  База ', description: '', weeks: 8 });
    expect(ok.success && ok.data.title).toBe('База');
    expect(planFieldsSchema.safeParse({ title: '   ', description: '', weeks: 8 }).success).toBe(
      false,
    );
    expect(planFieldsSchema.safeParse({ title: 'x', description: '', weeks: 105 }).success).toBe(
      false,
    );
  });
});

describe('copy and remove weeks', () => {
  const plan = [workout('a', 1, 1), workout('b', 1, 3), workout('c', 2, 2), workout('d', 3, 1)];
  let n = 0;
  const newId = () => `new-${++n}`;

  it('copies a week onto another, replacing what it held', () => {
    n = 0;
    const edits = copyWeek(plan, 1, 2, newId);
    expect(edits.deletes).toEqual(['c']);
    expect(edits.inserts.map((w) => [w.id, w.week, w.day])).toEqual([
      ['new-1', 2, 1],
      ['new-2', 2, 3],
    ]);
    expect(copyWeek(plan, 2, 2, newId)).toEqual({ inserts: [], updates: [], deletes: [] });
  });

  it('removes a week and moves the later ones up', () => {
    const edits = removeWeek(plan, 2);
    expect(edits.deletes).toEqual(['c']);
    expect(edits.updates).toEqual([{ id: 'd', week: 2 }]);
  });
});

describe('compliance', () => {
  const start = '2026-12-07';
  const plan = [
    workout('w1', 1, 1),
    workout('w2', 1, 2, 'rest'),
    workout('w3', 1, 3),
    workout('w4', 2, 1),
    workout('w5', 2, 4),
  ];

  it('counts non-rest workouts up to today, done over due, per week', () => {
    const c = planCompliance(
      start,
      2,
      plan,
      [
        { workout_id: 'w1', status: 'done' },
        { workout_id: 'w3', status: 'skipped' },
        { workout_id: 'w2', status: 'done' },
      ],
      '2026-12-14',
    );
    expect(c.weeks).toEqual([
      { week: 1, done: 1, due: 2 },
      { week: 2, done: 0, due: 1 },
    ]);
    expect([c.done, c.due]).toEqual([1, 3]);
  });

  it('counts a workout done ahead of its day, and nothing before the start', () => {
    const c = planCompliance(start, 2, plan, [{ workout_id: 'w5', status: 'done' }], '2026-12-06');
    expect(c.weeks).toEqual([
      { week: 1, done: 0, due: 0 },
      { week: 2, done: 1, due: 1 },
    ]);
  });

  it('gives a percent only when something was due', () => {
    expect(compliancePercent(1, 3)).toBe(33);
    expect(compliancePercent(0, 0)).toBeNull();
  });
});
