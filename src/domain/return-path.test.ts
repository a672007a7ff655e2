import { describe, expect, it } from 'vitest';
import { returnPathOf, signInPath } from './return-path.ts';

describe('sign-in return path', () => {
  it('round-trips a page path with its query and hash', () => {
    const link = signInPath('/coach/anna?tab=courses#book');
    expect(link).toBe('/sign-in?return=%2Fcoach%2Fanna%3Ftab%3Dcourses%23book');
    const search = new URL(link, 'https://app.example').searchParams;
    expect(returnPathOf(search)).toBe('/coach/anna?tab=courses#book');
  });

  it('links home and the sign-in page itself to a plain sign-in', () => {
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('/sign-in?return=%2Fx')).toBe('/sign-in');
  });

  it('refuses anything that would leave the origin or loop', () => {
    for (const bad of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '/sign-in',
      '/a\nb',
      '',
    ]) {
      expect(returnPathOf(new URLSearchParams({ return: bad }))).toBeNull();
    }
    expect(returnPathOf(new URLSearchParams())).toBeNull();
  });
});
