// Deno entry (Supabase Edge Runtime). Stripe sends no user token: verify_jwt = false.
import { serveEdgeHandler } from '../_shared/edge-handler.ts';
import { deno } from '../_shared/env.ts';
import { stripeWebhookFromEnv } from './wiring.ts';

const handler = stripeWebhookFromEnv((name) => deno().env.get(name));
serveEdgeHandler((req) => handler(req));
