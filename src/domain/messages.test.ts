import { describe, expect, it } from 'vitest';
import {
  announcementDateSchema,
  announcementInputSchema,
  audiencesFor,
  messageBodySchema,
  newestFirst,
  readMarkAfter,
  unreadAnnouncements,
  unreadMessages,
} from './messages.ts';
import { announcementReadId, conversationId, conversationReadId } from './message-ids.ts';

const me = 'u-me';
const other = 'u-other';

describe('announcement input', () => {
  it('trims the title and body and takes an optional date', () => {
    const r = announcementInputSchema.parse({
      title: '  Сбор в субботу ',
      body: ' В 10:00 ',
      eventOn: '2026-12-12',
      groupId: null,
    });
    expect(r).toEqual({
      title: 'Сбор в субботу',
      body: 'В 10:00',
      eventOn: '2026-12-12',
      groupId: null,
    });
  });
  it('refuses an empty title, a title over 200 characters, a body over 4000', () => {
    const base = { body: '', eventOn: null, groupId: null };
    expect(announcementInputSchema.safeParse({ ...base, title: '   ' }).success).toBe(false);
    expect(announcementInputSchema.safeParse({ ...base, title: 'я'.repeat(201) }).success).toBe(
      false,
    );
    expect(announcementInputSchema.safeParse({ ...base, title: 'я'.repeat(200) }).success).toBe(
      true,
    );
    // characters, not UTF-16 units: 200 emoji are 200 characters
    expect(announcementInputSchema.safeParse({ ...base, title: '🏃'.repeat(200) }).success).toBe(
      true,
    );
    expect(
      announcementInputSchema.safeParse({ ...base, title: 'x', body: 'я'.repeat(4001) }).success,
    ).toBe(false);
  });
  it('takes dates from 2000 to 2100 that exist', () => {
    expect(announcementDateSchema.safeParse('2000-01-01').success).toBe(true);
    expect(announcementDateSchema.safeParse('2100-12-31').success).toBe(true);
    expect(announcementDateSchema.safeParse('1999-12-31').success).toBe(false);
    expect(announcementDateSchema.safeParse('2026-02-30').success).toBe(false);
    expect(announcementDateSchema.safeParse(null).success).toBe(true);
  });
});

describe('message body', () => {
  it('is 1–4000 characters after trimming', () => {
    expect(messageBodySchema.safeParse(' \n ').success).toBe(false);
    expect(messageBodySchema.parse(' Привет ')).toBe('Привет');
    expect(messageBodySchema.safeParse('я'.repeat(4001)).success).toBe(false);
  });
});

describe('unread', () => {
  const anns = [
    { id: 'a1', sender_id: other },
    { id: 'a2', sender_id: other },
    { id: 'a3', sender_id: me },
    { id: 'a4', sender_id: other, deleted_at: '2026-12-01T00:00:00Z' },
  ];
  it('counts announcements of others not read and not withdrawn', () => {
    expect(unreadAnnouncements(anns, new Set(['a2']), me).map((a) => a.id)).toEqual(['a1']);
  });
  const msgs = [
    { sender_id: other, created_at: '2026-12-07T10:00:00Z' },
    { sender_id: me, created_at: '2026-12-07T10:05:00Z' },
    { sender_id: other, created_at: '2026-12-07T10:10:00Z' },
  ];
  it('counts messages of others after the read mark', () => {
    expect(unreadMessages(msgs, null, me)).toHaveLength(2);
    expect(unreadMessages(msgs, '2026-12-07T10:00:00Z', me)).toHaveLength(1);
    expect(unreadMessages(msgs, '2026-12-07T10:10:00Z', me)).toHaveLength(0);
  });
  it('moves the read mark to the newest message seen, never back', () => {
    expect(readMarkAfter(msgs, null)).toBe('2026-12-07T10:10:00Z');
    expect(readMarkAfter(msgs, '2026-12-08T00:00:00Z')).toBe('2026-12-08T00:00:00Z');
    expect(readMarkAfter([], null)).toBeNull();
  });
  it('puts what is not synced yet first', () => {
    const rows = [
      { created_at: '2026-12-01T00:00:00Z' },
      { created_at: null },
      { created_at: '2026-12-02T00:00:00Z' },
    ];
    expect(newestFirst(rows).map((r) => r.created_at)).toEqual([
      null,
      '2026-12-02T00:00:00Z',
      '2026-12-01T00:00:00Z',
    ]);
  });
});

describe('audiences', () => {
  const groups = [
    { id: 'g2', orgId: 'o1', name: 'Спринт' },
    { id: 'g1', orgId: 'o1', name: 'Начинающие' },
    { id: 'g3', orgId: 'o2', name: 'Другой клуб' },
  ];
  it('gives a coach the groups they coach, and no whole club', () => {
    expect(audiencesFor(groups, new Set(), new Set(['g1']))).toEqual([
      { kind: 'group', orgId: 'o1', groupId: 'g1' },
    ]);
  });
  it('gives an admin the whole club and every group of it', () => {
    expect(audiencesFor(groups, new Set(['o1']), new Set())).toEqual([
      { kind: 'club', orgId: 'o1' },
      { kind: 'group', orgId: 'o1', groupId: 'g1' },
      { kind: 'group', orgId: 'o1', groupId: 'g2' },
    ]);
  });
});

describe('ids', () => {
  it('are uuid v5, the same for the same pair, different per table', async () => {
    const a = 'd7000000-0000-4000-8000-000000000001';
    const u = 'D0000000-0000-4000-8000-000000000002';
    const id = await announcementReadId(a, u);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await announcementReadId(a, u.toLowerCase())).toBe(id);
    expect(await conversationId(a, u)).not.toBe(id);
    expect(await conversationReadId(a, u)).not.toBe(await conversationId(a, u));
  });
});
