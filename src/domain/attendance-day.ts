// When a session may be marked, and what «Отметить всех» marks. The server keeps
// the same rule (private.session_day_has_come, 20261206141000_attendance_not_ahead.sql):
// a mark is allowed once the session's day has come on its own calendar — before
// its start too, as coaches take the register before the warm-up — and never for
// a later day. The rule only opens as time passes, so a mark queued offline while
// the day had come is still accepted when it syncs later.
import type { AttendanceStatus } from './attendance.ts';
import { localDateAt, type Instant, type LocalDate } from './zoned-time.ts';

export interface SessionDay {
  /** the session's date in its zone */
  localDate: LocalDate;
  /** the session's IANA zone */
  timeZone: string;
}

/** the session's day has come in its zone at `now`: it may be marked, and its marks count */
export function sessionDayHasCome(session: SessionDay, now: Instant): boolean {
  let today: LocalDate;
  try {
    today = localDateAt(session.timeZone, now);
  } catch {
    // an unknown zone reads as UTC, as on the server
    today = localDateAt('UTC', now);
  }
  return session.localDate <= today;
}

/**
 * The athletes «Отметить всех» marks present: those with no mark yet. A mark the
 * coach already set (absent, excused, trial — or present) is a decision taken,
 * so the bulk action never overwrites it; a coach changes one with its own tap.
 */
export function markAllTargets<A extends { id: string; status: AttendanceStatus | null }>(
  athletes: readonly A[],
): string[] {
  return athletes.filter((a) => a.status === null).map((a) => a.id);
}
