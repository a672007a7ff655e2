// A guest's booking pages: choose a type and a time on /<slug>/book, confirm on
// /<slug>/book/confirm, then manage on /booking/<id> (and move on
// /booking/<id>/reschedule) with the link's token. All GET and read-only; the
// forms post to the public-booking Edge Function.
import type { PublicRoute } from '../public-site-context.ts';
import { bookPage } from './book-page.ts';
import { confirmPage } from './confirm-page.ts';
import { managePage } from './manage-page.ts';
import { reschedulePage } from './reschedule-page.ts';

const SLUG = '([a-z0-9][a-z0-9-]{1,38}[a-z0-9])';

function route(
  name: string,
  pattern: RegExp,
  handle: (
    req: Request,
    param: string,
    ctx: Parameters<PublicRoute['handle']>[2],
  ) => Promise<Response>,
): PublicRoute {
  return {
    name,
    match(url) {
      const m = pattern.exec(url.pathname);
      return m?.[1] ? { param: m[1] } : null;
    },
    handle: (req, params, ctx) => handle(req, params['param'] ?? '', ctx),
  };
}

export const guestBookingRoutes: readonly PublicRoute[] = [
  route('guest-book', new RegExp(`^/${SLUG}/book/?$`), bookPage),
  route('guest-book-confirm', new RegExp(`^/${SLUG}/book/confirm/?$`), confirmPage),
  route('guest-booking-reschedule', /^\/booking\/([^/]+)\/reschedule\/?$/, reschedulePage),
  route('guest-booking', /^\/booking\/([^/]+)\/?$/, managePage),
];
