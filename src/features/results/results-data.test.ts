import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { applyLocalChange } from '../../data/apply-local-change.ts';
import { openUserDatabase } from '../../data/open-user-database.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import { addResult, editResult, removeResult, saveSex } from './results-data.ts';

const tables = [
  { name: 'athletes', indexes: ['org_id'], since: 1 },
  { name: 'competition_results', indexes: ['org_id', 'athlete_id'], since: 1 },
];
const user = '00000000-0000-4000-8000-0000000000a1';
const org = '00000000-0000-4000-8000-0000000000f1';
const athlete = '00000000-0000-4000-8000-000000000001';

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

const form = {
  competed_on: '2019-06-15',
  competition: 'Первенство области',
  level: 'regional',
  discipline: '100m',
  result_kind: 'time',
  value: 10.94,
  timing: 'auto',
  venue: 'outdoor',
  place: null,
  notes: '',
} as const;

describe('results on the device', () => {
  it('adds, edits and removes a result as queued local edits, the row readable at once', async () => {
    const engine = await localEngine();
    const id = await addResult(engine, athlete, org, form);
    expect(await engine.db.rows('competition_results').get(id)).toMatchObject({
      athlete_id: athlete,
      value: 10.94,
      timing: 'auto',
    });
    await editResult(engine, id, { ...form, value: 10.9 });
    await removeResult(engine, id);
    const outbox = await engine.db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.op, e.rowId])).toEqual([
      ['insert', id],
      ['update', id],
      ['delete', id],
    ]);
  });

  it('sets the athlete’s sex as an update of the athlete', async () => {
    const engine = await localEngine();
    await engine.change({
      table: 'athletes',
      op: 'insert',
      row: { id: athlete, org_id: org, name: 'Петров Иван' },
    });
    await saveSex(engine, athlete, 'female');
    expect(await engine.db.rows('athletes').get(athlete)).toMatchObject({ sex: 'female' });
    const outbox = await engine.db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.table, e.op])).toEqual([
      ['athletes', 'insert'],
      ['athletes', 'update'],
    ]);
  });
});
