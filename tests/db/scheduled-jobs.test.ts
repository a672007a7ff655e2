// One definition of the scheduled jobs (private.scheduled_jobs): on a server with
// pg_cron (CI's PostgreSQL 15, Supabase) the migrations must have registered every
// row with cron.schedule; the local stack's scheduler reads the same table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';

interface Job {
  name: string;
  schedule: string;
  command: string;
}

describe('scheduled jobs', () => {
  let db: Database;
  let hasCron = false;

  beforeAll(async () => {
    db = await createTestDatabase();
    const r = await db.query(`select 1 from pg_extension where extname = 'pg_cron'`);
    hasCron = r.rows.length > 0;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('defines at least the housekeeping and session generation jobs', async () => {
    const jobs = await db.query<Job>('select name, schedule, command from private.scheduled_jobs');
    expect(jobs.rows.length).toBeGreaterThanOrEqual(2);
    for (const job of jobs.rows) expect(job.schedule.split(/\s+/)).toHaveLength(5);
  });

  it('registers every job with pg_cron where pg_cron is loaded', async (ctx) => {
    if (!hasCron) {
      ctx.skip('pg_cron is not loaded here (PGlite); CI runs this on PostgreSQL 15');
      return;
    }
    const defined = await db.query<Job>(
      'select name, schedule, command from private.scheduled_jobs order by name',
    );
    const scheduled = await db.query<Job>(
      'select jobname as name, schedule, command from cron.job order by jobname',
    );
    expect(scheduled.rows).toEqual(defined.rows);
  });

  it('runs every job command without error', async () => {
    const jobs = await db.query<Job>(
      'select name, command from private.scheduled_jobs order by name',
    );
    for (const job of jobs.rows) {
      await expect(db.exec(job.command), job.name).resolves.toBeUndefined();
    }
  });
});
