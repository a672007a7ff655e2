import { describe, expect, it } from 'vitest';
import {
  isSeatCount,
  seatQuote,
  seatVolumePercent,
  seatVolumePrice,
  seatVolumeTier,
} from './seat-volume-price.ts';

describe('seat volume price', () => {
  it('follows the tiers at their edges', () => {
    const at = [1, 9, 10, 19, 20, 49, 50, 99, 100, 199, 200, 10_000].map(seatVolumePercent);
    expect(at).toEqual([0, 0, 5, 5, 10, 10, 15, 15, 20, 20, 30, 30]);
  });

  it('rounds the price of a seat down in minor units', () => {
    expect(seatVolumePrice(2990, 10)).toBe(2840); // 2840.5
    expect(seatVolumePrice(2990, 50)).toBe(2541); // 2541.5
    expect(seatVolumePrice(290_000, 25)).toBe(261_000);
  });

  it('quotes 25 seats of 2 900 ₽ at −10 %', () => {
    expect(seatQuote(290_000, 25)).toEqual({
      seats: 25,
      percentOff: 10,
      perSeatMinor: 261_000,
      totalMinor: 6_525_000,
    });
  });

  it('names the tier a count falls in', () => {
    expect(seatVolumeTier(25)).toEqual({ from: 20, to: 49, percentOff: 10 });
    expect(seatVolumeTier(3)).toEqual({ from: 1, to: 9, percentOff: 0 });
    expect(seatVolumeTier(500)).toEqual({ from: 200, to: null, percentOff: 30 });
  });

  it('takes 1 to 10 000 whole seats', () => {
    expect([0, 1, 2.5, 10_000, 10_001].map(isSeatCount)).toEqual([false, true, false, true, false]);
  });
});
