// The <head> a public page shows to what runs no script — messengers' link
// previews and crawlers: its description, canonical address and its other
// language, Open Graph and Twitter tags, and one JSON-LD block. One builder, so
// the coach's page and a course's page carry the same set.
import type { Locale } from '../../domain/locale.ts';
import { Html, html, jsonForScript } from './coach-page-html.ts';

export interface LinkPreview {
  readonly locale: Locale;
  readonly title: string;
  readonly description: string;
  /** this page's address in this language */
  readonly canonical: string;
  /** this page's address in each language; Russian is also the default */
  readonly alternates: Readonly<Record<Locale, string>>;
  readonly type: 'profile' | 'website';
  /** an absolute image URL and what it shows */
  readonly image: string;
  readonly imageAlt: string;
  readonly jsonLd: object;
}

export function linkPreviewHead(p: LinkPreview): Html {
  const meta = (attr: 'name' | 'property', key: string, content: string) =>
    html`<meta ${new Html(attr)}="${key}" content="${content}" />`;
  return html`${meta('name', 'description', p.description)}<link
      rel="canonical"
      href="${p.canonical}"
    /><link rel="alternate" hreflang="ru" href="${p.alternates.ru}" /><link
      rel="alternate"
      hreflang="en"
      href="${p.alternates.en}"
    /><link rel="alternate" hreflang="x-default" href="${p.alternates.ru}" />${[
      meta('property', 'og:type', p.type),
      meta('property', 'og:title', p.title),
      meta('property', 'og:description', p.description),
      meta('property', 'og:url', p.canonical),
      meta('property', 'og:image', p.image),
      meta('property', 'og:image:alt', p.imageAlt),
      meta('property', 'og:locale', p.locale === 'ru' ? 'ru_RU' : 'en_GB'),
      meta('property', 'og:site_name', 'Trackside'),
      meta('name', 'twitter:card', 'summary'),
      meta('name', 'twitter:title', p.title),
      meta('name', 'twitter:description', p.description),
      meta('name', 'twitter:image', p.image),
      meta('name', 'twitter:image:alt', p.imageAlt),
    ]}
    <script type="application/ld+json">
      ${jsonForScript(p.jsonLd)}
    </script>`;
}
