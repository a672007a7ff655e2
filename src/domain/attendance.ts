// Attendance marks (issue 4, "Today"): one mark per athlete and group session.
// The statuses agree with `public.attendance`'s CHECK constraint (a property
// test feeds both). Row ids are derived from (session, athlete) — see
// attendance-id.ts — so two devices marking the same athlete write the same row.
import { seasonOfDate } from './season.ts';
import type { LocalDate } from './zoned-time.ts';

/** in the order the buttons show them */
export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent', 'trial'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

// a plain check, so the roster's first load carries no zod (the schema that
// agrees with it is in attendance-schema.ts)
export function isAttendanceStatus(value: unknown): value is AttendanceStatus {
  return typeof value === 'string' && (ATTENDANCE_STATUSES as readonly string[]).includes(value);
}

/** one mark, as far as the percentage needs it */
export interface AttendanceMark {
  status: AttendanceStatus;
  /** the session's local date in its zone */
  localDate: LocalDate;
}

export interface AttendanceSummary {
  present: number;
  trial: number;
  excused: number;
  absent: number;
  /** marks that count: present + trial + absent */
  counted: number;
  /** whole percent, or null when nothing counts yet */
  percent: number | null;
}

/**
 * An athlete's attendance in one season (1 September – 31 August, by the
 * session's local date):
 *
 *     percent = round(100 × (present + trial) / (present + trial + absent))
 *
 * - a trial lesson is attendance (the athlete trained);
 * - an excused absence (illness, competition, school) counts neither way: it is
 *   left out of the denominator, so a sick week does not lower the figure —
 *   sports schools report unexcused absences;
 * - a session without a mark for the athlete is not counted (the coach has not
 *   taken the register, or the athlete was not expected);
 * - no counted mark → null (shown as "—"), never 0 %.
 */
export function attendanceSummary(
  marks: readonly AttendanceMark[],
  season: string,
): AttendanceSummary {
  return countAttendance(marks.filter((m) => seasonOfDate(m.localDate) === season));
}

/** the same counts and percentage over whichever marks are given (a report's period) */
export function countAttendance(marks: readonly AttendanceMark[]): AttendanceSummary {
  const s = { present: 0, trial: 0, excused: 0, absent: 0 };
  for (const m of marks) s[m.status]++;
  const counted = s.present + s.trial + s.absent;
  const percent = counted === 0 ? null : Math.round((100 * (s.present + s.trial)) / counted);
  return { ...s, counted, percent };
}
