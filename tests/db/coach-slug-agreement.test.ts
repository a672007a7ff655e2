// The slug rules of src/domain/coach-slug.ts and private.is_valid_slug /
// private.reserved_slugs (20261206150000_storefront_core.sql) must agree: the
// same reserved words, and the same verdict on generated and edge-case slugs.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { RESERVED_SLUGS, isValidSlug } from '../../src/domain/coach-slug.ts';

describe('coach slug rules agree with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('the same reserved words', async () => {
    const r = await db.query<{ s: string }>('select unnest(private.reserved_slugs()) as s');
    expect([...r.rows.map((row) => row.s)].sort()).toEqual([...RESERVED_SLUGS].sort());
  });

  it('the same verdict on 3,000 generated slugs and the edges', async () => {
    const chars = fc.constantFrom(...'abcz09-_A.я '.split(''));
    const generated = fc.sample(fc.string({ unit: chars, minLength: 0, maxLength: 44 }), 3000);
    const edges = [
      '',
      'ab',
      'abc',
      'a'.repeat(40),
      'a'.repeat(41),
      '-ab',
      'ab-',
      'a--b',
      'a-b',
      'Volkov',
      'book',
      'storefront',
      'volkov',
      '00-0',
      'a\nb',
    ];
    const values = [...generated, ...edges, ...RESERVED_SLUGS];
    const r = await db.query<{ ok: boolean | null }>(
      `select private.is_valid_slug(v.t) as ok
         from unnest($1::text[]) with ordinality as v(t, n) order by v.n`,
      [values],
    );
    const disagree = values.filter((v, i) => isValidSlug(v) !== (r.rows[i]?.ok ?? false));
    expect(disagree).toEqual([]);
  });
});
