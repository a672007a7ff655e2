// sync.concurrent_devices (issue 12 §5): 200 devices at once — 20 clubs of 10
// coaches, each coach's phone back online with 20 athletes added offline — each
// pushing its 20 edits (`sync_push`) and pulling (`sync_pull` from the cursor it
// held before, asking for the table it wrote, as the engine does), through the
// gateway on PostgreSQL 15, against 200 concurrent PostgREST inserts of the same
// rows (one request of 20 rows per coach) through the same gateway. Rounds
// alternate; each is checked afterwards: 0 errors, every row stored once with
// the values sent, every device's sequence at 20. ratio ≤ 3.
//
// PostgreSQL only (PGlite runs one statement at a time: concurrency there proves
// nothing): without DATABASE_URL the bench says so and reports nothing.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { DEFAULT_JWT_SECRET, signHs256 } from '../../supabase/local/keys.ts';
import { createServer } from '../../supabase/local/server.ts';
import { median, type BenchResult } from './bench-result.ts';

const clubs = 20;
const coachesPerClub = 10;
const edits = 20;
const existingPerGroup = 20;
const season = '2026-2027';
const schedule = 'Вт 18:30, Чт 18:30';

interface Device {
  n: number;
  userId: string;
  orgId: string;
  groupId: string;
  token: string;
}

const uuidOf = (prefix: string, n: number) =>
  `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

async function populate(db: Database): Promise<Device[]> {
  const devices: Device[] = [];
  for (let c = 0; c < clubs; c++) {
    for (let k = 0; k < coachesPerClub; k++) {
      const n = c * coachesPerClub + k;
      devices.push({
        n,
        userId: uuidOf('c0000000', n + 1),
        orgId: uuidOf('c1000000', c + 1),
        groupId: uuidOf('c2000000', n + 1),
        token: '',
      });
    }
  }
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into auth.users (id, email, aud, role, raw_user_meta_data, created_at, updated_at)
       select d.id, 'bench-device-' || d.n || '@trackside.test', 'authenticated', 'authenticated',
              jsonb_build_object('display_name', 'Тренер ' || d.n), now(), now()
         from unnest($1::uuid[], $2::int[]) as d(id, n)`,
      [devices.map((d) => d.userId), devices.map((d) => d.n)],
    );
    await tx.query(
      `insert into public.organizations (id, name, slug)
       select o, 'Клуб ' || i, 'bench-devices-' || i from unnest($1::uuid[]) with ordinality as x(o, i)`,
      [[...new Set(devices.map((d) => d.orgId))]],
    );
    await tx.query(
      `insert into public.memberships (org_id, user_id, role)
       select o, u, 'coach' from unnest($1::uuid[], $2::uuid[]) as x(o, u)`,
      [devices.map((d) => d.orgId), devices.map((d) => d.userId)],
    );
    await tx.query(
      `insert into public.training_groups (id, org_id, name, season)
       select g, o, 'Группа ' || i, $3 from unnest($1::uuid[], $2::uuid[]) with ordinality as x(g, o, i)`,
      [devices.map((d) => d.groupId), devices.map((d) => d.orgId), season],
    );
    await tx.query(
      `insert into public.training_group_coaches (org_id, group_id, user_id)
       select o, g, u from unnest($1::uuid[], $2::uuid[], $3::uuid[]) as x(o, g, u)`,
      [devices.map((d) => d.orgId), devices.map((d) => d.groupId), devices.map((d) => d.userId)],
    );
    await tx.query(
      `insert into public.athletes (org_id, group_id, name, season, schedule, rank_start)
       select o, g, 'Спортсмен ' || i || '.' || n, $4, 'Пн 18:00, Ср 19:00', 'II юношеский разряд'
         from unnest($1::uuid[], $2::uuid[], $3::int[]) as x(o, g, i), generate_series(1, $5::int) n`,
      [
        devices.map((d) => d.orgId),
        devices.map((d) => d.groupId),
        devices.map((d) => d.n),
        season,
        existingPerGroup,
      ],
    );
  });
  await db.exec('analyze');
  const exp = Math.floor(Date.now() / 1000) + 3600;
  for (const d of devices) {
    d.token = signHs256(
      { sub: d.userId, role: 'authenticated', aud: 'authenticated', exp },
      DEFAULT_JWT_SECRET,
    );
  }
  return devices;
}

/** the rows a device adds offline in a round: names say who and when */
function rowsOf(d: Device, tag: string): Record<string, unknown>[] {
  return Array.from({ length: edits }, (_, i) => ({
    id: randomUUID(),
    org_id: d.orgId,
    group_id: d.groupId,
    name: `${tag} ${d.n}.${i + 1}`,
    season,
    schedule,
    rank_start: 'III юношеский разряд',
  }));
}

