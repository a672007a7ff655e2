// public-booking in the local stack: the production handler, sending guests back
// to the served app (SITE_URL), where the public pages answer in front of dist/.
import { publicBookingFromEnv } from '../../functions/public-booking/wiring.ts';
import { buildOnFirstRequest } from '../build-on-first-request.ts';
import type { LocalEdgeFunction } from '../local-edge-function.ts';
import { sharedLocalStripe } from '../stand-ins/local-stripe.ts';

// paid session types pay in the stack's test checkout, as members' purchases do
const publicBooking: LocalEdgeFunction = (ctx) =>
  buildOnFirstRequest((env) => {
    const withSite: typeof env = (name) =>
      env(name) ?? (name === 'SITE_URL' ? env('SUPABASE_URL') : undefined);
    return publicBookingFromEnv(withSite, sharedLocalStripe(withSite));
  }, ctx.env);
export default publicBooking;
