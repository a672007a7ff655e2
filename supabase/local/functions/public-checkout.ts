// public-checkout in the local stack: the production handler with its own local
// test checkout (supabase/local/stand-ins/local-stripe.ts) instead of Stripe, and
// that checkout's pay page at …/public-checkout/local/pay. Sessions complete
// through the real stripe-webhook path, as a guest's payment does in production.
import { withCors } from '../../functions/_shared/cors.ts';
import { type Env, required, serviceClient } from '../../functions/_shared/supabase.ts';
import { handlePublicCheckout } from '../../functions/public-checkout/handler.ts';
import { buildOnFirstRequest } from '../build-on-first-request.ts';
import type { LocalEdgeFunction } from '../local-edge-function.ts';
import { isLocalCheckoutPath, localCheckoutPage } from '../stand-ins/local-checkout-page.ts';
import { LOCAL_WEBHOOK_SECRET, LocalStripe } from '../stand-ins/local-stripe.ts';

export function localPublicCheckoutFromEnv(env: Env, fetchImpl: typeof fetch = fetch) {
  const { rpc } = serviceClient(env);
  const base = required(env, 'SUPABASE_URL').replace(/\/+$/, '');
  const local = new LocalStripe({
    checkoutBaseUrl: () => `${base}/functions/v1/public-checkout`,
    webhookUrl: () => `${base}/functions/v1/stripe-webhook`,
    webhookSecret: env('STRIPE_WEBHOOK_SECRET') ?? LOCAL_WEBHOOK_SECRET,
    fetch: fetchImpl,
    now: () => Date.now(),
  });
  const deps = { rpc, stripe: local, siteUrl: env('SITE_URL') ?? base };
  return withCors((req) =>
    isLocalCheckoutPath(req) ? localCheckoutPage(req, local) : handlePublicCheckout(req, deps),
  );
}

const publicCheckout: LocalEdgeFunction = (ctx) =>
  buildOnFirstRequest((env) => localPublicCheckoutFromEnv(env), ctx.env);
export default publicCheckout;
