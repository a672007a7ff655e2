// The local stand-in for pg_cron: the jobs come from the same single definition
// (private.scheduled_jobs, filled by a migration that also registers them with
// pg_cron where it exists). Read once at start; every UTC minute the due commands
// run as the database owner (not through RLS), each in its own transaction. A
// failing job is logged and the others still run. Where pg_cron is installed it
// runs the jobs and this scheduler stays idle, so nothing runs twice.
import type { Database } from './db/database.ts';
import { type CronSchedule, cronMatches, parseCron } from './cron-expression.ts';

export interface ScheduledJob {
  name: string;
  schedule: string;
  command: string;
  cron: CronSchedule;
}

export interface SchedulerOptions {
  db: Database;
  now?: () => number;
  log?: (message: string, error?: unknown) => void;
  /** run the jobs even where pg_cron is installed (tests of the runner itself) */
  ignorePgCron?: boolean;
}

export interface Scheduler {
  readonly jobs: readonly ScheduledJob[];
  /** pg_cron runs the jobs on this database */
  readonly idle: boolean;
  /** runs the jobs due in the UTC minute of `at`; returns the names that succeeded */
  runDue(at: Date): Promise<string[]>;
  /** runs the jobs due now, once per minute however often it is called */
  tick(): Promise<string[]>;
  /** a timer at every minute boundary */
  start(): void;
  stop(): Promise<void>;
}

const MINUTE = 60_000;

async function loadJobs(
  db: Database,
  log: NonNullable<SchedulerOptions['log']>,
): Promise<ScheduledJob[]> {
  const exists = await db.query<{ ok: boolean }>(
    `select to_regclass('private.scheduled_jobs') is not null as ok`,
  );
  if (!exists.rows[0]?.ok) {
    log('no private.scheduled_jobs table: nothing to schedule');
    return [];
  }
  const rows = await db.query<{ name: string; schedule: string; command: string }>(
    'select name, schedule, command from private.scheduled_jobs order by name',
  );
  const jobs: ScheduledJob[] = [];
  for (const row of rows.rows) {
    try {
      jobs.push({ ...row, cron: parseCron(row.schedule) });
    } catch (e) {
      log(`job ${row.name} skipped`, e);
    }
  }
  return jobs;
}

export async function createScheduler(options: SchedulerOptions): Promise<Scheduler> {
  const { db } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((m, e) => console.error(`[scheduler] ${m}`, e ?? ''));
  const cron = await db.query(`select 1 from pg_extension where extname = 'pg_cron'`);
  const idle = cron.rows.length > 0 && options.ignorePgCron !== true;
  const jobs = idle ? [] : await loadJobs(db, log);
  const running = new Set<string>();
  let lastMinute = -1;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let inFlight: Promise<unknown> = Promise.resolve();

  async function runJob(job: ScheduledJob): Promise<boolean> {
    // pg_cron does not start a job while its previous run is still going
    if (running.has(job.name)) {
      log(`job ${job.name} still running; this run is skipped`);
      return false;
    }
    running.add(job.name);
    try {
      await db.transaction((tx) => tx.exec(job.command));
      return true;
    } catch (e) {
      log(`job ${job.name} failed`, e);
      return false;
    } finally {
      running.delete(job.name);
    }
  }

  async function runDue(at: Date): Promise<string[]> {
    const done: string[] = [];
    for (const job of jobs) {
      if (cronMatches(job.cron, at) && (await runJob(job))) done.push(job.name);
    }
    return done;
  }

  async function tick(): Promise<string[]> {
    const minute = Math.floor(now() / MINUTE);
    if (minute === lastMinute) return [];
    lastMinute = minute;
    return runDue(new Date(minute * MINUTE));
  }

  function arm(): void {
    if (stopped) return;
    // a little past the boundary, so the clock has surely reached the new minute
    const wait = MINUTE - (now() % MINUTE) + 50;
    timer = setTimeout(() => {
      inFlight = tick().finally(arm);
    }, wait);
    // the servers keep the process alive; the scheduler alone must not
    timer.unref();
  }

  return {
    jobs,
    idle,
    runDue,
    tick,
    start() {
      if (idle) {
        log('pg_cron is installed and runs the jobs; the local scheduler stays idle');
        return;
      }
      if (timer === null && jobs.length > 0) arm();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await inFlight.catch(() => undefined);
    },
  };
}
