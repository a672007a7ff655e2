// Which athletes the roster shows for a search, a group and a status choice.
import type { AthleteStatus } from './athlete.ts';

/** 'current' = active and inactive: the archive stays out of the way unless asked for */
export type StatusFilter = 'current' | 'all' | AthleteStatus;
export const STATUS_FILTERS: readonly StatusFilter[] = [
  'current',
  'active',
  'inactive',
  'archived',
  'all',
];

/**
 * the Moyklass subscription this season: 'with' an overlapping subscription,
 * 'without' (fetched: none), or 'any'. An athlete never fetched (no Moyklass id,
 * or not refreshed yet) is in neither 'with' nor 'without'.
 */
export type SubscriptionFilter = 'any' | 'with' | 'without';
export const SUBSCRIPTION_FILTERS: readonly SubscriptionFilter[] = ['any', 'with', 'without'];

export interface RosterFilter {
  /** part of the name, any case */
  query: string;
  /** a group id, or '' for every group */
  group: string;
  status: StatusFilter;
  /** absent = 'any' */
  subscription?: SubscriptionFilter;
}

export interface FilterableAthlete {
  name: string;
  groupId: string | null;
  status: string;
  /** this season's Moyklass snapshot says so; null/absent = not fetched */
  hasSubscription?: boolean | null;
}

/** a synced moyklass_snapshots row (athlete_id, season, has_subscription, deleted_at) */
export type SnapshotRow = Readonly<Record<string, unknown>>;

/** athlete id → whether they have a subscription in `season`, for the athletes fetched */
export function subscriptionsInSeason(
  rows: readonly SnapshotRow[],
  season: string,
): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const r of rows) {
    const athlete = r['athlete_id'];
    if (r['deleted_at'] != null || r['season'] !== season || typeof athlete !== 'string') continue;
    out.set(athlete, r['has_subscription'] === true);
  }
  return out;
}

export function matchesRoster(athlete: FilterableAthlete, filter: RosterFilter): boolean {
  const q = filter.query.trim().toLocaleLowerCase('ru');
  if (q && !athlete.name.toLocaleLowerCase('ru').includes(q)) return false;
  if (filter.group && athlete.groupId !== filter.group) return false;
  if (filter.subscription === 'with' && athlete.hasSubscription !== true) return false;
  if (filter.subscription === 'without' && athlete.hasSubscription !== false) return false;
  switch (filter.status) {
    case 'all':
      return true;
    case 'current':
      return athlete.status !== 'archived';
    default:
      return athlete.status === filter.status;
  }
}
