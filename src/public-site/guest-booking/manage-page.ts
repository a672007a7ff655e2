// GET /booking/<id>?t=<token>: the confirmation and manage page behind a guest's
// link. Opening it never changes anything (mail scanners open every link):
// cancel is a POST form to the public-booking function, reschedule a link to
// a page whose form posts. No Referer leaves it and nothing caches it. A wrong
// or unknown link gets one plain "not valid" page (404), whatever was wrong.
import { type Locale, otherLocale } from '../../domain/locale.ts';
import type { PublicSiteContext } from '../public-site-context.ts';
import { type BookingView, NotThere, bookingView } from './guest-booking-api.ts';
import {
  TOKEN,
  UUID,
  errorNotice,
  localeOf,
  problemPage,
  stringsFor,
} from './guest-booking-common.ts';
import {
  esc,
  formatDeadline,
  formatPrice,
  formatWhen,
  page,
  withLang,
} from './guest-booking-html.ts';
import type { GuestBookingStrings } from './guest-booking-strings.ts';

/** the booking of a manage link, or null for any link that is not valid */
export async function viewOfLink(
  ctx: PublicSiteContext,
  id: string,
  token: string | null,
): Promise<BookingView | null> {
  if (!UUID.test(id) || !token || !TOKEN.test(token)) return null;
  try {
    return await bookingView(ctx, id, token);
  } catch (e) {
    if (e instanceof NotThere) return null;
    throw e;
  }
}

export function bookingSummary(s: GuestBookingStrings, locale: Locale, v: BookingView): string {
  return `<dl>
<dt>${esc(s.coach)}</dt><dd>${esc(v.coach_name)}</dd>
${v.session_type ? `<dt>${esc(s.session)}</dt><dd>${esc(v.session_type)}</dd>` : ''}
<dt>${esc(s.when)}</dt><dd><strong>${esc(formatWhen(locale, v.time_zone, v.starts_at))}</strong> <span class="muted">(${esc(v.time_zone.replace(/_/g, ' '))})</span></dd>
${v.time_zone === v.coach_time_zone ? '' : `<dt>${esc(s.whenCoach)}</dt><dd>${esc(formatWhen(locale, v.coach_time_zone, v.starts_at))} <span class="muted">(${esc(v.coach_time_zone.replace(/_/g, ' '))})</span></dd>`}
<dt>${esc(s.length)}</dt><dd>${esc(s.minutes(v.duration_minutes))}</dd>
${v.place ? `<dt>${esc(s.place)}</dt><dd>${esc(v.place)}</dd>` : ''}
<dt>${esc(s.price)}</dt><dd>${esc(formatPrice(locale, v.price_minor, v.currency, s.free))}</dd>
</dl>`;
}

export async function managePage(
  req: Request,
  id: string,
  ctx: PublicSiteContext,
): Promise<Response> {
  const url = new URL(req.url);
  const token = url.searchParams.get('t');
  // back from Stripe Checkout, which is never given a manage token: the same
  // words for any id, so the page tells nothing about a booking (the link comes
  // by email once the signed webhook confirms the payment)
  const paid = url.searchParams.get('paid');
  if (!token && (paid === '1' || paid === '0')) {
    return problemPage(req, url, paid === '1' ? 'paid' : 'unpaid', 200);
  }
  const v = await viewOfLink(ctx, id, token);
  if (!v || !token) return problemPage(req, url, 'invalid');
  const locale = localeOf(req, url);
  const s = stringsFor(locale);
  const fn = `${ctx.supabaseUrl.replace(/\/+$/, '')}/functions/v1/public-booking`;
  const done = url.searchParams.get('done');
  const notice =
    done === 'cancel'
      ? `<p class="notice" role="status">${esc(s.cancelled)}</p>`
      : done === 'reschedule'
        ? `<p class="notice" role="status">${esc(s.moved)}</p>`
        : '';
  const until = formatDeadline(locale, v.time_zone, v.change_until);

  let actions = '';
  if (v.can_cancel || v.can_reschedule) {
    const move = v.can_reschedule
      ? `<a class="button" href="/booking/${esc(v.booking_id)}/reschedule?${esc(new URLSearchParams({ t: token, lang: locale }).toString())}">${esc(s.reschedule)}</a>`
      : '';
    const cancel = v.can_cancel
      ? `<form method="post" action="${esc(fn)}"><input type="hidden" name="action" value="cancel">
<input type="hidden" name="booking" value="${esc(v.booking_id)}"><input type="hidden" name="token" value="${esc(token)}">
<input type="hidden" name="locale" value="${locale}"><button type="submit" class="secondary">${esc(s.cancel)}</button></form>`
      : '';
    actions = `<p>${esc(s.changeUntil(until))}</p><div class="actions">${move}${cancel}</div>`;
  } else if (v.status === 'confirmed') {
    actions = `<p>${esc(s.tooLate(until))}</p>`;
  } else if (v.status.startsWith('cancelled') && v.slug) {
    actions = `<p><a href="/${esc(v.slug)}/book?lang=${locale}">${esc(s.bookAgain)}</a></p>`;
  }

  return page({
    locale,
    title: s.manageTitle,
    private: true,
    otherLanguageHref: withLang(url, otherLocale(locale)),
    languageLabel: s.language,
    body: `${notice}${errorNotice(s, url)}
<h1>${esc(s.manageTitle)}</h1>
<section class="card"><p><strong>${esc(s.status[v.status] ?? v.status)}</strong>${v.guest_name ? ` · ${esc(v.guest_name)}` : ''}</p>
${bookingSummary(s, locale, v)}
${actions}</section>
<p class="muted">${esc(s.keepLink)}</p>`,
  });
}
