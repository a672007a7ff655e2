// The local stack's HTTP gateway on Supabase's wire contracts: /auth/v1,
// /rest/v1, /storage/v1 and /functions/v1 behind one port, with the API-key
// check and CORS Supabase's gateway applies. `createServer` returns a handle that can also be
// driven without a socket (`handle`).
import http from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { EdgeContext, EdgeHandler } from '../functions/_shared/edge-handler.ts';
import type { Database } from './db/database.ts';
import { apiKeyRefusal } from './api-key.ts';
import { AUTH_PREFIX, createAuthRoutes } from './auth-routes.ts';
import { type CorsOptions, corsHeaders, isPreflight, preflightResponse } from './cors.ts';
import { readAccessTokenHook } from './function-config.ts';
import { FUNCTIONS_PREFIX, createFunctionsRoutes } from './functions-routes.ts';
import { supabaseDir } from './paths.ts';
import type { ApiRequest, ApiResponse } from './http-types.ts';
import { jsonResponse } from './http-types.ts';
import { publicHost } from './config.ts';
import { DEFAULT_JWT_SECRET, localAnonKey, localServiceKey } from './keys.ts';
import { REST_PREFIX, handleRest } from './rest-routes.ts';
import { requestToken, resolvePrincipal } from './request-principal.ts';
import { STORAGE_PREFIX, createStorageRoutes } from './storage-routes.ts';
import { MemoryMailbox } from './stand-ins/memory-mailbox.ts';
import { SIGNED_URL_MAX_SECONDS } from '../../src/domain/signed-url-policy.ts';

export type Log = (message: string, error?: unknown) => void;

/** a local function's context: the environment and the stack's one mailbox */
export interface LocalFunctionContext extends EdgeContext {
  mailbox?: MemoryMailbox;
}

export interface GatewayOptions {
  db: Database;
  jwtSecret?: string;
  /** access token lifetime in seconds (Supabase's jwt_expiry, default 3600) */
  jwtExpiry?: number;
  /** seconds a rotated refresh token may be presented again (default 10, as Supabase) */
  refreshTokenReuseInterval?: number;
  functions?: Record<string, EdgeHandler>;
  /** verify_jwt per function name (supabase/config.toml); default true */
  functionsVerifyJwt?: Record<string, boolean>;
  /** extra environment for Edge Functions, over process.env */
  functionEnv?: Record<string, string>;
  /** origins allowed by CORS (the app's); default none */
  corsOrigins?: CorsOptions['origins'];
  now?: () => number;
  /** where Auth's and email-dispatch's mail goes (one mailbox for both); default a new one */
  mailbox?: MemoryMailbox;
  /** Auth's site_url: where email links lead unless redirect_to is allowed */
  siteUrl?: string;
  /** Auth's additional_redirect_urls */
  redirectUrls?: readonly string[];
  /** `schema.function` of the access-token hook; default: config.toml's */
  accessTokenHook?: string | null;
  /** Auth's seconds between two emails of a kind to one address (default 60) */
  emailMaxFrequency?: number;
  log?: Log;
  maxBodyBytes?: number;
  /** the largest upload /storage/v1 takes, in bytes (Supabase's default global limit, 50 MB) */
  storageFileSizeLimit?: number;
  /** the longest signed URL /storage/v1 issues, in seconds (the project's rule, 600) */
  storageSignedUrlMaxSeconds?: number;
}

