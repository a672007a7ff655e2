// Issue 16, acting for a client: the reseller of the demo (supabase/seed.sql)
// acts for its club «Юность» through the real supabase-js client. The access
// token gains `act_as` from the custom access-token hook only while a session is
// open; reads follow the session row, writes need a write session the club
// allowed, and each write lands in the club's hash-chained audit log in the same
// transaction. A chain edited behind the API's back is caught by its verifier.
import { type SupabaseClient, createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { noRealtimeTransport } from '../../supabase/local/no-realtime.ts';
import { type Gateway, createServer } from '../../supabase/local/server.ts';
import { decodeClaims } from './gateway-harness.ts';

const YOUTH = 'fa100000-0000-4000-8000-000000000003';
const DEMO_CLUB = 'd1000000-0000-4000-8000-000000000001';
const ATHLETE = 'fa400000-0000-4000-8000-000000000001';

let db: Database;
let gateway: Gateway;
let url: string;

beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  gateway = createServer({ db, log: () => undefined });
  url = await gateway.listen(0, '127.0.0.1');
}, 120_000);

afterAll(async () => {
  await gateway?.close();
  await db?.close();
});

async function signIn(email: string): Promise<SupabaseClient> {
  const client = createClient(url, gateway.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: noRealtimeTransport },
  });
  const { error } = await client.auth.signInWithPassword({ email, password: 'trackside-demo' });
  expect(error).toBeNull();
  return client;
}

async function claims(client: SupabaseClient): Promise<Record<string, unknown>> {
  const { data } = await client.auth.getSession();
  return decodeClaims(data.session?.access_token ?? '');
}

const athletesOf = async (client: SupabaseClient, org: string) =>
  (await client.from('athletes').select('id, name, notes').eq('org_id', org)).data ?? [];

describe('a reseller acting for its client club', () => {
  let partner: SupabaseClient;
  let owner: SupabaseClient;

  beforeAll(async () => {
    partner = await signIn('partner@trackside.test');
    owner = await signIn('youth@trackside.test');
  });

  it('sees nothing of the club before acting', async () => {
    expect(await athletesOf(partner, YOUTH)).toEqual([]);
    expect((await claims(partner)).act_as).toBeUndefined();
  });

  it('cannot act without a reason, nor with write access the club may refuse', async () => {
    const short = await partner.rpc('start_acting', {
      p_client_org: YOUTH,
      p_reason: 'help',
      p_write: false,
    });
    expect(short.error?.code).toBe('22023');
    const other = await partner.rpc('start_acting', {
      p_client_org: DEMO_CLUB,
      p_reason: 'a club we do not manage',
      p_write: false,
    });
    expect(other.error?.code).toBe('42501');
  });

  it('reads the club while a read-only session lasts, and writes nothing', async () => {
    const started = await partner.rpc('start_acting', {
      p_client_org: YOUTH,
      p_reason: 'Проверяю расписание по просьбе клуба',
      p_write: false,
    });
    expect(started.error).toBeNull();
    await partner.auth.refreshSession();
    const actAs = (await claims(partner)).act_as as Record<string, unknown>;
    expect(actAs).toMatchObject({ client_org_id: YOUTH, write: false });

    const status = await partner.rpc('acting_status');
    expect(status.data).toMatchObject({ clientOrgId: YOUTH, write: false });
    expect(await athletesOf(partner, YOUTH)).toHaveLength(2);
    // the club's invitations are keys to it: never readable while acting
    expect((await partner.from('invitations').select('id').eq('org_id', YOUTH)).data).toEqual([]);

    const write = await partner
      .from('athletes')
      .update({ notes: 'через партнёра' })
      .eq('id', ATHLETE)
      .select();
    expect(write.error?.code).toBe('42501');
    expect(write.error?.message).toMatch(/read-only/);

    const again = await partner.rpc('start_acting', {
      p_client_org: YOUTH,
      p_reason: 'a second session from the first',
      p_write: true,
    });
    expect(again.error?.code).toBe('42501');
  });

  it('loses the club when it stops', async () => {
    expect((await partner.rpc('stop_acting')).data).toBe(1);
    await partner.auth.refreshSession();
    expect((await claims(partner)).act_as).toBeUndefined();
    expect(await athletesOf(partner, YOUTH)).toEqual([]);
  });

  it('writes with a write session, and each write is in the club’s audit with who, why and what', async () => {
    const reason = 'Исправляю заметки по заявке клуба №42';
    expect(
      (await partner.rpc('start_acting', { p_client_org: YOUTH, p_reason: reason, p_write: true }))
        .error,
    ).toBeNull();
    await partner.auth.refreshSession();

    const write = await partner
      .from('athletes')
      .update({ notes: 'через партнёра' })
      .eq('id', ATHLETE)
      .select('notes');
    expect(write.error).toBeNull();
    expect(write.data).toEqual([{ notes: 'через партнёра' }]);

    // members and invitations stay the club's own business
    const invite = await partner.rpc('create_invitation', { p_org_id: YOUTH, p_role: 'owner' });
    expect(invite.error).not.toBeNull();

    const audit = await owner.rpc('partner_audit', { p_org: YOUTH, p_limit: 10 });
    expect(audit.error).toBeNull();
    const entry = (
      audit.data as {
        action: string;
        reason: string;
        target_id: string;
        actor_name: string;
        detail: { columns: string[] };
      }[]
    ).find((e) => e.action === 'acting.update');
    expect(entry).toMatchObject({ reason, target_id: ATHLETE, actor_name: 'Павел Партнёров' });
    expect(entry?.detail.columns).toEqual(['notes']);

    const chain = await owner.rpc('verify_audit_chain', { p_org: YOUTH });
    expect(chain.data).toEqual([expect.objectContaining({ ok: true, broken_at: null })]);
  });

  it('cannot give itself write access while acting; the club can take it away', async () => {
    const self = await partner
      .from('partner_clients')
      .update({ allow_write: true })
      .eq('client_org_id', YOUTH)
      .select();
    expect(self.error?.code).toBe('42501');
    const club = await owner
      .from('partner_clients')
      .update({ allow_write: false })
      .eq('client_org_id', YOUTH)
      .select('allow_write');
    expect(club.data).toEqual([{ allow_write: false }]);
  });

  it('an expired session writes nothing, and the minute job takes the club away', async () => {
    await db.exec(`update private.acting_sessions set started_at = now() - interval '61 minutes',
                     expires_at = now() - interval '1 minute' where ended_at is null`);
    const write = await partner
      .from('athletes')
      .update({ notes: 'поздно' })
      .eq('id', ATHLETE)
      .select();
    expect(write.error?.code).toBe('42501');
    expect(write.error?.message).toMatch(/ended/);
    await db.exec('select private.end_partner_access()');
    expect(await athletesOf(partner, YOUTH)).toEqual([]);
    const notes = await db.query<{ notes: string }>(
      `select notes from public.athletes where id = $1`,
      [ATHLETE],
    );
    expect(notes.rows[0]?.notes).toBe('через партнёра');
  });
});

