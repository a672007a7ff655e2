import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { applyLocalChange } from '../../data/apply-local-change.ts';
import { openUserDatabase } from '../../data/open-user-database.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import { saveAthleteContacts } from './athlete-contacts-data.ts';
import { moveAthletes } from './group-move-data.ts';

const tables = [
  { name: 'athletes', indexes: ['org_id'], since: 1 },
  { name: 'athlete_contacts', indexes: ['org_id'], since: 1 },
];
const user = '00000000-0000-4000-8000-0000000000a1';
const org = '00000000-0000-4000-8000-0000000000f1';

/** the engine's local half: edits go to the device's tables and outbox */
async function localEngine(): Promise<SyncEngine> {
  const db = await openUserDatabase(user, {
    tables,
    dexie: { indexedDB: new IDBFactory(), IDBKeyRange },
  });
  return {
    userId: user,
    db,
    change: async (change) => {
      await applyLocalChange(db, change);
    },
  } as SyncEngine;
}

const blank = {
  guardian_name: null,
  guardian_phone: null,
  guardian_email: null,
  phone: null,
  birth_date: null,
};

describe('saveAthleteContacts', () => {
  it('inserts the first contacts under the athlete’s id with only what was filled in, then updates', async () => {
    const engine = await localEngine();
    const athlete = '00000000-0000-4000-8000-000000000001';
    await saveAthleteContacts(engine, athlete, org, { ...blank, phone: '89161234567' });
    await saveAthleteContacts(engine, athlete, org, {
      ...blank,
      phone: '89161234567',
      birth_date: '2012-05-17',
    });
    const outbox = await engine.db.outbox.orderBy('seq').toArray();
    // a second coach's contacts that reached the server first keep their other fields
    expect(outbox.map((e) => [e.op, e.rowId, e.fields])).toEqual([
      ['insert', athlete, { org_id: org, athlete_id: athlete, phone: '89161234567' }],
      ['update', athlete, { birth_date: '2012-05-17' }],
    ]);
  });
});

describe('moveAthletes', () => {
  it('queues one change per athlete whose group changes', async () => {
    const engine = await localEngine();
    const ids = ['1', '2', '3'].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
    for (const [i, id] of ids.entries()) {
      await engine.change({
        table: 'athletes',
        op: 'insert',
        row: { id, org_id: org, name: `A${i}`, group_id: i === 2 ? 'g2' : 'g1' },
      });
    }
    const before = await engine.db.outbox.count();
    const result = await moveAthletes(
      engine,
      ids.map((id, i) => ({ id, groupId: i === 2 ? 'g2' : 'g1' })),
      new Set(ids),
      'g2',
    );
    expect(result).toEqual({ moved: 2, already: 1 });
    const moves = (await engine.db.outbox.orderBy('seq').toArray()).slice(before);
    expect(moves.map((e) => [e.op, e.rowId, e.fields])).toEqual([
      ['update', ids[0], { group_id: 'g2' }],
      ['update', ids[1], { group_id: 'g2' }],
    ]);
  });
});
