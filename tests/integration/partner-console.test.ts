// Issue 16, the reseller console through the real supabase-js client against
// the seeded local stack: the demo reseller creates a client club (the club,
// an owner invitation for its contact, the contact's email and the audit entry
// all exist afterwards), lists it with its usage, and links an existing club
// (the demo club) only once that club's owner accepts its link; the club sees
// its partner and revokes it.
import { type SupabaseClient, createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { noRealtimeTransport } from '../../supabase/local/no-realtime.ts';
import { type Gateway, createServer } from '../../supabase/local/server.ts';

const RESELLER = 'fa100000-0000-4000-8000-000000000002';
const DEMO_CLUB = 'd1000000-0000-4000-8000-000000000001';

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

describe('the reseller console', () => {
  let partner: SupabaseClient;

  beforeAll(async () => {
    partner = await signIn('partner@trackside.test');
  });

  it('creates a client: the club, an owner invitation, the email and the audit entry', async () => {
    const { data: clubId, error } = await partner.rpc('partner_create_client', {
      p_partner: RESELLER,
      p_name: 'Спортшкола «Олимп»',
      p_contact_name: 'Олег Олимпов',
      p_contact_email: 'olimp@example.test',
      p_contact_phone: '+7 900 111-22-33',
      p_subscription_tier: 'pro',
      p_billing_by_partner: true,
      p_time_zone: 'Europe/Moscow',
    });
    expect(error).toBeNull();
    expect(typeof clubId).toBe('string');

    const { rows: invitations } = await db.query<{ role: string }>(
      `select role from public.invitations where org_id = $1 and revoked_at is null`,
      [clubId],
    );
    expect(invitations.map((i) => i.role)).toEqual(['owner']);
    const { rows: mail } = await db.query<{ kind: string; to_email: string }>(
      `select kind, to_email from private.email_outbox where org_id = $1`,
      [clubId],
    );
    expect(mail).toEqual([{ kind: 'partner_client_invitation', to_email: 'olimp@example.test' }]);

    const { data: audit, error: auditError } = await partner.rpc('partner_audit', {
      p_org: RESELLER,
    });
    expect(auditError).toBeNull();
    const created = (audit as { action: string; client_org_id: string }[]).filter(
      (e) => e.client_org_id === clubId,
    );
    expect(created.map((e) => e.action)).toEqual(['client.created']);

    const { data: usage } = await partner.rpc('partner_client_usage', {
      p_partner: RESELLER,
      p_search: 'олимп',
    });
    expect(usage).toMatchObject([{ client_org_id: clubId, status: 'active', members: 0 }]);
  });

  it('refuses a bad address and changes nothing', async () => {
    const { rows: before } = await db.query<{ n: number }>(
      `select count(*)::int as n from public.partner_clients`,
    );
    const { error } = await partner.rpc('partner_create_client', {
      p_partner: RESELLER,
      p_name: 'X',
      p_contact_name: 'Y',
      p_contact_email: 'not-an-address',
      p_contact_phone: '',
      p_subscription_tier: 'basic',
      p_billing_by_partner: false,
      p_time_zone: 'Europe/Moscow',
    });
    expect(error?.message).toMatch(/email address is not valid/);
    const { rows: after } = await db.query<{ n: number }>(
      `select count(*)::int as n from public.partner_clients`,
    );
    expect(after).toEqual(before);
  });

  it('links an existing club only when its owner accepts, and the club can revoke', async () => {
    const { data: token, error } = await partner.rpc('partner_request_link', {
      p_partner: RESELLER,
      p_months: 6,
      p_write: false,
    });
    expect(error).toBeNull();

    const coach = await signIn('coach@trackside.test');
    const refused = await coach.rpc('partner_accept_link', { p_token: token, p_club: DEMO_CLUB });
    expect(refused.error?.message).toMatch(/only an owner of the club/);

    const admin = await signIn('admin@trackside.test');
    const { data: preview } = await admin.rpc('partner_link_preview', { p_token: token });
    expect(preview).toMatchObject([
      { partner_name: 'СпортСофт Партнёр', months: 6, allow_write: false },
    ]);
    const accepted = await admin.rpc('partner_accept_link', { p_token: token, p_club: DEMO_CLUB });
    expect(accepted.error).toBeNull();

    const { data: managed } = await admin.rpc('club_partner', { p_club: DEMO_CLUB });
    expect(managed).toMatchObject([
      { partner_org_id: RESELLER, origin: 'linked', allow_write: false },
    ]);
    const again = await admin.rpc('partner_accept_link', { p_token: token, p_club: DEMO_CLUB });
    expect(again.error?.message).toMatch(/already been used/);

    const revoked = await admin.rpc('club_revoke_partner', { p_club: DEMO_CLUB });
    expect(revoked.error).toBeNull();
    const { data: after } = await admin.rpc('club_partner', { p_club: DEMO_CLUB });
    expect(after).toEqual([]);
    const { data: clubAudit } = await admin.rpc('partner_audit', { p_org: DEMO_CLUB });
    expect((clubAudit as { action: string }[]).map((e) => e.action)).toEqual([
      'client.revoked',
      'client.linked',
    ]);
  });
});