describe('the audit log', () => {
  it('refuses update and delete from the api roles and from its owner', async () => {
    for (const role of ['anon', 'authenticated', 'service_role']) {
      await expect(
        db.transaction(async (tx) => {
          await tx.query(`set local role ${role}`);
          await tx.query(`update audit.entries set reason = 'x'`);
        }),
      ).rejects.toThrow(/permission denied/);
    }
    await expect(db.exec(`update audit.entries set reason = 'rewritten'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.exec(`delete from audit.entries`)).rejects.toThrow(/append-only/);
  });

  it('shows an edit made behind the triggers’ back at the edited entry', async () => {
    const first = await db.query<{ id: string }>(
      `select id::text from audit.entries where chain_org_id = $1 order by seq limit 1 offset 1`,
      [YOUTH],
    );
    const id = first.rows[0]?.id;
    expect(id).toBeDefined();
    await db.exec(`alter table audit.entries disable trigger refuse_update_delete;
                   update audit.entries set reason = 'другая причина' where id = ${id};
                   alter table audit.entries enable trigger refuse_update_delete;`);
    const check = await db.query<{ ok: boolean; broken_at: string }>(
      `select ok, broken_at::text from public.verify_audit_chain($1)`,
      [YOUTH],
    );
    expect(check.rows[0]).toEqual({ ok: false, broken_at: id });
  });
});

describe('a suspended club', () => {
  it('is read-only for its members, and no other club notices', async () => {
    await db.exec(
      `update public.partner_clients set status = 'suspended' where client_org_id = '${YOUTH}'`,
    );
    const owner = await signIn('youth@trackside.test');
    expect(await athletesOf(owner, YOUTH)).toHaveLength(2);
    const write = await owner
      .from('athletes')
      .update({ notes: 'нельзя' })
      .eq('id', ATHLETE)
      .select();
    expect(write.error?.code).toBe('42501');
    expect(write.error?.message).toMatch(/suspended/);

    const demo = await signIn('admin@trackside.test');
    const other = await demo
      .from('athletes')
      .update({ notes: 'клуб работает' })
      .eq('id', 'd4000000-0000-4000-8000-000000000001')
      .select('notes');
    expect(other.error).toBeNull();
    expect(other.data).toEqual([{ notes: 'клуб работает' }]);
  });
});
