// The tables whose access digest the device asks the server for on its next pull,
// whatever the server's access epoch says (sync_pull's p_check). A pull sends a
// table's digest only when who may see its rows changed in the pull's window,
// which covers every change the server makes; what the device did itself is
// checked this way: a table it pushed to (an insert the server took but the
// user may not see, an edit of a row someone else deleted), one it reconciled
// (checked again until it matches), one whose digests it received but had not
// compared yet. A table leaves the list when its digest matched.
import type { UserDatabase } from './open-user-database.ts';

const key = 'unverified';

function asTables(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
}

/** the tables to check; in a transaction that includes `db.meta` when called inside one */
export async function readUnverified(db: UserDatabase): Promise<Set<string>> {
  return new Set(asTables((await db.meta.get(key))?.value));
}

/** adds and removes tables; inside a read-write transaction that includes `db.meta`, or alone */
export async function updateUnverified(
  db: UserDatabase,
  change: { add?: Iterable<string>; remove?: Iterable<string> },
): Promise<void> {
  const tables = await readUnverified(db);
  const before = [...tables].sort().join(',');
  for (const t of change.add ?? []) tables.add(t);
  for (const t of change.remove ?? []) tables.delete(t);
  const after = [...tables].sort();
  if (after.join(',') !== before) await db.meta.put({ key, value: after });
}
