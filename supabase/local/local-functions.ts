// The Edge Functions as the local stack serves them, shared by `npm start`/`npm
// run dev` and the end-to-end stack: every supabase/local/functions/<name>.ts,
// verify_jwt from supabase/config.toml, the demo Moyklass (unless
// MOYKLASS_BASE_URL points at another one) and SITE_URL for checkout's success
// and cancel pages. Also the local stand-in for the production dispatch job:
// pg_cron calls email-dispatch through pg_net there (private.dispatch_emails);
// PGlite has no pg_net, so the local stack drains the outbox itself.
import { join } from 'node:path';
import type { EdgeHandler } from '../functions/_shared/edge-handler.ts';
import { type DemoMoyklass, startDemoMoyklass } from './demo-moyklass.ts';
import { readRedirectUrls, readVerifyJwt } from './function-config.ts';
import { loadLocalFunctions } from './load-functions.ts';
import { localFunctionsDir, supabaseDir } from './paths.ts';
import { type Gateway, type GatewayOptions, type Log, createServer } from './server.ts';

export interface LocalFunctions {
  gateway: Gateway;
  /** the demo Moyklass, unless MOYKLASS_BASE_URL chose another */
  moyklass: DemoMoyklass | null;
  /** runs email-dispatch once, as the scheduler would; answers its tally */
  dispatchEmails(): Promise<{ status: number; body: unknown }>;
  /** runs booking-holds once (expire released holds' checkouts, issue owed refunds) */
  runBookingHolds(): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export interface LocalFunctionsOptions extends Omit<
  GatewayOptions,
  'functions' | 'functionsVerifyJwt'
> {
  /** the app's origin: checkout sends the buyer back there */
  siteUrl: string;
  log: Log;
}

/** a gateway with the Edge Functions registered (listen on it afterwards) */
export async function createGatewayWithFunctions(
  options: LocalFunctionsOptions,
): Promise<LocalFunctions> {
  const external = options.functionEnv?.['MOYKLASS_BASE_URL'] ?? process.env['MOYKLASS_BASE_URL'];
  const moyklass = external ? null : await startDemoMoyklass();
  const gateway = createServer({
    ...options,
    functionsVerifyJwt: readVerifyJwt(join(supabaseDir, 'config.toml')),
    redirectUrls: options.redirectUrls ?? readRedirectUrls(join(supabaseDir, 'config.toml')),
    functionEnv: {
      SITE_URL: options.siteUrl,
      ...(moyklass ? { MOYKLASS_BASE_URL: moyklass.url } : {}),
      ...options.functionEnv,
    },
  });
  const functions: Record<string, EdgeHandler> = await loadLocalFunctions(
    localFunctionsDir,
    gateway.functionContext,
    options.log,
  );
  for (const [name, handler] of Object.entries(functions)) gateway.registerFunction(name, handler);

  /** a scheduled function called as pg_net calls it: POST with the service role key */
  async function callScheduled(name: string): Promise<{ status: number; body: unknown }> {
    const url = new URL(`/functions/v1/${name}`, gateway.url ?? 'http://127.0.0.1');
    const res = await gateway.handle({
      method: 'POST',
      url,
      headers: { host: url.host, authorization: `Bearer ${gateway.serviceKey}` },
      body: Buffer.alloc(0),
    });
    const text =
      typeof res.body === 'string'
        ? res.body
        : new TextDecoder().decode(res.body ?? new Uint8Array());
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not json: keep the text
    }
    return { status: res.status, body };
  }

  return {
    gateway,
    moyklass,
    dispatchEmails: () => callScheduled('email-dispatch'),
    runBookingHolds: () => callScheduled('booking-holds'),
    async close() {
      await gateway.close();
      await moyklass?.close();
    },
  };
}

/** drains the email outbox every `intervalMs` (the local counterpart of the dispatch job) */
export function startEmailDispatchLoop(
  functions: LocalFunctions,
  intervalMs: number,
  log: Log,
): { stop(): void } {
  return startFunctionLoop('email-dispatch', () => functions.dispatchEmails(), intervalMs, log);
}

/**
 * runs booking-holds every `intervalMs`: what pg_net does after the
 * release-expired-holds job in production (PGlite has no pg_net)
 */
export function startBookingHoldsLoop(
  functions: LocalFunctions,
  intervalMs: number,
  log: Log,
): { stop(): void } {
  return startFunctionLoop('booking-holds', () => functions.runBookingHolds(), intervalMs, log);
}

function startFunctionLoop(
  name: string,
  call: () => Promise<{ status: number; body: unknown }>,
  intervalMs: number,
  log: Log,
): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    call()
      .then((r) => {
        if (r.status !== 200) log(`${name} answered ${r.status}`, r.body);
      })
      .catch((e: unknown) => log(`${name} failed`, e))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
