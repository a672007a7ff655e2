// What the plan screens read from the user's device: the coach's templates and
// the athletes' copies, one plan's workouts, assignments and logs; and the
// local edits they write. Every write is a local change through the outbox, so
// building, assigning and shifting all work offline.
import { hasRoleAtLeast, isRole } from '../../domain/organization.ts';
import {
  copyWeek,
  planCompliance,
  removeWeek,
  type Compliance,
  type PlannedWorkout,
  type WorkoutEdits,
  type WorkoutFields,
} from '../../domain/training-plan.ts';
import { localDateAt } from '../../domain/zoned-time.ts';
import { isLive, liveRows, myMemberships } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type { SyncedRows } from '../../data/synced-rows.ts';

export type PlanRow = SyncedRows['training_plans'];
export type WorkoutRow = SyncedRows['plan_workouts'];
export type AssignmentRow = SyncedRows['plan_assignments'];

const byName = new Intl.Collator('ru');
const DEFAULT_ZONE = 'Europe/Moscow';

export interface Named {
  id: string;
  orgId: string;
  name: string;
}

export interface PlansData {
  templates: PlanRow[];
  copies: PlanRow[];
  athletes: Map<string, string>;
  /** the clubs where the user is staff (coach and up), to create a template in */
  staffOrgs: string[];
}

/** the live plans the device holds (RLS has already kept them to what the user may see) */
export function observePlans(
  engine: SyncEngine,
  onChange: (data: PlansData) => void,
): LocalSubscription {
  return observeLocal(
    async (): Promise<PlansData> => {
      const db = engine.db;
      const [plans, athletes, mine] = await Promise.all([
        liveRows(db, 'training_plans'),
        liveRows(db, 'athletes'),
        myMemberships(db),
      ]);
      const sorted = plans.sort((a, b) => byName.compare(a.title, b.title));
      return {
        templates: sorted.filter((p) => p.kind === 'template'),
        copies: sorted.filter((p) => p.kind === 'athlete'),
        athletes: new Map(athletes.map((a) => [a.id, a.name])),
        staffOrgs: mine
          .filter((m) => isRole(m.role) && hasRoleAtLeast(m.role, 'coach'))
          .map((m) => m.org_id),
      };
    },
    onChange,
    'plans',
  );
}

export interface CopyCompliance {
  plan: PlanRow;
  athleteName: string;
  compliance: Compliance;
}

export interface PlanData {
  plan: PlanRow | null;
  workouts: WorkoutRow[];
  /** for a template: its assignments, newest first */
  assignments: AssignmentRow[];
  /** for a template: each athlete's copy with its compliance; for a copy: itself */
  compliance: CopyCompliance[];
  groups: Named[];
  athletes: Named[];
  /** the club's local date, for compliance and the default start date */
  today: string;
  athleteName: string;
  source: PlanRow | null;
}

/** the club's time zone (the athlete's zone is the club's: plans are kept in it) */
async function zoneOf(engine: SyncEngine, orgId: string): Promise<string> {
  const org = await engine.db.rows('organizations').get(orgId);
  return org?.time_zone || DEFAULT_ZONE;
}

/** one plan with what its page shows; `now` is the device clock */
export function observePlan(
  engine: SyncEngine,
  planId: string,
  now: () => number,
  onChange: (data: PlanData) => void,
): LocalSubscription {
  return observeLocal(
    async (): Promise<PlanData> => {
      const db = engine.db;
      const stored = await db.rows('training_plans').get(planId);
      const plan = stored && isLive(stored) ? stored : null;
      const [plans, workouts, assignments, logs, groups, athletes] = await Promise.all([
        liveRows(db, 'training_plans'),
        liveRows(db, 'plan_workouts'),
        liveRows(db, 'plan_assignments'),
        liveRows(db, 'workout_logs'),
        liveRows(db, 'training_groups'),
        liveRows(db, 'athletes'),
      ]);
      const today = localDateAt(plan ? await zoneOf(engine, plan.org_id) : DEFAULT_ZONE, now());
      const names = new Map(athletes.map((a) => [a.id, a.name]));
      const copies =
        plan?.kind === 'template'
          ? plans.filter((p) => p.source_plan_id === planId && p.status === 'active')
          : plan
            ? [plan]
            : [];
      const compliance = copies
        .filter((c) => c.start_date)
        .map((c) => ({
          plan: c,
          athleteName: names.get(c.athlete_id ?? '') ?? '—',
          compliance: planCompliance(
            c.start_date ?? '',
            c.weeks,
            workouts.filter((w) => w.plan_id === c.id),
            logs,
            today,
          ),
        }))
        .sort((a, b) => byName.compare(a.athleteName, b.athleteName));
      const orgId = plan?.org_id;
      return {
        plan,
        workouts: workouts
          .filter((w) => w.plan_id === planId)
          .sort((a, b) => a.week - b.week || a.day - b.day || a.position - b.position),
        assignments: assignments
          .filter((a) => a.plan_id === planId)
          .sort((a, b) => (a.created_at < b.created_at ? 1 : -1)),
        compliance,
        groups: groups
          .filter((g) => g.org_id === orgId)
          .map((g) => ({ id: g.id, orgId: g.org_id, name: g.name }))
          .sort((a, b) => byName.compare(a.name, b.name)),
        athletes: athletes
          .filter((a) => a.org_id === orgId && (a.status || 'active') === 'active')
          .map((a) => ({ id: a.id, orgId: a.org_id, name: a.name }))
          .sort((a, b) => byName.compare(a.name, b.name)),
        today,
        athleteName: names.get(plan?.athlete_id ?? '') ?? '',
        source: plans.find((p) => p.id === plan?.source_plan_id) ?? null,
      };
    },
    onChange,
    'plan',
  );
}

