// Issue 16, the whole partner path through the local stack and the real
// supabase-js client: a reseller applies on the public form and confirms from
// the email → the platform's admin approves → the applicant signs up from the
// welcome email's invitation and owns the new reseller → creates its first client
// club, whose contact signs up from their own invitation and lets the partner
// write → the partner acts for the club with a reason, writes, stops → the
// club's owner reads that write in its audit, chained to the console's entries,
// and an entry edited behind the triggers' back breaks the chain where it was.
import { type SupabaseClient, createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import {
  type LocalFunctions,
  createGatewayWithFunctions,
} from '../../supabase/local/local-functions.ts';
import { noRealtimeTransport } from '../../supabase/local/no-realtime.ts';
import { decodeClaims } from './gateway-harness.ts';

const SITE = 'http://127.0.0.1:47998';
const APPLICANT = 'irina@sportsales.example';
const CONTACT = 'coach@zarya.example';

let db: Database;
let fns: LocalFunctions;
let api: string;

beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  fns = await createGatewayWithFunctions({ db, siteUrl: SITE, log: () => undefined });
  api = await fns.gateway.listen(0);
}, 120_000);

afterAll(async () => {
  await fns?.close();
  await db?.close();
});

const client = (): SupabaseClient =>
  createClient(api, fns.gateway.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: noRealtimeTransport },
  });

async function signIn(email: string, password = 'trackside-demo'): Promise<SupabaseClient> {
  const c = client();
  const { error } = await c.auth.signInWithPassword({ email, password });
  expect(error).toBeNull();
  return c;
}

async function mailTo(address: string): Promise<{ subject: string; text: string }[]> {
  await fns.dispatchEmails();
  const res = await fetch(`${api}/functions/v1/email-dispatch/local/mailbox`, {
    headers: { authorization: `Bearer ${fns.gateway.serviceKey}` },
  });
  const { messages } = (await res.json()) as {
    messages: { to: string; subject: string; text: string }[];
  };
  return messages.filter((m) => m.to.toLowerCase() === address.toLowerCase());
}

const apply = (fields: Record<string, string>) =>
  fetch(`${api}/functions/v1/partner-apply`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': '10.9.0.1',
      origin: SITE,
    },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });

/** the new person signs up and accepts the invitation the email's link carries */
async function joinFromEmail(email: string, subject: RegExp): Promise<SupabaseClient> {
  const mail = (await mailTo(email)).find((m) => subject.test(m.subject));
  const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
  expect(token).toBeDefined();
  const c = client();
  const signedUp = await c.auth.signUp({ email, password: 'a-partner-pass' });
  expect(signedUp.error).toBeNull();
  const accepted = await c.rpc('accept_invitation', { p_code_or_token: token ?? '' });
  expect(accepted.error).toBeNull();
  return c;
}

