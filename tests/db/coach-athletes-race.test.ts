// A coach's athlete limit under real concurrency (issue 17): eight relationships
// added at once for a coach with room for three are admitted exactly three times
// (the guard locks the coach's settings row, so the additions take turns and each
// counts the ones before it). PGlite runs one statement at a time, so this needs
// DATABASE_URL (PostgreSQL 15 in CI).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';

const CLUB = '5c170000-0000-4000-a000-000000000001';
const COACH = '5c170000-0000-4000-a000-000000000002';
const LIMIT = 3;
const CONNECTIONS = 8;

function athlete(n: number): string {
  return `5c170000-0000-4000-b000-0000000000${String(n).padStart(2, '0')}`;
}

describe.skipIf(!process.env.DATABASE_URL)(
  'coach_athletes limit on PostgreSQL (needs DATABASE_URL: PGlite cannot race)',
  () => {
    let db: Database;
    let pool: pg.Pool;

    beforeAll(async () => {
      db = await createTestDatabase();
      pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: CONNECTIONS });
      await db.exec(`
        insert into auth.users (id, email) values ('${COACH}', 'limit-coach@test.local');
        insert into public.organizations (id, kind, name, slug) values
          ('${CLUB}', 'club', 'Limit races', 'limit-races');
        insert into public.memberships (org_id, user_id, role) values ('${CLUB}', '${COACH}', 'coach');
        insert into public.coach_settings (org_id, coach_id, time_zone, max_athletes)
          values ('${CLUB}', '${COACH}', 'Europe/Moscow', ${LIMIT});
        insert into public.athletes (id, org_id, name)
          select ('5c170000-0000-4000-b000-0000000000' || lpad(n::text, 2, '0'))::uuid, '${CLUB}',
                 'Спортсмен ' || n
            from generate_series(1, ${CONNECTIONS}) n;
      `);
    });

    afterAll(async () => {
      await pool?.end();
      await db?.close();
    });

    it(`eight additions at once for a coach with room for ${LIMIT} admit exactly ${LIMIT}`, async () => {
      const clients = await Promise.all(Array.from({ length: CONNECTIONS }, () => pool.connect()));
      const results = await (async () => {
        await Promise.all(clients.map((c) => c.query('begin')));
        return Promise.all(
          clients.map(async (c, i) => {
            try {
              await c.query(
                `insert into public.coach_athletes (org_id, coach_id, athlete_id) values ($1, $2, $3)`,
                [CLUB, COACH, athlete(i + 1)],
              );
              await c.query('commit');
              return 'ok';
            } catch (error) {
              await c.query('rollback');
              return (error as { code?: string }).code ?? 'error';
            }
          }),
        );
      })().finally(() => {
        for (const c of clients) c.release();
      });
      expect(results.filter((r) => r === 'ok')).toHaveLength(LIMIT);
      expect(results.filter((r) => r !== 'ok')).toEqual(Array(CONNECTIONS - LIMIT).fill('P0001'));
      const live = await db.query<{ n: number }>(
        `select count(*)::int as n from public.coach_athletes where coach_id = $1 and status = 'active'`,
        [COACH],
      );
      expect(live.rows[0]?.n).toBe(LIMIT);
    });
  },
);
