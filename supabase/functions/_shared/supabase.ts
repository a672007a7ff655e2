// The service-role client a function uses for its RPCs and to check callers'
// tokens. SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY are set by the platform.
import { createClient } from '@supabase/supabase-js';
import { type Authenticate, supabaseAuthenticate } from './auth.ts';
import { requireEnv } from './env.ts';
import { type Rpc, supabaseRpc } from './rpc.ts';

export function serviceClient(): { rpc: Rpc; authenticate: Authenticate } {
  const client = createClient(requireEnv('SUPABASE_URL'), requireEnv('SUPABASE_SERVICE_ROLE_KEY'), {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  return { rpc: supabaseRpc(client), authenticate: supabaseAuthenticate(client) };
}
