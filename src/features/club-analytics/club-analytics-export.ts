// The club's figures as a CSV file (src/domain/csv.ts: `;`, BOM, formula-safe),
// built on the device from the synced cells, so it works offline. Loaded on demand.
import {
  CLUB_FIGURES,
  figureTable,
  type ClubCell,
  type ClubFigure,
} from '../../domain/club-analytics.ts';
import { toCsv, type Cell } from '../../domain/csv.ts';
import { minorDigits } from '../../domain/money.ts';
import { downloadFile } from '../../ui/download-file.ts';
import { clubAnalyticsStrings as t } from './club-analytics-strings.ts';

const titles: Record<ClubFigure, () => string> = {
  members: () => t.members.title,
  attendance_rate: () => t.attendance.title,
  rank_progression: () => t.ranks.title,
  revenue: () => t.revenue.title,
};

/** one line per cell: hidden cells keep their place with no value, marked as hidden */
export function clubCsvRows(
  cells: readonly ClubCell[],
  periodLabel: (period: string) => string,
): Cell[][] {
  const h = t.csvHead;
  const rows: Cell[][] = [
    [h.figure, h.period, h.dimension, h.value, h.people, h.currency, h.status],
  ];
  for (const figure of CLUB_FIGURES) {
    const table = figureTable(cells, figure);
    for (const period of table.periods) {
      for (const row of table.rows) {
        const cell = row.cells.get(period);
        if (!cell) continue;
        const name = row.isTotal
          ? figure === 'revenue'
            ? t.total
            : t.club
          : row.dimension === 'none'
            ? t.noGroup
            : row.label || row.dimension;
        const value =
          cell.value === null
            ? null
            : figure === 'revenue' && cell.currency
              ? cell.value / 10 ** minorDigits(cell.currency)
              : cell.value;
        rows.push([
          titles[figure](),
          periodLabel(period),
          name,
          value,
          cell.people,
          cell.currency,
          cell.suppressed ? t.hidden : '',
        ]);
      }
    }
  }
  return rows;
}

export function downloadClubCsv(
  cells: readonly ClubCell[],
  periodLabel: (period: string) => string,
): void {
  downloadFile(
    toCsv(clubCsvRows(cells, periodLabel)),
    `${t.csvFile(new Date().toISOString().slice(0, 10))}.csv`,
    'text/csv;charset=utf-8',
  );
}
