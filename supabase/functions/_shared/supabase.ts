// What a function uses to reach Supabase: RPCs through PostgREST with the service
// role key, and Auth to check callers' tokens (plain fetch: no realtime, no client
// library to boot). SUPABASE_URL, SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY
// are set by the platform (and by the local stack's gateway, pointing at itself).
import { type Authenticate, supabaseAuthenticate } from './auth.ts';
import { type Rpc, postgrestRpc } from './rpc.ts';

export type Env = (name: string) => string | undefined;

/** a required setting; the error names the variable, never a value */
export function required(env: Env, name: string): string {
  const value = env(name);
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

export function serviceClient(env: Env): { rpc: Rpc; authenticate: Authenticate } {
  const url = required(env, 'SUPABASE_URL');
  const serviceKey = required(env, 'SUPABASE_SERVICE_ROLE_KEY');
  return {
    rpc: postgrestRpc(url, serviceKey),
    authenticate: supabaseAuthenticate(url, env('SUPABASE_ANON_KEY') ?? serviceKey),
  };
}
