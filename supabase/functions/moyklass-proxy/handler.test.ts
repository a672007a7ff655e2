import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallerLimiter } from '../_shared/rate-limit.ts';
import { RpcError, type Rpc } from '../_shared/rpc.ts';
import { FakeMoyklass, fakeSubscription } from '../../local/stand-ins/fake-moyklass.ts';
import { RateLimiter, memoryTokenCache } from './moyklass-client.ts';
import { type MoyklassProxyDeps, createMoyklassProxyHandler } from './handler.ts';

const ORG = '00000000-0000-4000-9000-00000000000a';
const COACH = '00000000-0000-4000-8000-0000000000a2';
const ATHLETE_1 = '00000000-0000-4000-a000-0000000000a3';
const ATHLETE_2 = '00000000-0000-4000-a000-0000000000a4';

interface Stored {
  fn: string;
  args: Record<string, unknown>;
}

/** an in-memory stand-in for the two SQL functions (the SQL itself is tested by pgTAP and the integration test) */
function setup(options: { staff?: boolean; connected?: boolean; perMinute?: number } = {}) {
  const clock = { t: Date.parse('2025-10-01T09:00:00Z') };
  const now = () => clock.t;
  const sleep = async (ms: number) => {
    clock.t += ms;
  };
  const fake = new FakeMoyklass(now);
  const stored: Stored[] = [];
  const rpc: Rpc = async (fn, args) => {
    if (fn === 'moyklass_prepare') {
      if (options.staff === false)
        throw new RpcError(
          '42501',
          'only coaches and admins of the organization may sync moyklass',
          null,
          false,
        );
      if (options.connected === false) {
        throw new RpcError(
          'P0001',
          'moyklass is not connected for this organization',
          'moyklass_not_connected',
          false,
        );
      }
      return {
        apiKey: fake.apiKey,
        athletes: [
          { athleteId: ATHLETE_1, moyklassUserId: 501 },
          { athleteId: ATHLETE_2, moyklassUserId: 502 },
        ],
        unlinked: [],
      };
    }
    stored.push({ fn, args });
    return { stored: 2 };
  };
  const deps: MoyklassProxyDeps = {
    authenticate: async (token) => (token === 'coach-token' ? COACH : null),
    rpc,
    fetch: (input, init) => fake.fetch(input, init),
    now,
    sleep,
    random: () => 0,
    moyklassBaseUrl: 'https://moyklass.test',
    tokenCache: memoryTokenCache(),
    limiterFor: () => new RateLimiter(7, now, sleep),
    ...(options.perMinute
      ? { callerLimiter: new CallerLimiter(options.perMinute, 60_000, now) }
      : {}),
  };
  const handler = createMoyklassProxyHandler(deps);
  const call = (
    body: unknown,
    init: { token?: string | null; method?: string; type?: string } = {},
  ) =>
    handler(
      new Request('http://local/functions/v1/moyklass-proxy', {
        method: init.method ?? 'POST',
        headers: {
          ...(init.token === null
            ? {}
            : { authorization: `Bearer ${init.token ?? 'coach-token'}` }),
          'content-type': init.type ?? 'application/json',
        },
        ...(init.method === 'GET'
          ? {}
          : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    );
  return { fake, stored, call };
}

const request = { orgId: ORG, season: '2025-2026' };

async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

/** an error answer: its status and its machine code */
async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(await errorCode(res)).toBe(code);
}

function seedSeason(fake: FakeMoyklass) {
  fake.subscriptions.push(
    // athlete 1: in season, ended before it, started after it, open-ended from before it
    fakeSubscription({ id: 1, userId: 501, beginDate: '2025-09-10', endDate: '2025-12-10' }),
    fakeSubscription({ id: 2, userId: 501, beginDate: '2024-09-01', endDate: '2025-08-31' }),
    fakeSubscription({ id: 3, userId: 501, beginDate: '2026-09-01', endDate: '2026-12-31' }),
    fakeSubscription({ id: 4, userId: 501, beginDate: '2024-01-10', endDate: null, visitCount: 0 }),
    // athlete 2: straddles the season's end; frozen
    fakeSubscription({
      id: 5,
      userId: 502,
      beginDate: '2026-08-01T00:00:00+03:00',
      endDate: '2026-10-01',
      statusId: 3,
      visitCount: 12,
      stats: { totalPayed: 6000, totalVisited: 5 },
    }),
    // someone else
    fakeSubscription({ id: 6, userId: 999 }),
  );
}

describe('moyklass-proxy handler', () => {
  it('answers the season overlap per athlete and stores the same snapshot', async () => {
    const { fake, stored, call } = setup();
    seedSeason(fake);
    const res = await call(request);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      seasonStart: string;
      seasonEnd: string;
      athletes: { athleteId: string; subscriptions: { moyklassId: number }[] }[];
    };
    expect(body.seasonStart).toBe('2025-09-01');
    expect(body.seasonEnd).toBe('2026-08-31');
    expect(
      body.athletes.map((a) => [a.athleteId, a.subscriptions.map((s) => s.moyklassId)]),
    ).toEqual([
      [ATHLETE_1, [4, 1]],
      [ATHLETE_2, [5]],
    ]);
    expect(body.athletes[1]?.subscriptions[0]).toEqual({
      moyklassId: 5,
      moyklassUserId: 502,
      externalId: null,
      typeId: 10,
      status: 'frozen',
      beginDate: '2026-08-01',
      endDate: '2026-10-01',
      visitCount: 12,
      visitsLeft: 7,
      price: 4000,
      paid: 6000,
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.fn).toBe('moyklass_store_snapshot');
    expect(stored[0]?.args.p_season).toBe('2025-2026');
    const payload = stored[0]?.args.p_payload as {
      athleteIds: string[];
      snapshots: { athleteId: string; moyklassId: number }[];
    };
    expect(payload.athleteIds).toEqual([ATHLETE_1, ATHLETE_2]);
    expect(payload.snapshots.map((s) => [s.athleteId, s.moyklassId])).toEqual([
      [ATHLETE_1, 4],
      [ATHLETE_1, 1],
      [ATHLETE_2, 5],
    ]);
    // the server-side half of the filter travelled as a range on beginDate
    const sent = fake.log.find((r) => r.path === '/v1/company/userSubscriptions');
    expect(sent?.url.searchParams.get('beginDate')).toBe('1970-01-01,2026-08-31');
  });

  it('never puts the API key or the token in a response', async () => {
    const { fake, call } = setup();
    seedSeason(fake);
    const ok = await (await call(request)).text();
    fake.planRestricted = true;
    const refused = await (await call(request)).text();
    for (const text of [ok, refused]) {
      expect(text).not.toContain(fake.apiKey);
      expect(text).not.toContain('tok-');
    }
  });

  it('stores nothing when an answer is malformed', async () => {
    const { fake, stored, call } = setup();
    seedSeason(fake);
    fake.inject({
      match: (p, url) =>
        p.endsWith('/userSubscriptions') && url.searchParams.get('userId') === '502',
      status: 200,
      body: {
        subscriptions: [{ id: 5, userId: 502, statusId: 2, beginDate: 'yesterday' }],
        stats: { totalItems: 1 },
      },
    });
    const res = await call(request);
    await expectError(res, 502, 'moyklass_bad_response');
    expect(stored).toEqual([]);
  });

  it('reports 402 as the CRM plan not allowing this', async () => {
    const { fake, stored, call } = setup();
    fake.planRestricted = true;
    const res = await call(request);
    expect(res.status).toBe(402);
    expect(await res.json()).toEqual({
      error: { code: 'crm_plan_restriction', message: 'The CRM plan does not allow this' },
    });
    expect(stored).toEqual([]);
  });

  it('answers 503 with Retry-After when Moyklass stays down', async () => {
    const { fake, stored, call } = setup();
    fake.inject({ match: (p) => p.endsWith('/userSubscriptions'), status: 503, times: 100 });
    const res = await call(request);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(stored).toEqual([]);
  });

  it('answers 502 when the organization key is refused', async () => {
    const { fake, call } = setup();
    fake.inject({
      match: (p) => p.endsWith('/getToken'),
      status: 401,
      body: { code: 'Unauthorized', message: 'x' },
    });
    const res = await call(request);
    await expectError(res, 502, 'moyklass_auth');
  });

  it('refuses callers without a valid token (401) and non-staff (403)', async () => {
    expect((await setup().call(request, { token: null })).status).toBe(401);
    expect((await setup().call(request, { token: 'forged' })).status).toBe(401);
    const res = await setup({ staff: false }).call(request);
    await expectError(res, 403, 'forbidden');
  });

  it('says when Moyklass is not connected (409)', async () => {
    const res = await setup({ connected: false }).call(request);
    await expectError(res, 409, 'moyklass_not_connected');
  });

  it('validates the input with JSON errors', async () => {
    const { call } = setup();
    const bad = async (body: unknown, init?: { method?: string; type?: string }) => {
      const res = await call(body, init);
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(json.error.message).not.toMatch(/at .*\.ts/);
      return [res.status, json.error.code];
    };
    expect(await bad({ orgId: 'x', season: '2025-2026' })).toEqual([400, 'invalid_request']);
    expect(await bad({ orgId: ORG, season: '2025-2027' })).toEqual([400, 'invalid_request']);
    expect(await bad({ orgId: ORG, season: 2025 })).toEqual([400, 'invalid_request']);
    expect(await bad({ ...request, extra: 1 })).toEqual([400, 'invalid_request']);
    expect(await bad('{not json')).toEqual([400, 'invalid_json']);
    expect(await bad(request, { type: 'text/plain' })).toEqual([415, 'unsupported_media_type']);
    expect(await bad({ ...request, athleteIds: ['x'.repeat(70_000)] })).toEqual([
      413,
      'payload_too_large',
    ]);
    expect(await bad(undefined, { method: 'GET' })).toEqual([405, 'method_not_allowed']);
  });

  it('answers any body it cannot use with a 4xx JSON error, never a 500 or a stack', async () => {
    const { call, stored } = setup();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.string()), async (body) => {
        const res = await call(body);
        const text = await res.text();
        expect([400, 413, 415].includes(res.status) || res.status === 200).toBe(true);
        expect(() => JSON.parse(text) as unknown).not.toThrow();
        expect(text).not.toMatch(/\.ts:\d+|at [A-Za-z]+ \(/);
      }),
      { numRuns: 200 },
    );
    expect(stored.every((s) => s.fn === 'moyklass_store_snapshot')).toBe(true);
  });

  it('limits how often one user may sync (429 with Retry-After)', async () => {
    const { fake, call } = setup({ perMinute: 2 });
    seedSeason(fake);
    expect((await call(request)).status).toBe(200);
    expect((await call(request)).status).toBe(200);
    const limited = await call(request);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await errorCode(limited)).toBe('too_many_requests');
  });

  it('answers the CORS preflight', async () => {
    const { call } = setup();
    const res = await call(undefined, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
  });
});
