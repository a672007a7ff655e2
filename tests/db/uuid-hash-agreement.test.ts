// The device's port of uuid_hash_extended (src/domain/uuid-hash.ts) must give what
// the server gives, or every access check would see a mismatch and reconcile:
// 2,000 generated uuids, the extremes, and a set's XOR digest against bit_xor.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { idsDigest } from '../../src/domain/ids-digest.ts';
import { hex64, uuidHash } from '../../src/domain/uuid-hash.ts';

describe('uuid hashes agree with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('uuid_hash_extended(id, 0) on 2,000 uuids, and their XOR', async () => {
    const ids = [
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      ...fc.sample(fc.uuid(), 2000),
    ];
    const { rows } = await db.query<{ h: string }>(
      `select lpad(to_hex(uuid_hash_extended(u, 0)), 16, '0') as h
         from unnest($1::uuid[]) with ordinality as x(u, o) order by o`,
      [ids],
    );
    const mine = ids.map((id) => hex64(...uuidHash(id)));
    expect(mine).toEqual(rows.map((r) => r.h));

    const { rows: xor } = await db.query<{ d: string }>(
      `select lpad(to_hex(coalesce(bit_xor(uuid_hash_extended(u, 0)), 0)), 16, '0') as d
         from unnest($1::uuid[]) as u`,
      [ids],
    );
    expect(idsDigest(ids)).toBe(xor[0]?.d);
  });
});
