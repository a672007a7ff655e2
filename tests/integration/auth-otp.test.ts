// /auth/v1/otp, /verify and /recover through the real supabase-js client: a
// person with no password signs in with the code from the (local) mailbox, or
// with the link; codes are single-use, expire after an hour and only the latest
// counts; create_user=false and /recover never tell whether an address exists;
// a password reset ends with a working password.
import { AuthApiError } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailboxEntry } from '../../supabase/local/stand-ins/memory-mailbox.ts';
import { type Harness, rawFetch, startGateway } from './gateway-harness.ts';

let h: Harness;
// the clock the gateway reads; tests move it past the resend limit and the expiry
let clock = Date.parse('2026-12-06T10:00:00Z');
const SITE = 'http://127.0.0.1:4173';

beforeAll(async () => {
  h = await startGateway({
    now: () => clock,
    siteUrl: SITE,
    redirectUrls: ['http://localhost:5173'],
  });
});
afterAll(async () => {
  await h?.close();
});

/** the newest mail to `to` and the code and link in it */
function lastMail(to: string): { mail: MailboxEntry; code: string; link: string } {
  const mail = [...h.gateway.mailbox.messages].reverse().find((m) => m.to === to);
  if (!mail) throw new Error(`no mail to ${to}`);
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1] ?? '';
  const link = /(https?:\/\/\S+\/auth\/v1\/verify\S*)/.exec(mail.text)?.[1] ?? '';
  return { mail, code, link };
}

const mailsTo = (to: string) => h.gateway.mailbox.messages.filter((m) => m.to === to).length;
const later = (seconds: number) => {
  clock += seconds * 1000;
};

async function passwordless(email: string, locale?: string): Promise<string> {
  const { data, error } = await h.client(h.serviceKey).auth.admin.createUser({
    email,
    email_confirm: true,
    user_metadata: locale ? { locale } : {},
  });
  expect(error).toBeNull();
  return data.user?.id ?? '';
}

