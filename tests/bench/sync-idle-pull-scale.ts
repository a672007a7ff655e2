// sync.idle_pull_scale (issue 12 §5): an idle pull — nothing changed since the
// device's cursor — by the demo coach, who sees the seed's rows, against the same
// coach in the same seeded club topped up to 100,000 more rows the coach sees
// (1,000 athletes of their group, 99 past sessions, 99,000 marks), with 10,000
// more (100 athletes, 98 sessions, 9,800 marks) alongside for the notes. The
// three databases are timed round-robin in one run, as the device calls it:
// `sync_pull(cursor, 1000, client id)` as the signed-in coach, each time from the
// cursor the previous pull returned. ratio ≤ 1.3.
//
// PGlite by default (three in-process databases); with DATABASE_URL, three
// databases created beside it on that PostgreSQL server and dropped afterwards.
import type { Database, Queryable } from '../../supabase/local/db/database.ts';
import { openPostgres } from '../../supabase/local/db/postgres-database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { median, type BenchResult } from './bench-result.ts';

const coachId = 'd0000000-0000-4000-8000-000000000002';
const orgId = 'd1000000-0000-4000-8000-000000000001';
const groupId = 'd2000000-0000-4000-8000-000000000001';
const clientId = '00000000-0000-4000-8000-00000000c11e';

interface Size {
  label: string;
  athletes: number;
  sessions: number;
}
const sizes: Size[] = [
  { label: 'seed', athletes: 0, sessions: 0 },
  { label: '+10k', athletes: 100, sessions: 98 },
  { label: '+100k', athletes: 1_000, sessions: 99 },
];
const added = (s: Size) => s.athletes + s.sessions + s.athletes * s.sessions;

