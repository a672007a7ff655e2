// /auth/v1: the part of GoTrue the app and its tests use. Sign-up confirms at
// once (like `enable_confirmations = false` in a local Supabase) and returns a
// session; codes and links by email (auth-otp-routes.ts) for people without a
// password; admin routes need a service_role token.
import { AuthFailure, authErrorResponse, versionHeaders } from './auth-errors.ts';
import { createAdminRoutes } from './auth-admin-routes.ts';
import { createOtpRoutes } from './auth-otp-routes.ts';
import {
  type AuthOptions,
  type Body,
  claimsOf,
  currentUser,
  metadata,
  parseBody,
  requireAdmin,
} from './auth-request.ts';
import { type TokenSettings, endSessions, issueSession, refreshSession } from './auth-sessions.ts';
import {
  type UserChanges,
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

export type { AuthOptions } from './auth-request.ts';

export const AUTH_PREFIX = '/auth/v1';

export function createAuthRoutes(o: AuthOptions) {
  const iso = () => new Date(o.now()).toISOString();
  const { adminCreate, adminList, adminOne } = createAdminRoutes(o);
  const settings = (req: ApiRequest): TokenSettings => ({
    jwtSecret: o.jwtSecret,
    jwtExpiry: o.jwtExpiry,
    refreshTokenReuseInterval: o.refreshTokenReuseInterval,
    now: o.now,
    issuer: `http://${req.headers.host ?? '127.0.0.1:54321'}${AUTH_PREFIX}`,
    accessTokenHook: o.accessTokenHook ?? null,
  });

  const { otp, recover, verifyPost, verifyGet } = createOtpRoutes(o, settings);

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
    if (path === '/otp' && m === 'POST') return otp(req, body);
    if (path === '/recover' && m === 'POST') return recover(req, body);
    if (path === '/verify' && m === 'POST') return verifyPost(req, body);
    if (path === '/verify' && m === 'GET') return verifyGet(req);
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
