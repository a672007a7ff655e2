// The sync benchmarks' page: the app's real engine (src/data) against the gateway,
// driven from tests/bench/sync-*.ts through the `window.runBench…` functions.
// Every figure is timed here, in the browser, so IndexedDB and fetch are real.
import { apiRequests } from './count-fetch.ts';
import { Dexie } from 'dexie';
import { applyLocalChange } from '../../../src/data/apply-local-change.ts';
import { createSupabaseTransport } from '../../../src/data/create-supabase-transport.ts';
import { openUserDatabase, UserDatabase } from '../../../src/data/open-user-database.ts';
import { loadSupabase } from '../../../src/data/supabase-client.ts';
import { syncOnce } from '../../../src/data/sync-once.ts';
import type { SyncRow } from '../../../src/domain/sync-outbox.ts';
import { median } from '../bench-result.ts';

export interface PullFigures {
  /** median ms: a fresh user database and its first sync */
  value: number;
  /** median ms: a fresh database of the same schema and `bulkPut` of the same rows */
  baseline: number;
  rows: number;
  requests: number;
  reconciled: string[];
}

export interface PushFigures {
  /** median ms: the sync that flushes the queued edits (push, then the pull that follows) */
  value: number;
  /** median ms: one PostgREST insert of the same number of rows */
  baseline: number;
  requests: number;
  pushRequests: number;
  pullRequests: number;
  /** median ms of queuing the edits offline (not part of either figure) */
  queue: number;
  /** median ms of a sync with nothing queued and nothing new: the flush's fixed cost */
  idle: number;
  /** every round's ms, flush and baseline, in the order they ran */
  runs: number[];
  baselineRuns: number[];
}

export interface PushOptions {
  rounds: number;
  edits: number;
  pageSize: number;
  orgId: string;
  groupIds: string[];
}

declare global {
  interface Window {
    runBenchSignIn(email: string, password: string): Promise<string>;
    runBenchInitialPull(options: {
      rounds: number;
      pageSize: number;
      expectedRows: number;
    }): Promise<PullFigures>;
    runBenchPush(options: PushOptions): Promise<PushFigures>;
  }
}

// a user id no one signs in as: the baseline's database of the same schema
const baselineUserId = '00000000-0000-4000-8000-0000000ba5e0';
const supabase = await loadSupabase();
const transport = createSupabaseTransport(supabase);

async function signedInUser(): Promise<string> {
  const user = await transport.currentUser();
  if (!user) throw new Error('sign in first');
  return user;
}

async function freshDatabase(userId: string): Promise<void> {
  await Dexie.delete(UserDatabase.nameFor(userId));
}

window.runBenchSignIn = async (email, password) => {
  const { data, error } = await supabase.auth.signInWithPassword({ email, password });
  if (error) throw new Error(`sign-in failed: ${error.message}`);
  return data.user.id;
};

window.runBenchInitialPull = async ({ rounds, pageSize, expectedRows }) => {
  const userId = await signedInUser();
  let snapshot: [string, SyncRow[]][] = [];
  let requests = 0;
  let reconciled: string[] = [];
  const pull = async (): Promise<number> => {
    await freshDatabase(userId);
    const before = apiRequests();
    const t = performance.now();
    const db = await openUserDatabase(userId);
    const summary = await syncOnce(db, transport, { pageSize });
    const ms = performance.now() - t;
    requests = apiRequests() - before;
    reconciled = summary.pull.reconciled;
    if (summary.pull.rows !== expectedRows) {
      throw new Error(`the first sync pulled ${summary.pull.rows} rows, not ${expectedRows}`);
    }
    if (snapshot.length === 0) {
      // the rows the baseline stores: exactly what the sync stored
      snapshot = await Promise.all(
        db.synced.map(async (t): Promise<[string, SyncRow[]]> => [
          t.name,
          await db.store(t.name).toArray(),
        ]),
      );
    }
    db.close();
    return ms;
  };
  const bulkPut = async (): Promise<number> => {
    await freshDatabase(baselineUserId);
    const t = performance.now();
    const db = await openUserDatabase(baselineUserId);
    for (const [table, rows] of snapshot) if (rows.length) await db.store(table).bulkPut(rows);
    const ms = performance.now() - t;
    db.close();
    return ms;
  };
  await pull(); // warm-up, and the snapshot
  await bulkPut();
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    as.push(await pull());
    bs.push(await bulkPut());
  }
  await freshDatabase(baselineUserId);
  const rows = snapshot.reduce((n, [, r]) => n + r.length, 0);
  return { value: median(as), baseline: median(bs), rows, requests, reconciled };
};

