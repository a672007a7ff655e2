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

export interface RosterFilter {
  /** part of the name, any case */
  query: string;
  /** a group id, or '' for every group */
  group: string;
  status: StatusFilter;
}

export interface FilterableAthlete {
  name: string;
  groupId: string | null;
  status: string;
}

export function matchesRoster(athlete: FilterableAthlete, filter: RosterFilter): boolean {
  const q = filter.query.trim().toLocaleLowerCase('ru');
  if (q && !athlete.name.toLocaleLowerCase('ru').includes(q)) return false;
  if (filter.group && athlete.groupId !== filter.group) return false;
  switch (filter.status) {
    case 'all':
      return true;
    case 'current':
      return athlete.status !== 'archived';
    default:
      return athlete.status === filter.status;
  }
}
