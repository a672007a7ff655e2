import { describe, expect, it } from 'vitest';
import {
  movesToSeason,
  rolloverPreview,
  rolloverTiming,
  suggestSeason,
  type RolloverAthlete,
} from './season-rollover.ts';

const athlete = (over: Partial<RolloverAthlete>): RolloverAthlete => ({
  groupId: 'g1',
  season: '2025-2026',
  status: 'active',
  rankStart: null,
  rankEnd: null,
  ...over,
});

describe('movesToSeason', () => {
  it('moves athletes of an earlier season in the scope', () => {
    expect(movesToSeason(athlete({}), '2026-2027', 'g1')).toBe(true);
    expect(movesToSeason(athlete({ season: '2019-2020' }), '2026-2027', null)).toBe(true);
    expect(movesToSeason(athlete({ status: 'inactive' }), '2026-2027', 'g1')).toBe(true);
  });

  it('leaves other groups, the archive, no season and the same or a later season', () => {
    expect(movesToSeason(athlete({ groupId: 'g2' }), '2026-2027', 'g1')).toBe(false);
    expect(movesToSeason(athlete({ groupId: null }), '2026-2027', 'g1')).toBe(false);
    expect(movesToSeason(athlete({ status: 'archived' }), '2026-2027', null)).toBe(false);
    expect(movesToSeason(athlete({ season: null }), '2026-2027', null)).toBe(false);
    expect(movesToSeason(athlete({ season: '2026-2027' }), '2026-2027', null)).toBe(false);
    expect(movesToSeason(athlete({ season: '2027-2028' }), '2026-2027', null)).toBe(false);
  });
});

describe('rolloverPreview', () => {
  it('counts who moves and whose ranks are archived', () => {
    const athletes = [
      athlete({ rankStart: 'КМС' }),
      athlete({ rankEnd: 'МС' }),
      athlete({}),
      athlete({ groupId: 'g2', rankStart: 'МС' }),
      athlete({ status: 'archived', rankStart: 'МС' }),
    ];
    expect(rolloverPreview(athletes, '2026-2027', 'g1')).toEqual({ moving: 3, archiving: 2 });
    expect(rolloverPreview(athletes, '2026-2027', null)).toEqual({ moving: 4, archiving: 3 });
    // twice is once: after the move nobody is behind
    const moved = athletes.map((a) => ({ ...a, season: '2026-2027' }));
    expect(rolloverPreview(moved, '2026-2027', null)).toEqual({ moving: 0, archiving: 0 });
  });
});

describe('suggestSeason', () => {
  it('offers the current season to groups behind it', () => {
    expect(suggestSeason(['2025-2026'], '2026-2027')).toBe('2026-2027');
    expect(suggestSeason([null, 'nonsense'], '2026-2027')).toBe('2026-2027');
    expect(suggestSeason([], '2026-2027')).toBe('2026-2027');
  });

  it('offers the next season to groups already in the current one or later', () => {
    expect(suggestSeason(['2026-2027', '2025-2026'], '2026-2027')).toBe('2027-2028');
    expect(suggestSeason(['2027-2028'], '2026-2027')).toBe('2028-2029');
  });
});

describe('rolloverTiming', () => {
  it('is on time for the season running now, and for the next one from June', () => {
    expect(rolloverTiming('2026-2027', '2026-09-01')).toEqual({ kind: 'on-time' });
    expect(rolloverTiming('2026-2027', '2026-12-06')).toEqual({ kind: 'on-time' });
    expect(rolloverTiming('2027-2028', '2027-06-01')).toEqual({ kind: 'on-time' });
    expect(rolloverTiming('2027-2028', '2027-08-31')).toEqual({ kind: 'on-time' });
  });

  it('is early for next season in December or spring, and for any season further ahead', () => {
    expect(rolloverTiming('2027-2028', '2026-12-06')).toEqual({
      kind: 'early',
      current: '2026-2027',
      starts: '2027-09-01',
    });
    expect(rolloverTiming('2027-2028', '2027-05-31')).toMatchObject({ kind: 'early' });
    expect(rolloverTiming('2028-2029', '2027-07-15')).toMatchObject({ kind: 'early' });
  });

  it('is past for a season already over', () => {
    expect(rolloverTiming('2025-2026', '2026-12-06')).toEqual({
      kind: 'past',
      current: '2026-2027',
    });
  });
});
