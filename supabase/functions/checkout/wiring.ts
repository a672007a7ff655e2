// Builds the handler from an environment for the Deno entry (index.ts). The local
// stack builds its own, with the local test checkout: supabase/local/functions/checkout.ts.
import Stripe from 'stripe';
import { CallerLimiter } from '../_shared/rate-limit.ts';
import { type Env, required, serviceClient } from '../_shared/supabase.ts';
import { createCheckoutHandler } from './handler.ts';

/** production: STRIPE_SECRET_KEY, SITE_URL (the app's origin) */
export function checkoutFromEnv(env: Env) {
  const { rpc, authenticate } = serviceClient(env);
  return createCheckoutHandler({
    authenticate,
    rpc,
    stripe: new Stripe(required(env, 'STRIPE_SECRET_KEY')),
    siteUrl: required(env, 'SITE_URL'),
    callerLimiter: new CallerLimiter(10, 60_000),
  });
}
