// A percentage rollout must put an organization in the same bucket on the device
// (src/domain/flag-bucket.ts, for what the app shows) and in the database
// (private.flag_bucket, for what it allows): 10,000 generated ids, the extremes,
// several keys, and MurmurHash3's reference values on texts of every tail length
// and in Cyrillic.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { flagBucket, murmur3x86_32 } from '../../src/domain/flag-bucket.ts';

describe('flag buckets agree with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('private.flag_bucket(key, id) on 10,000 ids and four keys', async () => {
    const ids = [
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      ...fc.sample(fc.uuid(), 9_998),
    ];
    for (const key of ['running_clubs', 'coaches', 'race_partnerships', 'a1']) {
      const { rows } = await db.query<{ b: number }>(
        `select private.flag_bucket($1, u) as b
           from unnest($2::uuid[]) with ordinality as x(u, o) order by o`,
        [key, ids],
      );
      expect(rows.map((r) => r.b)).toEqual(ids.map((id) => flagBucket(key, id)));
    }
  });

  it('private.murmur3_32 on texts of each tail length, with seeds, in Cyrillic', async () => {
    // any Unicode PostgreSQL's text can hold (no NUL)
    const texts = fc
      .sample(fc.string({ unit: 'grapheme', maxLength: 40 }), 500)
      .map((t) => t.replaceAll('\0', ''));
    texts.push('', 'a', 'ab', 'abc', 'abcd', 'Стрела', 'Бег 🏃', 'running_clubs:x');
    const seeds = texts.map((_, i) => (i * 2_654_435_761) % 4_294_967_296);
    const { rows } = await db.query<{ h: string }>(
      `select private.murmur3_32(t, s)::text as h
         from unnest($1::text[], $2::bigint[]) with ordinality as x(t, s, o) order by o`,
      [texts, seeds],
    );
    expect(rows.map((r) => Number(r.h))).toEqual(texts.map((t, i) => murmur3x86_32(t, seeds[i])));
  });
});
