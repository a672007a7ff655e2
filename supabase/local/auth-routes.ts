// /auth/v1: the part of GoTrue the app and its tests use. Sign-up confirms at
// once (like `enable_confirmations = false` in a local Supabase) and returns a
// session; admin routes need a service_role token.
import type { Database, Queryable } from './db/database.ts';
import { AuthFailure, authErrorResponse, versionHeaders } from './auth-errors.ts';
import {
  type TokenSettings,
  endSessions,
  issueSession,
  refreshSession,
  sessionExists,
} from './auth-sessions.ts';
import {
  type UserChanges,
  type UserRow,
  checkPassword,
  createUser,
  findUserByEmail,
  findUserById,
  normalizeEmail,
  passwordMatches,
  touchSignIn,
  updateUser,
  userJson,
} from './auth-users.ts';
import type { ApiRequest, ApiResponse } from './http-types.ts';
import { emptyResponse, jsonResponse, safeDecode } from './http-types.ts';
import type { JwtClaims } from './jwt.ts';
import { verifyJwt } from './jwt.ts';
import { requestToken } from './request-principal.ts';

export const AUTH_PREFIX = '/auth/v1';

export interface AuthOptions {
  db: Database;
  jwtSecret: string;
  jwtExpiry: number;
  refreshTokenReuseInterval: number;
  now: () => number;
}

type Body = Record<string, unknown>;

function parseBody(req: ApiRequest): Body {
  const text = req.body.toString('utf8');
  if (text.trim() === '') return {};
  try {
    const value = JSON.parse(text) as unknown;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Body;
  } catch {
    // answered below
  }
  throw new AuthFailure(400, 'bad_json', 'Could not parse request body as JSON');
}

const badJwtReasons: Record<string, string> = {
  malformed: 'token is malformed: token contains an invalid number of segments',
  expired: 'token has invalid claims: token is expired',
  claims: 'token has invalid claims',
  signature: 'token signature is invalid: signature is invalid',
};

/** GoTrue's requireAuthentication: a valid token; 403 bad_jwt otherwise */
async function claimsOf(req: ApiRequest, o: AuthOptions): Promise<JwtClaims> {
  const token = requestToken(req);
  if (!token)
    throw new AuthFailure(401, 'no_authorization', 'This endpoint requires a Bearer token');
  const v = await verifyJwt(token, o.jwtSecret, o.now());
  if (!v.ok) {
    throw new AuthFailure(
      403,
      'bad_jwt',
      `invalid JWT: unable to parse or verify signature, ${badJwtReasons[v.failure]}`,
    );
  }
  return v.claims;
}

/** the signed-in user behind the token, with the session it names still alive */
async function currentUser(tx: Queryable, claims: JwtClaims): Promise<UserRow> {
  if (typeof claims.sub !== 'string' || claims.sub === '') {
    throw new AuthFailure(403, 'bad_jwt', 'invalid claim: missing sub claim');
  }
  const user = await findUserById(tx, claims.sub);
  if (!user)
    throw new AuthFailure(403, 'user_not_found', 'User from sub claim in JWT does not exist');
  if (typeof claims.session_id === 'string' && !(await sessionExists(tx, claims.session_id))) {
    throw new AuthFailure(
      403,
      'session_not_found',
      'Session from session_id claim in JWT does not exist',
    );
  }
  return user;
}

function requireAdmin(claims: JwtClaims): void {
  if (claims.role !== 'service_role' && claims.role !== 'supabase_admin') {
    throw new AuthFailure(403, 'not_admin', 'User not allowed');
  }
}

