// Builds the handler from an environment: shared by the Deno entry (index.ts) and
// the local stack (supabase/local/functions/moyklass-proxy.ts).
import { CallerLimiter } from '../_shared/rate-limit.ts';
import { type Env, serviceClient } from '../_shared/supabase.ts';
import { RateLimiter, memoryTokenCache } from './moyklass-client.ts';
import { createMoyklassProxyHandler } from './handler.ts';

const now = () => Date.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
// per process (isolate): one token and one 7 req/s budget per company
const tokenCache = memoryTokenCache();
const limiters = new Map<string, RateLimiter>();
// a coach may sync a few times a minute (each sync may make many Moyklass calls)
const callerLimiter = new CallerLimiter(6, 60_000);

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
    callerLimiter,
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
