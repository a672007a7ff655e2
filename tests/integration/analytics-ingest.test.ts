// The page events' way in, through the local stack's gateway as the tracker
// meets it: analytics-ingest → public.analytics_ingest on the seeded database.
// An event id counts once however often and however concurrently it is sent;
// one address cannot add more than the per-IP limit (429 + Retry-After); a
// batch over the size limit is refused whole, a malformed event alone; bots,
// other sites' pages and stale or future times add nothing; and no table of
// the analytics schema holds an IP or a User-Agent. A guest's checkout is
// attributed to the visitor who viewed the page.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import {
  type LocalFunctions,
  createGatewayWithFunctions,
} from '../../supabase/local/local-functions.ts';

const SITE = 'http://127.0.0.1:47995';
const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
/** a product listed on /volkov (the course's), an offer of the coach's club */
const COURSE_PRODUCT = 'd7000000-0000-4000-8000-000000000004';

let db: Database;
let fns: LocalFunctions;
let api: string;
let ipCounter = 0;
/** the database's clock: event times are set relative to it */
let dbNow = 0;

beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  fns = await createGatewayWithFunctions({ db, siteUrl: SITE, log: () => undefined });
  api = await fns.gateway.listen(0);
  const { rows } = await db.query<{ now: string }>(`select now()::text as now`);
  dbNow = Date.parse(rows[0]?.now ?? '');
});

afterAll(async () => {
  await fns?.close();
  await db?.close();
});

const freshIp = () => `10.3.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

function event(extra: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    name: 'slot_selected',
    page: 'volkov',
    path: '/volkov/book',
    offer: null,
    referrer: 'https://t.me/s/channel',
    utm: { source: 'telegram', campaign: 'winter' },
    at: new Date(dbNow).toISOString(),
    ...extra,
  };
}

interface Answer {
  status: number;
  retryAfter: string | null;
  body: {
    accepted?: number;
    duplicates?: number;
    refused?: { index: number; reason: string }[];
    dropped?: string;
    error?: { code: string };
  };
}

async function send(
  body: unknown,
  { ip = freshIp(), headers = {} }: { ip?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const res = await fetch(`${api}/functions/v1/analytics-ingest`, {
    method: 'POST',
    headers: {
      'content-type': 'text/plain;charset=UTF-8',
      origin: SITE,
      'sec-fetch-site': 'same-origin',
      'user-agent': CHROME,
      'x-forwarded-for': ip,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as Answer['body'],
  };
}

async function stored(ids: readonly string[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from analytics.events where event_id = any($1::uuid[])`,
    [ids],
  );
  return Number(rows[0]?.n);
}

