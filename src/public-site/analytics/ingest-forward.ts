// The seed's endpoint, POST /api/analytics/events on the site itself, passed on
// to the analytics-ingest Edge Function: the tracker then posts to its own
// origin (no CORS, no preflight, the pages' `connect-src 'self'` holds). In
// production the edge handler in front of the static host forwards it
// (deploy/edge/public-site.ts); locally the served app does
// (supabase/local/served-app.ts). The visitor's address goes along as the first
// x-forwarded-for entry, since the function would otherwise see the forwarder's.

export const ANALYTICS_EVENTS_PATH = '/api/analytics/events';

/** the function's path under the Supabase project's URL */
export const ANALYTICS_FUNCTION_PATH = '/functions/v1/analytics-ingest';

export function isAnalyticsEventsPath(pathname: string): boolean {
  return pathname === ANALYTICS_EVENTS_PATH || pathname === `${ANALYTICS_EVENTS_PATH}/`;
}

/** the headers the function needs: what the browser sent of them, plus the visitor's address */
export function forwardedIngestHeaders(
  headers: Headers,
  clientIp: string | null,
): Record<string, string> {
  const out: Record<string, string> = { 'content-type': 'text/plain;charset=UTF-8' };
  for (const name of ['origin', 'sec-fetch-site', 'user-agent', 'content-length']) {
    const value = headers.get(name);
    if (value !== null) out[name] = value;
  }
  const forwarded = headers.get('x-forwarded-for');
  const ip = clientIp ?? forwarded?.split(',')[0]?.trim() ?? null;
  if (ip) out['x-forwarded-for'] = ip;
  return out;
}

/** the request to the function for a POST to ANALYTICS_EVENTS_PATH */
export async function forwardToIngest(
  req: Request,
  supabaseUrl: string,
  clientIp: string | null,
  doFetch: typeof fetch,
): Promise<Response> {
  const body = await req.arrayBuffer();
  const headers = forwardedIngestHeaders(req.headers, clientIp);
  headers['content-length'] = String(body.byteLength);
  return doFetch(`${supabaseUrl.replace(/\/+$/, '')}${ANALYTICS_FUNCTION_PATH}`, {
    method: 'POST',
    headers,
    body,
  });
}
