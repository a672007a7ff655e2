import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { applyLocalChange } from '../../data/apply-local-change.ts';
import { openUserDatabase } from '../../data/open-user-database.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type { WorkoutFields } from '../../domain/training-plan.ts';
import {
  assignPlan,
  copyWeekTo,
  createTemplate,
  dropWeek,
  saveWorkout,
  type PlanRow,
  type WorkoutRow,
} from './plans-data.ts';

const tables = [
  { name: 'training_plans', indexes: ['org_id'], since: 1 },
  { name: 'plan_workouts', indexes: ['plan_id'], since: 1 },
  { name: 'plan_assignments', indexes: ['plan_id'], since: 1 },
];
const user = '00000000-0000-4000-8000-0000000000a1';
const org = '00000000-0000-4000-8000-0000000000f1';
const group = '00000000-0000-4000-8000-0000000000b1';

async function localEngine(): Promise<SyncEngine> {
  const db = await openUserDatabase(user, {
    tables,
    dexie: { indexedDB: new IDBFactory(), IDBKeyRange },
  });
  return {
    userId: user,
    db,
    change: async (change) => {
      await applyLocalChange(db, change);
    },
  } as SyncEngine;
}

const run = (week: number, day: number): WorkoutFields => ({
  week,
  day,
  position: 0,
  type: 'run',
  title: '',
  duration_min: 30,
  distance_m: null,
  intensity: null,
  pace_s_per_km: null,
  hr_zone: null,
  rpe: null,
  notes: '',
});

async function built(engine: SyncEngine) {
  const id = await createTemplate(engine, org, { title: 'База', description: '', weeks: 3 });
  const plan = (await engine.db.rows('training_plans').get(id)) as PlanRow;
  await saveWorkout(engine, plan, null, run(1, 1));
  await saveWorkout(engine, plan, null, run(2, 3));
  await saveWorkout(engine, plan, null, run(3, 5));
  const workouts = (await engine.db.rows('plan_workouts').toArray()) as WorkoutRow[];
  return { plan, workouts };
}

describe('plan edits on the device', () => {
  it('a template is the author’s, and its assignment carries only what the client may write', async () => {
    const engine = await localEngine();
    const { plan } = await built(engine);
    expect(plan.coach_id).toBe(user);
    await assignPlan(engine, plan, { groupId: group }, '2026-12-07');
    const outbox = await engine.db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.table)).toEqual([
      'training_plans',
      'plan_workouts',
      'plan_workouts',
      'plan_workouts',
      'plan_assignments',
    ]);
    // the server stamps the author and the status of an assignment
    expect(Object.keys(outbox[4]?.fields ?? {}).sort()).toEqual([
      'athlete_id',
      'group_id',
      'org_id',
      'plan_id',
      'start_date',
    ]);
  });

  it('removing a week deletes its workouts, moves the later ones up, then shortens the plan', async () => {
    const engine = await localEngine();
    const { plan, workouts } = await built(engine);
    const before = await engine.db.outbox.count();
    await dropWeek(engine, plan, workouts, 2);
    const queued = (await engine.db.outbox.orderBy('seq').toArray()).slice(before);
    expect(queued.map((e) => [e.table, e.op, e.fields])).toEqual([
      ['plan_workouts', 'delete', {}],
      ['plan_workouts', 'update', { week: 2 }],
      ['training_plans', 'update', { weeks: 2 }],
    ]);
  });

  it('copying a week replaces the target week’s workouts with new ones', async () => {
    const engine = await localEngine();
    const { plan, workouts } = await built(engine);
    await copyWeekTo(engine, plan, workouts, 1, 2);
    const rows = (await engine.db.rows('plan_workouts').toArray()) as WorkoutRow[];
    expect(rows.map((w) => [w.week, w.day]).sort()).toEqual([
      [1, 1],
      [2, 1],
      [3, 5],
    ]);
  });
});
