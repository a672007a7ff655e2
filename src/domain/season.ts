// Sports seasons: "2024-2025" runs from 1 September 2024 to 31 August 2025 (seed
// 001, reference/moyklass-api.md). Stored in `athletes.season`,
// `training_groups.season` and `rank_history.season`; the database's check
// (`private.is_valid_season`) admits exactly what `seasonSchema` admits.
// No clock is read here: pass the instant (or a clock) in.
import { localDateAt, type Instant, type LocalDate } from './zoned-time.ts';

/** a season starts on 1 September */
export const SEASON_START_MONTH = 9;

export const SEASON_PATTERN = /^((?:19|20)[0-9]{2})-((?:19|20)[0-9]{2})$/;

export const seasonMessages = {
  format: 'Сезон записывается как «2024-2025»',
} as const;

function years(value: string): [number, number] | null {
  const m = SEASON_PATTERN.exec(value);
  if (!m?.[1] || !m[2]) return null;
  const first = Number(m[1]);
  const second = Number(m[2]);
  return second === first + 1 ? [first, second] : null;
}

/** what `seasonSchema` admits, without zod (the roster's first load carries none) */
export function isValidSeason(value: unknown): value is string | null {
  return value === null || (typeof value === 'string' && years(value) !== null);
}

export interface Clock {
  /** epoch milliseconds */
  now(): Instant;
}

/** the season a local date falls in */
export function seasonOfDate(date: LocalDate): string {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  if (!m?.[1] || !m[2]) throw new RangeError(`not a local date: ${date}`);
  const year = Number(m[1]);
  const first = Number(m[2]) >= SEASON_START_MONTH ? year : year - 1;
  return `${first}-${first + 1}`;
}

/** the season now, on the calendar of a zone (a club's time zone) */
export function currentSeason(clock: Clock, zone: string): string {
  return seasonOfDate(localDateAt(zone, clock.now()));
}

/** first and last day of a season, both inclusive */
export function seasonBounds(season: string): { start: LocalDate; end: LocalDate } {
  const y = years(season);
  if (!y) throw new RangeError(`not a season: ${season}`);
  return { start: `${y[0]}-09-01`, end: `${y[1]}-08-31` };
}

/** the season `n` seasons after (negative: before) */
export function shiftSeason(season: string, n: number): string {
  const y = years(season);
  if (!y) throw new RangeError(`not a season: ${season}`);
  return `${y[0] + n}-${y[1] + n}`;
}

export function nextSeason(season: string): string {
  return shiftSeason(season, 1);
}

export function previousSeason(season: string): string {
  return shiftSeason(season, -1);
}
