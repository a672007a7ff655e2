import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pgtap } from '@electric-sql/pglite-pgtap';
import type { Database, Queryable, QueryResult } from './database.ts';
import { SerialQueue } from './serial-queue.ts';

export const pgliteExtensions = { pgcrypto, btree_gist, pgtap };

type PgliteLike = Pick<PGlite, 'query' | 'exec'> | Transaction;

function wrap(pg: PgliteLike): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> {
      const r = await pg.query<T>(sql, params);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await pg.exec(sql);
    },
  };
}

export interface PgliteOptions {
  /** persisted data folder; in memory when absent */
  dataDir?: string;
  /** a dumped data dir to start from (test templates) */
  loadDataDir?: Blob | File;
}

export async function openPglite(options: PgliteOptions = {}): Promise<PgliteDatabase> {
  // PGlite creates its own folder but not the ones above it (`.data` on a fresh clone)
  if (options.dataDir) await mkdir(dirname(options.dataDir), { recursive: true });
  const pg = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: pgliteExtensions,
  });
  // Supabase's default search_path, so `extensions.*` (pgcrypto, pgtap) resolve unqualified.
  await pg.exec(`set search_path to "$user", public, extensions`);
  return new PgliteDatabase(pg);
}

export class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  private readonly queue = new SerialQueue();
  private readonly direct: Queryable;

  constructor(readonly pg: PGlite) {
    this.direct = wrap(pg);
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
    return this.queue.run(() => this.direct.query<T>(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.queue.run(() => this.direct.exec(sql));
  }

  /** every statement's rows, for TAP output */
  execAll(sql: string): Promise<Record<string, unknown>[][]> {
    return this.queue.run(async () => (await this.pg.exec(sql)).map((r) => r.rows));
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.queue.run(() => this.pg.transaction((tx) => fn(wrap(tx))));
  }

  /** a gzipped copy of the data folder (used to clone migrated test databases) */
  dump(): Promise<Blob | File> {
    return this.queue.run(() => this.pg.dumpDataDir('gzip'));
  }

  close(): Promise<void> {
    return this.queue.run(() => this.pg.close());
  }
}
