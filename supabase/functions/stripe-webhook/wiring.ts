// Builds the handler from an environment: shared by the Deno entry (index.ts) and
// the local stack (supabase/local/functions/stripe-webhook.ts).
import Stripe from 'stripe';
import type { BookingRefunds } from '../_shared/booking-refund.ts';
import { type Env, required, serviceClient } from '../_shared/supabase.ts';
import { authAdminCreateAccount } from '../_shared/auth-admin.ts';
import { createStripeWebhookHandler } from './handler.ts';

export function stripeWebhookFromEnv(env: Env, refunds?: BookingRefunds) {
  const { rpc } = serviceClient(env);
  const key = env('STRIPE_SECRET_KEY');
  const stripe = new Stripe(key ?? 'sk_test_unused');
  return createStripeWebhookHandler({
    rpc,
    webhookSecret: required(env, 'STRIPE_WEBHOOK_SECRET'),
    stripe,
    cryptoProvider: Stripe.createSubtleCryptoProvider(),
    now: () => Date.now(),
    createAccount: authAdminCreateAccount(
      required(env, 'SUPABASE_URL'),
      required(env, 'SUPABASE_SERVICE_ROLE_KEY'),
    ),
    // the one request that reaches Stripe from here: a late booking payment's refund
    ...(refunds ? { refunds } : key ? { refunds: stripe } : {}),
  });
}
