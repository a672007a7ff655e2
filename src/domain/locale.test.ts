import { describe, expect, it } from 'vitest';
import { intlTag, pickLocale } from './locale.ts';

describe('pickLocale', () => {
  it('keeps the user’s own choice over the browser', () => {
    expect(pickLocale('en', ['ru-RU', 'ru'])).toBe('en');
    expect(pickLocale('ru', ['en-US'])).toBe('ru');
  });

  it('takes the first preferred language it speaks', () => {
    expect(pickLocale(null, ['de-DE', 'en-US', 'ru'])).toBe('en');
    expect(pickLocale(null, ['uk', 'RU-ru', 'en'])).toBe('ru');
  });

  it('ignores a stored value that is not a locale and falls back to Russian', () => {
    expect(pickLocale('fr', ['de', 'fr'])).toBe('ru');
    expect(pickLocale(null, [])).toBe('ru');
  });

  it('formats with day-first, 24-hour tags', () => {
    expect(intlTag('ru')).toBe('ru-RU');
    expect(intlTag('en')).toBe('en-GB');
  });
});
