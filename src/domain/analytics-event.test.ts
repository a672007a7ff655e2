import { describe, expect, it } from 'vitest';
import { analyticsEventSchema, splitAnalyticsBatch } from './analytics-event.ts';

const good = {
  id: '5f0c4b3e-8a4e-4f57-9a58-0f3c2a1b9d01',
  name: 'page_view',
  page: 'volkov',
  path: '/volkov',
  referrer: 'https://t.me/',
  utm: { source: 'tg' },
  at: '2026-12-06T12:00:00.000Z',
};

describe('analyticsEventSchema', () => {
  it('takes a page view and fills what is optional', () => {
    expect(analyticsEventSchema.parse(good)).toEqual({
      ...good,
      coach: null,
      offer: null,
    });
  });

  it('takes a coach id instead of a page', () => {
    const parsed = analyticsEventSchema.parse({
      ...good,
      page: null,
      coach: 'a1000000-0000-4000-8000-000000000001',
    });
    expect(parsed.page).toBeNull();
  });

  it.each([
    ['an unknown name', { name: 'purchase' }],
    ['a bad id', { id: 'not-a-uuid' }],
    ['no coach and no page', { page: null }],
    ['a reserved page', { page: 'admin' }],
    ['a path that is not a path', { path: 'https://evil.example/' }],
    ['a long path', { path: `/${'x'.repeat(2000)}` }],
    ['a time without zone', { at: '2026-12-06 12:00' }],
    ['an offer view without its offer', { name: 'offer_view' }],
    ['an unknown utm key', { utm: { term: 'x' } }],
    ['a utm value longer than the database keeps', { utm: { source: 'x'.repeat(101) } }],
    ['a referrer that is no web address', { referrer: 'javascript:alert(1)' }],
    ['a referrer whose host is too long', { referrer: `https://${'a'.repeat(254)}/` }],
  ])('refuses %s', (_what, change) => {
    expect(analyticsEventSchema.safeParse({ ...good, ...change }).success).toBe(false);
  });
});

describe('splitAnalyticsBatch', () => {
  it('keeps the valid events with their index and gives each refusal a reason', () => {
    const batch = [good, { ...good, id: 'x' }, 42, { ...good, id: good.id.replace('01', '02') }];
    const { valid, refused } = splitAnalyticsBatch(batch);
    expect(valid.map((v) => v.index)).toEqual([0, 3]);
    expect(refused).toEqual([
      { index: 1, reason: expect.stringMatching(/^invalid id: /) as unknown },
      { index: 2, reason: expect.stringMatching(/^invalid event: /) as unknown },
    ]);
    // the reason never echoes the value
    expect(refused[0]?.reason).not.toContain('"x"');
  });
});
