// Production: the public pages (src/public-site) on an edge runtime in front of
// the static host. Cloudflare Workers (with static assets: env.ASSETS) and
// Netlify Edge Functions both call `fetch(request, env)`; a request no public
// route claims — the SPA, its files — goes on to the static host untouched.
//
// Why here and not elsewhere: offers, prices and bookable time change all day,
// so prerendering at publish time would need a rebuild per change; a Supabase
// Edge Function cannot serve the page because Supabase rewrites text/html to
// text/plain on the project domain. The handler reads the database as anon
// through public.public_coach_page, like any visitor.
import {
  forwardToIngest,
  isAnalyticsEventsPath,
} from '../../src/public-site/analytics/ingest-forward.ts';
import { publicResponse } from '../../src/public-site/public-router.ts';
import { publicRoutes } from '../../src/public-site/public-routes.ts';
import type { PublicSiteContext } from '../../src/public-site/public-site-context.ts';

export interface PublicSiteEnv {
  readonly SUPABASE_URL: string;
  readonly SUPABASE_ANON_KEY: string;
  /** the site's origin, e.g. https://trackside.app (absolute links, Open Graph) */
  readonly SITE_URL: string;
  /** the static host, where the runtime binds one (Cloudflare Workers' assets) */
  readonly ASSETS?: { fetch(request: Request): Promise<Response> };
}

export function contextFromEnv(
  env: PublicSiteEnv,
  doFetch: typeof fetch = fetch,
): PublicSiteContext {
  for (const key of ['SUPABASE_URL', 'SUPABASE_ANON_KEY', 'SITE_URL'] as const) {
    if (!env[key]) throw new Error(`the public site needs ${key}`);
  }
  return {
    supabaseUrl: env.SUPABASE_URL,
    anonKey: env.SUPABASE_ANON_KEY,
    siteUrl: env.SITE_URL,
    fetch: doFetch,
    now: () => new Date(),
  };
}

/** the handler with its outside world injected (tests pass a fake fetch) */
export function createPublicSite(doFetch: typeof fetch = (input, init) => fetch(input, init)) {
  return {
    async fetch(request: Request, env: PublicSiteEnv): Promise<Response> {
      // the pages' events: on to analytics-ingest, with the visitor's address
      // as the platform reports it (Cloudflare, Netlify)
      if (request.method === 'POST' && isAnalyticsEventsPath(new URL(request.url).pathname)) {
        const ip =
          request.headers.get('cf-connecting-ip') ??
          request.headers.get('x-nf-client-connection-ip');
        return forwardToIngest(request, contextFromEnv(env).supabaseUrl, ip, doFetch);
      }
      const page = await publicResponse(request, contextFromEnv(env, doFetch), publicRoutes);
      if (page) return page;
      return env.ASSETS ? env.ASSETS.fetch(request) : doFetch(request);
    },
  };
}

export default createPublicSite();
