// Which local rows are live. A tombstone (deleted_at set) stays on the device
// until the pull drops it, and a membership someone left stays as history; every
// feature reads through these so none of them shows a deleted row.
import type { MembershipRow, SyncedRows, SyncedTableName } from './synced-rows.ts';
import type { UserDatabase } from './open-user-database.ts';

/** not deleted (a row written on this device may not carry the column yet) */
export function isLive(row: { deleted_at?: string | null }): boolean {
  return row.deleted_at == null;
}

/** a membership that still holds: live and not left */
export function isCurrentMembership(row: MembershipRow): boolean {
  return isLive(row) && row.left_at == null;
}

/** every live row of a synced table */
export async function liveRows<T extends SyncedTableName>(
  db: UserDatabase,
  table: T,
): Promise<SyncedRows[T][]> {
  return (await db.rows(table).toArray()).filter(isLive);
}

/** the live rows of a synced table whose indexed column has one of the values */
export async function liveRowsWhere<T extends SyncedTableName>(
  db: UserDatabase,
  table: T,
  index: keyof SyncedRows[T] & string,
  values: readonly string[],
): Promise<SyncedRows[T][]> {
  if (values.length === 0) return [];
  const rows = await db.rows(table).where(index).anyOf(values).toArray();
  return rows.filter(isLive);
}

/** the user's current memberships */
export async function myMemberships(db: UserDatabase): Promise<MembershipRow[]> {
  const rows = await db.rows('memberships').where('user_id').equals(db.userId).toArray();
  return rows.filter(isCurrentMembership);
}
