// What a partner earns on the clubs it referred (public.partner_commissions,
// 20261206173000_partner_dashboard.sql): per club, month and currency, the paid
// revenue after the referral minus refunds, times the tier's commission rate,
// rounded as PostgreSQL rounds numeric (half away from zero). Minor units only:
// currencies are never added together.
import { DAY, type Instant, civilFromDays, dateFromEpochDay, daysFromCivil } from './zoned-time.ts';

export interface CommissionRow {
  clubOrgId: string;
  clubName: string;
  /** the first day of the month, YYYY-MM-DD (utc) */
  month: string;
  currency: string;
  revenueMinor: number;
  commissionRate: number;
  commissionMinor: number;
}

export interface CommissionTotal {
  currency: string;
  revenueMinor: number;
  commissionMinor: number;
}

/** round(revenue × rate) as the database computes it */
export function commissionMinor(revenueMinor: number, rate: number): number {
  const exact = revenueMinor * rate;
  return Math.sign(exact) * Math.round(Math.abs(exact));
}

/** one total per currency, in currency order */
export function commissionTotals(rows: readonly CommissionRow[]): CommissionTotal[] {
  const byCurrency = new Map<string, CommissionTotal>();
  for (const row of rows) {
    const total = byCurrency.get(row.currency) ?? {
      currency: row.currency,
      revenueMinor: 0,
      commissionMinor: 0,
    };
    total.revenueMinor += row.revenueMinor;
    total.commissionMinor += row.commissionMinor;
    byCurrency.set(row.currency, total);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** the first day of the month `offset` months from (year, month 1–12) */
function monthStart(year: number, month: number, offset: number): number {
  const index = year * 12 + (month - 1) + offset;
  return daysFromCivil(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1, 1);
}

/** the last `months` calendar months (utc) up to and including the one of `now` */
export function commissionPeriod(now: Instant, months: number): { from: string; to: string } {
  const [year, month] = civilFromDays(Math.floor(now / DAY));
  return {
    from: dateFromEpochDay(monthStart(year, month, 1 - Math.max(1, months))),
    to: dateFromEpochDay(monthStart(year, month, 1) - 1),
  };
}

/** a percentage for people: 0.15 → 15, 0.125 → 12.5 */
export function ratePercent(rate: number): number {
  return Math.round(rate * 10000) / 100;
}
