// What the messages screens read from the device and write through the outbox:
// announcements with whether the user has read them, who has read the user's own,
// conversations with their unread counts, a thread with what is still waiting to
// be sent. Everything works offline; reads and "read" marks sync later.
import {
  audiencesFor,
  newestFirst,
  readMarkAfter,
  unreadMessages,
  type Audience,
} from '../../domain/message-inbox.ts';
import type { AnnouncementInput } from '../../domain/messages.ts';
import {
  announcementReadId,
  conversationId,
  conversationReadId,
} from '../../domain/message-ids.ts';
import { hasRoleAtLeast, isRole, type Role } from '../../domain/organization.ts';
import { isCurrentMembership, liveRows, liveRowsWhere } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { UserDatabase } from '../../data/open-user-database.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';

export interface AnnouncementItem {
  id: string;
  orgId: string;
  groupId: string | null;
  /** the group's name; null for the whole club */
  groupName: string | null;
  orgName: string;
  title: string;
  body: string;
  eventOn: string | null;
  senderName: string;
  /** server time; null while it waits to be sent */
  createdAt: string | null;
  mine: boolean;
  read: boolean;
  pending: boolean;
}

export interface Reader {
  name: string;
  readAt: string;
}

export interface AnnouncementDetail extends AnnouncementItem {
  /** who has read it: for its sender and the club's admins, else null */
  readers: Reader[] | null;
  /** how many it is addressed to, as far as this device knows (sender's view) */
  audienceSize: number | null;
}

export interface ConversationItem {
  id: string;
  orgId: string;
  athleteId: string;
  coachId: string;
  /** the other side's name (for an admin reading a minor's: both) */
  title: string;
  lastBody: string | null;
  lastAt: string | null;
  unread: number;
  /** the user is one of its sides (an admin reading a minor's is not) */
  party: boolean;
}

export interface CoachToWrite {
  athleteId: string;
  athleteName: string;
  coachId: string;
  coachName: string;
  orgId: string;
  conversationId: string;
}

export interface ThreadMessage {
  id: string;
  body: string;
  mine: boolean;
  senderName: string;
  createdAt: string | null;
  pending: boolean;
}

export interface Thread {
  id: string;
  orgId: string;
  athleteId: string;
  coachId: string;
  title: string;
  /** the conversation row exists here (synced or written on this device) */
  exists: boolean;
  party: boolean;
  messages: ThreadMessage[];
}

export interface MessagesOverview {
  announcements: AnnouncementItem[];
  conversations: ConversationItem[];
  /** «Напишите тренеру»: the user's coaches, for their own athlete records */
  coaches: CoachToWrite[];
  /** athletes a coach may write to, by name */
  athletes: { id: string; name: string; orgId: string }[];
  canAnnounce: boolean;
  unread: number;
}

async function roles(db: UserDatabase, userId: string): Promise<Map<string, Role>> {
  const rows = await db.rows('memberships').where('user_id').equals(userId).toArray();
  const out = new Map<string, Role>();
  for (const m of rows) if (isCurrentMembership(m) && isRole(m.role)) out.set(m.org_id, m.role);
  return out;
}

async function names(db: UserDatabase): Promise<Map<string, string>> {
  const rows = await db.rows('profiles').toArray();
  return new Map(rows.map((p) => [p.id, p.display_name]));
}

/** ids of rows of `table` still waiting in the outbox */
async function pendingIds(db: UserDatabase, table: string): Promise<Set<string>> {
  const entries = await db.outbox.toArray();
  return new Set(entries.filter((e) => e.table === table).map((e) => e.rowId));
}

async function coachedGroupIds(db: UserDatabase, userId: string): Promise<Set<string>> {
  const [r, links] = await Promise.all([
    roles(db, userId),
    liveRowsWhere(db, 'training_group_coaches', 'user_id', [userId]),
  ]);
  return new Set(
    links
      .filter((l) => hasRoleAtLeast(r.get(l.org_id) ?? 'member', 'coach'))
      .map((l) => l.group_id),
  );
}

