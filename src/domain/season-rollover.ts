// Starting a new season (issue 4; seed 001: "historical data preserved when new
// season starts"): what `public.start_new_season` will do, computed from what a
// device holds so the page can say it before anyone confirms. The database
// decides; these rules mirror it (20261204123000_season_rollover.sql):
//   - athletes of the scope (a group, or the whole organization) whose season is
//     earlier than the new one move to it;
//   - of those, each with a rank set has that season's ranks archived;
//   - archived athletes, athletes with no season and those already in the new
//     season (or a later one) are left alone.
import {
  SEASON_START_MONTH,
  isValidSeason,
  nextSeason,
  seasonBounds,
  seasonOfDate,
} from './season.ts';
import type { LocalDate } from './zoned-time.ts';

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

/** from this month the next season may start on time: clubs roll over after the summer's last meets */
export const ROLLOVER_OPENS_MONTH = 6;

export type RolloverTiming =
  | { kind: 'on-time' }
  /** the season has not begun: `current` is still running, `season` starts on `starts` */
  | { kind: 'early'; current: string; starts: LocalDate }
  /** the season is already over: `current` runs now */
  | { kind: 'past'; current: string };

/**
 * Whether it is `season`'s turn on local date `today` (the club's calendar):
 * the season running now, or the next one from June, when a club closes the
 * summer and prepares September. A rollover in December to next year's season,
 * or back to a finished one, is almost always a slip and is asked about.
 */
export function rolloverTiming(season: string, today: LocalDate): RolloverTiming {
  const current = seasonOfDate(today);
  if (season === current) return { kind: 'on-time' };
  if (season < current) return { kind: 'past', current };
  const month = Number(today.slice(5, 7));
  // the current season's summer: June to August, before its next one starts on 1 September
  const summer = month >= ROLLOVER_OPENS_MONTH && month < SEASON_START_MONTH;
  if (season === nextSeason(current) && summer) return { kind: 'on-time' };
  return { kind: 'early', current, starts: seasonBounds(season).start };
}
