import { describe, expect, it } from 'vitest';
import { publicResponse } from '../public-router.ts';
import type { PublicSiteContext } from '../public-site-context.ts';
import type { CoachPage } from './coach-page-data.ts';
import { coachPageRoutes } from './coach-page-routes.ts';
import { acceptedLanguages } from './page-locale.ts';

const page: CoachPage = {
  slug: 'volkov',
  display_name: 'Игорь Волков',
  bio: 'Тренер по спринту.\n<script>alert("x")</script> & «кавычки»',
  sports: ['Лёгкая атлетика', 'Спринт'],
  certifications: ['Тренер высшей категории'],
  place: 'Москва, стадион «Старт»',
  languages: ['ru', 'en'],
  photo_url: null,
  club_name: 'Клуб «Старт»',
  updated_at: '2026-12-01T10:00:00+00:00',
  session_types: [
    {
      id: 'st-free',
      name: 'Пробная тренировка',
      description: 'Знакомство',
      duration_minutes: 30,
      price_minor: 0,
      currency: 'RUB',
    },
    {
      id: 'st-paid',
      name: 'Индивидуальная тренировка',
      description: '',
      duration_minutes: 90,
      price_minor: 250000,
      currency: 'RUB',
    },
  ],
  products: [
    {
      id: 'pr-8',
      kind: 'package',
      name: '8 тренировок',
      description: null,
      price_minor: 640000,
      currency: 'RUB',
      credits: 8,
      valid_days: 60,
    },
  ],
  courses: [],
  has_bookable_time: true,
};

/** a context whose database answers `answers[slug]` (or null) */
function contextWith(answers: Record<string, unknown>, calls: string[] = []): PublicSiteContext {
  return {
    supabaseUrl: 'https://db.example.test',
    anonKey: 'anon-key',
    siteUrl: 'https://coach.example.test',
    now: () => new Date('2026-12-06T10:00:00Z'),
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(String(input));
      const { p_slug } = JSON.parse(String(init?.body)) as { p_slug: string };
      return Response.json(answers[p_slug] ?? null);
    }) as typeof fetch,
  };
}

async function get(path: string, ctx: PublicSiteContext, headers: Record<string, string> = {}) {
  const res = await publicResponse(
    new Request(`https://coach.example.test${path}`, { headers }),
    ctx,
    coachPageRoutes,
  );
  return { res, text: flat(res ? await res.text() : '') };
}

/** the markup with the source's line breaks and self-closing slashes folded away */
function flat(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*\/>/g, '>')
    .replace(/>\s+</g, '><')
    .replace(/>\s+/g, '>')
    .replace(/\s+</g, '<');
}

function jsonLd(text: string): { '@graph': Record<string, unknown>[] } {
  const blocks = [...text.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)];
  expect(blocks).toHaveLength(1);
  return JSON.parse(blocks[0]?.[1] ?? '') as { '@graph': Record<string, unknown>[] };
}

