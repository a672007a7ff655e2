// analytics.ingest (issue 15): page events per second through the ingest
// function on the local stack — HTTP to the gateway, analytics-ingest's checks
// and zod validation, then public.analytics_ingest through the stack's data API
// (PostgREST's stand-in): the page lookup, limits, 10-second view rule and
// exactly-once insert — against inserting the same events directly through the
// same stack: one POST of the batch to the data API into a table shaped like
// analytics.events with its event id as primary key, the path a client would have
// with no function at all. Same run, same database, alternating rounds.
// `analytics.ingest_sql` shows the harder comparison too, with no limit: the
// function against an in-process SQL insert with no HTTP at all (on PGlite the
// stack's fixed cost per request — two HTTP hops, a transaction, the function's
// catalog lookup — is several times a 30-row insert).
// Batches of 30, not the tracker's largest (50): one address may add at most 30
// events a minute, so a batch of 50 from one address keeps only 30 whatever the
// bench does; each batch comes from its own x-forwarded-for, so the per-IP limit
// is counted on every batch and never throttles. Batches go one after another
// (PGlite is one connection). The per-site limit (6,000 a minute per coach) is
// left on and counted too; its counter is reset between rounds, outside the timed
// part. Distinct paths keep the 10-second view rule from refusing events: every
// side stores every event.
// ratio = function time / direct time (lower is better); limit ≤ 3.
import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { createGatewayWithFunctions } from '../../supabase/local/local-functions.ts';
import { median, type BenchResult } from './bench-result.ts';

const SITE = 'http://127.0.0.1:47990';
const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const batchSize = 30;
const batchesPerRound = 20;
const rounds = 5;
const limit = 3;

interface BenchEvent {
  id: string;
  name: 'page_view';
  page: string;
  path: string;
  referrer: string;
  utm: { source: string };
  at: string;
}

