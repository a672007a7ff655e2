// analytics-ingest in the local stack: the production handler, taking events from
// the served app's pages (SITE_URL), whether the browser calls it 127.0.0.1 or
// localhost. The served app forwards its POST /api/analytics/events here, as the
// production site's rewrite does (supabase/local/served-app.ts).
import { analyticsIngestFromEnv } from '../../functions/analytics-ingest/wiring.ts';
import { buildOnFirstRequest } from '../build-on-first-request.ts';
import type { LocalEdgeFunction } from '../local-edge-function.ts';

/** the same origin under the other loopback name, for a local site */
function loopbackTwins(site: string | undefined): string[] {
  if (!site) return [];
  try {
    const url = new URL(site);
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') return [];
    return ['127.0.0.1', 'localhost'].map((host) => {
      url.hostname = host;
      return url.origin;
    });
  } catch {
    return [];
  }
}

const analyticsIngest: LocalEdgeFunction = (ctx) =>
  buildOnFirstRequest((env) => {
    const site = env('SITE_URL') ?? env('SUPABASE_URL');
    const withSite: typeof env = (name) => {
      if (name === 'SITE_URL') return site;
      if (name === 'ANALYTICS_ORIGINS') {
        return [env('ANALYTICS_ORIGINS'), ...loopbackTwins(site)].filter(Boolean).join(',');
      }
      return env(name);
    };
    return analyticsIngestFromEnv(withSite);
  }, ctx.env);
export default analyticsIngest;
