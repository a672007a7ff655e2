// What the athlete page's plan and coach sections read and write on the device:
// the athlete's plans with their compliance, the individual coach–athlete
// relationships, the club's staff who may take the athlete, and the server's
// refusals of this device's relationship edits (over a coach's limit).
import type { CoachAthleteForm } from '../../domain/coach-athlete.ts';
import { hasRoleAtLeast, isRole } from '../../domain/organization.ts';
import type { SyncIssue } from '../../domain/sync-protocol.ts';
import { planCompliance, type Compliance } from '../../domain/training-plan.ts';
import { localDateAt } from '../../domain/zoned-time.ts';
import { isCurrentMembership, isLive, liveRows, myMemberships } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type { SyncedRows } from '../../data/synced-rows.ts';

export type CoachAthleteRow = SyncedRows['coach_athletes'];

export interface AthletePlan {
  id: string;
  title: string;
  startDate: string | null;
  weeks: number;
  status: string;
  compliance: Compliance | null;
}

export interface AthleteSectionsData {
  orgId: string | null;
  plans: AthletePlan[];
  relationships: CoachAthleteRow[];
  names: Map<string, string>;
  /** staff of the athlete's club an admin may pick; a coach picks only themself */
  coaches: { userId: string; name: string }[];
  admin: boolean;
  staff: boolean;
  userId: string;
  today: string;
  /** relationship edits of this athlete the server refused */
  refusals: SyncIssue[];
}

/** observes one athlete's plans and coaches; `now` is the device clock */
export function observeAthleteSections(
  engine: SyncEngine,
  athleteId: string,
  now: () => number,
  onChange: (data: AthleteSectionsData) => void,
): LocalSubscription {
  return observeLocal(
    async (): Promise<AthleteSectionsData> => {
      const db = engine.db;
      const [athlete, plans, workouts, logs, links, mine, memberships, profiles, issues] =
        await Promise.all([
          db.rows('athletes').get(athleteId),
          liveRows(db, 'training_plans'),
          liveRows(db, 'plan_workouts'),
          liveRows(db, 'workout_logs'),
          liveRows(db, 'coach_athletes'),
          myMemberships(db),
          db.rows('memberships').toArray(),
          db.rows('profiles').toArray(),
          db.issues.toArray(),
        ]);
      const orgId = athlete && isLive(athlete) ? athlete.org_id : null;
      const org = orgId ? await db.rows('organizations').get(orgId) : undefined;
      const today = localDateAt(org?.time_zone || 'Europe/Moscow', now());
      const role = mine.find((m) => m.org_id === orgId)?.role;
      const names = new Map(profiles.map((p) => [p.id, p.display_name]));
      const mineOf = plans.filter((p) => p.kind === 'athlete' && p.athlete_id === athleteId);
      return {
        orgId,
        plans: mineOf
          .map((p) => ({
            id: p.id,
            title: p.title,
            startDate: p.start_date,
            weeks: p.weeks,
            status: p.status,
            compliance: p.start_date
              ? planCompliance(
                  p.start_date,
                  p.weeks,
                  workouts.filter((w) => w.plan_id === p.id),
                  logs.filter((l) => l.athlete_id === athleteId),
                  today,
                )
              : null,
          }))
          .sort((a, b) => ((a.startDate ?? '') < (b.startDate ?? '') ? 1 : -1)),
        relationships: links
          .filter((l) => l.athlete_id === athleteId)
          .sort((a, b) => (a.starts_on < b.starts_on ? 1 : -1)),
        names,
        coaches: memberships
          .filter(
            (m) =>
              m.org_id === orgId &&
              isCurrentMembership(m) &&
              isRole(m.role) &&
              hasRoleAtLeast(m.role, 'coach'),
          )
          .map((m) => ({ userId: m.user_id, name: names.get(m.user_id) ?? m.user_id })),
        admin: isRole(role) && hasRoleAtLeast(role, 'admin'),
        staff: isRole(role) && hasRoleAtLeast(role, 'coach'),
        userId: db.userId,
        today,
        refusals: issues.filter(
          (i) =>
            i.kind === 'rejected' &&
            i.table === 'coach_athletes' &&
            (i.fields['athlete_id'] === athleteId ||
              links.some((l) => l.id === i.rowId && l.athlete_id === athleteId)),
        ),
      };
    },
    onChange,
    'athlete-sections',
  );
}

/** a new relationship, written offline too; the server checks the coach's limit */
export async function addCoachAthlete(
  engine: SyncEngine,
  orgId: string,
  athleteId: string,
  coachId: string,
  form: CoachAthleteForm,
): Promise<void> {
  await engine.change({
    table: 'coach_athletes',
    op: 'insert',
    row: {
      id: crypto.randomUUID(),
      org_id: orgId,
      athlete_id: athleteId,
      coach_id: coachId,
      status: 'active',
      ...form,
    },
  });
}

/** ends a relationship today (or keeps an earlier planned end) */
export async function endCoachAthlete(
  engine: SyncEngine,
  row: CoachAthleteRow,
  today: string,
): Promise<void> {
  const endsOn = row.ends_on && row.ends_on < today ? row.ends_on : today;
  await engine.change({
    table: 'coach_athletes',
    op: 'update',
    id: row.id,
    patch: { status: 'ended', ends_on: endsOn < row.starts_on ? row.starts_on : endsOn },
  });
}
