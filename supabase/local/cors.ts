// CORS for the app's origin(s): the PWA is served from its own port, so every
// API call is cross-origin. Only listed origins are echoed back; a page from any
// other origin cannot read the local API. Edge Functions answer CORS themselves
// (as deployed ones must), so /functions/v1 is left alone.
import type { ApiRequest, ApiResponse } from './http-types.ts';
import { emptyResponse } from './http-types.ts';

export interface CorsOptions {
  /** exact origins, e.g. http://127.0.0.1:4173; '*' allows any */
  origins: readonly string[] | '*';
}

const EXPOSED = [
  'content-range',
  'content-profile',
  'content-location',
  'location',
  'preference-applied',
  'range-unit',
  'x-supabase-api-version',
  'x-sb-error-code',
  'x-total-count',
  'link',
].join(', ');

const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
const DEFAULT_HEADERS =
  'authorization, apikey, content-type, x-client-info, x-supabase-api-version, prefer, accept, accept-profile, content-profile, range, x-retry-count';

function allowedOrigin(req: ApiRequest, o: CorsOptions): string | null {
  const origin = req.headers.origin;
  if (!origin) return null;
  if (o.origins === '*') return origin;
  return o.origins.includes(origin) ? origin : null;
}

/** headers for an actual (non-preflight) response */
export function corsHeaders(req: ApiRequest, o: CorsOptions): Record<string, string> {
  const origin = allowedOrigin(req, o);
  if (!origin) return { vary: 'Origin' };
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': EXPOSED,
    vary: 'Origin',
  };
}

export function isPreflight(req: ApiRequest): boolean {
  return req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
}

/** the answer to a preflight: permissions only when the origin is allowed */
export function preflightResponse(req: ApiRequest, o: CorsOptions): ApiResponse {
  const origin = allowedOrigin(req, o);
  if (!origin) return emptyResponse(204, { vary: 'Origin' });
  return emptyResponse(204, {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': METHODS,
    'access-control-allow-headers':
      req.headers['access-control-request-headers'] ?? DEFAULT_HEADERS,
    'access-control-max-age': '3600',
    vary: 'Origin, Access-Control-Request-Headers',
  });
}
