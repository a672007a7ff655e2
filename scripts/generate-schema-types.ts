// `npm run generate:types`: migrates a fresh database and writes the row and RPC
// types the app reads (src/data/synced-rows.ts, src/data/rpc-signatures.ts).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestDatabase } from '../supabase/local/db/test-database.ts';
import { repoRoot } from '../supabase/local/paths.ts';
import { renderRpcSignatures, renderSyncedRows } from './schema-types/render-schema-types.ts';
import { format, resolveConfig } from 'prettier';

const db = await createTestDatabase();
try {
  const files: [string, string][] = [
    ['src/data/synced-rows.ts', await renderSyncedRows(db)],
    ['src/data/rpc-signatures.ts', await renderRpcSignatures(db)],
  ];
  for (const [file, text] of files) {
    const path = join(repoRoot, file);
    await writeFile(path, await format(text, { ...(await resolveConfig(path)), filepath: path }));
    console.log(`wrote ${file}`);
  }
} finally {
  await db.close();
}
