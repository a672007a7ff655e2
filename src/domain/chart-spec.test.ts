import { describe, expect, test } from 'vitest';
import { chartTable, type ChartSpec } from './chart-spec.ts';

const words = {
  labelHeading: 'Период',
  rateOverall: 'От первого шага',
  rateFromPrevious: 'От предыдущего шага',
  missing: '—',
};
const format = (n: number) => String(n);
const percent = (n: number) => `${Math.round(n * 100)} %`;

describe('chartTable', () => {
  test('a row per label, a column per series, null as «—» with the note flagged', () => {
    const spec: ChartSpec = {
      kind: 'line',
      caption: 'По дням',
      labels: ['1 дек', '2 дек'],
      series: [
        { label: 'Просмотры', values: [5, null] },
        { label: 'Посетители за день', values: [3, 0] },
      ],
    };
    expect(chartTable(spec, words, format, percent)).toEqual({
      head: ['Период', 'Просмотры', 'Посетители за день'],
      rows: [
        { label: '1 дек', cells: ['5', '3'] },
        { label: '2 дек', cells: ['—', '0'] },
      ],
      hasMissing: true,
    });
  });

  test('no null, no note; the spec may name the first column', () => {
    const spec: ChartSpec = {
      kind: 'bar',
      caption: 'x',
      labels: ['a'],
      series: [{ label: 's', values: [1] }],
      labelHeading: 'День',
    };
    const table = chartTable(spec, words, format, percent);
    expect(table.hasMissing).toBe(false);
    expect(table.head[0]).toBe('День');
  });

  test('a funnel lists each step with its count and both rates', () => {
    const spec: ChartSpec = {
      kind: 'funnel',
      caption: 'Покупка',
      labels: ['Просмотр', 'Оформление', 'Оплата'],
      series: [{ label: 'Посетители', values: [40, 10, 5] }],
    };
    expect(chartTable(spec, words, format, percent)).toEqual({
      head: ['Период', 'Посетители', 'От первого шага', 'От предыдущего шага'],
      rows: [
        { label: 'Просмотр', cells: ['40', '100 %', ''] },
        { label: 'Оформление', cells: ['10', '25 %', '25 %'] },
        { label: 'Оплата', cells: ['5', '13 %', '50 %'] },
      ],
      hasMissing: false,
    });
  });
});
