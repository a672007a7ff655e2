// What the platform's flags page checks before it sends (src/domain/feature-flag.ts)
// and what public.feature_flags and public.feature_flag_rules accept
// (20261207140000_feature_flags.sql) must be the same rule: a key's shape on
// thousands of generated strings and the edges of its length, a rollout on every
// whole number around 0–100, and the lists of stabilities, enforcements and kinds.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FLAG_ENFORCEMENTS,
  FLAG_KEY_PATTERN,
  FLAG_RULE_KINDS,
  FLAG_STABILITIES,
  flagKeyInput,
  isRolloutPercent,
} from '../../src/domain/feature-flag.ts';
import { ORGANIZATION_KINDS } from '../../src/domain/organization.ts';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';

async function checkExpr(db: Database, table: string, name: string): Promise<string> {
  const def = await db.query<{ expr: string }>(
    `select pg_get_expr(c.conbin, c.conrelid) as expr from pg_constraint c
      where c.conrelid = $1::regclass and c.conname = $2`,
    [table, name],
  );
  const expr = def.rows[0]?.expr;
  if (!expr) throw new Error(`no constraint ${name} on ${table}`);
  return expr;
}

/** the constraint's verdict on each value, given as the column it names */
async function verdicts(
  db: Database,
  table: string,
  name: string,
  column: string,
  type: string,
  values: readonly unknown[],
): Promise<boolean[]> {
  const expr = await checkExpr(db, table, name);
  const { rows } = await db.query<{ ok: boolean }>(
    `select (${expr}) is not false as ok
       from unnest($1::${type}[]) with ordinality as v(${column}, n) order by v.n`,
    [values],
  );
  return rows.map((r) => r.ok);
}

describe('the flags page and the database agree', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('on a flag key', async () => {
    const values = fc
      .sample(
        fc.oneof(
          fc.string({ unit: fc.constantFrom(...'az09_AZ-. é\nбя'), maxLength: 70 }),
          fc.stringMatching(/^[a-z][a-z0-9_]{0,64}$/),
          fc.string({ unit: 'grapheme', maxLength: 8 }),
        ),
        { numRuns: 3000, seed: 20261207 },
      )
      .map((v) => v.replaceAll('\0', ''))
      .concat([
        '',
        'a',
        'ab',
        `a${'b'.repeat(61)}`,
        `a${'b'.repeat(62)}`,
        `a${'b'.repeat(63)}`,
        'running_clubs',
        'running_clubs\n',
        '\nrunning_clubs',
        'ſ1',
        'K1',
      ]);
    const inDb = await verdicts(
      db,
      'public.feature_flags',
      'feature_flags_key_check',
      'key',
      'text',
      values,
    );
    expect(values.filter((v, i) => FLAG_KEY_PATTERN.test(v) !== inDb[i])).toEqual([]);
    // the form trims before it checks, and sends what it checked
    expect(
      values.filter((v, i) => {
        const verdict = flagKeyInput(v);
        return verdict.ok && verdict.key === v && !inDb[i];
      }),
    ).toEqual([]);
  });

  it('on a rollout percentage', async () => {
    const values = Array.from({ length: 221 }, (_, i) => i - 110);
    for (const [table, name] of [
      ['public.feature_flags', 'feature_flags_rollout_check'],
      ['public.feature_flag_rules', 'feature_flag_rules_rollout_check'],
    ] as const) {
      const inDb = await verdicts(db, table, name, 'rollout_percent', 'int', values);
      expect(values.filter((v, i) => isRolloutPercent(v) !== inDb[i])).toEqual([]);
    }
  });

  it('on the stabilities, enforcements and kinds', async () => {
    const candidates = [
      ...new Set([
        ...FLAG_STABILITIES,
        ...FLAG_ENFORCEMENTS,
        ...FLAG_RULE_KINDS,
        ...ORGANIZATION_KINDS,
        'alpha',
        'ga',
        'api',
        'Club',
        '',
      ]),
    ];
    const cases = [
      ['feature_flags', 'feature_flags_stability_check', 'stability', FLAG_STABILITIES],
      ['feature_flags', 'feature_flags_enforcement_check', 'enforcement', FLAG_ENFORCEMENTS],
      ['feature_flag_rules', 'feature_flag_rules_kind_check', 'org_kind', FLAG_RULE_KINDS],
    ] as const;
    for (const [table, name, column, list] of cases) {
      const inDb = await verdicts(db, `public.${table}`, name, column, 'text', candidates);
      const device = candidates.map((c) => (list as readonly string[]).includes(c));
      expect({ name, verdicts: inDb }).toEqual({ name, verdicts: device });
    }
  });
});
