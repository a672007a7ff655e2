// The app's runtime config: which API the served PWA talks to, answered by the
// server that serves the app (`npm start`, `npm run dev`) at /runtime-config.json.
// The build only carries a fallback (VITE_SUPABASE_URL, for a static host with
// no such file); the stack that serves the app knows the ports it was started
// with, so any API_PORT/APP_PORT works with nothing else to set. The client's
// side is src/data/runtime-config.ts.
import { publicHost } from './config.ts';
import { type ApiRequest, type ApiResponse, jsonResponse } from './http-types.ts';

export const runtimeConfigPath = '/runtime-config.json';

/** what /runtime-config.json answers (the names src/data/runtime-config.ts reads) */
export interface RuntimeConfig {
  supabaseUrl: string;
  supabaseAnonKey: string;
}

const wildcardHosts = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The API's URL for a browser that reached the app with this Host header. The
 * API listens beside the app, on `host`: a stack bound to one address is found
 * there; one bound to every interface (HOST=0.0.0.0) is found at whatever name
 * the browser used for the app (a phone on the LAN reaches 192.168.…, not
 * 127.0.0.1).
 */
export function apiUrlFor(host: string, apiPort: number, requestHost: string | undefined): string {
  if (wildcardHosts.has(host) && requestHost) {
    try {
      const { hostname } = new URL(`http://${requestHost}`);
      if (hostname) return `http://${hostname}:${apiPort}`;
    } catch {
      // a malformed Host header: fall through to the bound address
    }
  }
  return `http://${publicHost(host)}:${apiPort}`;
}

/**
 * /runtime-config.json, never cached by HTTP (the app keeps the last one it got
 * for offline starts); 503 while the stack is still starting.
 */
export function runtimeConfigResponse(config: RuntimeConfig | undefined): ApiResponse {
  const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (!config) return jsonResponse(503, { message: 'the local stack is starting' }, headers);
  return jsonResponse(200, config, headers);
}

/** whether a request is for the runtime config */
export function isRuntimeConfigRequest(req: ApiRequest): boolean {
  return req.url.pathname === runtimeConfigPath;
}
