// The `act_as` claim the access-token hook puts in a partner's token while they
// act for a client club (supabase/migrations/20261206170000_partner_core.sql).
// Read only to show the banner and to pick the club: the database checks the
// session row on every request, so nothing here grants anything.
import { z } from 'zod';

const actAs = z.object({
  session_id: z.string().uuid(),
  client_org_id: z.string().uuid(),
  partner_org_id: z.string().uuid(),
  write: z.boolean(),
  /** seconds since the epoch */
  expires_at: z.number().int().positive(),
});

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
  const parsed = actAs.safeParse(claims.act_as);
  if (!parsed.success) return null;
  const a = parsed.data;
  return {
    sessionId: a.session_id,
    clientOrgId: a.client_org_id,
    partnerOrgId: a.partner_org_id,
    write: a.write,
    expiresAt: a.expires_at * 1000,
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
