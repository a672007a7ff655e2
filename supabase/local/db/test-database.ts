import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './database.ts';
import { openPglite } from './pglite-database.ts';
import { openPostgres } from './postgres-database.ts';
import { applySeed, dropEverything, prepareDatabase } from '../migrate.ts';
import { bootstrapFile, migrationsDir, repoRoot, seedFile } from '../paths.ts';

export interface TestDatabaseOptions {
  /** load supabase/seed.sql (the demo club) as well */
  seed?: boolean;
}

// initdb + migrations take seconds on PGlite; a dumped template keyed by the
// schema's source makes every further test database a cheap copy.
async function schemaHash(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(bootstrapFile));
  if (existsSync(migrationsDir)) {
    for (const f of (await readdir(migrationsDir)).sort()) {
      hash.update(f);
      hash.update(await readFile(join(migrationsDir, f)));
    }
  }
  if (existsSync(seedFile)) hash.update(await readFile(seedFile));
  return hash.digest('hex').slice(0, 16);
}

const templates = new Map<string, Promise<Blob>>();

async function template(seed: boolean): Promise<Blob> {
  const key = `${await schemaHash()}-${seed ? 'seed' : 'bare'}`;
  let pending = templates.get(key);
  if (!pending) {
    pending = buildTemplate(key, seed);
    templates.set(key, pending);
  }
  return pending;
}

async function buildTemplate(key: string, seed: boolean): Promise<Blob> {
  const dir = join(repoRoot, '.cache', 'pglite');
  const file = join(dir, `template-${key}.tar.gz`);
  if (existsSync(file)) return new Blob([await readFile(file)]);
  const db = await openPglite();
  try {
    await prepareDatabase(db, { seed: false });
    if (seed) await applySeed(db);
    const blob = await db.dump();
    await mkdir(dir, { recursive: true });
    // write then rename, so a parallel worker never reads half a file
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, Buffer.from(await blob.arrayBuffer()));
    await rename(tmp, file);
    return blob;
  } finally {
    await db.close();
  }
}

/**
 * A fresh, migrated database for one test file: a PGlite copy of the template,
 * or — when DATABASE_URL is set (CI's PostgreSQL 15) — that database emptied and
 * migrated again.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<Database> {
  const seed = options.seed ?? false;
  const url = process.env.DATABASE_URL;
  if (url) {
    const db = openPostgres(url);
    await dropEverything(db);
    await prepareDatabase(db, { seed: false });
    if (seed) await applySeed(db);
    return db;
  }
  return openPglite({ loadDataDir: await template(seed) });
}
