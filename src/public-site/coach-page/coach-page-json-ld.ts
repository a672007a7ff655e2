// The page's one JSON-LD graph for search engines and link previews: a
// ProfilePage whose mainEntity is the coach (a Person) who works for the club
// and makes the offers on the page — session types as Services, the club's and
// the coach's products as Products — at prices from the database.
import { minorDigits } from '../../domain/money.ts';
import type { CoachPage } from './coach-page-data.ts';

export interface PageUrls {
  /** the canonical URL of this page in this language */
  readonly canonical: string;
  /** absolute image URL (the photo, or the site's icon), null for none */
  readonly image: string | null;
  readonly bookUrl: (sessionTypeId: string) => string | null;
  readonly buyUrl: (productId: string) => string;
  /** a course's own public page */
  readonly coursePageUrl: (courseId: string) => string;
}

/** schema.org wants a plain decimal: 250000 RUB → "2500.00" */
export function schemaPrice(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (amountMinor / 10 ** digits).toFixed(digits);
}

export function coachJsonLd(page: CoachPage, lang: string, urls: PageUrls): object {
  const personId = `${urls.canonical.split('?')[0]}#person`;
  const clubId = `${urls.canonical.split('?')[0]}#club`;
  const offers = [
    ...page.session_types.map((s) => {
      const url = urls.bookUrl(s.id);
      return {
        '@type': 'Offer',
        name: s.name,
        price: schemaPrice(s.price_minor, s.currency),
        priceCurrency: s.currency,
        ...(url ? { url, availability: 'https://schema.org/InStock' } : {}),
        itemOffered: {
          '@type': 'Service',
          name: s.name,
          ...(s.description ? { description: s.description } : {}),
          serviceType: 'Training session',
          provider: { '@id': personId },
          // ISO 8601 length of the session
          duration: `PT${s.duration_minutes}M`,
        },
      };
    }),
    ...page.products.map((p) => ({
      '@type': 'Offer',
      name: p.name,
      price: schemaPrice(p.price_minor, p.currency),
      priceCurrency: p.currency,
      url: urls.buyUrl(p.id),
      availability: 'https://schema.org/InStock',
      itemOffered: {
        '@type': 'Product',
        name: p.name,
        ...(p.description ? { description: p.description } : {}),
      },
    })),
    ...page.courses.map((c) => ({
      '@type': 'Offer',
      name: c.title,
      ...(c.product
        ? {
            price: schemaPrice(c.product.price_minor, c.product.currency),
            priceCurrency: c.product.currency,
          }
        : {}),
      url: urls.coursePageUrl(c.id),
      availability: 'https://schema.org/InStock',
      itemOffered: {
        '@type': 'Course',
        name: c.title,
        ...(c.summary ? { description: c.summary } : {}),
        provider: { '@id': personId },
      },
    })),
  ];
  const person = {
    '@type': 'Person',
    '@id': personId,
    name: page.display_name,
    url: urls.canonical,
    ...(page.bio ? { description: page.bio } : {}),
    ...(urls.image ? { image: urls.image } : {}),
    jobTitle: lang === 'ru' ? 'Тренер' : 'Coach',
    ...(page.sports.length > 0 ? { knowsAbout: page.sports } : {}),
    ...(page.certifications.length > 0
      ? {
          hasCredential: page.certifications.map((c) => ({
            '@type': 'EducationalOccupationalCredential',
            name: c,
          })),
        }
      : {}),
    ...(page.club_name ? { worksFor: { '@id': clubId } } : {}),
    ...(page.place ? { workLocation: { '@type': 'Place', name: page.place } } : {}),
    ...(page.languages.length > 0 ? { knowsLanguage: page.languages } : {}),
    ...(offers.length > 0 ? { makesOffer: offers } : {}),
  };
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'ProfilePage',
        '@id': `${urls.canonical}#page`,
        url: urls.canonical,
        name: page.display_name,
        inLanguage: lang,
        dateModified: page.updated_at,
        mainEntity: person,
      },
      ...(page.club_name
        ? [{ '@type': 'SportsOrganization', '@id': clubId, name: page.club_name }]
        : []),
    ],
  };
}
