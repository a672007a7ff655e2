// GET /booking/<id>/reschedule?t=<token>&tz=&week=: the open times of the same
// session type, as radio buttons in one POST form (action reschedule, the same
// booking id). Like the manage page: read-only, no Referer, no cache, and one
// "not valid" page for any wrong link.
import { otherLocale } from '../../domain/locale.ts';
import type { PublicSiteContext } from '../public-site-context.ts';
import {
  errorNotice,
  localeOf,
  problemPage,
  stringsFor,
  weekHtml,
  weekLinks,
  weekOfTimes,
  weekParam,
  zonePicker,
  zoneParam,
} from './guest-booking-common.ts';
import { esc, formatDeadline, formatWhen, page, withLang } from './guest-booking-html.ts';
import { viewOfLink } from './manage-page.ts';

export async function reschedulePage(
  req: Request,
  id: string,
  ctx: PublicSiteContext,
): Promise<Response> {
  const url = new URL(req.url);
  const token = url.searchParams.get('t');
  const v = await viewOfLink(ctx, id, token);
  if (!v || !token) return problemPage(req, url, 'invalid');
  const locale = localeOf(req, url);
  const s = stringsFor(locale);
  const back = `/booking/${v.booking_id}?${new URLSearchParams({ t: token, lang: locale }).toString()}`;
  const fn = `${ctx.supabaseUrl.replace(/\/+$/, '')}/functions/v1/public-booking`;

  let body: string;
  if (!v.can_reschedule || !v.slug || !v.session_type_id) {
    body = `<p class="notice error" role="alert">${esc(s.tooLate(formatDeadline(locale, v.time_zone, v.change_until)))}</p>`;
  } else {
    const week = await weekOfTimes(
      ctx,
      v.slug,
      v.session_type_id,
      zoneParam(url) ?? v.time_zone,
      weekParam(url),
    );
    const radio = (start: string, label: string) =>
      `<label><input type="radio" name="start" value="${esc(start)}" required>${esc(label)}</label>`;
    body = `<p>${esc(s.current)}: <strong>${esc(formatWhen(locale, v.time_zone, v.starts_at))}</strong></p>
${zonePicker(s, `/booking/${v.booking_id}/reschedule`, week.zone, { t: token, week: week.start, lang: locale })}
${weekLinks(s, url, week)}
<form method="post" action="${esc(fn)}"><fieldset style="border:0;padding:0;margin:0"><legend><h2>${esc(s.chooseNew)}</h2></legend>
<input type="hidden" name="action" value="reschedule"><input type="hidden" name="booking" value="${esc(v.booking_id)}">
<input type="hidden" name="token" value="${esc(token)}"><input type="hidden" name="locale" value="${locale}">
${weekHtml(s, locale, week, radio)}</fieldset>
<div class="actions"><button type="submit">${esc(s.move)}</button></div></form>
${weekLinks(s, url, week)}`;
  }

  return page({
    locale,
    title: s.rescheduleTitle,
    private: true,
    otherLanguageHref: withLang(url, otherLocale(locale)),
    languageLabel: s.language,
    body: `<p><a href="${esc(back)}">${esc(s.back)}</a></p>
<h1>${esc(s.rescheduleTitle)}</h1>
${errorNotice(s, url)}
${body}`,
  });
}
