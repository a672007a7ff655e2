// Sessions, refresh tokens and access tokens as GoTrue issues them: one
// auth.sessions row per sign-in, refresh tokens that rotate on every use, and
// reuse detection (a revoked token used again outside the reuse interval ends
// the whole session).
import { randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from './db/database.ts';
import { AuthFailure } from './auth-errors.ts';
import { type UserRow, findUserById, userJson } from './auth-users.ts';
import { signHs256 } from './keys.ts';

export interface TokenSettings {
  jwtSecret: string;
  /** access token lifetime, seconds */
  jwtExpiry: number;
  /** seconds during which a just-rotated refresh token may be presented again */
  refreshTokenReuseInterval: number;
  now: () => number;
  /** `iss` claim: <api url>/auth/v1 */
  issuer: string;
  /** `schema.function` Auth passes every token's claims through (custom access-token hook) */
  accessTokenHook?: string | null;
}

export interface SessionJson {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: Record<string, unknown>;
}

interface RefreshTokenRow {
  id: number;
  token: string;
  user_id: string;
  revoked: boolean;
  parent: string | null;
  session_id: string | null;
  updated_at: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Supabase's custom access-token hook contract: the function gets
 * `{user_id, claims, authentication_method}` and answers `{claims}`; the claims
 * GoTrue requires cannot be taken away, and a failing hook fails the sign-in.
 */
async function applyHook(
  tx: Queryable,
  hook: string,
  claims: Record<string, unknown>,
  method: string,
): Promise<Record<string, unknown>> {
  if (!/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/.test(hook)) throw new Error(`bad hook name ${hook}`);
  const r = await tx.query<{ out: string | null }>(`select ${hook}($1::jsonb)::text as out`, [
    JSON.stringify({ user_id: claims.sub, claims, authentication_method: method }),
  ]);
  const out = r.rows[0]?.out ? (JSON.parse(r.rows[0].out) as { claims?: unknown }) : null;
  const next = out?.claims;
  if (next === null || typeof next !== 'object' || Array.isArray(next)) {
    throw new AuthFailure(
      500,
      'unexpected_failure',
      'Error running hook URI: output claims are missing',
    );
  }
  const required = ['iss', 'sub', 'aud', 'exp', 'iat', 'role', 'aal', 'session_id'] as const;
  const merged = { ...(next as Record<string, unknown>) };
  for (const key of required) merged[key] = claims[key];
  return merged;
}

async function accessToken(
  tx: Queryable,
  user: UserRow,
  sessionId: string,
  s: TokenSettings,
  signedInAt: number,
  method: string,
) {
  const iat = Math.floor(s.now() / 1000);
  const exp = iat + s.jwtExpiry;
  // GoTrue's claim order; role is always `authenticated`: a user token never
  // carries a privileged role, whatever auth.users.role says
  const base: Record<string, unknown> = {
    iss: s.issuer,
    sub: user.id,
    aud: 'authenticated',
    exp,
    iat,
    email: user.email ?? '',
    phone: user.phone ?? '',
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    role: 'authenticated',
    aal: 'aal1',
    amr: [{ method: 'password', timestamp: Math.floor(signedInAt / 1000) }],
    session_id: sessionId,
    is_anonymous: user.is_anonymous,
  };
  const claims = s.accessTokenHook ? await applyHook(tx, s.accessTokenHook, base, method) : base;
  return { token: signHs256(claims, s.jwtSecret), exp };
}

async function sessionJson(
  tx: Queryable,
  user: UserRow,
  sessionId: string,
  refresh: string,
  s: TokenSettings,
  signedInAt: number,
  method: string,
): Promise<SessionJson> {
  const { token, exp } = await accessToken(tx, user, sessionId, s, signedInAt, method);
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: s.jwtExpiry,
    expires_at: exp,
    refresh_token: refresh,
    user: userJson(user),
  };
}

async function newRefreshToken(
  tx: Queryable,
  userId: string,
  sessionId: string,
  parent: string | null,
  now: string,
): Promise<string> {
  const token = randomBytes(16).toString('base64url');
  await tx.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, $3::timestamptz, $3::timestamptz, $4, $5::uuid)`,
    [token, userId, now, parent, sessionId],
  );
  return token;
}

/** A new session for `user` (sign-in or sign-up). */
export async function issueSession(
  tx: Queryable,
  user: UserRow,
  s: TokenSettings,
): Promise<SessionJson> {
  const now = s.now();
  const sessionId = randomUUID();
  await tx.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at) values ($1::uuid, $2::uuid, $3::timestamptz, $3::timestamptz)`,
    [sessionId, user.id, iso(now)],
  );
  const refresh = await newRefreshToken(tx, user.id, sessionId, null, iso(now));
  return sessionJson(tx, user, sessionId, refresh, s, now, 'password');
}

