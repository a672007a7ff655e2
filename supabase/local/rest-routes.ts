// /rest/v1: every request runs in one transaction that first switches to the
// caller's role and publishes its claims (rest-context.ts), then looks the
// table or function up in pg_catalog and runs one statement. Errors come back in
// PostgREST's shape and with its statuses.
import type { Database, Queryable } from './db/database.ts';
import { isPgError } from './db/database.ts';
import type { ApiRequest, ApiResponse } from './http-types.ts';
import { jsonResponse, safeDecode } from './http-types.ts';
import { findFunctions, findTable } from './rest-catalog.ts';
import { applyRequestContext } from './rest-context.ts';
import { PostgrestFailure, failureResponse, pgErrorResponse, pgrstError } from './rest-errors.ts';
import { negotiate, parsePrefer } from './rest-negotiation.ts';
import { QueryParseError, isIdentifier, parseQuery } from './rest-query.ts';
import { chooseFunction, runRpc } from './rest-rpc.ts';
import { runTableRequest } from './rest-table.ts';
import type { Principal } from './request-principal.ts';

export const REST_PREFIX = '/rest/v1';

/** thrown to roll a `Prefer: tx=rollback` request back while keeping its response */
class RollbackWith extends Error {
  constructor(readonly response: ApiResponse) {
    super('rollback requested');
  }
}

function parseBody(req: ApiRequest, required: boolean): unknown {
  const text = req.body.toString('utf8');
  if (text.trim() === '') {
    if (required) throw pgrstError(400, 'PGRST102', 'Empty or invalid json');
    return {};
  }
  const type = req.headers['content-type'] ?? 'application/json';
  if (!/^application\/(json|vnd\.pgrst\.[a-z+]*json)/i.test(type)) {
    throw pgrstError(415, 'PGRST107', `The request's Content-Type is not acceptable: ${type}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw pgrstError(400, 'PGRST102', 'Empty or invalid json');
  }
}

function checkProfile(req: ApiRequest): void {
  const readish = req.method === 'GET' || req.method === 'HEAD';
  const profile = readish ? req.headers['accept-profile'] : req.headers['content-profile'];
  if (profile !== undefined && profile !== 'public') {
    throw pgrstError(
      406,
      'PGRST106',
      `Invalid schema: ${profile}`,
      null,
      'Only the following schemas are exposed: public',
    );
  }
}

function missingTable(name: string): PostgrestFailure {
  return pgrstError(
    404,
    'PGRST205',
    `Could not find the table 'public.${name}' in the schema cache`,
  );
}

async function route(
  tx: Queryable,
  req: ApiRequest,
  path: string[],
  body: unknown,
): Promise<ApiResponse> {
  const prefs = parsePrefer(req.headers.prefer);
  const neg = negotiate(req.headers.accept);
  if (path[0] === 'rpc' && path.length === 2) {
    const name = path[1] as string;
    const candidates = isIdentifier(name) ? await findFunctions(tx, name) : [];
    const post = req.method === 'POST';
    let args: Record<string, unknown>;
    let isArgument: (key: string) => boolean = () => false;
    if (post) {
      args =
        body !== null && typeof body === 'object' && !Array.isArray(body)
          ? (body as Record<string, unknown>)
          : {};
    } else {
      const names = new Set(candidates.flatMap((f) => f.args.map((a) => a.name)));
      isArgument = (key) => names.has(key);
      args = {};
      for (const key of new Set(req.url.searchParams.keys())) {
        if (!isArgument(key)) continue;
        const values = req.url.searchParams.getAll(key);
        args[key] = values.length > 1 ? values : values[0];
      }
    }
    const call = chooseFunction(name, candidates, args, post);
    if (post && Array.isArray(body) && call.args !== null) {
      throw pgrstError(400, 'PGRST102', 'Empty or invalid json');
    }
    if (post && call.args === null) call.rawBody = body;
    return runRpc(tx, {
      call,
      method: req.method,
      query: parseQuery(req.url.searchParams, isArgument),
      prefs,
      neg,
    });
  }
  if (path.length !== 1) throw missingTable(path.join('/'));
  const name = path[0] as string;
  const table = isIdentifier(name) ? await findTable(tx, name) : null;
  if (!table) throw missingTable(name);
  const query = parseQuery(req.url.searchParams);
  return runTableRequest(tx, { table, method: req.method, query, prefs, neg, body });
}

const tableMethods = new Set(['GET', 'HEAD', 'POST', 'PATCH', 'DELETE']);
const rpcMethods = new Set(['GET', 'HEAD', 'POST']);

export async function handleRest(
  req: ApiRequest,
  principal: Principal,
  db: Database,
): Promise<ApiResponse> {
  const path = req.url.pathname
    .slice(REST_PREFIX.length)
    .split('/')
    .filter(Boolean)
    // a malformed escape can name no table or function
    .map((segment) => safeDecode(segment) ?? '%');
  const authenticated = principal.role !== 'anon';
  try {
    checkProfile(req);
    if (path.length === 0)
      return jsonResponse(200, { swagger: '2.0', info: { title: 'Trackside local API' } });
    const isRpc = path[0] === 'rpc';
    if (isRpc && !rpcMethods.has(req.method)) {
      throw pgrstError(405, 'PGRST101', `Cannot use the ${req.method} method on RPC`);
    }
    if (!isRpc && !tableMethods.has(req.method)) {
      throw pgrstError(405, 'PGRST117', `Unsupported HTTP method: ${req.method}`);
    }
    const body =
      req.method === 'POST' || req.method === 'PATCH' ? parseBody(req, !isRpc) : undefined;
    const rollback = parsePrefer(req.headers.prefer).tx === 'rollback';
    const readOnly = req.method === 'GET' || req.method === 'HEAD';
    return await db.transaction(async (tx) => {
      await applyRequestContext(
        tx,
        { principal, method: req.method, path: `/${path.join('/')}`, headers: req.headers },
        readOnly,
      );
      const response = await route(tx, req, path, body);
      if (rollback) throw new RollbackWith(response);
      return response;
    });
  } catch (e) {
    if (e instanceof RollbackWith) return e.response;
    if (e instanceof PostgrestFailure) return failureResponse(e);
    if (e instanceof QueryParseError) {
      return failureResponse(pgrstError(400, 'PGRST100', e.message, e.details));
    }
    // a SQLSTATE, not a socket error code such as ECONNRESET
    if (isPgError(e) && /^[0-9A-Z]{5}$/.test(e.code ?? ''))
      return pgErrorResponse(e, authenticated);
    throw e;
  }
}
