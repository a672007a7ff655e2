import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIST_QUERY,
  defaultStatsPeriod,
  filterBy,
  pageCount,
  pageRange,
  sortBy,
} from './partner-application-list.ts';

describe('the applications list query', () => {
  it('flips a column pressed twice and starts text A–Z, dates newest first', () => {
    const byName = sortBy({ ...DEFAULT_LIST_QUERY, page: 3 }, 'company_name');
    expect(byName).toMatchObject({ sort: 'company_name', ascending: true, page: 0 });
    expect(sortBy(byName, 'company_name').ascending).toBe(false);
    expect(sortBy(byName, 'decided_at').ascending).toBe(false);
  });

  it('filters by known values only, back to the first page', () => {
    const q = filterBy({ ...DEFAULT_LIST_QUERY, page: 2 }, { status: 'reviewing', type: 'x' });
    expect(q).toMatchObject({ status: 'reviewing', type: null, page: 0 });
    expect(filterBy(q, { type: 'referral' })).toMatchObject({
      status: 'reviewing',
      type: 'referral',
    });
    expect(filterBy(q, { status: '' }).status).toBeNull();
  });

  it('pages by 20', () => {
    expect(pageRange(0)).toEqual([0, 19]);
    expect(pageRange(2)).toEqual([40, 59]);
    expect(pageCount(0)).toBe(1);
    expect(pageCount(41)).toBe(3);
  });

  it('opens the statistics on the last 12 weeks', () => {
    // 2026-12-06T23:30:00Z
    expect(defaultStatsPeriod(1_796_599_800_000)).toEqual({
      from: '2026-09-14',
      to: '2026-12-06',
    });
  });
});
