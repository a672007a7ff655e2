// One athlete's Moyklass subscription for the athlete page. Apart from the
// roster's moyklass-data.ts because reading a snapshot leniently takes zod, which
// the roster's first load does without.
import {
  mainSubscription,
  readSubscriptions,
  type SubscriptionSummary,
} from '../../domain/moyklass-subscription.ts';
import { currentSeason } from '../../domain/season.ts';
import { liveRows } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';

export interface AthleteSubscriptionData {
  /** the season the snapshot is for: the club's current one */
  season: string;
  /** the subscription to show, or null: none in the season */
  main: SubscriptionSummary | null;
  /** when the proxy fetched it, and the club's zone to say so */
  fetchedAt: string;
  timeZone: string;
}

/**
 * One athlete's Moyklass subscription this season, from the synced snapshot;
 * null until a coach has refreshed from Moyklass (nothing to say then).
 */
export function observeAthleteSubscription(
  engine: SyncEngine,
  athleteId: string,
  now: () => number,
  onChange: (data: AthleteSubscriptionData | null) => void,
): LocalSubscription {
  return observeLocal(
    async (): Promise<AthleteSubscriptionData | null> => {
      const db = engine.db;
      const athlete = await db.rows('athletes').get(athleteId);
      if (!athlete) return null;
      const org = await db.rows('organizations').get(athlete.org_id);
      const timeZone = org?.time_zone || 'UTC';
      const season = currentSeason({ now }, timeZone);
      const snapshot = (await liveRows(db, 'moyklass_snapshots')).find(
        (s) => s.athlete_id === athleteId && s.season === season,
      );
      if (!snapshot) return null;
      return {
        season,
        main: mainSubscription(readSubscriptions(snapshot.subscriptions)),
        fetchedAt: snapshot.fetched_at,
        timeZone,
      };
    },
    onChange,
    'athlete subscription',
  );
}
