// Athletic ranks (спортивные разряды) as seed 001 stores them in
// `athletes.rank_start`, `athletes.rank_end` and `rank_history`: exactly one of ten
// values, case-sensitive, or null (not set). Ordered from none to the highest.
//
// The database's check constraints (`private.is_valid_rank`) and its ordering
// (`private.rank_position`) use the same list; tests/db/schedule-rank-agreement.test.ts
// proves they agree. Change both or neither.

export const RANKS = [
  'Без разряда',
  'III юношеский разряд',
  'II юношеский разряд',
  'I юношеский разряд',
  'III взрослый разряд',
  'II взрослый разряд',
  'I взрослый разряд',
  'КМС',
  'МС',
  'МСМК',
] as const;

export type Rank = (typeof RANKS)[number];

export const rankMessages = { invalid: 'Недопустимый разряд' } as const;

export function isRank(value: unknown): value is Rank {
  return typeof value === 'string' && (RANKS as readonly string[]).includes(value);
}

/** 0 (Без разряда) … 9 (МСМК) — the same numbers as the database's private.rank_position */
export function rankIndex(rank: Rank): number {
  return RANKS.indexOf(rank);
}

/**
 * Orders ranks from none to the highest, for `Array.prototype.sort`; not set
 * (null) comes first.
 */
export function compareRanks(a: Rank | null, b: Rank | null): number {
  return (a === null ? -1 : rankIndex(a)) - (b === null ? -1 : rankIndex(b));
}

export type RankCategory = 'none' | 'youth' | 'adult' | 'elite';

/** for the badge: 🥉 youth, 🥈 adult, 🥇 elite (КМС and up) */
export function rankCategory(rank: Rank): RankCategory {
  const i = rankIndex(rank);
  if (i === 0) return 'none';
  if (i <= 3) return 'youth';
  if (i <= 6) return 'adult';
  return 'elite';
}

const shortLabels: Record<Rank, string> = {
  'Без разряда': 'б/р',
  'III юношеский разряд': 'III юн.',
  'II юношеский разряд': 'II юн.',
  'I юношеский разряд': 'I юн.',
  'III взрослый разряд': 'III',
  'II взрослый разряд': 'II',
  'I взрослый разряд': 'I',
  КМС: 'КМС',
  МС: 'МС',
  МСМК: 'МСМК',
};

/** a compact label for chips and tables ("III юн.", "КМС") */
export function shortRankLabel(rank: Rank): string {
  return shortLabels[rank];
}

export type RankProgress = 'up' | 'same' | 'down';

/** how the season went, when both ends are known */
export function rankProgress(start: Rank | null, end: Rank | null): RankProgress | null {
  if (start === null || end === null) return null;
  const d = compareRanks(end, start);
  return d > 0 ? 'up' : d < 0 ? 'down' : 'same';
}
