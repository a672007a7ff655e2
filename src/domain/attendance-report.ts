// The season's attendance as a table for the spreadsheet a sports school sends
// upward: one row per athlete, one column per session of the season (by local
// date, oldest first), a letter per mark, then the counts and the percentage
// (attendance.ts). Sessions still ahead (after the caller's `now`) get no column:
// their cells could only be empty, and a register full of blank future dates
// hides the season so far; one already marked keeps its column. Labels come from
// the caller, so the domain stays language-free.
import { ATTENDANCE_STATUSES, attendanceSummary, type AttendanceStatus } from './attendance.ts';
import type { Cell } from './csv.ts';
import { seasonOfDate } from './season.ts';
import { formatLocalTime, type LocalDate } from './zoned-time.ts';

export interface ReportAthlete {
  id: string;
  name: string;
  group: string;
}

export interface ReportSession {
  id: string;
  localDate: LocalDate;
  /** local start, minutes after midnight */
  startMinutes: number;
  /** the start, epoch ms: a session after the report's `now` is still ahead */
  startsAt: number;
}

export interface ReportMark {
  sessionId: string;
  athleteId: string;
  status: AttendanceStatus;
}

export interface ReportLabels {
  athlete: string;
  group: string;
  percent: string;
  /** the column heading of each status's count */
  count: Record<AttendanceStatus, string>;
  /** what a cell shows for a mark (e.g. "+", "у", "н", "п") */
  mark: Record<AttendanceStatus, string>;
}

/** "05.03.2027", or "05.03.2027 18:00" when the day has more than one session */
function sessionHeading(s: ReportSession, sameDay: number): string {
  const [y, m, d] = s.localDate.split('-');
  const date = `${d}.${m}.${y}`;
  return sameDay > 1 ? `${date} ${formatLocalTime(s.startMinutes)}` : date;
}

/** header row and one row per athlete (in the given order) for one season */
export function attendanceRows(input: {
  athletes: readonly ReportAthlete[];
  sessions: readonly ReportSession[];
  marks: readonly ReportMark[];
  season: string;
  labels: ReportLabels;
  /** epoch ms: sessions starting later, with no mark yet, are left out */
  now: number;
}): Cell[][] {
  const { labels, season, now } = input;
  const marked = new Set(input.marks.map((m) => m.sessionId));
  const sessions = input.sessions
    .filter((s) => seasonOfDate(s.localDate) === season)
    .filter((s) => s.startsAt <= now || marked.has(s.id))
    .sort((a, b) =>
      a.localDate === b.localDate
        ? a.startMinutes - b.startMinutes
        : a.localDate.localeCompare(b.localDate),
    );
  const perDay = new Map<string, number>();
  for (const s of sessions) perDay.set(s.localDate, (perDay.get(s.localDate) ?? 0) + 1);
  const dateOf = new Map(sessions.map((s) => [s.id, s.localDate]));
  const byKey = new Map(input.marks.map((m) => [`${m.sessionId}/${m.athleteId}`, m.status]));
  const header: Cell[] = [
    labels.athlete,
    labels.group,
    ...sessions.map((s) => sessionHeading(s, perDay.get(s.localDate) ?? 1)),
    ...ATTENDANCE_STATUSES.map((st) => labels.count[st]),
    labels.percent,
  ];
  const rows = input.athletes.map((a): Cell[] => {
    const marks = input.marks
      .filter((m) => m.athleteId === a.id && dateOf.has(m.sessionId))
      .map((m) => ({ status: m.status, localDate: dateOf.get(m.sessionId) ?? '' }));
    const summary = attendanceSummary(marks, season);
    return [
      a.name,
      a.group,
      ...sessions.map((s) => {
        const st = byKey.get(`${s.id}/${a.id}`);
        return st ? labels.mark[st] : null;
      }),
      ...ATTENDANCE_STATUSES.map((st) => summary[st]),
      summary.percent,
    ];
  });
  return [header, ...rows];
}
