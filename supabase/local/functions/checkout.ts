// checkout in the local stack: the production handler with the local test
// checkout (supabase/local/stand-ins/local-stripe.ts) instead of Stripe, and that
// checkout's pay page at …/checkout/local/pay. Sessions complete through the real
// stripe-webhook path.
import { withCors } from '../../functions/_shared/cors.ts';
import { type Env, required, serviceClient } from '../../functions/_shared/supabase.ts';
import { type CheckoutDeps, handleCheckout } from '../../functions/checkout/handler.ts';
import { buildOnFirstRequest } from '../build-on-first-request.ts';
import type { LocalEdgeFunction } from '../local-edge-function.ts';
import { isLocalCheckoutPath, localCheckoutPage } from '../stand-ins/local-checkout-page.ts';
import { type LocalStripe, sharedLocalStripe } from '../stand-ins/local-stripe.ts';

/** checkout taking payments through `local`, whose pay page it also serves */
export function createLocalCheckoutHandler(deps: CheckoutDeps & { stripe: LocalStripe }) {
  return withCors((req) =>
    isLocalCheckoutPath(req) ? localCheckoutPage(req, deps.stripe) : handleCheckout(req, deps),
  );
}

export function localCheckoutFromEnv(env: Env, fetchImpl: typeof fetch = fetch) {
  const { rpc, authenticate } = serviceClient(env);
  const base = required(env, 'SUPABASE_URL').replace(/\/+$/, '');
  const local = sharedLocalStripe(env, fetchImpl);
  return createLocalCheckoutHandler({
    authenticate,
    rpc,
    stripe: local,
    siteUrl: env('SITE_URL') ?? base,
  });
}

const checkout: LocalEdgeFunction = (ctx) =>
  buildOnFirstRequest((env) => localCheckoutFromEnv(env), ctx.env);
export default checkout;
