// Passwordless sign-in and password reset as GoTrue answers them: POST /otp and
// /recover send a 6-digit code and a link; POST /verify trades the code (or the
// link's token hash) for a session; GET /verify (the link itself) redirects to
// the app with the session in the URL fragment (the implicit flow). As GoTrue,
// only sha224(email + code) is stored (auth.users.confirmation_token for sign-in
// codes, recovery_token for resets), with the time it was sent; a new code
// replaces the last, a used one is cleared, and neither /otp with
// create_user=false nor /recover says whether the address has an account (hosted
// GoTrue answers the former 422 otp_disabled "Signups not allowed for otp" for an
// unknown address; the app shows both answers alike, email-code-form.ts).
import { createHash, randomInt } from 'node:crypto';
import type { Queryable } from './db/database.ts';
import { AuthFailure, versionHeaders } from './auth-errors.ts';
import { type AuthMailKind, authMail, authMailLocale } from './auth-mail.ts';
import { type AuthOptions, type Body, metadata } from './auth-request.ts';
import { type SessionJson, type TokenSettings, issueSession } from './auth-sessions.ts';
import {
  type UserRow,
  createUser,
  findUserByEmail,
  findUserById,
  normalizeEmail,
  touchSignIn,
  updateUser,
} from './auth-users.ts';
import type { ApiRequest, ApiResponse } from './http-types.ts';
import { jsonResponse } from './http-types.ts';

/** GoTrue's otp_expiry default, seconds */
export const DEFAULT_OTP_EXPIRY = 3600;
/** GoTrue's SMTP max_frequency default, seconds between two emails to one address */
export const DEFAULT_EMAIL_MAX_FREQUENCY = 60;

type VerifyType = 'email' | 'magiclink' | 'signup' | 'recovery';
const verifyTypes: readonly string[] = ['email', 'magiclink', 'signup', 'recovery'];

const expired = () => new AuthFailure(403, 'otp_expired', 'Token has expired or is invalid');

/** GoTrue's crypto.GenerateTokenHash: hex sha224 of the address and the code */
export function tokenHash(email: string, code: string): string {
  return createHash('sha224')
    .update(email + code)
    .digest('hex');
}

const column = (type: VerifyType) => (type === 'recovery' ? 'recovery' : 'confirmation');

