// Marks an athlete in a session, in one transaction: read the mark under the id
// every device derives for (session, athlete), decide, write the row and its
// outbox entry. An insert when the device has no mark yet, an update of the row
// when it has one (marked here before, or pulled from another coach). Clearing a
// mark writes a null status (the row stays, so every device keeps meeting on it).
import { attendanceId } from '../domain/attendance-id.ts';
import type { AttendanceStatus } from '../domain/attendance.ts';
import type { OutboxEntry } from '../domain/sync-outbox.ts';
import { applyDecidedChange } from './apply-local-change.ts';
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

/** the queued outbox entry, or null when there was nothing to change */
export async function markAttendance(
  db: UserDatabase,
  input: AttendanceInput,
  now?: () => number,
): Promise<OutboxEntry | null> {
  // the id is a digest (Web Crypto): computed before the transaction, which
  // IndexedDB would otherwise commit while it waited
  const id = await attendanceId(input.sessionId, input.athleteId);
  const markedAt = new Date(input.at).toISOString();
  return applyDecidedChange(
    db,
    'attendance',
    async () => {
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
    },
    now,
  );
}
