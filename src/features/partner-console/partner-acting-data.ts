// Starting to act for a client from the console: the shell's startActing
// (start_acting, then a refreshed session whose token carries act_as; the shell
// then makes the club the current one and shows its banner).
import { describeError } from '../../data/describe-error.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import { startActing } from '../../state/acting.ts';
import type { Loaded } from './partner-console-data.ts';

export async function startActingFor(
  client: AppClient,
  clientOrgId: string,
  reason: string,
  write: boolean,
): Promise<Loaded<null>> {
  try {
    await startActing(client, clientOrgId, reason, write);
    return { ok: true, data: null };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}
