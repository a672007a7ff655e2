// Starting to act for a client from the console: the core's start_acting, then
// a refreshed session whose access token carries the act_as claim.
import { callRpc } from '../../data/call-rpc.ts';
import { describeError } from '../../data/describe-error.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import { writeCurrentOrganization } from '../../state/current-organization-storage.ts';
import type { Loaded } from './partner-console-data.ts';

export async function startActingFor(
  client: AppClient,
  clientOrgId: string,
  reason: string,
  write: boolean,
): Promise<Loaded<null>> {
  const started = await callRpc(client, 'start_acting', {
    p_client_org: clientOrgId,
    p_reason: reason,
    p_write: write,
  });
  if (!started.ok) return started;
  const { data, error } = await client.auth.refreshSession();
  if (error) return { ok: false, error: describeError(error) };
  // the app's pages open on the club being acted for
  const uid = data.session?.user.id;
  if (uid) writeCurrentOrganization(uid, clientOrgId);
  return { ok: true, data: null };
}
