// public-booking in the local stack: the production handler, sending guests back
// to the served app (SITE_URL), where the public pages answer in front of dist/.
import { publicBookingFromEnv } from '../../functions/public-booking/wiring.ts';
import { buildOnFirstRequest } from '../build-on-first-request.ts';
import type { LocalEdgeFunction } from '../local-edge-function.ts';

const publicBooking: LocalEdgeFunction = (ctx) =>
  buildOnFirstRequest(
    (env) =>
      publicBookingFromEnv(
        (name) => env(name) ?? (name === 'SITE_URL' ? env('SUPABASE_URL') : undefined),
      ),
    ctx.env,
  );
export default publicBooking;
