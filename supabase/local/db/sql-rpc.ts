// An Edge Function's Rpc (supabase/functions/_shared/rpc.ts) run in-process
// against the local stack's database instead of through PostgREST: tests hand it
// to a handler so the handler's SQL runs on a real migrated database, with the
// same errors (RpcError, SQLSTATE, hint, transient) postgrestRpc reports.
import { type Rpc, RpcError, isTransientSqlstate } from '../../functions/_shared/rpc.ts';
import type { Database } from './database.ts';

const identifier = /^[a-z_][a-z0-9_]*$/;

/**
 * RPC run in-process: one transaction, `set local role service_role` and the
 * claims PostgREST would set, then `select public.<fn>(p_x => $1, …)`.
 */
export function sqlRpc(db: Database): Rpc {
  return async (fn, args) => {
    const names = Object.keys(args);
    if (!identifier.test(fn) || !names.every((n) => identifier.test(n))) {
      throw new Error(`bad rpc name: ${fn}`);
    }
    const call = names.map((n, i) => `${n} => $${i + 1}`).join(', ');
    try {
      return await db.transaction(async (tx) => {
        await tx.query(`select set_config('role', 'service_role', true)`);
        await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
          JSON.stringify({ role: 'service_role' }),
        ]);
        const r = await tx.query<{ result: unknown }>(
          `select public.${fn}(${call}) as result`,
          names.map((n) => toParam(args[n])),
        );
        return r.rows[0]?.result ?? null;
      });
    } catch (e) {
      if (e instanceof RpcError) throw e;
      const err = e as { code?: unknown; message?: unknown; hint?: unknown };
      const sqlstate = typeof err.code === 'string' ? err.code : '';
      throw new RpcError(
        sqlstate,
        typeof err.message === 'string' ? err.message : 'database error',
        typeof err.hint === 'string' ? err.hint : null,
        isTransientSqlstate(sqlstate),
      );
    }
  };
}

// objects and arrays of objects travel as json text; arrays of scalars stay
// arrays (uuid[], text[]), as both drivers serialize them
function toParam(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) return v;
  return JSON.stringify(v);
}
