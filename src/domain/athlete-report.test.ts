import { describe, expect, it } from 'vitest';
import {
  athleteReport,
  formatResultValue,
  highestRank,
  monthsBetween,
  periodProblem,
  personalBests,
  presetPeriod,
  rankProgression,
  workoutDate,
  type AthleteReportInput,
  type ReportResult,
} from './athlete-report.ts';

function result(over: Partial<ReportResult> & Pick<ReportResult, 'id'>): ReportResult {
  return {
    competedOn: '2026-10-10',
    competition: 'Первенство города',
    level: 'city',
    discipline: '60m',
    resultKind: 'time',
    value: 8.1,
    timing: 'auto',
    venue: 'indoor',
    place: null,
    ...over,
  };
}

const autumn = { from: '2026-09-01', to: '2026-11-30' };

describe('presetPeriod', () => {
  it('this month runs from the 1st to the month’s last day', () => {
    expect(presetPeriod('month', '2027-02-14')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(presetPeriod('month', '2028-02-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('this season is 1 September – 31 August around today', () => {
    expect(presetPeriod('season', '2026-12-06')).toEqual({ from: '2026-09-01', to: '2027-08-31' });
    expect(presetPeriod('season', '2026-08-31')).toEqual({ from: '2025-09-01', to: '2026-08-31' });
  });
});

describe('periodProblem', () => {
  it('accepts a period of one day and refuses reversed, impossible or endless ones', () => {
    expect(periodProblem({ from: '2026-10-01', to: '2026-10-01' })).toBeNull();
    expect(periodProblem({ from: '2026-10-02', to: '2026-10-01' })).toBe('reversed');
    expect(periodProblem({ from: '2026-02-31', to: '2026-03-01' })).toBe('invalid-date');
    expect(periodProblem({ from: '', to: '2026-03-01' })).toBe('invalid-date');
    expect(periodProblem({ from: '2000-01-01', to: '2026-03-01' })).toBe('too-long');
  });
});

describe('workoutDate', () => {
  it('is start + (week − 1)·7 + (day − 1)', () => {
    expect(workoutDate('2026-09-07', 1, 1)).toBe('2026-09-07');
    expect(workoutDate('2026-09-07', 2, 3)).toBe('2026-09-16');
    expect(workoutDate('2026-12-28', 1, 7)).toBe('2027-01-03');
  });
});

describe('personalBests', () => {
  it('takes the lowest time and the highest distance, per discipline and venue', () => {
    const results = [
      result({ id: 'a', discipline: '60m', value: 8.1, competedOn: '2026-09-20' }),
      result({ id: 'b', discipline: '60m', value: 7.95, competedOn: '2026-10-20' }),
      result({
        id: 'c',
        discipline: '60m',
        value: 7.8,
        venue: 'outdoor',
        competedOn: '2026-09-05',
      }),
      result({
        id: 'd',
        discipline: 'long_jump',
        resultKind: 'distance',
        value: 5.1,
        timing: null,
        competedOn: '2026-10-01',
      }),
      result({
        id: 'e',
        discipline: 'long_jump',
        resultKind: 'distance',
        value: 5.32,
        timing: null,
        competedOn: '2026-11-01',
      }),
    ];
    const pbs = personalBests(results, autumn);
    expect(pbs.map((p) => [p.discipline, p.venue, p.best.id, p.allTime])).toEqual([
      ['60m', 'indoor', 'b', true],
      ['60m', 'outdoor', 'c', true],
      ['long_jump', 'indoor', 'e', true],
    ]);
  });

  it('marks a period best that an earlier result beat as not all-time, and ignores later ones', () => {
    const results = [
      result({ id: 'old', value: 7.7, competedOn: '2025-12-01' }),
      result({ id: 'in', value: 7.9, competedOn: '2026-10-01' }),
      result({ id: 'later', value: 7.5, competedOn: '2027-01-10' }),
    ];
    const [pb] = personalBests(results, autumn);
    expect(pb?.best.id).toBe('in');
    expect(pb?.allTime).toBe(false);
  });

  it('gives a tie to the earlier result', () => {
    const results = [
      result({ id: 'z', value: 7.9, competedOn: '2026-10-01' }),
      result({ id: 'a', value: 7.9, competedOn: '2026-11-01' }),
    ];
    expect(personalBests(results, autumn)[0]?.best.id).toBe('z');
  });

  it('takes the highest points and height', () => {
    const results = [
      result({ id: 'p1', discipline: 'pentathlon', resultKind: 'points', value: 3000 }),
      result({ id: 'p2', discipline: 'pentathlon', resultKind: 'points', value: 3120 }),
      result({ id: 'h1', discipline: 'high_jump', resultKind: 'height', value: 1.6 }),
      result({ id: 'h2', discipline: 'high_jump', resultKind: 'height', value: 1.55 }),
    ];
    expect(personalBests(results, autumn).map((p) => p.best.id)).toEqual(['h1', 'p2']);
  });
});

describe('formatResultValue', () => {
  it('writes times past a minute as m:ss.hh', () => {
    expect(formatResultValue('time', 10.853)).toBe('10.85');
    expect(formatResultValue('time', 62.34)).toBe('1:02.34');
    expect(formatResultValue('time', 120)).toBe('2:00.00');
    expect(formatResultValue('distance', 6.4)).toBe('6.40');
    expect(formatResultValue('points', 3120.4)).toBe('3120');
  });
});

describe('rankProgression', () => {
  it('orders seasons oldest first, lets the athlete row win its season, stops at the period', () => {
    const seasons = rankProgression(
      { season: '2026-2027', rankStart: 'II юношеский разряд', rankEnd: 'I юношеский разряд' },
      [
        { season: '2026-2027', rankStart: 'Без разряда', rankEnd: null },
        { season: '2024-2025', rankStart: null, rankEnd: 'III юношеский разряд' },
        { season: '2025-2026', rankStart: 'III юношеский разряд', rankEnd: 'II юношеский разряд' },
        { season: '2023-2024', rankStart: null, rankEnd: null },
        { season: '2027-2028', rankStart: 'КМС', rankEnd: null },
      ],
      autumn,
    );
    expect(seasons.map((s) => [s.season, s.rankStart, s.rankEnd])).toEqual([
      ['2024-2025', null, 'III юношеский разряд'],
      ['2025-2026', 'III юношеский разряд', 'II юношеский разряд'],
      ['2026-2027', 'II юношеский разряд', 'I юношеский разряд'],
    ]);
    expect(highestRank(seasons)).toBe('I юношеский разряд');
  });
});

describe('monthsBetween', () => {
  it('lists the calendar months a period touches, across a year', () => {
    expect(monthsBetween('2026-11-15', '2027-02-01')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
  });
});

describe('athleteReport', () => {
  const input: AthleteReportInput = {
    period: autumn,
    // the clock: 15 October, so later sessions and workouts are not yet due
    today: '2026-10-15',
    attendance: [
      { status: 'present', localDate: '2026-08-30' }, // before the period
      { status: 'present', localDate: '2026-09-02' },
      { status: 'trial', localDate: '2026-09-04' },
      { status: 'absent', localDate: '2026-09-09' },
      { status: 'excused', localDate: '2026-09-11' },
      { status: 'present', localDate: '2026-10-01' },
      { status: 'absent', localDate: '2026-10-20' }, // after today: written ahead, not counted
    ],
    workouts: [
      { id: 'w1', planStart: '2026-09-07', week: 1, day: 1, type: 'run' }, // 7 Sep, done
      { id: 'w2', planStart: '2026-09-07', week: 1, day: 2, type: 'rest' }, // not due
      { id: 'w3', planStart: '2026-09-07', week: 1, day: 3, type: 'intervals' }, // skipped
      { id: 'w4', planStart: '2026-09-07', week: 4, day: 4, type: 'strength' }, // 1 Oct, done
      { id: 'w5', planStart: '2026-09-07', week: 5, day: 1, type: 'run' }, // 5 Oct, no log
      { id: 'w6', planStart: '2026-09-07', week: 6, day: 5, type: 'run' }, // 16 Oct, ahead
    ],
    logs: [
      { workoutId: 'w1', status: 'done' },
      { workoutId: 'w3', status: 'skipped' },
      { workoutId: 'w4', status: 'done' },
      { workoutId: 'w6', status: 'done' }, // logged early: still not in the period so far
    ],
    results: [
      result({ id: 'r2', competedOn: '2026-10-05', value: 7.95 }),
      result({ id: 'r1', competedOn: '2026-09-20', value: 8.1 }),
      result({ id: 'r0', competedOn: '2026-05-20', value: 8.3 }),
    ],
    currentRanks: { season: '2026-2027', rankStart: 'III юношеский разряд', rankEnd: null },
    rankHistory: [],
  };

  it('counts attendance in the period up to today, excused left out', () => {
    const r = athleteReport(input);
    expect(r.attendance).toMatchObject({ present: 2, trial: 1, absent: 1, excused: 1 });
    expect(r.attendance.percent).toBe(75);
  });

  it('counts workouts due up to today, rest days not due', () => {
    const r = athleteReport(input);
    expect(r.compliance).toEqual({ due: 4, done: 2, skipped: 1, percent: 50 });
  });

  it('gives monthly figures for the months so far', () => {
    const r = athleteReport(input);
    expect(r.months).toEqual([
      { month: '2026-09', attendancePercent: 67, compliancePercent: 50 },
      { month: '2026-10', attendancePercent: 100, compliancePercent: 50 },
    ]);
  });

  it('lists the period’s results oldest first with their best', () => {
    const r = athleteReport(input);
    expect(r.results.map((x) => x.id)).toEqual(['r1', 'r2']);
    expect(r.personalBests.map((p) => [p.best.id, p.allTime])).toEqual([['r2', true]]);
    expect(r.ranks).toHaveLength(1);
  });

  it('leaves off the months before the first figure', () => {
    const r = athleteReport({
      ...input,
      period: { from: '2026-06-01', to: '2026-10-31' },
      workouts: [],
    });
    // the first mark is on 30 August
    expect(r.months.map((m) => m.month)).toEqual(['2026-08', '2026-09', '2026-10']);
  });

  it('has no percentages for a period with nothing in it', () => {
    const r = athleteReport({ ...input, period: { from: '2027-03-01', to: '2027-03-31' } });
    expect(r.attendance.percent).toBeNull();
    expect(r.compliance.percent).toBeNull();
    expect(r.months).toEqual([]);
    expect(r.results).toEqual([]);
  });
});
