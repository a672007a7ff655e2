// Which of an athlete's Moyklass subscriptions the athlete page shows, from the
// snapshot the moyklass-proxy stored (supabase/functions/moyklass-proxy/
// subscriptions.ts writes each one: status, dates, visits left). A coach used to
// Moyklass asks one thing: how many visits are left, or until when it runs. The
// snapshot is read leniently: a field this build does not know, or a malformed
// entry, is skipped rather than failing the page.
import { z } from 'zod';

export const SUBSCRIPTION_STATUSES = ['active', 'frozen', 'inactive', 'ended'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export interface SubscriptionSummary {
  status: SubscriptionStatus;
  /** ISO dates, when Moyklass has them */
  beginDate: string | null;
  endDate: string | null;
  /** visits left on a counted subscription; null when unlimited or unknown */
  visitsLeft: number | null;
  /** paid for a number of visits (0 in Moyklass means unlimited) */
  visitCount: number | null;
}

const isoDate = z.iso.date().nullable().catch(null);
const count = z.number().int().nonnegative().nullable().catch(null);

const snapshotSchema = z.object({
  status: z.enum(SUBSCRIPTION_STATUSES),
  beginDate: isoDate.optional().transform((d) => d ?? null),
  endDate: isoDate.optional().transform((d) => d ?? null),
  visitsLeft: count.optional().transform((n) => n ?? null),
  visitCount: count.optional().transform((n) => n ?? null),
});

/** every readable subscription in a snapshot's `subscriptions` value */
export function readSubscriptions(value: unknown): SubscriptionSummary[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = snapshotSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

const rank: Record<SubscriptionStatus, number> = { active: 0, frozen: 1, inactive: 2, ended: 3 };

/**
 * The one to show: an active one before a frozen, a not-yet-started and an
 * ended one; among equals, the one that runs longest (no end date runs longest),
 * then the latest to begin.
 */
export function mainSubscription(
  subscriptions: readonly SubscriptionSummary[],
): SubscriptionSummary | null {
  const sorted = [...subscriptions].sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      (b.endDate ?? '9999-12-31').localeCompare(a.endDate ?? '9999-12-31') ||
      (b.beginDate ?? '').localeCompare(a.beginDate ?? ''),
  );
  return sorted[0] ?? null;
}

/** whether the subscription counts visits (Moyklass's visitCount 0 is unlimited) */
export function isUnlimited(s: SubscriptionSummary): boolean {
  return s.visitCount === 0;
}
