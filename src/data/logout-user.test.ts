import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { applyLocalChange } from './apply-local-change.ts';
import { logoutUser } from './logout-user.ts';
import { openUserDatabase } from './open-user-database.ts';

const tables = [{ name: 'athletes', indexes: [], since: 1 }];

function fakeStorage(keys: string[]) {
  const map = new Map(keys.map((k) => [k, 'v']));
  return {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    removeItem: (k: string) => void map.delete(k),
    keys: () => [...map.keys()],
  };
}

describe('logoutUser', () => {
  it('asks before discarding pending changes and stays when told to', async () => {
    const db = await openUserDatabase('00000000-0000-4000-8000-0000000000c1', { tables });
    await applyLocalChange(db, {
      table: 'athletes',
      op: 'insert',
      row: { id: '00000000-0000-4000-8000-000000000001' },
    });
    const signOut = vi.fn(async () => undefined);
    const confirm = vi.fn(() => false);
    expect(
      await logoutUser({ db, signOut, confirmDiscard: confirm, caches: null, storage: null }),
    ).toBe(false);
    expect(confirm).toHaveBeenCalledWith(1);
    expect(signOut).not.toHaveBeenCalled();
    expect(await db.outbox.count()).toBe(1);
    db.close();
  });

  it('wipes the database, the auth token and the data caches', async () => {
    const db = await openUserDatabase('00000000-0000-4000-8000-0000000000c2', { tables });
    await applyLocalChange(db, {
      table: 'athletes',
      op: 'insert',
      row: { id: '00000000-0000-4000-8000-000000000001' },
    });
    const deleted: string[] = [];
    const caches = {
      keys: async () => ['workbox-precache-v2', 'api-data', 'images'],
      delete: async (k: string) => {
        deleted.push(k);
        return true;
      },
    };
    const storage = fakeStorage(['sb-127-auth-token', 'theme']);
    const signOut = vi.fn(async () => {
      throw new Error('offline');
    });
    expect(await logoutUser({ db, signOut, confirmDiscard: () => true, caches, storage })).toBe(
      true,
    );
    expect(signOut).toHaveBeenCalled();
    expect(await Dexie.exists(db.name)).toBe(false);
    expect(deleted).toEqual(['api-data', 'images']);
    expect(storage.keys()).toEqual(['theme']);
  });
});
