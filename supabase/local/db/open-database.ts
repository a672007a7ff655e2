import type { Database } from './database.ts';
import { openPglite } from './pglite-database.ts';
import { openPostgres } from './postgres-database.ts';

export interface OpenOptions {
  /** PGlite data folder; in memory when absent and no url */
  dataDir?: string;
  /** a real Postgres (e.g. DATABASE_URL); wins over dataDir */
  url?: string;
}

/**
 * PGlite by default, node-postgres when a url is given. The caller decides (it
 * reads DATABASE_URL itself), so a test can ask for PGlite even where CI sets it.
 */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.dataDir ? { dataDir: options.dataDir } : {});
}
