import { describe, expect, it } from 'vitest';
import {
  publicPageNavigation,
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
  it('are the coach pages, their booking pages, manage pages and checkout', () => {
    const re = publicPageNavigation();
    for (const path of [
      '/volkov',
      '/Volkov',
      '/volkov?lang=en',
      '/igor-volkov',
      '/volkov/book',
      '/volkov/book?type=x&tz=Europe%2FMoscow',
      '/volkov/book/confirm?start=2026-12-07T10:00:00Z',
      '/volkov/courses/c1000000-0000-4000-8000-000000000001',
      '/volkov/courses/c1000000-0000-4000-8000-000000000001?lang=en&sent=1',
      '/booking/0d4c…?t=abc',
      '/booking/0d4c/reschedule?t=abc',
      '/checkout/d7000000-0000-4000-8000-000000000001',
      '/checkout/d7000000/paid',
      '/partners/apply',
      '/partners/apply?lang=en&sent=1',
      '/partners/confirm?t=abc&lang=ru',
    ]) {
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
      '/volkov/other',
      '/volkov/courses',
      '/courses/c1000000-0000-4000-8000-000000000001',
      '/today/courses/c1000000-0000-4000-8000-000000000001',
      '/book',
      '/bookings',
      '/booking',
      '/checkout',
      '/partners',
      '/partners/other',
      '/platform/applications',
      '/today/book',
      '/org/abc/members',
      '/ab',
    ]) {
      expect(re.test(path), path).toBe(false);
    }
  });
});
