// A coach's public page as one HTML document: readable with no script at all
// (messengers, crawlers, JavaScript off), with its Open Graph and Twitter tags
// and one JSON-LD graph. Book shows only when the coach has bookable time and a
// session type to book; Buy only for products (the seed's CTA logic).
import { trackerScript } from '../analytics/tracker-tag.ts';
import type { Locale } from '../../domain/locale.ts';
import { intlTag, otherLocale, LOCALE_NAMES } from '../../domain/locale.ts';
import { formatMoney } from '../../domain/money.ts';
import { readableTextOn, safeLogoUrl, type Brand } from '../../domain/partner-brand.ts';
import type { CoachPage, CourseOffer, ProductOffer, SessionTypeOffer } from './coach-page-data.ts';
import { Html, html } from './coach-page-html.ts';
import { coachJsonLd, type PageUrls } from './coach-page-json-ld.ts';
import { coachPageStrings, type CoachPageStrings } from './coach-page-strings.ts';
import { coachPageStringsEn } from './coach-page-strings.en.ts';
import { coachPageCss } from './coach-page-styles.ts';
import { linkPreviewHead } from './link-preview-head.ts';

export function stringsFor(locale: Locale): CoachPageStrings {
  return locale === 'en' ? coachPageStringsEn : coachPageStrings;
}

export interface RenderOptions {
  readonly locale: Locale;
  /** the site's origin, e.g. https://trackside.app */
  readonly siteUrl: string;
  /** the Supabase project's URL: the photo's relative URL is resolved against it */
  readonly supabaseUrl: string;
  /** the white-label partner that manages the coach's club, if any */
  readonly brand?: Brand | null;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** the page's own URL in a language: Russian at the bare path, English with ?lang=en */
export function pageUrl(siteUrl: string, slug: string, locale: Locale): string {
  return `${trimSlash(siteUrl)}/${slug}${locale === 'ru' ? '' : `?lang=${locale}`}`;
}

/** at most `max` characters, cut at a word */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0]?.toUpperCase() ?? '')
    .join('');
}

