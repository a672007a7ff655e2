// Deno entry (Supabase Edge Runtime).
import { serveEdgeHandler } from '../_shared/edge-handler.ts';
import { deno } from '../_shared/env.ts';
import { partnerApplyFromEnv } from './wiring.ts';

const handler = partnerApplyFromEnv((name) => deno().env.get(name));
serveEdgeHandler((req) => handler(req));
