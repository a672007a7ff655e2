// auth.users as GoTrue keeps it: bcrypt hashes made by pgcrypto in the database,
// and the user object GoTrue returns. Runs as the connection's owner role (GoTrue
// connects as supabase_auth_admin), never through RLS.
import { randomUUID } from 'node:crypto';
import type { Queryable } from './db/database.ts';
import { AuthFailure } from './auth-errors.ts';

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  email_confirmed_at: string | null;
  phone: string | null;
  phone_confirmed_at: string | null;
  last_sign_in_at: string | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: string | null;
  updated_at: string | null;
  banned_until: string | null;
  is_anonymous: boolean;
  identities: IdentityRow[];
}

interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: string | null;
  created_at: string | null;
  updated_at: string | null;
  email: string | null;
}

const INSTANCE_ID = '00000000-0000-0000-0000-000000000000';
export const MIN_PASSWORD_LENGTH = 6;

// the hash never leaves the database
const userJsonSql = `(to_jsonb(u) - 'encrypted_password' - 'confirmation_token' - 'recovery_token'
  || jsonb_build_object('identities', (select coalesce(jsonb_agg(to_jsonb(i) order by i.created_at), '[]')
                                       from auth.identities i where i.user_id = u.id)))::text`;

async function oneUser(tx: Queryable, where: string, param: string): Promise<UserRow | null> {
  const r = await tx.query<{ j: string }>(
    `select ${userJsonSql} as j from auth.users u where ${where} and u.deleted_at is null`,
    [param],
  );
  const j = r.rows[0]?.j;
  return j ? (JSON.parse(j) as UserRow) : null;
}

export function findUserById(tx: Queryable, id: string): Promise<UserRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return Promise.resolve(null);
  return oneUser(tx, 'u.id = $1::uuid', id);
}

export function findUserByEmail(tx: Queryable, email: string): Promise<UserRow | null> {
  return oneUser(tx, 'lower(u.email) = lower($1)', email);
}

export async function passwordMatches(
  tx: Queryable,
  userId: string,
  password: string,
): Promise<boolean> {
  const r = await tx.query<{ ok: boolean }>(
    `select coalesce(u.encrypted_password = extensions.crypt($2, u.encrypted_password), false) as ok
     from auth.users u where u.id = $1::uuid and u.encrypted_password is not null and u.encrypted_password <> ''`,
    [userId, password],
  );
  return r.rows[0]?.ok === true;
}

export function normalizeEmail(email: unknown): string {
  const value = typeof email === 'string' ? email.trim().toLowerCase() : '';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) || value.length > 255) {
    throw new AuthFailure(
      400,
      'validation_failed',
      'Unable to validate email address: invalid format',
    );
  }
  return value;
}

