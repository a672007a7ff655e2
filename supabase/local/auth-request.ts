// What every /auth/v1 route needs from a request: its JSON body and, for the
// authenticated routes, the verified token and the live user and session behind
// it (GoTrue's requireAuthentication).
import type { OutgoingEmail } from '../functions/email-dispatch/providers.ts';
import type { Database, Queryable } from './db/database.ts';
import { AuthFailure } from './auth-errors.ts';
import { sessionExists } from './auth-sessions.ts';
import { type UserRow, findUserById } from './auth-users.ts';
import type { ApiRequest } from './http-types.ts';
import type { JwtClaims } from './jwt.ts';
import { verifyJwt } from './jwt.ts';
import { requestToken } from './request-principal.ts';

export interface AuthOptions {
  db: Database;
  jwtSecret: string;
  jwtExpiry: number;
  refreshTokenReuseInterval: number;
  now: () => number;
  /** where sign-in codes and reset emails go (the local mailbox); none: not sent */
  mailer?: { send(email: OutgoingEmail): Promise<unknown> };
  /** the app's origin: email links go back there unless redirect_to is allowed */
  siteUrl?: string;
  /** more places email links may go back to (config.toml additional_redirect_urls) */
  redirectUrls?: readonly string[];
  /** seconds a code stays valid (GoTrue's otp_expiry, default 3600) */
  otpExpiry?: number;
  /** seconds between two emails of a kind to one address (GoTrue's max_frequency, default 60) */
  emailMaxFrequency?: number;
  /** `schema.function` of the custom access-token hook (config.toml), or none */
  accessTokenHook?: string | null;
}

export type Body = Record<string, unknown>;

export function parseBody(req: ApiRequest): Body {
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
export async function claimsOf(req: ApiRequest, o: AuthOptions): Promise<JwtClaims> {
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
export async function currentUser(tx: Queryable, claims: JwtClaims): Promise<UserRow> {
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

export function requireAdmin(claims: JwtClaims): void {
  if (claims.role !== 'service_role' && claims.role !== 'supabase_admin') {
    throw new AuthFailure(403, 'not_admin', 'User not allowed');
  }
}

export function metadata(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
