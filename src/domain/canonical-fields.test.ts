import { describe, expect, it } from 'vitest';
import { canonicalFields } from './canonical-fields.ts';

describe('canonicalFields', () => {
  it('puts an athlete’s schedule in the stored form', () => {
    expect(canonicalFields('athletes', { id: 'a', schedule: 'ср 19.00,пн 8:00' })).toEqual({
      id: 'a',
      schedule: 'Пн 08:00, Ср 19:00',
    });
    expect(canonicalFields('athletes', { schedule: 'Self-booking', name: 'A' })).toEqual({
      schedule: 'Самозапись',
      name: 'A',
    });
  });

  it('leaves what it cannot read, other columns and other tables alone', () => {
    const wrong = { schedule: 'Пн 25:00' };
    expect(canonicalFields('athletes', wrong)).toBe(wrong);
    const unset = { schedule: null };
    expect(canonicalFields('athletes', unset)).toBe(unset);
    const name = { name: 'пн 8:00' };
    expect(canonicalFields('athletes', name)).toBe(name);
    const other = { schedule: 'пн 8:00' };
    expect(canonicalFields('training_groups', other)).toBe(other);
  });
});