function athletes(n: number, options: PushOptions, tag: string): SyncRow[] {
  return Array.from({ length: n }, (_, i) => ({
    id: crypto.randomUUID(),
    org_id: options.orgId,
    group_id: options.groupIds[i % options.groupIds.length] ?? null,
    name: `Новичок ${tag} ${String(i + 1).padStart(4, '0')}`,
    season: '2026-2027',
    status: 'active',
    schedule: 'Вт 17:30, Чт 17:30',
    rank_start: 'Без разряда',
  }));
}

window.runBenchPush = async (options) => {
  const userId = await signedInUser();
  await freshDatabase(userId);
  const db = await openUserDatabase(userId);
  try {
    // the device is already in sync: the flush's pull is an incremental one
    await syncOnce(db, transport, { pageSize: options.pageSize });
    let round = 0;
    let requests = 0;
    let pushRequests = 0;
    let pullRequests = 0;
    const queues: number[] = [];
    const flush = async (): Promise<number> => {
      round++;
      const q = performance.now();
      for (const row of athletes(options.edits, options, `s${round}`)) {
        await applyLocalChange(db, { table: 'athletes', op: 'insert', row });
      }
      queues.push(performance.now() - q);
      const before = apiRequests();
      const t = performance.now();
      const summary = await syncOnce(db, transport, { pageSize: options.pageSize });
      const ms = performance.now() - t;
      requests = apiRequests() - before;
      pushRequests = summary.push.requests;
      pullRequests = summary.pull.requests;
      if (summary.push.applied !== options.edits || summary.push.rejected !== 0) {
        throw new Error(
          `flush applied ${summary.push.applied} and rejected ${summary.push.rejected} of ${options.edits}`,
        );
      }
      if ((await db.outbox.count()) !== 0)
        throw new Error('the outbox is not empty after the flush');
      return ms;
    };
    const insert = async (): Promise<number> => {
      round++;
      const rows = athletes(options.edits, options, `d${round}`);
      const t = performance.now();
      const { error } = await supabase.from('athletes').insert(rows);
      const ms = performance.now() - t;
      if (error) throw new Error(`direct insert failed: ${error.message}`);
      // not timed: bring the inserted rows down, so the next flush pulls only its own
      const caughtUp = await syncOnce(db, transport, { pageSize: options.pageSize });
      if (caughtUp.pull.rows !== options.edits) {
        throw new Error(`catching up pulled ${caughtUp.pull.rows} rows, not ${options.edits}`);
      }
      return ms;
    };
    await flush(); // warm-up
    await insert();
    const idleSync = async (): Promise<number> => {
      const t = performance.now();
      const summary = await syncOnce(db, transport, { pageSize: options.pageSize });
      const ms = performance.now() - t;
      if (summary.pull.rows !== 0) throw new Error(`an idle sync pulled ${summary.pull.rows} rows`);
      return ms;
    };
    const as: number[] = [];
    const bs: number[] = [];
    const idles: number[] = [];
    for (let i = 0; i < options.rounds; i++) {
      as.push(await flush());
      bs.push(await insert());
      idles.push(await idleSync());
    }
    return {
      idle: median(idles),
      value: median(as),
      baseline: median(bs),
      requests,
      pushRequests,
      pullRequests,
      queue: median(queues),
      runs: as,
      baselineRuns: bs,
    };
  } finally {
    db.close();
    await freshDatabase(userId);
  }
};
