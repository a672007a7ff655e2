import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  overlapsSeason,
  seasonBounds,
  toSnapshot,
  userSubscriptionSchema,
} from './subscriptions.ts';

const day = fc
  .date({
    min: new Date('2022-01-01T00:00:00Z'),
    max: new Date('2028-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('season overlap', () => {
  it('runs 1 September to 31 August', () => {
    expect(seasonBounds(2025)).toEqual({ start: '2025-09-01', end: '2026-08-31' });
  });

  it('keeps exactly the subscriptions whose days intersect the season', () => {
    fc.assert(
      fc.property(
        day,
        fc.option(day, { nil: null }),
        fc.integer({ min: 2022, max: 2027 }),
        (begin, end, year) => {
          const sub = userSubscriptionSchema.parse({
            id: 1,
            userId: 1,
            statusId: 2,
            beginDate: begin,
            endDate: end,
          });
          const { start, end: seasonEnd } = seasonBounds(year);
          // day by day: some day d with begin ≤ d ≤ end (or no end) and start ≤ d ≤ seasonEnd
          const from = begin > start ? begin : start;
          const to = end === null || end > seasonEnd ? seasonEnd : end;
          expect(overlapsSeason(sub, year)).toBe(from <= to);
        },
      ),
    );
  });

  it('ignores a subscription that ends before it begins (found by the property above)', () => {
    const sub = userSubscriptionSchema.parse({
      id: 1,
      userId: 1,
      statusId: 2,
      beginDate: '2026-09-02',
      endDate: '2026-09-01',
    });
    expect(overlapsSeason(sub, 2026)).toBe(false);
  });

  it('takes the date of full timestamps and never reports negative visits left', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 200 }),
        (count, visited) => {
          const snap = toSnapshot(
            userSubscriptionSchema.parse({
              id: 1,
              userId: 1,
              statusId: 2,
              beginDate: '2025-09-01T10:00:00+03:00',
              endDate: null,
              visitCount: count,
              stats: { totalPayed: 1, totalVisited: visited },
            }),
          );
          expect(snap.beginDate).toBe('2025-09-01');
          if (count === 0) expect(snap.visitsLeft).toBeNull();
          else expect(snap.visitsLeft).toBe(Math.max(count - visited, 0));
        },
      ),
    );
  });
});
