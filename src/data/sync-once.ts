// One sync: make sure the session is fresh and belongs to this database's user,
// push the outbox, then pull. A 401 refreshes once and resumes; a session that
// cannot be refreshed keeps the outbox and asks the user to sign in again.
import type { UserDatabase } from './open-user-database.ts';
import { pullChanges, type PullSummary } from './pull-changes.ts';
import { pushOutbox, type PushSummary } from './push-outbox.ts';
import { SyncAuthError } from './sync-errors.ts';
import { withAuthRetry, type SyncTransport } from './sync-transport.ts';

export interface SyncSummary {
  push: PushSummary;
  pull: PullSummary;
  at: number;
}

export async function syncOnce(
  db: UserDatabase,
  transport: SyncTransport,
  options: { now?: () => number; pageSize?: number } = {},
): Promise<SyncSummary> {
  const now = options.now ?? Date.now;
  const user = await transport.currentUser();
  if (user === null) throw new SyncAuthError('signed out: sign in again to sync');
  if (user.toLowerCase() !== db.userId) {
    // never push one user's queued changes under another user's session
    throw new SyncAuthError('the session belongs to another user');
  }
  const guarded = withAuthRetry(transport, db.userId);
  const push = await pushOutbox(db, guarded, { now });
  const pull = await pullChanges(db, guarded, {
    now,
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  });
  const at = now();
  await db.meta.put({ key: 'lastSyncAt', value: at });
  return { push, pull, at };
}
