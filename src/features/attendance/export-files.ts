// The roster and a season's attendance as XLSX or CSV files, built on the device
// from its local data (so exports work offline) and handed to the browser as a
// download. Loaded on demand: the writers never weigh on the roster's first load.
import { toCsv, type Cell } from '../../domain/csv.ts';
import { buildXlsx, XLSX_MIME } from '../../domain/xlsx.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import { downloadFile } from '../../ui/download-file.ts';
import { attendanceStrings as t } from './attendance-strings.ts';
import { attendanceSheet, rosterSheet } from './export-data.ts';

export type ExportFormat = 'xlsx' | 'csv';

function save(rows: Cell[][], sheet: string, basename: string, format: ExportFormat): void {
  if (format === 'csv') downloadFile(toCsv(rows), `${basename}.csv`, 'text/csv;charset=utf-8');
  else downloadFile(buildXlsx([{ name: sheet, rows }]), `${basename}.xlsx`, XLSX_MIME);
}

/** the athletes with the given ids (the roster as filtered on screen), in that order */
export async function exportRoster(
  engine: SyncEngine,
  athleteIds: readonly string[],
  format: ExportFormat,
  date: string,
): Promise<void> {
  save(await rosterSheet(engine.db, athleteIds), t.sheetRoster, `roster-${date}`, format);
}

/** the season's register of every group the user marks, as of `now` (epoch ms; the caller's clock) */
export async function exportAttendance(
  engine: SyncEngine,
  season: string,
  format: ExportFormat,
  now: number = Date.now(),
): Promise<void> {
  const rows = await attendanceSheet(engine.db, engine.userId, season, now);
  save(rows, `${t.sheetAttendance} ${season}`, `attendance-${season}`, format);
}
