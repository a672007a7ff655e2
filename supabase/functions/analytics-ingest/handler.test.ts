// The ingest handler with a fake database: what reaches analytics_ingest, in what
// order the guards apply, and how the database's answer becomes the response.
import { describe, expect, it } from 'vitest';
import { handleAnalyticsIngest, normalizeOrigins } from './handler.ts';

const SITE = 'https://trackside.test';
const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

function event(n: number, extra: Record<string, unknown> = {}) {
  return {
    id: `5f0c4b3e-8a4e-4f57-9a58-${String(n).padStart(12, '0')}`,
    name: 'page_view',
    page: 'volkov',
    path: '/volkov',
    referrer: '',
    utm: {},
    at: '2026-12-06T12:00:00.000Z',
    ...extra,
  };
}

interface Call {
  fn: string;
  args: Record<string, unknown>;
}

function call(
  body: string | unknown,
  {
    headers = {},
    method = 'POST',
    answer = { accepted: 0, duplicates: 0, refused: [], retryAfter: null } as unknown,
  }: { headers?: Record<string, string>; method?: string; answer?: unknown } = {},
) {
  const calls: Call[] = [];
  const res = handleAnalyticsIngest(
    new Request(`${SITE}/api/analytics/events`, {
      method,
      headers: {
        'content-type': 'text/plain;charset=UTF-8',
        origin: SITE,
        'sec-fetch-site': 'same-origin',
        'user-agent': CHROME,
        'x-forwarded-for': '203.0.113.7, 10.0.0.1',
        ...headers,
      },
      ...(method === 'GET' ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    }),
    {
      origins: [SITE],
      rpc: (fn, args) => {
        calls.push({ fn, args });
        return Promise.resolve(answer);
      },
    },
  );
  return { res, calls };
}

async function json(
  res: Promise<Response>,
): Promise<{ status: number; body: unknown; r: Response }> {
  const r = await res;
  return { status: r.status, body: await r.json(), r };
}

describe('analytics-ingest handler', () => {
  it('passes the valid events, the address and the user agent to analytics_ingest', async () => {
    const { res, calls } = call([event(1), event(2)], {
      answer: { accepted: 1, duplicates: 1, refused: [], retryAfter: null },
    });
    const { status, body, r } = await json(res);
    expect(status).toBe(202);
    expect(body).toEqual({ accepted: 1, duplicates: 1, refused: [] });
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.fn).toBe('analytics_ingest');
    expect(calls[0]?.args['p_ip']).toBe('203.0.113.7');
    expect(calls[0]?.args['p_user_agent']).toBe(CHROME);
    expect(calls[0]?.args['p_events']).toEqual([
      { ...event(1), coach: null, offer: null },
      { ...event(2), coach: null, offer: null },
    ]);
  });

  it("refuses malformed events with reasons, keeps the rest and maps the database's indexes back", async () => {
    const { res, calls } = call([event(1), { ...event(2), id: 'nope' }, event(3), 'junk'], {
      answer: {
        accepted: 1,
        duplicates: 0,
        refused: [{ index: 1, reason: 'too_old' }],
        retryAfter: null,
      },
    });
    const { status, body } = await json(res);
    expect(status).toBe(202);
    expect((calls[0]?.args['p_events'] as unknown[]).length).toBe(2);
    expect(body).toEqual({
      accepted: 1,
      duplicates: 0,
      refused: [
        { index: 1, reason: expect.stringMatching(/^invalid id/) as unknown },
        { index: 2, reason: 'too_old' },
        { index: 3, reason: expect.stringMatching(/^invalid event/) as unknown },
      ],
    });
  });

  it('calls nothing when no event is valid', async () => {
    const { res, calls } = call([{ name: 'purchase' }]);
    const { status, body } = await json(res);
    expect(status).toBe(202);
    expect(body).toMatchObject({ accepted: 0, duplicates: 0 });
    expect(calls).toHaveLength(0);
  });

  it('answers 429 with Retry-After when the database says a limit is spent', async () => {
    const { res } = call([event(1)], {
      answer: { accepted: 0, duplicates: 0, refused: [], retryAfter: 37 },
    });
    const { status, body, r } = await json(res);
    expect(status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('37');
    expect(body).toMatchObject({ error: { code: 'too_many_requests' }, retryAfter: 37 });
  });

  it('drops a bot with 202 and writes nothing', async () => {
    for (const ua of ['HeadlessChrome/131.0', 'curl/8.5.0', '']) {
      const { res, calls } = call([event(1)], { headers: { 'user-agent': ua } });
      const { status, body } = await json(res);
      expect(status).toBe(202);
      expect(body).toEqual({ dropped: 'bot' });
      expect(calls).toHaveLength(0);
    }
  });

  it("refuses another site's page, a cross-site fetch and a request with no Origin", async () => {
    const cases: Record<string, string>[] = [
      { origin: 'https://evil.test' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: '' },
    ];
    for (const headers of cases) {
      const { res, calls } = call([event(1)], { headers });
      const { status, body } = await json(res);
      expect(status).toBe(403);
      expect(body).toMatchObject({ error: { code: 'forbidden_origin' } });
      expect(calls).toHaveLength(0);
    }
  });

  it('413 over 64 KiB or 50 events, 400 for what is not a JSON array, 405 for GET', async () => {
    const big = call([event(1, { path: `/${'x'.repeat(70 * 1024)}` })]);
    expect((await big.res).status).toBe(413);
    const many = call(Array.from({ length: 51 }, (_, i) => event(i)));
    expect((await many.res).status).toBe(413);
    const broken = await json(call('[{"id":').res);
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ error: { code: 'invalid_json' } });
    const object = await json(call({ events: [] }).res);
    expect(object.status).toBe(400);
    expect((await call(null, { method: 'GET' }).res).status).toBe(405);
    for (const c of [big, many]) expect(c.calls).toHaveLength(0);
  });

  it('reads the body whatever its content type', async () => {
    const { res, calls } = call([event(1)], { headers: { 'content-type': 'application/json' } });
    expect((await res).status).toBe(202);
    expect(calls).toHaveLength(1);
  });
});

describe('normalizeOrigins', () => {
  it('keeps origins only, from lists too, and leaves out what is not a URL', () => {
    expect(
      normalizeOrigins(['https://trackside.app/', undefined, 'http://a.test:8080/x, nope', '']),
    ).toEqual(['https://trackside.app', 'http://a.test:8080']);
  });
});
