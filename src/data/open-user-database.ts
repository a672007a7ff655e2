// One IndexedDB database per signed-in user, named by the user's id, so two people
// sharing a phone never see each other's data and one user's outbox can never be
// pushed under another's session.
import { Dexie, type Table } from 'dexie';
import type { OutboxEntry, SyncRow } from '../domain/sync-outbox.ts';
import type { SyncIssue } from '../domain/sync-protocol.ts';
import type { SyncedRows, SyncedTableName } from './synced-rows.ts';
import { syncedTables, type SyncedTableDeclaration } from './synced-tables.ts';

export interface MetaRecord {
  key: string;
  value: unknown;
}

export class UserDatabase extends Dexie {
  readonly outbox!: Table<OutboxEntry, number>;
  readonly meta!: Table<MetaRecord, string>;
  readonly issues!: Table<SyncIssue, number>;

  constructor(
    readonly userId: string,
    readonly synced: readonly SyncedTableDeclaration[],
    options?: ConstructorParameters<typeof Dexie>[1],
  ) {
    super(UserDatabase.nameFor(userId), options);
    const internal = {
      sync_outbox: 'seq, [table+rowId]',
      sync_meta: 'key',
      sync_issues: '++id, kind, [table+rowId]',
    };
    // Only the newest version is declared: no version has an upgrade function, so
    // Dexie brings an older database up by comparing it with this one, and a
    // cold start parses one schema instead of every version's.
    const stores: Record<string, string> = { ...internal };
    for (const t of synced) stores[t.name] = ['id', ...t.indexes].join(', ');
    this.version(Math.max(1, ...synced.map((t) => t.since))).stores(stores);
    (this as { outbox: Table<OutboxEntry, number> }).outbox = this.table('sync_outbox');
    (this as { meta: Table<MetaRecord, string> }).meta = this.table('sync_meta');
    (this as { issues: Table<SyncIssue, number> }).issues = this.table('sync_issues');
  }

  /** the IndexedDB name of a user's database */
  static nameFor(userId: string): string {
    return `trackside-user-${userId}`;
  }

  /** a synced table's local rows, typed by the schema (src/data/synced-rows.ts) */
  rows<T extends SyncedTableName>(table: T): Table<SyncedRows[T], string> {
    return this.table(table);
  }

  /**
   * any synced table's store by a name known only at run time: for the sync
   * engine, which moves rows without reading their columns
   */
  store(table: string): Table<SyncRow, string> {
    return this.table(table);
  }

  /** the synced tables' stores */
  rowTables(): Table<SyncRow, string>[] {
    return this.synced.map((t) => this.store(t.name));
  }
}

/** opens (creating or upgrading) the local database of one user */
export async function openUserDatabase(
  userId: string,
  options: {
    tables?: readonly SyncedTableDeclaration[];
    dexie?: ConstructorParameters<typeof Dexie>[1];
  } = {},
): Promise<UserDatabase> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) throw new Error(`not a user id: ${userId}`);
  const db = new UserDatabase(userId.toLowerCase(), options.tables ?? syncedTables, options.dexie);
  await db.open();
  return db;
}
