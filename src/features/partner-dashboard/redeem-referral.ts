// Names the partner that referred a newly created club (redeem_referral_code).
import type { AppClient } from '../../data/supabase-client.ts';
import { callRpc } from '../../data/call-rpc.ts';
import { partnerDashboardStrings } from './partner-dashboard-strings.ts';
import { forgetPendingReferral } from '../../state/pending-referral.ts';

/** null when the code was taken (or there was none); else what to tell the person */
export async function redeemReferral(
  client: AppClient,
  orgId: string,
  code: string,
): Promise<string | null> {
  const result = await callRpc(client, 'redeem_referral_code', { p_org: orgId, p_code: code });
  if (result.ok) {
    forgetPendingReferral();
    return null;
  }
  // a refused code will not be accepted later either; a network failure might be
  if (!result.error.network) forgetPendingReferral();
  const t = partnerDashboardStrings.referralField;
  return result.error.hint === 'referral_code_unknown' ? t.unknown : t.failed(result.error.message);
}
