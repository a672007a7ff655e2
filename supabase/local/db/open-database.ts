import type { Database } from './database.ts';
import { openPglite } from './pglite-database.ts';
import { openPostgres } from './postgres-database.ts';

export interface OpenOptions {
  /** PGlite data folder; in memory when absent and no url */
  dataDir?: string;
  /** a real Postgres; wins over dataDir */
  url?: string;
}

/** PGlite by default, node-postgres when a url (or DATABASE_URL) is given. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) return openPostgres(url);
  return openPglite(options.dataDir ? { dataDir: options.dataDir } : {});
}
