// An event id is kept exactly once under real concurrency (issue 15): the same
// batch sent by several connections at once, each in its own open transaction,
// is stored once whichever commits first — the unique id, not a check before the
// insert, decides. A purchase paid twice at once (a webhook and its retry) is one
// fact. PGlite runs one statement at a time, so these rounds need DATABASE_URL.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';

const ORG = '5c150000-0000-4000-a000-000000000001';
const COACH = '5c150000-0000-4000-b000-000000000001';
const BUYER = '5c150000-0000-4000-b000-000000000002';
const PRODUCT = '5c150000-0000-4000-8000-0000000000f1';
const CONNECTIONS = 6;

describe.skipIf(!process.env.DATABASE_URL)(
  'analytics events race on PostgreSQL (needs DATABASE_URL: PGlite cannot race)',
  () => {
    let db: Database;
    let pool: pg.Pool;

    beforeAll(async () => {
      db = await createTestDatabase();
      pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: CONNECTIONS });
      await db.exec(`
        insert into auth.users (id, email) values ('${COACH}', 'race-coach@test.local'),
          ('${BUYER}', 'race-buyer@test.local');
        insert into public.organizations (id, name, slug) values ('${ORG}', 'Event races', 'event-races');
        insert into public.memberships (org_id, user_id, role) values ('${ORG}', '${COACH}', 'coach'),
          ('${ORG}', '${BUYER}', 'member');
        insert into public.coach_pages (org_id, coach_id, slug, published, display_name)
          values ('${ORG}', '${COACH}', 'event-races', true, 'Event Races');
        insert into public.products (id, org_id, kind, name, price_minor, currency, coach_id, listed)
          values ('${PRODUCT}', '${ORG}', 'product', 'Plan', 100000, 'RUB', '${COACH}', true);
      `);
    });

    afterAll(async () => {
      await pool?.end();
      await db?.close();
    });

    /** each statement in its own open transaction as the service role, then all commit */
    async function race(sql: string, params: unknown[][]): Promise<unknown[]> {
      const clients = await Promise.all(params.map(() => pool.connect()));
      try {
        await Promise.all(
          clients.map(async (c) => {
            await c.query('begin');
            await c.query(`select set_config('role', 'service_role', true)`);
          }),
        );
        // every statement is sent before any commits: the later ones wait on the first's ids
        const results = await Promise.all(
          clients.map(async (c, i) => {
            const r = await c.query<{ r: unknown }>(sql, params[i]);
            await c.query('commit');
            return r.rows[0]?.r;
          }),
        );
        return results;
      } finally {
        for (const c of clients) c.release();
      }
    }

    const count = async (sql: string, params: unknown[]) =>
      Number((await db.query<{ n: number }>(sql, params)).rows[0]?.n ?? -1);

    it('the same batch from six connections at once is stored once', async () => {
      // the server's clock, which the ingest measures an event's age by
      const now = await db.query<{ now: Date }>('select now() as now');
      const at = new Date(now.rows[0]?.now ?? 0).toISOString();
      const batch = ['page_view', 'offer_view', 'slot_selected'].map((name) => ({
        id: randomUUID(),
        name,
        page: 'event-races',
        path: '/event-races',
        at,
      }));
      const results = await race(
        'select public.analytics_ingest($1::jsonb, $2, $3) as r',
        // different addresses: the limits are not what this proves
        Array.from({ length: CONNECTIONS }, (_, i) => [
          JSON.stringify(batch),
          `192.0.2.${i + 1}`,
          'Mozilla/5.0 race',
        ]),
      );
      const accepted = results.map((r) => (r as { accepted: number }).accepted);
      expect(accepted.reduce((a, b) => a + b, 0)).toBe(3);
      expect(
        await count(
          'select count(*)::int as n from analytics.events where event_id = any($1::uuid[])',
          [batch.map((e) => e.id)],
        ),
      ).toBe(3);
    });

    it('a purchase paid by a webhook and its retry at once is one fact', async () => {
      const id = randomUUID();
      await db.query(
        `insert into public.purchases (id, org_id, user_id, product_id, kind, product_name, amount_minor, currency, status)
         values ($1, $2, $3, $4, 'product', 'Plan', 100000, 'RUB', 'pending')`,
        [id, ORG, BUYER, PRODUCT],
      );
      await race(
        `update public.purchases set status = 'paid', paid_at = now() where id = $1 returning true as r`,
        [[id], [id], [id]],
      );
      expect(
        await count(
          `select count(*)::int as n from analytics.events where subject_id = $1 and name = 'purchase'`,
          [id],
        ),
      ).toBe(1);
    });
  },
);
