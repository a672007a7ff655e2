// public-enroll in the local stack: the production handler, sending visitors back
// to the served app (SITE_URL), where the public pages answer in front of dist/.
import { publicEnrollFromEnv } from '../../functions/public-enroll/wiring.ts';
import { buildOnFirstRequest } from '../build-on-first-request.ts';
import type { LocalEdgeFunction } from '../local-edge-function.ts';

const publicEnroll: LocalEdgeFunction = (ctx) =>
  buildOnFirstRequest((env) => {
    const withSite: typeof env = (name) =>
      env(name) ?? (name === 'SITE_URL' ? env('SUPABASE_URL') : undefined);
    return publicEnrollFromEnv(withSite);
  }, ctx.env);
export default publicEnroll;
