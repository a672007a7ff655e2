// The database access object the money and Moyklass functions use: one call of a
// SQL function, executed in one transaction as `service_role`. In production it
// goes through PostgREST (`postgrestRpc`); in tests it can run in-process against
// the local stack's database (supabase/local/db/sql-rpc.ts). Either way the same
// SQL runs.
import { HttpError } from './http-error.ts';

export type Rpc = (fn: string, args: Record<string, unknown>) => Promise<unknown>;

/** A failed RPC: the SQLSTATE (when known), the hint our SQL sets as a machine code. */
export class RpcError extends Error {
  constructor(
    readonly sqlstate: string,
    message: string,
    readonly hint: string | null,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

// connection trouble, serialization failures, lock timeouts, resources, shutdown
const transientClasses = new Set(['08', '40', '53', '55', '57', '58']);

export function isTransientSqlstate(sqlstate: string): boolean {
  return sqlstate === '' || transientClasses.has(sqlstate.slice(0, 2));
}

/**
 * RPC through PostgREST with the service role key (production, and the local
 * stack's gateway): POST /rest/v1/rpc/<fn>, one transaction per call.
 */
export function postgrestRpc(
  baseUrl: string,
  serviceKey: string,
  fetchImpl: typeof fetch = fetch,
): Rpc {
  const root = baseUrl.replace(/\/+$/, '');
  return async (fn, args) => {
    let res: Response;
    try {
      res = await fetchImpl(`${root}/rest/v1/rpc/${encodeURIComponent(fn)}`, {
        method: 'POST',
        headers: {
          apikey: serviceKey,
          authorization: `Bearer ${serviceKey}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify(args),
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      throw new RpcError('', 'database unreachable', null, true);
    }
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null; // not json: the status alone decides
    }
    if (res.ok) return body;
    const err = (body ?? {}) as { code?: unknown; message?: unknown; hint?: unknown };
    const sqlstate = typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code) ? err.code : '';
    throw new RpcError(
      sqlstate,
      typeof err.message === 'string' ? err.message : `rpc ${fn} failed (${res.status})`,
      typeof err.hint === 'string' ? err.hint : null,
      isTransientSqlstate(sqlstate) || res.status >= 502,
    );
  };
}

/**
 * What a failed RPC means for the HTTP caller. Our SQL raises 42501 (forbidden),
 * P0002 (not found), 22023 (invalid) and P0001 with a hint naming a conflict.
 */
export function rpcHttpError(e: unknown): HttpError {
  if (e instanceof HttpError) return e;
  if (!(e instanceof RpcError)) return new HttpError(500, 'internal', 'Internal error');
  if (e.transient) {
    return new HttpError(503, 'temporarily_unavailable', 'Try again shortly', undefined, {
      'retry-after': '5',
    });
  }
  const code = e.hint && /^[a-z_]{3,40}$/.test(e.hint) ? e.hint : null;
  switch (e.sqlstate) {
    case '42501':
      return new HttpError(403, code ?? 'forbidden', safeMessage(e, 'Not allowed'));
    case 'P0002':
      return new HttpError(404, code ?? 'not_found', safeMessage(e, 'Not found'));
    case '22023':
      return new HttpError(422, code ?? 'invalid', safeMessage(e, 'Invalid request'));
    case 'P0001':
      return new HttpError(409, code ?? 'conflict', safeMessage(e, 'Conflict'));
    default:
      return new HttpError(500, 'internal', 'Internal error');
  }
}

// our own SQL writes user-facing messages for the states above; cap their length
function safeMessage(e: RpcError, fallback: string): string {
  return e.message && e.message.length <= 200 ? e.message : fallback;
}
