// A course's public page as one HTML document, readable with no script: the
// outline (every lesson's title, kind and when it opens; never a locked body),
// the free preview lessons in full, and what the visitor can do — buy it, start
// it, get it by email (a plain form to public-enroll), or sign in as a member.
import { trackerScript } from '../analytics/tracker-tag.ts';
import type { Locale } from '../../domain/locale.ts';
import { intlTag } from '../../domain/locale.ts';
import { formatMoney } from '../../domain/money.ts';
import { Html, html } from '../coach-page/coach-page-html.ts';
import { schemaPrice } from '../coach-page/coach-page-json-ld.ts';
import { linkPreviewHead } from '../coach-page/link-preview-head.ts';
import { clip, languageSwitch, pageDocument, stringsFor } from '../coach-page/coach-page-render.ts';
import type { CoursePage, PublicLesson } from './course-page-data.ts';
import { coursePageStrings, type CoursePageStrings } from './course-page-strings.ts';
import { coursePageStringsEn } from './course-page-strings.en.ts';

export function courseStringsFor(locale: Locale): CoursePageStrings {
  return locale === 'en' ? coursePageStringsEn : coursePageStrings;
}

export interface CourseRenderOptions {
  readonly locale: Locale;
  /** the site's origin, e.g. https://trackside.app */
  readonly siteUrl: string;
  /** where the email form posts: the public-enroll Edge Function */
  readonly enrollAction: string;
  /** signed URLs of the cover and the previews' media, by object path */
  readonly media: ReadonlyMap<string, string>;
  /** after the form: the email is on its way */
  readonly sent: boolean;
  /** the form's error code, from the function's redirect */
  readonly error: string | null;
}

/** the page's own path in a language: Russian at the bare path, English with ?lang=en */
export function coursePath(slug: string, courseId: string, locale: Locale): string {
  return `/${slug}/courses/${courseId}${locale === 'ru' ? '' : `?lang=${locale}`}`;
}

