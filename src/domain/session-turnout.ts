// What a group session's card counts: who came out of who was expected. A group
// session has no bookings to count (its athletes belong to the group), so
// «Записано: 0 из 30» said nothing; the marks and the group's size do.
import type { AttendanceStatus } from './attendance.ts';

export interface SessionMark {
  athleteId: string;
  /** null: a cleared mark */
  status: AttendanceStatus | null;
}

export interface Turnout {
  /** present or on a trial */
  attended: number;
  /** athletes with any mark */
  marked: number;
  /** the group's active athletes, and anyone marked in the session besides */
  expected: number;
}

export function sessionTurnout(
  groupAthleteIds: readonly string[],
  marks: readonly SessionMark[],
): Turnout {
  const set = marks.filter((m) => m.status !== null);
  const expected = new Set([...groupAthleteIds, ...set.map((m) => m.athleteId)]).size;
  const attended = set.filter((m) => m.status === 'present' || m.status === 'trial').length;
  return { attended, marked: set.length, expected };
}
