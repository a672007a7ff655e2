// The result rules in src/domain/competition-result.ts and the CHECK constraints of
// public.competition_results (and athletes.sex) must agree: generated rows go to
// both, each varied in one field around its edges. The date is judged by the
// domain with the database's own now() as its clock, read in the same statement as
// the verdicts, so the test never depends on the wall clock. The norms the
// migration ships are exactly the grids the unit tests draw their boundaries from.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { unholdable } from './check-verdicts.ts';
import { competitionResultSchema, sexSchema } from '../../src/domain/competition-result.ts';
import { evsk2017Norms } from '../../src/domain/evsk-norms-2017.ts';
import { dateFromEpochDay, epochDay } from '../../src/domain/zoned-time.ts';

type Row = Record<string, unknown>;

const valid: Row = {
  competed_on: '2019-06-15',
  competition: 'Первенство области',
  level: 'regional',
  discipline: '100m',
  result_kind: 'time',
  value: 10.94,
  timing: 'auto',
  venue: 'outdoor',
  place: 2,
  notes: '',
};

/** every check constraint of the table at once, over the rows; null when the row cannot be cast */
async function verdicts(
  db: Database,
  rows: readonly Row[],
): Promise<{ at: number; ok: boolean[] }> {
  const defs = await db.query<{ expr: string }>(
    `select pg_get_expr(c.conbin, c.conrelid) as expr from pg_constraint c
      where c.conrelid = 'public.competition_results'::regclass and c.contype = 'c'`,
  );
  const all = defs.rows.map((d) => `((${d.expr}) is not false)`).join(' and ');
  const r = await db.query<{ at: number; ok: boolean[] }>(
    `select (extract(epoch from now()) * 1000)::float8 as at,
            array_agg((${all}) order by v.ordinality) as ok
       from jsonb_populate_recordset(null::public.competition_results, $1::jsonb) with ordinality as v`,
    [JSON.stringify(rows)],
  );
  const row = r.rows[0];
  if (!row) throw new Error('no verdicts');
  return row;
}

describe('competition result rules agree with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  async function disagreements(rows: Row[]): Promise<Row[]> {
    const { at, ok } = await verdicts(db, rows);
    const schema = competitionResultSchema({ now: () => Number(at) });
    return rows.filter((row, i) => schema.safeParse(row).success !== ok[i]);
  }

  const fields: [string, fc.Arbitrary<unknown>][] = [
    [
      'competition',
      fc
        .oneof(
          fc.string({ maxLength: 210 }),
          fc.integer({ min: 195, max: 205 }).map((n) => 'Ё'.repeat(n)),
          fc.constantFrom('', ' ', '\t', 'a'),
        )
        .filter((s) => !unholdable(s))
        // the form trims before it validates and saves
        .map((s) => s.trim()),
    ],
    [
      'level',
      fc.constantFrom(
        'school',
        'city',
        'regional',
        'federal_district',
        'national',
        'international',
        'olympic',
        '',
        'Regional',
      ),
    ],
    [
      'discipline',
      fc.oneof(
        fc.constantFrom(
          '60m',
          'long_jump',
          '1',
          '_x',
          'a'.repeat(40),
          'a'.repeat(41),
          '100 m',
          '100M',
        ),
        fc.string({ maxLength: 12 }).filter((s) => !unholdable(s)),
      ),
    ],
    [
      'value',
      fc.oneof(
        fc.constantFrom(0, -1, 0.01, 0.001, 10.94, 10.945, 999_999.99, 1_000_000, 1e-7),
        fc.integer({ min: -100, max: 100_000_000 }).map((n) => n / 100),
        fc.integer({ min: 1, max: 100_000 }).map((n) => n / 1000),
      ),
    ],
    ['venue', fc.constantFrom('indoor', 'outdoor', 'stadium', '')],
    ['place', fc.oneof(fc.constant(null), fc.integer({ min: -2, max: 10_003 }))],
    ['notes', fc.integer({ min: 995, max: 1005 }).map((n) => 'я'.repeat(n))],
  ];
  for (const [field, arb] of fields) {
    it(`${field}: zod and the CHECK constraints agree on generated values`, async () => {
      const rows = fc.sample(arb, 500).map((v) => ({ ...valid, [field]: v }));
      expect(await disagreements(rows)).toEqual([]);
    });
  }

  it('result_kind and timing: a time has its timing, nothing else has one', async () => {
    const rows = ['time', 'distance', 'height', 'points', 'speed'].flatMap((kind) =>
      ['auto', 'hand', null, 'photo'].map((timing) => ({ ...valid, result_kind: kind, timing })),
    );
    expect(await disagreements(rows)).toEqual([]);
    const { ok } = await verdicts(db, rows);
    expect(ok.filter(Boolean)).toHaveLength(5);
  });

  it('competed_on: both by the database clock, around today anywhere on earth and 1900', async () => {
    const edge = await db.query<{ latest: string }>(
      `select (((now() at time zone 'utc') + interval '14 hours')::date)::text as latest`,
    );
    const latest = epochDay(edge.rows[0]?.latest ?? '');
    const days = fc.sample(
      fc.oneof(
        fc.integer({ min: latest - 3, max: latest + 3 }),
        fc.integer({ min: epochDay('1899-12-29'), max: epochDay('1900-01-03') }),
      ),
      300,
    );
    const rows = days.map((d) => ({ ...valid, competed_on: dateFromEpochDay(d) }));
    expect(await disagreements(rows)).toEqual([]);
    const { ok } = await verdicts(db, rows);
    expect(new Set(ok)).toEqual(new Set([true, false]));
  });

  it('athletes.sex: zod and athletes_sex_check agree', async () => {
    const values = ['male', 'female', null, 'm', 'Male', '', 'other'];
    const r = await db.query<{ ok: boolean }>(
      `select (sex in ('male', 'female')) is not false as ok
         from unnest($1::text[]) with ordinality as v(sex, n) order by v.n`,
      [values],
    );
    const def = await db.query<{ expr: string }>(
      `select pg_get_expr(c.conbin, c.conrelid) as expr from pg_constraint c
        where c.conrelid = 'public.athletes'::regclass and c.conname = 'athletes_sex_check'`,
    );
    expect(def.rows[0]?.expr).toContain('male');
    expect(values.map((v) => sexSchema.safeParse(v).success)).toEqual(r.rows.map((x) => x.ok));
  });

  it('the shipped norms are exactly the cited grids the suggestion is tested against', async () => {
    const r = await db.query<{ key: string }>(
      `select concat_ws('|', edition, discipline, sex, result_kind, timing, venue, rank,
                        (threshold * 100)::int, min_age, min_level, valid_from, valid_to) as key
         from public.evsk_norms where deleted_at is null order by 1`,
    );
    const expected = evsk2017Norms()
      .map((n) =>
        [
          n.edition,
          n.discipline,
          n.sex,
          n.result_kind,
          n.timing,
          n.venue,
          n.rank,
          Math.round(n.threshold * 100),
          n.min_age,
          n.min_level,
          n.valid_from,
          n.valid_to,
        ]
          .filter((x) => x !== null)
          .join('|'),
      )
      .sort();
    expect(r.rows.map((x) => x.key).sort()).toEqual(expected);
  });
});
