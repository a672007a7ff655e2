// Which requests are public pages: GET and HEAD only (forms post straight to
// the Edge Functions, which answer with a redirect back here), first matching
// route wins, and anything no route claims (the app's routes, its files) is
// left to the static host — null.
import type { PublicRoute, PublicSiteContext } from './public-site-context.ts';

export async function publicResponse(
  req: Request,
  ctx: PublicSiteContext,
  routes: readonly PublicRoute[],
): Promise<Response | null> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const url = new URL(req.url);
  for (const route of routes) {
    const params = route.match(url);
    if (params === null) continue;
    const res = await route.handle(req, params, ctx);
    return req.method === 'HEAD'
      ? new Response(null, { status: res.status, headers: res.headers })
      : res;
  }
  return null;
}