/** athletes in the coach's group, past sessions of it on days of their own, a mark for each pair */
async function topUp(db: Database, size: Size): Promise<void> {
  if (size.athletes === 0) return;
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into public.athletes (org_id, group_id, name, season, schedule, rank_start)
       select $1, $2, 'Нагрузка ' || lpad(n::text, 5, '0'), g.season, 'Пн 18:00, Ср 19:00', 'II юношеский разряд'
         from generate_series(1, $3::int) n, public.training_groups g where g.id = $2`,
      [orgId, groupId, size.athletes],
    );
    // long before the seed's four weeks, at 06:00: no clash with its sessions
    await tx.query(
      `insert into public.training_sessions (org_id, coach_id, group_id, kind, origin, local_date,
         time_zone, starts_at, ends_at, status, capacity, title)
       select $1, $2, $3, 'group', 'one_time_booking', d.day, 'Europe/Moscow',
              private.zoned_instant(d.day, '06:00', 'Europe/Moscow'),
              private.zoned_instant(d.day, '07:00', 'Europe/Moscow'), 'completed', 1000, 'Нагрузка'
         from (select (now() at time zone 'Europe/Moscow')::date - 100 - n as day
                 from generate_series(1, $4::int) n) d`,
      [orgId, coachId, groupId, size.sessions],
    );
    await tx.query(
      `insert into public.attendance (id, org_id, session_id, athlete_id, status, marked_by, marked_at)
       select private.attendance_id(s.id, a.id), s.org_id, s.id, a.id, 'present', $2, s.ends_at
         from public.training_sessions s
         join public.athletes a on a.group_id = s.group_id and a.name like 'Нагрузка %'
        where s.group_id = $1 and s.title = 'Нагрузка'`,
      [groupId, coachId],
    );
  });
  await db.exec('analyze');
}

async function asCoach(tx: Queryable): Promise<void> {
  await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
    JSON.stringify({ sub: coachId, role: 'authenticated', aud: 'authenticated' }),
  ]);
  await tx.exec('set local role authenticated');
}

interface Pulled {
  changes: unknown[];
  more: boolean;
  cursor: unknown;
  digests?: Record<string, unknown>;
}

/** one pull as the device makes it; returns the answer */
function pull(db: Database, cursor: unknown): Promise<Pulled> {
  return db.transaction(async (tx) => {
    await asCoach(tx);
    const r = await tx.query<{ p: Pulled }>(
      'select public.sync_pull($1::jsonb, 1000, $2::uuid) as p',
      [JSON.stringify(cursor), clientId],
    );
    const p = r.rows[0]?.p;
    if (!p) throw new Error('sync_pull answered nothing');
    return p;
  });
}

/** the number of rows the coach may see, every synced table */
async function visibleRows(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows: tables } = await tx.query<{ table_name: string }>(
      'select table_name from sync.tables order by pull_order',
    );
    await asCoach(tx);
    let n = 0;
    for (const t of tables) {
      const r = await tx.query<{ n: number }>(
        `select count(*)::int as n from public.${t.table_name} where deleted_at is null`,
      );
      n += r.rows[0]?.n ?? 0;
    }
    return n;
  });
}

interface Stack {
  dbs: Database[];
  close(): Promise<void>;
}

async function openDatabases(): Promise<Stack> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dbs: Database[] = [];
    for (let i = 0; i < sizes.length; i++) dbs.push(await createTestDatabase({ seed: true }));
    return { dbs, close: async () => void (await Promise.all(dbs.map((d) => d.close()))) };
  }
  // PostgreSQL: a database per size beside DATABASE_URL's, migrated and seeded
  const admin = openPostgres(url);
  const names = sizes.map((_, i) => `trackside_idle_pull_${i}`);
  const dbs: Database[] = [];
  try {
    for (const name of names) {
      await admin.exec(`drop database if exists ${name} with (force)`);
      await admin.exec(`create database ${name}`);
      const u = new URL(url);
      u.pathname = `/${name}`;
      process.env.DATABASE_URL = u.toString();
      dbs.push(await createTestDatabase({ seed: true }));
    }
  } finally {
    process.env.DATABASE_URL = url;
  }
  return {
    dbs,
    async close() {
      await Promise.all(dbs.map((d) => d.close()));
      for (const name of names) await admin.exec(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

interface Run {
  size: Size;
  db: Database;
  seen: number;
  cursor: unknown;
  samples: number[];
  digests: number;
}

export async function syncIdlePullScale(): Promise<BenchResult> {
  const stack = await openDatabases();
  try {
    const runs: Run[] = [];
    for (const [i, size] of sizes.entries()) {
      const db = stack.dbs[i];
      if (!db) throw new Error('a database per size');
      await topUp(db, size);
      // a device that has just synced: its cursor is the server's horizon
      const r = await db.query<{ x: string }>(
        'select pg_snapshot_xmin(pg_current_snapshot())::text as x',
      );
      runs.push({
        size,
        db,
        seen: await visibleRows(db),
        cursor: { from: r.rows[0]?.x },
        samples: [],
        digests: 0,
      });
    }
    const [seed, tenK, hundredK] = runs;
    if (!seed || !tenK || !hundredK) throw new Error('three sizes');
    for (const run of [tenK, hundredK]) {
      if (run.seen - seed.seen !== added(run.size))
        throw new Error(`the coach sees ${run.seen - seed.seen} more rows, not ${added(run.size)}`);
    }
    const rounds = 40;
    const warmup = 5;
    for (let round = 0; round < warmup + rounds; round++) {
      for (const run of runs) {
        const t = performance.now();
        const p = await pull(run.db, run.cursor);
        const ms = performance.now() - t;
        if (p.more || p.changes.length)
          throw new Error(`an idle pull sent changes (${run.size.label})`);
        run.cursor = p.cursor;
        run.digests = Math.max(run.digests, Object.keys(p.digests ?? {}).length);
        if (round >= warmup) run.samples.push(ms);
      }
    }
    const [a, b, c] = [seed, tenK, hundredK].map((run) => median(run.samples)) as [
      number,
      number,
      number,
    ];
    const ratio = c / a;
    const limit = 1.3;
    const notes = [
      `${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite'}; the coach sees ${runs.map((r) => r.seen).join(' / ')} rows (seed / +10k / +100k)`,
      `idle pull (median of ${rounds}): seed ${a.toFixed(2)} ms, +10k ${b.toFixed(2)} ms (ratio ${(b / a).toFixed(2)}), +100k ${c.toFixed(2)} ms`,
      `digests an idle pull computed, at most: ${runs.map((r) => r.digests).join(' / ')}`,
      ...(ratio > limit ? [`over the limit: ratio ${ratio.toFixed(2)} > ${limit}`] : []),
    ];
    return {
      name: 'sync.idle_pull_scale',
      unit: 'ms',
      value: c,
      baseline: "the same idle pull by the same coach seeing the seed's rows",
      baseline_value: a,
      ratio,
      limit,
      notes: notes.join('\n'),
    };
  } finally {
    await stack.close();
  }
}
