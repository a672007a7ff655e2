// What the challenge form checks before it sends (src/domain/club-challenge.ts)
// and what public.club_challenges accepts (20261207171000_club_challenges.sql) must
// be the same rule: a title on thousands of generated strings and the edges of
// its length, a target around its bounds, the metrics, and the dates — ends on or
// after the start, 366 days at most — on pairs around every edge.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHALLENGE_METRICS,
  challengeFormSchema,
  challengeTitleSchema,
} from '../../src/domain/club-challenge.ts';
import { addDays } from '../../src/domain/zoned-time.ts';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';

async function checkExpr(db: Database, name: string): Promise<string> {
  const def = await db.query<{ expr: string }>(
    `select pg_get_expr(c.conbin, c.conrelid) as expr from pg_constraint c
      where c.conrelid = 'public.club_challenges'::regclass and c.conname = $1`,
    [name],
  );
  const expr = def.rows[0]?.expr;
  if (!expr) throw new Error(`no constraint ${name} on public.club_challenges`);
  return expr;
}

/** the constraints' verdict on each row, given as the columns they name */
async function verdicts(
  db: Database,
  names: readonly string[],
  columns: readonly (readonly [string, string, readonly unknown[]])[],
): Promise<boolean[]> {
  const exprs = await Promise.all(names.map((n) => checkExpr(db, n)));
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const names_ = columns.map(([c]) => c).join(', ');
  const { rows } = await db.query<{ ok: boolean }>(
    `select (${exprs.map((e) => `(${e}) is not false`).join(' and ')}) as ok
       from unnest(${arrays}) with ordinality as v(${names_}, n) order by v.n`,
    columns.map(([, , values]) => values),
  );
  return rows.map((r) => r.ok);
}

const form = (over: Partial<Record<string, string>>) => ({
  title: 'Декабрь',
  metric: 'sessions',
  target: '',
  startsOn: '2026-12-01',
  endsOn: '2026-12-31',
  ...over,
});

describe('the challenge form and the database agree', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('on a title', async () => {
    const values = fc
      .sample(
        fc.oneof(
          fc.string({ unit: fc.constantFrom(...'aЯ 1\t\n\u200b\u202eé\u0301'), maxLength: 130 }),
          fc.string({ unit: 'grapheme', maxLength: 10 }),
        ),
        { numRuns: 3000, seed: 20261207 },
      )
      .map((v) => v.replaceAll('\0', ''))
      .concat(['', ' ', 'a', 'я'.repeat(119), 'я'.repeat(120), 'я'.repeat(121), '😀'.repeat(120)]);
    const inDb = await verdicts(db, ['club_challenges_title_check'], [['title', 'text', values]]);
    // a value already as the form sends it (trimmed, composed) gets the same verdict
    const sent = values.filter((v) => v === v.trim().normalize('NFC'));
    const sentDb = inDb.filter((_, i) => values[i] === values[i]?.trim().normalize('NFC'));
    expect(sent.filter((v, i) => challengeTitleSchema.safeParse(v).success !== sentDb[i])).toEqual(
      [],
    );
    // and whatever the form accepts, it sends in a form the table takes
    const accepted = values.flatMap((v) => {
      const r = challengeTitleSchema.safeParse(v);
      return r.success ? [r.data] : [];
    });
    const acceptedDb = await verdicts(
      db,
      ['club_challenges_title_check'],
      [['title', 'text', accepted]],
    );
    expect(accepted.filter((_, i) => !acceptedDb[i])).toEqual([]);
  });

  it('on a target', async () => {
    const values = [...Array.from({ length: 21 }, (_, i) => i - 10), 99_999, 100_000, 100_001];
    const inDb = await verdicts(db, ['club_challenges_target_check'], [['target', 'int', values]]);
    const device = values.map(
      (v) => challengeFormSchema.safeParse(form({ target: String(v) })).success,
    );
    expect(device).toEqual(inDb);
    expect(challengeFormSchema.safeParse(form({ target: '' })).success).toBe(true);
    expect(
      (await verdicts(db, ['club_challenges_target_check'], [['target', 'int', [null]]]))[0],
    ).toBe(true);
  });

  it('on the metrics', async () => {
    const candidates = [...CHALLENGE_METRICS, 'distance', 'steps', 'Sessions', ''];
    const inDb = await verdicts(
      db,
      ['club_challenges_metric_check'],
      [['metric', 'text', candidates]],
    );
    const device = candidates.map(
      (m) => challengeFormSchema.safeParse(form({ metric: m })).success,
    );
    expect(device).toEqual(inDb);
  });

  it('on the dates', async () => {
    const starts = ['2026-12-07', '2027-02-28', '2028-02-29', '2026-01-01'];
    const pairs = starts.flatMap((s) =>
      [-2, -1, 0, 1, 364, 365, 366, 367, 400].map((d) => [s, addDays(s, d)] as const),
    );
    const inDb = await verdicts(
      db,
      ['club_challenges_dates_check', 'club_challenges_length_check'],
      [
        ['starts_on', 'date', pairs.map((p) => p[0])],
        ['ends_on', 'date', pairs.map((p) => p[1])],
      ],
    );
    const device = pairs.map(
      ([startsOn, endsOn]) => challengeFormSchema.safeParse(form({ startsOn, endsOn })).success,
    );
    expect(device).toEqual(inDb);
    // the edges are in the sample: a one-day challenge and one of 366 days pass, 367 do not
    expect(inDb.filter(Boolean).length).toBe(starts.length * 4);
  });
});