describe('the coach page route', () => {
  it('claims only one slug-shaped, unreserved segment', async () => {
    const calls: string[] = [];
    const ctx = contextWith({}, calls);
    for (const path of [
      '/',
      '/today',
      '/sign-in',
      '/sw.js',
      '/volkov/book',
      '/ab',
      '/a--b',
      '/storefront',
    ]) {
      expect((await get(path, ctx)).res, path).toBeNull();
    }
    expect(calls).toEqual([]);
  });

  it('shows the white-label partner of the coach’s club, and lets its logo load', async () => {
    const base = contextWith({ volkov: page });
    const ctx: PublicSiteContext = {
      ...base,
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) =>
        String(input).endsWith('/rpc/public_coach_brand')
          ? Response.json({
              name: 'СпортСофт <b>',
              logoUrl: 'https://cdn.sportsoft.test/logo.svg',
              color: '#0b3d91',
              accentColor: '#ffd400',
            })
          : base.fetch(input, init)) as typeof fetch,
    };
    const { res, text } = await get('/volkov', ctx);
    expect(res?.status).toBe(200);
    expect(text).toContain('«СпортСофт &lt;b&gt;» — партнёр Trackside');
    expect(text).toContain('<img src="https://cdn.sportsoft.test/logo.svg"');
    expect(text).toContain('background:#0b3d91;color:#ffffff;border-bottom-color:#ffd400');
    expect(res?.headers.get('content-security-policy')).toContain('https://cdn.sportsoft.test');
    // a club without a partner brand: the page as before, no band
    const plain = await get('/volkov', contextWith({ volkov: page }));
    expect(plain.text).not.toContain('class="brand"');
  });

  it('renders the published page in Russian by default, cached for a minute', async () => {
    const { res, text } = await get('/volkov', contextWith({ volkov: page }));
    expect(res?.status).toBe(200);
    expect(res?.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res?.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res?.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res?.headers.get('x-content-type-options')).toBe('nosniff');
    expect(text).toMatch(/^<!doctype html><html lang="ru">/);
    expect(text).toContain('<title>Игорь Волков — тренер: Лёгкая атлетика, Спринт</title>');
    expect(text).toContain('<link rel="canonical" href="https://coach.example.test/volkov">');
    expect(text).toContain('<meta property="og:type" content="profile">');
    expect(text).toContain('<meta property="og:url" content="https://coach.example.test/volkov">');
    expect(text).toContain(
      '<meta property="og:image" content="https://coach.example.test/icons/icon-512.png">',
    );
    expect(text).toContain('<meta name="twitter:card" content="summary">');
    expect(text).toMatch(/<meta name="description" content="[^"]+">/);
    // the only script that runs is the site's own deferred tracker (issue 15);
    // the other script element is the JSON-LD data block
    expect(text.match(/<script/g)).toHaveLength(2);
    expect(text).toMatch(
      /<script\s+defer\s+src="\/api\/analytics\/tracker\.js\?v=[0-9a-f]{10}"\s+data-page="volkov"\s*><\/script>/,
    );
    expect(res?.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('escapes everything a coach typed: a bio with a script renders inert', async () => {
    const { text } = await get('/volkov', contextWith({ volkov: page }));
    expect(text).not.toContain('<script>alert');
    expect(text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; «кавычки»');
    // nor can it close the JSON-LD block
    const ld = text.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1] ?? '';
    expect(ld).not.toMatch(/[<>]/);
    const person = jsonLd(text)['@graph'][0]?.mainEntity as { description: string };
    expect(person.description).toContain('<script>alert("x")</script>');
  });

  it('has one JSON-LD graph: a ProfilePage whose Person makes the offers', async () => {
    const { text } = await get('/volkov', contextWith({ volkov: page }));
    const graph = jsonLd(text)['@graph'];
    const profile = graph.find((n) => n['@type'] === 'ProfilePage');
    const person = profile?.mainEntity as Record<string, unknown>;
    expect(person['@type']).toBe('Person');
    expect(person.name).toBe('Игорь Волков');
    expect(person.knowsAbout).toEqual(['Лёгкая атлетика', 'Спринт']);
    expect(person.hasCredential).toEqual([
      { '@type': 'EducationalOccupationalCredential', name: 'Тренер высшей категории' },
    ]);
    expect(person.knowsLanguage).toEqual(['ru', 'en']);
    const club = graph.find((n) => n['@id'] === (person.worksFor as { '@id': string })['@id']);
    expect(club).toMatchObject({ '@type': 'SportsOrganization', name: 'Клуб «Старт»' });
    const offers = person.makesOffer as Record<string, Record<string, unknown>>[];
    expect(offers.map((o) => [o.price, o.priceCurrency, o.itemOffered?.['@type']])).toEqual([
      ['0.00', 'RUB', 'Service'],
      ['2500.00', 'RUB', 'Service'],
      ['6400.00', 'RUB', 'Product'],
    ]);
    expect(offers[1]?.url).toBe('/volkov/book?type=st-paid');
    expect(offers[2]?.url).toBe('/checkout/pr-8');
  });

  it('shows Book per session type when there is bookable time, Buy per product', async () => {
    const { text } = await get('/volkov', contextWith({ volkov: page }));
    expect(text).toContain('<a class="button" href="/volkov/book?type=st-free">Записаться');
    expect(text).toContain('<a class="button" href="/volkov/book?type=st-paid">Записаться');
    expect(text).toContain('<a class="button" href="/checkout/pr-8">Купить');
    expect(text).toContain('30 мин');
    expect(text).toContain('1 ч 30 мин');
    expect(text).toMatch(/2\s500,00\s₽/);
    expect(text).toContain('Бесплатно');
  });

  it('lists courses: a sold one with Buy, the others with their page', async () => {
    const paid = {
      id: 'c-paid',
      title: 'Техника бега',
      summary: 'Пять уроков',
      access: 'paid' as const,
      lesson_count: 5,
      preview_count: 1,
      product: {
        id: 'pr-course',
        name: 'Техника бега',
        price_minor: 199000,
        currency: 'RUB',
        credits: 1,
        valid_days: 60,
      },
    };
    const gated = {
      id: 'c-mail',
      title: 'Разминка',
      summary: '',
      access: 'email' as const,
      lesson_count: 2,
      preview_count: 0,
      product: null,
    };
    const ctx = contextWith({ volkov: { ...page, products: [], courses: [paid, gated] } });
    const { text } = await get('/volkov', ctx);
    expect(text).toContain('<h2 id="courses">Онлайн-курсы</h2>');
    expect(text).toContain('<a href="/volkov/courses/c-paid">Техника бега</a>');
    expect(text).toContain('Уроков: 5, бесплатных: 1 · Занятий: 1 · действует 60 дн.');
    expect(text).toContain('<a class="button" href="/checkout/pr-course"');
    expect(text).toContain('Бесплатно по email');
    expect(text).toContain('<a class="button" href="/volkov/courses/c-mail"');
    const ld = jsonLd(text)['@graph'][0]?.mainEntity as {
      makesOffer: { url?: string; price?: string; itemOffered: { '@type': string } }[];
    };
    const courses = ld.makesOffer.filter((o) => o.itemOffered['@type'] === 'Course');
    expect(courses.map((o) => [o.url, o.price])).toEqual([
      ['/volkov/courses/c-paid', '1990.00'],
      ['/volkov/courses/c-mail', undefined],
    ]);
  });

  it('hides Book without bookable time, and Buy without products', async () => {
    const quiet = { ...page, has_bookable_time: false, products: [] };
    const { text } = await get('/volkov', contextWith({ volkov: quiet }));
    expect(text).not.toContain('/book?');
    expect(text).not.toContain('/checkout/');
    expect(text).toContain('Сейчас нет свободного времени');
    expect(text).toContain('Индивидуальная тренировка');
    const ld = jsonLd(text)['@graph'][0]?.mainEntity as { makesOffer: { url?: string }[] };
    expect(ld.makesOffer.every((o) => o.url === undefined)).toBe(true);

    const nothing = { ...page, session_types: [], products: [] };
    const bare = (await get('/volkov', contextWith({ volkov: nothing }))).text;
    expect(bare).not.toContain('class="button"');
    expect(bare).toContain('Тренер пока ничего не предлагает онлайн.');
  });

  it('answers an old slug with a 301 to the current one, keeping the query', async () => {
    const ctx = contextWith({ 'old-volkov': { redirect: 'volkov' } });
    const { res } = await get('/old-volkov?lang=en&utm_source=tg', ctx);
    expect(res?.status).toBe(301);
    expect(res?.headers.get('location')).toBe('/volkov?lang=en&utm_source=tg');
  });

  it('moves a differently cased address to the page’s own', async () => {
    const { res } = await get('/Volkov', contextWith({ volkov: page }));
    expect(res?.status).toBe(301);
    expect(res?.headers.get('location')).toBe('/volkov');
  });

  it('answers an unknown slug with a real 404 page', async () => {
    const { res, text } = await get('/nobody-here', contextWith({}), { 'accept-language': 'en' });
    expect(res?.status).toBe(404);
    expect(res?.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(text).toContain('<html lang="en">');
    expect(text).toContain('Page not found');
    expect(text).toContain('<meta name="robots" content="noindex">');
  });

  it('answers 503 when the database cannot be asked', async () => {
    const ctx = {
      ...contextWith({}),
      fetch: (async () => new Response('', { status: 500 })) as typeof fetch,
    };
    const { res } = await get('/volkov', ctx);
    expect(res?.status).toBe(503);
    expect(res?.headers.get('cache-control')).toBe('no-store');
  });

  it('speaks English from ?lang= or Accept-Language, Russian otherwise', async () => {
    const ctx = contextWith({ volkov: page });
    const byHeader = await get('/volkov', ctx, { 'accept-language': 'en-US,en;q=0.9,ru;q=0.5' });
    expect(byHeader.text).toContain('<html lang="en">');
    expect(byHeader.text).toContain('<a class="button" href="/volkov/book?type=st-paid">Book');
    expect(byHeader.text).toContain('1 h 30 min');
    expect(byHeader.text).toMatch(/RUB\s2,500\.00|₽2,500\.00/);
    expect(byHeader.text).toContain(
      '<link rel="canonical" href="https://coach.example.test/volkov?lang=en">',
    );
    expect(byHeader.res?.headers.get('vary')).toBe('Accept-Language');
    const byQuery = await get('/volkov?lang=ru', ctx, { 'accept-language': 'en' });
    expect(byQuery.text).toContain('<html lang="ru">');
    const fallback = await get('/volkov', ctx, { 'accept-language': 'de-DE,fr;q=0.8' });
    expect(fallback.text).toContain('<html lang="ru">');
    // the switch names the other language explicitly, so it wins over the header
    expect(byHeader.text).toContain(
      '<a href="/volkov?lang=ru" hreflang="ru" lang="ru">Русский</a>',
    );
  });

  it('answers HEAD with the headers only', async () => {
    const res = await publicResponse(
      new Request('https://coach.example.test/volkov', { method: 'HEAD' }),
      contextWith({ volkov: page }),
      coachPageRoutes,
    );
    expect(res?.status).toBe(200);
    expect(await res?.text()).toBe('');
  });
});

describe('Accept-Language', () => {
  it('orders by q-value, then by position', () => {
    expect(acceptedLanguages('ru;q=0.5, en-GB, de;q=0.9, *;q=0.1')).toEqual(['en-GB', 'de', 'ru']);
    expect(acceptedLanguages(null)).toEqual([]);
    expect(acceptedLanguages('en;q=0')).toEqual([]);
  });
});
