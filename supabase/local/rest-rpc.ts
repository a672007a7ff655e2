// /rpc/<fn>: named arguments from the JSON body (POST) or the query string
// (GET), converted to the declared types by json_to_record as PostgREST does.
// Scalars come back as a JSON scalar, composites as an object, set-returning
// functions as an array, `void` as 204.
import type { Queryable } from './db/database.ts';
import type { ApiResponse } from './http-types.ts';
import { emptyResponse, rawJsonResponse } from './http-types.ts';
import type { FunctionArg, FunctionInfo } from './rest-catalog.ts';
import { EXPOSED_SCHEMA } from './rest-catalog.ts';
import { pgrstError } from './rest-errors.ts';
import type { Negotiated, Preferences } from './rest-negotiation.ts';
import { pickBody, readRange, renderRows } from './rest-output.ts';
import type { ParsedQuery } from './rest-query.ts';
import { SqlParams, ident, orderSql, rangeSql, selectListSql, whereSql } from './rest-sql.ts';

export interface RpcCall {
  fn: FunctionInfo;
  /** null: the function takes the whole body as its single unnamed json/jsonb argument */
  args: Record<string, unknown> | null;
  rawBody: unknown;
}

const jsonTypes = new Set(['json', 'jsonb']);

function singleUnnamedJson(fn: FunctionInfo): boolean {
  const [only, ...rest] = fn.args;
  return rest.length === 0 && only !== undefined && only.name === null && jsonTypes.has(only.type);
}

function accepts(fn: FunctionInfo, keys: string[]): boolean {
  const names = new Set(fn.args.map((a) => a.name).filter((n): n is string => n !== null));
  if (!keys.every((k) => names.has(k))) return false;
  return fn.args.every((a) => a.hasDefault || (a.name !== null && keys.includes(a.name)));
}

/**
 * PostgREST's overload resolution by argument names: 404 PGRST202 when nothing
 * matches, 300 PGRST203 when several do.
 */
export function chooseFunction(
  name: string,
  candidates: FunctionInfo[],
  args: Record<string, unknown>,
  post: boolean,
): RpcCall {
  const keys = Object.keys(args).sort();
  const named = candidates.filter((fn) => accepts(fn, keys));
  const json = post ? candidates.filter(singleUnnamedJson) : [];
  if (named.length === 1) return { fn: named[0] as FunctionInfo, args, rawBody: args };
  if (named.length === 0 && json.length === 1) {
    return { fn: json[0] as FunctionInfo, args: null, rawBody: args };
  }
  const qualified = `${EXPOSED_SCHEMA}.${name}`;
  if (named.length > 1) {
    throw pgrstError(
      300,
      'PGRST203',
      `Could not choose the best candidate function between: ${named.map((f) => `${qualified}(${f.args.map((a) => `${a.name ?? ''} => ${a.type}`).join(', ')})`).join(', ')}`,
      null,
      'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
    );
  }
  const listed = keys.length === 0 ? ' without parameters' : `(${keys.join(', ')})`;
  const searched =
    keys.length === 0
      ? ' without parameters'
      : ` with parameter${keys.length > 1 ? 's' : ''} ${keys.join(', ')}`;
  const suggestion = candidates[0];
  throw pgrstError(
    404,
    'PGRST202',
    `Could not find the function ${qualified}${listed} in the schema cache`,
    `Searched for the function ${qualified}${searched}${post ? ' or with a single unnamed json/jsonb parameter' : ''}, but no matches were found in the schema cache.`,
    suggestion
      ? `Perhaps you meant to call the function ${qualified}(${suggestion.args.map((a) => a.name ?? '').join(', ')})`
      : null,
  );
}

/** the argument source (a json_to_record row, or null) and the named-argument list */
function argumentsSql(call: RpcCall, p: SqlParams): { source: string | null; list: string } {
  if (call.args === null)
    return {
      source: null,
      list: `${p.add(JSON.stringify(call.rawBody))}::${call.fn.args[0]?.type ?? 'jsonb'}`,
    };
  const given = call.fn.args.filter(
    (a): a is FunctionArg & { name: string } => a.name !== null && a.name in (call.args ?? {}),
  );
  if (given.length === 0) return { source: null, list: '' };
  // format_type() output is a type name Postgres produced itself; safe to splice
  const columns = given.map((a) => `${ident(a.name)} ${a.type}`).join(', ');
  const list = given
    .map((a) => `${a.variadic ? 'variadic ' : ''}${ident(a.name)} => _pgrst_args.${ident(a.name)}`)
    .join(', ');
  return {
    source: `json_to_record(${p.add(JSON.stringify(call.args))}::json) as _pgrst_args(${columns})`,
    list,
  };
}

export interface RpcRequest {
  call: RpcCall;
  method: string;
  query: ParsedQuery;
  prefs: Preferences;
  neg: Negotiated;
}

export async function runRpc(tx: Queryable, req: RpcRequest): Promise<ApiResponse> {
  const { fn } = req.call;
  const p = new SqlParams();
  const { source, list } = argumentsSql(req.call, p);
  const callSql = `public.${ident(fn.name)}(${list})`;
  const fromArgs = source ? ` from ${source}` : '';
  const from = source ? `${source}, ` : '';
  const head = req.method === 'HEAD';

  if (fn.returnType === 'void' && !fn.returnsSet) {
    await tx.query(`select ${callSql}${fromArgs}`, p.values);
    return emptyResponse(204);
  }

  const composite = fn.returnKind === 'c' || (fn.returnType === 'record' && fn.hasOutParams);
  if (!fn.returnsSet && !composite) {
    const r = await tx.query<{ body: string | null }>(
      `select to_json(${callSql})::text as body${fromArgs}`,
      p.values,
    );
    const body = r.rows[0]?.body ?? 'null';
    return head ? emptyResponse(200) : rawJsonResponse(200, body, {}, req.neg.contentType);
  }

  const alias = fn.name;
  let inner: string;
  let element = '_pgrst_t';
  if (!composite) {
    // setof scalar: an array of the values themselves
    inner = `select ${ident(alias)}._pgrst_v from ${from}${callSql} ${ident(alias)}(_pgrst_v)${rangeSql(req.query.limit, req.query.offset)}`;
    element = '_pgrst_t._pgrst_v';
  } else {
    const select = selectListSql(alias, req.query.select, p, () => {
      throw pgrstError(400, 'PGRST100', 'Embedding is not supported on function results');
    });
    inner =
      `select ${select} from ${from}${callSql} ${ident(alias)}` +
      whereSql(alias, req.query.filters, p) +
      orderSql(alias, req.query.order, p) +
      rangeSql(req.query.limit, req.query.offset);
  }
  const rows = await renderRows(tx, inner, p.values, req.neg.stripNulls, '', element);
  if (!fn.returnsSet) {
    // one composite value: an object, not an array
    const body = rows.first ?? 'null';
    return head ? emptyResponse(200) : rawJsonResponse(200, body, {}, req.neg.contentType);
  }
  const ranged = req.query.limit !== undefined || req.query.offset !== undefined;
  const total = req.prefs.count && !ranged ? rows.count : null;
  const headers = { 'content-range': readRange(req.query.offset ?? 0, rows.count, total) };
  if (head) return emptyResponse(200, headers);
  return rawJsonResponse(200, pickBody(rows, req.neg), headers, req.neg.contentType);
}
