import { describe, expect, it } from 'vitest';
import {
  competitionResultSchema,
  formatTime,
  parseMeasure,
  parseTime,
  personalBestIds,
} from './competition-result.ts';

// 2026-12-06T12:00:00Z
const clock = { now: () => 1_796_558_400_000 };
const valid = {
  competed_on: '2019-06-15',
  competition: 'Первенство области',
  level: 'regional',
  discipline: '100m',
  result_kind: 'time',
  value: 10.94,
  timing: 'auto',
  venue: 'outdoor',
  place: 2,
  notes: '',
} as const;

describe('competitionResultSchema', () => {
  it('takes a valid result', () => {
    expect(competitionResultSchema(clock).safeParse(valid).success).toBe(true);
  });
  it.each([
    [{ value: 10.945 }, 'value'],
    [{ value: 0 }, 'value'],
    [{ timing: null }, 'timing'],
    [{ result_kind: 'distance' }, 'timing'],
    [{ competition: '   ' }, 'competition'],
    [{ competed_on: '2026-12-08' }, 'competed_on'],
    [{ competed_on: '1899-12-31' }, 'competed_on'],
    [{ place: 0 }, 'place'],
    [{ notes: 'x'.repeat(1001) }, 'notes'],
    [{ discipline: '100 m' }, 'discipline'],
  ])('refuses %o', (patch, path) => {
    const r = competitionResultSchema(clock).safeParse({ ...valid, ...patch });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path[0]).toBe(path);
  });
});

describe('parsing and formatting', () => {
  it('reads times as people write them', () => {
    expect(parseTime('11.94')).toBe(11.94);
    expect(parseTime('11,94')).toBe(11.94);
    expect(parseTime('1:58.30')).toBe(118.3);
    expect(parseTime('1.58,30')).toBe(118.3);
    expect(parseTime('abc')).toBeNull();
    expect(parseMeasure('7,45')).toBe(7.45);
    expect(formatTime(118.3)).toBe('1:58.30');
    expect(formatTime(10.9)).toBe('10.90');
  });
});

describe('personalBestIds', () => {
  it('marks the best per discipline and venue: lowest time, highest distance', () => {
    const ids = personalBestIds([
      { id: 'a', discipline: '100m', venue: 'outdoor', result_kind: 'time', value: 11.2 },
      { id: 'b', discipline: '100m', venue: 'outdoor', result_kind: 'time', value: 11.0 },
      { id: 'c', discipline: '60m', venue: 'indoor', result_kind: 'time', value: 7.3 },
      { id: 'd', discipline: 'long_jump', venue: 'outdoor', result_kind: 'distance', value: 6.1 },
      { id: 'e', discipline: 'long_jump', venue: 'outdoor', result_kind: 'distance', value: 6.3 },
    ]);
    expect([...ids].sort()).toEqual(['b', 'c', 'e']);
  });
});
