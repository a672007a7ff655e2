// booking-holds in the local stack: the production handler expiring sessions and
// issuing refunds at the local test checkout (the stack's one LocalStripe), run
// every minute by the local stack as pg_cron + pg_net do in production.
import { type Env, required, serviceClient } from '../../functions/_shared/supabase.ts';
import { createBookingHoldsHandler } from '../../functions/booking-holds/handler.ts';
import { buildOnFirstRequest } from '../build-on-first-request.ts';
import type { LocalEdgeFunction } from '../local-edge-function.ts';
import { sharedLocalStripe } from '../stand-ins/local-stripe.ts';

export function localBookingHoldsFromEnv(env: Env, fetchImpl: typeof fetch = fetch) {
  const { rpc } = serviceClient(env);
  return createBookingHoldsHandler({
    rpc,
    stripe: sharedLocalStripe(env, fetchImpl),
    serviceKey: required(env, 'SUPABASE_SERVICE_ROLE_KEY'),
  });
}

const bookingHolds: LocalEdgeFunction = (ctx) =>
  buildOnFirstRequest((env) => localBookingHoldsFromEnv(env), ctx.env);
export default bookingHolds;
