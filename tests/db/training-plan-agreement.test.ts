// The plan and workout rules in src/domain/training-plan.ts and the CHECK
// constraints of public.training_plans and public.plan_workouts must agree:
// generated rows go to both, each judged whole (the intensity rules span columns).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { planFieldsSchema, workoutFieldsSchema } from '../../src/domain/training-plan.ts';
import { coachAthleteFormSchema } from '../../src/domain/coach-athlete.ts';

/** every CHECK constraint of a table that names only the given columns, as SQL */
async function checksOn(db: Database, table: string, columns: readonly string[]) {
  const r = await db.query<{ name: string; expr: string }>(
    `select c.conname as name, pg_get_expr(c.conbin, c.conrelid) as expr
       from pg_constraint c
      where c.conrelid = $1::regclass and c.contype = 'c'
        and not exists (
          select from unnest(c.conkey) k
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k
           where a.attname <> all ($2::text[]))`,
    [`public.${table}`, columns],
  );
  return r.rows;
}

/** for each row, whether every check passes it (a check passes unless it is false) */
async function verdicts(
  db: Database,
  exprs: readonly string[],
  shape: string,
  rows: readonly object[],
): Promise<boolean[]> {
  const all = exprs.map((e) => `(${e}) is not false`).join(' and ');
  const r = await db.query<{ ok: boolean }>(
    `select ${all} as ok
       from jsonb_array_elements($1::jsonb) with ordinality as e(j, n),
            jsonb_to_record(e.j) as v(${shape})
      order by e.n`,
    [JSON.stringify(rows)],
  );
  return r.rows.map((row) => row.ok);
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
const text = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.integer({ min: max - 3, max: max + 3 }).map((n) => 'ё'.repeat(n)),
  );

/** a workout that is valid, with each intensity's value set iff chosen */
const validWorkouts = fc
  .record({
    week: fc.integer({ min: 1, max: 104 }),
    day: fc.integer({ min: 1, max: 7 }),
    position: fc.integer({ min: 0, max: 50 }),
    type: fc.constantFrom('run', 'intervals', 'strength', 'rest', 'race'),
    title: fc.string({ maxLength: 30 }),
    duration_min: maybe(fc.integer({ min: 1, max: 1440 })),
    distance_m: maybe(fc.integer({ min: 1, max: 1_000_000 })),
    intensity: fc.constantFrom(null, 'pace', 'hr_zone', 'rpe'),
    notes: fc.string({ maxLength: 30 }),
  })
  .chain((w) =>
    fc
      .record({
        pace_s_per_km:
          w.intensity === 'pace' ? fc.integer({ min: 120, max: 1200 }) : fc.constant(null),
        hr_zone: w.intensity === 'hr_zone' ? fc.integer({ min: 1, max: 5 }) : fc.constant(null),
        rpe: w.intensity === 'rpe' ? fc.integer({ min: 1, max: 10 }) : fc.constant(null),
      })
      .map((v) => ({ ...w, ...v })),
  );

/** anything near the edges: out of range, mismatched intensities, long text */
const anyWorkouts = fc.record({
  week: fc.integer({ min: -1, max: 106 }),
  day: fc.integer({ min: -1, max: 9 }),
  position: fc.integer({ min: -1, max: 52 }),
  type: fc.constantFrom('run', 'intervals', 'strength', 'rest', 'race', 'swim', 'Run'),
  title: text(200),
  duration_min: maybe(fc.integer({ min: -1, max: 1442 })),
  distance_m: maybe(fc.integer({ min: -1, max: 1_000_002 })),
  intensity: fc.constantFrom(null, 'pace', 'hr_zone', 'rpe', 'speed'),
  pace_s_per_km: maybe(fc.integer({ min: 118, max: 1202 })),
  hr_zone: maybe(fc.integer({ min: -1, max: 7 })),
  rpe: maybe(fc.integer({ min: -1, max: 12 })),
  notes: text(2000),
});

const workoutShape =
  'week int, day int, position int, type text, title text, duration_min int, distance_m int, ' +
  'intensity text, pace_s_per_km int, hr_zone int, rpe int, notes text';

describe('plan and workout rules agree with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('a workout: zod and every check of plan_workouts agree on 3,000 generated rows', async () => {
    const columns = workoutShape.split(', ').map((c) => c.split(' ')[0] ?? '');
    const checks = await checksOn(db, 'plan_workouts', columns);
    expect(checks.map((c) => c.name)).toContain('plan_workouts_intensity_shape_check');
    const rows = [...fc.sample(validWorkouts, 1000), ...fc.sample(anyWorkouts, 2000)];
    const inDb = await verdicts(
      db,
      checks.map((c) => c.expr),
      workoutShape,
      rows,
    );
    const disagree = rows.filter(
      (row, i) => workoutFieldsSchema.safeParse(row).success !== inDb[i],
    );
    expect(disagree).toEqual([]);
    expect(inDb.filter(Boolean).length).toBeGreaterThan(900);
  });

  it('a plan: zod and the title, description and weeks checks of training_plans agree', async () => {
    const checks = await checksOn(db, 'training_plans', ['title', 'description', 'weeks']);
    expect(checks.map((c) => c.name).sort()).toEqual([
      'training_plans_description_check',
      'training_plans_title_check',
      'training_plans_weeks_check',
    ]);
    const plans = fc.sample(
      fc.record({
        title: fc.oneof(
          text(200),
          fc.constantFrom('', '   ', ' База ', '\t', ' ' + 'я'.repeat(200) + ' '),
        ),
        description: text(4000),
        weeks: fc.integer({ min: -1, max: 106 }),
      }),
      2000,
    );
    const inDb = await verdicts(
      db,
      checks.map((c) => c.expr),
      'title text, description text, weeks int',
      plans,
    );
    const disagree = plans.filter((p, i) => planFieldsSchema.safeParse(p).success !== inDb[i]);
    expect(disagree).toEqual([]);
  });

  it('a one-to-one relationship: zod and the checks of coach_athletes agree', async () => {
    const checks = await checksOn(db, 'coach_athletes', ['kind', 'starts_on', 'ends_on', 'notes']);
    expect(checks.map((c) => c.name).sort()).toEqual([
      'coach_athletes_dates_check',
      'coach_athletes_kind_check',
      'coach_athletes_notes_check',
    ]);
    const dates = fc.constantFrom('2026-12-06', '2026-12-07', '2026-12-08', '2027-01-01');
    const rows = fc.sample(
      fc.record({
        kind: fc.constantFrom('coaching', 'consulting', 'mentoring', ''),
        starts_on: dates,
        ends_on: fc.option(dates, { nil: null }),
        notes: text(2000),
      }),
      1000,
    );
    const inDb = await verdicts(
      db,
      checks.map((c) => c.expr),
      'kind text, starts_on date, ends_on date, notes text',
      rows,
    );
    const disagree = rows.filter((r, i) => coachAthleteFormSchema.safeParse(r).success !== inDb[i]);
    expect(disagree).toEqual([]);
  });
});
