// Builds the handler from an environment: shared by the Deno entry (index.ts) and
// the local stack (local.ts).
import Stripe from 'stripe';
import { type Env, required, serviceClient } from '../_shared/supabase.ts';
import { createStripeWebhookHandler } from './handler.ts';

export function stripeWebhookFromEnv(env: Env, defaults: { webhookSecret?: string } = {}) {
  const { rpc } = serviceClient(env);
  const webhookSecret = env('STRIPE_WEBHOOK_SECRET') ?? defaults.webhookSecret;
  if (!webhookSecret) required(env, 'STRIPE_WEBHOOK_SECRET');
  return createStripeWebhookHandler({
    rpc,
    webhookSecret: webhookSecret as string,
    // only the webhook helpers are used: no request reaches Stripe from here
    stripe: new Stripe(env('STRIPE_SECRET_KEY') ?? 'sk_test_unused'),
    cryptoProvider: Stripe.createSubtleCryptoProvider(),
    now: () => Date.now(),
  });
}
