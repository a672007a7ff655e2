// The coach's public page at the site's root, `/<slug>`, rendered here as HTML
// on every request (design: src/public-site/public-site-context.ts; the README's
// "Public pages"). Not prerendered at publish time: offers, prices and bookable
// time change all day and a rebuild per change is slow and fragile. Not an Edge
// Function: Supabase serves text/html as text/plain on the project domain. So
// the same handler runs in the local stack in front of dist/ and on an edge
// runtime in front of the static host (deploy/edge/public-site.ts).
//
// Only a single path segment shaped like a slug and not reserved is claimed;
// everything else (the app's routes, its files) falls through to the static host.
import { isValidSlug } from '../../domain/coach-slug.ts';
import type { PublicRoute, PublicSiteContext } from '../public-site-context.ts';
import { safeLogoUrl } from '../../domain/partner-brand.ts';
import { loadCoachBrand, loadCoachPage } from './coach-page-data.ts';
import { renderCoachPage, renderNotice } from './coach-page-render.ts';
import { pageLocale } from './page-locale.ts';

/**
 * Headers for a public page: cached for a minute (prices and bookable time
 * change), no script may run but the site's own (the tracker,
 * analytics/tracker-tag.ts; the page itself needs none and the JSON-LD block is
 * data), not framed, no MIME sniffing.
 */
export function publicPageHeaders(
  ctx: PublicSiteContext,
  cache: string,
  allow: { formAction?: string; media?: boolean; imageOrigin?: string } = {},
): Record<string, string> {
  let images = "'self' data:";
  let storage = '';
  try {
    storage = new URL(ctx.supabaseUrl).origin;
    images += ` ${storage}`;
  } catch {
    // a context without a usable URL serves its own images only
  }
  // a white-label partner's logo, from its own https origin
  if (allow.imageOrigin) images += ` ${allow.imageOrigin}`;
  const forms = allow.formAction ? `'self' ${allow.formAction}` : "'self'";
  const media = allow.media && storage ? `; media-src ${storage}` : '';
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': cache,
    vary: 'Accept-Language',
    // connect-src: the tracker posts its events to the site; crawlers' tools
    // (Lighthouse's robots.txt check) fetch from the page
    'content-security-policy': `default-src 'none'; script-src 'self'; img-src ${images}${media}; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action ${forms}; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
}

const PUBLIC_CACHE = 'public, max-age=60';

/** the slug a path names, lowercased (`/Volkov` → `volkov`), or null when it names none */
export function slugOfPath(pathname: string): string | null {
  const m = /^\/([^/]+)$/.exec(pathname);
  if (!m?.[1]) return null;
  let segment: string;
  try {
    segment = decodeURIComponent(m[1]).toLowerCase();
  } catch {
    return null;
  }
  return isValidSlug(segment) ? segment : null;
}

export const coachPageRoute: PublicRoute = {
  name: 'coach-page',
  match(url) {
    const slug = slugOfPath(url.pathname);
    return slug === null ? null : { slug, requested: url.pathname.slice(1) };
  },
  async handle(req, params, ctx) {
    const url = new URL(req.url);
    const locale = pageLocale(url, req.headers.get('accept-language'));
    const slug = params.slug ?? '';
    let answer;
    // the brand is asked alongside the page: one round trip of waiting, not two
    const brandLoad = loadCoachBrand(ctx, slug);
    try {
      answer = await loadCoachPage(ctx, slug);
    } catch {
      return new Response(renderNotice('unavailable', locale), {
        status: 503,
        headers: { ...publicPageHeaders(ctx, 'no-store'), 'retry-after': '60' },
      });
    }
    const moveTo = (target: string) =>
      new Response(null, {
        status: 301,
        headers: { location: `/${target}${url.search}`, 'cache-control': PUBLIC_CACHE },
      });
    switch (answer.kind) {
      case 'none':
        return new Response(renderNotice('notFound', locale), {
          status: 404,
          headers: publicPageHeaders(ctx, PUBLIC_CACHE),
        });
      case 'redirect':
        // a renamed page keeps its old address for ever: shared links never die
        return moveTo(answer.slug);
      case 'page': {
        // one address per page: `/Volkov` moves to `/volkov`
        if (params.requested !== answer.page.slug) return moveTo(answer.page.slug);
        const brand = await brandLoad;
        const logo = safeLogoUrl(brand?.logoUrl ?? null);
        return new Response(
          renderCoachPage(answer.page, {
            locale,
            siteUrl: ctx.siteUrl,
            supabaseUrl: ctx.supabaseUrl,
            brand,
          }),
          {
            status: 200,
            headers: publicPageHeaders(ctx, PUBLIC_CACHE, {
              ...(logo?.startsWith('https://') ? { imageOrigin: new URL(logo).origin } : {}),
            }),
          },
        );
      }
    }
  },
};

export const coachPageRoutes: readonly PublicRoute[] = [coachPageRoute];
