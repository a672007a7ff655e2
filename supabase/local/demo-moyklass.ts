// The demo's Moyklass: the fake company API the proxy's tests use (built to the
// documented contract: getToken, x-access-token, 7 requests per second, paging,
// both date-filter forms) behind a local HTTP port, filled with subscriptions
// of the demo club's linked athletes (supabase/seed.sql, moyklass_user_id
// 1002301…1002319) around the season of `now`. The demo API key is seeded into
// private.moyklass_credentials (server-side only); the app never sees it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeMoyklass, type FakeSubscription } from './stand-ins/fake-moyklass.ts';
import { serveNode } from './server.ts';

/** the key supabase/seed.sql stores for the demo club (never sent to a browser) */
export const DEMO_MOYKLASS_API_KEY = 'demo-moyklass-api-key-trackside';

export interface DemoMoyklass {
  /** e.g. http://127.0.0.1:41234 (the proxy's MOYKLASS_BASE_URL) */
  url: string;
  fake: FakeMoyklass;
  close(): Promise<void>;
}

/**
 * The first year of the season (1 September → 31 August) that `now` falls in, on
 * the demo club's calendar (Europe/Moscow), as the app and supabase/seed.sql read
 * it: in UTC the new season would start three hours late, and for those hours the
 * roster would ask for one season while this data sat in the one before.
 */
function seasonStartYear(now: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Moscow',
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return month >= 9 ? year : year - 1;
}

/**
 * Who has what: most linked athletes hold a subscription this season (one frozen,
 * one unlimited), two only had one last season, two have none at all.
 */
export function demoSubscriptions(now: number): FakeSubscription[] {
  const y = seasonStartYear(now);
  const sub = (
    id: number,
    userId: number,
    statusId: FakeSubscription['statusId'],
    begin: string,
    end: string,
    visitCount: number,
    visited: number,
    price: number,
  ): FakeSubscription => ({
    id,
    userId,
    subscriptionId: visitCount === 0 ? 12 : 11,
    externalId: `ЛТ-${id}`,
    statusId,
    sellDate: begin,
    beginDate: begin,
    endDate: end,
    visitCount,
    price,
    stats: { totalPayed: price, totalVisited: visited },
  });
  return [
    sub(70001, 1002301, 2, `${y}-09-01`, `${y + 1}-05-31`, 64, 21, 24000),
    sub(70002, 1002302, 2, `${y}-09-15`, `${y + 1}-05-31`, 48, 12, 19000),
    sub(70003, 1002304, 4, `${y - 1}-09-01`, `${y}-05-31`, 64, 60, 22000),
    sub(70004, 1002306, 3, `${y}-10-01`, `${y + 1}-06-30`, 32, 5, 12000),
    sub(70005, 1002311, 2, `${y}-09-01`, `${y + 1}-08-31`, 0, 40, 36000),
    sub(70006, 1002312, 4, `${y - 1}-09-01`, `${y}-08-31`, 0, 80, 34000),
    sub(70007, 1002314, 2, `${y}-09-01`, `${y + 1}-08-31`, 0, 45, 36000),
    sub(70008, 1002319, 2, `${y}-09-01`, `${y + 1}-08-31`, 0, 50, 36000),
  ];
}

/** starts the demo Moyklass on a free port of 127.0.0.1 */
export async function startDemoMoyklass(now: () => number = Date.now): Promise<DemoMoyklass> {
  const fake = new FakeMoyklass(now, { apiKey: DEMO_MOYKLASS_API_KEY });
  fake.subscriptions = demoSubscriptions(now());
  const log = (m: string, e?: unknown) => console.error(`[moyklass demo] ${m}`, e ?? '');
  const server = http.createServer((incoming, outgoing) => {
    void serveNode(
      incoming,
      outgoing,
      async (req) => {
        const res = await fake.fetch(req.url.href, {
          method: req.method,
          headers: req.headers,
          ...(req.method === 'GET' || req.method === 'HEAD'
            ? {}
            : { body: new Uint8Array(req.body) }),
        });
        // the fake keeps every request for tests; the demo runs for days
        fake.log.splice(0, Math.max(0, fake.log.length - 100));
        const headers: Record<string, string> = {};
        res.headers.forEach((v, k) => (headers[k] = v));
        return { status: res.status, headers, body: new Uint8Array(await res.arrayBuffer()) };
      },
      64 * 1024,
      log,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    fake,
    close: () =>
      new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
