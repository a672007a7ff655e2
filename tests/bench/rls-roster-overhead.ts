// rls.roster_overhead (issue 2 §6): a coach's roster — the 200 athletes of their
// organization — read through row-level security while 100,000 athletes of 500
// other organizations share the table, against the same query run as the table
// owner, which RLS does not apply to. ratio ≤ 1.5 on PGlite.
import type { Database, Queryable } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { timePair, type BenchResult } from './bench-result.ts';

const coachId = '00000000-0000-4000-8000-00000000c0ac';
const orgId = '00000000-0000-4000-8000-0000000000a1';
const groupId = '00000000-0000-4000-8000-0000000000b1';
const otherOrgs = 500;
const perOrg = 200;

const rosterSql = `
  select id, name, group_id, season, status, schedule, rank_start, rank_end
    from public.athletes
   where org_id = $1 and deleted_at is null
   order by name`;

async function populate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into auth.users (id, email, aud, role, raw_user_meta_data, created_at, updated_at)
       values ($1, 'bench-coach@trackside.test', 'authenticated', 'authenticated', '{}', now(), now())`,
      [coachId],
    );
    // the coach's club and 500 others, each with one group of 200 athletes
    await tx.query(
      `insert into public.organizations (id, name, slug)
       select case when n = 0 then $1::uuid else gen_random_uuid() end,
              'Bench club ' || n, 'bench-club-' || n
         from generate_series(0, $2::int) n`,
      [orgId, otherOrgs],
    );
    await tx.query(
      `insert into public.training_groups (id, org_id, name, season)
       select case when o.id = $1::uuid then $2::uuid else gen_random_uuid() end, o.id, 'Группа', '2026-2027'
         from public.organizations o`,
      [orgId, groupId],
    );
    await tx.query(
      `insert into public.athletes (org_id, group_id, name, season, schedule, rank_start)
       select g.org_id, g.id, 'Спортсмен ' || lpad(n::text, 3, '0'), '2026-2027',
              'Пн 18:00, Ср 19:00', 'II юношеский разряд'
         from public.training_groups g, generate_series(1, $1::int) n`,
      [perOrg],
    );
    await tx.query(
      `insert into public.memberships (org_id, user_id, role) values ($1, $2, 'coach')`,
      [orgId, coachId],
    );
    await tx.query(
      `insert into public.training_group_coaches (org_id, group_id, user_id) values ($1, $2, $3)`,
      [orgId, groupId, coachId],
    );
  });
  await db.exec('analyze');
}

async function asCoach(tx: Queryable): Promise<void> {
  await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
    JSON.stringify({ sub: coachId, role: 'authenticated', aud: 'authenticated' }),
  ]);
  await tx.exec('set local role authenticated');
}

export async function rlsRosterOverhead(): Promise<BenchResult> {
  const db = await createTestDatabase();
  try {
    await populate(db);
    const viaRls = () =>
      db.transaction(async (tx) => {
        await asCoach(tx);
        const r = await tx.query(rosterSql, [orgId]);
        if (r.rows.length !== perOrg) throw new Error(`coach saw ${r.rows.length} athletes`);
      });
    const asOwner = () =>
      db.transaction(async (tx) => {
        // same transaction shape and claims, but the owner is not subject to RLS
        await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
          JSON.stringify({ sub: coachId, role: 'authenticated' }),
        ]);
        const r = await tx.query(rosterSql, [orgId]);
        if (r.rows.length !== perOrg) throw new Error(`owner saw ${r.rows.length} athletes`);
      });
    const t = await timePair(viaRls, asOwner, 60);
    const ratio = t.a / t.b;
    const limit = 1.5;
    let notes: string | undefined;
    if (ratio > limit) {
      notes = await db.transaction(async (tx) => {
        await asCoach(tx);
        const plan = await tx.query<{ 'QUERY PLAN': string }>(`explain analyze ${rosterSql}`, [
          orgId,
        ]);
        return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    }
    return {
      name: 'rls.roster_overhead',
      unit: 'ms',
      value: t.a,
      baseline: 'same roster query as the table owner (no RLS)',
      baseline_value: t.b,
      ratio,
      limit,
      ...(notes ? { notes } : {}),
    };
  } finally {
    await db.close();
  }
}
