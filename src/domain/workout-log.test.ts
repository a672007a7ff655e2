import { describe, expect, it } from 'vitest';
import { isWorkoutLogStatus, parseWorkoutLog, workoutLogSchema } from './workout-log.ts';

describe('workout log', () => {
  it('accepts done or skipped, an RPE 1–10 or none, a comment up to 1000 characters', () => {
    expect(workoutLogSchema.safeParse({ status: 'done', rpe: 6, comment: '' }).success).toBe(true);
    expect(workoutLogSchema.safeParse({ status: 'skipped', rpe: null, comment: 'x' }).success).toBe(
      true,
    );
    expect(
      workoutLogSchema.safeParse({ status: 'done', rpe: 10, comment: 'я'.repeat(1000) }).success,
    ).toBe(true);
  });

  it('refuses anything else', () => {
    for (const bad of [
      { status: 'late', rpe: 5, comment: '' },
      { status: 'done', rpe: 0, comment: '' },
      { status: 'done', rpe: 11, comment: '' },
      { status: 'done', rpe: 5.5, comment: '' },
      { status: 'done', rpe: 5, comment: 'я'.repeat(1001) },
    ]) {
      expect(workoutLogSchema.safeParse(bad).success).toBe(false);
    }
    expect(isWorkoutLogStatus('done')).toBe(true);
    expect(isWorkoutLogStatus('DONE')).toBe(false);
  });

  it('reads the form: an empty RPE is none, the comment trimmed, the bad field named', () => {
    expect(parseWorkoutLog({ status: 'done', rpe: ' 6 ', comment: '  хорошо ' })).toEqual({
      ok: true,
      value: { status: 'done', rpe: 6, comment: 'хорошо' },
    });
    expect(parseWorkoutLog({ status: 'skipped', rpe: '', comment: '' })).toEqual({
      ok: true,
      value: { status: 'skipped', rpe: null, comment: '' },
    });
    expect(parseWorkoutLog({ status: 'done', rpe: '12', comment: '' })).toEqual({
      ok: false,
      field: 'rpe',
    });
    expect(parseWorkoutLog({ status: 'done', rpe: 'abc', comment: '' })).toEqual({
      ok: false,
      field: 'rpe',
    });
    expect(parseWorkoutLog({ status: 'done', rpe: '', comment: 'я'.repeat(1001) })).toEqual({
      ok: false,
      field: 'comment',
    });
  });
});