export function createOtpRoutes(o: AuthOptions, settings: (req: ApiRequest) => TokenSettings) {
  const iso = () => new Date(o.now()).toISOString();
  const otpExpiry = o.otpExpiry ?? DEFAULT_OTP_EXPIRY;
  const maxFrequency = o.emailMaxFrequency ?? DEFAULT_EMAIL_MAX_FREQUENCY;
  // per address and kind, whether or not it has an account: a limit only real
  // addresses hit would tell which ones exist
  const lastSent = new Map<string, number>();

  function checkFrequency(key: string): void {
    const last = lastSent.get(key);
    const wait = last === undefined ? 0 : Math.ceil((last + maxFrequency * 1000 - o.now()) / 1000);
    if (wait > 0) {
      throw new AuthFailure(
        429,
        'over_email_send_rate_limit',
        `For security purposes, you can only request this after ${wait} seconds.`,
      );
    }
    lastSent.set(key, o.now());
    // nothing older than the limit matters any more
    if (lastSent.size > 10_000) {
      for (const [k, at] of lastSent) if (at + maxFrequency * 1000 <= o.now()) lastSent.delete(k);
    }
  }

  /** redirect_to if the site URL or an additional redirect URL allows it, else the site URL */
  function allowedRedirect(requested: string | null): string {
    const site = o.siteUrl ?? 'http://127.0.0.1:4173';
    if (!requested) return site;
    let target: URL;
    try {
      target = new URL(requested);
    } catch {
      return site;
    }
    const allowed = [site, ...(o.redirectUrls ?? [])].some((base) => {
      try {
        const b = new URL(base);
        return b.origin === target.origin && target.pathname.startsWith(b.pathname);
      } catch {
        return false;
      }
    });
    return allowed ? target.toString() : site;
  }

  async function sendCode(
    tx: Queryable,
    req: ApiRequest,
    user: UserRow,
    kind: AuthMailKind,
  ): Promise<void> {
    const email = user.email ?? '';
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const hash = tokenHash(email, code);
    const col = kind === 'recovery' ? 'recovery' : 'confirmation';
    await tx.query(
      `update auth.users set ${col}_token = $2, ${col}_sent_at = $3::timestamptz where id = $1::uuid`,
      [user.id, hash, iso()],
    );
    const link = new URL(`${settings(req).issuer}/verify`);
    link.searchParams.set('token', hash);
    link.searchParams.set('type', kind === 'recovery' ? 'recovery' : 'magiclink');
    link.searchParams.set('redirect_to', allowedRedirect(req.url.searchParams.get('redirect_to')));
    const mail = authMail(kind, authMailLocale(user.raw_user_meta_data), email, code, link.href);
    await o.mailer?.send(mail);
  }

  async function otp(req: ApiRequest, body: Body): Promise<ApiResponse> {
    if (body.email === undefined) {
      throw new AuthFailure(
        400,
        'validation_failed',
        'Only an email address or phone number should be provided',
      );
    }
    const email = normalizeEmail(body.email);
    checkFrequency(`otp:${email}`);
    const create = body.create_user !== false;
    await o.db.transaction(async (tx) => {
      let user = await findUserByEmail(tx, email);
      if (!user && create) {
        user = await createUser(
          tx,
          {
            email,
            password: null,
            confirmed: false,
            userMetadata: metadata(body.data) ?? {},
            appMetadata: {},
            signedIn: false,
          },
          iso(),
        );
      }
      if (user) await sendCode(tx, req, user, 'sign-in');
    });
    return jsonResponse(200, {}, versionHeaders(req));
  }

  async function recover(req: ApiRequest, body: Body): Promise<ApiResponse> {
    const email = normalizeEmail(body.email);
    checkFrequency(`recover:${email}`);
    await o.db.transaction(async (tx) => {
      const user = await findUserByEmail(tx, email);
      if (user) await sendCode(tx, req, user, 'recovery');
    });
    return jsonResponse(200, {}, versionHeaders(req));
  }

  /** the user a code (with its address) or a link's token hash belongs to; the code used up */
  async function redeem(
    tx: Queryable,
    type: VerifyType,
    by: { email: string; code: string } | { hash: string },
  ): Promise<UserRow> {
    const col = column(type);
    const hash = 'hash' in by ? by.hash : tokenHash(by.email, by.code);
    // a used code is stored as '': nothing but a real hash may match
    if (!/^[0-9a-f]{56}$/.test(hash)) throw expired();
    const r = await tx.query<{ id: string; sent: string | null }>(
      `select id::text as id, to_json(${col}_sent_at) #>> '{}' as sent from auth.users
       where ${col}_token = $1 and deleted_at is null ${'email' in by ? 'and lower(email) = lower($2)' : ''}
       for update`,
      'email' in by ? [hash, by.email] : [hash],
    );
    const row = r.rows[0];
    if (!row?.sent || Date.parse(row.sent) + otpExpiry * 1000 < o.now()) throw expired();
    await tx.query(`update auth.users set ${col}_token = '' where id = $1::uuid`, [row.id]);
    const user = await findUserById(tx, row.id);
    if (!user) throw expired();
    if (user.banned_until && Date.parse(user.banned_until) > o.now()) {
      throw new AuthFailure(400, 'user_banned', 'User is banned');
    }
    // the code proves the address: verifying confirms it
    const confirmed = await updateUser(tx, user, { confirmEmail: true }, iso());
    await touchSignIn(tx, confirmed.id, iso());
    return (await findUserById(tx, confirmed.id)) ?? confirmed;
  }

  function verifyType(value: unknown): VerifyType {
    if (typeof value !== 'string' || value === '') {
      throw new AuthFailure(400, 'validation_failed', 'Verify requires a verification type');
    }
    if (!verifyTypes.includes(value)) {
      throw new AuthFailure(400, 'validation_failed', 'Unsupported verification type');
    }
    return value as VerifyType;
  }

  async function verifyPost(req: ApiRequest, body: Body): Promise<ApiResponse> {
    const type = verifyType(body.type);
    let by: { email: string; code: string } | { hash: string };
    if (typeof body.token_hash === 'string' && body.token_hash !== '') {
      by = { hash: body.token_hash };
    } else if (typeof body.token === 'string' && body.email !== undefined) {
      by = { email: normalizeEmail(body.email), code: body.token.trim() };
    } else {
      throw new AuthFailure(
        400,
        'validation_failed',
        'Only an email address or phone number should be provided on verify',
      );
    }
    const session = await o.db.transaction(async (tx) =>
      issueSession(tx, await redeem(tx, type, by), settings(req)),
    );
    return jsonResponse(200, session, versionHeaders(req));
  }

  /** the link from the email: to redirect_to with the session (or the error) in the fragment */
  async function verifyGet(req: ApiRequest): Promise<ApiResponse> {
    const target = new URL(allowedRedirect(req.url.searchParams.get('redirect_to')));
    let fragment: URLSearchParams;
    try {
      const type = verifyType(req.url.searchParams.get('type'));
      const hash = req.url.searchParams.get('token') ?? '';
      const session: SessionJson = await o.db.transaction(async (tx) =>
        issueSession(tx, await redeem(tx, type, { hash }), settings(req)),
      );
      fragment = new URLSearchParams({
        access_token: session.access_token,
        expires_at: String(session.expires_at),
        expires_in: String(session.expires_in),
        refresh_token: session.refresh_token,
        token_type: 'bearer',
        type,
      });
    } catch (e) {
      if (!(e instanceof AuthFailure)) throw e;
      fragment = new URLSearchParams({
        error: 'access_denied',
        error_code: e.code,
        error_description:
          e.code === 'otp_expired' ? 'Email link is invalid or has expired' : e.message,
      });
    }
    target.hash = fragment.toString();
    return { status: 303, headers: { location: target.href } };
  }

  return { otp, recover, verifyPost, verifyGet };
}
