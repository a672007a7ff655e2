// The report as an XLSX workbook (xlsx.ts): a summary sheet with the header
// facts and figures, then one sheet per table (months, results, ranks).
import type { Cell } from '../../domain/csv.ts';
import type { Sheet } from '../../domain/xlsx.ts';
import type { ReportDocument } from './report-document.ts';
import { reportsStrings as t } from './reports-strings.ts';

export function reportSheets(doc: ReportDocument): Sheet[] {
  const summary: Cell[][] = [
    [t.file.indicator, t.file.value],
    ...doc.facts,
    ...doc.summary,
    [doc.made, null],
  ];
  return [
    { name: t.file.sheetSummary, rows: summary },
    ...doc.tables.map((table) => ({
      name: table.title,
      rows: [table.head, ...(table.rows.length > 0 ? table.rows : [[table.empty]])],
    })),
  ];
}
