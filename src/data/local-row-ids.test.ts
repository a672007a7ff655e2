import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { applyLocalChange } from './apply-local-change.ts';
import { idsDigest } from '../domain/ids-digest.ts';
import { bumpRowsVersion, localIdsDigests, noteRowsWritten } from './local-row-ids.ts';
import { openUserDatabase, type UserDatabase } from './open-user-database.ts';

const tables = [{ name: 'athletes', indexes: ['org_id'], since: 1 }];
const user = '00000000-0000-4000-8000-0000000000a1';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function open(factory: IDBFactory): Promise<UserDatabase> {
  return openUserDatabase(user, { tables, dexie: { indexedDB: factory, IDBKeyRange } });
}

async function localIdsDigest(db: UserDatabase, table: string) {
  return (await localIdsDigests(db, [table])).get(table);
}

/** the digest computed from scratch, as before the cache */
async function fresh(db: UserDatabase): Promise<{ count: number; xor: string }> {
  const ids = await db.store('athletes').toCollection().primaryKeys();
  return { count: ids.length, xor: idsDigest(ids) };
}

describe('localIdsDigests', () => {
  it('follows local edits and reported writes without reading the store again', async () => {
    const db = await open(new IDBFactory());
    await db.store('athletes').bulkPut([{ id: id(1) }, { id: id(2) }]);
    expect(await localIdsDigest(db, 'athletes')).toEqual(await fresh(db));

    await applyLocalChange(db, { table: 'athletes', op: 'insert', row: { id: id(3) } });
    await applyLocalChange(db, { table: 'athletes', op: 'delete', id: id(1) });
    const version = await db.transaction('rw', [db.store('athletes'), db.meta], async () => {
      await db.store('athletes').bulkPut([{ id: id(4) }, { id: id(2), name: 'again' }]);
      await db.store('athletes').delete(id(3));
      return bumpRowsVersion(db);
    });
    noteRowsWritten(db, version, [{ table: 'athletes', put: [id(4), id(2)], deleted: [id(3)] }]);

    const digest = await localIdsDigest(db, 'athletes');
    expect(digest).toEqual(await fresh(db));
    expect(digest?.count).toBe(2);

    // the store is not read again: a write that neither bumps nor reports goes
    // unseen, which is why every writer of synced rows does both
    await db.store('athletes').put({ id: id(9) });
    expect(await localIdsDigest(db, 'athletes')).toEqual(digest);
  });

  it('reads the store again after a write it was not told about (another tab)', async () => {
    const factory = new IDBFactory();
    const db = await open(factory);
    await db.store('athletes').bulkPut([{ id: id(1) }]);
    const before = await localIdsDigest(db, 'athletes');

    // another tab: its own connection, its own (empty) cache
    const other = await open(factory);
    await applyLocalChange(other, { table: 'athletes', op: 'insert', row: { id: id(2) } });

    const after = await localIdsDigest(db, 'athletes');
    expect(after).not.toEqual(before);
    expect(after).toEqual(await fresh(db));
    other.close();
  });

  it('drops what it knows when a reported write does not follow the version it holds', async () => {
    const db = await open(new IDBFactory());
    await localIdsDigest(db, 'athletes');
    // a write the cache did not see, then a report of a later one
    await db.transaction('rw', [db.store('athletes'), db.meta], async () => {
      await db.store('athletes').put({ id: id(5) });
      await bumpRowsVersion(db);
    });
    const version = await db.transaction('rw', [db.store('athletes'), db.meta], async () => {
      await db.store('athletes').put({ id: id(6) });
      return bumpRowsVersion(db);
    });
    noteRowsWritten(db, version, [{ table: 'athletes', put: [id(6)], deleted: [] }]);
    expect(await localIdsDigest(db, 'athletes')).toEqual(await fresh(db));
    expect((await localIdsDigest(db, 'athletes'))?.count).toBe(2);
  });
});