describe('analytics-ingest', () => {
  it('keeps a page view with its coach, source and campaign, and never the address', async () => {
    const e = event({ name: 'page_view', path: '/volkov' });
    const answer = await send([e], { ip: '203.0.113.77' });
    expect(answer).toMatchObject({
      status: 202,
      body: { accepted: 1, duplicates: 0, refused: [] },
    });
    const { rows } = await db.query<Record<string, unknown>>(
      `select e.name, e.source, e.path, e.referrer_domain, e.utm_source, e.utm_campaign,
              e.visitor is not null as has_visitor, e.coach_id = p.coach_id as coach_matches
         from analytics.events e, public.coach_pages p
        where e.event_id = $1 and p.slug = 'volkov'`,
      [e.id],
    );
    expect(rows[0]).toEqual({
      name: 'page_view',
      source: 'beacon',
      path: '/volkov',
      referrer_domain: 't.me',
      utm_source: 'telegram',
      utm_campaign: 'winter',
      has_visitor: true,
      coach_matches: true,
    });
  });

  it('counts the same batch once, sent three times in a row and three times at once', async () => {
    const ip = freshIp();
    const batch = [
      event(),
      event({ name: 'offer_view', offer: COURSE_PRODUCT, path: '/volkov' }),
      event({
        name: 'checkout_started',
        offer: COURSE_PRODUCT,
        path: `/checkout/${COURSE_PRODUCT}`,
      }),
    ];
    const ids = batch.map((e) => e.id);
    const first = await send(batch, { ip });
    expect(first.body).toEqual({ accepted: 3, duplicates: 0, refused: [] });
    for (let i = 0; i < 2; i++) {
      expect((await send(batch, { ip })).body).toEqual({ accepted: 0, duplicates: 3, refused: [] });
    }
    expect(await stored(ids)).toBe(3);

    const again = batch.map((e) => ({ ...e, id: randomUUID() }));
    const answers = await Promise.all([1, 2, 3].map(() => send(again, { ip: freshIp() })));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(answers.reduce((n, a) => n + (a.body.accepted ?? 0), 0)).toBe(3);
    expect(answers.reduce((n, a) => n + (a.body.duplicates ?? 0), 0)).toBe(6);
    expect(await stored(again.map((e) => e.id))).toBe(3);
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from analytics.event_ids where event_id = any($1::uuid[])`,
      [[...ids, ...again.map((e) => e.id)]],
    );
    expect(rows[0]?.n).toBe(6);
  });

  it('a 1000-request loop from one address adds at most 30 events and is told to wait', async () => {
    const ip = '198.51.100.200';
    const ids: string[] = [];
    const statuses = new Map<number, number>();
    let retryAfter: string | null = null;
    for (let i = 0; i < 1000; i++) {
      const e = event();
      ids.push(e.id);
      const answer = await send([e], { ip });
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status === 429) retryAfter ??= answer.retryAfter;
    }
    expect(await stored(ids)).toBeLessThanOrEqual(30);
    expect(statuses.get(202)).toBeLessThanOrEqual(30);
    expect(statuses.get(429)).toBeGreaterThanOrEqual(970);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  }, 300_000);

  it('refuses a batch over 64 KiB or 50 events whole, with 413', async () => {
    const big = [event({ path: `/${'x'.repeat(66 * 1024)}` })];
    const many = Array.from({ length: 51 }, () => event());
    for (const batch of [big, many]) {
      const answer = await send(batch);
      expect(answer.status).toBe(413);
      expect(answer.body.error?.code).toBe('payload_too_large');
      expect(await stored(batch.map((e) => e.id))).toBe(0);
    }
  });

  it('refuses malformed events with a reason each and keeps the rest', async () => {
    const good = [event(), event({ name: 'page_view', path: '/volkov/courses' })];
    const batch = [
      good[0],
      { ...event(), id: 'not-an-id' },
      event({ name: 'purchase' }),
      event({ page: 'nobody-has-this-page' }),
      event({ name: 'offer_view', offer: randomUUID() }),
      good[1],
    ];
    const answer = await send(batch);
    expect(answer.status).toBe(202);
    expect(answer.body.accepted).toBe(2);
    expect(answer.body.refused).toEqual([
      { index: 1, reason: expect.stringMatching(/^invalid id/) as unknown },
      { index: 2, reason: expect.stringMatching(/^invalid name/) as unknown },
      { index: 3, reason: 'unknown_page' },
      { index: 4, reason: 'unknown_offer' },
    ]);
    expect(await stored(good.map((e) => e.id))).toBe(2);
    expect((await send('{"not": "json"')).body.error?.code).toBe('invalid_json');
  });

  it("agrees with the database's columns: what the edge takes, the database keeps", async () => {
    // 253 characters: the longest host a referrer_domain keeps
    const host = ['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(63), 'd'.repeat(61)].join('.');
    const longest = event({
      referrer: `https://${host}/path`,
      utm: { source: 's'.repeat(100), medium: 'm'.repeat(100), campaign: 'c'.repeat(100) },
      path: `/${'p'.repeat(1999)}`,
    });
    const over = [
      event({ referrer: `https://${host}x/path` }),
      event({ utm: { source: 's'.repeat(101) } }),
      event({ path: `/${'p'.repeat(2000)}` }),
    ];
    const answer = await send([longest, ...over]);
    expect(answer.status).toBe(202);
    expect(answer.body.accepted).toBe(1);
    expect(answer.body.refused?.map((r) => r.index)).toEqual([1, 2, 3]);
    const { rows } = await db.query<{ domain: number; source: number; path: number }>(
      `select char_length(referrer_domain) as domain, char_length(utm_source) as source,
              char_length(path) as path
         from analytics.events where event_id = $1`,
      [longest.id],
    );
    expect(rows).toEqual([{ domain: 253, source: 100, path: 2000 }]);
  });

  it('refuses events over 7 days old or over 5 minutes ahead, and clamps the near future to now', async () => {
    const old = event({ at: new Date(dbNow - 8 * 86_400_000).toISOString() });
    const ahead = event({ at: new Date(dbNow + 10 * 60_000).toISOString() });
    const soon = event({ at: new Date(dbNow + 2 * 60_000).toISOString() });
    const answer = await send([old, ahead, soon]);
    expect(answer.body).toEqual({
      accepted: 1,
      duplicates: 0,
      refused: [
        { index: 0, reason: 'too_old' },
        { index: 1, reason: 'in_future' },
      ],
    });
    const { rows } = await db.query<{ clamped: boolean }>(
      `select occurred_at <= received_at as clamped from analytics.events where event_id = $1`,
      [soon.id],
    );
    expect(rows).toEqual([{ clamped: true }]);
    expect(await stored([old.id, ahead.id])).toBe(0);
  });

  it('drops bots with 202 and writes nothing', async () => {
    for (const ua of [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'curl/8.5.0',
    ]) {
      const e = event();
      const answer = await send([e], { headers: { 'user-agent': ua } });
      expect(answer).toMatchObject({ status: 202, body: { dropped: 'bot' } });
      expect(await stored([e.id])).toBe(0);
    }
  });

  it("refuses another site's page and a cross-site request with 403", async () => {
    const cases: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
    ];
    for (const headers of cases) {
      const e = event();
      const answer = await send([e], { headers });
      expect(answer.status).toBe(403);
      expect(await stored([e.id])).toBe(0);
    }
  });

  it('stores no IP and no User-Agent anywhere in the analytics schema', async () => {
    const ip = '203.0.113.99';
    const ua = `${CHROME} Marker/9.9`;
    await send([event({ name: 'page_view', path: '/volkov/marker' })], {
      ip,
      headers: { 'user-agent': ua },
    });
    const { rows: columns } = await db.query<{
      table_name: string;
      column_name: string;
      data_type: string;
    }>(
      `select table_name, column_name, data_type from information_schema.columns
        where table_schema = 'analytics'`,
    );
    expect(columns.length).toBeGreaterThan(0);
    for (const c of columns) {
      expect(c.data_type).not.toBe('inet');
      expect(c.column_name).not.toMatch(/(^|_)(ip|user_agent|ua|agent)(_|$)/);
    }
    const tables = [...new Set(columns.map((c) => c.table_name))];
    for (const table of tables) {
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from analytics.${table} t
          where t::text like '%' || $1 || '%' or t::text like '%Marker/9.9%'`,
        [ip],
      );
      expect({ table, n: rows[0]?.n }).toEqual({ table, n: 0 });
    }
    // the limits keep an hmac of the address, never the address
    const { rows: limits } = await db.query<{ n: number }>(
      `select count(*)::int as n from private.rate_limits where key like '%' || $1 || '%'`,
      [ip],
    );
    expect(limits[0]?.n).toBe(0);
  });

  it("a guest's checkout is attributed to the visitor who viewed the page", async () => {
    const ip = '203.0.113.150';
    const view = event({ name: 'page_view', path: '/volkov/attribution' });
    expect((await send([view], { ip })).body.accepted).toBe(1);
    const res = await fetch(`${api}/functions/v1/public-checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, 'user-agent': CHROME },
      body: JSON.stringify({
        productId: COURSE_PRODUCT,
        email: 'visitor-analytics@example.test',
        name: 'Гость',
        locale: 'ru',
      }),
    });
    expect(res.status).toBe(200);
    const { purchaseId } = (await res.json()) as { purchaseId: string };
    const { rows } = await db.query<{ same: boolean }>(
      `select a.visitor = e.visitor as same from analytics.attributions a, analytics.events e
        where a.subject_id = $1 and e.event_id = $2`,
      [purchaseId, view.id],
    );
    expect(rows).toEqual([{ same: true }]);
  });
});
