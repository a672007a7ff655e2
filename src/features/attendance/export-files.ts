// The roster and a season's attendance as XLSX or CSV files, built on the device
// from its local data (so exports work offline) and handed to the browser as a
// download. Loaded on demand: the writers never weigh on the roster's first load.
import { isAttendanceStatus } from '../../domain/attendance.ts';
import { attendanceRows, type ReportMark } from '../../domain/attendance-report.ts';
import { toCsv, type Cell } from '../../domain/csv.ts';
import { seasonOfDate } from '../../domain/season.ts';
import { buildXlsx, XLSX_MIME } from '../../domain/xlsx.ts';
import { toLocal } from '../../domain/zoned-time.ts';
import { isLive, liveRows } from '../../data/live-rows.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import { attendanceStrings as t } from './attendance-strings.ts';
import { rosterStrings } from '../roster/index.ts';
import { markableGroups } from './today-data.ts';

export type ExportFormat = 'xlsx' | 'csv';

/** a cell of optional text: an empty value is an empty cell, not an empty string */
const cell = (value: string | null): string | null => value || null;

/** offers a file to the user (the browser saves it) */
function download(data: Uint8Array | string, filename: string, mime: string): void {
  const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function save(rows: Cell[][], sheet: string, basename: string, format: ExportFormat): void {
  if (format === 'csv') download(toCsv(rows), `${basename}.csv`, 'text/csv;charset=utf-8');
  else download(buildXlsx([{ name: sheet, rows }]), `${basename}.xlsx`, XLSX_MIME);
}

/**
 * The athletes with the given ids (the roster as filtered on screen), in that
 * order: name, group, season, status, schedule, ranks, notes.
 */
export async function exportRoster(
  engine: SyncEngine,
  athleteIds: readonly string[],
  format: ExportFormat,
  date: string,
): Promise<void> {
  const [athletes, groups] = await Promise.all([
    engine.db.rows('athletes').bulkGet([...athleteIds]),
    engine.db.rows('training_groups').toArray(),
  ]);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const c = t.column;
  const rows: Cell[][] = [
    [c.athlete, c.group, c.season, c.status, c.schedule, c.rankStart, c.rankEnd, c.notes],
  ];
  for (const a of athletes) {
    if (!a || !isLive(a)) continue;
    rows.push([
      cell(a.name),
      a.group_id ? (groupName.get(a.group_id) ?? '') : rosterStrings.noGroup,
      cell(a.season),
      rosterStrings.statusName(a.status || 'active'),
      cell(a.schedule),
      cell(a.rank_start),
      cell(a.rank_end),
      cell(a.notes),
    ]);
  }
  save(rows, t.sheetRoster, `roster-${date}`, format);
}

/** the season's register of every group the user marks */
export async function exportAttendance(
  engine: SyncEngine,
  season: string,
  format: ExportFormat,
): Promise<void> {
  const db = engine.db;
  const [groupIds, groups, sessions, athletes, marks] = await Promise.all([
    markableGroups(db, engine.userId),
    db.rows('training_groups').toArray(),
    db.rows('training_sessions').toArray(),
    liveRows(db, 'athletes'),
    liveRows(db, 'attendance'),
  ]);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const seasonSessions = sessions.filter(
    (s) =>
      isLive(s) &&
      s.kind === 'group' &&
      s.status !== 'cancelled' &&
      s.group_id != null &&
      groupIds.has(s.group_id) &&
      seasonOfDate(s.local_date) === season,
  );
  const sessionIds = new Set(seasonSessions.map((s) => s.id));
  const reportMarks: ReportMark[] = marks
    .filter((m) => sessionIds.has(m.session_id))
    .flatMap((m) =>
      isAttendanceStatus(m.status)
        ? [{ sessionId: m.session_id, athleteId: m.athlete_id, status: m.status }]
        : [],
    );
  const markedAthletes = new Set(reportMarks.map((m) => m.athleteId));
  const people = athletes
    .filter(
      (a) => (a.status === 'active' && groupIds.has(a.group_id ?? '')) || markedAthletes.has(a.id),
    )
    .map((a) => ({
      id: a.id,
      name: a.name,
      group: groupName.get(a.group_id ?? '') ?? '',
    }))
    .sort((a, b) => a.group.localeCompare(b.group, 'ru') || a.name.localeCompare(b.name, 'ru'));
  const rows = attendanceRows({
    athletes: people,
    sessions: seasonSessions.map((s) => {
      const local = toLocal(s.time_zone || 'UTC', Date.parse(s.starts_at));
      return { id: s.id, localDate: s.local_date, startMinutes: local.minutes };
    }),
    marks: reportMarks,
    season,
    labels: {
      athlete: t.column.athlete,
      group: t.column.group,
      percent: t.column.percent,
      count: t.status,
      mark: t.statusMark,
    },
  });
  save(rows, `${t.sheetAttendance} ${season}`, `attendance-${season}`, format);
}
