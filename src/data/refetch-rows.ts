// Replaces local rows with the server's current view of them: after a rejection
// (the optimistic change is reverted) and for rows that became visible. Fields
// with pending local edits are kept; rows the caller may not see are removed.
import { pendingByRow, rowKey } from '../domain/sync-outbox.ts';
import { rowsResponseSchema } from '../domain/sync-protocol.ts';
import { bumpRowsVersion, noteRowsWritten, type RowsWritten } from './local-row-ids.ts';
import { mergeServerRows } from './merge-server-rows.ts';
import type { UserDatabase } from './open-user-database.ts';
import type { SyncTransport } from './sync-transport.ts';

const chunk = 1000;

export async function refetchRows(
  db: UserDatabase,
  transport: SyncTransport,
  table: string,
  ids: readonly string[],
): Promise<void> {
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += chunk) {
    const part = unique.slice(i, i + chunk);
    const rows = rowsResponseSchema.parse(
      await transport.call('sync_rows', { p_table: table, p_ids: part }),
    );
    const visible = new Set(rows.map((r) => r.id));
    const store = db.store(table);
    const written: RowsWritten[] = [];
    const version = await db.transaction('rw', [store, db.outbox, db.meta], async () => {
      const pending = pendingByRow(
        await db.outbox
          .where('[table+rowId]')
          .anyOf(part.map((id) => [table, id]))
          .toArray(),
      );
      written.push(await mergeServerRows(db, table, rows, pending));
      // rows the caller may no longer see go, unless they have edits in flight
      const gone = part.filter((id) => !visible.has(id) && !pending.has(rowKey(table, id)));
      if (gone.length) await store.bulkDelete(gone);
      written.push({ table, put: [], deleted: gone });
      return bumpRowsVersion(db);
    });
    noteRowsWritten(db, version, written);
  }
}
