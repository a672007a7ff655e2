// Builds the handler from an environment for the Deno entry (index.ts). The local
// stack builds its own, with the local test checkout:
// supabase/local/functions/public-checkout.ts.
import Stripe from 'stripe';
import { type Env, required, serviceClient } from '../_shared/supabase.ts';
import { createPublicCheckoutHandler } from './handler.ts';

/** production: STRIPE_SECRET_KEY, PUBLIC_SITE_URL (the public pages' origin) or SITE_URL */
export function publicCheckoutFromEnv(env: Env) {
  const { rpc } = serviceClient(env);
  return createPublicCheckoutHandler({
    rpc,
    stripe: new Stripe(required(env, 'STRIPE_SECRET_KEY')),
    siteUrl: env('PUBLIC_SITE_URL') ?? required(env, 'SITE_URL'),
  });
}
