// Builds the handler from an environment: shared by the Deno entry (index.ts) and
// the local stack (supabase/local/functions/stripe-webhook.ts).
import Stripe from 'stripe';
import { type Env, required, serviceClient } from '../_shared/supabase.ts';
import { authAdminCreateAccount } from './guest-buyer.ts';
import { createStripeWebhookHandler } from './handler.ts';

export function stripeWebhookFromEnv(env: Env) {
  const { rpc } = serviceClient(env);
  return createStripeWebhookHandler({
    rpc,
    webhookSecret: required(env, 'STRIPE_WEBHOOK_SECRET'),
    // only the webhook helpers are used: no request reaches Stripe from here
    stripe: new Stripe(env('STRIPE_SECRET_KEY') ?? 'sk_test_unused'),
    cryptoProvider: Stripe.createSubtleCryptoProvider(),
    now: () => Date.now(),
    createAccount: authAdminCreateAccount(
      required(env, 'SUPABASE_URL'),
      required(env, 'SUPABASE_SERVICE_ROLE_KEY'),
    ),
  });
}
