// partners.audit_overhead (issue 16): a write a partner makes while acting for a
// client club — through row-level security, the acting checks and the
// hash-chained audit entry written in the same transaction — against the same
// write by the club's own admin, which passes the same policies and the same
// guard trigger but writes no audit entry. One athlete's notes, one transaction
// each, alternately. The club's chain is already 2,000 entries long, so the cost
// of appending does not hide behind an empty log. ratio ≤ 1.5.
import type { Database, Queryable } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { timePair, type BenchResult } from './bench-result.ts';

const club = '00000000-0000-4000-8000-0000000a0d17';
const reseller = '00000000-0000-4000-8000-0000000a0d18';
const group = '00000000-0000-4000-8000-0000000a0d19';
const admin = '00000000-0000-4000-8000-0000000a0d1a';
const partner = '00000000-0000-4000-8000-0000000a0d1b';
const session = '00000000-0000-4000-8000-0000000a0d1c';
const athlete = '00000000-0000-4000-8000-0000000a0d1d';

async function populate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into auth.users (id, email, aud, role, raw_user_meta_data, created_at, updated_at)
       values ($1, 'bench-admin@trackside.test', 'authenticated', 'authenticated', '{}', now(), now()),
              ($2, 'bench-partner@trackside.test', 'authenticated', 'authenticated', '{}', now(), now())`,
      [admin, partner],
    );
    await tx.query(
      `insert into public.organizations (id, kind, name, slug) values
         ($1, 'club', 'Bench club', 'bench-audit-club'), ($2, 'reseller', 'Bench reseller', 'bench-audit-reseller')`,
      [club, reseller],
    );
    await tx.query(
      `insert into public.memberships (org_id, user_id, role) values ($1, $2, 'admin'), ($3, $4, 'owner')`,
      [club, admin, reseller, partner],
    );
    await tx.query(
      `insert into public.partner_profiles (org_id, program, tier, referral_code) values ($1, 'reseller', 'gold', 'BENCH001')`,
      [reseller],
    );
    await tx.query(
      `insert into public.partner_clients (partner_org_id, client_org_id, origin, allow_write)
       values ($1, $2, 'created', true)`,
      [reseller, club],
    );
    await tx.query(
      `insert into public.training_groups (id, org_id, name, season) values ($1, $2, 'Группа', '2026-2027')`,
      [group, club],
    );
    await tx.query(
      `insert into public.athletes (id, org_id, group_id, name, season)
       select case when n = 1 then $3::uuid else gen_random_uuid() end, $1, $2, 'Спортсмен ' || n, '2026-2027'
         from generate_series(1, 200) n`,
      [club, group, athlete],
    );
    await tx.query(
      `insert into private.acting_sessions (id, actor_id, partner_org_id, client_org_id, reason, write, expires_at)
       values ($1, $2, $3, $4, 'benchmarking the audit overhead', true, now() + interval '59 minutes')`,
      [session, partner, reseller, club],
    );
    // a chain with history: 2,000 entries before the measured ones
    await tx.query(
      `select private.audit_append($1, $2, 'bench.seed', 'athletes', n::text, null, '{}'::jsonb)
         from generate_series(1, 2000) n`,
      [club, reseller],
    );
  });
  await db.exec('analyze');
}

async function as(tx: Queryable, claims: Record<string, unknown>): Promise<void> {
  await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
    JSON.stringify({ role: 'authenticated', aud: 'authenticated', ...claims }),
  ]);
  await tx.exec('set local role authenticated');
}

const write = `update public.athletes set notes = $2 where id = $1 returning id`;

export async function partnersAuditOverhead(): Promise<BenchResult> {
  const db = await createTestDatabase();
  try {
    await populate(db);
    let n = 0;
    const acting = () =>
      db.transaction(async (tx) => {
        await as(tx, {
          sub: partner,
          act_as: {
            session_id: session,
            client_org_id: club,
            partner_org_id: reseller,
            write: true,
          },
        });
        const r = await tx.query(write, [athlete, `через партнёра ${n++}`]);
        if (r.rows.length !== 1) throw new Error('the acting write touched no row');
      });
    const own = () =>
      db.transaction(async (tx) => {
        await as(tx, { sub: admin });
        const r = await tx.query(write, [athlete, `сам клуб ${n++}`]);
        if (r.rows.length !== 1) throw new Error('the admin write touched no row');
      });
    const t = await timePair(acting, own, 200, 20);
    const audited = await db.query<{ n: string }>(
      `select count(*)::text as n from audit.entries where chain_org_id = $1 and action = 'acting.update'`,
      [club],
    );
    if (Number(audited.rows[0]?.n) < 200) throw new Error('acting writes were not audited');
    return {
      name: 'partners.audit_overhead',
      unit: 'ms',
      value: t.a,
      baseline: 'the same write by the club’s admin (same policies and guard, no audit entry)',
      baseline_value: t.b,
      ratio: t.a / t.b,
      limit: 1.5,
    };
  } finally {
    await db.close();
  }
}
