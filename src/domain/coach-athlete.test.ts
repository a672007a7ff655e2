import { describe, expect, it } from 'vitest';
import { coachAthleteFormSchema } from './coach-athlete.ts';

describe('coach–athlete form', () => {
  const form = { kind: 'coaching', starts_on: '2026-12-07', ends_on: null, notes: '' };

  it('takes an open-ended or a dated relationship', () => {
    expect(coachAthleteFormSchema.safeParse(form).success).toBe(true);
    expect(coachAthleteFormSchema.safeParse({ ...form, ends_on: '2026-12-07' }).success).toBe(true);
  });

  it('refuses an end before the start, a bad kind or date', () => {
    expect(coachAthleteFormSchema.safeParse({ ...form, ends_on: '2026-12-06' }).success).toBe(
      false,
    );
    expect(coachAthleteFormSchema.safeParse({ ...form, kind: 'mentoring' }).success).toBe(false);
    expect(coachAthleteFormSchema.safeParse({ ...form, starts_on: '2026-02-30' }).success).toBe(
      false,
    );
    expect(coachAthleteFormSchema.safeParse({ ...form, notes: 'я'.repeat(2001) }).success).toBe(
      false,
    );
  });
});
