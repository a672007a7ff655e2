import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { SyncIssue } from '../domain/sync-protocol.ts';
import { openUserDatabase } from './open-user-database.ts';
import { readIssueSubjects } from './read-issue-subjects.ts';

const tables = [
  { name: 'athletes', indexes: [], since: 1 },
  { name: 'training_groups', indexes: [], since: 1 },
  { name: 'attendance', indexes: [], since: 1 },
  { name: 'coach_settings', indexes: [], since: 1 },
];
const open = () =>
  openUserDatabase('00000000-0000-4000-8000-0000000000a1', {
    tables,
    dexie: { indexedDB: new IDBFactory(), IDBKeyRange },
  });

const anna = 'a0000000-0000-4000-8000-000000000001';
const group = 'b0000000-0000-4000-8000-000000000001';

function issue(table: string, rowId: string, fields: Record<string, unknown>): SyncIssue {
  return { kind: 'rejected', table, rowId, fields, reason: 'invalid', message: 'no', at: 1 };
}

describe('readIssueSubjects', () => {
  it('names a row by its own name, its athlete or its group, and the change before the device', async () => {
    const db = await open();
    await db.rows('athletes').put({ id: anna, name: 'Смирнова Анна', group_id: group });
    await db.rows('training_groups').put({ id: group, name: 'Начинающие' });
    const mark = 'c0000000-0000-4000-8000-000000000001';
    await db.rows('attendance').put({ id: mark, athlete_id: anna, status: 'present' });
    const gone = 'a0000000-0000-4000-8000-000000000009';
    const settings = 'd0000000-0000-4000-8000-000000000001';
    const issues = [
      // an overwritten schedule: only the field travels, the name comes from the device
      { ...issue('athletes', anna, { schedule: 'Пн 18:00' }), kind: 'superseded' as const },
      issue('attendance', mark, { status: 'absent' }),
      issue('training_groups', group, { name: 'Новички' }),
      // access lost: the device no longer holds the row, the change still names it
      issue('athletes', gone, { name: 'Иванов Пётр', group_id: group }),
      issue('coach_settings', settings, { buffer_before_minutes: -5 }),
      issue('unknown_table', settings, { x: 1 }),
    ];
    const ids = await db.issues.bulkAdd(issues, { allKeys: true });
    const subjects = await readIssueSubjects(db);
    expect(ids.map((id) => subjects.get(id) ?? null)).toEqual([
      'Смирнова Анна',
      'Смирнова Анна',
      'Новички',
      'Иванов Пётр',
      null,
      null,
    ]);
  });
});
