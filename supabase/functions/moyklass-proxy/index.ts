// Deno entry (Supabase Edge Runtime).
import { serveEdgeHandler } from '../_shared/edge-handler.ts';
import { deno } from '../_shared/env.ts';
import { moyklassProxyFromEnv } from './wiring.ts';

const handler = moyklassProxyFromEnv((name) => deno().env.get(name));
serveEdgeHandler((req) => handler(req));
