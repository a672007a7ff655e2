import { describe, expect, it } from 'vitest';
import type { ClubCell } from '../../domain/club-analytics.ts';
import { toCsv } from '../../domain/csv.ts';
import { clubCsvRows } from './club-analytics-export.ts';

const cell = (over: Partial<ClubCell>): ClubCell => ({
  figure: 'revenue',
  period: '2026-03',
  dimension: '',
  label: '',
  value: 990000,
  people: 7,
  suppressed: false,
  currency: 'RUB',
  computed_at: '2026-03-20T09:00:00+00:00',
  ...over,
});

describe('clubCsvRows', () => {
  it('writes a line per cell: money in roubles, hidden cells with no value and marked', () => {
    const rows = clubCsvRows(
      [
        cell({}),
        cell({ dimension: 'p1', label: '=Футболка', value: null, people: null, suppressed: true }),
        cell({
          figure: 'members',
          dimension: '',
          value: 19,
          people: 19,
          currency: null,
        }),
      ],
      (p) => `«${p}»`,
    );
    expect(rows).toEqual([
      ['Показатель', 'Период', 'Разрез', 'Значение', 'Человек', 'Валюта', 'Статус'],
      ['Спортсмены клуба', '«2026-03»', 'Весь клуб', 19, 19, null, ''],
      ['Выручка по товарам', '«2026-03»', 'Итого', 9900, 7, 'RUB', ''],
      ['Выручка по товарам', '«2026-03»', '=Футболка', null, null, 'RUB', 'скрыто'],
    ]);
    // a product named like a formula stays text in a spreadsheet
    expect(toCsv(rows)).toContain("'=Футболка");
  });
});
