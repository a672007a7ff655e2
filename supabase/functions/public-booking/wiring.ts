// Builds the handler from an environment, for the Deno entry (index.ts) and the
// local stack (supabase/local/functions/public-booking.ts): the service role's
// RPCs and SITE_URL, the site's origin the answers send the guest back to.
import Stripe from 'stripe';
import type { BookingStripe } from '../_shared/booking-checkout.ts';
import { type Env, required, serviceClient } from '../_shared/supabase.ts';
import { createPublicBookingHandler } from './handler.ts';

/** `stripe` replaces Stripe (the local stack's test checkout); else STRIPE_SECRET_KEY, if set */
export function publicBookingFromEnv(env: Env, stripe?: BookingStripe) {
  const { rpc } = serviceClient(env);
  const key = env('STRIPE_SECRET_KEY');
  const payments = stripe ?? (key ? new Stripe(key) : undefined);
  return createPublicBookingHandler({
    rpc,
    siteUrl: required(env, 'SITE_URL'),
    now: () => Date.now(),
    ...(payments ? { stripe: payments } : {}),
  });
}
