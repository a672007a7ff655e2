// The rows of the roster and attendance exports, read from the device's data
// (so exports work offline). export-files.ts writes them as XLSX or CSV; both
// load on demand, with the export.
import { isAttendanceStatus } from '../../domain/attendance.ts';
import { sessionDayHasCome } from '../../domain/attendance-day.ts';
import { attendanceRows, type ReportMark } from '../../domain/attendance-report.ts';
import type { Cell } from '../../domain/csv.ts';
import { seasonOfDate } from '../../domain/season.ts';
import { toLocal } from '../../domain/zoned-time.ts';
import { isLive, liveRows } from '../../data/live-rows.ts';
import type { UserDatabase } from '../../data/open-user-database.ts';
import { attendanceStrings as t } from './attendance-strings.ts';
import { rosterStrings } from '../roster/index.ts';
import { markableGroups } from './today-data.ts';

/** a cell of optional text: an empty value is an empty cell, not an empty string */
const cell = (value: string | null): string | null => value || null;

/**
 * The athletes with the given ids (the roster as filtered on screen), in that
 * order: name, group, season, status, schedule, ranks, notes.
 */
export async function rosterSheet(
  db: UserDatabase,
  athleteIds: readonly string[],
): Promise<Cell[][]> {
  const [athletes, groups] = await Promise.all([
    db.rows('athletes').bulkGet([...athleteIds]),
    db.rows('training_groups').toArray(),
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
  return rows;
}

/** the season's register of every group the user marks, up to `now` (epoch ms) */
export async function attendanceSheet(
  db: UserDatabase,
  userId: string,
  season: string,
  now: number,
): Promise<Cell[][]> {
  const [groupIds, groups, sessions, athletes, marks] = await Promise.all([
    markableGroups(db, userId),
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
  const sessionIds = new Set(
    seasonSessions
      .filter((s) => sessionDayHasCome({ localDate: s.local_date, timeZone: s.time_zone }, now))
      .map((s) => s.id),
  );
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
  return attendanceRows({
    athletes: people,
    sessions: seasonSessions.map((s) => {
      const local = toLocal(s.time_zone || 'UTC', Date.parse(s.starts_at));
      return {
        id: s.id,
        localDate: s.local_date,
        startMinutes: local.minutes,
        startsAt: Date.parse(s.starts_at),
      };
    }),
    marks: reportMarks,
    season,
    now,
    labels: {
      athlete: t.column.athlete,
      group: t.column.group,
      percent: t.column.percent,
      count: t.status,
      mark: t.statusMark,
    },
  });
}
