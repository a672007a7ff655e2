// The local change that marks an athlete in a session: an insert under the id
// every device derives for (session, athlete), or an update of that row when the
// device already has it (marked here before, or pulled from another coach).
// Clearing a mark writes a null status (the row stays, so every device keeps
// meeting on it). Applied through SyncEngine.change, so the mark is in the outbox
// with the row.
import { attendanceId } from '../domain/attendance-id.ts';
import type { AttendanceStatus } from '../domain/attendance.ts';
import type { LocalChange } from './apply-local-change.ts';
import type { UserDatabase } from './open-user-database.ts';

export interface AttendanceInput {
  orgId: string;
  sessionId: string;
  athleteId: string;
  /** null clears the mark */
  status: AttendanceStatus | null;
  /** the signed-in user (the server records the caller either way) */
  markedBy: string;
  /** the tap, epoch milliseconds */
  at: number;
}

export async function attendanceChange(
  db: UserDatabase,
  input: AttendanceInput,
): Promise<LocalChange | null> {
  const id = await attendanceId(input.sessionId, input.athleteId);
  const markedAt = new Date(input.at).toISOString();
  const existing = await db.rows('attendance').get(id);
  if (input.status === null && !existing) return null; // nothing marked, nothing to clear
  if (existing) {
    return {
      table: 'attendance',
      op: 'update',
      id,
      patch: { status: input.status, marked_by: input.markedBy, marked_at: markedAt },
    };
  }
  return {
    table: 'attendance',
    op: 'insert',
    row: {
      id,
      org_id: input.orgId,
      session_id: input.sessionId,
      athlete_id: input.athleteId,
      status: input.status,
      marked_by: input.markedBy,
      marked_at: markedAt,
    },
  };
}
