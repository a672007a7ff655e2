import { describe, expect, it } from 'vitest';
import { FakeMoyklass, fakeSubscription } from '../../local/stand-ins/fake-moyklass.ts';
import { subscriptionsByBeginDate } from '../../local/stand-ins/fake-moyklass-fixtures.ts';
import {
  MoyklassClient,
  MoyklassError,
  type MoyklassOptions,
  RateLimiter,
  type TokenCache,
  memoryTokenCache,
} from './moyklass-client.ts';
import { userSubscriptionSchema } from './subscriptions.ts';

const BASE = 'https://moyklass.test';
const PATH = '/v1/company/userSubscriptions';

/** virtual time: sleeping advances the clock, so retries and throttling cost nothing */
function setup(options: MoyklassOptions = {}, cache: TokenCache = memoryTokenCache()) {
  const clock = { t: Date.parse('2025-10-01T09:00:00Z'), slept: [] as number[] };
  const now = () => clock.t;
  const sleep = async (ms: number) => {
    clock.slept.push(ms);
    clock.t += Math.max(ms, 0);
  };
  const fake = new FakeMoyklass(now);
  const makeClient = (key = fake.apiKey) =>
    new MoyklassClient(
      key,
      'org-1',
      {
        fetch: (input, init) => fake.fetch(input, init),
        now,
        sleep,
        random: () => 0,
        baseUrl: BASE,
        tokenCache: cache,
        limiter: new RateLimiter(7, now, sleep),
      },
      { maxAttempts: 6, ...options },
    );
  return { fake, clock, client: makeClient(), makeClient, cache };
}

function seed(fake: FakeMoyklass, n: number, userId = 501) {
  for (let i = 1; i <= n; i++) fake.subscriptions.push(fakeSubscription({ id: i, userId }));
}

const list = (client: MoyklassClient, query: Record<string, string | number | string[]> = {}) =>
  client.listAll(PATH, { userId: 501, ...query }, 'subscriptions', userSubscriptionSchema);

async function failure(p: Promise<unknown>): Promise<MoyklassError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof MoyklassError) return e;
    throw e;
  }
  throw new Error('expected a MoyklassError');
}

