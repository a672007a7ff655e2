// Deno entry: wires the platform's environment into the portable handler.
import Stripe from 'stripe';
import { deno, requireEnv } from '../_shared/env.ts';
import { serviceClient } from '../_shared/supabase.ts';
import { createStripeWebhookHandler } from './handler.ts';

const { rpc } = serviceClient();

deno().serve(
  createStripeWebhookHandler({
    rpc,
    webhookSecret: requireEnv('STRIPE_WEBHOOK_SECRET'),
    stripe: new Stripe(requireEnv('STRIPE_SECRET_KEY')),
    cryptoProvider: Stripe.createSubtleCryptoProvider(),
    now: () => Date.now(),
  }),
);
