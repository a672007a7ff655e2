// The guest pages against a fake Supabase: a manage link is only ever read
// (guest_booking_view, never a write), its page sends no Referer and is never
// cached, and any wrong link gets the same plain 404; the book page shows the
// open times in the visitor's zone, linking each to the confirm page.
import { describe, expect, it } from 'vitest';
import { publicResponse } from '../public-router.ts';
import type { PublicSiteContext } from '../public-site-context.ts';
import { guestBookingRoutes } from './guest-booking-routes.ts';

const BOOKING = '11111111-1111-4111-8111-111111111111';
const TOKEN = 'abcdefghijklmnopqrstuv';
const TYPE = '22222222-2222-4222-8222-222222222222';

const view = {
  booking_id: BOOKING,
  status: 'confirmed',
  guest_name: 'Мария',
  starts_at: '2030-01-07T13:00:00+00:00',
  ends_at: '2030-01-07T13:30:00+00:00',
  coach_time_zone: 'Europe/Moscow',
  time_zone: 'Asia/Yekaterinburg',
  locale: 'ru',
  coach_name: 'Игорь Волков',
  slug: 'volkov',
  place: 'Манеж',
  session_type_id: TYPE,
  session_type: 'Пробная тренировка',
  duration_minutes: 30,
  price_minor: 0,
  currency: 'RUB',
  change_until: '2030-01-07T01:00:00+00:00',
  can_cancel: true,
  can_reschedule: true,
};

function fakeSupabase(calls: string[]): PublicSiteContext {
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  return {
    supabaseUrl: 'https://api.test',
    anonKey: 'anon',
    siteUrl: 'https://site.test',
    now: () => new Date('2030-01-06T09:00:00Z'),
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      calls.push(`${init?.method ?? 'GET'} ${url.replace('https://api.test', '')}`);
      if (url.endsWith('/rpc/guest_booking_view')) {
        const args = JSON.parse(String(init?.body)) as { p_token: string };
        return args.p_token === TOKEN
          ? json(view)
          : json({ code: 'P0002', hint: 'link_invalid', message: 'this link is not valid' }, 404);
      }
      if (url.includes('/coach_pages?')) {
        return json([
          {
            slug: 'volkov',
            display_name: 'Игорь Волков',
            place: 'Манеж',
            org_id: 'o',
            coach_id: 'c',
          },
        ]);
      }
      if (url.includes('/session_types?')) {
        return json([
          {
            id: TYPE,
            name: 'Пробная тренировка',
            description: '',
            duration_minutes: 30,
            price_minor: 0,
            currency: 'RUB',
          },
        ]);
      }
      if (url.endsWith('/rpc/public_slots')) {
        return json({
          time_zone: 'Europe/Moscow',
          duration_minutes: 30,
          slots: ['2030-01-07T13:00:00+00:00', '2030-01-07T14:00:00+00:00'],
        });
      }
      return json({}, 404);
    }) as typeof fetch,
  };
}

async function get(path: string, method = 'GET', calls: string[] = []) {
  const res = await publicResponse(
    new Request(`https://site.test${path}`, { method, headers: { 'accept-language': 'ru' } }),
    fakeSupabase(calls),
    guestBookingRoutes,
  );
  if (!res) throw new Error(`no route for ${path}`);
  return res;
}

describe('the manage page', () => {
  it('shows the booking, sends no Referer and is never cached, and only reads', async () => {
    const calls: string[] = [];
    for (const method of ['HEAD', 'GET', 'GET']) {
      const res = await get(`/booking/${BOOKING}?t=${TOKEN}`, method, calls);
      expect(res.status).toBe(200);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    expect(calls).toEqual(Array(3).fill('POST /rest/v1/rpc/guest_booking_view'));
    const html = await (await get(`/booking/${BOOKING}?t=${TOKEN}`)).text();
    expect(html).toContain('Запись подтверждена');
    // the cancel is a form the guest submits, to the function
    expect(html).toContain('method="post" action="https://api.test/functions/v1/public-booking"');
    expect(html).toContain('<input type="hidden" name="action" value="cancel">');
  });

  it('answers any wrong link with the same plain 404', async () => {
    const pages = await Promise.all(
      [
        `/booking/${BOOKING}?t=AAAAAAAAAAAAAAAAAAAAAA`,
        `/booking/${BOOKING}`,
        `/booking/not-a-uuid?t=${TOKEN}`,
        `/booking/${BOOKING}/reschedule?t=short`,
      ].map((p) => get(p)),
    );
    const texts = await Promise.all(pages.map((r) => r.text()));
    for (const [i, res] of pages.entries()) {
      expect(res.status).toBe(404);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(texts[i]).toContain('Ссылка недействительна');
    }
  });
});

describe('the book page', () => {
  it('shows the open times in the chosen zone, each leading to the confirm page', async () => {
    const res = await get(`/volkov/book?type=${TYPE}&tz=Asia/Yekaterinburg&lang=en`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Times are shown for Asia/Yekaterinburg.');
    // 13:00 UTC is 18:00 in Yekaterinburg
    expect(html).toMatch(/start=2030-01-07T13%3A00%3A00%2B00%3A00[^"]*">18:00</);
    // a zone was chosen: no script
    expect(html).not.toContain('<script>');
  });

  it('offers the browser zone through a script under 5 kB when none was chosen', async () => {
    const html = await (await get(`/volkov/book?type=${TYPE}`)).text();
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(script).toContain('resolvedOptions().timeZone');
    expect(new TextEncoder().encode(script).length).toBeLessThan(5 * 1024);
  });
});
