// Suggests an ЕВСК rank from a competition result and the cited norms
// (public.evsk_norms). It never assigns one: ranks are conferred by order of the
// authorised body, and the coach records them as before. Pure: the norms and the
// athlete's facts come in; the age is counted on the competition date, not today.
import { RANKS, isRank, rankIndex, type Rank } from './rank.ts';
import { COMPETITION_LEVELS, type CompetitionLevel, type Sex } from './competition-result.ts';

/** one rank of one grid, as public.evsk_norms stores it */
export interface EvskNorm {
  edition: string;
  discipline: string;
  sex: string;
  result_kind: string;
  timing: string | null;
  venue: string;
  rank: string;
  threshold: number;
  min_age: number | null;
  min_level: string | null;
  valid_from: string;
  valid_to: string | null;
  source: string;
}

export interface ResultToJudge {
  competed_on: string;
  discipline: string;
  result_kind: string;
  value: number;
  timing: string | null;
  venue: string;
  level: string;
}

export interface AthleteFacts {
  sex: Sex | null;
  /** YYYY-MM-DD, null when the device does not know it */
  birthDate: string | null;
  currentRank: Rank | null;
}

/** the official names the project's labels stand for (Положение о ЕВСК) */
export const OFFICIAL_RANK_CODES: Record<Exclude<Rank, 'Без разряда'>, string> = {
  'III юношеский разряд': 'III юношеский спортивный разряд',
  'II юношеский разряд': 'II юношеский спортивный разряд',
  'I юношеский разряд': 'I юношеский спортивный разряд',
  'III взрослый разряд': 'III спортивный разряд',
  'II взрослый разряд': 'II спортивный разряд',
  'I взрослый разряд': 'I спортивный разряд',
  КМС: 'кандидат в мастера спорта',
  МС: 'мастер спорта России',
  МСМК: 'мастер спорта России международного класса',
};

/**
 * the rank that must already be held: ranks are conferred one step at a time at
 * the top (КМС needs I, МС needs КМС); below КМС a norm earns its rank directly
 */
export const PREREQUISITE: Partial<Record<Rank, Rank>> = {
  КМС: 'I взрослый разряд',
  МС: 'КМС',
};

export type CannotSuggest =
  | { kind: 'cannot'; reason: 'sex_unknown' }
  | { kind: 'cannot'; reason: 'no_norms_discipline' }
  | { kind: 'cannot'; reason: 'no_norms_variant' }
  | { kind: 'cannot'; reason: 'no_norms_date'; editions: readonly EditionSpan[] };

export interface EditionSpan {
  edition: string;
  validFrom: string;
  validTo: string | null;
}

export type Condition =
  | { kind: 'level'; level: CompetitionLevel; met: boolean }
  | { kind: 'rank'; rank: Rank; met: boolean }
  /** met is null when the birth date is unknown */
  | { kind: 'age'; minAge: number; met: boolean | null };

export type RankSuggestion =
  | CannotSuggest
  | { kind: 'below'; lowest: Rank; threshold: number; edition: string; source: string }
  | {
      kind: 'meets';
      rank: Rank;
      threshold: number;
      edition: string;
      source: string;
      /** the athlete already holds this rank or a higher one */
      alreadyHeld: boolean;
      conditions: readonly Condition[];
    };

/** hundredths, so 10.94 and 10.939999… compare as the same figure */
function hundredths(v: number): number {
  return Math.round(v * 100);
}

/** the result meets the norm: as fast or faster for a time, as far/high/many or more otherwise */
export function meetsNorm(kind: string, value: number, threshold: number): boolean {
  return kind === 'time'
    ? hundredths(value) <= hundredths(threshold)
    : hundredths(value) >= hundredths(threshold);
}

/** full years on `on` for someone born on `birthDate` (both YYYY-MM-DD) */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function levelIndex(level: string): number {
  return (COMPETITION_LEVELS as readonly string[]).indexOf(level);
}

function covers(norm: EvskNorm, date: string): boolean {
  return norm.valid_from <= date && (norm.valid_to === null || date <= norm.valid_to);
}

