import { describe, expect, test } from 'vitest';
import { funnelRates } from './funnel-rates.ts';

describe('funnelRates', () => {
  test('overall over the first step, step-to-step over the one above', () => {
    expect(funnelRates([200, 50, 10])).toEqual([
      { overall: 1, fromPrevious: null },
      { overall: 0.25, fromPrevious: 0.25 },
      { overall: 0.05, fromPrevious: 0.2 },
    ]);
  });

  test('a step over zero units has no rate, not 0 % or Infinity', () => {
    expect(funnelRates([0, 0, 0])).toEqual([
      { overall: null, fromPrevious: null },
      { overall: null, fromPrevious: null },
      { overall: null, fromPrevious: null },
    ]);
    expect(funnelRates([4, 0, 0])[2]).toEqual({ overall: 0, fromPrevious: null });
  });

  test('a missing count gives missing rates around it', () => {
    expect(funnelRates([10, null, 2])).toEqual([
      { overall: 1, fromPrevious: null },
      { overall: null, fromPrevious: null },
      { overall: 0.2, fromPrevious: null },
    ]);
  });
});
