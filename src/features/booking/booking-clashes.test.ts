import { describe, expect, it } from 'vitest';
import { describeError } from '../../data/describe-error.ts';
import { clashesOf } from './booking-clashes.ts';

describe('booking clashes', () => {
  it('read the clashing dates a recurring booking reports', () => {
    const error = {
      message: 'the series clashes on 1 date(s): 2026-12-20',
      code: 'P0001',
      hint: 'recurring_conflicts',
      details:
        '[{"date": "2026-12-20", "starts_at": "2026-12-20T10:00:00+00:00", "problem": "blocked"}]',
    };
    expect(clashesOf(describeError(error))).toEqual([
      { date: '2026-12-20', startsAt: Date.UTC(2026, 11, 20, 10), problem: 'blocked' },
    ]);
    // taken dates come as a conflict (409) with the same list
    expect(clashesOf(describeError({ ...error, code: '23P01', hint: 'slot_taken' }))).toEqual([
      { date: '2026-12-20', startsAt: Date.UTC(2026, 11, 20, 10), problem: 'blocked' },
    ]);
    expect(clashesOf(describeError({ ...error, hint: 'too_soon' }))).toBeNull();
    expect(clashesOf(describeError({ ...error, details: 'not json' }))).toBeNull();
  });
});
