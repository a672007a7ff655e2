// Builds the handler from an environment: shared by the Deno entry (index.ts,
// real Stripe) and the local stack (local.ts, the local test checkout).
import Stripe from 'stripe';
import { CallerLimiter } from '../_shared/rate-limit.ts';
import { type Env, required, serviceClient } from '../_shared/supabase.ts';
import { createCheckoutHandler } from './handler.ts';
import { LOCAL_WEBHOOK_SECRET, LocalStripe } from './local-stripe.ts';

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

/** the local stack: no Stripe; sessions complete through the real webhook path */
export function localCheckoutFromEnv(env: Env, fetchImpl: typeof fetch = fetch) {
  const { rpc, authenticate } = serviceClient(env);
  const base = required(env, 'SUPABASE_URL').replace(/\/+$/, '');
  const local = new LocalStripe({
    checkoutBaseUrl: () => `${base}/functions/v1/checkout`,
    webhookUrl: () => `${base}/functions/v1/stripe-webhook`,
    webhookSecret: env('STRIPE_WEBHOOK_SECRET') ?? LOCAL_WEBHOOK_SECRET,
    fetch: fetchImpl,
    now: () => Date.now(),
  });
  return createCheckoutHandler({
    authenticate,
    rpc,
    stripe: local,
    siteUrl: env('SITE_URL') ?? base,
    local,
  });
}
