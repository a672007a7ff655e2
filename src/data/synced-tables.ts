// The registry of synced tables: one declaration per table a device replicates.
// A later feature (sessions, attendance, availability, bookings, purchases) adds
// one line here and one row in the server's `sync.tables`; pull, push, access
// reconciliation and the local schema follow from it.

export interface SyncedTableDeclaration {
  /** the table in Postgres `public` and the Dexie store */
  readonly name: string;
  /** Dexie secondary indexes for local queries (the primary key is always `id`) */
  readonly indexes: readonly string[];
  /** the local schema version that introduced the table (bump to add tables) */
  readonly since: number;
}

export const syncedTables: readonly SyncedTableDeclaration[] = [
  // tenancy (20261122110000_create_tenancy.sql)
  { name: 'organizations', indexes: [], since: 1 },
  { name: 'profiles', indexes: [], since: 1 },
  { name: 'memberships', indexes: ['org_id', 'user_id'], since: 1 },
  // people (20261122110100_create_athletes.sql)
  { name: 'training_groups', indexes: ['org_id'], since: 1 },
  { name: 'training_group_coaches', indexes: ['org_id', 'group_id', 'user_id'], since: 1 },
  { name: 'athletes', indexes: ['org_id', 'group_id', 'user_id'], since: 1 },
  { name: 'rank_history', indexes: ['org_id', 'athlete_id'], since: 1 },
];

/** the names, in declaration order */
export function syncedTableNames(
  tables: readonly SyncedTableDeclaration[] = syncedTables,
): string[] {
  return tables.map((t) => t.name);
}
