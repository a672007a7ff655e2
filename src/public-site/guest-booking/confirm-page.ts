// GET /<slug>/book/confirm?type=&start=&tz=: the summary (length, place, price,
// the time in the visitor's zone and the coach's) and the form that posts
// straight to the public-booking Edge Function, which answers 303 back here or
// to the manage page. The honeypot field is off-screen and hidden from
// assistive technology; people never fill it.
import { HONEYPOT_FIELD } from '../../domain/guest-booking-schema.ts';
import { otherLocale } from '../../domain/locale.ts';
import { parseTimestamp } from '../../domain/zoned-time.ts';
import type { PublicSiteContext } from '../public-site-context.ts';
import { NotThere, coachPage, openTimes, sessionTypes } from './guest-booking-api.ts';
import {
  errorNotice,
  localeOf,
  problemPage,
  stringsFor,
  zoneParam,
} from './guest-booking-common.ts';
import { esc, formatPrice, formatWhen, page, withLang } from './guest-booking-html.ts';

export async function confirmPage(
  req: Request,
  slug: string,
  ctx: PublicSiteContext,
): Promise<Response> {
  const url = new URL(req.url);
  const locale = localeOf(req, url);
  const s = stringsFor(locale);
  const start = parseTimestamp(url.searchParams.get('start'));
  let coach;
  try {
    coach = await coachPage(ctx, slug);
  } catch (e) {
    if (e instanceof NotThere) return problemPage(req, url, 'not_found');
    throw e;
  }
  const type = (await sessionTypes(ctx, coach)).find((t) => t.id === url.searchParams.get('type'));
  if (!type || start === null) return problemPage(req, url, 'not_found');

  const open = await openTimes(ctx, slug, type.id, new Date(start), new Date(start + 60_000));
  const zone = zoneParam(url) ?? open.time_zone;
  const stillOpen = open.slots.some((t) => Date.parse(t) === start);
  const back = `/${slug}/book?${new URLSearchParams({ type: type.id, tz: zone, lang: locale }).toString()}`;
  const iso = new Date(start).toISOString();
  const fn = `${ctx.supabaseUrl.replace(/\/+$/, '')}/functions/v1/public-booking`;

  const summary = `<section class="card" aria-labelledby="summary"><h2 id="summary">${esc(s.summary)}</h2><dl>
<dt>${esc(s.coach)}</dt><dd>${esc(coach.display_name)}</dd>
<dt>${esc(s.session)}</dt><dd>${esc(type.name)}</dd>
<dt>${esc(s.length)}</dt><dd>${esc(s.minutes(type.duration_minutes))}</dd>
${coach.place ? `<dt>${esc(s.place)}</dt><dd>${esc(coach.place)}</dd>` : ''}
<dt>${esc(s.price)}</dt><dd>${esc(formatPrice(locale, type.price_minor, type.currency, s.free))}</dd>
<dt>${esc(s.when)}</dt><dd><strong>${esc(formatWhen(locale, zone, start))}</strong> <span class="muted">(${esc(zone.replace(/_/g, ' '))})</span></dd>
${zone === open.time_zone ? '' : `<dt>${esc(s.whenCoach)}</dt><dd>${esc(formatWhen(locale, open.time_zone, start))} <span class="muted">(${esc(open.time_zone.replace(/_/g, ' '))})</span></dd>`}
</dl>${type.price_minor > 0 ? `<p class="muted">${esc(s.paidNote)}</p>` : ''}</section>`;

  const hidden = { action: 'book', slug, sessionType: type.id, start: iso, timeZone: zone, locale };
  const form = stillOpen
    ? `<form class="card" method="post" action="${esc(fn)}"><h2>${esc(s.yourDetails)}</h2>
${Object.entries(hidden)
  .map(([k, v]) => `<input type="hidden" name="${k}" value="${esc(v)}">`)
  .join('')}
<label class="field">${esc(s.name)}<input name="name" required maxlength="120" autocomplete="name"></label>
<label class="field">${esc(s.email)}<input name="email" type="email" required maxlength="254" autocomplete="email"></label>
<label class="field">${esc(s.phone)}<input name="phone" type="tel" maxlength="40" autocomplete="tel"></label>
<div class="hp" aria-hidden="true"><label>${esc(s.honeypot)}<input name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></label></div>
<p class="muted">${esc(s.consent)}</p>
<button type="submit">${esc(s.submit)}</button></form>`
    : `<p class="notice error" role="alert">${esc(s.errors['slot_taken'] ?? '')}</p>`;

  return page({
    locale,
    title: s.confirmTitle,
    otherLanguageHref: withLang(url, otherLocale(locale)),
    languageLabel: s.language,
    body: `<p><a href="${esc(back)}">${esc(s.otherTime)}</a></p>
<h1>${esc(s.confirmTitle)}</h1>
${errorNotice(s, url)}
${summary}
${form}`,
  });
}
