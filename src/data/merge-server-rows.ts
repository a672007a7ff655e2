// The server's view of some rows, written into a store inside the caller's
// transaction: fields with pending local edits keep their local values, and a
// row the merge says must be absent is deleted (sync-merge.ts). Shared by the
// pull and by refetching rows after a rejection or an access change.
import { mergePulledRow } from '../domain/sync-merge.ts';
import { rowKey, type PendingChange, type SyncRow } from '../domain/sync-outbox.ts';
import type { RowsWritten } from './local-row-ids.ts';
import type { UserDatabase } from './open-user-database.ts';

export async function mergeServerRows(
  db: UserDatabase,
  table: string,
  rows: readonly SyncRow[],
  pending: ReadonlyMap<string, PendingChange>,
): Promise<RowsWritten> {
  const store = db.store(table);
  // only rows with pending local edits need their local version to merge
  const withPending = rows.filter((r) => pending.has(rowKey(table, r.id)));
  const locals = await store.bulkGet(withPending.map((r) => r.id));
  const localById = new Map(withPending.map((r, i) => [r.id, locals[i]]));
  const puts: SyncRow[] = [];
  const deleted: string[] = [];
  for (const row of rows) {
    const merged = mergePulledRow(localById.get(row.id), row, pending.get(rowKey(table, row.id)));
    if (merged) puts.push(merged);
    else deleted.push(row.id);
  }
  if (puts.length) await store.bulkPut(puts);
  if (deleted.length) await store.bulkDelete(deleted);
  return { table, put: puts.map((r) => r.id), deleted };
}
