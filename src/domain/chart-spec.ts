// What a chart shows, independent of the library that draws it: `ts-chart-figure`
// draws it and lists the same numbers in a table, so a screen reader (and anyone
// who wants the exact figure) reads what the picture shows.
import { funnelRates } from './funnel-rates.ts';

/**
 * `bar` and `line`: one bar group or line per series over the labels;
 * `stacked-bar`: the series stacked; `funnel`: the first series as horizontal
 * bars, one per step (labels are the steps), with overall and step-to-step rates.
 */
export type ChartKind = 'bar' | 'line' | 'funnel' | 'stacked-bar';

export interface ChartSeries {
  label: string;
  /** one per label; null is "no figure" (drawn as a gap, listed as «—») */
  values: readonly (number | null)[];
}

export interface ChartSpec {
  kind: ChartKind;
  caption: string;
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** how a value is written (axis, tooltip, table); the locale's integers unless told */
  format?: (n: number) => string;
  /** the table's first column heading; «Шаг» for a funnel, «Период» otherwise unless told */
  labelHeading?: string;
  /** what a null value is, when it is not "no data" (a suppressed figure: «скрыто») */
  missing?: { label: string; note: string };
}

export interface ChartTableWords {
  /** the first column's heading when the spec names none */
  labelHeading: string;
  rateOverall: string;
  rateFromPrevious: string;
  /** written for a null value */
  missing: string;
}

export interface ChartTable {
  head: string[];
  rows: { label: string; cells: string[] }[];
  /** some value was null: the table needs its note */
  hasMissing: boolean;
}

/** the table under a chart: a row per label, a column per series (a funnel adds its rates) */
export function chartTable(
  spec: ChartSpec,
  words: ChartTableWords,
  format: (n: number) => string,
  percent: (n: number) => string,
): ChartTable {
  let hasMissing = false;
  const cell = (value: number | null | undefined, write: (n: number) => string): string => {
    if (value === null || value === undefined) {
      hasMissing = true;
      return words.missing;
    }
    return write(value);
  };
  if (spec.kind === 'funnel') {
    const counts = spec.labels.map((_, i) => spec.series[0]?.values[i] ?? null);
    const rates = funnelRates(counts);
    const rows = spec.labels.map((label, i) => ({
      label,
      cells: [
        cell(counts[i], format),
        cell(rates[i]?.overall, percent),
        i === 0 ? '' : cell(rates[i]?.fromPrevious, percent),
      ],
    }));
    const head = [
      spec.labelHeading ?? words.labelHeading,
      spec.series[0]?.label ?? '',
      words.rateOverall,
      words.rateFromPrevious,
    ];
    // a rate over an empty first step is "no rate", which is not a missing figure
    return { head, rows, hasMissing: counts.some((c) => c === null) };
  }
  const rows = spec.labels.map((label, i) => ({
    label,
    cells: spec.series.map((s) => cell(s.values[i], format)),
  }));
  return {
    head: [spec.labelHeading ?? words.labelHeading, ...spec.series.map((s) => s.label)],
    rows,
    hasMissing,
  };
}
