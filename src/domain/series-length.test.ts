import { describe, expect, it } from 'vitest';
import { lastOccurrenceDate, occurrenceCount, seriesEndDate } from './series-length.ts';

describe('seriesEndDate', () => {
  it('leaves an open-ended series without an end', () => {
    expect(seriesEndDate('2026-12-07', 1, { kind: 'open' })).toEqual({ ok: true, endDate: null });
  });

  it('ends a count of weekly or two-weekly occurrences on the last one', () => {
    expect(seriesEndDate('2026-12-07', 1, { kind: 'count', count: 4 })).toEqual({
      ok: true,
      endDate: '2026-12-28',
    });
    expect(seriesEndDate('2026-12-07', 2, { kind: 'count', count: 3 })).toEqual({
      ok: true,
      endDate: '2027-01-04',
    });
    expect(seriesEndDate('2026-12-07', 1, { kind: 'count', count: 1 })).toEqual({
      ok: true,
      endDate: '2026-12-07',
    });
  });

  it('refuses a count that is not a whole number of occurrences in reach', () => {
    for (const count of [0, -1, 1.5, 105, Number.NaN]) {
      expect(seriesEndDate('2026-12-07', 1, { kind: 'count', count })).toEqual({
        ok: false,
        error: 'count',
      });
    }
  });

  it('takes an end date on or after the start, as the database does', () => {
    expect(seriesEndDate('2026-12-07', 1, { kind: 'until', date: '2026-12-07' })).toEqual({
      ok: true,
      endDate: '2026-12-07',
    });
    expect(seriesEndDate('2026-12-07', 1, { kind: 'until', date: '2026-12-06' })).toEqual({
      ok: false,
      error: 'before_start',
    });
    expect(seriesEndDate('2026-12-07', 1, { kind: 'until', date: '2026-02-30' })).toEqual({
      ok: false,
      error: 'date',
    });
    expect(seriesEndDate('2026-12-07', 1, { kind: 'until', date: '' })).toEqual({
      ok: false,
      error: 'date',
    });
  });
});

describe('occurrenceCount', () => {
  it('counts the dates a series holds to its end', () => {
    expect(occurrenceCount('2026-12-07', 1, '2026-12-28')).toBe(4);
    expect(occurrenceCount('2026-12-07', 1, '2027-01-03')).toBe(4);
    expect(occurrenceCount('2026-12-07', 2, '2027-01-04')).toBe(3);
    expect(occurrenceCount('2026-12-07', 1, '2026-12-06')).toBe(0);
  });
});

describe('lastOccurrenceDate', () => {
  it('finds the last weekly or two-weekly date on or before the end', () => {
    // 2026-12-07 is a Monday; the series is on Tuesdays (2)
    expect(lastOccurrenceDate('2026-12-07', 2, 1, '2026-12-28')).toBe('2026-12-22');
    expect(lastOccurrenceDate('2026-12-08', 2, 2, '2026-12-22')).toBe('2026-12-22');
    expect(lastOccurrenceDate('2026-12-08', 2, 2, '2026-12-21')).toBe('2026-12-08');
    expect(lastOccurrenceDate('2026-12-09', 2, 1, '2026-12-14')).toBeNull();
  });
});
