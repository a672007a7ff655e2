// The ids of the messages' rows that derive from a natural key, as RFC 4122
// version-5 uuids of "<a>/<b>" (lowercase) in a namespace of each table's own;
// the database derives the same (private.announcement_read_id,
// private.conversation_id, private.conversation_read_id in
// 20261207130000_messages.sql) and checks it. Two devices that open one
// announcement, or start one conversation, offline write one row.
import { uuidV5 } from './attendance-id.ts';

export const ANNOUNCEMENT_READ_NAMESPACE = '6a1d2f3e-8b4c-4e71-9d0a-5c3b2e1f4a60';
export const CONVERSATION_NAMESPACE = '2b7e9c41-5d3a-4f86-a0e2-7c9d1b3f5e27';
export const CONVERSATION_READ_NAMESPACE = '9e4c2a17-3b6d-4d58-8f1e-4a7b6c2d9e83';

const pair = (a: string, b: string) => `${a.toLowerCase()}/${b.toLowerCase()}`;

/** the id of `userId`'s read of an announcement */
export function announcementReadId(announcementId: string, userId: string): Promise<string> {
  return uuidV5(ANNOUNCEMENT_READ_NAMESPACE, pair(announcementId, userId));
}

/** the id of the one conversation between an athlete and a coach (an auth user) */
export function conversationId(athleteId: string, coachId: string): Promise<string> {
  return uuidV5(CONVERSATION_NAMESPACE, pair(athleteId, coachId));
}

/** the id of `userId`'s read mark in a conversation */
export function conversationReadId(conversationId: string, userId: string): Promise<string> {
  return uuidV5(CONVERSATION_READ_NAMESPACE, pair(conversationId, userId));
}
