// The site's POST /api/analytics/events in the local stack: handed to the
// gateway's analytics-ingest as the production site's edge handler forwards it
// (src/public-site/analytics/ingest-forward.ts), with the visitor's address the
// server saw (`addForwardedFor`, as a proxy in front of the site would add it).
import type http from 'node:http';
import {
  ANALYTICS_FUNCTION_PATH,
  forwardedIngestHeaders,
  isAnalyticsEventsPath,
} from '../../src/public-site/analytics/ingest-forward.ts';
import { type ApiRequest, type ApiResponse, jsonResponse } from './http-types.ts';
import type { Gateway } from './server.ts';

/** answers the events path once the gateway is up; null for every other request */
export function createAnalyticsForwarder(gateway: () => Gateway | undefined) {
  return async function forwardEvents(req: ApiRequest): Promise<ApiResponse | null> {
    if (req.method !== 'POST' || !isAnalyticsEventsPath(req.url.pathname)) return null;
    const g = gateway();
    if (!g?.url) return jsonResponse(503, { message: 'starting' }, { 'retry-after': '1' });
    const url = new URL(ANALYTICS_FUNCTION_PATH, g.url);
    const headers = forwardedIngestHeaders(new Headers(req.headers), null);
    return g.handle({
      method: 'POST',
      url,
      headers: { ...headers, host: url.host },
      body: req.body,
    });
  };
}

/** the socket's address as x-forwarded-for, unless a proxy in front already set one */
export function addForwardedFor(req: http.IncomingMessage): void {
  req.headers['x-forwarded-for'] ??= req.socket.remoteAddress ?? '';
}
