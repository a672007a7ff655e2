// A partner application through the local stack, as the applicant and the
// platform's admin meet it: the public form's fields → partner-apply → "check your
// email" and one confirmation email, no application yet; the email's link →
// the confirm page's button → the application exists (once; a second press says
// so), the applicant and the platform admin are told; the admin signs in, starts
// the review, notes, approves → a partner organization with its profile and an
// owner invitation, and the applicant's status email and welcome with the link.
// Another origin, bad input, the honeypot and floods get nothing.
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicResponse } from '../../src/public-site/public-router.ts';
import { publicRoutes } from '../../src/public-site/public-routes.ts';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import {
  type LocalFunctions,
  createGatewayWithFunctions,
} from '../../supabase/local/local-functions.ts';
import { noRealtimeTransport } from '../../supabase/local/no-realtime.ts';

const SITE = 'http://127.0.0.1:47997';

let db: Database;
let fns: LocalFunctions;
let api: string;
let ipCounter = 0;

beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  fns = await createGatewayWithFunctions({ db, siteUrl: SITE, log: () => undefined });
  api = await fns.gateway.listen(0);
});

afterAll(async () => {
  await fns?.close();
  await db?.close();
});

const application = (email: string) => ({
  action: 'submit',
  company_name: 'Тайминг Плюс',
  contact_name: 'Анна Смирнова',
  contact_email: email,
  contact_phone: '+7 900 000-00-00',
  website: 'timing.example',
  partnership_type: 'technology',
  company_size: '11-50',
  industry: 'Хронометраж',
  current_solutions: '',
  target_market: 'Беговые клубы Поволжья',
  motivation: 'Хотим подключать наши датчики к тренировкам клубов',
  additional_information: '',
  locale: 'ru',
  fax: '',
});

function post(
  fields: Record<string, string>,
  o: { ip?: string; origin?: string; json?: boolean } = {},
) {
  return fetch(`${api}/functions/v1/partner-apply`, {
    method: 'POST',
    headers: {
      'content-type': o.json ? 'application/json' : 'application/x-www-form-urlencoded',
      'x-forwarded-for': o.ip ?? `10.3.0.${++ipCounter}`,
      origin: o.origin ?? SITE,
    },
    body: o.json ? JSON.stringify(fields) : new URLSearchParams(fields),
    redirect: 'manual',
  });
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`select (${sql})::int as n`, params);
  return Number(rows[0]?.n);
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

function page(path: string) {
  return publicResponse(
    new Request(`${SITE}${path}`),
    {
      supabaseUrl: api,
      anonKey: fns.gateway.anonKey,
      siteUrl: SITE,
      fetch,
      now: () => new Date(0),
    },
    publicRoutes,
  );
}

