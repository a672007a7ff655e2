// When the server's digest of what the caller may see differs from the device's,
// access changed (a grant or a revocation) or the device missed something: compare
// ids, drop what is no longer visible, fetch what is missing. Rows with pending
// local edits are left to their push verdicts.
import { pendingByRow, rowKey } from '../domain/sync-outbox.ts';
import { idsResponseSchema } from '../domain/sync-protocol.ts';
import { bumpRowsVersion, noteRowsWritten } from './local-row-ids.ts';
import type { UserDatabase } from './open-user-database.ts';
import { refetchRows } from './refetch-rows.ts';
import type { SyncTransport } from './sync-transport.ts';

export async function reconcileAccess(
  db: UserDatabase,
  transport: SyncTransport,
  table: string,
): Promise<{ removed: number; fetched: number }> {
  const serverIds = new Set(
    idsResponseSchema
      .parse(await transport.call('sync_ids', { p_table: table }))
      .map((id) => id.toLowerCase()),
  );
  const store = db.store(table);
  const missing: string[] = [];
  let gone: string[] = [];
  const version = await db.transaction('rw', [store, db.outbox, db.meta], async () => {
    const pending = pendingByRow(await db.outbox.where('table').equals(table).toArray());
    const localIds = await store.toCollection().primaryKeys();
    const local = new Set(localIds);
    gone = localIds.filter((id) => !serverIds.has(id) && !pending.has(rowKey(table, id)));
    await store.bulkDelete(gone);
    for (const id of serverIds) {
      if (!local.has(id) && !pending.get(rowKey(table, id))?.deleted) missing.push(id);
    }
    return bumpRowsVersion(db);
  });
  noteRowsWritten(db, version, [{ table, put: [], deleted: gone }]);
  if (missing.length) await refetchRows(db, transport, table, missing);
  return { removed: gone.length, fetched: missing.length };
}
