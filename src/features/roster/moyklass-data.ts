// The roster's Moyklass part: this season's subscription snapshots from the local
// database (so the filter works offline) and the refresh through the
// moyklass-proxy function (coaches and admins; the API key stays on the server).
import { subscriptionsInSeason } from '../../domain/roster-filter.ts';
import { currentSeason } from '../../domain/season.ts';
import { liveRows, myMemberships } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';

export interface StaffOrganization {
  id: string;
  name: string;
  /** the season now on the club's calendar */
  season: string;
}

export interface MoyklassData {
  /** athlete id → has a subscription in their club's current season (fetched athletes only) */
  subscriptions: Map<string, boolean>;
  /** the organizations where I may refresh (coach, admin, owner) */
  staffOf: StaffOrganization[];
  /** the latest fetch among the snapshots shown, and its club's time zone */
  fetchedAt: { at: string; timeZone: string } | null;
}

const STAFF = new Set(['owner', 'admin', 'coach']);

export function observeMoyklass(
  engine: SyncEngine,
  now: () => number,
  onChange: (data: MoyklassData) => void,
): LocalSubscription {
  return observeLocal(
    async (): Promise<MoyklassData> => {
      const db = engine.db;
      const [snapshots, memberships, orgs] = await Promise.all([
        liveRows(db, 'moyklass_snapshots'),
        myMemberships(db),
        db.rows('organizations').toArray(),
      ]);
      const zoneOf = new Map(orgs.map((o) => [o.id, o.time_zone]));
      const seasonOf = new Map([...zoneOf].map(([id, zone]) => [id, currentSeason({ now }, zone)]));
      const subscriptions = new Map<string, boolean>();
      let fetchedAt: MoyklassData['fetchedAt'] = null;
      for (const [orgId, season] of seasonOf) {
        const rows = snapshots.filter((s) => s.org_id === orgId);
        for (const [athlete, has] of subscriptionsInSeason(rows, season)) {
          subscriptions.set(athlete, has);
        }
        for (const r of rows) {
          if (r.season === season && (!fetchedAt || r.fetched_at > fetchedAt.at))
            fetchedAt = { at: r.fetched_at, timeZone: zoneOf.get(orgId) ?? 'UTC' };
        }
      }
      const staffOf = memberships
        .filter((m) => STAFF.has(m.role))
        .flatMap((m) => {
          const org = orgs.find((o) => o.id === m.org_id);
          const season = org ? seasonOf.get(org.id) : undefined;
          return org && season ? [{ id: org.id, name: org.name, season }] : [];
        });
      return { subscriptions, staffOf, fetchedAt };
    },
    onChange,
    'moyklass',
  );
}