export interface Gateway {
  readonly anonKey: string;
  readonly serviceKey: string;
  /** the base URL once listening, e.g. http://127.0.0.1:54321 */
  readonly url: string | null;
  /** what handlers get as `ctx`: SUPABASE_URL and the keys, then process.env; the mailbox */
  readonly functionContext: LocalFunctionContext;
  /** every email the local stack sent (Auth's codes, email-dispatch's messages) */
  readonly mailbox: MemoryMailbox;
  /** adds an Edge Function after creation (local registrations need functionContext) */
  registerFunction(name: string, handler: EdgeHandler): void;
  handle(req: ApiRequest): Promise<ApiResponse>;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const jwtErrorMessages: Record<string, { code: string; status: number }> = {
  expired: { code: 'PGRST303', status: 401 },
  claims: { code: 'PGRST303', status: 401 },
  malformed: { code: 'PGRST301', status: 401 },
  signature: { code: 'PGRST301', status: 401 },
};

export function createServer(options: GatewayOptions): Gateway {
  const secret = options.jwtSecret ?? DEFAULT_JWT_SECRET;
  const now = options.now ?? Date.now;
  const log: Log = options.log ?? ((m, e) => console.error(`[gateway] ${m}`, e ?? ''));
  const anonKey = localAnonKey(secret);
  const serviceKey = localServiceKey(secret);
  const cors: CorsOptions = { origins: options.corsOrigins ?? [] };
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const storageFileSizeLimit = options.storageFileSizeLimit ?? 50 * 1024 * 1024;
  // an upload's body may carry its file plus a multipart envelope
  const maxBodyFor = (path: string) =>
    path.startsWith(`${STORAGE_PREFIX}/`)
      ? Math.max(maxBody, storageFileSizeLimit + 64 * 1024)
      : maxBody;
  let url: string | null = null;

  const mailbox = options.mailbox ?? new MemoryMailbox(now);
  const auth = createAuthRoutes({
    db: options.db,
    jwtSecret: secret,
    jwtExpiry: options.jwtExpiry ?? 3600,
    refreshTokenReuseInterval: options.refreshTokenReuseInterval ?? 10,
    now,
    mailer: mailbox,
    ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
    ...(options.redirectUrls ? { redirectUrls: options.redirectUrls } : {}),
    accessTokenHook:
      options.accessTokenHook !== undefined
        ? options.accessTokenHook
        : readAccessTokenHook(join(supabaseDir, 'config.toml')),
    ...(options.emailMaxFrequency !== undefined
      ? { emailMaxFrequency: options.emailMaxFrequency }
      : {}),
  });
  const functionEnv = (name: string): string | undefined => {
    const local: Record<string, string | undefined> = {
      SUPABASE_URL: url ?? undefined,
      SUPABASE_ANON_KEY: anonKey,
      SUPABASE_SERVICE_ROLE_KEY: serviceKey,
      ...options.functionEnv,
    };
    return Object.hasOwn(local, name) ? local[name] : process.env[name];
  };
  const storage = createStorageRoutes({
    db: options.db,
    jwtSecret: secret,
    now,
    fileSizeLimit: storageFileSizeLimit,
    signedUrlMaxSeconds: options.storageSignedUrlMaxSeconds ?? SIGNED_URL_MAX_SECONDS,
  });
  const registry: Record<string, EdgeHandler> = { ...options.functions };
  const functions = createFunctionsRoutes({
    functions: registry,
    verifyJwt: options.functionsVerifyJwt ?? {},
    jwtSecret: secret,
    now,
    env: functionEnv,
    log,
  });

  async function rest(req: ApiRequest): Promise<ApiResponse> {
    const result = await resolvePrincipal(requestToken(req), secret, now());
    if (result.ok) return handleRest(req, result.principal, options.db);
    if (result.failure === 'role') {
      return jsonResponse(403, {
        code: '42501',
        details: null,
        hint: null,
        message: result.detail,
      });
    }
    const { code, status } = jwtErrorMessages[result.failure] ?? { code: 'PGRST301', status: 401 };
    return jsonResponse(
      status,
      { code, details: null, hint: null, message: result.detail },
      { 'www-authenticate': `Bearer error="invalid_token", error_description="${result.detail}"` },
    );
  }

  async function route(req: ApiRequest): Promise<ApiResponse> {
    const path = req.url.pathname;
    const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
    if (under(FUNCTIONS_PREFIX)) return functions(req);
    if (isPreflight(req)) return preflightResponse(req, cors);
    // Supabase's gateway asks no API key of Storage: public and signed URLs are
    // opened by browsers as they are, and Storage checks the bearer token itself
    if (under(STORAGE_PREFIX)) return storage(req);
    const isAuth = under(AUTH_PREFIX);
    const isRest = under(REST_PREFIX);
    if (!isAuth && !isRest)
      return jsonResponse(404, { message: 'no Route matched with those values' });
    // the link in a sign-in email is opened by a browser with no key (Kong lets
    // GET /auth/v1/verify through as it does)
    const emailLink = req.method === 'GET' && path.replace(/\/+$/, '') === `${AUTH_PREFIX}/verify`;
    const refusal = emailLink ? null : apiKeyRefusal(req, [anonKey, serviceKey]);
    if (refusal) return refusal;
    return isAuth ? auth(req) : rest(req);
  }

  async function handle(req: ApiRequest): Promise<ApiResponse> {
    let res: ApiResponse;
    try {
      res = await route(req);
    } catch (e) {
      log(`${req.method} ${req.url.pathname} failed`, e);
      res = jsonResponse(500, { message: 'Internal server error' });
    }
    if (!req.url.pathname.startsWith(FUNCTIONS_PREFIX)) {
      res.headers = { ...res.headers, ...corsHeaders(req, cors) };
    }
    return res;
  }

  const server = http.createServer((incoming, outgoing) => {
    void serveNode(incoming, outgoing, handle, maxBodyFor, log);
  });

  return {
    anonKey,
    serviceKey,
    get url() {
      return url;
    },
    functionContext: { env: functionEnv, mailbox },
    mailbox,
    registerFunction(name, handler) {
      registry[name] = handler;
    },
    handle,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const addr = server.address() as AddressInfo;
          // bound to every interface (HOST=0.0.0.0): an address a client can call, not
          // 0.0.0.0 (SUPABASE_URL for the functions, the local checkout's pay page)
          url = `http://${publicHost(addr.address)}:${addr.port}`;
          resolve(url);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** node:http → ApiRequest → ApiResponse → node:http */
export async function serveNode(
  incoming: http.IncomingMessage,
  outgoing: http.ServerResponse,
  handle: (req: ApiRequest) => Promise<ApiResponse>,
  maxBody: number | ((path: string) => number),
  log: Log,
): Promise<void> {
  try {
    const limit =
      typeof maxBody === 'number'
        ? maxBody
        : maxBody(new URL(incoming.url ?? '/', 'http://x').pathname);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of incoming) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > limit) {
        outgoing.writeHead(413, {
          'content-type': 'application/json; charset=utf-8',
          connection: 'close',
        });
        outgoing.end(JSON.stringify({ message: 'Request body too large' }));
        incoming.destroy();
        return;
      }
      chunks.push(buf);
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(incoming.headers)) {
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }
    const req: ApiRequest = {
      method: (incoming.method ?? 'GET').toUpperCase(),
      url: new URL(incoming.url ?? '/', `http://${headers.host ?? 'localhost'}`),
      headers,
      body: Buffer.concat(chunks),
    };
    const res = await handle(req);
    outgoing.writeHead(res.status, res.headers);
    outgoing.end(req.method === 'HEAD' ? undefined : res.body);
  } catch (e) {
    log('request failed', e);
    if (!outgoing.headersSent)
      outgoing.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
    outgoing.end(JSON.stringify({ message: 'Internal server error' }));
  }
}
