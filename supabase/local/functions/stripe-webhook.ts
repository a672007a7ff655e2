// stripe-webhook in the local stack: events come from the local test checkout,
// signed with the local secret unless STRIPE_WEBHOOK_SECRET is set; refunds go
// back to that checkout.
import { stripeWebhookFromEnv } from '../../functions/stripe-webhook/wiring.ts';
import { buildOnFirstRequest } from '../build-on-first-request.ts';
import type { LocalEdgeFunction } from '../local-edge-function.ts';
import { LOCAL_WEBHOOK_SECRET, sharedLocalStripe } from '../stand-ins/local-stripe.ts';

const stripeWebhook: LocalEdgeFunction = (ctx) =>
  buildOnFirstRequest(
    (env) =>
      stripeWebhookFromEnv(
        (name) =>
          env(name) ?? (name === 'STRIPE_WEBHOOK_SECRET' ? LOCAL_WEBHOOK_SECRET : undefined),
        // a late booking payment's refund goes to the local test checkout
        sharedLocalStripe(env),
      ),
    ctx.env,
  );
export default stripeWebhook;
