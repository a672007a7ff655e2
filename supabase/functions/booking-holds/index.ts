// Deno entry (Supabase Edge Runtime). Called by the scheduler with the service role key.
import { serveEdgeHandler } from '../_shared/edge-handler.ts';
import { deno } from '../_shared/env.ts';
import { bookingHoldsFromEnv } from './wiring.ts';

const handler = bookingHoldsFromEnv((name) => deno().env.get(name));
serveEdgeHandler((req) => handler(req));
