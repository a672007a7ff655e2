// What the athlete's day reads from their device: today's workouts of their
// plans, the week ahead, their logs (and which logs still wait for the outbox)
// and the weeks of a sold plan not open yet. It reads only what the day needs —
// the athlete's plans by athlete_id, then each plan's one or two weeks in view by
// the [plan_id+week] index, the logs by id — never every workout of a long plan.
import {
  firstLockedWeek,
  intensityOf,
  isWorkoutType,
  slotDate,
  weekAhead,
  weekOpensOn,
  weeksTouched,
  workoutsOn,
  type PlanSpan,
  type WorkoutIntensity,
  type WorkoutType,
} from '../../domain/plan-day.ts';
import { isWorkoutLogStatus, type WorkoutLogStatus } from '../../domain/workout-log-status.ts';
import type { LocalDate } from '../../domain/zoned-time.ts';
import { liveRowsWhere } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { UserDatabase } from '../../data/open-user-database.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type { PlanWorkoutRow, TrainingPlanRow } from '../../data/synced-rows.ts';
import { todayOf } from '../attendance/index.ts';

/** the days the page shows: today and the seven after it */
const DAYS_IN_VIEW = 8;

export interface WorkoutLogView {
  status: WorkoutLogStatus;
  rpe: number | null;
  comment: string;
  /** written on this device and not yet accepted by the server */
  pending: boolean;
}

export interface DayWorkout {
  id: string;
  orgId: string;
  athleteId: string;
  planTitle: string;
  date: LocalDate;
  type: WorkoutType;
  title: string;
  durationMin: number | null;
  distanceM: number | null;
  intensity: WorkoutIntensity;
  notes: string;
  log: WorkoutLogView | null;
}

export interface LockedWeek {
  planTitle: string;
  week: number;
  opensOn: LocalDate;
}

export interface AthleteDay {
  today: LocalDate;
  /** the athlete has an active plan at all (else the home shows nothing of this) */
  hasPlan: boolean;
  workouts: DayWorkout[];
  ahead: { date: LocalDate; workouts: DayWorkout[] }[];
  locked: LockedWeek[];
}

function spanOf(p: TrainingPlanRow & { start_date: string }): PlanSpan {
  return { startDate: p.start_date, weeks: p.weeks, unlockedWeeks: p.unlocked_weeks };
}

/** the athlete's active plans with a start date, among their own athlete records */
async function myPlans(
  db: UserDatabase,
  userId: string,
): Promise<(TrainingPlanRow & { start_date: string })[]> {
  const mine = await liveRowsWhere(db, 'athletes', 'user_id', [userId]);
  const plans = await liveRowsWhere(
    db,
    'training_plans',
    'athlete_id',
    mine.map((a) => a.id),
  );
  return plans.filter(
    (p): p is TrainingPlanRow & { start_date: string } =>
      p.kind === 'athlete' && p.status === 'active' && p.start_date != null,
  );
}

/** the athlete's day on `now`'s local date in their home zone */
export async function readAthleteDay(
  db: UserDatabase,
  userId: string,
  now: number,
): Promise<AthleteDay> {
  const [today, plans] = await Promise.all([todayOf(db, userId, now), myPlans(db, userId)]);
  const perPlan = await Promise.all(
    plans.map(async (plan) => {
      const span = spanOf(plan);
      const keys = weeksTouched(span, today, DAYS_IN_VIEW).map((week) => [plan.id, week]);
      const rows =
        keys.length === 0
          ? []
          : await db.rows('plan_workouts').where('[plan_id+week]').anyOf(keys).toArray();
      return { plan, span, rows: rows.filter((w) => w.deleted_at == null) };
    }),
  );
  const ids = perPlan.flatMap((p) => p.rows.map((w) => w.id));
  const [logs, queued] = await Promise.all([
    db.rows('workout_logs').bulkGet(ids),
    db.outbox
      .where('[table+rowId]')
      .anyOf(ids.map((id) => ['workout_logs', id]))
      .toArray(),
  ]);
  const logById = new Map(
    logs
      .flatMap((l) => (l && l.deleted_at == null && isWorkoutLogStatus(l.status) ? [l] : []))
      .map((l) => [l.id, l]),
  );
  const pending = new Set(queued.map((e) => e.rowId));

  const view = (plan: TrainingPlanRow & { start_date: string }, w: PlanWorkoutRow): DayWorkout => {
    const log = logById.get(w.id);
    return {
      id: w.id,
      orgId: w.org_id,
      athleteId: plan.athlete_id ?? '',
      planTitle: plan.title,
      date: slotDate(plan.start_date, w),
      type: isWorkoutType(w.type) ? w.type : 'run',
      title: w.title,
      durationMin: w.duration_min,
      distanceM: w.distance_m,
      intensity: intensityOf(w),
      notes: w.notes,
      log:
        log && isWorkoutLogStatus(log.status)
          ? { status: log.status, rpe: log.rpe, comment: log.comment, pending: pending.has(w.id) }
          : null,
    };
  };

  const workouts: DayWorkout[] = [];
  const aheadByDate = new Map<LocalDate, DayWorkout[]>();
  const locked: LockedWeek[] = [];
  for (const { plan, span, rows } of perPlan) {
    workouts.push(...workoutsOn(span, rows, today).map((w) => view(plan, w)));
    for (const day of weekAhead(span, rows, today)) {
      const list = aheadByDate.get(day.date) ?? [];
      list.push(...day.workouts.map((w) => view(plan, w)));
      aheadByDate.set(day.date, list);
    }
    const week = firstLockedWeek(span, today, DAYS_IN_VIEW);
    if (week !== null)
      locked.push({ planTitle: plan.title, week, opensOn: weekOpensOn(span, week) });
  }
  return {
    today,
    hasPlan: plans.length > 0,
    workouts,
    ahead: [...aheadByDate.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, list]) => ({ date, workouts: list })),
    locked,
  };
}

/** the athlete's day, again whenever a table it read changes; `now` is the clock */
export function observeAthleteDay(
  engine: SyncEngine,
  now: () => number,
  onChange: (day: AthleteDay) => void,
): LocalSubscription {
  return observeLocal(
    () => readAthleteDay(engine.db, engine.userId, now()),
    onChange,
    'athlete day',
  );
}
