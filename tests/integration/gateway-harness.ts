// Starts the gateway in-process on a free port over a fresh migrated database, so
// each test file drives it with the real supabase-js client over HTTP.
import { type SupabaseClient, createClient } from '@supabase/supabase-js';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { noRealtimeTransport } from '../../supabase/local/no-realtime.ts';
import { type Gateway, type GatewayOptions, createServer } from '../../supabase/local/server.ts';

export interface Harness {
  db: Database;
  gateway: Gateway;
  url: string;
  anonKey: string;
  serviceKey: string;
  /** a supabase-js client with `key` as its API key (anon by default) */
  client(key?: string, headers?: Record<string, string>): SupabaseClient;
  close(): Promise<void>;
}

export async function startGateway(options: Partial<GatewayOptions> = {}): Promise<Harness> {
  const db = await createTestDatabase();
  // DEBUG_GATEWAY=1 shows the gateway's own log (500s, function crashes)
  const log = process.env.DEBUG_GATEWAY ? undefined : () => undefined;
  const gateway = createServer({ ...(log ? { log } : {}), ...options, db });
  const url = await gateway.listen(0, '127.0.0.1');
  return {
    db,
    gateway,
    url,
    anonKey: gateway.anonKey,
    serviceKey: gateway.serviceKey,
    client(key = gateway.anonKey, headers = {}) {
      return createClient(url, key, {
        auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
        global: { headers },
        realtime: { transport: noRealtimeTransport },
      });
    },
    async close() {
      await gateway.close();
      await db.close();
    },
  };
}

/** the claims of a JWT, unverified (tests inspect what the gateway minted) */
export function decodeClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** raw fetch against the gateway with the anon key unless told otherwise */
export function rawFetch(h: Harness, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('apikey')) headers.set('apikey', h.anonKey);
  return fetch(`${h.url}${path}`, { ...init, headers });
}
