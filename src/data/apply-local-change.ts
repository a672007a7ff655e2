// A local edit: the row and its outbox entry are written in one transaction, so a
// crash leaves either both or neither. Reads never wait for the network.
import { canonicalFields } from '../domain/canonical-fields.ts';
import { changedFields, type OutboxEntry, type SyncRow } from '../domain/sync-outbox.ts';
import { bumpRowsVersion, noteRowsWritten, type RowsVersion } from './local-row-ids.ts';
import type { UserDatabase } from './open-user-database.ts';
import type { SyncedRows, SyncedTableName } from './synced-rows.ts';

/** an edit of any synced table by name: what the engine and its tests apply */
export type AnyLocalChange =
  | { table: string; op: 'insert'; row: SyncRow }
  | { table: string; op: 'update'; id: string; patch: Record<string, unknown> }
  | { table: string; op: 'delete'; id: string };

/**
 * An edit as features write it, typed by the table's row (src/data/synced-rows.ts):
 * a column that does not exist, or a value of the wrong type, does not compile.
 */
export type LocalChange = {
  [T in SyncedTableName]:
    | { table: T; op: 'insert'; row: { id: string } & Partial<SyncedRows[T]> }
    | { table: T; op: 'update'; id: string; patch: Partial<SyncedRows[T]> }
    | { table: T; op: 'delete'; id: string };
}[SyncedTableName];

/**
 * Applies an edit locally and queues it. Returns the outbox entry, or null when
 * the edit changes nothing. `now` is the device clock, stored for display only.
 */
export async function applyLocalChange(
  db: UserDatabase,
  change: AnyLocalChange,
  now: () => number = Date.now,
): Promise<OutboxEntry | null> {
  return applyDecidedChange(db, change.table, () => Promise.resolve(change), now);
}

/**
 * Reads, decides and writes in one transaction: `decide` runs inside it (its
 * reads of `table` see no other tab's write in between) and returns the edit,
 * or null for none. Two quick taps on one mark are two transactions in order,
 * never two reads of the same old row.
 */
export async function applyDecidedChange(
  db: UserDatabase,
  table: string,
  decide: () => Promise<AnyLocalChange | null>,
  now: () => number = Date.now,
): Promise<OutboxEntry | null> {
  if (!db.synced.some((t) => t.name === table)) {
    throw new Error(`${table} is not a synced table`);
  }
  const rows = db.store(table);
  let version: RowsVersion | undefined;
  let change: AnyLocalChange | null = null;
  const entry = await db.transaction('rw', [rows, db.outbox, db.meta], async () => {
    const decided = await decide();
    if (!decided) return null;
    // queued as the server stores it (e.g. a schedule typed "пн 8.00": "Пн 08:00")
    change =
      decided.op === 'insert'
        ? { ...decided, row: canonicalFields(decided.table, decided.row) }
        : decided.op === 'update'
          ? { ...decided, patch: canonicalFields(decided.table, decided.patch) }
          : decided;
    if (change.table !== table)
      throw new Error(`decided a change of ${change.table}, not ${table}`);
    let rowId: string;
    let fields: Record<string, unknown>;
    let base: Record<string, unknown> | undefined;
    if (change.op === 'insert') {
      rowId = change.row.id;
      if (await rows.get(rowId)) throw new Error(`${change.table} ${rowId} already exists`);
      fields = changedFields(undefined, change.row);
      await rows.add({ ...change.row });
    } else if (change.op === 'update') {
      rowId = change.id;
      const before = await rows.get(rowId);
      if (!before) throw new Error(`${change.table} ${rowId} does not exist here`);
      fields = changedFields(before, change.patch);
      if (Object.keys(fields).length === 0) return null;
      base = Object.fromEntries(Object.keys(fields).map((k) => [k, before[k] ?? null]));
      await rows.put({ ...before, ...fields });
    } else {
      rowId = change.id;
      if (!(await rows.get(rowId))) return null;
      fields = {};
      await rows.delete(rowId);
    }
    const clientMeta = await db.meta.get('clientId');
    const clientId = typeof clientMeta?.value === 'string' ? clientMeta.value : crypto.randomUUID();
    const nextMeta = await db.meta.get('nextSeq');
    const seq = typeof nextMeta?.value === 'number' ? nextMeta.value : 1;
    const entry: OutboxEntry = {
      seq,
      clientId,
      table: change.table,
      rowId,
      op: change.op,
      fields,
      ...(base ? { base } : {}),
      createdAt: now(),
    };
    await db.outbox.add(entry);
    await db.meta.bulkPut([
      { key: 'clientId', value: clientId },
      { key: 'nextSeq', value: seq + 1 },
    ]);
    // an insert or a delete changes which ids the store holds (the access check's digest)
    if (change.op !== 'update') version = await bumpRowsVersion(db);
    return entry;
  });
  if (version && entry) {
    const ids = [entry.rowId];
    noteRowsWritten(db, version, [
      {
        table,
        put: entry.op === 'insert' ? ids : [],
        deleted: entry.op === 'delete' ? ids : [],
      },
    ]);
  }
  return entry;
}
