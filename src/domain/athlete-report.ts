// One athlete's report over a period, for the coach to send to a parent or a
// school: attendance (attendance.ts's percentage), plan compliance (workouts due
// in the period and done), competition results with personal bests, and the
// rank progression. Everything is computed from rows the device already holds, so
// the report builds offline; `today` is the caller's clock, so nothing ahead of
// it counts as due or missed. Labels stay with the caller: the domain is
// language-free.
import { countAttendance, type AttendanceMark, type AttendanceSummary } from './attendance.ts';
import { compareRanks, isRank } from './rank.ts';
import { seasonBounds, seasonOfDate } from './season.ts';
import { addDays, epochDay, type LocalDate } from './zoned-time.ts';

export interface ReportPeriod {
  /** both inclusive */
  from: LocalDate;
  to: LocalDate;
}

export const PERIOD_PRESETS = ['month', 'season', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** the longest custom period: ten seasons is more than any report a school asks for */
export const MAX_PERIOD_DAYS = 3660;

function isLocalDate(value: string): boolean {
  try {
    epochDay(value);
    return true;
  } catch {
    return false;
  }
}

function lastDayOfMonth(year: number, month: number): LocalDate {
  const next =
    month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** this month (1st to its last day) or this season (1 September – 31 August), around `today` */
export function presetPeriod(
  preset: Exclude<PeriodPreset, 'custom'>,
  today: LocalDate,
): ReportPeriod {
  if (preset === 'season') {
    const { start, end } = seasonBounds(seasonOfDate(today));
    return { from: start, to: end };
  }
  const [y, m] = today.split('-').map(Number);
  return { from: `${today.slice(0, 7)}-01`, to: lastDayOfMonth(y ?? 1970, m ?? 1) };
}

export type PeriodProblem = 'invalid-date' | 'reversed' | 'too-long';

/** what is wrong with a custom period, or null */
export function periodProblem(period: ReportPeriod): PeriodProblem | null {
  if (!isLocalDate(period.from) || !isLocalDate(period.to)) return 'invalid-date';
  if (period.from > period.to) return 'reversed';
  if (epochDay(period.to) - epochDay(period.from) + 1 > MAX_PERIOD_DAYS) return 'too-long';
  return null;
}

const inPeriod = (date: LocalDate, p: ReportPeriod): boolean => date >= p.from && date <= p.to;

// ---------------------------------------------------------------- plans

export const WORKOUT_TYPES = ['run', 'intervals', 'strength', 'rest', 'race'] as const;
export type WorkoutType = (typeof WORKOUT_TYPES)[number];

export interface ReportWorkout {
  id: string;
  /** the plan's start date (week 1, day 1) */
  planStart: LocalDate;
  week: number;
  day: number;
  type: string;
}

export interface ReportWorkoutLog {
  workoutId: string;
  status: string;
}

/** the date a plan's workout falls on: start + (week − 1)·7 + (day − 1) */
export function workoutDate(planStart: LocalDate, week: number, day: number): LocalDate {
  return addDays(planStart, (week - 1) * 7 + (day - 1));
}

export interface PlanCompliance {
  /** workouts dated in the period up to today; a rest day is nothing to do, so it is not due */
  due: number;
  done: number;
  skipped: number;
  /** whole percent of due done, or null when nothing was due */
  percent: number | null;
}

function compliance(dated: readonly { date: LocalDate; status: string | null }[]): PlanCompliance {
  const due = dated.length;
  const done = dated.filter((w) => w.status === 'done').length;
  const skipped = dated.filter((w) => w.status === 'skipped').length;
  return { due, done, skipped, percent: due === 0 ? null : Math.round((100 * done) / due) };
}

// ---------------------------------------------------------------- results

export const RESULT_KINDS = ['time', 'distance', 'height', 'points'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

/** a competition result as the report needs it (public.competition_results) */
export interface ReportResult {
  id: string;
  competedOn: LocalDate;
  competition: string;
  level: string;
  discipline: string;
  resultKind: ResultKind;
  /** seconds for time, metres for distance and height, points */
  value: number;
  timing: 'auto' | 'hand' | null;
  venue: 'indoor' | 'outdoor';
  place: number | null;
}

export function isResultKind(value: unknown): value is ResultKind {
  return typeof value === 'string' && (RESULT_KINDS as readonly string[]).includes(value);
}

/** a better b: lower time, higher anything else */
export function isBetter(kind: ResultKind, a: number, b: number): boolean {
  return kind === 'time' ? a < b : a > b;
}

export interface PersonalBest {
  discipline: string;
  venue: 'indoor' | 'outdoor';
  resultKind: ResultKind;
  /** the best result of the period in this discipline and venue */
  best: ReportResult;
  /** true when it is also the best the athlete ever had up to the period's end */
  allTime: boolean;
}

/**
 * The best result per (discipline, venue) within the period, and whether it is
 * the athlete's personal best up to the period's end. A tie goes to the earlier
 * result: a PB is the first time a mark was reached. Ordered by discipline, then
 * indoor before outdoor.
 */
export function personalBests(
  results: readonly ReportResult[],
  period: ReportPeriod,
): PersonalBest[] {
  const ordered = [...results].sort(
    (a, b) => a.competedOn.localeCompare(b.competedOn) || a.id.localeCompare(b.id),
  );
  const bestIn = new Map<string, ReportResult>();
  const bestEver = new Map<string, ReportResult>();
  for (const r of ordered) {
    if (r.competedOn > period.to) continue;
    const key = `${r.discipline}/${r.venue}/${r.resultKind}`;
    const ever = bestEver.get(key);
    if (!ever || isBetter(r.resultKind, r.value, ever.value)) bestEver.set(key, r);
    if (!inPeriod(r.competedOn, period)) continue;
    const best = bestIn.get(key);
    if (!best || isBetter(r.resultKind, r.value, best.value)) bestIn.set(key, r);
  }
  return [...bestIn.entries()]
    .map(([key, best]) => ({
      discipline: best.discipline,
      venue: best.venue,
      resultKind: best.resultKind,
      best,
      allTime: bestEver.get(key)?.id === best.id,
    }))
    .sort(
      (a, b) =>
        a.discipline.localeCompare(b.discipline) ||
        a.venue.localeCompare(b.venue) ||
        a.resultKind.localeCompare(b.resultKind),
    );
}

/** "10.85", "1:02.34", "6.45", "3120": a time as m:ss.hh past a minute, two decimals otherwise */
export function formatResultValue(kind: ResultKind, value: number): string {
  if (kind === 'points') return String(Math.round(value));
  if (kind !== 'time') return value.toFixed(2);
  const hundredths = Math.round(value * 100);
  const minutes = Math.floor(hundredths / 6000);
  const rest = (hundredths - minutes * 6000) / 100;
  if (minutes === 0) return rest.toFixed(2);
  return `${minutes}:${rest.toFixed(2).padStart(5, '0')}`;
}

// ---------------------------------------------------------------- ranks

export interface SeasonRanks {
  season: string;
  rankStart: string | null;
  rankEnd: string | null;
}

/**
 * The seasons up to the period's end, oldest first: past seasons from
 * rank_history, the athlete's current season from the athlete row (it wins over
 * a history row of the same season, being the one the coach edits).
 */
export function rankProgression(
  current: SeasonRanks | null,
  history: readonly SeasonRanks[],
  period: ReportPeriod,
): SeasonRanks[] {
  const bySeason = new Map<string, SeasonRanks>();
  for (const h of history) bySeason.set(h.season, h);
  if (current && current.season) bySeason.set(current.season, current);
  const last = seasonOfDate(period.to);
  return [...bySeason.values()]
    .filter((s) => s.season <= last && (s.rankStart !== null || s.rankEnd !== null))
    .sort((a, b) => a.season.localeCompare(b.season));
}

/** the rank the athlete ended the period with: the highest end (or start) rank shown */
export function highestRank(seasons: readonly SeasonRanks[]): string | null {
  let best: string | null = null;
  for (const s of seasons) {
    for (const r of [s.rankStart, s.rankEnd]) {
      if (
        r !== null &&
        isRank(r) &&
        (best === null || (isRank(best) && compareRanks(r, best) > 0))
      ) {
        best = r;
      }
    }
  }
  return best;
}

// ---------------------------------------------------------------- the report

export interface MonthFigures {
  /** YYYY-MM */
  month: string;
  attendancePercent: number | null;
  compliancePercent: number | null;
}

export interface AthleteReportInput {
  period: ReportPeriod;
  /** the caller's local date: sessions and workouts after it are not yet due */
  today: LocalDate;
  attendance: readonly AttendanceMark[];
  workouts: readonly ReportWorkout[];
  logs: readonly ReportWorkoutLog[];
  results: readonly ReportResult[];
  currentRanks: SeasonRanks | null;
  rankHistory: readonly SeasonRanks[];
}

export interface AthleteReport {
  period: ReportPeriod;
  attendance: AttendanceSummary;
  compliance: PlanCompliance;
  /** one entry per calendar month the period touches, up to today, from the first with a figure */
  months: MonthFigures[];
  /** the period's results, oldest first */
  results: ReportResult[];
  personalBests: PersonalBest[];
  ranks: SeasonRanks[];
}

/** the months from `from` to `to` (YYYY-MM), both inclusive */
export function monthsBetween(from: LocalDate, to: LocalDate): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (let guard = 0; guard < 240; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) break;
    out.push(key);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export function athleteReport(input: AthleteReportInput): AthleteReport {
  const { period, today } = input;
  // what has happened: the period, cut at today
  const upTo: ReportPeriod = { from: period.from, to: period.to < today ? period.to : today };
  const marks = input.attendance.filter((m) => inPeriod(m.localDate, upTo));
  const status = new Map(input.logs.map((l) => [l.workoutId, l.status]));
  const dated = input.workouts
    .filter((w) => w.type !== 'rest')
    .map((w) => ({
      date: workoutDate(w.planStart, w.week, w.day),
      status: status.get(w.id) ?? null,
    }))
    .filter((w) => inPeriod(w.date, upTo));
  const months =
    upTo.from > upTo.to
      ? []
      : monthsBetween(upTo.from, upTo.to).map((month) => ({
          month,
          attendancePercent: countAttendance(marks.filter((m) => m.localDate.startsWith(month)))
            .percent,
          compliancePercent: compliance(dated.filter((w) => w.date.startsWith(month))).percent,
        }));
  // months before the first figure are left off: a season's chart should not open on
  // empty months before the athlete came
  const first = months.findIndex(
    (m) => m.attendancePercent !== null || m.compliancePercent !== null,
  );
  return {
    period,
    attendance: countAttendance(marks),
    compliance: compliance(dated),
    months: first === -1 ? [] : months.slice(first),
    results: input.results
      .filter((r) => inPeriod(r.competedOn, period))
      .sort((a, b) => a.competedOn.localeCompare(b.competedOn) || a.id.localeCompare(b.id)),
    personalBests: personalBests(input.results, period),
    ranks: rankProgression(input.currentRanks, input.rankHistory, period),
  };
}
