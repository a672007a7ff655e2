// The partner program's public pages: the application form (/partners/apply) and
// the confirmation page its email links to (/partners/confirm?t=<token>). Both GET
// and read-only, never cached; the forms post to the partner-apply Edge Function.
import { pageLocale } from '../coach-page/page-locale.ts';
import type { PublicRoute, PublicSiteContext } from '../public-site-context.ts';
import { parseFieldProblems, renderApplyPage, renderConfirmPage } from './partner-apply-page.ts';
import { type PartnerApplyStrings, partnerApplyStrings } from './partner-apply-strings.ts';
import { partnerApplyStringsEn } from './partner-apply-strings.en.ts';

function stringsFor(req: Request): { url: URL; t: PartnerApplyStrings } {
  const url = new URL(req.url);
  const locale = pageLocale(url, req.headers.get('accept-language'));
  return { url, t: locale === 'en' ? partnerApplyStringsEn : partnerApplyStrings };
}

function htmlResponse(body: string, t: PartnerApplyStrings): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-language': t.lang,
      'cache-control': 'no-store',
      // the confirmation link's token stays out of any Referer; the origin is still
      // sent (no-referrer would make a form post's Origin "null", which the function refuses)
      'referrer-policy': 'strict-origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      vary: 'accept-language',
    },
  });
}

function functionUrl(ctx: PublicSiteContext): string {
  return `${ctx.supabaseUrl.replace(/\/+$/, '')}/functions/v1/partner-apply`;
}

const applyPath = /^\/partners\/apply\/?$/;
const confirmPath = /^\/partners\/confirm\/?$/;

export const partnerApplyRoutes: readonly PublicRoute[] = [
  {
    name: 'partner-apply',
    match: (url) => (applyPath.test(url.pathname) ? {} : null),
    handle: (req, _params, ctx) => {
      const { url, t } = stringsFor(req);
      const error = url.searchParams.get('error');
      return Promise.resolve(
        htmlResponse(
          renderApplyPage({
            t,
            action: functionUrl(ctx),
            problems: error === 'invalid' ? parseFieldProblems(url.searchParams.get('fields')) : {},
            error: error && /^[a-z_]{1,40}$/.test(error) ? error : null,
            sent: url.searchParams.get('sent') === '1',
          }),
          t,
        ),
      );
    },
  },
  {
    name: 'partner-confirm',
    match: (url) => (confirmPath.test(url.pathname) ? {} : null),
    handle: (req, _params, ctx) => {
      const { url, t } = stringsFor(req);
      const token = url.searchParams.get('t');
      const done = url.searchParams.get('done');
      return Promise.resolve(
        htmlResponse(
          renderConfirmPage({
            t,
            action: functionUrl(ctx),
            token: token && /^[A-Za-z0-9_-]{32,128}$/.test(token) ? token : null,
            done: done && /^[a-z_]{1,40}$/.test(done) ? done : null,
          }),
          t,
        ),
      );
    },
  },
];
