// /functions/v1/<name>[/…]: dispatches to the registered Edge Function handler
// with a standard Request whose path starts at /<name>, as Supabase's edge runtime
// presents it. verify_jwt (default true) demands a valid project-signed JWT in
// Authorization before the handler runs; preflight OPTIONS always reach the
// handler, which answers CORS itself (as deployed functions must).
import type { EdgeContext, EdgeHandler } from '../functions/_shared/edge-handler.ts';
import type { ApiRequest, ApiResponse } from './http-types.ts';
import { jsonResponse, safeDecode } from './http-types.ts';
import { verifyJwt } from './jwt.ts';

export const FUNCTIONS_PREFIX = '/functions/v1';

export interface FunctionsOptions {
  functions: Record<string, EdgeHandler>;
  /** per function; absent means true */
  verifyJwt: Record<string, boolean>;
  jwtSecret: string;
  now: () => number;
  env: EdgeContext['env'];
  log: (message: string, error?: unknown) => void;
}

async function toApiResponse(res: Response): Promise<ApiResponse> {
  const headers: Record<string, string> = {};
  res.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const body = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers, body };
}

export function createFunctionsRoutes(o: FunctionsOptions) {
  const ctx: EdgeContext = { env: o.env };
  return async function handleFunctions(req: ApiRequest): Promise<ApiResponse> {
    const rest = req.url.pathname.slice(FUNCTIONS_PREFIX.length);
    const name = safeDecode(rest.split('/')[1] ?? '') ?? '';
    // read per request: the gateway may register functions after creation
    const handler = Object.hasOwn(o.functions, name) ? o.functions[name] : undefined;
    if (!handler)
      return jsonResponse(404, { code: 'NOT_FOUND', message: 'Requested function was not found' });

    if (o.verifyJwt[name] !== false && req.method !== 'OPTIONS') {
      const auth = req.headers.authorization;
      if (!auth) return jsonResponse(401, { msg: 'Error: Missing authorization header' });
      const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1] ?? '';
      const verified = await verifyJwt(token, o.jwtSecret, o.now());
      if (!verified.ok) return jsonResponse(401, { msg: 'Invalid JWT' });
    }

    const url = new URL(`${rest}${req.url.search}`, `http://${req.headers.host ?? 'localhost'}`);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(url, {
      method: req.method,
      headers: Object.entries(req.headers),
      ...(hasBody ? { body: new Uint8Array(req.body) } : {}),
    });
    try {
      return await toApiResponse(await handler(request, ctx));
    } catch (e) {
      o.log(`function ${name} threw`, e);
      return jsonResponse(500, {
        code: 'WORKER_ERROR',
        message: 'Function exited due to an error (please check logs)',
      });
    }
  };
}
