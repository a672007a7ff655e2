import { describe, expect, it } from 'vitest';
import { figureTable, lastComputedAt, suppressedCells, type ClubCell } from './club-analytics.ts';

const cell = (over: Partial<ClubCell>): ClubCell => ({
  figure: 'attendance_rate',
  period: '2026-03',
  dimension: '',
  label: '',
  value: 80,
  people: 6,
  suppressed: false,
  currency: null,
  computed_at: '2026-03-20T09:00:00Z',
  ...over,
});

describe('suppressedCells', () => {
  it('hides nothing when every cell has 5 people or more', () => {
    expect(suppressedCells([5, 7, 12], [false, false, true])).toEqual([false, false, false]);
  });

  it('club versus club-minus-one: the group of everyone but one is hidden with the one', () => {
    // six athletes: a group of five, a group of one, the club
    expect(suppressedCells([1, 5, 6], [false, false, true])).toEqual([true, true, false]);
  });

  it('a lone small part with nothing else to hide takes the total with it', () => {
    expect(suppressedCells([2, 6], [false, true])).toEqual([true, true]);
  });

  it('two hidden parts of fewer than 5 people together hide one more', () => {
    expect(suppressedCells([1, 2, 9, 12], [false, false, false, true])).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('a total under 5 hides every part', () => {
    expect(suppressedCells([1, 3, 4], [false, false, true])).toEqual([true, true, true]);
  });

  it('a family without a total only hides its small cells', () => {
    expect(suppressedCells([3], [false])).toEqual([true]);
    expect(suppressedCells([8], [true])).toEqual([false]);
  });
});

describe('figureTable', () => {
  it('puts the club first, «no group» last, periods oldest first, and notes hidden cells', () => {
    const table = figureTable(
      [
        cell({ dimension: 'none', period: '2026-03', suppressed: true, value: null, people: null }),
        cell({ dimension: 'g2', label: 'Спринт', period: '2026-02' }),
        cell({ dimension: '', period: '2026-03' }),
        cell({ dimension: 'g1', label: 'Начинающие', period: '2026-03' }),
        cell({ figure: 'members', dimension: '', period: '2026-01' }),
      ],
      'attendance_rate',
    );
    expect(table.periods).toEqual(['2026-02', '2026-03']);
    expect(table.rows.map((r) => r.dimension)).toEqual(['', 'g1', 'g2', 'none']);
    expect(table.hasSuppressed).toBe(true);
  });

  it('orders ranks from the lowest to the highest and keeps the newest label', () => {
    const table = figureTable(
      [
        cell({ figure: 'rank_progression', period: '2025-2026', dimension: 'КМС', label: 'КМС' }),
        cell({
          figure: 'rank_progression',
          period: '2025-2026',
          dimension: 'III юношеский разряд',
          label: 'III юношеский разряд',
        }),
        cell({
          figure: 'revenue',
          period: '2026-01',
          dimension: 'p1',
          label: 'Old',
          currency: 'RUB',
        }),
        cell({
          figure: 'revenue',
          period: '2026-02',
          dimension: 'p1',
          label: 'New',
          currency: 'RUB',
        }),
      ],
      'rank_progression',
    );
    expect(table.rows.map((r) => r.dimension)).toEqual(['III юношеский разряд', 'КМС']);
    const revenue = figureTable(
      [
        cell({
          figure: 'revenue',
          period: '2026-02',
          dimension: 'p1',
          label: 'New',
          currency: 'RUB',
        }),
        cell({
          figure: 'revenue',
          period: '2026-01',
          dimension: 'p1',
          label: 'Old',
          currency: 'RUB',
        }),
      ],
      'revenue',
    );
    expect(revenue.rows[0]?.label).toBe('New');
  });
});

describe('lastComputedAt', () => {
  it('is the newest computed_at, or null without cells', () => {
    expect(lastComputedAt([])).toBeNull();
    expect(
      lastComputedAt([
        cell({ computed_at: '2026-03-21T09:00:00+00:00' }),
        cell({ computed_at: '2026-03-20T09:00:00+00:00' }),
      ]),
    ).toBe('2026-03-21T09:00:00+00:00');
  });
});
