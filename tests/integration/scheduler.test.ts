// The local scheduler runs the jobs of private.scheduled_jobs when they are due
// (clock injected), as the owner and outside RLS, once per minute, and survives a
// failing job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { type Scheduler, createScheduler } from '../../supabase/local/scheduler.ts';

let db: Database;
let scheduler: Scheduler;
let clock = Date.parse('2026-11-22T12:04:30Z');
const logged: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  await db.exec(`
    create table public.gw_ticks (id serial primary key, at timestamptz not null default now());
    -- RLS on and no policy: only the owner can write, so a run proves who ran it
    alter table public.gw_ticks enable row level security;
    revoke all on public.gw_ticks from anon, authenticated;
    insert into private.scheduled_jobs (name, schedule, command) values
      ('gw-test-tick', '*/5 * * * *', 'insert into public.gw_ticks default values'),
      ('gw-test-broken', '*/5 * * * *', 'select 1 / 0'),
      ('gw-test-hourly', '0 * * * *', 'insert into public.gw_ticks default values');
  `);
  // on CI's PostgreSQL pg_cron runs the jobs; the runner is tested there all the same
  scheduler = await createScheduler({
    db,
    now: () => clock,
    log: (m) => logged.push(m),
    ignorePgCron: true,
  });
});
afterAll(async () => {
  await scheduler?.stop();
  await db?.close();
});

// the product's own jobs (from the migrations) may be due at the same minutes
const mine = (names: string[]) => names.filter((n) => n.startsWith('gw-test-'));
const ticks = async () =>
  Number(
    (await db.query<{ n: number }>('select count(*)::int as n from public.gw_ticks')).rows[0]?.n,
  );

describe('scheduler', () => {
  it('reads the single job definition, the migrations’ jobs included', () => {
    const names = scheduler.jobs.map((j) => j.name);
    expect(names).toEqual(
      expect.arrayContaining(['gw-test-tick', 'gw-test-broken', 'gw-test-hourly']),
    );
    expect(names).toContain('purge-dead-invitation-secrets');
    expect(scheduler.idle).toBe(false);
  });

  it('stays idle where pg_cron runs the same jobs, so nothing runs twice', async () => {
    const hasCron =
      (await db.query(`select 1 from pg_extension where extname = 'pg_cron'`)).rows.length > 0;
    const plain = await createScheduler({ db, log: () => undefined });
    expect(plain.idle).toBe(hasCron);
    expect(plain.jobs.length === 0).toBe(hasCron);
    await plain.stop();
  });

  it('runs nothing before a job is due', async () => {
    expect(mine(await scheduler.tick())).toEqual([]);
    expect(await ticks()).toBe(0);
  });

  it('runs due jobs as the owner, logs the failing one and carries on', async () => {
    clock = Date.parse('2026-11-22T12:05:10Z');
    expect(mine(await scheduler.tick())).toEqual(['gw-test-tick']);
    expect(await ticks()).toBe(1);
    expect(logged).toContain('job gw-test-broken failed');
  });

  it('runs a job once per minute however often it ticks', async () => {
    clock = Date.parse('2026-11-22T12:05:50Z');
    expect(await scheduler.tick()).toEqual([]);
    clock = Date.parse('2026-11-22T12:06:00Z');
    expect(mine(await scheduler.tick())).toEqual([]);
    expect(await ticks()).toBe(1);
  });

  it('runs every job due in the same minute', async () => {
    clock = Date.parse('2026-11-22T13:00:05Z');
    expect(mine(await scheduler.tick())).toEqual(['gw-test-hourly', 'gw-test-tick']);
    expect(await ticks()).toBe(3);
  });
});
