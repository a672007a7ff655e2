// The volume price of a seat pool: the app's tiers (src/domain/seat-volume-price.ts,
// what the form shows while choosing) and the database's (private.seat_volume_percent
// and private.seat_volume_price, what the checkout charges) give the same percent
// and the same price per seat for every count from 1 to 10 000 and many list prices.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { seatVolumePercent, seatVolumePrice } from '../../src/domain/seat-volume-price.ts';

describe('seat volume prices agree with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('the percent off for every seat count', async () => {
    const { rows } = await db.query<{ p: number }>(
      'select private.seat_volume_percent(n) as p from generate_series(1, 10000) n order by n',
    );
    expect(rows.map((r) => r.p)).toEqual(
      Array.from({ length: 10_000 }, (_, i) => seatVolumePercent(i + 1)),
    );
  });

  it('the price per seat, rounded down, on generated list prices', async () => {
    const cases = fc.sample(
      fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000 })),
      2_000,
    );
    cases.push([2990, 10], [2990, 50], [290_000, 25], [1, 200], [99, 10]);
    const { rows } = await db.query<{ p: number }>(
      `select private.seat_volume_price(l, n) as p
         from unnest($1::int[], $2::int[]) with ordinality as x(l, n, o) order by o`,
      [cases.map((c) => c[0]), cases.map((c) => c[1])],
    );
    expect(rows.map((r) => r.p)).toEqual(cases.map(([l, n]) => seatVolumePrice(l, n)));
  });
});
