// /auth/v1 through the real supabase-js client: sign-up, sign-in, refresh with
// rotation and reuse detection, user read/update, sign-out, admin creation.
import { AuthApiError, AuthWeakPasswordError } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, decodeClaims, rawFetch, startGateway } from './gateway-harness.ts';

let h: Harness;
// the clock the gateway reads; tests move it to step past the reuse interval
let clock = Date.now();

beforeAll(async () => {
  h = await startGateway({ now: () => clock, refreshTokenReuseInterval: 10 });
});
afterAll(async () => {
  await h?.close();
});

describe('sign-up', () => {
  it('creates a confirmed user, hashes the password with bcrypt and returns a session', async () => {
    const supabase = h.client();
    const { data, error } = await supabase.auth.signUp({
      email: 'Runner@Example.test',
      password: 'correct-horse',
      options: { data: { full_name: 'Ада Лавлейс' } },
    });
    expect(error).toBeNull();
    expect(data.user?.email).toBe('runner@example.test');
    expect(data.user?.user_metadata).toEqual({ full_name: 'Ада Лавлейс' });
    expect(data.user?.email_confirmed_at).toBeTruthy();
    expect(data.session?.refresh_token).toBeTruthy();
    const claims = decodeClaims(data.session?.access_token ?? '');
    expect(claims).toMatchObject({
      sub: data.user?.id,
      role: 'authenticated',
      aud: 'authenticated',
      email: 'runner@example.test',
    });
    expect(typeof claims.session_id).toBe('string');
    expect(claims.exp).toBe(Math.floor(clock / 1000) + 3600);

    const row = await h.db.query<{ encrypted_password: string }>(
      `select encrypted_password from auth.users where email = 'runner@example.test'`,
    );
    expect(row.rows[0]?.encrypted_password).toMatch(/^\$2[aby]\$\d\d\$/);
    expect(row.rows[0]?.encrypted_password).not.toContain('correct-horse');
  });

  it('refuses an address already registered with 422 user_already_exists', async () => {
    const { error } = await h
      .client()
      .auth.signUp({ email: 'runner@example.test', password: 'whatever1' });
    expect(error).toBeInstanceOf(AuthApiError);
    expect(error).toMatchObject({
      status: 422,
      code: 'user_already_exists',
      message: 'User already registered',
    });
  });

  it('refuses a weak password with 422 weak_password', async () => {
    const { error } = await h
      .client()
      .auth.signUp({ email: 'short@example.test', password: '123' });
    expect(error).toBeInstanceOf(AuthWeakPasswordError);
    expect(error).toMatchObject({ status: 422, code: 'weak_password' });
  });

  it('refuses a malformed address with 400 validation_failed', async () => {
    const { error } = await h
      .client()
      .auth.signUp({ email: 'not-an-email', password: 'long-enough' });
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
  });
});

describe('sign-in', () => {
  it('signs in with the password and records the sign-in', async () => {
    const { data, error } = await h.client().auth.signInWithPassword({
      email: 'runner@example.test',
      password: 'correct-horse',
    });
    expect(error).toBeNull();
    expect(data.session?.user.email).toBe('runner@example.test');
    expect(data.user?.last_sign_in_at).toBeTruthy();
  });

  it('answers a wrong password with 400 invalid_credentials', async () => {
    const { data, error } = await h.client().auth.signInWithPassword({
      email: 'runner@example.test',
      password: 'wrong-horse',
    });
    expect(data.session).toBeNull();
    expect(error).toBeInstanceOf(AuthApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_credentials',
      message: 'Invalid login credentials',
    });
  });

  it('gives an unknown address the same answer as a wrong password', async () => {
    const { error } = await h
      .client()
      .auth.signInWithPassword({ email: 'nobody@example.test', password: 'x-x-x-x' });
    expect(error).toMatchObject({ status: 400, code: 'invalid_credentials' });
  });

  it('answers legacy clients (no API version header) in the legacy shape', async () => {
    const res = await rawFetch(h, '/auth/v1/token?grant_type=password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'runner@example.test', password: 'nope-nope' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: 400,
      error_code: 'invalid_credentials',
      msg: 'Invalid login credentials',
    });
  });
});

