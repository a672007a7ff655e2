// Starting and stopping acting for a client club. The database decides
// (public.start_acting / stop_acting, 20261206170000_partner_core.sql); a fresh
// access token then carries, or loses, the act_as claim the shell reads, so each
// call is followed by a refresh of the session.
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';

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

const status = z.object({
  sessionId: z.string(),
  clientOrgId: z.string(),
  clientName: z.string(),
  partnerOrgId: z.string(),
  partnerName: z.string(),
  write: z.boolean(),
  expiresAt: z.string(),
  reason: z.string(),
});

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
  const parsed = status.safeParse(data);
  return parsed.success ? parsed.data : null;
}
