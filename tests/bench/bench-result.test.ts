import { describe, expect, test } from 'vitest';
import { describeLimit, limitMiss, median, type BenchResult } from './bench-result.ts';

const entry = (fields: Partial<BenchResult>): BenchResult => ({
  name: 'x',
  unit: 'ms',
  value: 10,
  baseline: 'y',
  baseline_value: 5,
  ratio: 2,
  ...fields,
});

describe('limitMiss', () => {
  test('no limit never misses', () => {
    expect(limitMiss(entry({ ratio: 1e9 }))).toBeUndefined();
  });

  test('by default the ratio must stay at or under the limit', () => {
    expect(limitMiss(entry({ ratio: 2, limit: 2 }))).toBeUndefined();
    expect(limitMiss(entry({ ratio: 2.314, limit: 2 }))).toBe('ratio 2.31 > 2');
  });

  test('a value limit bounds the value, not the ratio', () => {
    const size = { limit: 100, limit_of: 'value' as const };
    expect(limitMiss(entry({ ...size, value: 99.5, ratio: 9 }))).toBeUndefined();
    expect(limitMiss(entry({ ...size, value: 140.2, ratio: 0.5 }))).toBe('value 140.20 > 100');
  });

  test('a min limit is a floor (a score)', () => {
    const score = { limit: 90, limit_of: 'value' as const, limit_kind: 'min' as const };
    expect(limitMiss(entry({ ...score, value: 90 }))).toBeUndefined();
    expect(limitMiss(entry({ ...score, value: 89 }))).toBe('value 89.00 < 90');
  });
});

describe('describeLimit', () => {
  test('says what is bounded and which way', () => {
    expect(describeLimit(entry({}))).toBe('');
    expect(describeLimit(entry({ limit: 3 }))).toBe('ratio ≤ 3');
    expect(describeLimit(entry({ limit: 95, limit_of: 'value', limit_kind: 'min' }))).toBe(
      'value ≥ 95',
    );
  });
});

describe('median', () => {
  test('odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