/** whom the user may address: the whole club (admins) and groups */
export async function readAudiences(
  db: UserDatabase,
  userId: string,
): Promise<{ audience: Audience; label: string }[]> {
  const [r, coached, groups, orgs] = await Promise.all([
    roles(db, userId),
    coachedGroupIds(db, userId),
    liveRows(db, 'training_groups'),
    liveRows(db, 'organizations'),
  ]);
  const admin = new Set([...r].filter(([, role]) => hasRoleAtLeast(role, 'admin')).map(([o]) => o));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  return audiencesFor(
    groups.map((g) => ({ id: g.id, orgId: g.org_id, name: g.name })),
    admin,
    coached,
  ).map((a) => ({
    audience: a,
    label: a.kind === 'club' ? (orgName.get(a.orgId) ?? '') : (groupName.get(a.groupId) ?? ''),
  }));
}

async function readAnnouncements(db: UserDatabase, userId: string): Promise<AnnouncementItem[]> {
  const [rows, reads, groups, orgs, who, pending] = await Promise.all([
    liveRows(db, 'announcements'),
    liveRowsWhere(db, 'announcement_reads', 'user_id', [userId]),
    db.rows('training_groups').toArray(),
    db.rows('organizations').toArray(),
    names(db),
    pendingIds(db, 'announcements'),
  ]);
  const readIds = new Set(reads.map((r) => r.announcement_id));
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return newestFirst(rows).map((a) => ({
    id: a.id,
    orgId: a.org_id,
    groupId: a.group_id ?? null,
    groupName: a.group_id ? (groupName.get(a.group_id) ?? '') : null,
    orgName: orgName.get(a.org_id) ?? '',
    title: a.title,
    body: a.body ?? '',
    eventOn: a.event_on ?? null,
    senderName: who.get(a.sender_id) ?? '',
    createdAt: a.created_at ?? null,
    mine: a.sender_id === userId,
    read: a.sender_id === userId || readIds.has(a.id),
    pending: pending.has(a.id),
  }));
}

async function readConversations(db: UserDatabase, userId: string): Promise<ConversationItem[]> {
  const [rows, messages, reads, athletes, who] = await Promise.all([
    liveRows(db, 'conversations'),
    liveRows(db, 'conversation_messages'),
    liveRowsWhere(db, 'conversation_reads', 'user_id', [userId]),
    db.rows('athletes').toArray(),
    names(db),
  ]);
  const athleteName = new Map(athletes.map((a) => [a.id, a.name]));
  const own = new Set(athletes.filter((a) => a.user_id === userId).map((a) => a.id));
  const readThrough = new Map(reads.map((r) => [r.conversation_id, r.read_through]));
  const items = rows.map((c): ConversationItem => {
    const thread = messages.filter((m) => m.conversation_id === c.id);
    const last = newestFirst(thread)[0];
    const isCoach = c.coach_id === userId;
    const isAthlete = own.has(c.athlete_id);
    const athlete = athleteName.get(c.athlete_id) ?? '';
    const coach = who.get(c.coach_id) ?? '';
    return {
      id: c.id,
      orgId: c.org_id,
      athleteId: c.athlete_id,
      coachId: c.coach_id,
      title: isCoach ? athlete : isAthlete ? coach : `${athlete} — ${coach}`,
      lastBody: last?.body ?? null,
      lastAt: last?.created_at ?? null,
      unread:
        isCoach || isAthlete
          ? unreadMessages(thread, readThrough.get(c.id) ?? null, userId).length
          : 0,
      party: isCoach || isAthlete,
    };
  });
  return items.sort((a, b) => (b.lastAt ?? '').localeCompare(a.lastAt ?? ''));
}

/**
 * the user's coaches for «Напишите тренеру»: the coaches of their own athlete
 * records' groups, and those who coach or consult them individually
 */
async function readCoaches(db: UserDatabase, userId: string): Promise<CoachToWrite[]> {
  const [athletes, links, individual, who] = await Promise.all([
    liveRowsWhere(db, 'athletes', 'user_id', [userId]),
    liveRows(db, 'training_group_coaches'),
    liveRows(db, 'coach_athletes'),
    names(db),
  ]);
  const out: CoachToWrite[] = [];
  const seen = new Set<string>();
  for (const a of athletes) {
    const coachIds = [
      ...links.filter((l) => a.group_id && l.group_id === a.group_id).map((l) => l.user_id),
      ...individual
        .filter((r) => r.athlete_id === a.id && r.status === 'active')
        .map((r) => r.coach_id),
    ];
    for (const coachId of coachIds) {
      const key = `${a.id}/${coachId}`;
      if (coachId === userId || seen.has(key)) continue;
      seen.add(key);
      out.push({
        athleteId: a.id,
        athleteName: a.name,
        coachId,
        coachName: who.get(coachId) ?? '',
        orgId: a.org_id,
        conversationId: await conversationId(a.id, coachId),
      });
    }
  }
  return out;
}

