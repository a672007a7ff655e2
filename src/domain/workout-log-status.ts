// A workout log's statuses and the comment's limit, apart from the schemas
// (workout-log.ts): the athlete's home reads them on its first screen, and the
// schemas' zod is loaded only when a log is saved.
export const WORKOUT_LOG_STATUSES = ['done', 'skipped'] as const;
export type WorkoutLogStatus = (typeof WORKOUT_LOG_STATUSES)[number];

export const MAX_LOG_COMMENT = 1000;

export function isWorkoutLogStatus(value: unknown): value is WorkoutLogStatus {
  return (WORKOUT_LOG_STATUSES as readonly unknown[]).includes(value);
}
