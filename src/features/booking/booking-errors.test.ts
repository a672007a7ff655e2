import { afterEach, describe, expect, it } from 'vitest';
import { english } from '../../app/english.ts';
import { useCatalogue } from '../../i18n/localized.ts';
import { bookingErrorMessage, clashesOf } from './booking-errors.ts';

afterEach(() => useCatalogue(null));

describe('booking errors', () => {
  it('say what the RPC hint means, in the interface language', () => {
    const taken = {
      message: 'this time is no longer available',
      code: '23P01',
      hint: 'slot_taken',
    };
    expect(bookingErrorMessage(taken, 409)).toBe('Это время уже заняли. Выберите другое.');
    useCatalogue(english);
    expect(bookingErrorMessage(taken, 409)).toBe('This time was just taken. Choose another.');
    expect(
      bookingErrorMessage({
        message: 'too late',
        code: 'P0001',
        hint: 'cancellation_window_passed',
      }),
    ).toMatch(/^Too late to cancel/);
  });

  it('treat a bare exclusion violation as a taken slot and keep other server words', () => {
    expect(bookingErrorMessage({ message: 'conflicting key value', code: '23P01' })).toBe(
      'Это время уже заняли. Выберите другое.',
    );
    expect(bookingErrorMessage({ message: 'something odd', code: 'XX000' }, 500)).toContain(
      'something odd',
    );
  });

  it('read the clashing dates a recurring booking reports', () => {
    const error = {
      message: 'the series clashes on 1 date(s): 2026-12-20',
      code: 'P0001',
      hint: 'recurring_conflicts',
      details:
        '[{"date": "2026-12-20", "starts_at": "2026-12-20T10:00:00+00:00", "problem": "blocked"}]',
    };
    expect(clashesOf(error)).toEqual([
      { date: '2026-12-20', startsAt: Date.UTC(2026, 11, 20, 10), problem: 'blocked' },
    ]);
    expect(clashesOf({ ...error, hint: 'slot_taken' })).toBeNull();
    expect(clashesOf({ ...error, details: 'not json' })).toBeNull();
  });
});
