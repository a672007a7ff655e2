// Starting a new season (issue 4; seed 001: "historical data preserved when new
// season starts"): what `public.start_new_season` will do, computed from what a
// device holds so the page can say it before anyone confirms. The database
// decides; these rules mirror it (20261204123000_season_rollover.sql):
//   - athletes of the scope (a group, or the whole organization) whose season is
//     earlier than the new one move to it;
//   - of those, each with a rank set has that season's ranks archived;
//   - archived athletes, athletes with no season and those already in the new
//     season (or a later one) are left alone.
import { isValidSeason, nextSeason } from './season.ts';

export interface RolloverAthlete {
  groupId: string | null;
  season: string | null;
  status: string;
  rankStart: string | null;
  rankEnd: string | null;
}

export interface RolloverPreview {
  /** athletes that move to the new season */
  moving: number;
  /** of those, athletes whose finished season's ranks go to history */
  archiving: number;
}

/** does the athlete move when `season` starts for `groupId` (null: the whole organization)? */
export function movesToSeason(a: RolloverAthlete, season: string, groupId: string | null): boolean {
  return (
    (groupId === null || a.groupId === groupId) &&
    a.status !== 'archived' &&
    a.season !== null &&
    // 'YYYY-YYYY' of consecutive years sorts as text in time order, as in sql
    a.season < season
  );
}

export function rolloverPreview(
  athletes: readonly RolloverAthlete[],
  season: string,
  groupId: string | null,
): RolloverPreview {
  const moving = athletes.filter((a) => movesToSeason(a, season, groupId));
  return {
    moving: moving.length,
    archiving: moving.filter((a) => a.rankStart !== null || a.rankEnd !== null).length,
  };
}

/**
 * The season to offer: the current one (by the calendar) when the scope's
 * groups are behind it, else the one after the latest they are in — in
 * December, a club already in 2026-2027 is offered 2027-2028.
 */
export function suggestSeason(groupSeasons: readonly (string | null)[], current: string): string {
  const latest = groupSeasons
    .filter((s): s is string => s !== null && isValidSeason(s))
    .sort()
    .at(-1);
  return latest === undefined || latest < current ? current : nextSeason(latest);
}
