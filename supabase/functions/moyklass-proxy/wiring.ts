// Builds the handler from an environment: shared by the Deno entry (index.ts) and
// the local stack (local.ts).
import { type Env, serviceClient } from '../_shared/supabase.ts';
import { RateLimiter, memoryTokenCache } from './moyklass-client.ts';
import { createMoyklassProxyHandler } from './handler.ts';

const now = () => Date.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
// per process (isolate): one token and one 7 req/s budget per company
const tokenCache = memoryTokenCache();
const limiters = new Map<string, RateLimiter>();

export function moyklassProxyFromEnv(env: Env) {
  const { rpc, authenticate } = serviceClient(env);
  const baseUrl = env('MOYKLASS_BASE_URL');
  return createMoyklassProxyHandler({
    authenticate,
    rpc,
    fetch: (input, init) => fetch(input, init),
    now,
    sleep,
    ...(baseUrl ? { moyklassBaseUrl: baseUrl } : {}),
    tokenCache,
    limiterFor: (key) => {
      let limiter = limiters.get(key);
      if (!limiter) {
        limiter = new RateLimiter(7, now, sleep);
        limiters.set(key, limiter);
      }
      return limiter;
    },
  });
}