describe('sign-in with a code from the email', () => {
  it('sends a Russian code and link to a user with no password, and the code signs them in', async () => {
    const id = await passwordless('buyer@example.test');
    const supabase = h.client();
    const sent = await supabase.auth.signInWithOtp({
      email: 'Buyer@Example.test',
      options: { shouldCreateUser: false, emailRedirectTo: `${SITE}/sign-in` },
    });
    expect(sent.error).toBeNull();
    const { mail, code, link } = lastMail('buyer@example.test');
    expect(mail.subject).toBe(`Код для входа в Trackside: ${code}`);
    expect(mail.text).toContain('действуют один час');
    expect(mail.html).toContain(code);
    expect(new URL(link).searchParams.get('type')).toBe('magiclink');

    // only a hash is stored, never the code
    const row = await h.db.query<{ confirmation_token: string }>(
      `select confirmation_token from auth.users where id = $1`,
      [id],
    );
    expect(row.rows[0]?.confirmation_token).toMatch(/^[0-9a-f]{56}$/);
    expect(row.rows[0]?.confirmation_token).not.toContain(code);

    const { data, error } = await supabase.auth.verifyOtp({
      email: 'buyer@example.test',
      token: code,
      type: 'email',
    });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(id);
    expect(data.session?.access_token).toBeTruthy();
    const me = await h.client().auth.getUser(data.session?.access_token);
    expect(me.data.user?.email).toBe('buyer@example.test');
    expect(Date.parse(me.data.user?.last_sign_in_at ?? '')).toBe(clock);
  });

  it('refuses the same code twice, a wrong code and an older code with 403 otp_expired', async () => {
    await passwordless('twice@example.test', 'en');
    const supabase = h.client();
    await supabase.auth.signInWithOtp({ email: 'twice@example.test' });
    const first = lastMail('twice@example.test');
    expect(first.mail.subject).toBe(`Your Trackside sign-in code: ${first.code}`);
    later(61);
    await supabase.auth.signInWithOtp({ email: 'twice@example.test' });
    const second = lastMail('twice@example.test');
    if (second.code !== first.code) {
      const old = await supabase.auth.verifyOtp({
        email: 'twice@example.test',
        token: first.code,
        type: 'email',
      });
      expect(old.error).toMatchObject({ status: 403, code: 'otp_expired' });
    }
    const wrong = await supabase.auth.verifyOtp({
      email: 'twice@example.test',
      token: second.code === '000000' ? '000001' : '000000',
      type: 'email',
    });
    expect(wrong.error).toBeInstanceOf(AuthApiError);
    expect(wrong.error).toMatchObject({
      status: 403,
      code: 'otp_expired',
      message: 'Token has expired or is invalid',
    });
    const ok = await supabase.auth.verifyOtp({
      email: 'twice@example.test',
      token: second.code,
      type: 'email',
    });
    expect(ok.error).toBeNull();
    const again = await supabase.auth.verifyOtp({
      email: 'twice@example.test',
      token: second.code,
      type: 'email',
    });
    expect(again.error).toMatchObject({ status: 403, code: 'otp_expired' });
  });

  it('refuses a code after an hour', async () => {
    await passwordless('late@example.test');
    await h.client().auth.signInWithOtp({ email: 'late@example.test' });
    const { code } = lastMail('late@example.test');
    later(3601);
    const { error } = await h
      .client()
      .auth.verifyOtp({ email: 'late@example.test', token: code, type: 'email' });
    expect(error).toMatchObject({ status: 403, code: 'otp_expired' });
  });

  it('answers a second request within a minute with 429 over_email_send_rate_limit', async () => {
    await passwordless('eager@example.test');
    expect((await h.client().auth.signInWithOtp({ email: 'eager@example.test' })).error).toBeNull();
    later(20);
    const { error } = await h.client().auth.signInWithOtp({ email: 'eager@example.test' });
    expect(error).toMatchObject({ status: 429, code: 'over_email_send_rate_limit' });
    expect(error?.message).toBe(
      'For security purposes, you can only request this after 40 seconds.',
    );
    expect(mailsTo('eager@example.test')).toBe(1);
  });

  it('with create_user false creates nobody and answers as for an existing address', async () => {
    const unknown = await h.client().auth.signInWithOtp({
      email: 'nobody@example.test',
      options: { shouldCreateUser: false },
    });
    expect(unknown.error).toBeNull();
    expect(mailsTo('nobody@example.test')).toBe(0);
    const users = await h.db.query(`select 1 from auth.users where email = 'nobody@example.test'`);
    expect(users.rows).toHaveLength(0);
    // the rate limit too applies to every address alike
    const again = await h.client().auth.signInWithOtp({
      email: 'nobody@example.test',
      options: { shouldCreateUser: false },
    });
    expect(again.error).toMatchObject({ status: 429, code: 'over_email_send_rate_limit' });
  });

  it('creates a user with the metadata given when create_user is true, confirmed by the code', async () => {
    await h.client().auth.signInWithOtp({
      email: 'new@example.test',
      options: { data: { locale: 'en', display_name: 'New Runner' } },
    });
    const { code, mail } = lastMail('new@example.test');
    expect(mail.subject).toContain('Your Trackside sign-in code');
    const { data, error } = await h
      .client()
      .auth.verifyOtp({ email: 'new@example.test', token: code, type: 'email' });
    expect(error).toBeNull();
    expect(data.user?.email_confirmed_at).toBeTruthy();
    expect(data.user?.user_metadata).toMatchObject({ display_name: 'New Runner' });
  });
});