function languageName(code: string, locale: Locale): string {
  try {
    const name = new Intl.DisplayNames([intlTag(locale)], { type: 'language' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(intlTag(locale)) + name.slice(1) : code;
  } catch {
    return code;
  }
}

function price(amountMinor: number, currency: string, locale: Locale, t: CoachPageStrings) {
  return amountMinor === 0 ? t.book.free : formatMoney(amountMinor, currency, intlTag(locale));
}

/** whether the page offers Book: some time to book and something to book it for */
export function canBook(page: CoachPage): boolean {
  return page.has_bookable_time && page.session_types.length > 0;
}

/** a whole public page: the shared head, the inline stylesheet, the body */
export function pageDocument(opts: {
  locale: Locale;
  title: string;
  head: Html;
  body: Html;
  /** the tracker's tag (analytics/tracker-tag.ts); none on notices */
  tracker?: Html;
}): string {
  return `<!doctype html>${
    html`<html lang="${opts.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${opts.title}</title>
        ${opts.head}
        <meta name="theme-color" content="#0a58a8" />
        <link rel="icon" href="/icons/icon-192.png" type="image/png" />
        ${opts.tracker ?? ''}
        <style>
          ${new Html(coachPageCss)}
        </style>
      </head>
      <body>
        ${opts.body}
      </body>
    </html>`.value
  }`;
}

export function languageSwitch(
  url: (l: Locale) => string,
  locale: Locale,
  t: CoachPageStrings,
): Html {
  const other = otherLocale(locale);
  return html`<nav class="lang" aria-label="${t.languageNav}">
    <a href="${url(other)}" hreflang="${other}" lang="${other}">${LOCALE_NAMES[other]}</a>
  </nav>`;
}

function sessionTypeItem(
  s: SessionTypeOffer,
  bookUrl: string | null,
  locale: Locale,
  t: CoachPageStrings,
): Html {
  return html`<li class="card" data-offer="${s.id}">
    <h3>${s.name}</h3>
    ${s.description ? html`<p>${s.description}</p>` : ''}
    <p class="meta">
      ${t.duration(s.duration_minutes)} ·
      <span class="price">${price(s.price_minor, s.currency, locale, t)}</span>
    </p>
    ${bookUrl ? html`<a class="button" href="${bookUrl}">${t.book.cta}<span class="vh">: ${s.name}</span></a>` : ''}
  </li>`;
}

function productItem(p: ProductOffer, buyUrl: string, locale: Locale, t: CoachPageStrings): Html {
  const pack =
    p.credits !== null && p.valid_days !== null ? t.buy.package(p.credits, p.valid_days) : null;
  return html`<li class="card" data-offer="${p.id}">
    <h3>${p.name}</h3>
    ${p.description ? html`<p>${p.description}</p>` : ''}
    <p class="meta">
      ${pack ? `${pack} · ` : ''}<span class="price"
        >${formatMoney(p.price_minor, p.currency, intlTag(locale))}</span
      >
    </p>
    <a class="button" href="${buyUrl}">${t.buy.cta}<span class="vh">: ${p.name}</span></a>
  </li>`;
}

/** a course: its page for the outline and previews; Buy straight to checkout when sold */
function courseItem(c: CourseOffer, pageUrl: string, locale: Locale, t: CoachPageStrings): Html {
  const counts = [
    t.courses.lessons(c.lesson_count),
    c.preview_count > 0 ? t.courses.previews(c.preview_count) : null,
  ].filter((w) => w !== null);
  const offer = c.product
    ? html`<span class="price"
        >${formatMoney(c.product.price_minor, c.product.currency, intlTag(locale))}</span
      >`
    : html`<span class="price">${t.courses.access[c.access]}</span>`;
  const pack =
    c.product?.credits != null && c.product.valid_days != null
      ? ` · ${t.buy.package(c.product.credits, c.product.valid_days)}`
      : '';
  return html`<li class="card" data-offer="${c.id}">
    <h3><a href="${pageUrl}">${c.title}</a></h3>
    ${c.summary ? html`<p>${clip(c.summary, 240)}</p>` : ''}
    <p class="meta">${counts.join(', ')}${pack} · ${offer}</p>
    ${
      c.product
        ? html`<a class="button" href="/checkout/${encodeURIComponent(c.product.id)}"
            >${t.courses.buy}<span class="vh">: ${c.title}</span></a
          >`
        : html`<a class="button" href="${pageUrl}"
            >${t.courses.more}<span class="vh">: ${c.title}</span></a
          >`
    }
  </li>`;
}

export function renderCoachPage(page: CoachPage, opts: RenderOptions): string {
  const { locale, siteUrl } = opts;
  const t = stringsFor(locale);
  const site = trimSlash(siteUrl);
  const canonical = pageUrl(site, page.slug, locale);
  const photo = page.photo_url
    ? new URL(page.photo_url, `${trimSlash(opts.supabaseUrl)}/`).href
    : null;
  const image = photo ?? `${site}/icons/icon-512.png`;
  const bookable = canBook(page);
  const urls: PageUrls = {
    canonical,
    image,
    bookUrl: (id) => (bookable ? `/${page.slug}/book?type=${encodeURIComponent(id)}` : null),
    buyUrl: (id) => `/checkout/${encodeURIComponent(id)}`,
    coursePageUrl: (id) =>
      `/${page.slug}/courses/${encodeURIComponent(id)}${locale === 'ru' ? '' : `?lang=${locale}`}`,
  };
  const title = t.title(page.display_name, page.sports);
  const description = clip(
    page.bio || t.description(page.display_name, page.club_name, page.place),
    160,
  );
  const head = linkPreviewHead({
    locale,
    title,
    description,
    canonical,
    alternates: { ru: pageUrl(site, page.slug, 'ru'), en: pageUrl(site, page.slug, 'en') },
    type: 'profile',
    image,
    imageAlt: t.photoAlt(page.display_name),
    jsonLd: coachJsonLd(page, locale, urls),
  });
  const sub = [page.club_name, page.place].filter((s): s is string => Boolean(s));
  const bio = page.bio
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const body = html`${brandBand(opts.brand ?? null, t)}
    <div class="wrap">
      ${languageSwitch((l) => `/${page.slug}?lang=${l}`, locale, t)}
      <main>
        <header class="hero">
          ${photo ? html`<img class="photo" src="${photo}" alt="${t.photoAlt(page.display_name)}" width="88" height="88" />` : html`<div class="initials" aria-hidden="true">${initials(page.display_name)}</div>`}
          <div>
            <h1>${page.display_name}</h1>
            ${sub.length > 0 ? html`<p class="sub">${sub.join(' · ')}</p>` : ''}
          </div>
        </header>
        ${
          page.sports.length > 0
            ? html`<ul class="chips" aria-label="${t.sports}">
                ${page.sports.map((s) => html`<li>${s}</li>`)}
              </ul>`
            : ''
        }${bio.length > 0 ? html`<div class="bio">${bio.map((p) => html`<p>${p}</p>`)}</div>` : ''}${
          page.session_types.length > 0
            ? html`<section aria-labelledby="book">
                <h2 id="book">${t.book.heading}</h2>
                ${bookable ? '' : html`<p class="note">${t.book.noTime}</p>`}
                <ul class="offers">
                  ${page.session_types.map((s) => sessionTypeItem(s, urls.bookUrl(s.id), locale, t))}
                </ul>
              </section>`
            : ''
        }${
          page.products.length > 0
            ? html`<section aria-labelledby="buy">
                <h2 id="buy">${t.buy.heading}</h2>
                <ul class="offers">
                  ${page.products.map((p) => productItem(p, urls.buyUrl(p.id), locale, t))}
                </ul>
              </section>`
            : ''
        }${
          page.courses.length > 0
            ? html`<section aria-labelledby="courses">
                <h2 id="courses">${t.courses.heading}</h2>
                <ul class="offers">
                  ${page.courses.map((c) => courseItem(c, urls.coursePageUrl(c.id), locale, t))}
                </ul>
              </section>`
            : ''
        }${page.session_types.length === 0 && page.products.length === 0 && page.courses.length === 0 ? html`<p class="note">${t.nothingOffered}</p>` : ''}${
          page.certifications.length > 0 || page.languages.length > 0
            ? html`<section aria-labelledby="about">
                <h2 id="about">${t.about}</h2>
                <dl>
                  ${
                    page.certifications.length > 0
                      ? html`<dt>${t.certifications}</dt>
                          ${page.certifications.map((c) => html`<dd>${c}</dd>`)}`
                      : ''
                  }${
                    page.languages.length > 0
                      ? html`<dt>${t.languages}</dt>
                          <dd>${page.languages.map((l) => languageName(l, locale)).join(', ')}</dd>`
                      : ''
                  }
                </dl>
              </section>`
            : ''
        }
      </main>
      <footer>${t.footer}</footer>
    </div>`;
  return pageDocument({ locale, title, head, body, tracker: trackerScript({ page: page.slug }) });
}

/** the partner's band above the page: its logo and name in its colours */
function brandBand(brand: Brand | null, t: CoachPageStrings): Html | string {
  if (!brand) return '';
  const bg = brand.color ?? '#ffffff';
  const logo = safeLogoUrl(brand.logoUrl);
  const style = `background:${bg};color:${readableTextOn(bg)};border-bottom-color:${brand.accentColor ?? bg}`;
  return html`<div class="brand" style="${style}" data-brand="${brand.name}">
    ${logo ? html`<img src="${logo}" alt="" width="28" height="28" />` : ''}<span
      >${t.brand(brand.name)}</span
    >
  </div>`;
}

/** a plain page for "no such coach" and "try again later", in the visitor's language */
export function renderNotice(kind: 'notFound' | 'unavailable', locale: Locale): string {
  const t = stringsFor(locale)[kind];
  return pageDocument({
    locale,
    title: t.title,
    head: html`<meta name="robots" content="noindex" />`,
    body: html`<div class="wrap">
      <main>
        <h1>${t.title}</h1>
        <p>${t.text}</p>
      </main>
    </div>`,
  });
}
