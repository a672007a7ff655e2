// A workout's log as src/domain/workout-log.ts accepts it and the CHECK
// constraints of public.workout_logs (20261207100000_coach_tools_core.sql) agree:
// statuses, RPEs and comments, generated and at their boundaries, go to both.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import {
  WORKOUT_LOG_STATUSES,
  workoutLogCommentSchema,
  workoutLogStatusSchema,
  workoutRpeSchema,
} from '../../src/domain/workout-log.ts';
import { checkVerdicts, unholdable } from './check-verdicts.ts';

/** whether an int column's `constraint` passes each value (null passes a check) */
async function intVerdicts(
  db: Database,
  constraint: string,
  column: string,
  values: readonly (number | null)[],
): Promise<boolean[]> {
  const def = await db.query<{ expr: string }>(
    `select pg_get_expr(c.conbin, c.conrelid) as expr from pg_constraint c
      where c.conrelid = 'public.workout_logs'::regclass and c.contype = 'c' and c.conname = $1`,
    [constraint],
  );
  const expr = def.rows[0]?.expr;
  if (!expr) throw new Error(`no check constraint ${constraint} on workout_logs`);
  const r = await db.query<{ ok: boolean }>(
    `select (${expr}) is not false as ok
       from unnest($1::int[]) with ordinality as v(${column}, n) order by v.n`,
    [values.map((v) => (v === null ? null : String(v)))],
  );
  return r.rows.map((row) => row.ok);
}

describe('workout logs agree with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('status: zod and workout_logs_status_check agree', async () => {
    const values = [
      ...WORKOUT_LOG_STATUSES,
      ...WORKOUT_LOG_STATUSES.map((s) => s.toUpperCase()),
      ...WORKOUT_LOG_STATUSES.map((s) => ` ${s}`),
      'выполнено',
      '',
      ...fc.sample(fc.string({ maxLength: 8 }), 300),
    ].filter((v) => !unholdable(v));
    const inDb = await checkVerdicts(
      db,
      'workout_logs',
      'workout_logs_status_check',
      'status',
      values,
    );
    const disagree = values.filter(
      (v, i) => workoutLogStatusSchema.safeParse(v).success !== inDb[i],
    );
    expect(disagree).toEqual([]);
    expect(new Set(inDb)).toEqual(new Set([true, false]));
  });

  it('rpe: zod (nullable) and workout_logs_rpe_check agree on every boundary and 500 integers', async () => {
    const values: (number | null)[] = [
      null,
      -1,
      0,
      1,
      10,
      11,
      ...fc.sample(
        fc.oneof(fc.integer({ min: -3, max: 14 }), fc.integer({ min: -1e9, max: 2e9 })),
        500,
      ),
    ];
    const inDb = await intVerdicts(db, 'workout_logs_rpe_check', 'rpe', values);
    const disagree = values.filter(
      (v, i) => workoutRpeSchema.nullable().safeParse(v).success !== inDb[i],
    );
    expect(disagree).toEqual([]);
    expect(new Set(inDb)).toEqual(new Set([true, false]));
  });

  it('comment: zod and workout_logs_comment_check count characters alike', async () => {
    const around = (unit: 'grapheme' | 'binary') =>
      fc.sample(fc.string({ unit, minLength: 995, maxLength: 1005 }), 100);
    const values = [
      '',
      'я'.repeat(1000),
      'я'.repeat(1001),
      '🏃'.repeat(1000),
      '🏃'.repeat(1001),
      ...around('grapheme'),
      ...around('binary'),
    ].filter((v) => !unholdable(v));
    const inDb = await checkVerdicts(
      db,
      'workout_logs',
      'workout_logs_comment_check',
      'comment',
      values,
    );
    const disagree = values.filter(
      (v, i) => workoutLogCommentSchema.safeParse(v).success !== inDb[i],
    );
    expect(disagree.map((v) => [...v].length)).toEqual([]);
    expect(new Set(inDb)).toEqual(new Set([true, false]));
  });
});