const notFound = () =>
  new AuthFailure(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');

/**
 * `grant_type=refresh_token`: rotate, or detect reuse. Reuse is answered with a
 * failure that is *returned*, not thrown, so the caller commits the revocation
 * before reporting it (GoTrue's commit-with-error).
 */
export async function refreshSession(
  tx: Queryable,
  presented: string,
  s: TokenSettings,
): Promise<SessionJson | AuthFailure> {
  const now = s.now();
  const r = await tx.query<{ j: string }>(
    `select to_jsonb(r)::text as j from auth.refresh_tokens r where r.token = $1 for update`,
    [presented],
  );
  const row = r.rows[0] ? (JSON.parse(r.rows[0].j) as RefreshTokenRow) : null;
  if (!row?.session_id) throw notFound();
  const session = await tx.query<{ created_at: string }>(
    `select to_json(created_at) #>> '{}' as created_at from auth.sessions where id = $1::uuid`,
    [row.session_id],
  );
  const sessionRow = session.rows[0];
  const user = await findUserById(tx, row.user_id);
  if (!sessionRow || !user) throw notFound();
  if (user.banned_until && Date.parse(user.banned_until) > now) {
    throw new AuthFailure(400, 'user_banned', 'User is banned');
  }
  const signedInAt = Date.parse(sessionRow.created_at);

  let issued: string | null = null;
  if (row.revoked) {
    const active = await tx.query<{ token: string; parent: string | null }>(
      `select token, parent from auth.refresh_tokens where session_id = $1::uuid and not revoked order by id desc limit 1`,
      [row.session_id],
    );
    const current = active.rows[0];
    if (current && current.parent === row.token) {
      // the client lost the answer to its last refresh: hand back the live token
      issued = current.token;
    } else if (now > Date.parse(row.updated_at) + s.refreshTokenReuseInterval * 1000) {
      // reuse outside the interval: treat as theft and end the session
      await tx.query(`delete from auth.sessions where id = $1::uuid`, [row.session_id]);
      return new AuthFailure(
        400,
        'refresh_token_already_used',
        'Invalid Refresh Token: Already Used',
      );
    }
  }
  if (issued === null) {
    await tx.query(
      `update auth.refresh_tokens set revoked = true, updated_at = $2::timestamptz where id = $1`,
      [row.id, iso(now)],
    );
    issued = await newRefreshToken(tx, user.id, row.session_id, row.token, iso(now));
  }
  await tx.query(`update auth.sessions set updated_at = $2::timestamptz where id = $1::uuid`, [
    row.session_id,
    iso(now),
  ]);
  return sessionJson(tx, user, row.session_id, issued, s, signedInAt, 'token_refresh');
}

export async function sessionExists(tx: Queryable, sessionId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return false;
  const r = await tx.query(`select 1 from auth.sessions where id = $1::uuid`, [sessionId]);
  return r.rows.length > 0;
}

/** logout: `global` every session of the user, `local` this one, `others` all but this one */
export async function endSessions(
  tx: Queryable,
  userId: string,
  sessionId: string | null,
  scope: 'global' | 'local' | 'others',
): Promise<void> {
  if (scope === 'global' || sessionId === null) {
    await tx.query(`delete from auth.sessions where user_id = $1::uuid`, [userId]);
  } else if (scope === 'local') {
    await tx.query(`delete from auth.sessions where id = $1::uuid`, [sessionId]);
  } else {
    await tx.query(`delete from auth.sessions where user_id = $1::uuid and id <> $2::uuid`, [
      userId,
      sessionId,
    ]);
  }
}
