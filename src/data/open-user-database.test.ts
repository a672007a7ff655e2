import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { applyLocalChange } from './apply-local-change.ts';
import { openUserDatabase, UserDatabase } from './open-user-database.ts';
import type { SyncedTableDeclaration } from './synced-tables.ts';

const user = '00000000-0000-4000-8000-0000000000d1';
const athlete = '00000000-0000-4000-8000-000000000001';

const first: SyncedTableDeclaration[] = [{ name: 'athletes', indexes: ['org_id'], since: 1 }];
const later: SyncedTableDeclaration[] = [
  { name: 'athletes', indexes: ['org_id', 'user_id'], since: 3 },
  { name: 'plan_workouts', indexes: ['plan_id', '[plan_id+week]'], since: 3 },
];

describe('openUserDatabase', () => {
  it('brings a database of an older schema up to the newest, keeping its rows and outbox', async () => {
    const dexie = { indexedDB: new IDBFactory(), IDBKeyRange };
    const old = await openUserDatabase(user, { tables: first, dexie });
    // a row edited on the device: the row and its outbox entry
    await applyLocalChange(old, {
      table: 'athletes',
      op: 'insert',
      row: { id: athlete, org_id: 'o1', user_id: 'u1' },
    });
    old.close();

    const db = await openUserDatabase(user, { tables: later, dexie });
    try {
      expect(db.verno).toBe(3);
      expect(await db.store('athletes').get(athlete)).toMatchObject({ user_id: 'u1' });
      // the index added since is built over the rows already there
      expect(await db.rows('athletes').where('user_id').equals('u1').count()).toBe(1);
      expect(await db.outbox.count()).toBe(1);
      await db.store('plan_workouts').put({ id: 'w1', plan_id: 'p1', week: 2 });
      expect(await db.rows('plan_workouts').where('[plan_id+week]').equals(['p1', 2]).count()).toBe(
        1,
      );
    } finally {
      db.close();
    }
  });

  it('names one database per user', () => {
    expect(UserDatabase.nameFor(user)).toBe(`trackside-user-${user}`);
  });
});
