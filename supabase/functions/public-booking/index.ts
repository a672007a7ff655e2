// Deno entry (Supabase Edge Runtime).
import { serveEdgeHandler } from '../_shared/edge-handler.ts';
import { deno } from '../_shared/env.ts';
import { publicBookingFromEnv } from './wiring.ts';

const handler = publicBookingFromEnv((name) => deno().env.get(name));
serveEdgeHandler((req) => handler(req));