describe('refresh', () => {
  it('rotates the refresh token, and reuse of an old one ends the session', async () => {
    const supabase = h.client();
    const signIn = await supabase.auth.signInWithPassword({
      email: 'runner@example.test',
      password: 'correct-horse',
    });
    const t0 = signIn.data.session?.refresh_token ?? '';
    const sessionId = decodeClaims(signIn.data.session?.access_token ?? '').session_id;

    const r1 = await supabase.auth.refreshSession({ refresh_token: t0 });
    expect(r1.error).toBeNull();
    const t1 = r1.data.session?.refresh_token ?? '';
    expect(t1).not.toBe(t0);
    expect(decodeClaims(r1.data.session?.access_token ?? '').session_id).toBe(sessionId);

    // the parent of the live token may come back (a client that lost the answer)
    const again = await supabase.auth.refreshSession({ refresh_token: t0 });
    expect(again.error).toBeNull();
    expect(again.data.session?.refresh_token).toBe(t1);

    const r2 = await supabase.auth.refreshSession({ refresh_token: t1 });
    const t2 = r2.data.session?.refresh_token ?? '';
    expect(t2).not.toBe(t1);

    // t0 is now two generations old; past the reuse interval it is treated as stolen
    clock += 11_000;
    const reuse = await supabase.auth.refreshSession({ refresh_token: t0 });
    expect(reuse.error).toBeInstanceOf(AuthApiError);
    expect(reuse.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });

    // …and the whole session is gone, including the newest token
    const after = await supabase.auth.refreshSession({ refresh_token: t2 });
    expect(after.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
  });

  it('refuses an unknown refresh token', async () => {
    const { error } = await h.client().auth.refreshSession({ refresh_token: 'made-up-token' });
    expect(error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
  });
});

describe('user', () => {
  it('reads and updates the signed-in user; a new password works and the old one does not', async () => {
    const supabase = h.client();
    await supabase.auth.signUp({ email: 'coach.user@example.test', password: 'first-pass' });
    const me = await supabase.auth.getUser();
    expect(me.error).toBeNull();
    expect(me.data.user?.email).toBe('coach.user@example.test');

    const upd = await supabase.auth.updateUser({ password: 'second-pass', data: { locale: 'ru' } });
    expect(upd.error).toBeNull();
    expect(upd.data.user?.user_metadata).toMatchObject({ locale: 'ru' });

    const same = await supabase.auth.updateUser({ password: 'second-pass' });
    expect(same.error).toMatchObject({ status: 422, code: 'same_password' });

    const oldPw = await h
      .client()
      .auth.signInWithPassword({ email: 'coach.user@example.test', password: 'first-pass' });
    expect(oldPw.error).toMatchObject({ code: 'invalid_credentials' });
    const newPw = await h
      .client()
      .auth.signInWithPassword({ email: 'coach.user@example.test', password: 'second-pass' });
    expect(newPw.error).toBeNull();
  });

  it('refuses /user without a user token (anon key only) and with a forged one', async () => {
    const anon = await rawFetch(h, '/auth/v1/user', {
      headers: { 'x-supabase-api-version': '2024-01-01' },
    });
    expect(anon.status).toBe(403);
    expect(await anon.json()).toMatchObject({ code: 'bad_jwt' });
    const forged = await rawFetch(h, '/auth/v1/user', {
      headers: { authorization: 'Bearer a.b.c', 'x-supabase-api-version': '2024-01-01' },
    });
    expect(forged.status).toBe(403);
  });
});

describe('sign-out', () => {
  it('ends every session: refresh tokens stop working and the access token no longer reads /user', async () => {
    const supabase = h.client();
    const a = await supabase.auth.signInWithPassword({
      email: 'runner@example.test',
      password: 'correct-horse',
    });
    const other = await h
      .client()
      .auth.signInWithPassword({ email: 'runner@example.test', password: 'correct-horse' });
    const accessToken = a.data.session?.access_token ?? '';

    const { error } = await supabase.auth.signOut();
    expect(error).toBeNull();

    const refresh = await h
      .client()
      .auth.refreshSession({ refresh_token: other.data.session?.refresh_token ?? '' });
    expect(refresh.error).toMatchObject({ code: 'refresh_token_not_found' });
    const me = await h.client().auth.getUser(accessToken);
    expect(me.data.user).toBeNull();
    expect(me.error?.name).toBe('AuthSessionMissingError');
  });
});

describe('admin', () => {
  it('creates a confirmed user with the service key, who can then sign in', async () => {
    const admin = h.client(h.serviceKey);
    const { data, error } = await admin.auth.admin.createUser({
      email: 'seeded@example.test',
      password: 'seeded-pass',
      email_confirm: true,
      user_metadata: { full_name: 'Seeded' },
      app_metadata: { demo: true },
    });
    expect(error).toBeNull();
    expect(data.user?.app_metadata).toMatchObject({ provider: 'email', demo: true });
    const signIn = await h
      .client()
      .auth.signInWithPassword({ email: 'seeded@example.test', password: 'seeded-pass' });
    expect(signIn.error).toBeNull();

    const list = await admin.auth.admin.listUsers();
    expect(list.data.users.map((u) => u.email)).toContain('seeded@example.test');
  });

  it('keeps an unconfirmed admin-created user out, as GoTrue does', async () => {
    await h
      .client(h.serviceKey)
      .auth.admin.createUser({ email: 'pending@example.test', password: 'pending-pass' });
    const { error } = await h
      .client()
      .auth.signInWithPassword({ email: 'pending@example.test', password: 'pending-pass' });
    expect(error).toMatchObject({ status: 400, code: 'email_not_confirmed' });
  });

  it('refuses admin routes to the anon key and to a user token', async () => {
    const anon = await h
      .client()
      .auth.admin.createUser({ email: 'x@example.test', password: 'xxxxxxxx' });
    expect(anon.error).toMatchObject({ status: 403, code: 'not_admin' });
    const user = h.client();
    const s = await user.auth.signInWithPassword({
      email: 'runner@example.test',
      password: 'correct-horse',
    });
    const asUser = h.client(h.anonKey, { Authorization: `Bearer ${s.data.session?.access_token}` });
    const r = await asUser.auth.admin.listUsers();
    expect(r.error).toMatchObject({ status: 403, code: 'not_admin' });
  });
});

describe('API key', () => {
  it('refuses requests without a known apikey, as Supabase’s gateway does', async () => {
    const none = await fetch(`${h.url}/auth/v1/settings`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ message: 'No API key found in request' });
    const bad = await fetch(`${h.url}/rest/v1/anything`, { headers: { apikey: 'nope' } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ message: 'Invalid API key' });
  });
});
