// Logout: warn when changes are still queued, then wipe everything of this user on
// the device — the local database (outbox included), the auth token and the data
// caches — so the next person to sign in on this phone starts clean.
import { Dexie } from 'dexie';
import type { UserDatabase } from './open-user-database.ts';

export interface LogoutOptions {
  db: UserDatabase;
  /** signs out of Supabase (clears its stored session) */
  signOut: () => Promise<unknown>;
  /** asked only when changes are pending; false keeps the user signed in */
  confirmDiscard: (pending: number) => Promise<boolean> | boolean;
  caches?: Pick<CacheStorage, 'keys' | 'delete'> | null;
  /** caches to keep (the app shell precache, so the app still opens offline) */
  keepCache?: (name: string) => boolean;
  /** where supabase-js keeps its session (`sb-…` keys) */
  storage?: Pick<Storage, 'length' | 'key' | 'removeItem'> | null;
}

/** true when the user was logged out, false when they chose to stay */
export async function logoutUser(options: LogoutOptions): Promise<boolean> {
  const { db } = options;
  const pending = await db.outbox.count();
  if (pending > 0 && !(await options.confirmDiscard(pending))) return false;
  try {
    await options.signOut();
  } catch {
    // offline: the local session is cleared below anyway
  }
  const name = db.name;
  db.close();
  await Dexie.delete(name);
  const caches = options.caches === undefined ? (globalThis.caches ?? null) : options.caches;
  const keep = options.keepCache ?? ((n: string) => n.startsWith('workbox-precache'));
  if (caches) {
    for (const key of await caches.keys()) if (!keep(key)) await caches.delete(key);
  }
  const storage =
    options.storage === undefined ? (globalThis.localStorage ?? null) : options.storage;
  if (storage) {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k?.startsWith('sb-')) keys.push(k);
    }
    for (const k of keys) storage.removeItem(k);
  }
  return true;
}