export async function analyticsIngest(): Promise<BenchResult[]> {
  const db = await createTestDatabase({ seed: true });
  const fns = await createGatewayWithFunctions({ db, siteUrl: SITE, log: () => undefined });
  try {
    const api = await fns.gateway.listen(0);
    // the direct path's table: analytics.events' columns, the event id its key
    await db.exec(`
      create table public.bench_direct_events (like analytics.events including defaults);
      alter table public.bench_direct_events add primary key (event_id);
      alter table public.bench_direct_events enable row level security;
      grant insert on public.bench_direct_events to service_role;
    `);
    const serviceKey = fns.gateway.serviceKey;
    const { rows } = await db.query<{ org_id: string; coach_id: string; now: string }>(
      `select org_id, coach_id, now()::text as now from public.coach_pages where slug = 'volkov'`,
    );
    const page = rows[0];
    if (!page) throw new Error('no published page volkov: is supabase/seed.sql loaded?');
    let n = 0;
    let ip = 0;
    const batch = (): BenchEvent[] =>
      Array.from({ length: batchSize }, () => ({
        id: randomUUID(),
        name: 'page_view',
        page: 'volkov',
        path: `/volkov/bench/${++n}`,
        referrer: 'https://t.me/',
        utm: { source: 'bench' },
        at: new Date().toISOString(),
      }));

    const viaFunction = async (events: BenchEvent[]) => {
      ip += 1;
      const res = await fetch(`${api}/functions/v1/analytics-ingest`, {
        method: 'POST',
        headers: {
          'content-type': 'text/plain;charset=UTF-8',
          origin: SITE,
          'user-agent': CHROME,
          'x-forwarded-for': `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`,
        },
        body: JSON.stringify(events),
      });
      const body = (await res.json()) as { accepted?: number };
      if (res.status !== 202 || body.accepted !== events.length) {
        throw new Error(`the function kept ${body.accepted} of ${events.length}: ${res.status}`);
      }
    };
    const direct = async (events: BenchEvent[]) => {
      const res = await fetch(`${api}/rest/v1/bench_direct_events`, {
        method: 'POST',
        headers: {
          apikey: serviceKey,
          authorization: `Bearer ${serviceKey}`,
          'content-type': 'application/json',
          prefer: 'return=minimal',
        },
        body: JSON.stringify(
          events.map((e) => ({
            event_id: e.id,
            org_id: page.org_id,
            coach_id: page.coach_id,
            name: e.name,
            source: 'beacon',
            occurred_at: e.at,
            visitor: 42,
            path: e.path,
            referrer_domain: 't.me',
            utm_source: e.utm.source,
          })),
        ),
      });
      if (res.status !== 201)
        throw new Error(`the direct insert answered ${res.status}: ${await res.text()}`);
    };
    const inSql = async (events: BenchEvent[]) => {
      await db.query(
        `with incoming as (
           select (e->>'id')::uuid as id, e->>'name' as name, e->>'path' as path,
                  (e->>'at')::timestamptz as at
             from jsonb_array_elements($1::jsonb) e),
         taken as (
           insert into analytics.event_ids (event_id) select id from incoming
           on conflict (event_id) do nothing returning event_id)
         insert into analytics.events (event_id, org_id, coach_id, name, source, occurred_at,
           received_at, visitor, path, referrer_domain, utm_source)
         select i.id, $2, $3, i.name, 'beacon', i.at, now(), 42, i.path, 't.me', 'bench'
           from incoming i join taken t on t.event_id = i.id`,
        [JSON.stringify(events), page.org_id, page.coach_id],
      );
    };
    // not compared, only shown: the function's database work alone, without HTTP
    // and the local stack's PostgREST stand-in in between
    const rpcInSql = async (events: BenchEvent[]) => {
      ip += 1;
      await db.query(`select public.analytics_ingest($1::jsonb, $2, $3)`, [
        JSON.stringify(events),
        `10.255.${(ip >> 8) & 255}.${ip & 255}`,
        CHROME,
      ]);
    };
    const resetSiteLimit = () =>
      db.query(`delete from private.rate_limits where key like 'analytics:site:%'`);

    const timeRound = async (send: (events: BenchEvent[]) => Promise<void>) => {
      const batches = Array.from({ length: batchesPerRound }, batch);
      const t = performance.now();
      for (const b of batches) await send(b);
      return performance.now() - t;
    };

    // warm-up: the function's handler is built and the plans are cached
    await viaFunction(batch());
    await direct(batch());
    await inSql(batch());
    const fnRuns: number[] = [];
    const directRuns: number[] = [];
    const sqlRuns: number[] = [];
    const rpcRuns: number[] = [];
    for (let r = 0; r < rounds; r++) {
      await resetSiteLimit();
      fnRuns.push(await timeRound(viaFunction));
      directRuns.push(await timeRound(direct));
      sqlRuns.push(await timeRound(inSql));
      await resetSiteLimit();
      rpcRuns.push(await timeRound(rpcInSql));
    }
    const events = batchSize * batchesPerRound;
    const fnMs = median(fnRuns);
    const directMs = median(directRuns);
    const sqlMs = median(sqlRuns);
    const perSecond = (ms: number) => events / (ms / 1000);
    const shared = [
      `${rounds} rounds of ${batchesPerRound} batches × ${batchSize} events, median round; ratio = time through the function / time of the other`,
      `function rounds (ms): ${fnRuns.map((ms) => ms.toFixed(0)).join(', ')}`,
      `direct, data API rounds (ms): ${directRuns.map((ms) => ms.toFixed(0)).join(', ')}`,
      `direct, in-process SQL rounds (ms): ${sqlRuns.map((ms) => ms.toFixed(0)).join(', ')}`,
      `analytics_ingest called in SQL, no HTTP (ms): ${rpcRuns.map((ms) => ms.toFixed(0)).join(', ')}` +
        ` — median ${(median(rpcRuns) / sqlMs).toFixed(2)}× the in-process insert`,
      'per-IP limit: a distinct x-forwarded-for per batch; per-site limit: counted, reset between rounds',
    ];
    return [
      {
        name: 'analytics.ingest',
        unit: 'events/s',
        value: perSecond(fnMs),
        baseline: `the same events inserted directly through the stack's data API (batches of ${batchSize})`,
        baseline_value: perSecond(directMs),
        ratio: fnMs / directMs,
        limit,
        notes: shared.join('\n'),
      },
      {
        name: 'analytics.ingest_sql',
        unit: 'events/s',
        value: perSecond(fnMs),
        baseline: `the same events inserted by in-process SQL, no HTTP (batches of ${batchSize})`,
        baseline_value: perSecond(sqlMs),
        ratio: fnMs / sqlMs,
      },
    ];
  } finally {
    await fns.close();
    await db.close();
  }
}
