// A workout's log as the athlete writes it: done or skipped, an optional RPE
// (1–10) and a comment; the same limits as public.workout_logs' CHECK
// constraints (tests/db/workout-log-agreement.test.ts holds them together).
import { z } from 'zod';
import { MAX_LOG_COMMENT, WORKOUT_LOG_STATUSES } from './workout-log-status.ts';

export * from './workout-log-status.ts';

export const workoutLogStatusSchema = z.enum(WORKOUT_LOG_STATUSES);
export const workoutRpeSchema = z.number().int().min(1).max(10);
/** characters as PostgreSQL's char_length counts them: code points, not UTF-16 units */
const charLength = (value: string): number => [...value].length;

export const workoutLogCommentSchema = z
  .string()
  .refine((comment) => charLength(comment) <= MAX_LOG_COMMENT);

export const workoutLogSchema = z.object({
  status: workoutLogStatusSchema,
  rpe: workoutRpeSchema.nullable(),
  comment: workoutLogCommentSchema,
});
export type WorkoutLogInput = z.infer<typeof workoutLogSchema>;

/** what the form sends: the RPE as typed (empty = none), the comment trimmed */
export function parseWorkoutLog(form: {
  status: string;
  rpe: string;
  comment: string;
}): { ok: true; value: WorkoutLogInput } | { ok: false; field: 'status' | 'rpe' | 'comment' } {
  const rpeText = form.rpe.trim();
  const rpe = rpeText === '' ? null : Number(rpeText);
  const parsed = workoutLogSchema.safeParse({
    status: form.status,
    rpe,
    comment: form.comment.trim(),
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const field = parsed.error.issues[0]?.path[0];
  return { ok: false, field: field === 'rpe' || field === 'comment' ? field : 'status' };
}
