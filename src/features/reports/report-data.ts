// What an athlete's report reads from the device: the athlete, their attendance
// marks, their plans' workouts and logs, their competition results and ranks.
// All local, so the report builds offline.
import {
  isResultKind,
  type ReportResult,
  type ReportWorkout,
  type ReportWorkoutLog,
  type SeasonRanks,
} from '../../domain/athlete-report.ts';
import type { AttendanceMark } from '../../domain/attendance.ts';
import { localDateAt, type LocalDate } from '../../domain/zoned-time.ts';
import { hasRoleAtLeast, isRole } from '../../domain/organization.ts';
import { isLive, liveRowsWhere, myMemberships } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { UserDatabase } from '../../data/open-user-database.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import { readAthleteMarks } from '../attendance/index.ts';

export interface ReportSource {
  athleteId: string;
  name: string;
  group: string;
  /** the club's staff go back to the athlete's page; the athlete (or a parent) to their own */
  staff: boolean;
  /** the club's local date now: what is due is counted up to it */
  today: LocalDate;
  attendance: AttendanceMark[];
  workouts: ReportWorkout[];
  logs: ReportWorkoutLog[];
  results: ReportResult[];
  currentRanks: SeasonRanks | null;
  rankHistory: SeasonRanks[];
}

/** everything the report needs about one athlete, or null when the device has no such athlete */
export async function readReportSource(
  db: UserDatabase,
  athleteId: string,
  now: number,
): Promise<ReportSource | null> {
  const athlete = await db.rows('athletes').get(athleteId);
  if (!athlete || !isLive(athlete)) return null;
  const [group, org, mine, attendance, history, plans, logs, results] = await Promise.all([
    athlete.group_id ? db.rows('training_groups').get(athlete.group_id) : undefined,
    db.rows('organizations').get(athlete.org_id),
    myMemberships(db),
    readAthleteMarks(db, athleteId, now),
    liveRowsWhere(db, 'rank_history', 'athlete_id', [athleteId]),
    liveRowsWhere(db, 'training_plans', 'athlete_id', [athleteId]),
    liveRowsWhere(db, 'workout_logs', 'athlete_id', [athleteId]),
    liveRowsWhere(db, 'competition_results', 'athlete_id', [athleteId]),
  ]);
  // an archived copy is a cancelled assignment: its workouts were taken back, not missed
  const planStart = new Map(
    plans
      .filter(
        (p) =>
          p.kind === 'athlete' &&
          p.athlete_id === athleteId &&
          p.status === 'active' &&
          p.start_date,
      )
      .map((p) => [p.id, p.start_date ?? '']),
  );
  const workouts = await liveRowsWhere(db, 'plan_workouts', 'plan_id', [...planStart.keys()]);
  return {
    athleteId,
    name: athlete.name,
    group: group && isLive(group) ? group.name : '',
    staff: mine.some(
      (m) => m.org_id === athlete.org_id && isRole(m.role) && hasRoleAtLeast(m.role, 'coach'),
    ),
    today: localDateAt(org?.time_zone || 'Europe/Moscow', now),
    attendance,
    workouts: workouts.flatMap((w) => {
      const start = planStart.get(w.plan_id);
      return start ? [{ id: w.id, planStart: start, week: w.week, day: w.day, type: w.type }] : [];
    }),
    logs: logs
      .filter((l) => l.athlete_id === athleteId)
      .map((l) => ({ workoutId: l.workout_id, status: l.status })),
    results: results.flatMap((r): ReportResult[] => {
      const value = Number(r.value);
      if (r.athlete_id !== athleteId || !isResultKind(r.result_kind) || !Number.isFinite(value)) {
        return [];
      }
      return [
        {
          id: r.id,
          competedOn: r.competed_on,
          competition: r.competition,
          level: r.level,
          discipline: r.discipline,
          resultKind: r.result_kind,
          value,
          timing: r.timing === 'hand' ? 'hand' : r.timing === 'auto' ? 'auto' : null,
          venue: r.venue === 'indoor' ? 'indoor' : 'outdoor',
          place: r.place,
        },
      ];
    }),
    currentRanks: athlete.season
      ? { season: athlete.season, rankStart: athlete.rank_start, rankEnd: athlete.rank_end }
      : null,
    rankHistory: history.map((h) => ({
      season: h.season,
      rankStart: h.rank_start,
      rankEnd: h.rank_end,
    })),
  };
}

/** observes the report's source; follows sync of any table it reads */
export function observeReportSource(
  engine: SyncEngine,
  athleteId: string,
  onChange: (source: ReportSource | null) => void,
): LocalSubscription {
  return observeLocal(() => readReportSource(engine.db, athleteId, Date.now()), onChange, 'report');
}
