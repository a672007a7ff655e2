// The portable Edge Function contract. A handler is a plain fetch-style function;
// its environment comes through `ctx` so the same code runs under Deno (index.ts:
// `serveEdgeHandler(handler)`) and in the local stack's /functions/v1 gateway,
// which passes SUPABASE_URL, SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY
// pointing at itself (supabase/local/functions/<name>.ts registers each function
// there). Handlers that ignore `ctx` ((req) => Promise<Response>) satisfy the type too.
import { deno } from './env.ts';

export interface EdgeContext {
  env(name: string): string | undefined;
}

export type EdgeHandler = (req: Request, ctx: EdgeContext) => Promise<Response>;

/** Deno entry: `serveEdgeHandler(handler)` in a function's index.ts */
export function serveEdgeHandler(handler: EdgeHandler): void {
  const d = deno();
  const ctx: EdgeContext = { env: (name) => d.env.get(name) };
  d.serve((req) => handler(req, ctx));
}
