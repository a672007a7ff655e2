// partners.console_10k (issue 16): a reseller with 10,000 client clubs reads one
// page of 50 of its clients — the active ones, newest first, third page —
// through row-level security as the partner's owner, against the same query
// run as the table owner, which RLS does not apply to. ratio ≤ 1.5. PGlite by
// default; PostgreSQL 15 when DATABASE_URL is set (createTestDatabase).
// The console's usage page (public.partner_client_usage, a security definer
// function that counts members, athletes, sessions and revenue for the page's
// 50 clubs only) is timed too and reported in the notes.
import type { Database, Queryable } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { timePair, type BenchResult } from './bench-result.ts';

const partnerUser = '00000000-0000-4000-8000-0000000c0501';
const otherUser = '00000000-0000-4000-8000-0000000c0502';
const partnerOrg = '00000000-0000-4000-8000-0000000c0510';
const otherPartner = '00000000-0000-4000-8000-0000000c0520';
const clients = 10_000;
const otherClients = 2_000;
const pageSize = 50;

const pageSql = `
  select c.client_org_id, c.status, c.subscription_tier, c.contact_name, c.contact_email, c.created_at
    from public.partner_clients c
   where c.partner_org_id = $1 and c.status = 'active'
   order by c.created_at desc, c.id
   limit ${pageSize} offset 100`;

async function populate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into auth.users (id, email, aud, role, raw_user_meta_data, created_at, updated_at)
       values ($1, 'bench-partner@trackside.test', 'authenticated', 'authenticated', '{}', now(), now()),
              ($2, 'bench-other@trackside.test', 'authenticated', 'authenticated', '{}', now(), now())`,
      [partnerUser, otherUser],
    );
    await tx.query(
      `insert into public.organizations (id, kind, name, slug) values
         ($1, 'reseller', 'Bench reseller', 'bench-reseller'),
         ($2, 'reseller', 'Other reseller', 'other-reseller')`,
      [partnerOrg, otherPartner],
    );
    await tx.query(
      `insert into public.memberships (org_id, user_id, role) values ($1, $2, 'owner'), ($3, $4, 'owner')`,
      [partnerOrg, partnerUser, otherPartner, otherUser],
    );
    await tx.query(
      `insert into public.partner_profiles (org_id, program, tier, referral_code) values
         ($1, 'reseller', 'platinum', 'BENCHRS1'), ($2, 'reseller', 'platinum', 'BENCHRS2')`,
      [partnerOrg, otherPartner],
    );
    // the clubs: 10,000 of this reseller and 2,000 of another, each with a few athletes
    await tx.query(
      `insert into public.organizations (id, kind, name, slug)
       select gen_random_uuid(), 'club', 'Клуб ' || lpad(n::text, 5, '0'), 'bench-client-' || n
         from generate_series(1, $1::int) n`,
      [clients + otherClients],
    );
    // the core's guard counts the tier's clients on every insert; filling 12,000
    // rows at once is the bench's setup, not what it measures
    await tx.exec('alter table public.partner_clients disable trigger guard_partner_client');
    await tx.query(
      `insert into public.partner_clients (partner_org_id, client_org_id, origin, contact_name, contact_email,
         subscription_tier, status, access_ends_at, created_at)
       select case when o.n <= $1 then $2::uuid else $3::uuid end, o.id, 'created', 'Контакт ' || o.n,
              'club' || o.n || '@example.test', (array['basic', 'standard', 'pro'])[1 + o.n % 3],
              case when o.n % 10 = 0 then 'suspended' when o.n % 25 = 0 then 'canceled' else 'active' end,
              case when o.n % 10 <> 0 and o.n % 25 = 0 then now() + interval '30 days' end,
              now() - make_interval(mins => o.n::int)
         from (select id, row_number() over (order by slug) as n
                 from public.organizations where slug like 'bench-client-%') o`,
      [clients, partnerOrg, otherPartner],
    );
    await tx.exec('alter table public.partner_clients enable trigger guard_partner_client');
    await tx.query(
      `insert into public.athletes (org_id, name, season)
       select c.client_org_id, 'Спортсмен ' || n, '2026-2027'
         from public.partner_clients c, generate_series(1, 5) n`,
    );
  });
  await db.exec('analyze');
}

async function asPartner(tx: Queryable): Promise<void> {
  await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
    JSON.stringify({ sub: partnerUser, role: 'authenticated', aud: 'authenticated' }),
  ]);
  await tx.exec('set local role authenticated');
}

export async function partnersConsole10k(): Promise<BenchResult> {
  const db = await createTestDatabase();
  try {
    await populate(db);
    const viaRls = () =>
      db.transaction(async (tx) => {
        await asPartner(tx);
        const r = await tx.query(pageSql, [partnerOrg]);
        if (r.rows.length !== pageSize) throw new Error(`the partner saw ${r.rows.length} clients`);
      });
    const asOwner = () =>
      db.transaction(async (tx) => {
        // same transaction shape, claims and statements (the role is set too, to
        // itself), but the owner is not subject to RLS: a 1 ms page must not be
        // measured against one round trip fewer
        await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
          JSON.stringify({ sub: partnerUser, role: 'authenticated' }),
        ]);
        await tx.exec('set local role none');
        const r = await tx.query(pageSql, [partnerOrg]);
        if (r.rows.length !== pageSize) throw new Error(`the owner saw ${r.rows.length} clients`);
      });
    const t = await timePair(viaRls, asOwner, 60);
    const ratio = t.a / t.b;
    const limit = 1.5;

    // the usage page: one page of 50 with its figures, as the console asks for it
    const usage = await db.transaction(async (tx) => {
      await asPartner(tx);
      const started = performance.now();
      const r = await tx.query<{ total_count: string }>(
        `select * from public.partner_client_usage($1, 'active', null, 'created_at', true, $2, 100)`,
        [partnerOrg, pageSize],
      );
      const ms = performance.now() - started;
      if (r.rows.length !== pageSize) throw new Error(`usage gave ${r.rows.length} clients`);
      return { ms, total: r.rows[0]?.total_count ?? '?' };
    });
    let notes = `partner_client_usage, a page of 50 of ${usage.total} active clients with figures: ${usage.ms.toFixed(1)} ms`;
    if (ratio > limit) {
      const plan = await db.transaction(async (tx) => {
        await asPartner(tx);
        const p = await tx.query<{ 'QUERY PLAN': string }>(`explain analyze ${pageSql}`, [
          partnerOrg,
        ]);
        return p.rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      notes += `\n${plan}`;
    }
    return {
      name: 'partners.console_10k',
      unit: 'ms',
      value: t.a,
      baseline: 'same page of partner_clients as the table owner (no RLS)',
      baseline_value: t.b,
      ratio,
      limit,
      notes,
    };
  } finally {
    await db.close();
  }
}
