import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { applyLocalChange } from '../../data/apply-local-change.ts';
import { openUserDatabase, type UserDatabase } from '../../data/open-user-database.ts';
import {
  announcementReadId,
  conversationId,
  conversationReadId,
} from '../../domain/message-ids.ts';
import { readAnnouncement, readOverview, readThread } from './messages-data.ts';

const org = '00000000-0000-4000-8000-00000000000a';
const group = '00000000-0000-4000-8000-0000000000a1';
const coach = '00000000-0000-4000-8000-0000000000c1';
const athleteUser = '00000000-0000-4000-8000-0000000000d1';
const athlete = '00000000-0000-4000-8000-000000000001';

async function seeded(me: string): Promise<UserDatabase> {
  const db = await openUserDatabase(me, { dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  await db.store('organizations').bulkAdd([{ id: org, name: 'Старт' }]);
  await db.store('profiles').bulkAdd([
    { id: coach, display_name: 'Игорь Волков' },
    { id: athleteUser, display_name: 'Иван Петров' },
  ]);
  await db.store('memberships').bulkAdd([
    { id: 'm1', org_id: org, user_id: coach, role: 'coach' },
    { id: 'm2', org_id: org, user_id: athleteUser, role: 'athlete' },
  ]);
  await db.store('training_groups').bulkAdd([{ id: group, org_id: org, name: 'Начинающие' }]);
  await db
    .store('training_group_coaches')
    .bulkAdd([{ id: 'c1', org_id: org, group_id: group, user_id: coach }]);
  await db.store('athletes').bulkAdd([
    {
      id: athlete,
      org_id: org,
      group_id: group,
      user_id: athleteUser,
      name: 'Петров Иван',
      status: 'active',
    },
  ]);
  await db.store('announcements').bulkAdd([
    {
      id: 'a1',
      org_id: org,
      group_id: group,
      sender_id: coach,
      title: 'Сбор',
      body: '',
      created_at: '2026-12-07T09:00:00+00:00',
    },
    {
      id: 'a2',
      org_id: org,
      group_id: null,
      sender_id: coach,
      title: 'Клуб',
      body: '',
      created_at: '2026-12-06T09:00:00+00:00',
    },
  ]);
  const conv = await conversationId(athlete, coach);
  await db
    .store('conversations')
    .bulkAdd([{ id: conv, org_id: org, athlete_id: athlete, coach_id: coach }]);
  await db.store('conversation_messages').bulkAdd([
    {
      id: 'x1',
      org_id: org,
      conversation_id: conv,
      sender_id: athleteUser,
      body: 'Можно позже?',
      created_at: '2026-12-07T08:00:00.123456+00:00',
    },
    {
      id: 'x2',
      org_id: org,
      conversation_id: conv,
      sender_id: coach,
      body: 'Можно.',
      created_at: '2026-12-07T08:05:00+00:00',
    },
  ]);
  return db;
}

describe('messages on the device', () => {
  it('counts the athlete\u2019s unread announcements and messages, and offers their coach', async () => {
    const db = await seeded(athleteUser);
    await db.store('announcement_reads').add({
      id: await announcementReadId('a2', athleteUser),
      org_id: org,
      announcement_id: 'a2',
      user_id: athleteUser,
      read_at: '2026-12-07T10:00:00Z',
    });
    const conv = await conversationId(athlete, coach);
    await db.store('conversation_reads').add({
      id: await conversationReadId(conv, athleteUser),
      org_id: org,
      conversation_id: conv,
      user_id: athleteUser,
      read_through: '2026-12-07T08:00:00.123456+00:00',
    });
    const o = await readOverview(db, athleteUser);
    expect(o.announcements.map((a) => [a.id, a.read])).toEqual([
      ['a1', false],
      ['a2', true],
    ]);
    expect(o.conversations).toMatchObject([{ id: conv, title: 'Игорь Волков', unread: 1 }]);
    expect(o.unread).toBe(2);
    expect(o.coaches).toMatchObject([{ coachName: 'Игорь Волков', conversationId: conv }]);
    expect(o.canAnnounce).toBe(false);
    expect((await readAnnouncement(db, athleteUser, 'a1'))?.readers).toBeNull();
  });

  it('shows the coach who has read their announcement, out of the group', async () => {
    const db = await seeded(coach);
    await db.store('announcement_reads').add({
      id: await announcementReadId('a1', athleteUser),
      org_id: org,
      announcement_id: 'a1',
      user_id: athleteUser,
      read_at: '2026-12-07T10:00:00Z',
    });
    const a = await readAnnouncement(db, coach, 'a1');
    expect(a?.readers?.map((r) => r.name)).toEqual(['Иван Петров']);
    expect(a?.audienceSize).toBe(1);
    const o = await readOverview(db, coach);
    expect(o.canAnnounce).toBe(true);
    expect(o.athletes.map((x) => x.name)).toEqual(['Петров Иван']);
    expect(o.conversations[0]?.title).toBe('Петров Иван');
  });

  it('reads a thread oldest first, with what waits in the outbox', async () => {
    const db = await seeded(coach);
    const conv = await conversationId(athlete, coach);
    await applyLocalChange(db, {
      table: 'conversation_messages',
      op: 'insert',
      row: {
        id: '00000000-0000-4000-8000-0000000000f1',
        org_id: org,
        conversation_id: conv,
        sender_id: coach,
        body: 'Жду.',
      },
    });
    const th = await readThread(db, coach, { conversationId: conv });
    expect(th?.messages.map((m) => [m.body, m.mine, m.pending])).toEqual([
      ['Можно позже?', false, false],
      ['Можно.', true, false],
      ['Жду.', true, true],
    ]);
  });
});
