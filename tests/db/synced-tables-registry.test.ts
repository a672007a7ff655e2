// Devices replicate what src/data/synced-tables.ts declares; the server pulls
// what sync.tables lists. A table in one and not the other is either never
// delivered or never stored, so the two lists must be the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { syncedTables } from '../../src/data/synced-tables.ts';

describe('synced tables', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('the client declares exactly the tables the server syncs', async () => {
    const server = await db.query<{ table_name: string }>(
      'select table_name from sync.tables order by table_name',
    );
    const client = syncedTables.map((t) => t.name).sort();
    expect(client).toEqual(server.rows.map((r) => r.table_name));
  });
});
