import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { SyncIssue } from '../domain/sync-protocol.ts';
import { openUserDatabase } from './open-user-database.ts';
import { readIssueNames } from './read-issue-names.ts';

const tables = [
  { name: 'athletes', indexes: [], since: 1 },
  { name: 'training_groups', indexes: [], since: 1 },
  { name: 'attendance', indexes: [], since: 1 },
  { name: 'coach_settings', indexes: [], since: 1 },
  { name: 'profiles', indexes: [], since: 1 },
];
const open = () =>
  openUserDatabase('00000000-0000-4000-8000-0000000000a1', {
    tables,
    dexie: { indexedDB: new IDBFactory(), IDBKeyRange },
  });

const anna = 'a0000000-0000-4000-8000-000000000001';
const group = 'b0000000-0000-4000-8000-000000000001';
const marina = 'e0000000-0000-4000-8000-000000000001';

function issue(table: string, rowId: string, fields: Record<string, unknown>): SyncIssue {
  return { kind: 'rejected', table, rowId, fields, reason: 'invalid', message: 'no', at: 1 };
}

describe('readIssueNames', () => {
  it('names a row by its own name, its athlete or its group, and the change before the device', async () => {
    const db = await open();
    await db.store('athletes').put({ id: anna, name: 'Смирнова Анна', group_id: group });
    await db.store('training_groups').put({ id: group, name: 'Начинающие' });
    const mark = 'c0000000-0000-4000-8000-000000000001';
    await db.store('attendance').put({ id: mark, athlete_id: anna, status: 'present' });
    const gone = 'a0000000-0000-4000-8000-000000000009';
    const settings = 'd0000000-0000-4000-8000-000000000001';
    const issues = [
      issue('attendance', mark, { status: 'absent' }),
      issue('training_groups', group, { name: 'Новички' }),
      // access lost: the device no longer holds the row, the change still names it
      issue('athletes', gone, { name: 'Иванов Пётр', group_id: group }),
      issue('coach_settings', settings, { buffer_before_minutes: -5 }),
      issue('unknown_table', settings, { x: 1 }),
    ];
    const ids = await db.issues.bulkAdd(issues, { allKeys: true });
    const names = await readIssueNames(db);
    expect(ids.map((id) => names.get(id)?.subject)).toEqual([
      'Смирнова Анна',
      'Новички',
      'Иванов Пётр',
      null,
      null,
    ]);
    expect(ids.map((id) => names.get(id)?.held)).toEqual([true, true, false, false, false]);
    // a mark links to its athlete; a row the device lost links nowhere
    expect(ids.map((id) => names.get(id)?.athleteId)).toEqual([anna, null, null, null, null]);
  });

  it('names who overwrote a change, when the device knows them', async () => {
    const db = await open();
    await db.store('athletes').put({ id: anna, name: 'Смирнова Анна' });
    await db.store('profiles').put({ id: marina, display_name: 'Марина Козлова' });
    const overwritten = (by: string): SyncIssue => ({
      ...issue('athletes', anna, { schedule: 'Пн 18:00' }),
      kind: 'superseded',
      theirs: { schedule: 'Вт 18:00' },
      reason: 'superseded',
      by,
    });
    const ids = await db.issues.bulkAdd(
      [overwritten(marina), overwritten('e0000000-0000-4000-8000-00000000ffff')],
      { allKeys: true },
    );
    const names = await readIssueNames(db);
    // only the field travels: the athlete's name comes from the device
    expect(ids.map((id) => names.get(id))).toEqual([
      { subject: 'Смирнова Анна', by: 'Марина Козлова', held: true, athleteId: anna },
      { subject: 'Смирнова Анна', by: null, held: true, athleteId: anna },
    ]);
  });
});
