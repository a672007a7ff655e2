// The start of every data request's transaction, as PostgREST does it: the role
// switch and the request's claims, method, path and headers as transaction-local
// settings, visible to RLS policies through auth.uid(), auth.jwt() and
// current_setting('request.…').
import type { Queryable } from './db/database.ts';
import type { Principal } from './request-principal.ts';

export interface RequestContext {
  principal: Principal;
  method: string;
  /** the path PostgREST sees, e.g. /rpc/fn or /table (without /rest/v1) */
  path: string;
  headers: Record<string, string>;
}

export async function applyRequestContext(
  tx: Queryable,
  ctx: RequestContext,
  readOnly: boolean,
): Promise<void> {
  // must come before any other statement of the transaction
  if (readOnly) await tx.query('set transaction read only');
  await tx.query(
    `select set_config('search_path', 'public, extensions', true),
            set_config('role', $1, true),
            set_config('request.jwt.claims', $2, true),
            set_config('request.method', $3, true),
            set_config('request.path', $4, true),
            set_config('request.headers', $5, true),
            set_config('request.cookies', '{}', true)`,
    [
      // the role was checked against the three API roles in request-principal.ts
      ctx.principal.role,
      JSON.stringify(ctx.principal.claims),
      ctx.method,
      ctx.path,
      JSON.stringify(ctx.headers),
    ],
  );
}
