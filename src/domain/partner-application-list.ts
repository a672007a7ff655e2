// How the platform admins' list of partner applications is asked for: a filter by
// status and type, a sort by any column (then by id, so pages never overlap) and a
// page of APPLICATION_PAGE_SIZE rows; and the statistics' default period. Pure:
// the page turns these into one supabase-js query.
import {
  APPLICATION_STATUSES,
  PARTNERSHIP_TYPES,
  type ApplicationStatus,
  type PartnershipType,
} from './partner-application.ts';
import { dateFromEpochDay } from './zoned-time.ts';

export const APPLICATION_PAGE_SIZE = 20;

export const APPLICATION_SORT_COLUMNS = [
  'created_at',
  'company_name',
  'contact_name',
  'partnership_type',
  'company_size',
  'status',
  'decided_at',
] as const;
export type ApplicationSortColumn = (typeof APPLICATION_SORT_COLUMNS)[number];

export interface ApplicationListQuery {
  status: ApplicationStatus | null;
  type: PartnershipType | null;
  sort: ApplicationSortColumn;
  ascending: boolean;
  /** 0-based */
  page: number;
}

/** newest first, everything */
export const DEFAULT_LIST_QUERY: ApplicationListQuery = {
  status: null,
  type: null,
  sort: 'created_at',
  ascending: false,
  page: 0,
};

const isDateColumn = (c: ApplicationSortColumn) => c === 'created_at' || c === 'decided_at';

/** a header pressed: the same column flips, another starts newest / A–Z; back to page 1 */
export function sortBy(
  q: ApplicationListQuery,
  column: ApplicationSortColumn,
): ApplicationListQuery {
  return {
    ...q,
    sort: column,
    ascending: q.sort === column ? !q.ascending : !isDateColumn(column),
    page: 0,
  };
}

/** a filter changed: back to page 1 */
export function filterBy(
  q: ApplicationListQuery,
  change: { status?: string; type?: string },
): ApplicationListQuery {
  const status =
    change.status === undefined
      ? q.status
      : (APPLICATION_STATUSES as readonly string[]).includes(change.status)
        ? (change.status as ApplicationStatus)
        : null;
  const type =
    change.type === undefined
      ? q.type
      : (PARTNERSHIP_TYPES as readonly string[]).includes(change.type)
        ? (change.type as PartnershipType)
        : null;
  return { ...q, status, type, page: 0 };
}

/** the rows of a page, inclusive, as PostgREST's range takes them */
export function pageRange(page: number, size = APPLICATION_PAGE_SIZE): [number, number] {
  const first = Math.max(0, Math.floor(page)) * size;
  return [first, first + size - 1];
}

export function pageCount(total: number, size = APPLICATION_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** the 12 weeks up to today (UTC days, `now` in epoch ms), as the statistics open */
export function defaultStatsPeriod(now: number): { from: string; to: string } {
  const today = Math.floor(now / 86_400_000);
  return { from: dateFromEpochDay(today - 83), to: dateFromEpochDay(today) };
}
