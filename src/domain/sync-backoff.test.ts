import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff } from './sync-backoff.ts';

describe('backoffDelay', () => {
  it('stays within [cap/2, cap] and never exceeds the maximum', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.double({ min: 0, max: 0.999999, noNaN: true }), (n, r) => {
        const cap = Math.min(defaultBackoff.maxMs, defaultBackoff.baseMs * 2 ** n);
        const d = backoffDelay(n, () => r);
        expect(d).toBeGreaterThanOrEqual(Math.floor(cap / 2));
        expect(d).toBeLessThanOrEqual(cap);
      }),
    );
  });

  it('grows exponentially until the cap', () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, mid))).toEqual([750, 1500, 3000, 6000]);
    expect(backoffDelay(30, mid)).toBe(225_000);
  });

  it('spreads retries of many devices (jitter)', () => {
    const delays = new Set([0.1, 0.4, 0.7, 0.9].map((r) => backoffDelay(4, () => r)));
    expect(delays.size).toBe(4);
  });
});
