// Marks a workout done or skipped, on the device and in the outbox in one
// transaction: the log's id is the workout's (one log per workout), so a second
// tap, or the coach's log of the same workout, is an update of that one row on
// every device and on the server (its merge hook turns a second insert into one).
import type { WorkoutLogInput } from '../../domain/workout-log.ts';
import type { OutboxEntry } from '../../domain/sync-outbox.ts';
import type { LocalDate } from '../../domain/zoned-time.ts';
import { applyDecidedChange } from '../../data/apply-local-change.ts';
import type { UserDatabase } from '../../data/open-user-database.ts';

export interface LogWorkoutInput extends WorkoutLogInput {
  orgId: string;
  workoutId: string;
  athleteId: string;
  /** the athlete's local date when they logged it */
  loggedOn: LocalDate;
}

/** the queued outbox entry, or null when the log already says this */
export async function logWorkout(
  db: UserDatabase,
  input: LogWorkoutInput,
  now?: () => number,
): Promise<OutboxEntry | null> {
  const id = input.workoutId;
  return applyDecidedChange(
    db,
    'workout_logs',
    async () => {
      const existing = await db.rows('workout_logs').get(id);
      if (existing) {
        return {
          table: 'workout_logs',
          op: 'update',
          id,
          patch: {
            status: input.status,
            rpe: input.rpe,
            comment: input.comment,
            logged_on: input.loggedOn,
            // a log taken back elsewhere comes back with this one
            ...(existing.deleted_at != null ? { deleted_at: null } : {}),
          },
        };
      }
      return {
        table: 'workout_logs',
        op: 'insert',
        row: {
          id,
          org_id: input.orgId,
          workout_id: id,
          athlete_id: input.athleteId,
          status: input.status,
          rpe: input.rpe,
          comment: input.comment,
          logged_on: input.loggedOn,
        },
      };
    },
    now,
  );
}
