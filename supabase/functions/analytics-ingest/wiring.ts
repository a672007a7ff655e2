// Builds the handler from an environment: shared by the Deno entry (index.ts) and
// the local stack (supabase/local/functions/analytics-ingest.ts).
import { type Env, required, serviceClient } from '../_shared/supabase.ts';
import { createAnalyticsIngestHandler, normalizeOrigins } from './handler.ts';

/**
 * The pages that may send events: SITE_URL (required, so a misconfigured
 * deploy refuses everything rather than accepting anyone), PUBLIC_SITE_URL when
 * the public pages live elsewhere, and ANALYTICS_ORIGINS, a comma-separated
 * list of further origins (a staging host).
 */
export function analyticsIngestFromEnv(env: Env) {
  const { rpc } = serviceClient(env);
  const origins = normalizeOrigins([
    required(env, 'SITE_URL'),
    env('PUBLIC_SITE_URL'),
    env('ANALYTICS_ORIGINS'),
  ]);
  if (!origins.length) throw new Error('analytics-ingest needs SITE_URL to be a URL');
  return createAnalyticsIngestHandler({ rpc, origins });
}
