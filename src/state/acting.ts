// Starting and stopping acting for a client club. The database decides
// (public.start_acting / stop_acting, 20261206170000_partner_core.sql); a fresh
// access token then carries, or loses, the act_as claim the shell reads, so each
// call is followed by a refresh of the session.
import type { SupabaseClient } from '@supabase/supabase-js';

export interface ActingStatus {
  sessionId: string;
  clientOrgId: string;
  clientName: string;
  partnerOrgId: string;
  partnerName: string;
  write: boolean;
  expiresAt: string;
  reason: string;
}

const textFields = [
  'sessionId',
  'clientOrgId',
  'clientName',
  'partnerOrgId',
  'partnerName',
  'expiresAt',
  'reason',
] as const;

/**
 * acting_status's answer, or null for anything else. By hand, not with zod: the
 * banner is in the shell, and zod would put 26 kB on every page's first load.
 */
export function actingStatusOf(value: unknown): ActingStatus | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const text = (key: (typeof textFields)[number]) => record[key];
  if (!textFields.every((key) => typeof text(key) === 'string')) return null;
  if (typeof record.write !== 'boolean') return null;
  return {
    sessionId: String(record.sessionId),
    clientOrgId: String(record.clientOrgId),
    clientName: String(record.clientName),
    partnerOrgId: String(record.partnerOrgId),
    partnerName: String(record.partnerName),
    write: record.write,
    expiresAt: String(record.expiresAt),
    reason: String(record.reason),
  };
}

/** starts a session (a reason of 10+ characters; write only if the club allows it) */
export async function startActing(
  client: SupabaseClient,
  clientOrgId: string,
  reason: string,
  write: boolean,
): Promise<void> {
  const { error } = await client.rpc('start_acting', {
    p_client_org: clientOrgId,
    p_reason: reason,
    p_write: write,
  });
  if (error) throw error;
  const refreshed = await client.auth.refreshSession();
  if (refreshed.error) throw refreshed.error;
}

/** ends the caller's session; the refreshed token has no act_as */
export async function stopActing(client: SupabaseClient): Promise<void> {
  const { error } = await client.rpc('stop_acting');
  if (error) throw error;
  const refreshed = await client.auth.refreshSession();
  if (refreshed.error) throw refreshed.error;
}

/** the session the server counts now, or null */
export async function actingStatus(client: SupabaseClient): Promise<ActingStatus | null> {
  const { data, error } = await client.rpc('acting_status');
  if (error) throw error;
  return actingStatusOf(data);
}
