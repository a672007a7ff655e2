// How an Edge Function takes part in the local stack: supabase/local/functions/<name>.ts
// default-exports one of these, and the gateway serves what it builds at
// /functions/v1/<name>. It builds the handler from the environment once (the Node
// counterpart of the Deno entry, supabase/functions/<name>/index.ts), swapping the
// outside services for the stand-ins in supabase/local/stand-ins/.
import type { EdgeHandler } from '../functions/_shared/edge-handler.ts';
import type { LocalFunctionContext } from './server.ts';

export type LocalEdgeFunction = (ctx: LocalFunctionContext) => EdgeHandler | Promise<EdgeHandler>;