function paragraphs(text: string): Html[] {
  return text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`);
}

function outlineItem(l: PublicLesson, t: CoursePageStrings): Html {
  const notes = [
    t.kind[l.kind],
    l.has_quiz ? t.quiz : null,
    !l.is_preview && l.drip_days > 0 ? t.dripDays(l.drip_days) : null,
  ].filter((n) => n !== null);
  return html`<li>
    ${l.is_preview ? html`<a href="#lesson-${l.id}">${l.title}</a>` : l.title}
    <span class="meta"> · ${notes.join(', ')}</span>
    ${l.is_preview ? html` <span class="badge">${t.preview}</span>` : ''}
  </li>`;
}

function previewLesson(l: PublicLesson, media: ReadonlyMap<string, string>, t: CoursePageStrings) {
  const src = l.media_path ? media.get(l.media_path) : undefined;
  const player =
    l.kind === 'text'
      ? ''
      : src
        ? l.kind === 'video'
          ? html`<video controls preload="metadata" playsinline src="${src}"></video>`
          : html`<audio controls preload="metadata" src="${src}"></audio>`
        : html`<p class="note">${t.mediaOffline}</p>`;
  return html`<article class="card lesson" id="lesson-${l.id}">
    <h3>${l.title}</h3>
    ${player}${paragraphs(l.body ?? '')}
  </article>`;
}

function action(page: CoursePage, opts: CourseRenderOptions, t: CoursePageStrings): Html {
  const { course, product } = page;
  const app = `/courses/${course.id}`;
  switch (course.access) {
    case 'paid': {
      if (!product) return html``;
      const price = formatMoney(product.price_minor, product.currency, intlTag(opts.locale));
      return html`<p class="meta"><span class="price">${t.access.paid(price)}</span></p>
        ${product.credits !== null && product.valid_days !== null ? html`<p>${t.credits(product.credits, product.valid_days)}</p>` : ''}
        <a
          class="button"
          href="/checkout/${product.id}${opts.locale === 'ru' ? '' : `?lang=${opts.locale}`}"
          >${t.buy}</a
        >`;
    }
    case 'free':
      return html`<p>${t.access.free}</p>
        <a class="button" href="${app}">${t.start}</a>`;
    case 'members':
      return html`<p>${t.access.members(page.club_name)}</p>
        <a class="button" href="${app}">${t.signIn}</a>`;
    case 'email': {
      if (opts.sent) return html`<p class="note ok" role="status">${t.sent}</p>`;
      const error = opts.error ? (t.errors[opts.error] ?? t.errors['other']) : null;
      return html`<p>${t.access.email}</p>
        ${error ? html`<p class="note error" role="alert">${error}</p>` : ''}
        <form method="post" action="${opts.enrollAction}">
          <input type="hidden" name="courseId" value="${course.id}" />
          <input type="hidden" name="slug" value="${page.slug}" />
          <input type="hidden" name="locale" value="${opts.locale}" />
          <label for="email">${t.form.email}</label>
          <input
            id="email"
            name="email"
            type="email"
            required
            maxlength="254"
            autocomplete="email"
            inputmode="email"
          />
          <label for="name">${t.form.name}</label>
          <input id="name" name="name" type="text" maxlength="120" autocomplete="name" />
          <div class="hp" aria-hidden="true">
            <label for="website">${t.form.honeypot}</label>
            <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
          </div>
          <button class="button" type="submit">${t.form.submit}</button>
        </form>`;
    }
  }
}

export function renderCoursePage(page: CoursePage, opts: CourseRenderOptions): string {
  const { locale } = opts;
  const t = courseStringsFor(locale);
  const site = opts.siteUrl.replace(/\/+$/, '');
  const { course } = page;
  const canonical = `${site}${coursePath(page.slug, course.id, locale)}`;
  const title = t.title(course.title, page.coach_name);
  const description = clip(course.summary || title, 160);
  const cover = course.cover_path ? opts.media.get(course.cover_path) : undefined;
  const previews = page.lessons.filter((l) => l.is_preview);
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'Course',
    '@id': `${canonical.split('?')[0]}#course`,
    name: course.title,
    ...(course.summary ? { description: course.summary } : {}),
    url: canonical,
    inLanguage: locale,
    provider: { '@type': 'Person', name: page.coach_name, url: `${site}/${page.slug}` },
    ...(page.product
      ? {
          offers: {
            '@type': 'Offer',
            price: schemaPrice(page.product.price_minor, page.product.currency),
            priceCurrency: page.product.currency,
            url: `${site}/checkout/${page.product.id}`,
            availability: 'https://schema.org/InStock',
          },
        }
      : {}),
  };
  const head = linkPreviewHead({
    locale,
    title,
    description,
    canonical,
    alternates: {
      ru: `${site}${coursePath(page.slug, course.id, 'ru')}`,
      en: `${site}${coursePath(page.slug, course.id, 'en')}`,
    },
    type: 'website',
    // not the cover: its signed URL expires, and previews keep images for days
    image: `${site}/icons/icon-512.png`,
    imageAlt: course.title,
    jsonLd: ld,
  });
  const body = html`<div class="wrap">
    ${languageSwitch((l) => coursePath(page.slug, course.id, l), locale, stringsFor(locale))}
    <main>
      <p>
        <a href="/${page.slug}${locale === 'ru' ? '' : `?lang=${locale}`}"
          >${t.back(page.coach_name)}</a
        >
      </p>
      ${cover ? html`<img class="cover" src="${cover}" alt="${t.coverAlt(course.title)}" />` : ''}
      <h1>${course.title}</h1>
      <p class="sub">${t.lessonCount(page.lessons.length)}</p>
      <div class="bio">${paragraphs(course.summary)}</div>
      <section class="card" aria-label="${course.title}" data-offer="${course.id}">
        ${action(page, opts, t)}
      </section>
      <section aria-labelledby="outline">
        <h2 id="outline">${t.lessons}</h2>
        ${course.enforce_order ? html`<p class="meta">${t.inOrder}</p>` : ''}
        <ol class="outline">
          ${page.lessons.map((l) => outlineItem(l, t))}
        </ol>
      </section>
      ${
        previews.length > 0
          ? html`<section aria-labelledby="previews">
              <h2 id="previews">${t.previewHeading}</h2>
              ${previews.map((l) => previewLesson(l, opts.media, t))}
            </section>`
          : ''
      }
    </main>
    <footer>${t.footer}</footer>
  </div>`;
  return pageDocument({ locale, title, head, body, tracker: trackerScript({ page: page.slug }) });
}