describe('from the application form to acting for the first client', () => {
  let partnerOrg = '';
  let club = '';
  let partner: SupabaseClient;
  let owner: SupabaseClient;

  it('a reseller applies, confirms and is approved', async () => {
    const sent = await apply({
      action: 'submit',
      company_name: 'СпортПродажи',
      contact_name: 'Ирина Соколова',
      contact_email: APPLICANT,
      contact_phone: '+7 912 000-11-22',
      website: 'sportsales.example',
      partnership_type: 'reseller',
      company_size: '11-50',
      industry: 'Продажа ПО спортшколам',
      current_solutions: '',
      target_market: 'ДЮСШ Урала',
      motivation: 'Продаём учёт спортшкол и хотим предлагать Trackside',
      additional_information: '',
      locale: 'ru',
      fax: '',
    });
    expect(sent.status).toBe(303);
    const confirmMail = (await mailTo(APPLICANT))[0];
    const token = /\/partners\/confirm\?t=([A-Za-z0-9_-]+)/.exec(confirmMail?.text ?? '')?.[1];
    expect(token).toBeDefined();
    const confirmed = await apply({ action: 'confirm', token: token ?? '', locale: 'ru' });
    expect(confirmed.headers.get('location')).toContain('done=confirmed');

    const admin = await signIn('platform@trackside.test');
    const { data: rows } = await admin
      .from('partner_applications')
      .select('id')
      .eq('contact_email', APPLICANT);
    const id = (rows as { id: string }[] | null)?.[0]?.id ?? '';
    for (const status of ['reviewing', 'approved']) {
      const r = await admin.rpc('set_partner_application_status', { p_id: id, p_status: status });
      expect(r.error).toBeNull();
      if (status === 'approved') partnerOrg = (r.data as { partner_org_id: string }).partner_org_id;
    }
    expect(partnerOrg).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('the applicant signs up from the welcome email and owns the reseller', async () => {
    partner = await joinFromEmail(APPLICANT, /^Добро пожаловать/);
    const { data } = await partner.from('memberships').select('role').eq('org_id', partnerOrg);
    expect(data).toEqual([{ role: 'owner' }]);
    const profile = await partner.from('partner_profiles').select('tier, program').single();
    expect(profile.data).toEqual({ tier: 'silver', program: 'reseller' });
  });

  it('creates its first client, whose contact joins and allows the partner to write', async () => {
    const created = await partner.rpc('partner_create_client', {
      p_partner: partnerOrg,
      p_name: 'Спортшкола «Заря»',
      p_contact_name: 'Олег Зарин',
      p_contact_email: CONTACT,
      p_contact_phone: '+7 912 333-44-55',
      p_subscription_tier: 'standard',
      p_billing_by_partner: true,
      p_time_zone: 'Asia/Yekaterinburg',
    });
    expect(created.error).toBeNull();
    club = String(created.data);
    // without the club's consent, acting may only read
    const tooMuch = await partner.rpc('start_acting', {
      p_client_org: club,
      p_reason: 'Настраиваю группы по просьбе клуба',
      p_write: true,
    });
    expect(tooMuch.error?.code).toBe('42501');

    owner = await joinFromEmail(CONTACT, /./);
    const allowed = await owner.rpc('club_set_partner_write', { p_club: club, p_allow: true });
    expect(allowed.error).toBeNull();
  });

  it('acts for the club with a reason, writes, and stops', async () => {
    const reason = 'Создаю первую группу по заявке клуба';
    const started = await partner.rpc('start_acting', {
      p_client_org: club,
      p_reason: reason,
      p_write: true,
    });
    expect(started.error).toBeNull();
    await partner.auth.refreshSession();
    const token = (await partner.auth.getSession()).data.session?.access_token ?? '';
    expect(decodeClaims(token).act_as).toMatchObject({ client_org_id: club, write: true });

    const group = await partner
      .from('training_groups')
      .insert({ org_id: club, name: 'Начинающие', season: '2026-2027' })
      .select('id')
      .single();
    expect(group.error).toBeNull();
    expect((await partner.rpc('stop_acting')).error).toBeNull();
    await partner.auth.refreshSession();
    // stopped: the club is out of reach again
    const after = await partner.from('training_groups').select('id').eq('org_id', club);
    expect(after.data).toEqual([]);
  });

  it('the club reads every step in its audit, and an edited entry breaks the chain there', async () => {
    const audit = await owner.rpc('partner_audit', { p_org: club, p_limit: 50 });
    expect(audit.error).toBeNull();
    const actions = (audit.data as { action: string; reason: string | null }[]).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['client.created', 'acting.start', 'acting.insert', 'acting.end']),
    );
    const insert = (audit.data as { action: string; reason: string; target_table: string }[]).find(
      (e) => e.action === 'acting.insert',
    );
    expect(insert).toMatchObject({
      reason: 'Создаю первую группу по заявке клуба',
      target_table: 'training_groups',
    });
    expect((await owner.rpc('verify_audit_chain', { p_org: club })).data).toEqual([
      expect.objectContaining({ ok: true, broken_at: null }),
    ]);

    // nobody can edit it through the API …
    const edit = await owner.from('audit.entries' as never).update({ reason: 'x' } as never);
    expect(edit.error).not.toBeNull();
    // … and an edit behind the triggers' back shows where it was made
    const { rows } = await db.query<{ id: string }>(
      `select id::text from audit.entries where chain_org_id = $1 and action = 'acting.insert'`,
      [club],
    );
    const id = rows[0]?.id ?? '';
    await db.exec(`alter table audit.entries disable trigger refuse_update_delete;
                   update audit.entries set reason = 'ничего не меняли' where id = ${id};
                   alter table audit.entries enable trigger refuse_update_delete;`);
    const broken = await owner.rpc('verify_audit_chain', { p_org: club });
    expect(broken.data).toEqual([expect.objectContaining({ ok: false, broken_at: Number(id) })]);
  });
});
