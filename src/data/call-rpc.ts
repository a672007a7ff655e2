// The one way the app calls an RPC: typed by the generated signatures
// (src/data/rpc-signatures.ts, rendered from the migrations), answered as data
// or as an ErrorDescription in the user's words. Pages and feature data never
// read PostgREST's error body themselves.
import type { SupabaseClient } from '@supabase/supabase-js';
import { describeError, type ErrorDescription } from './describe-error.ts';
import type { RpcName, RpcSignatures } from './rpc-signatures.ts';

export type RpcArgs<N extends RpcName> = RpcSignatures[N]['args'];
export type RpcReturns<N extends RpcName> = RpcSignatures[N]['returns'];

export type RpcResult<N extends RpcName> =
  { ok: true; data: RpcReturns<N> } | { ok: false; error: ErrorDescription };

export async function callRpc<N extends RpcName>(
  client: SupabaseClient,
  name: N,
  args: RpcArgs<N>,
): Promise<RpcResult<N>> {
  try {
    const { data, error, status } = await client.rpc(name, args);
    if (error) return { ok: false, error: describeError(error, status) };
    return { ok: true, data: data as RpcReturns<N> };
  } catch (error) {
    // supabase-js returns server errors; what it throws never reached the server
    return { ok: false, error: describeError(error) };
  }
}
