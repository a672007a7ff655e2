// Deno entry: wires the platform's environment into the portable handler.
import { deno } from '../_shared/env.ts';
import { serviceClient } from '../_shared/supabase.ts';
import { RateLimiter, memoryTokenCache } from './moyklass-client.ts';
import { createMoyklassProxyHandler } from './handler.ts';

const { rpc, authenticate } = serviceClient();
const now = () => Date.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
// per isolate: one token and one 7 req/s budget per company
const limiters = new Map<string, RateLimiter>();
const baseUrl = deno().env.get('MOYKLASS_BASE_URL');

deno().serve(
  createMoyklassProxyHandler({
    authenticate,
    rpc,
    fetch: (input, init) => fetch(input, init),
    now,
    sleep,
    ...(baseUrl ? { moyklassBaseUrl: baseUrl } : {}),
    tokenCache: memoryTokenCache(),
    limiterFor: (key) => {
      let limiter = limiters.get(key);
      if (!limiter) {
        limiter = new RateLimiter(7, now, sleep);
        limiters.set(key, limiter);
      }
      return limiter;
    },
  }),
);
