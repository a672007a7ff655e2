// The row and RPC types the app compiles against are rendered from the migrated
// schema (`npm run generate:types`). A migration that adds, drops or retypes a
// synced column or an RPC without regenerating them fails here, not on a device.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { repoRoot } from '../../supabase/local/paths.ts';
import {
  renderRpcSignatures,
  renderSyncedRows,
} from '../../scripts/schema-types/render-schema-types.ts';

async function formatted(file: string, text: string): Promise<string> {
  const path = join(repoRoot, file);
  return format(text, { ...(await resolveConfig(path)), filepath: path });
}

describe('generated schema types', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('src/data/synced-rows.ts matches the synced tables of the migrations', async () => {
    const committed = await readFile(join(repoRoot, 'src/data/synced-rows.ts'), 'utf8');
    expect(committed).toBe(await formatted('src/data/synced-rows.ts', await renderSyncedRows(db)));
  });

  it('src/data/rpc-signatures.ts matches the RPCs callers may execute', async () => {
    const committed = await readFile(join(repoRoot, 'src/data/rpc-signatures.ts'), 'utf8');
    expect(committed).toBe(
      await formatted('src/data/rpc-signatures.ts', await renderRpcSignatures(db)),
    );
  });

  it('an RPC no client may execute is left out, a granted one is in', async () => {
    const rendered = await renderRpcSignatures(db);
    // sync_push is granted to authenticated; private helpers are not in public at all
    expect(rendered).toMatch(/^ {2}sync_push: \{$/m);
    const { rows } = await db.query<{ proname: string }>(
      `select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.prokind = 'f'
          and not has_function_privilege('authenticated', p.oid, 'execute')
          and not has_function_privilege('anon', p.oid, 'execute')`,
    );
    for (const { proname } of rows)
      expect(rendered).not.toMatch(new RegExp(`^ {2}${proname}: `, 'm'));
  });
});
