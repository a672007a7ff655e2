// Deno entry (Supabase Edge Runtime): real Stripe. Guests have no token: verify_jwt = false.
import { serveEdgeHandler } from '../_shared/edge-handler.ts';
import { deno } from '../_shared/env.ts';
import { publicCheckoutFromEnv } from './wiring.ts';

const handler = publicCheckoutFromEnv((name) => deno().env.get(name));
serveEdgeHandler((req) => handler(req));
