// The race organizer's forms (src/domain/races.ts) and the CHECKs of public.races,
// public.race_placements and public.race_perks agree: generated names, places,
// distances, addresses, dates and codes go to both — the form's value as it would
// be stored (trimmed) — and any disagreement fails with the value.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  distancesSchema,
  isPlacementImage,
  isPlacementLink,
  perkFormSchema,
  placementFormSchema,
  raceFormSchema,
} from '../../src/domain/races.ts';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';

async function checkExpr(db: Database, table: string, name: string): Promise<string> {
  const def = await db.query<{ expr: string }>(
    `select pg_get_expr(c.conbin, c.conrelid) as expr from pg_constraint c
      where c.conrelid = $1::regclass and c.contype = 'c' and c.conname = $2`,
    [`public.${table}`, name],
  );
  const expr = def.rows[0]?.expr;
  if (!expr) throw new Error(`no check constraint ${name} on ${table}`);
  return expr;
}

/** whether the check passes each text value bound to `column` */
async function textVerdicts(
  db: Database,
  table: string,
  constraint: string,
  column: string,
  values: readonly string[],
): Promise<boolean[]> {
  const expr = await checkExpr(db, table, constraint);
  const r = await db.query<{ ok: boolean }>(
    `select (${expr}) is not false as ok
       from unnest($1::text[]) with ordinality as v(${column}, n) order by v.n`,
    [values],
  );
  return r.rows.map((row) => row.ok);
}

const text = (alphabet: string, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), maxLength });

