// The partner core under real concurrency (issue 16): eight connections writing
// to one club's audit chain at once still leave one unbroken chain (each entry
// links to the one committed before it), and clients added at once to a reseller
// one short of its tier's limit are admitted exactly once. PGlite runs one
// statement at a time, so these rounds need DATABASE_URL (PostgreSQL 15 in CI).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';

const CLUB = '5c160000-0000-4000-a000-000000000001';
const RESELLER = '5c160000-0000-4000-a000-000000000002';
const CONNECTIONS = 8;

describe.skipIf(!process.env.DATABASE_URL)(
  'partner races on PostgreSQL (needs DATABASE_URL: PGlite cannot race)',
  () => {
    let db: Database;
    let pool: pg.Pool;

    beforeAll(async () => {
      db = await createTestDatabase();
      pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: CONNECTIONS });
      await db.exec(`
        insert into public.organizations (id, kind, name, slug) values
          ('${CLUB}', 'club', 'Audit races', 'audit-races'),
          ('${RESELLER}', 'reseller', 'Race reseller', 'race-reseller');
        insert into public.partner_profiles (org_id, program, tier, referral_code)
          values ('${RESELLER}', 'reseller', 'silver', 'RACE0001');
        insert into public.organizations (id, kind, name, slug)
          select ('5c160000-0000-4000-b000-0000000000' || lpad(n::text, 2, '0'))::uuid, 'club',
                 'Limit club ' || n, 'race-limit-' || n
            from generate_series(1, 9 + ${CONNECTIONS}) n;
        insert into public.partner_clients (partner_org_id, client_org_id, origin)
          select '${RESELLER}', ('5c160000-0000-4000-b000-0000000000' || lpad(n::text, 2, '0'))::uuid, 'created'
            from generate_series(1, 9) n;
      `);
    });

    afterAll(async () => {
      await pool?.end();
      await db?.close();
    });

    /** each statement in its own open transaction, all sent before any commits */
    async function race(sql: string, params: unknown[][]): Promise<('ok' | string)[]> {
      const clients = await Promise.all(params.map(() => pool.connect()));
      try {
        await Promise.all(clients.map((c) => c.query('begin')));
        return await Promise.all(
          clients.map(async (c, i) => {
            try {
              await c.query(sql, params[i]);
              await c.query('commit');
              return 'ok';
            } catch (error) {
              await c.query('rollback');
              return (error as { code?: string }).code ?? 'error';
            }
          }),
        );
      } finally {
        for (const c of clients) c.release();
      }
    }

    it('eight writers at once leave one chain with no gap and no fork', async () => {
      const results = await race(
        `select private.audit_append($1, $2, 'client.updated', 'partner_clients', $3, null, '{}'::jsonb)`,
        Array.from({ length: CONNECTIONS }, (_, i) => [CLUB, RESELLER, `writer-${i}`]),
      );
      expect(results).toEqual(Array(CONNECTIONS).fill('ok'));
      const seqs = await db.query<{ seq: string }>(
        `select seq::text from audit.entries where chain_org_id = $1 order by seq`,
        [CLUB],
      );
      expect(seqs.rows.map((r) => Number(r.seq))).toEqual(
        Array.from({ length: CONNECTIONS }, (_, i) => i + 1),
      );
      const verdict = await db.query<{ ok: boolean; checked: number }>(
        `select ok, checked from public.verify_audit_chain($1)`,
        [CLUB],
      );
      expect(verdict.rows[0]).toEqual({ ok: true, checked: CONNECTIONS });
    });

    it('clients added at once one short of the limit: exactly one gets in', async () => {
      const results = await race(
        `insert into public.partner_clients (partner_org_id, client_org_id, origin) values ($1, $2, 'created')`,
        Array.from({ length: CONNECTIONS }, (_, i) => [
          RESELLER,
          `5c160000-0000-4000-b000-0000000000${String(10 + i).padStart(2, '0')}`,
        ]),
      );
      expect(results.filter((r) => r === 'ok')).toHaveLength(1);
      expect(results.filter((r) => r === '23514')).toHaveLength(CONNECTIONS - 1);
      const managed = await db.query<{ n: number }>(
        `select count(*)::int as n from public.partner_clients where partner_org_id = $1`,
        [RESELLER],
      );
      expect(managed.rows[0]?.n).toBe(10);
    });
  },
);
