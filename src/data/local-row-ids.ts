// The ids each synced store holds, kept in memory between syncs. The access check
// after every pull compares a digest of them with the server's; reading tens of
// thousands of keys from IndexedDB for it on every sync cost more than the sync.
//
// Every transaction that adds or removes rows bumps one counter in sync_meta
// (`bumpRowsVersion`, inside the transaction) and, once committed, reports what it
// wrote (`noteRowsWritten`). The memory copy is trusted only while its version is
// the stored one: a write by another tab, or by code that did not report, moves
// the counter past it and the ids are read again.
import { IdsDigest } from '../domain/ids-digest.ts';
import type { UserDatabase } from './open-user-database.ts';

const versionKey = 'rowsVersion';

interface TableIds {
  ids: Set<string>;
  /** kept up to date id by id: an XOR digest undoes itself */
  digest: IdsDigest;
}

interface Cache {
  version: number;
  tables: Map<string, TableIds>;
}

const caches = new WeakMap<UserDatabase, Cache>();

export interface RowsVersion {
  before: number;
  after: number;
}

export interface RowsWritten {
  table: string;
  put: readonly string[];
  deleted: readonly string[];
}

function versionOf(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

/** inside a read-write transaction that includes `db.meta` and adds or removes rows */
export async function bumpRowsVersion(db: UserDatabase): Promise<RowsVersion> {
  const before = versionOf((await db.meta.get(versionKey))?.value);
  await db.meta.put({ key: versionKey, value: before + 1 });
  return { before, after: before + 1 };
}

/** after the transaction that bumped `version` committed: what it wrote */
export function noteRowsWritten(
  db: UserDatabase,
  version: RowsVersion,
  written: readonly RowsWritten[],
): void {
  const cache = caches.get(db);
  if (!cache) return;
  if (cache.version !== version.before) {
    caches.delete(db);
    return;
  }
  for (const w of written) {
    const t = cache.tables.get(w.table);
    if (!t) continue;
    for (const id of w.put) {
      if (t.ids.has(id)) continue; // a put of a row already held changes no id
      t.ids.add(id);
      t.digest.toggle(id);
    }
    for (const id of w.deleted) {
      if (!t.ids.delete(id)) continue;
      t.digest.toggle(id);
    }
  }
  cache.version = version.after;
}

export interface LocalDigest {
  count: number;
  xor: string;
}

/**
 * The count and digest of the ids each of `tables` holds, as the server's sync_pull
 * digests them: one read-only transaction, which reads the version and the keys
 * of any store not yet in memory from one snapshot, so a write cannot slip between.
 */
export async function localIdsDigests(
  db: UserDatabase,
  tables: readonly string[],
): Promise<Map<string, LocalDigest>> {
  const stores = tables.map((t) => db.store(t));
  return db.transaction('r', [db.meta, ...stores], async () => {
    const version = versionOf((await db.meta.get(versionKey))?.value);
    let cache = caches.get(db);
    if (!cache || cache.version !== version) {
      cache = { version, tables: new Map() };
      caches.set(db, cache);
    }
    const out = new Map<string, LocalDigest>();
    for (const table of tables) {
      let t = cache.tables.get(table);
      if (!t) {
        const keys = await db.store(table).toCollection().primaryKeys();
        const digest = new IdsDigest();
        for (const id of keys) digest.toggle(id);
        t = { ids: new Set(keys), digest };
        cache.tables.set(table, t);
      }
      out.set(table, { count: t.ids.size, xor: t.digest.value });
    }
    return out;
  });
}
