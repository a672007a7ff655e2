// What the roster reads from the user's device: every live athlete and training
// group, so the list opens offline and follows each sync and local edit.
import { isRank, type Rank } from '../../domain/rank.ts';
import { liveRows } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';

/** the athlete fields the roster shows, narrowed from a synced row */
export interface RosterAthlete {
  id: string;
  orgId: string;
  name: string;
  groupId: string | null;
  schedule: string | null;
  rankStart: Rank | null;
  rankEnd: Rank | null;
  status: string;
}

export interface RosterData {
  athletes: RosterAthlete[];
  groups: { id: string; orgId: string; name: string }[];
}

// one collator for every sort: localeCompare with a locale builds one per call,
// which dominated sorting a 200-athlete roster on a cold start
const byName = new Intl.Collator('ru');

/** reads athletes and groups from the user's local database; follows every change */
export function observeRoster(
  engine: SyncEngine,
  onChange: (data: RosterData) => void,
): LocalSubscription {
  return observeLocal(
    async (): Promise<RosterData> => {
      const [athletes, groups] = await Promise.all([
        liveRows(engine.db, 'athletes'),
        liveRows(engine.db, 'training_groups'),
      ]);
      return {
        athletes: athletes
          .map((a) => ({
            id: a.id,
            orgId: a.org_id,
            name: a.name,
            // `|| null`: an empty text, like a column a local insert left out, is no value
            groupId: a.group_id || null,
            schedule: a.schedule || null,
            rankStart: isRank(a.rank_start) ? a.rank_start : null,
            rankEnd: isRank(a.rank_end) ? a.rank_end : null,
            status: a.status || 'active',
          }))
          .sort((a, b) => byName.compare(a.name, b.name)),
        groups: groups
          .map((g) => ({ id: g.id, orgId: g.org_id, name: g.name }))
          .sort((a, b) => byName.compare(a.name, b.name)),
      };
    },
    onChange,
    'roster',
  );
}
