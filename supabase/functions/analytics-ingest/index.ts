// Deno entry (Supabase Edge Runtime). Visitors have no token: verify_jwt = false.
import { serveEdgeHandler } from '../_shared/edge-handler.ts';
import { deno } from '../_shared/env.ts';
import { analyticsIngestFromEnv } from './wiring.ts';

const handler = analyticsIngestFromEnv((name) => deno().env.get(name));
serveEdgeHandler((req) => handler(req));
