// The signed-in person's own profile, from the local database (synced, so it
// answers offline).
import type { SyncEngine } from '../../data/start-sync-engine.ts';

/** the time zone the signed-in person chose, or undefined when they chose none */
export async function readMyTimeZone(engine: SyncEngine): Promise<string | undefined> {
  const profile = await engine.db.rows('profiles').get(engine.userId);
  return profile?.time_zone || undefined;
}
