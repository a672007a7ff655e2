// Builds the handler from an environment, for the Deno entry (index.ts) and the
// local stack (supabase/local/functions/partner-apply.ts): the service role's
// RPCs, SITE_URL (where the form's pages are, and the origin allowed to post
// here) and PARTNER_APPLY_ORIGINS, a comma-separated list of further origins.
import { type Env, required, serviceClient } from '../_shared/supabase.ts';
import { createPartnerApplyHandler } from './handler.ts';

/** each origin as URL.origin gives it; what is not a URL is left out */
function normalizeOrigins(values: readonly (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const part of values.flatMap((v) => (v ?? '').split(','))) {
    try {
      const origin = new URL(part.trim()).origin;
      if (origin !== 'null') out.add(origin);
    } catch {
      // not a URL: no origin to allow
    }
  }
  return [...out];
}

export function partnerApplyFromEnv(env: Env) {
  const { rpc } = serviceClient(env);
  const siteUrl = required(env, 'SITE_URL');
  const origins = normalizeOrigins([siteUrl, env('PUBLIC_SITE_URL'), env('PARTNER_APPLY_ORIGINS')]);
  if (!origins.length) throw new Error('partner-apply needs SITE_URL to be a URL');
  return createPartnerApplyHandler({ rpc, siteUrl, origins });
}
