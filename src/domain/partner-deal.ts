// A deal registration (public.partner_deals): a partner's 90-day claim on a
// prospect club, one live claim per email across all partners. The email shape
// is the table's CHECK (partner_deals_email_check), the limits its lengths.
import { DAY, type Instant, parseTimestamp } from './zoned-time.ts';

export const PROSPECT_EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PROSPECT_LIMITS = { name: 200, email: 254, city: 100, note: 1000 } as const;

export const DEAL_STATUSES = ['registered', 'won', 'lost', 'expired'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export function isDealStatus(value: string): value is DealStatus {
  return (DEAL_STATUSES as readonly string[]).includes(value);
}

/** whole days left on a claim at `now` (0 on its last day or after, or for an unreadable end) */
export function claimDaysLeft(expiresAt: string, now: Instant): number {
  const end = parseTimestamp(expiresAt);
  return end === null ? 0 : Math.max(0, Math.floor((end - now) / DAY));
}

/** what a deal is at `now`: a registered claim past its end counts as expired before the job runs */
export function effectiveDealStatus(
  status: DealStatus,
  expiresAt: string,
  now: Instant,
): DealStatus {
  const end = parseTimestamp(expiresAt);
  return status === 'registered' && end !== null && end <= now ? 'expired' : status;
}
