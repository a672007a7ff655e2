// The service-role client a function uses for its RPCs and to check callers'
// tokens. SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY are set by the platform (and
// by the local stack's gateway, pointing at itself).
import { createClient } from '@supabase/supabase-js';
import { type Authenticate, supabaseAuthenticate } from './auth.ts';
import { type Rpc, supabaseRpc } from './rpc.ts';

export type Env = (name: string) => string | undefined;

/** a required setting; the error names the variable, never a value */
export function required(env: Env, name: string): string {
  const value = env(name);
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

export function serviceClient(env: Env): { rpc: Rpc; authenticate: Authenticate } {
  const client = createClient(
    required(env, 'SUPABASE_URL'),
    required(env, 'SUPABASE_SERVICE_ROLE_KEY'),
    {
      auth: { persistSession: false, autoRefreshToken: false },
    },
  );
  return { rpc: supabaseRpc(client), authenticate: supabaseAuthenticate(client) };
}

/**
 * A handler built on its first request: the local stack knows its own URL only
 * once it listens, after the functions are registered.
 */
export function buildOnFirstRequest(
  build: () => (req: Request) => Promise<Response>,
): (req: Request) => Promise<Response> {
  let handler: ((req: Request) => Promise<Response>) | null = null;
  return (req) => {
    handler ??= build();
    return handler(req);
  };
}