describe('partner application: form → confirmation → review → partner', () => {
  it('goes the whole way', async () => {
    const email = 'anna@timing.example';
    const sent = await post(application(email));
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`${SITE}/partners/apply?lang=ru&sent=1`);
    expect(await count('select count(*) from public.partner_applications')).toBe(0);

    const [confirmMail, ...others] = await mailTo(email);
    expect(others).toEqual([]);
    expect(confirmMail?.subject).toBe('Подтвердите адрес для заявки в партнёрскую программу');
    const link = /http\S+\/partners\/confirm\?t=([A-Za-z0-9_-]+)&lang=ru/.exec(
      confirmMail?.text ?? '',
    );
    expect(link).not.toBeNull();
    const token = link?.[1] ?? '';

    // opening the link shows a button and changes nothing
    const confirmPage = await page(`/partners/confirm?t=${token}&lang=ru`);
    expect(await confirmPage?.text()).toContain('Подтвердить заявку');
    expect(await count('select count(*) from public.partner_applications')).toBe(0);

    const confirmed = await post({ action: 'confirm', token, locale: 'ru' });
    expect(confirmed.headers.get('location')).toBe(
      `${SITE}/partners/confirm?lang=ru&done=confirmed`,
    );
    const again = await post({ action: 'confirm', token, locale: 'ru' });
    expect(again.headers.get('location')).toBe(
      `${SITE}/partners/confirm?lang=ru&done=already_confirmed`,
    );
    expect(await count('select count(*) from public.partner_applications')).toBe(1);
    const { rows } = await db.query<{ id: string; website: string }>(
      'select id, website from public.partner_applications',
    );
    const id = rows[0]?.id ?? '';
    expect(rows[0]?.website).toBe('https://timing.example');
    expect((await mailTo(email)).map((m) => m.subject)).toContain(
      'Заявка в партнёрскую программу получена',
    );
    expect((await mailTo('platform@trackside.test')).map((m) => m.subject)).toContain(
      'Новая заявка партнёра: Тайминг Плюс',
    );

    // the platform admin reviews through the API, as the review pages do
    const admin = createClient(api, fns.gateway.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: noRealtimeTransport },
    });
    const signIn = await admin.auth.signInWithPassword({
      email: 'platform@trackside.test',
      password: 'trackside-demo',
    });
    expect(signIn.error).toBeNull();
    const list = await admin
      .from('partner_applications')
      .select('id,company_name,status', { count: 'exact' })
      .eq('partnership_type', 'technology')
      .order('company_name', { ascending: true })
      .range(0, 19);
    expect(list.error).toBeNull();
    expect(list.count).toBe(1);
    expect(list.data?.[0]).toMatchObject({ id, status: 'pending' });

    const jump = await admin.rpc('set_partner_application_status', {
      p_id: id,
      p_status: 'approved',
    });
    expect(jump.error?.message).toBe('an application cannot go from pending to approved');
    expect(
      (await admin.rpc('set_partner_application_status', { p_id: id, p_status: 'reviewing' }))
        .error,
    ).toBeNull();
    const note = await admin.rpc('add_partner_application_note', {
      p_id: id,
      p_text: 'Созвонились: 40 клубов-клиентов',
    });
    expect(note.error).toBeNull();
    expect(note.data).toMatchObject({ author_name: 'Анна Платформова' });
    const approved = await admin.rpc('set_partner_application_status', {
      p_id: id,
      p_status: 'approved',
    });
    expect(approved.error).toBeNull();
    const org = (approved.data as { partner_org_id: string }).partner_org_id;
    expect(org).toMatch(/^[0-9a-f-]{36}$/);

    expect(
      await count(
        `select count(*) from public.organizations o join public.partner_profiles p on p.org_id = o.id
          where o.id = $1 and o.kind = 'partner' and p.program = 'technology' and p.tier = 'silver'
            and p.application_id = $2`,
        [org, id],
      ),
    ).toBe(1);
    expect(
      await count(
        `select count(*) from public.invitations where org_id = $1 and role = 'owner' and revoked_at is null`,
        [org],
      ),
    ).toBe(1);
    const subjects = (await mailTo(email)).map((m) => m.subject);
    expect(subjects).toContain('Заявка «Тайминг Плюс»: на рассмотрении');
    expect(subjects).toContain('Заявка «Тайминг Плюс»: одобрена');
    const welcome = (await mailTo(email)).find((m) => m.subject.startsWith('Добро пожаловать'));
    expect(welcome?.text).toMatch(new RegExp(`${SITE}/invite/[A-Za-z0-9_-]{43}`));

    const stats = await admin.rpc('partner_application_stats', {
      p_from: '2000-01-01',
      p_to: '2099-12-31',
    });
    expect(stats.error).toBeNull();
    expect(stats.data).toMatchObject({ total: 1, byStatus: { approved: 1 }, approvalRate: 1 });
  });

  it('another origin, bad input, the honeypot and floods get nothing', async () => {
    const before = await count('select count(*) from private.partner_application_drafts');
    const foreign = await post(application('x@evil.example'), { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();

    const bad = await post({ ...application('not-an-email'), motivation: 'short' }, { json: true });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { fields: { contact_email: 'shape', motivation: 'short' } },
    });

    const bot = await post({ ...application('bot@spam.example'), fax: '123' });
    expect(bot.headers.get('location')).toBe(`${SITE}/partners/apply?lang=ru&sent=1`);
    expect(await mailTo('bot@spam.example')).toEqual([]);
    expect(await count('select count(*) from private.partner_application_drafts')).toBe(before);

    const ip = '10.9.9.9';
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) {
      answers.push((await post(application(`flood${i}@spam.example`), { ip, json: true })).status);
    }
    expect(answers.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    const last = await post(application('flood9@spam.example'), { ip, json: true });
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
