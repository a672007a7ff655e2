import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openUserDatabase, type UserDatabase } from '../../data/open-user-database.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import { observeAdminData, type AdminData } from './admin-data.ts';

const me = '00000000-0000-4000-8000-0000000000c1';
const coach = '00000000-0000-4000-8000-0000000000c2';
const left = '00000000-0000-4000-8000-0000000000c3';
const removed = '00000000-0000-4000-8000-0000000000c4';
const stranger = '00000000-0000-4000-8000-0000000000c5';
const org = '00000000-0000-4000-8000-00000000000a';
const sprint = '00000000-0000-4000-8000-0000000000b1';
const jumps = '00000000-0000-4000-8000-0000000000b2';
const gone = '00000000-0000-4000-8000-0000000000b3';
const deleted = '2026-11-01T00:00:00Z';

async function seeded(): Promise<UserDatabase> {
  const db = await openUserDatabase(me, { dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  await db.store('organizations').bulkAdd([{ id: org, name: 'Старт', time_zone: 'Asia/Omsk' }]);
  await db.store('profiles').bulkAdd([
    { id: me, display_name: 'Админ' },
    { id: coach, display_name: 'Борис' },
    { id: left, display_name: 'Ушедший' },
    { id: removed, display_name: 'Удалённый' },
    { id: stranger, display_name: 'Незнакомец' },
  ]);
  await db.store('memberships').bulkAdd([
    { id: 'm1', org_id: org, user_id: me, role: 'admin', left_at: null, deleted_at: null },
    { id: 'm2', org_id: org, user_id: coach, role: 'coach', left_at: null, deleted_at: null },
    { id: 'm3', org_id: org, user_id: left, role: 'coach', left_at: deleted, deleted_at: null },
    { id: 'm4', org_id: org, user_id: removed, role: 'coach', left_at: null, deleted_at: deleted },
    { id: 'm5', org_id: org, user_id: stranger, role: 'referee', left_at: null, deleted_at: null },
  ]);
  await db.store('training_groups').bulkAdd([
    // written on this device: no deleted_at yet
    { id: sprint, org_id: org, name: 'Спринт', season: '' },
    { id: jumps, org_id: org, name: 'Прыжки', season: '2026/27', deleted_at: null },
    { id: gone, org_id: org, name: 'Архив', season: null, deleted_at: deleted },
  ]);
  await db.store('training_group_coaches').bulkAdd([
    { id: 'c1', org_id: org, group_id: sprint, user_id: coach },
    { id: 'c2', org_id: org, group_id: jumps, user_id: coach, deleted_at: deleted },
  ]);
  await db.store('athletes').bulkAdd([
    { id: 'a1', org_id: org, group_id: sprint, name: 'Анна', status: 'active' },
    { id: 'a2', org_id: org, group_id: sprint, name: 'Олег', status: 'archived' },
    {
      id: 'a3',
      org_id: org,
      group_id: sprint,
      name: 'Вера',
      status: 'active',
      deleted_at: deleted,
    },
    { id: 'a4', org_id: org, group_id: jumps, name: 'Пётр', status: 'active' },
  ]);
  return db;
}

/** the first answer of the live query */
function read(db: UserDatabase, key: { orgId: string } | { groupId: string }): Promise<AdminData> {
  const engine = { userId: db.userId, db } as Pick<SyncEngine, 'userId' | 'db'> as SyncEngine;
  return new Promise((resolve) => {
    const subscription = observeAdminData(engine, key, (data) => {
      subscription.unsubscribe();
      resolve(data);
    });
  });
}

describe('observeAdminData', () => {
  it('lists current members with a known role, live groups, live coaches and active athletes', async () => {
    const db = await seeded();
    const data = await read(db, { orgId: org });
    expect(data.orgName).toBe('Старт');
    expect(data.timeZone).toBe('Asia/Omsk');
    expect(data.myRole).toBe('admin');
    expect(data.members.map((m) => [m.name, m.role])).toEqual([
      ['Админ', 'admin'],
      ['Борис', 'coach'],
    ]);
    expect(data.groups).toEqual([
      { id: jumps, name: 'Прыжки', season: '2026/27', coaches: [], athletes: 1 },
      {
        id: sprint,
        name: 'Спринт',
        season: null,
        coaches: [{ id: 'c1', userId: coach }],
        athletes: 1,
      },
    ]);
    db.close();
  });

  it("finds the organization by one of its groups, and none by a group it doesn't know", async () => {
    const db = await seeded();
    expect((await read(db, { groupId: sprint })).orgId).toBe(org);
    const unknown = await read(db, { groupId: '00000000-0000-4000-8000-0000000000ff' });
    expect(unknown).toMatchObject({ orgId: null, orgName: '', myRole: null, groups: [] });
    db.close();
  });

  it('treats a deleted organization as unknown', async () => {
    const db = await seeded();
    await db.store('organizations').update(org, { deleted_at: deleted });
    expect(await read(db, { orgId: org })).toMatchObject({ orgId: org, orgName: '', members: [] });
    db.close();
  });
});