describe('race forms and the database agree', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  const base = {
    name: 'Забег',
    race_date: '2027-06-20',
    time_zone: 'Europe/Moscow',
    place: '',
    distances_m: [10000],
    status: 'draft' as const,
  };
  const labels: [string, string, string, number, (v: string) => boolean][] = [
    [
      'races',
      'races_name_check',
      'name',
      120,
      (v) => raceFormSchema.safeParse({ ...base, name: v }).success,
    ],
    [
      'races',
      'races_place_check',
      'place',
      200,
      (v) => raceFormSchema.safeParse({ ...base, place: v }).success,
    ],
    [
      'race_perks',
      'race_perks_title_check',
      'title',
      120,
      (v) =>
        perkFormSchema.safeParse({ sponsor_name: 'S', title: v, description: '', code: 'ABC' })
          .success,
    ],
    [
      'race_perks',
      'race_perks_sponsor_name_check',
      'sponsor_name',
      80,
      (v) =>
        perkFormSchema.safeParse({ sponsor_name: v, title: 'T', description: '', code: 'ABC' })
          .success,
    ],
    [
      'race_perks',
      'race_perks_description_check',
      'description',
      500,
      (v) =>
        perkFormSchema.safeParse({ sponsor_name: 'S', title: 'T', description: v, code: 'ABC' })
          .success,
    ],
  ];

  for (const [table, constraint, column, max, device] of labels) {
    it(`on ${table}.${column}`, async () => {
      const values = fc
        .sample(
          fc.oneof(
            text('аб c ё🏃', 12),
            fc.integer({ min: max - 3, max: max + 3 }).map((n) => 'я'.repeat(n)),
            fc.integer({ min: max - 2, max: max + 2 }).map((n) => `${'🏃'.repeat(n)}  `),
          ),
          { numRuns: 300, seed: 20261207 },
        )
        .concat(['', ' ', '   x   ']);
      // the form stores the trimmed value
      const stored = values.map((v) => v.trim());
      const verdicts = await textVerdicts(db, table, constraint, column, stored);
      expect(values.filter((v, i) => device(v) !== verdicts[i])).toEqual([]);
    });
  }

  it('on distances (the check and the guard’s “each once”)', async () => {
    const values = fc
      .sample(
        fc.array(
          fc.oneof(
            fc.integer({ min: 0, max: 1_100_000 }),
            fc.constantFrom(99, 100, 101, 999_999, 1_000_000, 1_000_001, 21097),
          ),
          { maxLength: 12 },
        ),
        { numRuns: 400, seed: 20261207 },
      )
      .concat([[], [100, 100], Array.from({ length: 11 }, (_, i) => 1000 * (i + 1))]);
    const expr = await checkExpr(db, 'races', 'races_distances_check');
    const r = await db.query<{ ok: boolean }>(
      `select (${expr}) is not false
              and (select count(distinct d) from unnest(l.distances_m) d) = cardinality(l.distances_m) as ok
         from jsonb_array_elements($1::jsonb) with ordinality as e(j, n),
              lateral (select array(select jsonb_array_elements_text(e.j)::int)::int[] as distances_m) l
        order by e.n`,
      [JSON.stringify(values)],
    );
    const verdicts = r.rows.map((row) => row.ok);
    expect(values.filter((v, i) => distancesSchema.safeParse(v).success !== verdicts[i])).toEqual(
      [],
    );
  });

  it('on a banner’s image and link addresses', async () => {
    const values = fc
      .sample(
        fc.oneof(
          fc.webUrl(),
          fc.webUrl().map((u) => u.replace(/^http:/, 'https:')),
          text('hpst:/.a b', 14).map((s) => `https://${s}`),
          fc.constantFrom(
            '/sponsors/begomarket-race.svg',
            '/sponsors/a b.svg',
            '/sponsors/x.gif',
            '/sponsors/../x.svg',
            '/other/x.svg',
            '//evil.test/x.svg',
          ),
          fc.integer({ min: 490, max: 510 }).map((n) => `https://a.ru/${'x'.repeat(n - 13)}`),
        ),
        { numRuns: 400, seed: 20261207 },
      )
      .concat(['https://', 'https://x', 'HTTPS://x.ru', 'https://x .ru']);
    const images = await textVerdicts(
      db,
      'race_placements',
      'race_placements_image_url_check',
      'image_url',
      values,
    );
    const links = await textVerdicts(
      db,
      'race_placements',
      'race_placements_link_url_check',
      'link_url',
      values,
    );
    expect(values.filter((v, i) => isPlacementImage(v) !== images[i])).toEqual([]);
    expect(values.filter((v, i) => isPlacementLink(v) !== links[i])).toEqual([]);
  });

  it('on a banner’s dates', async () => {
    const pairs = fc.sample(
      fc.tuple(
        fc.integer({ min: 0, max: 800 }),
        fc.oneof(fc.integer({ min: -3, max: 370 }), fc.constantFrom(365, 366, 367)),
      ),
      { numRuns: 300, seed: 20261207 },
    );
    const starts = pairs.map(([s]) => addDays('2026-01-01', s));
    const ends = pairs.map(([s, d]) => addDays('2026-01-01', s + d));
    const expr = await checkExpr(db, 'race_placements', 'race_placements_dates_check');
    const r = await db.query<{ ok: boolean }>(
      `select (${expr}) is not false as ok
         from unnest($1::date[], $2::date[]) with ordinality as v(starts_on, ends_on, n) order by v.n`,
      [starts, ends],
    );
    const device = (i: number) =>
      placementFormSchema.safeParse({
        slot: 'race_page',
        sponsor_name: 'S',
        image_url: 'https://a.ru/i.png',
        link_url: 'https://a.ru',
        starts_on: starts[i],
        ends_on: ends[i],
      }).success;
    expect(pairs.filter((_, i) => device(i) !== r.rows[i]?.ok)).toEqual([]);
  });

  it('on a perk’s code', async () => {
    const values = fc
      .sample(text('aZ09_-!. ю', 36), { numRuns: 400, seed: 20261207 })
      .concat(['NIGHTS-RUN20', 'ab', 'abc', 'x'.repeat(32), 'x'.repeat(33)]);
    const verdicts = await textVerdicts(db, 'race_perks', 'race_perks_code_check', 'code', values);
    const device = (v: string) =>
      perkFormSchema.safeParse({ sponsor_name: 'S', title: 'T', description: '', code: v }).success;
    // the form trims; the stored value is what it checks
    expect(values.filter((v, i) => v === v.trim() && device(v) !== verdicts[i])).toEqual([]);
  });
});
