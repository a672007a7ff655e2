import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openUserDatabase, type UserDatabase } from '../../data/open-user-database.ts';
import { readAthleteDay } from './athlete-day-data.ts';
import { logWorkout } from './log-workout.ts';

const me = '00000000-0000-4000-8000-0000000000c1';
const org = '00000000-0000-4000-8000-00000000000a';
const mine = '00000000-0000-4000-8000-000000000001';
const someoneElse = '00000000-0000-4000-8000-000000000002';
/** the clock: 8 December 2026, 00:30 in Moscow (still 7 December in UTC) */
const at = Date.parse('2026-12-07T21:30:00Z');

async function seeded(): Promise<UserDatabase> {
  const db = await openUserDatabase(me, { dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  await db.store('organizations').bulkAdd([{ id: org, name: 'Старт', time_zone: 'Europe/Moscow' }]);
  await db.store('memberships').bulkAdd([{ id: 'm1', org_id: org, user_id: me, role: 'athlete' }]);
  await db.store('athletes').bulkAdd([
    { id: mine, org_id: org, user_id: me, name: 'Иван', status: 'active' },
    { id: someoneElse, org_id: org, user_id: null, name: 'Пётр', status: 'active' },
  ]);
  const plan = (id: string, extra: Record<string, unknown>) => ({
    id,
    org_id: org,
    title: id,
    kind: 'athlete',
    athlete_id: mine,
    start_date: '2026-12-07',
    weeks: 52,
    unlocked_weeks: null,
    status: 'active',
    ...extra,
  });
  await db
    .store('training_plans')
    .bulkAdd([
      plan('База', {}),
      plan('Проданный', { unlocked_weeks: 1 }),
      plan('Архив', { status: 'archived' }),
      plan('Чужой', { athlete_id: someoneElse }),
      plan('Шаблон', { kind: 'template', athlete_id: null, start_date: null }),
    ]);
  const workout = (id: string, plan_id: string, week: number, day: number, extra = {}) => ({
    id,
    org_id: org,
    plan_id,
    week,
    day,
    position: 0,
    type: 'run',
    title: id,
    duration_min: null,
    distance_m: null,
    intensity: null,
    pace_s_per_km: null,
    hr_zone: null,
    rpe: null,
    notes: '',
    ...extra,
  });
  const rows = [
    // 8 December is week 1, day 2
    workout('today', 'База', 1, 2, {
      type: 'intervals',
      intensity: 'pace',
      pace_s_per_km: 270,
      distance_m: 6000,
    }),
    workout('today-2', 'База', 1, 2, { position: 1, type: 'strength' }),
    workout('tomorrow', 'База', 1, 3),
    workout('next-week', 'База', 2, 1),
    workout('far', 'База', 30, 1),
    workout('gone', 'База', 1, 2, { deleted_at: '2026-12-01T00:00:00Z' }),
    workout('sold-today', 'Проданный', 1, 2),
    workout('archived', 'Архив', 1, 2),
    workout('not-mine', 'Чужой', 1, 2),
  ];
  // a year of workouts: the reader asks for two weeks of it
  for (let week = 3; week <= 52; week++) {
    for (let day = 1; day <= 6; day++) rows.push(workout(`w${week}-${day}`, 'База', week, day));
  }
  await db.store('plan_workouts').bulkAdd(rows);
  return db;
}

describe('the athlete’s day', () => {
  it('lists today’s workouts of the athlete’s active plans, in the athlete’s zone', async () => {
    const db = await seeded();
    const day = await readAthleteDay(db, me, at);
    expect(day.today).toBe('2026-12-08');
    expect(day.hasPlan).toBe(true);
    expect(day.workouts.map((w) => w.id)).toEqual(['today', 'today-2', 'sold-today']);
    expect(day.workouts[0]).toMatchObject({
      type: 'intervals',
      distanceM: 6000,
      intensity: { kind: 'pace', secondsPerKm: 270 },
      athleteId: mine,
      date: '2026-12-08',
      log: null,
    });
  });

  it('gives the week ahead and names the sold plan’s locked week', async () => {
    const db = await seeded();
    const day = await readAthleteDay(db, me, at);
    expect(day.ahead.map((d) => [d.date, d.workouts.map((w) => w.id)])).toEqual([
      ['2026-12-09', ['tomorrow']],
      ['2026-12-14', ['next-week']],
    ]);
    expect(day.locked).toEqual([{ planTitle: 'Проданный', week: 2, opensOn: '2026-12-14' }]);
  });

  it('marks a workout done offline: the log shows, pending until pushed, and a change updates it', async () => {
    const db = await seeded();
    const entry = await logWorkout(db, {
      orgId: org,
      workoutId: 'today',
      athleteId: mine,
      status: 'done',
      rpe: 6,
      comment: 'тяжело',
      loggedOn: '2026-12-08',
    });
    expect(entry).toMatchObject({ table: 'workout_logs', rowId: 'today', op: 'insert' });
    expect(entry?.fields).toMatchObject({ workout_id: 'today', status: 'done', rpe: 6 });
    let day = await readAthleteDay(db, me, at);
    expect(day.workouts[0]?.log).toEqual({
      status: 'done',
      rpe: 6,
      comment: 'тяжело',
      pending: true,
    });
    const again = await logWorkout(db, {
      orgId: org,
      workoutId: 'today',
      athleteId: mine,
      status: 'skipped',
      rpe: null,
      comment: '',
      loggedOn: '2026-12-08',
    });
    expect(again).toMatchObject({ op: 'update', rowId: 'today' });
    await db.outbox.clear();
    day = await readAthleteDay(db, me, at);
    expect(day.workouts[0]?.log).toEqual({
      status: 'skipped',
      rpe: null,
      comment: '',
      pending: false,
    });
  });

  it('says there is no plan for someone without one', async () => {
    const db = await seeded();
    await db.store('training_plans').clear();
    const day = await readAthleteDay(db, me, at);
    expect(day).toMatchObject({ hasPlan: false, workouts: [], ahead: [], locked: [] });
  });
});
