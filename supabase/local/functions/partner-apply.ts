// partner-apply in the local stack: the production handler, sending applicants
// back to the served app (SITE_URL), whose public pages hold the form; the site
// is allowed under both loopback names.
import { partnerApplyFromEnv } from '../../functions/partner-apply/wiring.ts';
import { buildOnFirstRequest } from '../build-on-first-request.ts';
import type { LocalEdgeFunction } from '../local-edge-function.ts';

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

const partnerApply: LocalEdgeFunction = (ctx) =>
  buildOnFirstRequest((env) => {
    const site = env('SITE_URL') ?? env('SUPABASE_URL');
    const withSite: typeof env = (name) => {
      if (name === 'SITE_URL') return site;
      if (name === 'PARTNER_APPLY_ORIGINS') {
        return [env('PARTNER_APPLY_ORIGINS'), ...loopbackTwins(site)].filter(Boolean).join(',');
      }
      return env(name);
    };
    return partnerApplyFromEnv(withSite);
  }, ctx.env);
export default partnerApply;
