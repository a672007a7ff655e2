// What the UI shows about sync, as a live query over the user's database: pending
// changes, the last successful sync, and the issues awaiting the user.
import { liveQuery } from 'dexie';
import type { SyncIssue } from '../domain/sync-protocol.ts';
import type { UserDatabase } from './open-user-database.ts';

export interface LocalSyncStatus {
  pending: number;
  lastSyncAt: number | null;
  issues: SyncIssue[];
}

/** calls `onChange` with the current status and on every change; returns unsubscribe */
export function observeSyncStatus(
  db: UserDatabase,
  onChange: (status: LocalSyncStatus) => void,
  onError: (error: unknown) => void = () => undefined,
): () => void {
  const subscription = liveQuery(async () => {
    const [pending, last, issues] = await Promise.all([
      db.outbox.count(),
      db.meta.get('lastSyncAt'),
      db.issues.orderBy('id').toArray(),
    ]);
    return {
      pending,
      lastSyncAt: typeof last?.value === 'number' ? last.value : null,
      issues,
    };
  }).subscribe({ next: onChange, error: onError });
  return () => subscription.unsubscribe();
}
