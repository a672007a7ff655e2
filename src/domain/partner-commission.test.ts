import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './zoned-time.ts';

const at = (iso: string): number => parseTimestamp(iso) ?? Number.NaN;
import {
  type CommissionRow,
  commissionMinor,
  commissionPeriod,
  commissionTotals,
  ratePercent,
} from './partner-commission.ts';

const row = (over: Partial<CommissionRow>): CommissionRow => ({
  clubOrgId: 'c1',
  clubName: 'Юность',
  month: '2026-11-01',
  currency: 'RUB',
  revenueMinor: 100000,
  commissionRate: 0.15,
  commissionMinor: 15000,
  ...over,
});

describe('partner commission', () => {
  it('rounds half away from zero, as numeric round does', () => {
    expect(commissionMinor(100000, 0.15)).toBe(15000);
    expect(commissionMinor(5, 0.5)).toBe(3);
    expect(commissionMinor(-5, 0.5)).toBe(-3);
    expect(commissionMinor(0, 0.2)).toBe(0);
  });

  it('adds up each currency apart, never across currencies', () => {
    const totals = commissionTotals([
      row({}),
      row({ clubOrgId: 'c2', month: '2026-10-01', revenueMinor: 50000, commissionMinor: 7500 }),
      row({ currency: 'EUR', revenueMinor: 2000, commissionMinor: 300 }),
    ]);
    expect(totals).toEqual([
      { currency: 'EUR', revenueMinor: 2000, commissionMinor: 300 },
      { currency: 'RUB', revenueMinor: 150000, commissionMinor: 22500 },
    ]);
    expect(commissionTotals([])).toEqual([]);
  });

  it('covers whole utc months up to the current one', () => {
    expect(commissionPeriod(at('2026-12-06T18:00:00Z'), 12)).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(commissionPeriod(at('2026-03-01T00:00:00Z'), 3)).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(commissionPeriod(at('2024-02-10T00:00:00Z'), 1)).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
  });

  it('shows rates as percentages', () => {
    expect(ratePercent(0.15)).toBe(15);
    expect(ratePercent(0.125)).toBe(12.5);
  });
});
