// A page event as the browser sends it to the ingest function (POST
// /api/analytics/events): only what the page alone knows — a view, an offer
// seen, a slot picked, a checkout page shown. Purchases, bookings and
// enrolments are written by the database in the transactions that make them
// true, so they are not accepted here. The function validates each event with
// this schema and hands the valid ones to public.analytics_ingest, which
// resolves the coach, dedups by `id` for ever and refuses stale or future times.
// The tracker imports only the types (zod stays off the public pages).
import { z } from 'zod';
import { isValidSlug } from './reserved-slugs.ts';

export const BROWSER_EVENT_NAMES = [
  'page_view',
  'offer_view',
  'slot_selected',
  'checkout_started',
] as const;

export type BrowserEventName = (typeof BROWSER_EVENT_NAMES)[number];

/** a batch: at most this many events… */
export const ANALYTICS_MAX_EVENTS = 50;
/** …in at most this many bytes (what sendBeacon may queue at once) */
export const ANALYTICS_MAX_BYTES = 64 * 1024;

// as analytics.events keeps them (utm_* ≤ 100 characters, a referrer's domain ≤ 253)
const utmValue = z.string().trim().min(1).max(100).optional();

/** '' (direct) or a web address whose host the database can keep */
function isReferrer(value: string): boolean {
  if (value === '') return true;
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.hostname.length <= 253;
  } catch {
    return false;
  }
}

export const analyticsEventSchema = z
  .object({
    id: z.uuid(),
    name: z.enum(BROWSER_EVENT_NAMES),
    coach: z.uuid().nullable().default(null),
    page: z.string().refine(isValidSlug, 'a coach page address').nullable().default(null),
    path: z.string().startsWith('/').max(2000),
    offer: z.uuid().nullable().default(null),
    referrer: z.string().max(2000).refine(isReferrer, 'a web address or nothing').default(''),
    utm: z.object({ source: utmValue, medium: utmValue, campaign: utmValue }).strict().default({}),
    at: z.iso.datetime({ offset: true }),
  })
  .refine((e) => e.coach !== null || e.page !== null, {
    message: 'a coach or a page',
    path: ['page'],
  })
  .refine((e) => e.name !== 'offer_view' || e.offer !== null, {
    message: 'an offer_view names its offer',
    path: ['offer'],
  });

export type AnalyticsEvent = z.output<typeof analyticsEventSchema>;

export interface AnalyticsRefusal {
  index: number;
  reason: string;
}

/**
 * The valid events of a batch (each with its index in the batch) and a reason
 * for each refused one; one bad event never costs the others.
 */
export function splitAnalyticsBatch(items: readonly unknown[]): {
  valid: { index: number; event: AnalyticsEvent }[];
  refused: AnalyticsRefusal[];
} {
  const valid: { index: number; event: AnalyticsEvent }[] = [];
  const refused: AnalyticsRefusal[] = [];
  items.forEach((item, index) => {
    const parsed = analyticsEventSchema.safeParse(item);
    if (parsed.success) {
      valid.push({ index, event: parsed.data });
      return;
    }
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    // the field and what it needs, never the rejected value
    refused.push({
      index,
      reason: `invalid ${field || 'event'}: ${issue?.message ?? 'malformed'}`,
    });
  });
  return { valid, refused };
}
