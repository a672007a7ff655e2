// moyklass-proxy against a real migrated database and the fake Moyklass server:
// who may sync, what is stored per athlete and season, and that a failure
// anywhere stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMoyklassProxyHandler } from '../../supabase/functions/moyklass-proxy/handler.ts';
import {
  RateLimiter,
  memoryTokenCache,
} from '../../supabase/functions/moyklass-proxy/moyklass-client.ts';
import type { Database } from '../../supabase/local/db/database.ts';
import { sqlRpc } from '../../supabase/local/db/sql-rpc.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { FakeMoyklass, fakeSubscription } from '../../supabase/local/stand-ins/fake-moyklass.ts';
import {
  ATHLETE_1,
  ATHLETE_2,
  ATHLETE_UNLINKED,
  BUYER,
  COACH_A,
  COACH_B,
  MOYKLASS_KEY,
  ORG_A,
  OWNER_A,
  seedMoney,
} from './money-fixtures.ts';

const tokens: Record<string, string> = {
  'coach-a': COACH_A,
  'owner-a': OWNER_A,
  athlete: BUYER,
  'coach-b': COACH_B,
};

let db: Database;
const clock = { t: Date.parse('2025-11-01T09:00:00Z') };
const now = () => clock.t;
const sleep = async (ms: number) => {
  clock.t += ms;
};
const fake = new FakeMoyklass(now, { apiKey: MOYKLASS_KEY });
let handler: (req: Request) => Promise<Response>;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedMoney(db);
  const limiter = new RateLimiter(7, now, sleep);
  handler = createMoyklassProxyHandler({
    authenticate: async (token) => tokens[token] ?? null,
    rpc: sqlRpc(db),
    fetch: (input, init) => fake.fetch(input, init),
    now,
    sleep,
    random: () => 0,
    moyklassBaseUrl: 'https://moyklass.test',
    tokenCache: memoryTokenCache(),
    limiterFor: () => limiter,
  });
  fake.subscriptions.push(
    fakeSubscription({ id: 1, userId: 501, beginDate: '2025-09-01', endDate: '2025-12-31' }),
    fakeSubscription({ id: 2, userId: 501, beginDate: '2024-09-01', endDate: '2025-05-31' }),
    fakeSubscription({ id: 3, userId: 502, beginDate: '2026-03-01', endDate: null, visitCount: 0 }),
  );
});

afterAll(async () => {
  await db?.close();
});

async function sync(
  token: string | null,
  body: Record<string, unknown> = { orgId: ORG_A, season: '2025-2026' },
) {
  const res = await handler(
    new Request('http://local/moyklass-proxy', {
      method: 'POST',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    }),
  );
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as Record<string, unknown> };
}

interface SnapshotRow {
  athlete_id: string;
  season: string;
  has_subscription: boolean;
  subscriptions: { moyklassId: number; status: string; visitsLeft: number | null }[];
  fetched_at: string;
  xid: string;
}

async function snapshots(): Promise<SnapshotRow[]> {
  return (
    await db.query<SnapshotRow>(
      `select athlete_id, season, has_subscription, subscriptions, fetched_at::text, xid::text
         from public.moyklass_snapshots order by athlete_id, season`,
    )
  ).rows;
}

describe('moyklass-proxy on the database', () => {
  it('refuses anonymous callers, athletes and staff of another organization, storing nothing', async () => {
    expect((await sync(null)).status).toBe(401);
    expect((await sync('athlete')).status).toBe(403);
    expect((await sync('coach-b')).status).toBe(403);
    expect(fake.log).toHaveLength(0);
    expect(await snapshots()).toEqual([]);
  });

  it('stores the season snapshot of each linked athlete and answers the same data', async () => {
    const res = await sync('coach-a');
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(MOYKLASS_KEY);
    const body = res.body as {
      athletes: { athleteId: string; subscriptions: { moyklassId: number }[] }[];
      unlinked: string[];
    };
    expect(
      body.athletes.map((a) => [a.athleteId, a.subscriptions.map((s) => s.moyklassId)]),
    ).toEqual([
      [ATHLETE_1, [1]],
      [ATHLETE_2, [3]],
    ]);
    expect(body.unlinked).toEqual([ATHLETE_UNLINKED]);
    const rows = await snapshots();
    expect(
      rows.map((r) => [
        r.athlete_id,
        r.season,
        r.has_subscription,
        r.subscriptions.map((s) => s.moyklassId),
      ]),
    ).toEqual([
      [ATHLETE_1, '2025-2026', true, [1]],
      [ATHLETE_2, '2025-2026', true, [3]],
    ]);
    expect(rows[0]?.subscriptions[0]).toMatchObject({ status: 'active', visitsLeft: 5 });
  });

  it('stores nothing when the second athlete’s answer is malformed', async () => {
    const before = await snapshots();
    fake.subscriptions.push(
      fakeSubscription({ id: 4, userId: 501, beginDate: '2026-01-01', endDate: '2026-06-30' }),
    );
    fake.inject({
      match: (p, url) =>
        p.endsWith('/userSubscriptions') && url.searchParams.get('userId') === '502',
      status: 200,
      body: { subscriptions: [{ id: 3, userId: 502 }], stats: { totalItems: 1 } },
    });
    const res = await sync('coach-a');
    expect(res.status).toBe(502);
    expect(res.body).toEqual({
      error: {
        code: 'moyklass_bad_response',
        message:
          'Moyklass answered /v1/company/userSubscriptions in an unexpected shape; nothing was stored',
      },
    });
    expect(await snapshots()).toEqual(before);
  });

  it('stores nothing when the CRM plan refuses (402)', async () => {
    const before = await snapshots();
    fake.planRestricted = true;
    const res = await sync('owner-a');
    fake.planRestricted = false;
    expect(res.status).toBe(402);
    expect(await snapshots()).toEqual(before);
  });

  it('pages past 500 records and survives a token expiring mid-run', async () => {
    for (let i = 0; i < 1200; i++) {
      fake.subscriptions.push(
        fakeSubscription({
          id: 1000 + i,
          userId: 502,
          beginDate: '2025-10-01',
          endDate: '2025-10-31',
          statusId: 4,
        }),
      );
    }
    let expired = false;
    fake.inject({
      match: (p, url) => {
        if (
          !expired &&
          p.endsWith('/userSubscriptions') &&
          url.searchParams.get('offset') === '500'
        ) {
          expired = true;
          fake.expireAllTokens();
        }
        return false;
      },
      status: 0,
    });
    const tokensBefore = fake.tokensIssued;
    const res = await sync('owner-a', {
      orgId: ORG_A,
      season: '2025-2026',
      athleteIds: [ATHLETE_2],
    });
    expect(res.status).toBe(200);
    expect(fake.tokensIssued).toBe(tokensBefore + 1);
    const row = (await snapshots()).find((r) => r.athlete_id === ATHLETE_2);
    expect(row?.subscriptions).toHaveLength(1201);
    expect(fake.maxRequestsPerSecond()).toBeLessThanOrEqual(7);
  });

  it('shows the athlete their own snapshot and nothing of others, through rls', async () => {
    const seen = await db.transaction(async (tx) => {
      await tx.query(`select set_config('role', 'authenticated', true)`);
      await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify({ sub: BUYER, role: 'authenticated' }),
      ]);
      return (
        await tx.query<{ athlete_id: string }>(`select athlete_id from public.moyklass_snapshots`)
      ).rows;
    });
    expect(seen).toEqual([{ athlete_id: ATHLETE_1 }]);
  });
});
