// What the inbox counts and offers: the unread announcements and messages, the
// read mark after an opening, the audiences a sender may choose. Apart from the
// schemas (messages.ts) so the home page's unread count loads without zod.
import { parseTimestamp } from './zoned-time.ts';

/** a server time in milliseconds; one that does not parse counts as the earliest */
function instant(value: string): number {
  return parseTimestamp(value) ?? -Infinity;
}

export interface AnnouncementLike {
  id: string;
  sender_id: string;
  deleted_at?: string | null;
}

/** announcements not sent by `userId` that they have not read */
export function unreadAnnouncements<T extends AnnouncementLike>(
  announcements: readonly T[],
  readIds: ReadonlySet<string>,
  userId: string,
): T[] {
  return announcements.filter(
    (a) => a.deleted_at == null && a.sender_id !== userId && !readIds.has(a.id),
  );
}

export interface MessageLike {
  sender_id: string;
  created_at: string;
  deleted_at?: string | null;
}

/**
 * Messages of others after the read mark. `readThrough` is a server time (the
 * newest message the person saw), so no device clock decides what is unread.
 */
export function unreadMessages<T extends MessageLike>(
  messages: readonly T[],
  readThrough: string | null,
  userId: string,
): T[] {
  const mark = readThrough === null ? -Infinity : instant(readThrough);
  return messages.filter(
    (m) => m.deleted_at == null && m.sender_id !== userId && instant(m.created_at) > mark,
  );
}

/** the read mark after seeing `messages`: the newest server time among them, never moving back */
export function readMarkAfter(
  messages: readonly MessageLike[],
  readThrough: string | null,
): string | null {
  let best = readThrough;
  for (const m of messages) {
    if (best === null || instant(m.created_at) > instant(best)) best = m.created_at;
  }
  return best;
}

export type Audience =
  { kind: 'club'; orgId: string } | { kind: 'group'; orgId: string; groupId: string };

export interface AudienceGroup {
  id: string;
  orgId: string;
  name: string;
}

/**
 * Whom a sender may address (the insert policy): an admin the whole club and any of
 * its groups; a coach the groups they coach. `adminOrgs` and `coachedGroupIds`
 * are the sender's; groups come sorted by name.
 */
export function audiencesFor(
  groups: readonly AudienceGroup[],
  adminOrgs: ReadonlySet<string>,
  coachedGroupIds: ReadonlySet<string>,
): Audience[] {
  const out: Audience[] = [...adminOrgs].sort().map((orgId) => ({ kind: 'club', orgId }));
  for (const g of [...groups].sort((a, b) => a.name.localeCompare(b.name, 'ru'))) {
    if (adminOrgs.has(g.orgId) || coachedGroupIds.has(g.id)) {
      out.push({ kind: 'group', orgId: g.orgId, groupId: g.id });
    }
  }
  return out;
}

/** newest first, by server time; a row written here and not yet synced (no time) first */
export function newestFirst<T extends { created_at?: string | null }>(rows: readonly T[]): T[] {
  const at = (r: T) => (r.created_at ? instant(r.created_at) : Infinity);
  return [...rows].sort((a, b) => at(b) - at(a));
}