describe('MoyklassClient', () => {
  it('authenticates with getToken and sends x-access-token, never Authorization', async () => {
    const { fake, client } = setup();
    seed(fake, 2);
    let sawAuthorization = false;
    let token: string | null = null;
    const inner = fake.fetch;
    fake.fetch = async (input, init) => {
      const req = new Request(input, init);
      if (req.headers.has('authorization')) sawAuthorization = true;
      if (new URL(req.url).pathname === PATH) token = req.headers.get('x-access-token');
      return inner(req);
    };
    expect(await list(client)).toHaveLength(2);
    expect(sawAuthorization).toBe(false);
    expect(token).toBe('tok-1');
    expect(fake.log.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/company/auth/getToken',
      `GET ${PATH}`,
    ]);
  });

  it('pages with limit=500 until stats.totalItems (1203 records → 3 pages)', async () => {
    const { fake, client } = setup();
    seed(fake, 1203);
    const subs = await list(client);
    expect(subs.map((s) => s.id)).toEqual(Array.from({ length: 1203 }, (_, i) => i + 1));
    const pages = fake.log.filter((r) => r.path === PATH);
    expect(
      pages.map((r) => [r.url.searchParams.get('limit'), r.url.searchParams.get('offset')]),
    ).toEqual([
      ['500', '0'],
      ['500', '500'],
      ['500', '1000'],
    ]);
  });

  it('never exceeds 7 requests per second, so the server never answers 429', async () => {
    const { fake, client, clock } = setup();
    seed(fake, 500 * 20 + 1); // 21 pages
    const start = clock.t;
    expect(await list(client)).toHaveLength(10_001);
    expect(fake.log).toHaveLength(22);
    expect(fake.log.every((r) => r.status === 200)).toBe(true);
    expect(fake.maxRequestsPerSecond()).toBe(7);
    // 22 requests at 7 per second take at least 3 seconds
    expect(clock.t - start).toBeGreaterThanOrEqual(3000);
  });

  it('reuses the cached token across clients and renews it shortly before expiresAt', async () => {
    const cache = memoryTokenCache();
    const { fake, clock, makeClient } = setup({ refreshMarginMs: 60_000 }, cache);
    seed(fake, 1);
    await list(makeClient());
    await list(makeClient());
    expect(fake.tokensIssued).toBe(1);
    clock.t += fake.tokenTtlMs - 30_000; // inside the margin: renew before using it
    await list(makeClient());
    expect(fake.tokensIssued).toBe(2);
    expect(fake.log.filter((r) => r.status === 401)).toHaveLength(0);
  });

  it('re-authenticates once when the token expires mid-run', async () => {
    const { fake, client } = setup();
    seed(fake, 1100);
    let expired = false;
    fake.inject({
      // a side effect, not a fault: before the second page, every token dies (once)
      match: (path, url) => {
        if (!expired && path === PATH && url.searchParams.get('offset') === '500') {
          expired = true;
          fake.expireAllTokens();
        }
        return false;
      },
      status: 0,
    });
    expect(await list(client)).toHaveLength(1100);
    expect(fake.tokensIssued).toBe(2);
    expect(fake.log.map((r) => r.status)).toEqual([200, 200, 401, 200, 200, 200]);
  });

  it('gives up after one re-authentication when 401 persists', async () => {
    const { fake, client } = setup();
    seed(fake, 1);
    fake.inject({
      match: (p) => p === PATH,
      status: 401,
      body: { code: 'Unauthorized', message: 'no' },
      times: 5,
    });
    const e = await failure(list(client));
    expect(e.kind).toBe('auth');
    expect(fake.tokensIssued).toBe(2);
    expect(fake.log.filter((r) => r.path === PATH)).toHaveLength(2);
  });

  it('reports a refused API key as an auth error without retrying', async () => {
    const { fake, makeClient } = setup();
    const e = await failure(list(makeClient('wrong-key')));
    expect(e.kind).toBe('auth');
    expect(e.message).not.toContain('wrong-key');
    expect(fake.log).toHaveLength(1);
  });

  it('retries a burst of 429 with backoff (honouring Retry-After), then succeeds', async () => {
    const { fake, client, clock } = setup();
    seed(fake, 3);
    fake.inject({
      match: (p) => p === PATH,
      status: 429,
      headers: { 'retry-after': '2' },
      times: 2,
    });
    fake.inject({ match: (p) => p === PATH, status: 429, times: 2 });
    expect(await list(client)).toHaveLength(3);
    expect(fake.log.filter((r) => r.path === PATH).map((r) => r.status)).toEqual([
      429, 429, 429, 429, 200,
    ]);
    // Retry-After 2 s twice, then exponential backoff 2 s (attempt 3) and 4 s (attempt 4)
    expect(clock.slept).toEqual([2000, 2000, 2000, 4000]);
  });

  it('stops after the last attempt when 429 never ends', async () => {
    const { fake, client } = setup({ maxAttempts: 4 });
    seed(fake, 1);
    fake.inject({ match: (p) => p === PATH, status: 429, times: 100 });
    const e = await failure(list(client));
    expect(e.kind).toBe('unavailable');
    expect(e.upstreamStatus).toBe(429);
    expect(fake.log.filter((r) => r.path === PATH)).toHaveLength(4);
  });

  it('retries 5xx and network failures, then succeeds', async () => {
    const { fake, client } = setup();
    seed(fake, 1);
    fake.inject({ match: (p) => p === PATH, status: 502, times: 1 });
    fake.inject({
      match: (p) => p === PATH,
      status: 500,
      body: { code: 'Internal', message: 'x' },
      times: 1,
    });
    let dropped = false;
    const inner = fake.fetch;
    fake.fetch = async (input, init) => {
      if (!dropped) {
        dropped = true;
        throw new TypeError('fetch failed');
      }
      return inner(input, init);
    };
    expect(await list(client)).toHaveLength(1);
    expect(fake.log.filter((r) => r.path === PATH).map((r) => r.status)).toEqual([502, 500, 200]);
  });

  it('also retries the token request on 5xx', async () => {
    const { fake, client } = setup();
    seed(fake, 1);
    fake.inject({ match: (p) => p.endsWith('/getToken'), status: 503, times: 2 });
    expect(await list(client)).toHaveLength(1);
    expect(fake.tokensIssued).toBe(1);
  });

  it('reports 402 as the CRM plan not allowing this, without retrying', async () => {
    const { fake, client } = setup();
    seed(fake, 1);
    fake.planRestricted = true;
    const e = await failure(list(client));
    expect(e.kind).toBe('plan');
    expect(e.message).toBe('The CRM plan does not allow this');
    expect(fake.log.filter((r) => r.path === PATH)).toHaveLength(1);
  });

  it('rejects a malformed page, an item that breaks the contract and a short count', async () => {
    const one = setup();
    seed(one.fake, 600);
    one.fake.malformedAtOffset = { offset: 500, body: { subscriptions: 'nope', stats: {} } };
    expect((await failure(list(one.client))).kind).toBe('bad_response');

    const two = setup();
    seed(two.fake, 1);
    two.fake.inject({
      match: (p) => p === PATH,
      status: 200,
      body: { subscriptions: [{ id: 'x', userId: 501, statusId: 9 }], stats: { totalItems: 1 } },
    });
    expect((await failure(list(two.client))).kind).toBe('bad_response');

    const three = setup();
    three.fake.inject({
      match: (p) => p === PATH,
      status: 200,
      body: { subscriptions: [], stats: { totalItems: 3 } },
    });
    expect((await failure(list(three.client))).kind).toBe('bad_response');

    const four = setup();
    four.fake.inject({ match: (p) => p === PATH, status: 200, body: undefined });
    expect((await failure(list(four.client))).kind).toBe('bad_response');
  });

  it('maps other 4xx to a rejection carrying only the documented error code', async () => {
    const { fake, client } = setup();
    fake.inject({
      match: (p) => p === PATH,
      status: 400,
      body: { code: 'RequestValidationError', message: 'secret details', meta: { a: 1 } },
    });
    const e = await failure(list(client));
    expect(e.kind).toBe('rejected');
    expect(e.upstreamCode).toBe('RequestValidationError');
    expect(e.message).not.toContain('secret details');
  });

  describe('date filters', () => {
    const subs = subscriptionsByBeginDate();

    for (const form of ['comma', 'repeat'] as const) {
      it(`sends a range in the ${form} form and the server applies it`, async () => {
        const { fake, client } = setup({ dateFilterForm: form });
        fake.subscriptions.push(...subs);
        const got = await list(client, {
          beginDate: client.dateFilter('2025-01-01', '2026-08-31'),
        });
        expect(got.map((s) => s.id)).toEqual([2]);
        const sent = fake.log.find((r) => r.path === PATH)?.url.searchParams.getAll('beginDate');
        expect(sent).toEqual(
          form === 'comma' ? ['2025-01-01,2026-08-31'] : ['2025-01-01', '2026-08-31'],
        );
        const exact = await list(client, { beginDate: client.dateFilter('2024-09-01') });
        expect(exact.map((s) => s.id)).toEqual([1]);
      });
    }
  });
});

describe('RateLimiter', () => {
  it('lets 7 starts through per second, in order', async () => {
    let t = 0;
    const starts: number[] = [];
    const limiter = new RateLimiter(
      7,
      () => t,
      async (ms) => {
        t += ms;
      },
    );
    await Promise.all(
      Array.from({ length: 15 }, () => limiter.acquire().then(() => starts.push(t))),
    );
    expect(starts).toEqual([0, 0, 0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 2000]);
  });
});