export function checkPassword(password: unknown): string {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) {
    throw new AuthFailure(
      422,
      'weak_password',
      `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
      { weak_password: { reasons: ['length'] } },
    );
  }
  return password;
}

export interface NewUser {
  email: string;
  password: string | null;
  confirmed: boolean;
  userMetadata: Record<string, unknown>;
  appMetadata: Record<string, unknown>;
  signedIn: boolean;
}

export async function createUser(tx: Queryable, u: NewUser, now: string): Promise<UserRow> {
  const id = randomUUID();
  await tx.query(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       last_sign_in_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at, is_anonymous)
     values ($1::uuid, $2::uuid, 'authenticated', 'authenticated', $3,
       case when $4::text is null then '' else extensions.crypt($4::text, extensions.gen_salt('bf')) end,
       case when $5 then $7::timestamptz end, case when $6 then $7::timestamptz end,
       $8::jsonb, $9::jsonb, $7::timestamptz, $7::timestamptz, false)`,
    [
      INSTANCE_ID,
      id,
      u.email,
      u.password,
      u.confirmed,
      u.signedIn,
      now,
      JSON.stringify({ provider: 'email', providers: ['email'], ...u.appMetadata }),
      JSON.stringify(u.userMetadata),
    ],
  );
  await tx.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values ($1::text, $1::text::uuid, $2::jsonb, 'email', $3::timestamptz, $3::timestamptz, $3::timestamptz)`,
    [
      id,
      JSON.stringify({
        sub: id,
        email: u.email,
        email_verified: u.confirmed,
        phone_verified: false,
      }),
      now,
    ],
  );
  const user = await findUserById(tx, id);
  if (!user) throw new Error('created user vanished');
  return user;
}

export interface UserChanges {
  email?: string;
  password?: string;
  /** merged into raw_user_meta_data; a null value removes the key (GoTrue's rule) */
  userMetadata?: Record<string, unknown>;
  appMetadata?: Record<string, unknown>;
  confirmEmail?: boolean;
  bannedUntil?: string | null;
}

function mergeMetadata(base: Record<string, unknown> | null, patch: Record<string, unknown>) {
  const merged = { ...(base ?? {}), ...patch };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null));
}

export async function updateUser(
  tx: Queryable,
  user: UserRow,
  c: UserChanges,
  now: string,
): Promise<UserRow> {
  const sets: string[] = ['updated_at = $2::timestamptz'];
  const params: unknown[] = [user.id, now];
  const add = (sql: (ref: string) => string, value: unknown) => {
    params.push(value);
    sets.push(sql(`$${params.length}`));
  };
  if (c.email !== undefined) add((r) => `email = ${r}`, c.email);
  if (c.password !== undefined) {
    add(
      (r) => `encrypted_password = extensions.crypt(${r}::text, extensions.gen_salt('bf'))`,
      c.password,
    );
  }
  if (c.userMetadata)
    add(
      (r) => `raw_user_meta_data = ${r}::jsonb`,
      JSON.stringify(mergeMetadata(user.raw_user_meta_data, c.userMetadata)),
    );
  if (c.appMetadata)
    add(
      (r) => `raw_app_meta_data = ${r}::jsonb`,
      JSON.stringify(mergeMetadata(user.raw_app_meta_data, c.appMetadata)),
    );
  if (c.confirmEmail)
    sets.push('email_confirmed_at = coalesce(email_confirmed_at, $2::timestamptz)');
  if (c.bannedUntil !== undefined) add((r) => `banned_until = ${r}::timestamptz`, c.bannedUntil);
  await tx.query(`update auth.users set ${sets.join(', ')} where id = $1::uuid`, params);
  if (c.email !== undefined) {
    await tx.query(
      `update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text), updated_at = $3::timestamptz
       where user_id = $1::uuid and provider = 'email'`,
      [user.id, c.email, now],
    );
  }
  const updated = await findUserById(tx, user.id);
  if (!updated) throw new Error('updated user vanished');
  return updated;
}

export async function touchSignIn(tx: Queryable, userId: string, now: string): Promise<void> {
  await tx.query(
    `update auth.users set last_sign_in_at = $2::timestamptz, updated_at = $2::timestamptz where id = $1::uuid`,
    [userId, now],
  );
}

/** The user object GoTrue returns (never the password hash). */
export function userJson(u: UserRow): Record<string, unknown> {
  return {
    id: u.id,
    aud: u.aud ?? 'authenticated',
    role: u.role ?? 'authenticated',
    email: u.email ?? '',
    email_confirmed_at: u.email_confirmed_at ?? undefined,
    phone: u.phone ?? '',
    confirmed_at: u.email_confirmed_at ?? u.phone_confirmed_at ?? undefined,
    last_sign_in_at: u.last_sign_in_at ?? undefined,
    app_metadata: u.raw_app_meta_data ?? {},
    user_metadata: u.raw_user_meta_data ?? {},
    identities: u.identities.map((i) => ({
      identity_id: i.id,
      id: i.provider_id,
      user_id: i.user_id,
      identity_data: i.identity_data,
      provider: i.provider,
      last_sign_in_at: i.last_sign_in_at ?? undefined,
      created_at: i.created_at ?? undefined,
      updated_at: i.updated_at ?? undefined,
      email: i.email ?? undefined,
    })),
    created_at: u.created_at,
    updated_at: u.updated_at,
    is_anonymous: u.is_anonymous,
  };
}
