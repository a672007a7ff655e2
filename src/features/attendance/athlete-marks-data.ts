// One athlete's attendance marks, for the athlete page. Its own module, with
// nothing but the rows it reads: the roster imports attendance's public entry for
// its strings, and this is all of the feature that comes along.
import { isAttendanceStatus, type AttendanceMark } from '../../domain/attendance.ts';
import { sessionDayHasCome } from '../../domain/attendance-day.ts';
import { liveRowsWhere } from '../../data/live-rows.ts';
import type { UserDatabase } from '../../data/open-user-database.ts';

/**
 * one athlete's marks with their sessions' dates (for the athlete page's
 * percentage): only of sessions whose day has come at `now` — a mark ahead,
 * written before the server refused them, counts for nothing
 */
export async function readAthleteMarks(
  db: UserDatabase,
  athleteId: string,
  now: number = Date.now(),
): Promise<AttendanceMark[]> {
  const marks = await liveRowsWhere(db, 'attendance', 'athlete_id', [athleteId]);
  const out: AttendanceMark[] = [];
  for (const m of marks) {
    const status = m.status;
    if (!isAttendanceStatus(status)) continue;
    const session = await db.rows('training_sessions').get(m.session_id);
    if (!session?.local_date) continue;
    const localDate = session.local_date;
    if (sessionDayHasCome({ localDate, timeZone: session.time_zone }, now)) {
      out.push({ status, localDate });
    }
  }
  return out;
}
