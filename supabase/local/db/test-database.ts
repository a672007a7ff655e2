import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './database.ts';
import { openPglite } from './pglite-database.ts';
import { openPostgres } from './postgres-database.ts';
import { applySeed, dropEverything, prepareDatabase } from '../migrate.ts';
import { bootstrapFile, migrationsDir, repoRoot } from '../paths.ts';

export interface TestDatabaseOptions {
  /** load supabase/seed.sql (the demo club) as well */
  seed?: boolean;
}

// initdb + migrations take seconds on PGlite; a dumped template keyed by the
// schema's source makes every further test database a cheap copy. The template
// holds the schema only: supabase/seed.sql dates its rows from the moment it runs
// (sessions from today on, the season of today, marks for the days before), so a
// seeded copy kept on disk would describe the day it was made — a test running
// days later, or just after midnight, would meet yesterday's "today". Each seeded
// database is seeded when it is made (a second or two).
async function schemaHash(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(bootstrapFile));
  if (existsSync(migrationsDir)) {
    for (const f of (await readdir(migrationsDir)).sort()) {
      hash.update(f);
      hash.update(await readFile(join(migrationsDir, f)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

const templates = new Map<string, Promise<Blob>>();

async function template(): Promise<Blob> {
  const key = `${await schemaHash()}-bare`;
  let pending = templates.get(key);
  if (!pending) {
    pending = buildTemplate(key);
    templates.set(key, pending);
  }
  return pending;
}

async function buildTemplate(key: string): Promise<Blob> {
  const dir = join(repoRoot, '.cache', 'pglite');
  const file = join(dir, `template-${key}.tar.gz`);
  if (existsSync(file)) return new Blob([await readFile(file)]);
  const db = await openPglite();
  try {
    await prepareDatabase(db, { seed: false });
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
 * migrated again. With `seed`, supabase/seed.sql runs on it now, so its "today"
 * is the test's.
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
  const db = await openPglite({ loadDataDir: await template() });
  if (!seed) return db;
  try {
    await applySeed(db);
    return db;
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
}