/** athletes the user coaches (groups, individually) or consults: whom they may start a conversation with */
async function readCoachedAthletes(
  db: UserDatabase,
  userId: string,
): Promise<{ id: string; name: string; orgId: string }[]> {
  const [groups, individual] = await Promise.all([
    coachedGroupIds(db, userId),
    liveRowsWhere(db, 'coach_athletes', 'coach_id', [userId]),
  ]);
  const ids = new Set(individual.filter((r) => r.status === 'active').map((r) => r.athlete_id));
  const athletes = (await liveRows(db, 'athletes')).filter(
    (a) => (a.group_id !== null && groups.has(a.group_id)) || ids.has(a.id),
  );
  return athletes
    .filter((a) => a.status === 'active')
    .map((a) => ({ id: a.id, name: a.name, orgId: a.org_id }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

export async function readOverview(db: UserDatabase, userId: string): Promise<MessagesOverview> {
  const [announcements, conversations, coaches, athletes, audiences] = await Promise.all([
    readAnnouncements(db, userId),
    readConversations(db, userId),
    readCoaches(db, userId),
    readCoachedAthletes(db, userId),
    readAudiences(db, userId),
  ]);
  return {
    announcements,
    conversations,
    coaches,
    athletes,
    canAnnounce: audiences.length > 0,
    unread:
      announcements.filter((a) => !a.read).length + conversations.reduce((n, c) => n + c.unread, 0),
  };
}

export function observeOverview(
  engine: SyncEngine,
  onChange: (o: MessagesOverview) => void,
): LocalSubscription {
  return observeLocal(() => readOverview(engine.db, engine.userId), onChange, 'messages');
}

/** the unread count alone, for the link on the home page */
export function observeUnread(
  engine: SyncEngine,
  onChange: (n: number) => void,
): LocalSubscription {
  return observeLocal(
    async () => (await readOverview(engine.db, engine.userId)).unread,
    onChange,
    'messages unread',
  );
}

export async function readAnnouncement(
  db: UserDatabase,
  userId: string,
  id: string,
): Promise<AnnouncementDetail | null> {
  const item = (await readAnnouncements(db, userId)).find((a) => a.id === id);
  if (!item) return null;
  const r = await roles(db, userId);
  const sees = item.mine || hasRoleAtLeast(r.get(item.orgId) ?? 'member', 'admin');
  if (!sees) return { ...item, readers: null, audienceSize: null };
  const [reads, who, athletes, memberships] = await Promise.all([
    liveRowsWhere(db, 'announcement_reads', 'announcement_id', [id]),
    names(db),
    liveRows(db, 'athletes'),
    liveRowsWhere(db, 'memberships', 'org_id', [item.orgId]),
  ]);
  const readers = reads
    .filter((x) => x.user_id !== userId)
    .map((x) => ({ name: who.get(x.user_id) ?? '', readAt: x.read_at }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  const audience = item.groupId
    ? new Set(
        athletes
          .filter((a) => a.group_id === item.groupId && a.user_id && a.status === 'active')
          .map((a) => a.user_id),
      )
    : new Set(memberships.filter(isCurrentMembership).map((m) => m.user_id));
  audience.delete(userId);
  return { ...item, readers, audienceSize: audience.size };
}

export function observeAnnouncement(
  engine: SyncEngine,
  id: string,
  onChange: (a: AnnouncementDetail | null) => void,
): LocalSubscription {
  return observeLocal(
    () => readAnnouncement(engine.db, engine.userId, id),
    onChange,
    'announcement',
  );
}

/** marks an announcement read on this device (once; the server keeps the first time) */
export async function markAnnouncementRead(
  engine: SyncEngine,
  a: { id: string; orgId: string },
): Promise<void> {
  const id = await announcementReadId(a.id, engine.userId);
  if (await engine.db.rows('announcement_reads').get(id)) return;
  await engine.change({
    table: 'announcement_reads',
    op: 'insert',
    row: {
      id,
      org_id: a.orgId,
      announcement_id: a.id,
      user_id: engine.userId,
      read_at: new Date().toISOString(),
    },
  });
}

export async function postAnnouncement(
  engine: SyncEngine,
  orgId: string,
  input: AnnouncementInput,
): Promise<string> {
  const id = crypto.randomUUID();
  await engine.change({
    table: 'announcements',
    op: 'insert',
    row: {
      id,
      org_id: orgId,
      group_id: input.groupId,
      sender_id: engine.userId,
      title: input.title,
      body: input.body,
      event_on: input.eventOn,
    },
  });
  return id;
}

export async function readThread(
  db: UserDatabase,
  userId: string,
  key: { conversationId: string; athleteId?: string; coachId?: string },
): Promise<Thread | null> {
  const [row, overview, messages, who, pending] = await Promise.all([
    db.rows('conversations').get(key.conversationId),
    readConversations(db, userId),
    liveRowsWhere(db, 'conversation_messages', 'conversation_id', [key.conversationId]),
    names(db),
    pendingIds(db, 'conversation_messages'),
  ]);
  const item = overview.find((c) => c.id === key.conversationId);
  let base: Omit<Thread, 'messages'>;
  if (row && item) {
    base = { ...item, exists: true };
  } else if (key.athleteId && key.coachId) {
    // «Напишите тренеру» before the first message: the conversation is made on send
    const coaches = await readCoaches(db, userId);
    const coach = coaches.find((c) => c.conversationId === key.conversationId);
    const athletes = await readCoachedAthletes(db, userId);
    const athlete = athletes.find((a) => a.id === key.athleteId);
    const orgId = coach?.orgId ?? athlete?.orgId;
    if (!orgId) return null;
    base = {
      id: key.conversationId,
      orgId,
      athleteId: key.athleteId,
      coachId: key.coachId,
      title: coach ? coach.coachName : (athlete?.name ?? ''),
      exists: false,
      party: true,
    };
  } else {
    return null;
  }
  const ordered = newestFirst(messages).reverse();
  return {
    ...base,
    messages: ordered.map((m) => ({
      id: m.id,
      body: m.body,
      mine: m.sender_id === userId,
      senderName: who.get(m.sender_id) ?? '',
      createdAt: m.created_at ?? null,
      pending: pending.has(m.id),
    })),
  };
}

export function observeThread(
  engine: SyncEngine,
  key: { conversationId: string; athleteId?: string; coachId?: string },
  onChange: (t: Thread | null) => void,
): LocalSubscription {
  return observeLocal(() => readThread(engine.db, engine.userId, key), onChange, 'conversation');
}

/** sends a message, making the conversation first when this is its first */
export async function sendMessage(engine: SyncEngine, thread: Thread, body: string): Promise<void> {
  if (!(await engine.db.rows('conversations').get(thread.id))) {
    await engine.change({
      table: 'conversations',
      op: 'insert',
      row: {
        id: thread.id,
        org_id: thread.orgId,
        athlete_id: thread.athleteId,
        coach_id: thread.coachId,
      },
    });
  }
  await engine.change({
    table: 'conversation_messages',
    op: 'insert',
    row: {
      id: crypto.randomUUID(),
      org_id: thread.orgId,
      conversation_id: thread.id,
      sender_id: engine.userId,
      body,
    },
  });
}

/** moves the user's read mark to the newest synced message of the thread */
export async function markThreadRead(engine: SyncEngine, thread: Thread): Promise<void> {
  if (!thread.exists) return;
  const synced = thread.messages.filter(
    (m): m is ThreadMessage & { createdAt: string } => m.createdAt !== null,
  );
  const id = await conversationReadId(thread.id, engine.userId);
  const row = await engine.db.rows('conversation_reads').get(id);
  const next = readMarkAfter(
    synced.map((m) => ({ sender_id: '', created_at: m.createdAt })),
    row?.read_through ?? null,
  );
  if (next === null || next === (row?.read_through ?? null)) return;
  await engine.change(
    row
      ? { table: 'conversation_reads', op: 'update', id, patch: { read_through: next } }
      : {
          table: 'conversation_reads',
          op: 'insert',
          row: {
            id,
            org_id: thread.orgId,
            conversation_id: thread.id,
            user_id: engine.userId,
            read_through: next,
          },
        },
  );
}
