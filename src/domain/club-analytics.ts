// A club's aggregate figures (public.club_analytics_cells): the suppression rule
// the database applies, and how a dashboard lays the synced cells out.
//
// The rule (private.club_suppression in 20261206162000_club_analytics.sql, the
// same verdicts, tests/db/club-analytics-agreement.test.ts): a cell from fewer
// than K people is hidden; in a family of parts that add up to a total, once a
// part is hidden the next smallest parts are hidden with it until at least two
// parts of K people or more together are hidden, or the total when no part is
// left; a total under K hides every part. So no hidden part is the total minus
// the shown ones — "the club" and "the club minus one athlete" never both show.
import { isRank, rankIndex } from './rank.ts';

/** the fewest distinct people a shown figure may come from */
export const K_ANONYMITY = 5;

export const CLUB_FIGURES = ['members', 'attendance_rate', 'rank_progression', 'revenue'] as const;
export type ClubFigure = (typeof CLUB_FIGURES)[number];

/**
 * Which cells of one family are hidden. `people[i]` is cell i's distinct
 * people, `isTotal[i]` marks the family's total (at most one); ties among
 * parts go to the earlier index, so callers sort by people, value, dimension.
 */
export function suppressedCells(
  people: readonly number[],
  isTotal: readonly boolean[],
  k: number = K_ANONYMITY,
): boolean[] {
  const hidden = people.map((p) => p < k);
  const total = isTotal.findIndex((t) => t);
  if (total >= 0 && hidden[total]) return people.map(() => true);
  const parts = people.map((_, i) => i).filter((i) => i !== total);
  let count = 0;
  let sum = 0;
  for (const i of parts) {
    if (hidden[i]) {
      count += 1;
      sum += people[i] ?? 0;
    }
  }
  while (count > 0 && (count < 2 || sum < k)) {
    let next = -1;
    for (const i of parts) {
      if (!hidden[i] && (next < 0 || (people[i] ?? 0) < (people[next] ?? 0))) next = i;
    }
    if (next < 0) {
      if (total >= 0) hidden[total] = true;
      break;
    }
    hidden[next] = true;
    count += 1;
    sum += people[next] ?? 0;
  }
  return hidden;
}

/** the columns of a synced cell this module reads (ClubAnalyticsCellRow has them) */
export interface ClubCell {
  figure: string;
  period: string;
  dimension: string;
  label: string;
  value: number | null;
  people: number | null;
  suppressed: boolean;
  currency: string | null;
  computed_at: string;
}

/** the club's own figure: '' (or 'total:RUB' when a month had several currencies) */
export function isTotalDimension(dimension: string): boolean {
  return dimension === '' || dimension.startsWith('total:');
}

export interface FigureRow {
  dimension: string;
  /** the group's, product's or rank's name; '' for the club's total and «no group» */
  label: string;
  isTotal: boolean;
  currency: string | null;
  /** by period; a period without a cell has no entry */
  cells: ReadonlyMap<string, ClubCell>;
}

export interface FigureTable {
  figure: ClubFigure;
  /** oldest first */
  periods: string[];
  /** the club's total first, then the rest by label */
  rows: FigureRow[];
  /** some cell is hidden: the page explains why */
  hasSuppressed: boolean;
}

/** one figure's cells as a table of periods × dimensions */
export function figureTable(cells: readonly ClubCell[], figure: ClubFigure): FigureTable {
  const mine = cells.filter((c) => c.figure === figure);
  const periods = [...new Set(mine.map((c) => c.period))].sort();
  const byRow = new Map<
    string,
    FigureRow & { cells: Map<string, ClubCell>; labelPeriod: string }
  >();
  for (const c of mine) {
    const key = `${c.dimension}\u0000${c.currency ?? ''}`;
    let row = byRow.get(key);
    if (!row) {
      row = {
        dimension: c.dimension,
        label: c.label,
        isTotal: isTotalDimension(c.dimension),
        currency: c.currency,
        cells: new Map(),
        labelPeriod: c.period,
      };
      byRow.set(key, row);
    }
    // the newest period's label wins (a renamed group or product)
    if (c.period > row.labelPeriod) {
      row.label = c.label;
      row.labelPeriod = c.period;
    }
    row.cells.set(c.period, c);
  }
  const rankOrder = (r: FigureRow) => (isRank(r.dimension) ? rankIndex(r.dimension) : -1);
  const rows = [...byRow.values()]
    .sort((a, b) => {
      if (a.isTotal !== b.isTotal) return a.isTotal ? -1 : 1;
      if (a.dimension === 'none' || b.dimension === 'none') return a.dimension === 'none' ? 1 : -1;
      if (figure === 'rank_progression') return rankOrder(a) - rankOrder(b);
      return a.label.localeCompare(b.label, 'ru') || a.dimension.localeCompare(b.dimension);
    })
    .map(({ dimension, label, isTotal, currency, cells: byPeriod }) => ({
      dimension,
      label,
      isTotal,
      currency,
      cells: byPeriod,
    }));
  return { figure, periods, rows, hasSuppressed: mine.some((c) => c.suppressed) };
}

/**
 * when the newest of the cells was computed, or null without cells; the server
 * writes every timestamp in one UTC form, so the text orders as the instant
 */
export function lastComputedAt(cells: readonly ClubCell[]): string | null {
  let last: string | null = null;
  for (const c of cells) {
    if (last === null || c.computed_at > last) last = c.computed_at;
  }
  return last;
}
