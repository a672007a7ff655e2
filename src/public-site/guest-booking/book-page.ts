// GET /<slug>/book?type=&tz=&week=: the coach's session types, then the chosen
// type's open times for a week in the visitor's zone; a time leads to the
// confirm page. Links and GET forms only: it works with JavaScript off.
import { trackerScript } from '../analytics/tracker-tag.ts';
import { otherLocale } from '../../domain/locale.ts';
import type { PublicSiteContext } from '../public-site-context.ts';
import { NotThere, coachPage, sessionTypes } from './guest-booking-api.ts';
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
  zoneScript,
} from './guest-booking-common.ts';
import { esc, formatPrice, page, withLang } from './guest-booking-html.ts';

export async function bookPage(
  req: Request,
  slug: string,
  ctx: PublicSiteContext,
): Promise<Response> {
  const url = new URL(req.url);
  const locale = localeOf(req, url);
  const s = stringsFor(locale);
  let coach;
  try {
    coach = await coachPage(ctx, slug);
  } catch (e) {
    if (e instanceof NotThere) return problemPage(req, url, 'not_found');
    throw e;
  }
  const types = await sessionTypes(ctx, coach);
  const chosen =
    types.find((t) => t.id === url.searchParams.get('type')) ??
    (types.length === 1 ? types[0] : undefined);
  const tz = zoneParam(url);

  const typeLinks = types
    .map((t) => {
      const q = new URLSearchParams({ type: t.id, lang: locale });
      if (tz) q.set('tz', tz);
      const current = t.id === chosen?.id ? ' aria-current="true"' : '';
      return `<li><a href="/${esc(slug)}/book?${esc(q.toString())}"${current}><strong>${esc(t.name)}</strong>
<span class="muted">${esc(s.minutes(t.duration_minutes))} · ${esc(formatPrice(locale, t.price_minor, t.currency, s.free))}</span></a></li>`;
    })
    .join('');

  let times = '';
  let script: string | undefined;
  if (chosen) {
    const week = await weekOfTimes(ctx, slug, chosen.id, tz, weekParam(url));
    const confirm = (start: string, label: string) => {
      const q = new URLSearchParams({ type: chosen.id, start, tz: week.zone, lang: locale });
      // data-slot: the tracker's slot_selected, for this session type
      return `<a data-slot="${esc(chosen.id)}" href="/${esc(slug)}/book/confirm?${esc(q.toString())}">${esc(label)}</a>`;
    };
    times = `<h2 id="times">${esc(s.chooseTime)}</h2>
<p class="muted">${esc(s.timesIn(week.zone.replace(/_/g, ' ')))}</p>
${zonePicker(s, `/${slug}/book`, week.zone, { type: chosen.id, week: week.start, lang: locale })}
${weekLinks(s, url, week)}
${weekHtml(s, locale, week, confirm)}
${weekLinks(s, url, week)}`;
    if (!tz) script = zoneScript(week.zone);
  }

  return page({
    locale,
    title: s.bookTitle(coach.display_name),
    otherLanguageHref: withLang(url, otherLocale(locale)),
    languageLabel: s.language,
    script,
    tracker: trackerScript({ page: slug }).value,
    body: `<p><a href="/${esc(slug)}">${esc(s.backToPage(coach.display_name))}</a></p>
<h1>${esc(s.bookTitle(coach.display_name))}</h1>
${errorNotice(s, url)}
<h2>${esc(s.chooseType)}</h2>
<ul class="types">${typeLinks}</ul>
${times}`,
  });
}