/** the norm rows that apply to this result, from the newest edition covering its date */
export function applicableNorms(
  result: ResultToJudge,
  sex: Sex,
  norms: readonly EvskNorm[],
): EvskNorm[] | CannotSuggest {
  const ofDiscipline = norms.filter(
    (n) => n.discipline === result.discipline && n.result_kind === result.result_kind,
  );
  if (ofDiscipline.length === 0) return { kind: 'cannot', reason: 'no_norms_discipline' };
  // hand timing is judged by hand norms only, automatic by automatic
  const ofVariant = ofDiscipline.filter(
    (n) => n.sex === sex && n.timing === result.timing && n.venue === result.venue,
  );
  if (ofVariant.length === 0) return { kind: 'cannot', reason: 'no_norms_variant' };
  const dated = ofVariant.filter((n) => covers(n, result.competed_on));
  if (dated.length === 0) {
    const spans = new Map<string, EditionSpan>();
    for (const n of ofVariant) {
      spans.set(n.edition, { edition: n.edition, validFrom: n.valid_from, validTo: n.valid_to });
    }
    return { kind: 'cannot', reason: 'no_norms_date', editions: [...spans.values()] };
  }
  const newest = dated.reduce((a, b) => (b.valid_from > a.valid_from ? b : a));
  return dated.filter((n) => n.edition === newest.edition);
}

/** the highest rank whose norm the result meets, with what conferring it still needs */
export function suggestRank(
  result: ResultToJudge,
  athlete: AthleteFacts,
  norms: readonly EvskNorm[],
): RankSuggestion {
  if (athlete.sex === null) {
    // say first what the table has, so "no norms" is not hidden behind "sex unknown"
    const any = norms.some(
      (n) => n.discipline === result.discipline && n.result_kind === result.result_kind,
    );
    return any
      ? { kind: 'cannot', reason: 'sex_unknown' }
      : { kind: 'cannot', reason: 'no_norms_discipline' };
  }
  const rows = applicableNorms(result, athlete.sex, norms);
  if (!Array.isArray(rows)) return rows;
  const ranked = rows
    .filter((n): n is EvskNorm & { rank: Rank } => isRank(n.rank))
    .sort((a, b) => rankIndex(b.rank) - rankIndex(a.rank));
  const met = ranked.find((n) => meetsNorm(result.result_kind, result.value, n.threshold));
  if (!met) {
    const lowest = ranked[ranked.length - 1];
    if (!lowest) return { kind: 'cannot', reason: 'no_norms_variant' };
    return {
      kind: 'below',
      lowest: lowest.rank,
      threshold: lowest.threshold,
      edition: lowest.edition,
      source: lowest.source,
    };
  }
  const conditions: Condition[] = [];
  if (met.min_level !== null && levelIndex(met.min_level) >= 0) {
    conditions.push({
      kind: 'level',
      level: met.min_level as CompetitionLevel,
      met: levelIndex(result.level) >= levelIndex(met.min_level),
    });
  }
  const needs = PREREQUISITE[met.rank];
  if (needs) {
    conditions.push({
      kind: 'rank',
      rank: needs,
      met: athlete.currentRank !== null && rankIndex(athlete.currentRank) >= rankIndex(needs),
    });
  }
  if (met.min_age !== null) {
    conditions.push({
      kind: 'age',
      minAge: met.min_age,
      met:
        athlete.birthDate === null
          ? null
          : ageOn(athlete.birthDate, result.competed_on) >= met.min_age,
    });
  }
  return {
    kind: 'meets',
    rank: met.rank,
    threshold: met.threshold,
    edition: met.edition,
    source: met.source,
    alreadyHeld:
      athlete.currentRank !== null && rankIndex(athlete.currentRank) >= rankIndex(met.rank),
    conditions,
  };
}

/** every rank above "Без разряда", lowest first: the columns of a grid */
export const NORM_RANKS = RANKS.slice(1) as readonly Exclude<Rank, 'Без разряда'>[];
