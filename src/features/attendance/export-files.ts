// The roster and a season's attendance as XLSX or CSV files, built on the device
// from its local data (so exports work offline) and handed to the browser as a
// download. Loaded on demand: the writers never weigh on the roster's first load.
import { isAttendanceStatus } from '../../domain/attendance.ts';
import { attendanceRows, type ReportMark } from '../../domain/attendance-report.ts';
import { toCsv, type Cell } from '../../domain/csv.ts';
import { seasonOfDate } from '../../domain/season.ts';
import type { SyncRow } from '../../domain/sync-outbox.ts';
import { buildXlsx, XLSX_MIME } from '../../domain/xlsx.ts';
import { toLocal } from '../../domain/zoned-time.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import { attendanceStrings as t } from './attendance-strings.ts';
import { rosterStrings } from '../roster/index.ts';
import { markableGroups } from './today-data.ts';

export type ExportFormat = 'xlsx' | 'csv';

const live = (row: SyncRow): boolean => row['deleted_at'] == null;
const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

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
  const groupName = new Map(groups.map((g) => [g.id, text(g['name']) ?? '']));
  const c = t.column;
  const rows: Cell[][] = [
    [c.athlete, c.group, c.season, c.status, c.schedule, c.rankStart, c.rankEnd, c.notes],
  ];
  for (const a of athletes) {
    if (!a || !live(a)) continue;
    const group = text(a['group_id']);
    rows.push([
      text(a['name']),
      group ? (groupName.get(group) ?? '') : rosterStrings.noGroup,
      text(a['season']),
      rosterStrings.statusName(text(a['status']) ?? 'active'),
      text(a['schedule']),
      text(a['rank_start']),
      text(a['rank_end']),
      text(a['notes']),
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
    db.rows('athletes').toArray(),
    db.rows('attendance').toArray(),
  ]);
  const groupName = new Map(groups.map((g) => [g.id, text(g['name']) ?? '']));
  const seasonSessions = sessions.filter(
    (s) =>
      live(s) &&
      s['kind'] === 'group' &&
      s['status'] !== 'cancelled' &&
      typeof s['group_id'] === 'string' &&
      groupIds.has(s['group_id']) &&
      typeof s['local_date'] === 'string' &&
      seasonOfDate(s['local_date']) === season,
  );
  const sessionIds = new Set(seasonSessions.map((s) => s.id));
  const reportMarks: ReportMark[] = marks
    .filter((m) => live(m) && sessionIds.has(String(m['session_id'])))
    .flatMap((m) =>
      isAttendanceStatus(m['status'])
        ? [
            {
              sessionId: String(m['session_id']),
              athleteId: String(m['athlete_id']),
              status: m['status'],
            },
          ]
        : [],
    );
  const markedAthletes = new Set(reportMarks.map((m) => m.athleteId));
  const people = athletes
    .filter(
      (a) =>
        live(a) &&
        ((a['status'] === 'active' && groupIds.has(String(a['group_id']))) ||
          markedAthletes.has(a.id)),
    )
    .map((a) => ({
      id: a.id,
      name: text(a['name']) ?? '',
      group: groupName.get(String(a['group_id'])) ?? '',
    }))
    .sort((a, b) => a.group.localeCompare(b.group, 'ru') || a.name.localeCompare(b.name, 'ru'));
  const rows = attendanceRows({
    athletes: people,
    sessions: seasonSessions.map((s) => {
      const zone = text(s['time_zone']) ?? 'UTC';
      const local = toLocal(zone, Date.parse(String(s['starts_at'])));
      return { id: s.id, localDate: String(s['local_date']), startMinutes: local.minutes };
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
