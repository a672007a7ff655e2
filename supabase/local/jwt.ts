// Verifies the HS256 tokens the gateway accepts. Only HS256 with the project's
// secret passes: `alg: none`, other algorithms, a wrong signature and an expired
// token are all refused, each with a reason the caller can report.
import { errors, jwtVerify } from 'jose';

export type JwtClaims = Record<string, unknown>;

export type JwtFailure = 'malformed' | 'signature' | 'expired' | 'claims';

export type JwtResult =
  { ok: true; claims: JwtClaims } | { ok: false; failure: JwtFailure; detail: string };

// PostgREST tolerates 30 s of clock skew between the issuer and itself.
const SKEW_SECONDS = 30;

const keys = new Map<string, Uint8Array>();
function keyFor(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    key = new TextEncoder().encode(secret);
    keys.set(secret, key);
  }
  return key;
}

export async function verifyJwt(token: string, secret: string, nowMs: number): Promise<JwtResult> {
  const parts = token.split('.').length;
  if (parts !== 3) {
    return { ok: false, failure: 'malformed', detail: `Expected 3 parts in JWT; got ${parts}` };
  }
  try {
    const { payload } = await jwtVerify(token, keyFor(secret), {
      algorithms: ['HS256'],
      currentDate: new Date(nowMs),
      clockTolerance: SKEW_SECONDS,
    });
    return { ok: true, claims: payload as JwtClaims };
  } catch (e) {
    if (e instanceof errors.JWTExpired)
      return { ok: false, failure: 'expired', detail: 'JWT expired' };
    if (e instanceof errors.JWTClaimValidationFailed) {
      return { ok: false, failure: 'claims', detail: e.message };
    }
    if (e instanceof errors.JWSInvalid || e instanceof errors.JWTInvalid) {
      return { ok: false, failure: 'malformed', detail: 'JWT cryptographic operation failed' };
    }
    // wrong signature, alg none or any algorithm but HS256
    return { ok: false, failure: 'signature', detail: 'No suitable key or wrong key type' };
  }
}
