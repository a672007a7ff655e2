// Deno entry (Supabase Edge Runtime): real Stripe.
import { serveEdgeHandler } from '../_shared/edge-handler.ts';
import { deno } from '../_shared/env.ts';
import { checkoutFromEnv } from './wiring.ts';

const handler = checkoutFromEnv((name) => deno().env.get(name));
serveEdgeHandler((req) => handler(req));
