import { describe, expect, it } from 'vitest';
import {
  coachPageNavigation,
  coachSlugSchema,
  isValidSlug,
  normalizeSlug,
  slugProblem,
} from './coach-slug.ts';

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

describe('coach page navigations', () => {
  it('are the slug-shaped single segments the app does not own', () => {
    const re = coachPageNavigation();
    for (const path of ['/volkov', '/Volkov', '/volkov?lang=en', '/igor-volkov']) {
      expect(re.test(path), path).toBe(true);
    }
    for (const path of [
      '/',
      '/today',
      '/Today',
      '/sign-in',
      '/storefront?x=1',
      '/index.html',
      '/assets/app.js',
      '/volkov/book',
      '/org/abc/members',
      '/ab',
    ]) {
      expect(re.test(path), path).toBe(false);
    }
  });
});
