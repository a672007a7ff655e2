// What the guest pages share: the language of a request, the strings, the week of
// open times shown in the visitor's zone, the zone picker and the tiny optional
// script that fills the zone from the browser.
import { type Locale, pickLocale } from '../../domain/locale.ts';
import {
  DAY,
  type LocalDate,
  addDays,
  isValidZone,
  localDateAt,
  toInstant,
} from '../../domain/zoned-time.ts';
import type { PublicSiteContext } from '../public-site-context.ts';
import { type OpenTimes, openTimes } from './guest-booking-api.ts';
import { esc, formatDay, formatTime, page, withLang } from './guest-booking-html.ts';
import { type GuestBookingStrings, guestBookingStrings } from './guest-booking-strings.ts';
import { guestBookingStringsEn } from './guest-booking-strings.en.ts';

export function localeOf(req: Request, url: URL): Locale {
  const accepted = (req.headers.get('accept-language') ?? '')
    .split(',')
    .map((part) => part.split(';')[0]?.trim() ?? '')
    .filter((tag) => tag !== '');
  return pickLocale(url.searchParams.get('lang'), accepted);
}

export function stringsFor(locale: Locale): GuestBookingStrings {
  return locale === 'en' ? guestBookingStringsEn : guestBookingStrings;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** the zone asked for, when the runtime knows it */
export function zoneParam(url: URL): string | null {
  const tz = url.searchParams.get('tz');
  return tz && tz.length <= 64 && isValidZone(tz) ? tz : null;
}

export function weekParam(url: URL): LocalDate | null {
  const w = url.searchParams.get('week');
  return w && /^\d{4}-\d{2}-\d{2}$/.test(w) && !Number.isNaN(Date.parse(`${w}T00:00:00Z`))
    ? w
    : null;
}

export interface Week {
  zone: string;
  start: LocalDate;
  days: { date: LocalDate; slots: string[] }[];
  /** the first week (today's) has no previous one */
  first: boolean;
}

/**
 * Seven days of open times from `week` (today in the zone when absent), in the
 * visitor's zone `tz` (the coach's when absent). The range asked for is padded
 * by a day on each side, so any zone's days are covered before the coach's
 * zone is known.
 */
export async function weekOfTimes(
  ctx: PublicSiteContext,
  slug: string,
  type: string,
  tz: string | null,
  week: LocalDate | null,
): Promise<Week> {
  const now = ctx.now().getTime();
  const guess = week ? toInstant('UTC', week, 0) : now;
  const open: OpenTimes = await openTimes(
    ctx,
    slug,
    type,
    new Date(Math.max(now, guess - DAY)),
    new Date(guess + 9 * DAY),
  );
  const zone = tz ?? open.time_zone;
  const today = localDateAt(zone, now);
  const start = week && week > today ? week : today;
  const dates = Array.from({ length: 7 }, (_, i) => addDays(start, i));
  const days = dates.map((date) => ({
    date,
    slots: open.slots.filter((s) => localDateAt(zone, Date.parse(s)) === date),
  }));
  return { zone, start, days, first: start === today };
}

const ZONES = [
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Omsk',
  'Asia/Novosibirsk',
  'Asia/Krasnoyarsk',
  'Asia/Irkutsk',
  'Asia/Yakutsk',
  'Asia/Vladivostok',
  'Asia/Magadan',
  'Asia/Kamchatka',
  'Europe/Minsk',
  'Europe/Kyiv',
  'Asia/Tbilisi',
  'Asia/Yerevan',
  'Asia/Almaty',
  'Asia/Tashkent',
  'Europe/Istanbul',
  'Asia/Dubai',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'UTC',
];

/** a GET form that shows the same page in another zone (works without script) */
export function zonePicker(
  s: GuestBookingStrings,
  action: string,
  zone: string,
  hidden: Record<string, string>,
): string {
  const zones = ZONES.includes(zone) ? ZONES : [zone, ...ZONES];
  const inputs = Object.entries(hidden)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  const options = zones
    .map(
      (z) =>
        `<option value="${esc(z)}"${z === zone ? ' selected' : ''}>${esc(z.replace(/_/g, ' '))}</option>`,
    )
    .join('');
  return `<form class="zone" method="get" action="${esc(action)}">${inputs}
<label>${esc(s.zoneLabel)}<select name="tz">${options}</select></label>
<button type="submit" class="secondary">${esc(s.show)}</button></form>`;
}

/** the days and their times; `slot` renders one time (a link, or a radio button) */
export function weekHtml(
  s: GuestBookingStrings,
  locale: Locale,
  week: Week,
  slot: (start: string, label: string) => string,
): string {
  const days = week.days.filter((d) => d.slots.length > 0);
  if (days.length === 0) return `<p class="muted">${esc(s.noTimes)}</p>`;
  return days
    .map(
      (
        d,
      ) => `<section class="day"><h3>${esc(formatDay(locale, week.zone, toInstant(week.zone, d.date, 12 * 60)))}</h3>
<ul class="times">${d.slots.map((t) => `<li>${slot(t, formatTime(locale, week.zone, t))}</li>`).join('')}</ul></section>`,
    )
    .join('\n');
}

/** previous and next week links, keeping the other parameters */
export function weekLinks(s: GuestBookingStrings, url: URL, week: Week): string {
  const link = (date: LocalDate, label: string) => {
    const u = new URL(url.href);
    u.searchParams.set('week', date);
    u.searchParams.set('tz', week.zone);
    u.searchParams.delete('error');
    return `<a href="${esc(`${u.pathname}${u.search}`)}">${esc(label)}</a>`;
  };
  return `<nav class="weeks">${week.first ? '<span></span>' : link(addDays(week.start, -7), s.prevWeek)}${link(addDays(week.start, 7), s.nextWeek)}</nav>`;
}

/**
 * The optional script (progressive enhancement, well under 1 kB): with no zone
 * chosen yet, show the times in the browser's zone rather than the coach's.
 */
export function zoneScript(shown: string): string {
  return `(function(){try{var z=Intl.DateTimeFormat().resolvedOptions().timeZone,u=new URL(location.href);if(z&&!u.searchParams.has("tz")&&z!==${JSON.stringify(shown)}){u.searchParams.set("tz",z);location.replace(u.href)}}catch(e){}})()`;
}

/** a plain page saying what is wrong (404: unknown page or a link that is not valid) */
export function problemPage(
  req: Request,
  url: URL,
  kind: 'invalid' | 'not_found' | 'paid' | 'unpaid',
  status = 404,
): Response {
  const locale = localeOf(req, url);
  const s = stringsFor(locale);
  const words: Record<typeof kind, readonly [string, string]> = {
    invalid: [s.invalidTitle, s.invalidText],
    not_found: [s.notFoundTitle, s.notFoundText],
    paid: [s.paidTitle, s.paidText],
    unpaid: [s.unpaidTitle, s.unpaidText],
  };
  const [title, text] = words[kind];
  return page({
    locale,
    title,
    status,
    private: true,
    otherLanguageHref: withLang(url, locale === 'ru' ? 'en' : 'ru'),
    languageLabel: s.language,
    body: `<h1>${esc(title)}</h1><p>${esc(text)}</p>`,
  });
}

export function errorNotice(s: GuestBookingStrings, url: URL): string {
  const code = url.searchParams.get('error');
  if (!code) return '';
  const text = s.errors[code] ?? s.errors['unknown'] ?? '';
  return `<p class="notice error" role="alert">${esc(text)}</p>`;
}
