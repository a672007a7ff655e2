// The public pages (src/public-site) in the local stack, in front of dist/: the
// gateway's plain request becomes a web Request for the same handlers that run
// on an edge runtime in production, and their Response comes back compressed
// like any static file. Requests no public route claims fall through (null).
import type { PublicSiteContext } from '../../src/public-site/public-site-context.ts';
import { publicResponse } from '../../src/public-site/public-router.ts';
import { publicRoutes } from '../../src/public-site/public-routes.ts';
import type { ApiRequest, ApiResponse } from './http-types.ts';
import { compressBody } from './static-server.ts';

export function createPublicSiteHandler(
  contextFor: (req: ApiRequest) => PublicSiteContext | undefined,
) {
  return async function servePublic(req: ApiRequest): Promise<ApiResponse | null> {
    const ctx = contextFor(req);
    if (!ctx) return null;
    const request = new Request(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(req.body),
    });
    const res = await publicResponse(request, ctx, publicRoutes);
    if (!res) return null;
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => (headers[k] = v));
    const body = Buffer.from(await res.arrayBuffer());
    return compressBody({ status: res.status, headers, body }, req.headers['accept-encoding']);
  };
}
