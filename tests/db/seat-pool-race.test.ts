// A club's seat pool under real concurrency (issue 18): 100 members claim a seat of
// a 20-seat pool at the same moment, each on their own connection, and exactly 20
// claims succeed — the seat count is one conditional update, so the others are told
// the pool is full and nothing of theirs is kept. PGlite runs one statement at a
// time, so this needs DATABASE_URL (PostgreSQL 15 in CI, which allows the 100
// connections).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';

const CLUB = '5ea70000-0000-4000-a000-000000000001';
const SELLER = '5ea70000-0000-4000-a000-000000000002';
const COACH = '5ea70000-0000-4000-a000-000000000003';
const PLAN = '5ea70000-0000-4000-a000-000000000004';
const PRODUCT = '5ea70000-0000-4000-a000-000000000005';
const POOL = '5ea70000-0000-4000-a000-000000000006';
const SEATS = 20;
const CLAIMS = 100;

function member(n: number): string {
  return `5ea70000-0000-4000-b000-000000000${String(n).padStart(3, '0')}`;
}

describe.skipIf(!process.env.DATABASE_URL)(
  'seat pool claims on PostgreSQL (needs DATABASE_URL: PGlite cannot race)',
  () => {
    let db: Database;
    let pool: pg.Pool;

    beforeAll(async () => {
      db = await createTestDatabase();
      pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: CLAIMS });
      await db.exec(`
        insert into auth.users (id, email) values ('${COACH}', 'seat-coach@test.local');
        insert into auth.users (id, email)
          select ('5ea70000-0000-4000-b000-000000000' || lpad(n::text, 3, '0'))::uuid, 'seat-' || n || '@test.local'
            from generate_series(1, ${CLAIMS}) n;
        insert into public.organizations (id, kind, name, slug) values
          ('${CLUB}', 'club', 'Seat races', 'seat-races'),
          ('${SELLER}', 'coach_business', 'Seat seller', 'seat-seller');
        insert into public.memberships (org_id, user_id, role) values ('${SELLER}', '${COACH}', 'owner');
        insert into public.memberships (org_id, user_id, role)
          select '${CLUB}', ('5ea70000-0000-4000-b000-000000000' || lpad(n::text, 3, '0'))::uuid, 'member'
            from generate_series(1, ${CLAIMS}) n;
        insert into public.training_plans (id, org_id, coach_id, title, kind, weeks)
          values ('${PLAN}', '${SELLER}', '${COACH}', 'Полумарафон', 'template', 1);
        insert into public.products (id, org_id, kind, name, price_minor, currency, training_plan_id)
          values ('${PRODUCT}', '${SELLER}', 'product', 'План к полумарафону', 300000, 'RUB', '${PLAN}');
        insert into public.seat_pools (id, org_id, seller_org_id, product_id, seats, price_per_seat_minor, currency)
          values ('${POOL}', '${CLUB}', '${SELLER}', '${PRODUCT}', ${SEATS}, 250000, 'RUB');
      `);
    });

    afterAll(async () => {
      await pool?.end();
      await db?.close();
    });

    it(`${CLAIMS} claims at once on ${SEATS} seats: exactly ${SEATS} succeed`, async () => {
      const clients = await Promise.all(Array.from({ length: CLAIMS }, () => pool.connect()));
      const results = await (async () => {
        // every connection signed in as its member, inside an open transaction
        await Promise.all(
          clients.map(async (c, i) => {
            await c.query('begin');
            await c.query(`select set_config('request.jwt.claims', $1, true)`, [
              JSON.stringify({ sub: member(i + 1), role: 'authenticated' }),
            ]);
            await c.query('set local role authenticated');
          }),
        );
        return Promise.all(
          clients.map(async (c) => {
            try {
              await c.query('select public.claim_seat($1)', [POOL]);
              await c.query('commit');
              return 'ok';
            } catch (error) {
              await c.query('rollback');
              return (error as { hint?: string }).hint ?? 'error';
            }
          }),
        );
      })().finally(() => {
        for (const c of clients) c.release();
      });
      expect(results.filter((r) => r === 'ok')).toHaveLength(SEATS);
      expect(results.filter((r) => r !== 'ok')).toEqual(Array(CLAIMS - SEATS).fill('pool_full'));
      const state = await db.query<{ claimed: number; claims: number; purchases: number }>(
        `select p.claimed,
                (select count(*)::int from public.seat_claims c where c.pool_id = p.id and c.revoked_at is null) as claims,
                (select count(*)::int from public.purchases u where u.product_id = p.product_id and u.status = 'paid') as purchases
           from public.seat_pools p where p.id = $1`,
        [POOL],
      );
      expect(state.rows[0]).toEqual({ claimed: SEATS, claims: SEATS, purchases: SEATS });
    });
  },
);
