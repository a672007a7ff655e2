import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { markAttendance } from '../../data/mark-attendance.ts';
import { openUserDatabase, type UserDatabase } from '../../data/open-user-database.ts';
import { attendanceId } from '../../domain/attendance-id.ts';
import { readAthleteMarks } from './athlete-marks-data.ts';
import { readToday, todayOf } from './today-data.ts';

const me = '00000000-0000-4000-8000-0000000000c1';
const org = '00000000-0000-4000-8000-00000000000a';
const otherOrg = '00000000-0000-4000-8000-00000000000b';
const mine = '00000000-0000-4000-8000-0000000000a1';
const notMine = '00000000-0000-4000-8000-0000000000a2';
const adminGroup = '00000000-0000-4000-8000-0000000000b1';
const anna = '00000000-0000-4000-8000-000000000001';
const boris = '00000000-0000-4000-8000-000000000002';
const vera = '00000000-0000-4000-8000-000000000003';
const gone = '00000000-0000-4000-8000-000000000004';
/** the clock: 7 December 2026, 12:00 in Moscow */
const at = Date.parse('2026-12-07T09:00:00Z');

async function seeded(): Promise<UserDatabase> {
  const db = await openUserDatabase(me, { dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  await db.store('organizations').bulkAdd([
    { id: org, name: 'Старт', time_zone: 'Europe/Moscow' },
    { id: otherOrg, name: 'Юниор', time_zone: 'Asia/Vladivostok' },
  ]);
  await db.store('memberships').bulkAdd([
    { id: 'm1', org_id: org, user_id: me, role: 'coach' },
    { id: 'm2', org_id: otherOrg, user_id: me, role: 'admin' },
  ]);
  await db.store('training_groups').bulkAdd([
    { id: mine, org_id: org, name: 'Начинающие' },
    { id: notMine, org_id: org, name: 'Спринт' },
    { id: adminGroup, org_id: otherOrg, name: 'Взрослые' },
  ]);
  await db
    .store('training_group_coaches')
    .bulkAdd([{ id: 'c1', org_id: org, group_id: mine, user_id: me }]);
  await db.store('athletes').bulkAdd([
    { id: anna, org_id: org, group_id: mine, name: 'Смирнова Анна', status: 'active' },
    { id: boris, org_id: org, group_id: mine, name: 'Борисов Олег', status: 'active' },
    { id: vera, org_id: org, group_id: notMine, name: 'Вера', status: 'active' },
    { id: gone, org_id: org, group_id: mine, name: 'Архивный', status: 'archived' },
  ]);
  const session = (id: string, group: string, date: string, hour: number, extra = {}) => ({
    id,
    org_id: group === adminGroup ? otherOrg : org,
    group_id: group,
    kind: 'group',
    local_date: date,
    time_zone: 'Europe/Moscow',
    starts_at: `${date}T${String(hour - 3).padStart(2, '0')}:00:00+00:00`,
    ends_at: `${date}T${String(hour - 2).padStart(2, '0')}:30:00+00:00`,
    status: 'scheduled',
    ...extra,
  });
  await db
    .store('training_sessions')
    .bulkAdd([
      session('s-evening', mine, '2026-12-07', 18),
      session('s-morning', mine, '2026-12-07', 10, { title: 'Утро' }),
      session('s-other-group', notMine, '2026-12-07', 19),
      session('s-admin', adminGroup, '2026-12-07', 12),
      session('s-tomorrow', mine, '2026-12-08', 18),
      session('s-past', mine, '2026-11-30', 18),
      session('s-last-season', mine, '2026-05-04', 18),
      session('s-deleted', mine, '2026-12-07', 20, { deleted_at: '2026-12-01T00:00:00Z' }),
    ]);
  await db.store('attendance').bulkAdd([
    { id: 'x1', session_id: 's-past', athlete_id: anna, status: 'present' },
    { id: 'x2', session_id: 's-last-season', athlete_id: anna, status: 'absent' },
    { id: 'x3', session_id: 's-past', athlete_id: boris, status: 'absent' },
    // Вера came to my group's session once: she shows in it though she trains elsewhere
    { id: 'x4', session_id: 's-evening', athlete_id: vera, status: 'trial' },
  ]);
  return db;
}

describe('readToday', () => {
  it('shows the day’s sessions of the groups I coach or administer, in time order, with athletes', async () => {
    const db = await seeded();
    const today = await readToday(db, me, '2026-12-07', at);
    expect(today.season).toBe('2026-2027');
    expect(today.sessions.map((s) => s.id)).toEqual(['s-morning', 's-admin', 's-evening']);
    const evening = today.sessions.find((s) => s.id === 's-evening');
    expect(evening?.groupName).toBe('Начинающие');
    expect(evening?.athletes.map((a) => [a.name, a.status])).toEqual([
      ['Борисов Олег', null],
      ['Вера', 'trial'],
      ['Смирнова Анна', null],
    ]);
    // this season only: last season's absence does not count
    const annaToday = evening?.athletes.find((a) => a.id === anna);
    expect(annaToday?.season.percent).toBe(100);
    expect(evening?.athletes.find((a) => a.id === boris)?.season.percent).toBe(0);
  });

  it('offers marks for sessions whose day has come only, and a mark ahead counts for nothing', async () => {
    const db = await seeded();
    // a mark written for tomorrow before the server refused them
    await db
      .store('attendance')
      .add({ id: 'x5', session_id: 's-tomorrow', athlete_id: boris, status: 'present' });
    const today = await readToday(db, me, '2026-12-07', at);
    expect(today.sessions.every((s) => s.markable)).toBe(true);
    // Борисов: absent on 30 November; the present of tomorrow does not lift him
    const evening = today.sessions.find((s) => s.id === 's-evening');
    expect(evening?.athletes.find((a) => a.id === boris)?.season.percent).toBe(0);
    expect(await readAthleteMarks(db, boris, at)).toEqual([
      { status: 'absent', localDate: '2026-11-30' },
    ]);
    const tomorrow = await readToday(db, me, '2026-12-08', at);
    expect(tomorrow.sessions.map((s) => [s.id, s.markable])).toEqual([['s-tomorrow', false]]);
    // the next day, it may be marked and its mark counts
    const next = await readToday(db, me, '2026-12-08', at + 24 * 3600_000);
    expect(next.sessions.map((s) => s.markable)).toEqual([true]);
    expect(next.sessions[0]?.athletes.find((a) => a.id === boris)?.season.percent).toBe(50);
  });

  it('says whether the device has synced once, so no sessions before it is not an answer', async () => {
    const db = await seeded();
    expect((await readToday(db, me, '2026-12-07', at)).synced).toBe(false);
    await db.meta.put({ key: 'lastSyncAt', value: at });
    expect((await readToday(db, me, '2026-12-07', at)).synced).toBe(true);
  });

  it('reads "today" in the zone of the first organization (by name) where I am staff', async () => {
    const db = await seeded();
    // 22:30 UTC on 6 December is already 7 December in Moscow
    expect(await todayOf(db, me, Date.parse('2026-12-06T22:30:00Z'))).toBe('2026-12-07');
    expect(await todayOf(db, me, Date.parse('2026-12-06T20:30:00Z'))).toBe('2026-12-06');
  });

  it('a mark is an insert under the derived id, then an update of that row, through the outbox', async () => {
    const db = await seeded();
    const input = {
      orgId: org,
      sessionId: 's-evening-0000-0000-0000-000000000000',
      athleteId: anna,
      status: 'present' as const,
      markedBy: me,
      at: Date.parse('2026-12-07T15:05:00Z'),
    };
    // a session id must be a uuid for the derived id
    await expect(markAttendance(db, input)).rejects.toThrow(/uuid/);

    const sessionId = '00000000-0000-4000-8000-00000000e001';
    await db.store('training_sessions').add({
      id: sessionId,
      org_id: org,
      group_id: mine,
      kind: 'group',
      local_date: '2026-12-07',
      time_zone: 'Europe/Moscow',
      starts_at: '2026-12-07T17:00:00+00:00',
      ends_at: '2026-12-07T18:30:00+00:00',
      status: 'scheduled',
    });
    // clearing what was never marked changes nothing
    expect(await markAttendance(db, { ...input, sessionId, status: null })).toBeNull();
    const first = await markAttendance(db, { ...input, sessionId });
    expect(first).toMatchObject({ op: 'insert', table: 'attendance' });
    const second = await markAttendance(db, {
      ...input,
      sessionId,
      status: 'excused',
      at: input.at + 60_000,
    });
    expect(second).toMatchObject({ op: 'update', rowId: await attendanceId(sessionId, anna) });

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.op, e.fields['status']])).toEqual([
      ['insert', 'present'],
      ['update', 'excused'],
    ]);
    const today = await readToday(db, me, '2026-12-07', at);
    const marked = today.sessions
      .find((s) => s.id === sessionId)
      ?.athletes.find((a) => a.id === anna);
    expect(marked?.status).toBe('excused');
    expect(await readAthleteMarks(db, anna, at)).toEqual(
      expect.arrayContaining([
        { status: 'excused', localDate: '2026-12-07' },
        { status: 'present', localDate: '2026-11-30' },
      ]),
    );

    // the pressed mark tapped again: the row stays, without a status, and counts nowhere
    const cleared = await markAttendance(db, {
      ...input,
      sessionId,
      status: null,
      at: input.at + 120_000,
    });
    expect(cleared).toMatchObject({ op: 'update', fields: { status: null } });
    const after = await readToday(db, me, '2026-12-07', at);
    expect(
      after.sessions.find((s) => s.id === sessionId)?.athletes.find((a) => a.id === anna)?.status,
    ).toBeNull();
    expect(await readAthleteMarks(db, anna, at)).not.toContainEqual(
      expect.objectContaining({ localDate: '2026-12-07' }),
    );
  });
});