function metadata(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function createAuthRoutes(o: AuthOptions) {
  const iso = () => new Date(o.now()).toISOString();
  const settings = (req: ApiRequest): TokenSettings => ({
    jwtSecret: o.jwtSecret,
    jwtExpiry: o.jwtExpiry,
    refreshTokenReuseInterval: o.refreshTokenReuseInterval,
    now: o.now,
    issuer: `http://${req.headers.host ?? '127.0.0.1:54321'}${AUTH_PREFIX}`,
  });

  async function signUp(req: ApiRequest, body: Body): Promise<ApiResponse> {
    if (body.email === undefined && body.phone === undefined) {
      throw new AuthFailure(422, 'anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
    }
    if (body.email === undefined)
      throw new AuthFailure(400, 'phone_provider_disabled', 'Phone signups are disabled');
    const email = normalizeEmail(body.email);
    if (body.password === undefined)
      throw new AuthFailure(422, 'validation_failed', 'Signup requires a valid password');
    const password = checkPassword(body.password);
    const session = await o.db.transaction(async (tx) => {
      if (await findUserByEmail(tx, email)) {
        throw new AuthFailure(422, 'user_already_exists', 'User already registered');
      }
      const user = await createUser(
        tx,
        {
          email,
          password,
          confirmed: true,
          userMetadata: metadata(body.data) ?? {},
          appMetadata: {},
          signedIn: true,
        },
        iso(),
      );
      return issueSession(tx, user, settings(req));
    });
    return jsonResponse(200, session, versionHeaders(req));
  }

  async function token(req: ApiRequest, body: Body): Promise<ApiResponse> {
    const grant = req.url.searchParams.get('grant_type');
    if (grant === 'password') {
      if (typeof body.email !== 'string' || typeof body.password !== 'string') {
        throw new AuthFailure(400, 'validation_failed', 'missing email or phone');
      }
      const email = body.email.trim();
      const password = body.password;
      const session = await o.db.transaction(async (tx) => {
        const user = await findUserByEmail(tx, email);
        if (!user || !(await passwordMatches(tx, user.id, password))) {
          throw new AuthFailure(400, 'invalid_credentials', 'Invalid login credentials');
        }
        if (user.banned_until && Date.parse(user.banned_until) > o.now()) {
          throw new AuthFailure(400, 'user_banned', 'User is banned');
        }
        if (!user.email_confirmed_at)
          throw new AuthFailure(400, 'email_not_confirmed', 'Email not confirmed');
        await touchSignIn(tx, user.id, iso());
        const fresh = (await findUserById(tx, user.id)) ?? user;
        return issueSession(tx, fresh, settings(req));
      });
      return jsonResponse(200, session, versionHeaders(req));
    }
    if (grant === 'refresh_token') {
      if (typeof body.refresh_token !== 'string' || body.refresh_token === '') {
        throw new AuthFailure(400, 'validation_failed', 'refresh_token required');
      }
      const presented = body.refresh_token;
      const result = await o.db.transaction((tx) => refreshSession(tx, presented, settings(req)));
      if (result instanceof AuthFailure) throw result;
      return jsonResponse(200, result, versionHeaders(req));
    }
    throw new AuthFailure(400, 'validation_failed', 'unsupported_grant_type');
  }

  async function getUser(req: ApiRequest): Promise<ApiResponse> {
    const claims = await claimsOf(req, o);
    const user = await o.db.transaction((tx) => currentUser(tx, claims));
    return jsonResponse(200, userJson(user), versionHeaders(req));
  }

  async function putUser(req: ApiRequest, body: Body): Promise<ApiResponse> {
    const claims = await claimsOf(req, o);
    const user = await o.db.transaction(async (tx) => {
      const current = await currentUser(tx, claims);
      const changes: UserChanges = {};
      if (body.email !== undefined) {
        const email = normalizeEmail(body.email);
        const other = await findUserByEmail(tx, email);
        if (other && other.id !== current.id) {
          throw new AuthFailure(
            422,
            'email_exists',
            'A user with this email address has already been registered',
          );
        }
        // no mail is sent locally: the new address applies at once
        changes.email = email;
      }
      if (body.password !== undefined) {
        const password = checkPassword(body.password);
        if (await passwordMatches(tx, current.id, password)) {
          throw new AuthFailure(
            422,
            'same_password',
            'New password should be different from the old password.',
          );
        }
        changes.password = password;
      }
      const data = metadata(body.data);
      if (data) changes.userMetadata = data;
      const updated = await updateUser(tx, current, changes, iso());
      if (changes.password !== undefined) {
        // as GoTrue does: a new password signs out every other session
        const sid = typeof claims.session_id === 'string' ? claims.session_id : null;
        await endSessions(tx, current.id, sid, 'others');
      }
      return updated;
    });
    return jsonResponse(200, userJson(user), versionHeaders(req));
  }

  async function logout(req: ApiRequest): Promise<ApiResponse> {
    const claims = await claimsOf(req, o);
    const scope = req.url.searchParams.get('scope') ?? 'local';
    if (scope !== 'global' && scope !== 'local' && scope !== 'others') {
      throw new AuthFailure(400, 'validation_failed', `Unsupported logout scope "${scope}"`);
    }
    await o.db.transaction(async (tx) => {
      const user = await currentUser(tx, claims);
      const sid = typeof claims.session_id === 'string' ? claims.session_id : null;
      await endSessions(tx, user.id, sid, scope);
    });
    return emptyResponse(204, versionHeaders(req));
  }

  async function adminCreate(req: ApiRequest, body: Body): Promise<ApiResponse> {
    const email = normalizeEmail(body.email);
    const password = body.password === undefined ? null : checkPassword(body.password);
    const user = await o.db.transaction(async (tx) => {
      if (await findUserByEmail(tx, email)) {
        throw new AuthFailure(
          422,
          'email_exists',
          'A user with this email address has already been registered',
        );
      }
      return createUser(
        tx,
        {
          email,
          password,
          confirmed: body.email_confirm === true,
          userMetadata: metadata(body.user_metadata) ?? metadata(body.data) ?? {},
          appMetadata: metadata(body.app_metadata) ?? {},
          signedIn: false,
        },
        iso(),
      );
    });
    return jsonResponse(200, userJson(user), versionHeaders(req));
  }

  async function adminList(req: ApiRequest): Promise<ApiResponse> {
    const page = Math.max(1, Number(req.url.searchParams.get('page') ?? 1) || 1);
    const perPage = Math.min(
      1000,
      Math.max(1, Number(req.url.searchParams.get('per_page') ?? 50) || 50),
    );
    const { users, total } = await o.db.transaction(async (tx) => {
      const ids = await tx.query<{ id: string }>(
        `select id::text as id from auth.users where deleted_at is null order by created_at, id limit $1 offset $2`,
        [perPage, (page - 1) * perPage],
      );
      const count = await tx.query<{ n: number }>(
        `select count(*)::int as n from auth.users where deleted_at is null`,
      );
      const rows: UserRow[] = [];
      for (const { id } of ids.rows) {
        const u = await findUserById(tx, id);
        if (u) rows.push(u);
      }
      return { users: rows, total: Number(count.rows[0]?.n ?? 0) };
    });
    return jsonResponse(
      200,
      { users: users.map(userJson), aud: 'authenticated' },
      {
        ...versionHeaders(req),
        'x-total-count': String(total),
      },
    );
  }

  async function adminOne(req: ApiRequest, id: string, body: Body): Promise<ApiResponse> {
    const result = await o.db.transaction(async (tx) => {
      const user = await findUserById(tx, id);
      if (!user) throw new AuthFailure(404, 'user_not_found', 'User not found');
      if (req.method === 'GET') return user;
      if (req.method === 'DELETE') {
        await tx.query(`delete from auth.users where id = $1::uuid`, [id]);
        return null;
      }
      const changes: UserChanges = {};
      if (body.email !== undefined) changes.email = normalizeEmail(body.email);
      if (body.password !== undefined) changes.password = checkPassword(body.password);
      const um = metadata(body.user_metadata);
      if (um) changes.userMetadata = um;
      const am = metadata(body.app_metadata);
      if (am) changes.appMetadata = am;
      if (body.email_confirm === true) changes.confirmEmail = true;
      if (body.ban_duration === 'none') changes.bannedUntil = null;
      return updateUser(tx, user, changes, iso());
    });
    return jsonResponse(200, result ? userJson(result) : {}, versionHeaders(req));
  }

  async function dispatch(req: ApiRequest): Promise<ApiResponse> {
    const path = req.url.pathname.slice(AUTH_PREFIX.length).replace(/\/+$/, '');
    const m = req.method;
    if (path === '/health' && m === 'GET') {
      return jsonResponse(200, {
        version: 'trackside-local',
        name: 'GoTrue',
        description: 'local stack',
      });
    }
    if (path === '/settings' && m === 'GET') {
      return jsonResponse(200, {
        external: { email: true, phone: false, anonymous_users: false },
        disable_signup: false,
        mailer_autoconfirm: true,
        phone_autoconfirm: false,
        sms_provider: '',
        saml_enabled: false,
      });
    }
    const body = m === 'POST' || m === 'PUT' ? parseBody(req) : {};
    if (path === '/signup' && m === 'POST') return signUp(req, body);
    if (path === '/token' && m === 'POST') return token(req, body);
    if (path === '/user' && m === 'GET') return getUser(req);
    if (path === '/user' && m === 'PUT') return putUser(req, body);
    if (path === '/logout' && m === 'POST') return logout(req);
    const admin = /^\/admin\/users(?:\/([^/]+))?$/.exec(path);
    if (admin) {
      requireAdmin(await claimsOf(req, o));
      const id = admin[1];
      if (!id && m === 'POST') return adminCreate(req, body);
      if (!id && m === 'GET') return adminList(req);
      if (id && (m === 'GET' || m === 'PUT' || m === 'DELETE'))
        return adminOne(req, safeDecode(id) ?? '', body);
    }
    throw new AuthFailure(404, 'not_found', 'Not Found');
  }

  return async function handleAuth(req: ApiRequest): Promise<ApiResponse> {
    try {
      return await dispatch(req);
    } catch (e) {
      if (e instanceof AuthFailure) return authErrorResponse(req, e);
      throw e;
    }
  };
}