describe('the link in the email', () => {
  it('redirects to an allowed redirect_to with the session in the fragment, once', async () => {
    await passwordless('link@example.test');
    await h.client().auth.signInWithOtp({
      email: 'link@example.test',
      options: { emailRedirectTo: 'http://localhost:5173/sign-in' },
    });
    const { link } = lastMail('link@example.test');
    // opened by a browser: no API key
    const res = await fetch(link, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const to = new URL(res.headers.get('location') ?? '');
    expect(`${to.origin}${to.pathname}`).toBe('http://localhost:5173/sign-in');
    const fragment = new URLSearchParams(to.hash.slice(1));
    expect(fragment.get('type')).toBe('magiclink');
    const access = fragment.get('access_token') ?? '';
    const me = await h.client().auth.getUser(access);
    expect(me.data.user?.email).toBe('link@example.test');

    const reused = await fetch(link, { redirect: 'manual' });
    const failed = new URLSearchParams(new URL(reused.headers.get('location') ?? '').hash.slice(1));
    expect(failed.get('error_code')).toBe('otp_expired');
    expect(failed.get('access_token')).toBeNull();
  });

  it('sends a foreign redirect_to to the site URL instead', async () => {
    await passwordless('phish@example.test');
    await h.client().auth.signInWithOtp({
      email: 'phish@example.test',
      options: { emailRedirectTo: 'https://evil.example/steal' },
    });
    const { link } = lastMail('phish@example.test');
    expect(new URL(link).searchParams.get('redirect_to')).toBe(SITE);
    const res = await fetch(
      link.replace(/redirect_to=[^&]*/, 'redirect_to=https%3A%2F%2Fevil.example%2F'),
      {
        redirect: 'manual',
      },
    );
    expect(res.headers.get('location')?.startsWith(`${SITE}/#access_token=`)).toBe(true);
  });

  it('verifies a token_hash posted by the app', async () => {
    await passwordless('hash@example.test');
    await h.client().auth.signInWithOtp({ email: 'hash@example.test' });
    const hash = new URL(lastMail('hash@example.test').link).searchParams.get('token') ?? '';
    const { data, error } = await h
      .client()
      .auth.verifyOtp({ token_hash: hash, type: 'magiclink' });
    expect(error).toBeNull();
    expect(data.user?.email).toBe('hash@example.test');
  });
});

describe('password reset', () => {
  it('sends a reset code; verifying it lets the user set a password they then sign in with', async () => {
    await passwordless('reset@example.test', 'en');
    const supabase = h.client();
    const sent = await supabase.auth.resetPasswordForEmail('reset@example.test', {
      redirectTo: `${SITE}/sign-in`,
    });
    expect(sent.error).toBeNull();
    const { code, mail, link } = lastMail('reset@example.test');
    expect(mail.subject).toBe(`Reset your Trackside password: code ${code}`);
    expect(new URL(link).searchParams.get('type')).toBe('recovery');
    // a sign-in code's type does not redeem a reset code
    const wrongType = await supabase.auth.verifyOtp({
      email: 'reset@example.test',
      token: code,
      type: 'email',
    });
    expect(wrongType.error).toMatchObject({ status: 403, code: 'otp_expired' });
    const verified = await supabase.auth.verifyOtp({
      email: 'reset@example.test',
      token: code,
      type: 'recovery',
    });
    expect(verified.error).toBeNull();
    const updated = await supabase.auth.updateUser({ password: 'a-new-password' });
    expect(updated.error).toBeNull();
    const signIn = await h
      .client()
      .auth.signInWithPassword({ email: 'reset@example.test', password: 'a-new-password' });
    expect(signIn.error).toBeNull();
  });

  it('answers an unknown address as a known one and sends nothing', async () => {
    const { error } = await h.client().auth.resetPasswordForEmail('ghost@example.test');
    expect(error).toBeNull();
    expect(mailsTo('ghost@example.test')).toBe(0);
  });

  it('refuses a verify without a type, and an unknown type', async () => {
    const none = await rawFetch(h, '/auth/v1/verify', {
      method: 'POST',
      body: JSON.stringify({ email: 'reset@example.test', token: '123456' }),
    });
    expect(none.status).toBe(400);
    const odd = await rawFetch(h, '/auth/v1/verify', {
      method: 'POST',
      body: JSON.stringify({ type: 'sms', email: 'reset@example.test', token: '123456' }),
    });
    expect(odd.status).toBe(400);
  });
});