/** a workout row's planned fields, as the domain edits them */
export function plannedWorkout(w: WorkoutRow): PlannedWorkout {
  return {
    id: w.id,
    week: w.week,
    day: w.day,
    position: w.position,
    type: w.type as PlannedWorkout['type'],
    title: w.title ?? '',
    duration_min: w.duration_min,
    distance_m: w.distance_m,
    intensity: w.intensity as PlannedWorkout['intensity'],
    pace_s_per_km: w.pace_s_per_km,
    hr_zone: w.hr_zone,
    rpe: w.rpe,
    notes: w.notes ?? '',
  };
}

/** a new template in a club, authored by the user; returns its id */
export async function createTemplate(
  engine: SyncEngine,
  orgId: string,
  fields: { title: string; description: string; weeks: number },
): Promise<string> {
  const id = crypto.randomUUID();
  await engine.change({
    table: 'training_plans',
    op: 'insert',
    row: {
      id,
      org_id: orgId,
      coach_id: engine.db.userId,
      kind: 'template',
      status: 'active',
      ...fields,
    },
  });
  return id;
}

export async function updatePlan(
  engine: SyncEngine,
  planId: string,
  patch: Partial<Pick<PlanRow, 'title' | 'description' | 'weeks' | 'start_date' | 'status'>>,
): Promise<void> {
  await engine.change({ table: 'training_plans', op: 'update', id: planId, patch });
}

/** applies several workout edits in order: deletes, then moves, then new ones */
async function applyEdits(engine: SyncEngine, plan: PlanRow, edits: WorkoutEdits): Promise<void> {
  for (const id of edits.deletes) {
    await engine.change({ table: 'plan_workouts', op: 'delete', id });
  }
  for (const u of edits.updates) {
    await engine.change({
      table: 'plan_workouts',
      op: 'update',
      id: u.id,
      patch: { week: u.week },
    });
  }
  for (const w of edits.inserts) {
    await engine.change({
      table: 'plan_workouts',
      op: 'insert',
      row: { ...w, org_id: plan.org_id, plan_id: plan.id },
    });
  }
}

export async function addWeek(engine: SyncEngine, plan: PlanRow): Promise<void> {
  await updatePlan(engine, plan.id, { weeks: plan.weeks + 1 });
}

/** a week removed: its workouts go, later weeks move up, then the plan shrinks */
export async function dropWeek(
  engine: SyncEngine,
  plan: PlanRow,
  workouts: readonly WorkoutRow[],
  week: number,
): Promise<void> {
  await applyEdits(engine, plan, removeWeek(workouts.map(plannedWorkout), week));
  await updatePlan(engine, plan.id, { weeks: plan.weeks - 1 });
}

export async function copyWeekTo(
  engine: SyncEngine,
  plan: PlanRow,
  workouts: readonly WorkoutRow[],
  from: number,
  to: number,
): Promise<void> {
  const edits = copyWeek(workouts.map(plannedWorkout), from, to, () => crypto.randomUUID());
  await applyEdits(engine, plan, edits);
}

export async function saveWorkout(
  engine: SyncEngine,
  plan: PlanRow,
  id: string | null,
  fields: WorkoutFields,
): Promise<void> {
  if (id) {
    await engine.change({ table: 'plan_workouts', op: 'update', id, patch: fields });
    return;
  }
  await engine.change({
    table: 'plan_workouts',
    op: 'insert',
    row: { id: crypto.randomUUID(), org_id: plan.org_id, plan_id: plan.id, ...fields },
  });
}

export async function deleteWorkout(engine: SyncEngine, id: string): Promise<void> {
  await engine.change({ table: 'plan_workouts', op: 'delete', id });
}

/** a template (or a copy) duplicated as a new template of the user's; returns its id */
export async function duplicatePlan(
  engine: SyncEngine,
  plan: PlanRow,
  workouts: readonly WorkoutRow[],
  title: string,
): Promise<string> {
  const id = await createTemplate(engine, plan.org_id, {
    title,
    description: plan.description ?? '',
    weeks: plan.weeks,
  });
  const copy = { ...plan, id };
  await applyEdits(engine, copy, {
    deletes: [],
    updates: [],
    inserts: workouts.map((w) => ({ ...plannedWorkout(w), id: crypto.randomUUID() })),
  });
  return id;
}

/**
 * The template assigned to a group or one athlete from a date (the server stamps
 * its author and status: the client may not write them); the server makes
 * each athlete's copy when the assignment arrives (after the template's workouts,
 * which the outbox sends first).
 */
export async function assignPlan(
  engine: SyncEngine,
  plan: PlanRow,
  target: { groupId: string } | { athleteId: string },
  startDate: string,
): Promise<void> {
  await engine.change({
    table: 'plan_assignments',
    op: 'insert',
    row: {
      id: crypto.randomUUID(),
      org_id: plan.org_id,
      plan_id: plan.id,
      group_id: 'groupId' in target ? target.groupId : null,
      athlete_id: 'athleteId' in target ? target.athleteId : null,
      start_date: startDate,
    },
  });
}

export async function cancelAssignment(engine: SyncEngine, id: string): Promise<void> {
  await engine.change({
    table: 'plan_assignments',
    op: 'update',
    id,
    patch: { status: 'cancelled' },
  });
}
