// The `act_as` claim the access-token hook puts in a partner's token while they
// act for a client club (supabase/migrations/20261206170000_partner_core.sql).
// Read only to show the banner and to pick the club: the database checks the
// session row on every request, so nothing here grants anything.
// By hand, not with zod: the banner is in the shell, and zod would put 26 kB on
// every page's first load.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

export interface ActingClaim {
  sessionId: string;
  clientOrgId: string;
  partnerOrgId: string;
  write: boolean;
  /** milliseconds since the epoch */
  expiresAt: number;
}

function base64UrlJson(part: string): unknown {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** the acting claim of an access token, or null (none, or not one the hook wrote) */
export function actingClaimOf(accessToken: string | null | undefined): ActingClaim | null {
  const payload = accessToken?.split('.')[1];
  if (!payload) return null;
  let claims: unknown;
  try {
    claims = base64UrlJson(payload);
  } catch {
    return null;
  }
  if (typeof claims !== 'object' || claims === null || !('act_as' in claims)) return null;
  const a: unknown = claims.act_as;
  if (typeof a !== 'object' || a === null) return null;
  const { session_id, client_org_id, partner_org_id, write, expires_at } = a as Record<
    string,
    unknown
  >;
  if (!isUuid(session_id) || !isUuid(client_org_id) || !isUuid(partner_org_id)) return null;
  if (typeof write !== 'boolean') return null;
  // seconds since the epoch
  if (typeof expires_at !== 'number' || !Number.isInteger(expires_at) || expires_at <= 0) {
    return null;
  }
  return {
    sessionId: session_id,
    clientOrgId: client_org_id,
    partnerOrgId: partner_org_id,
    write,
    expiresAt: expires_at * 1000,
  };
}

/** a session lasts at most an hour (acting_sessions_length_check) */
const MAX_MINUTES = 60;

/**
 * Whole minutes left in the session at `now`: 0 once it has ended, and never
 * more than the hour a session can last, however far behind the device's clock is.
 */
export function actingMinutesLeft(claim: ActingClaim, now: number): number {
  return Math.min(MAX_MINUTES, Math.max(0, Math.ceil((claim.expiresAt - now) / 60_000)));
}
