// Whether this device has finished one sync. Before it has, an empty local table
// says nothing about the server: a page that would otherwise say "none" or
// offer an export of nothing waits for it. Read inside a live query, the answer
// follows the first sync's write of lastSyncAt.
import type { UserDatabase } from './open-user-database.ts';

export async function hasSyncedOnce(db: UserDatabase): Promise<boolean> {
  return typeof (await db.meta.get('lastSyncAt'))?.value === 'number';
}