export async function syncConcurrentDevices(): Promise<BenchResult[]> {
  if (!process.env.DATABASE_URL) {
    console.log(
      'sync.concurrent_devices: skipped — it needs PostgreSQL 15 (set DATABASE_URL; PGlite runs one statement at a time)',
    );
    return [];
  }
  const db = await createTestDatabase();
  const gateway = createServer({ db, log: () => undefined });
  try {
    const devices = await populate(db);
    const url = await gateway.listen(0, '127.0.0.1');
    const errors: string[] = [];
    const call = async (d: Device, path: string, body: unknown, prefer?: string) => {
      const res = await fetch(`${url}/rest/v1/${path}`, {
        method: 'POST',
        headers: {
          apikey: gateway.anonKey,
          authorization: `Bearer ${d.token}`,
          'content-type': 'application/json',
          ...(prefer ? { prefer } : {}),
        },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) errors.push(`${path} ${res.status} ${text.slice(0, 200)}`);
      return text ? (JSON.parse(text) as unknown) : null;
    };

    /** every device pushes its 20 inserts, then pulls from the cursor it held */
    const deviceRound = async (tag: string): Promise<{ ms: number; clients: string[] }> => {
      const horizon = await db.query<{ x: string }>(
        'select pg_snapshot_xmin(pg_current_snapshot())::text as x',
      );
      const from = horizon.rows[0]?.x;
      const clients = devices.map(() => randomUUID());
      const t = performance.now();
      await Promise.all(
        devices.map(async (d, i) => {
          const clientId = clients[i];
          const mutations = rowsOf(d, tag).map(({ id, ...fields }, k) => ({
            seq: k + 1,
            table: 'athletes',
            id,
            op: 'insert',
            fields,
          }));
          const pushed = (await call(d, 'rpc/sync_push', {
            p_client_id: clientId,
            p_mutations: mutations,
          })) as { last_seq?: number; results?: { status: string }[] } | null;
          const refused = pushed?.results?.filter((r) => r.status !== 'applied').length ?? edits;
          if (pushed?.last_seq !== edits || refused)
            errors.push(`device ${d.n}: last_seq ${pushed?.last_seq}, ${refused} not applied`);
          let cursor: unknown = { from };
          for (;;) {
            const page = (await call(d, 'rpc/sync_pull', {
              p_cursor: cursor,
              p_limit: 5000,
              p_client_id: clientId,
              p_check: ['athletes'],
            })) as { more?: boolean; cursor?: unknown } | null;
            if (!page?.more) break;
            cursor = page.cursor;
          }
        }),
      );
      return { ms: performance.now() - t, clients };
    };

    /** the same rows, one PostgREST insert per coach, all at once */
    const baselineRound = async (tag: string): Promise<number> => {
      const t = performance.now();
      await Promise.all(devices.map((d) => call(d, 'athletes', rowsOf(d, tag), 'return=minimal')));
      return performance.now() - t;
    };

    /** every row once, with the values sent; every device's sequence at 20 */
    const check = async (tag: string, clients?: string[]) => {
      const r = await db.query<{ n: number; names: number; wrong: number }>(
        `select count(*)::int as n, count(distinct name)::int as names,
                count(*) filter (where schedule is distinct from $2 or season is distinct from $3
                  or group_id::text <> 'c2000000-0000-4000-8000-' || lpad(to_hex(split_part(split_part(name, ' ', 2), '.', 1)::int + 1), 12, '0'))::int as wrong
           from public.athletes where name like $1 || ' %' and deleted_at is null`,
        [tag, schedule, season],
      );
      const row = r.rows[0];
      const want = devices.length * edits;
      if (row?.n !== want || row.names !== want || row.wrong !== 0)
        errors.push(
          `${tag}: ${row?.n} rows, ${row?.names} names, ${row?.wrong} wrong (want ${want})`,
        );
      if (clients) {
        const s = await db.query<{ n: number }>(
          'select count(*)::int as n from sync.clients where client_id = any ($1::uuid[]) and last_seq = $2',
          [clients, edits],
        );
        if (s.rows[0]?.n !== devices.length)
          errors.push(`${tag}: ${s.rows[0]?.n} devices at seq ${edits} (want ${devices.length})`);
      }
    };

    const syncs: number[] = [];
    const inserts: number[] = [];
    const rounds = 3;
    for (let r = 0; r <= rounds; r++) {
      const d = await deviceRound(`D${r}`);
      await check(`D${r}`, d.clients);
      const b = await baselineRound(`B${r}`);
      await check(`B${r}`);
      if (r > 0) {
        // round 0 warms both up
        syncs.push(d.ms);
        inserts.push(b);
      }
    }
    const value = median(syncs);
    const baseline = median(inserts);
    const ratio = value / baseline;
    const limit = 3;
    const notes = [
      `${devices.length} devices (${clubs} clubs × ${coachesPerClub} coaches), ${edits} inserts each: sync_push + sync_pull per device`,
      `sync rounds (ms): ${syncs.map((ms) => ms.toFixed(0)).join(', ')}`,
      `insert rounds (ms): ${inserts.map((ms) => ms.toFixed(0)).join(', ')}`,
      `errors: ${errors.length}${errors.length ? ` — ${errors.slice(0, 5).join('; ')}` : ''}`,
      ...(ratio > limit ? [`over the limit: ratio ${ratio.toFixed(2)} > ${limit}`] : []),
    ];
    if (errors.length) {
      // BenchResult has no error budget: fail the run the way an over-limit ratio does
      console.error(`sync.concurrent_devices: ${errors.length} errors`);
      process.exitCode = 1;
    }
    return [
      {
        name: 'sync.concurrent_devices',
        unit: 's',
        value: value / 1000,
        baseline: `${devices.length} concurrent PostgREST inserts of the same ${edits} rows each`,
        baseline_value: baseline / 1000,
        ratio,
        limit,
        notes: notes.join('\n'),
      },
    ];
  } finally {
    await gateway.close();
    await db.close();
  }
}
