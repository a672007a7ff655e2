// The products dashboard's rules (src/domain/product-form.ts) and the CHECKs of
// public.products and public.package_items agree: generated names, prices,
// credits, validities and quantities go to both, and any disagreement fails with
// the value.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import {
  creditsSchema,
  priceMinorSchema,
  productNameSchema,
  quantitySchema,
  validDaysSchema,
} from '../../src/domain/product-form.ts';

/** whether `constraint` of `table` passes each value bound to `column` as `type` */
async function verdicts(
  db: Database,
  table: string,
  constraint: string,
  column: string,
  type: 'text' | 'int',
  values: readonly (string | number)[],
): Promise<boolean[]> {
  const def = await db.query<{ expr: string }>(
    `select pg_get_expr(c.conbin, c.conrelid) as expr from pg_constraint c
      where c.conrelid = $1::regclass and c.contype = 'c' and c.conname = $2`,
    [`public.${table}`, constraint],
  );
  const expr = def.rows[0]?.expr;
  if (!expr) throw new Error(`no check constraint ${constraint} on ${table}`);
  const r = await db.query<{ ok: boolean }>(
    `select (${expr}) is not false as ok
       from unnest($1::${type}[]) with ordinality as v(${column}, n) order by v.n`,
    [values.map(String)],
  );
  return r.rows.map((row) => row.ok);
}

describe('product rules agree with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  const ints = (max: number) =>
    fc.sample(
      fc.oneof(fc.integer({ min: -5, max: max + 5 }), fc.integer({ min: -1e9, max: 2e9 })),
      500,
    );

  const cases: [string, string, string, z.ZodType, number[]][] = [
    ['products', 'products_price_minor_check', 'price_minor', priceMinorSchema, ints(100_000_000)],
    ['products', 'products_credits_check', 'credits', creditsSchema, ints(1000)],
    ['products', 'products_valid_days_check', 'valid_days', validDaysSchema, ints(3660)],
    ['package_items', 'package_items_quantity_check', 'quantity', quantitySchema, ints(100)],
  ];
  for (const [table, constraint, column, schema, values] of cases) {
    it(`${column}: zod and ${constraint} agree on ${values.length} generated values`, async () => {
      const db_ = await verdicts(db, table, constraint, column, 'int', values);
      const disagree = values.filter((v, i) => schema.safeParse(v).success !== db_[i]);
      expect(disagree).toEqual([]);
      expect(new Set(db_)).toEqual(new Set([true, false]));
    });
  }

  it('name: zod (trimmed) and products_name_check agree on 1,000 generated names', async () => {
    const names = fc.sample(
      fc.oneof(fc.string({ maxLength: 3 }), fc.string({ minLength: 195, maxLength: 205 })),
      1000,
    );
    // the dashboard stores the trimmed name: compare what each side would store
    const trimmed = names.map((n) => n.trim());
    const db_ = await verdicts(db, 'products', 'products_name_check', 'name', 'text', trimmed);
    const disagree = names.filter((n, i) => productNameSchema.safeParse(n).success !== db_[i]);
    expect(disagree).toEqual([]);
  });
});
