// Seasons and the subscription snapshot: what the proxy keeps of a Moyklass
// UserSubscription (reference/moyklass-api.md, "Subscriptions of a student").
import { z } from 'zod';

/** a season runs 1 September of `startYear` to 31 August of the next year */
export function seasonBounds(startYear: number): { start: string; end: string } {
  return { start: `${startYear}-09-01`, end: `${startYear + 1}-08-31` };
}

// some date fields arrive as full timestamps: the first 10 characters are the date
const moyklassDate = z
  .string()
  .transform((s) => s.slice(0, 10))
  .pipe(z.iso.date());

const optionalDate = moyklassDate.nullable().optional();
const amount = z.number().finite().nullable().optional();

export const userSubscriptionSchema = z.object({
  id: z.number().int().positive(),
  userId: z.number().int().positive(),
  subscriptionId: z.number().int().nullable().optional(),
  externalId: z.string().max(200).nullable().optional(),
  statusId: z.number().int().min(1).max(4),
  beginDate: optionalDate,
  endDate: optionalDate,
  visitCount: z.number().int().nonnegative().nullable().optional(),
  price: amount,
  stats: z
    .object({ totalPayed: amount, totalVisited: z.number().int().nullable().optional() })
    .nullable()
    .optional(),
});
export type UserSubscription = z.output<typeof userSubscriptionSchema>;

export const statusNames = { 1: 'inactive', 2: 'active', 3: 'frozen', 4: 'ended' } as const;
export type SubscriptionStatus = (typeof statusNames)[keyof typeof statusNames];

/** one stored row: the proxy's answer and the synced table's content */
export interface SubscriptionSnapshot {
  moyklassId: number;
  moyklassUserId: number;
  externalId: string | null;
  typeId: number | null;
  status: SubscriptionStatus;
  beginDate: string | null;
  endDate: string | null;
  /** 0 = unlimited */
  visitCount: number | null;
  /** null when unlimited or unknown */
  visitsLeft: number | null;
  price: number | null;
  paid: number | null;
}

/**
 * Some day of the subscription falls in the season: beginDate ≤ seasonEnd and
 * (no endDate, or endDate ≥ seasonStart). No beginDate: no season. An endDate
 * before its beginDate (a CRM entry corrected by hand) covers no day at all.
 */
export function overlapsSeason(s: UserSubscription, startYear: number): boolean {
  const { start, end } = seasonBounds(startYear);
  if (!s.beginDate || s.beginDate > end) return false;
  if (!s.endDate) return true;
  return s.endDate >= start && s.endDate >= s.beginDate;
}

export function toSnapshot(s: UserSubscription): SubscriptionSnapshot {
  const visitCount = s.visitCount ?? null;
  const visited = s.stats?.totalVisited ?? null;
  return {
    moyklassId: s.id,
    moyklassUserId: s.userId,
    externalId: s.externalId ?? null,
    typeId: s.subscriptionId ?? null,
    status: statusNames[s.statusId as 1 | 2 | 3 | 4],
    beginDate: s.beginDate ?? null,
    endDate: s.endDate ?? null,
    visitCount,
    visitsLeft:
      visitCount !== null && visitCount > 0 && visited !== null
        ? Math.max(visitCount - visited, 0)
        : null,
    price: s.price ?? null,
    paid: s.stats?.totalPayed ?? null,
  };
}
