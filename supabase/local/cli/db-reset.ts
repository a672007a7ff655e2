// npm run db:reset — bootstrap + migrations + seed.sql on the database the local
// stack uses: the PGlite folder (DATA_DIR, default .data/pglite) or DATABASE_URL.
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openDatabase } from '../db/open-database.ts';
import { dropEverything, prepareDatabase } from '../migrate.ts';
import { repoRoot } from '../paths.ts';

const url = process.env.DATABASE_URL;
const dataDir = resolve(repoRoot, process.env.DATA_DIR ?? '.data/pglite');

if (!url) await rm(dataDir, { recursive: true, force: true });
const db = await openDatabase(url ? { url } : { dataDir });
try {
  if (url) await dropEverything(db);
  const { applied } = await prepareDatabase(db, { seed: true });
  console.log(
    `db:reset: ${url ? 'DATABASE_URL' : dataDir} — ${applied.length} migration(s) applied, seed loaded`,
  );
} finally {
  await db.close();
}
