// Builds the handler from an environment for the Deno entry (index.ts). The local
// stack builds its own, with the local test checkout: supabase/local/functions/booking-holds.ts.
import Stripe from 'stripe';
import { type Env, required, serviceClient } from '../_shared/supabase.ts';
import { createBookingHoldsHandler } from './handler.ts';

/** production: STRIPE_SECRET_KEY */
export function bookingHoldsFromEnv(env: Env) {
  const { rpc } = serviceClient(env);
  return createBookingHoldsHandler({
    rpc,
    stripe: new Stripe(required(env, 'STRIPE_SECRET_KEY')),
    serviceKey: required(env, 'SUPABASE_SERVICE_ROLE_KEY'),
  });
}
