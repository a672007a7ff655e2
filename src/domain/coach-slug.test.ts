import { describe, expect, it } from 'vitest';
import { coachSlugSchema, isValidSlug, normalizeSlug, slugProblem } from './coach-slug.ts';

describe('coach slugs', () => {
  it('takes 3–40 lowercase letters, digits and single inner hyphens', () => {
    for (const ok of ['volkov', 'abc', 'igor-volkov', 'coach-2', '007', 'a'.repeat(40)]) {
      expect(isValidSlug(ok), ok).toBe(true);
    }
  });

  it('says what is wrong with the rest', () => {
    expect(slugProblem('ab')).toBe('length');
    expect(slugProblem('a'.repeat(41))).toBe('length');
    expect(slugProblem('-abc')).toBe('shape');
    expect(slugProblem('abc-')).toBe('shape');
    expect(slugProblem('a--b')).toBe('shape');
    expect(slugProblem('волков')).toBe('shape');
    expect(slugProblem('a_b')).toBe('shape');
    expect(slugProblem('Volkov')).toBe('shape');
    expect(slugProblem('storefront')).toBe('reserved');
    expect(slugProblem('sign-in')).toBe('reserved');
  });

  it('lowercases what is typed, as the database does', () => {
    expect(normalizeSlug('  Volkov ')).toBe('volkov');
    expect(coachSlugSchema.parse(' Igor-Volkov')).toBe('igor-volkov');
    const refused = coachSlugSchema.safeParse('Book');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/занят/);
  });
});
