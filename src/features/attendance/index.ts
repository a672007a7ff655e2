// The attendance feature's public entry: what other features may use.
export { attendanceStrings } from './attendance-strings.ts';
export { readAthleteMarks } from './athlete-marks-data.ts';
export { todayOf } from './today-data.ts';
export type { ExportFormat } from './export-files.ts';

/** the XLSX/CSV exports, in their own chunk: loaded when the coach asks for a file */
export const loadExports = () => import('./export-files.ts');
