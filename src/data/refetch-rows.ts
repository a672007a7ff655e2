// Replaces local rows with the server's current view of them: after a rejection
// (the optimistic change is reverted) and for rows that became visible. Fields
// with pending local edits are kept; rows the caller may not see are removed.
import { mergePulledRow } from '../domain/sync-merge.ts';
import { pendingByRow, rowKey, type SyncRow } from '../domain/sync-outbox.ts';
import { rowsResponseSchema } from '../domain/sync-protocol.ts';
import { bumpRowsVersion, noteRowsWritten } from './local-row-ids.ts';
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
    const byId = new Map(rows.map((r) => [r.id, r]));
    const store = db.rows(table);
    const puts: SyncRow[] = [];
    const deletes: string[] = [];
    const version = await db.transaction('rw', [store, db.outbox, db.meta], async () => {
      const pendingEntries = await db.outbox
        .where('[table+rowId]')
        .anyOf(part.map((id) => [table, id]))
        .toArray();
      const pending = pendingByRow(pendingEntries);
      const locals = await store.bulkGet(part);
      for (const [j, id] of part.entries()) {
        const p = pending.get(rowKey(table, id));
        const server = byId.get(id);
        if (!server) {
          if (!p) deletes.push(id);
          continue;
        }
        const merged = mergePulledRow(locals[j], server, p);
        if (merged) puts.push(merged);
        else if (!p) deletes.push(id);
      }
      if (puts.length) await store.bulkPut(puts);
      if (deletes.length) await store.bulkDelete(deletes);
      return bumpRowsVersion(db);
    });
    noteRowsWritten(db, version, [{ table, put: puts.map((r) => r.id), deleted: deletes }]);
  }
}
