import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { applyLocalChange } from './apply-local-change.ts';
import { openUserDatabase, UserDatabase } from './open-user-database.ts';

const tables = [{ name: 'athletes', indexes: ['org_id'], since: 1 }];
const user = '00000000-0000-4000-8000-0000000000a1';
const open = (factory = new IDBFactory(), userId = user) =>
  openUserDatabase(userId, { tables, dexie: { indexedDB: factory, IDBKeyRange } });

describe('applyLocalChange', () => {
  it('writes the row and a contiguous, changed-fields-only outbox entry', async () => {
    const db = await open();
    const id = '00000000-0000-4000-8000-000000000001';
    await applyLocalChange(
      db,
      { table: 'athletes', op: 'insert', row: { id, name: 'A', org_id: 'o' } },
      () => 1,
    );
    await applyLocalChange(
      db,
      { table: 'athletes', op: 'update', id, patch: { name: 'B', org_id: 'o' } },
      () => 2,
    );
    expect(
      await applyLocalChange(db, { table: 'athletes', op: 'update', id, patch: { name: 'B' } }),
    ).toBeNull();
    await applyLocalChange(db, { table: 'athletes', op: 'delete', id }, () => 3);
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => [e.seq, e.op, e.fields, e.base])).toEqual([
      [1, 'insert', { name: 'A', org_id: 'o' }, undefined],
      [2, 'update', { name: 'B' }, { name: 'A' }],
      [3, 'delete', {}, undefined],
    ]);
    expect(new Set(entries.map((e) => e.clientId)).size).toBe(1);
    expect(await db.store('athletes').get(id)).toBeUndefined();
  });

  it('queues and stores a schedule typed leniently in the form the server stores', async () => {
    const db = await open();
    const id = '00000000-0000-4000-8000-000000000003';
    await applyLocalChange(
      db,
      { table: 'athletes', op: 'insert', row: { id, schedule: 'ср 19.00,пн 8:00' } },
      () => 1,
    );
    // the same schedule typed another way changes nothing
    expect(
      await applyLocalChange(db, {
        table: 'athletes',
        op: 'update',
        id,
        patch: { schedule: 'Mon 08:00, Wed 19:00' },
      }),
    ).toBeNull();
    await applyLocalChange(
      db,
      { table: 'athletes', op: 'update', id, patch: { schedule: 'самозапись' } },
      () => 2,
    );
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => e.fields['schedule'])).toEqual(['Пн 08:00, Ср 19:00', 'Самозапись']);
    expect(await db.store('athletes').get(id)).toMatchObject({ schedule: 'Самозапись' });
  });

  it('writes neither the row nor the entry when the transaction fails', async () => {
    const db = await open();
    const id = '00000000-0000-4000-8000-000000000002';
    await applyLocalChange(db, { table: 'athletes', op: 'insert', row: { id, name: 'A' } });
    await expect(
      applyLocalChange(db, { table: 'athletes', op: 'insert', row: { id, name: 'again' } }),
    ).rejects.toThrow(/already exists/);
    await expect(
      applyLocalChange(db, {
        table: 'athletes',
        op: 'update',
        id: '00000000-0000-4000-8000-000000000003',
        patch: { name: 'x' },
      }),
    ).rejects.toThrow(/does not exist/);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.store('athletes').get(id))?.name).toBe('A');
  });

  it('keeps sequences increasing across a restart', async () => {
    const factory = new IDBFactory();
    let db = await open(factory);
    await applyLocalChange(db, {
      table: 'athletes',
      op: 'insert',
      row: { id: '00000000-0000-4000-8000-000000000004', name: 'A' },
    });
    db.close();
    db = await open(factory);
    const e = await applyLocalChange(db, {
      table: 'athletes',
      op: 'insert',
      row: { id: '00000000-0000-4000-8000-000000000005', name: 'B' },
    });
    expect(e?.seq).toBe(2);
  });

  it('gives each user a database of their own', async () => {
    const factory = new IDBFactory();
    const a = await open(factory, user);
    const b = await open(factory, '00000000-0000-4000-8000-0000000000b2');
    await applyLocalChange(a, {
      table: 'athletes',
      op: 'insert',
      row: { id: '00000000-0000-4000-8000-000000000006', name: 'A' },
    });
    expect(a.name).toBe(UserDatabase.nameFor(user));
    expect(b.name).not.toBe(a.name);
    expect(await b.store('athletes').count()).toBe(0);
    expect(await b.outbox.count()).toBe(0);
  });

  it('refuses tables that are not synced', async () => {
    const db = await open();
    await expect(applyLocalChange(db, { table: 'secrets', op: 'delete', id: 'x' })).rejects.toThrow(
      /not a synced table/,
    );
  });
});
