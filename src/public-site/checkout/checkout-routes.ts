// The public checkout: /checkout/<productId> (the product and the guest's form)
// and /checkout/<productId>/paid (where Stripe sends the buyer back). Signed-in
// members keep buying in the app (/purchases); the page links there.
import type { PublicRoute, PublicSiteContext } from '../public-site-context.ts';
import { fetchCheckoutOffer } from './checkout-offer.ts';
import { renderCheckoutPage, renderNotFound, renderPaid } from './checkout-page.ts';
import { type CheckoutStrings, checkoutStrings } from './checkout-strings.ts';
import { checkoutStringsEn } from './checkout-strings.en.ts';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const pagePath = new RegExp(`^/checkout/(${UUID})/?$`);
const paidPath = new RegExp(`^/checkout/(${UUID})/paid/?$`);

/** ?lang= first (the function's redirects carry it), then the browser's first of ru/en */
export function checkoutLanguage(url: URL, acceptLanguage: string | null): CheckoutStrings {
  const asked = url.searchParams.get('lang');
  if (asked === 'en') return checkoutStringsEn;
  if (asked === 'ru') return checkoutStrings;
  const first = (acceptLanguage ?? '')
    .split(',')
    .map((p) => p.trim().slice(0, 2).toLowerCase())
    .find((l) => l === 'ru' || l === 'en');
  return first === 'en' ? checkoutStringsEn : checkoutStrings;
}

function htmlResponse(body: string, status: number, t: CheckoutStrings, cache: string): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-language': t.lang,
      'cache-control': cache,
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-content-type-options': 'nosniff',
      vary: 'accept-language',
    },
  });
}

async function checkoutPage(req: Request, id: string, ctx: PublicSiteContext): Promise<Response> {
  const url = new URL(req.url);
  const t = checkoutLanguage(url, req.headers.get('accept-language'));
  const offer = await fetchCheckoutOffer(ctx, id);
  if (!offer) return htmlResponse(renderNotFound(t), 404, t, 'no-store');
  const error = url.searchParams.get('error');
  const canceled = url.searchParams.has('canceled');
  const html = renderCheckoutPage({
    offer,
    t,
    action: `${ctx.supabaseUrl.replace(/\/+$/, '')}/functions/v1/public-checkout`,
    error: error && /^[a-z_]{1,40}$/.test(error) ? error : null,
    canceled,
  });
  // the price may change: a minute of caching at most, none for a page with a message
  return htmlResponse(html, 200, t, error || canceled ? 'no-store' : 'public, max-age=60');
}

export const checkoutRoutes: readonly PublicRoute[] = [
  {
    name: 'checkout-paid',
    match: (url) => {
      const m = paidPath.exec(url.pathname);
      return m?.[1] ? { productId: m[1].toLowerCase() } : null;
    },
    handle: (req, params) => {
      const t = checkoutLanguage(new URL(req.url), req.headers.get('accept-language'));
      return Promise.resolve(
        htmlResponse(renderPaid(t, `/checkout/${params['productId'] ?? ''}`), 200, t, 'no-store'),
      );
    },
  },
  {
    name: 'checkout',
    match: (url) => {
      const m = pagePath.exec(url.pathname);
      return m?.[1] ? { productId: m[1].toLowerCase() } : null;
    },
    handle: (req, params, ctx) => checkoutPage(req, params['productId'] ?? '', ctx),
  },
];
