// A coach's figures over a range, from the synced daily rows
// (`coach_analytics_days`, one per coach per club per day, the day in the club's
// time zone) and the funnels' definitions (`analytics_funnels`). Everything the
// dashboard shows is summed here on the device, so it works offline.
//
// - A day's `visitors` are that day's unique visitors; their sum over a range
//   counts a person once per day they came, so it is "daily visitors", never
//   "unique" (storefront reference §3.2, Plausible #970).
// - The jsonb columns are parsed with zod entry by entry: one malformed offer,
//   source or currency is skipped, never a thrown page or a lost day.
// - Missing days are days with no events: zeros in the daily series.
import { z } from 'zod';
import { toCsv, type Cell } from './csv.ts';
import { funnelRates, type FunnelStepRates } from './funnel-rates.ts';
import { currencySchema, minorDigits } from './money.ts';
import {
  addDays,
  epochDay,
  localDateAt,
  parseTimestamp,
  type Instant,
  type LocalDate,
} from './zoned-time.ts';

/** the columns of a `coach_analytics_days` row this module reads */
export interface CoachDayRow {
  org_id: string;
  coach_id: string;
  day: string;
  page_views: number;
  visitors: number;
  offer_views: number;
  slot_selections: number;
  checkouts_started: number;
  checkouts_completed: number;
  purchases: number;
  bookings_created: number;
  bookings_cancelled: number;
  enrollments: number;
  lessons_completed: number;
  revenue: unknown;
  offers: unknown;
  sources: unknown;
  campaigns: unknown;
  funnels: unknown;
  refreshed_at: string | null;
}

/** the columns of an `analytics_funnels` row this module reads */
export interface FunnelDefinitionRow {
  key: string;
  steps: readonly string[];
  window_minutes: number;
  position: number;
}

/** the funnels as the contract defines them, for a device that has not synced them yet */
export const defaultFunnels: readonly FunnelDefinitionRow[] = [
  { key: 'buy', steps: ['offer_view', 'checkout_started', 'purchase'], window_minutes: 1440, position: 1 },
  { key: 'book', steps: ['page_view', 'slot_selected', 'booking_created'], window_minutes: 1440, position: 2 },
  { key: 'course', steps: ['page_view', 'course_enrolled', 'lesson_completed'], window_minutes: 10080, position: 3 },
]; // prettier-ignore

// ---------------------------------------------------------------- ranges

export const rangePresets = [7, 30, 90] as const;
export type RangePreset = (typeof rangePresets)[number];

export type AnalyticsRange =
  { kind: 'last'; days: RangePreset } | { kind: 'custom'; from: LocalDate; to: LocalDate };

export interface ResolvedRange {
  from: LocalDate;
  to: LocalDate;
  /** days in the range, both ends included */
  days: number;
}

/** the longest custom range: a year and a day, so a leap year fits whole */
export const MAX_RANGE_DAYS = 367;

export type RangeProblem = 'date' | 'order' | 'future' | 'length';

const localDateSchema = z.string().refine((s) => {
  try {
    epochDay(s);
    return true;
  } catch {
    return false;
  }
});

/** today in the club's zone: the last day of every preset */
export function clubToday(now: Instant, zone: string): LocalDate {
  return localDateAt(zone, now);
}

/**
 * The days a range covers, both ends included: the last N days end today (in
 * the club's zone); a custom range must be two real dates, in order, not past
 * today and at most MAX_RANGE_DAYS long.
 */
export function resolveRange(
  range: AnalyticsRange,
  today: LocalDate,
): { ok: true; range: ResolvedRange } | { ok: false; problem: RangeProblem } {
  if (range.kind === 'last') {
    return {
      ok: true,
      range: { from: addDays(today, 1 - range.days), to: today, days: range.days },
    };
  }
  if (
    !localDateSchema.safeParse(range.from).success ||
    !localDateSchema.safeParse(range.to).success
  ) {
    return { ok: false, problem: 'date' };
  }
  if (range.from > range.to) return { ok: false, problem: 'order' };
  if (range.to > today) return { ok: false, problem: 'future' };
  const days = epochDay(range.to) - epochDay(range.from) + 1;
  if (days > MAX_RANGE_DAYS) return { ok: false, problem: 'length' };
  return { ok: true, range: { from: range.from, to: range.to, days } };
}

// ---------------------------------------------------------------- jsonb

const count = z.number().int().nonnegative();
const offerSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['product', 'session_type', 'course']),
  name: z.string(),
  views: count,
  checkouts: count,
  purchases: count,
  bookings: count,
});
const sourceSchema = z.object({ domain: z.string(), visitors: count, views: count });
const campaignSchema = z.object({
  source: z.string().nullable().catch(null),
  medium: z.string().nullable().catch(null),
  campaign: z.string().nullable().catch(null),
  visitors: count,
  views: count,
});

export type OfferFigures = z.infer<typeof offerSchema>;
export type SourceFigures = z.infer<typeof sourceSchema>;
export type CampaignFigures = z.infer<typeof campaignSchema>;

/** the elements of a jsonb array that parse; anything else (not an array, a bad element) is skipped */
function parsedItems<T>(value: unknown, schema: z.ZodType<T>): T[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

function plainObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** minor units per currency of a `revenue` cell; a bad code or amount is skipped */
export function parseRevenue(value: unknown): Map<string, number> {
  const out = new Map<string, number>();
  for (const [currency, amount] of Object.entries(plainObject(value))) {
    if (!currencySchema.safeParse(currency).success) continue;
    if (!z.number().int().safeParse(amount).success) continue;
    out.set(currency, amount as number);
  }
  return out;
}

/** units per step of each funnel of a `funnels` cell; a funnel that is not a list of counts is skipped */
export function parseFunnels(value: unknown): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [key, steps] of Object.entries(plainObject(value))) {
    const parsed = z.array(count).safeParse(steps);
    if (parsed.success) out.set(key, parsed.data);
  }
  return out;
}

// ---------------------------------------------------------------- summary

export interface AnalyticsCounts {
  pageViews: number;
  /** a sum of each day's unique visitors: "daily visitors" */
  dailyVisitors: number;
  offerViews: number;
  slotSelections: number;
  checkoutsStarted: number;
  checkoutsCompleted: number;
  purchases: number;
  bookingsCreated: number;
  bookingsCancelled: number;
  enrollments: number;
  lessonsCompleted: number;
}

export interface DayFigures extends AnalyticsCounts {
  day: LocalDate;
  /** minor units per currency */
  revenue: ReadonlyMap<string, number>;
}

export interface FunnelFigures {
  key: string;
  steps: readonly string[];
  windowMinutes: number;
  /** units per step, summed over the range */
  counts: number[];
  rates: FunnelStepRates[];
}

export interface AnalyticsSummary {
  range: ResolvedRange;
  totals: AnalyticsCounts;
  /** minor units per currency, currencies in alphabetical order */
  revenue: { currency: string; minor: number }[];
  conversion: {
    /** purchases / daily visitors */
    purchases: number | null;
    /** bookings / daily visitors */
    bookings: number | null;
    /** checkouts completed / checkouts started */
    checkouts: number | null;
  };
  funnels: FunnelFigures[];
  /** most viewed first */
  offers: OfferFigures[];
  /** most visitors first; `domain` "" is direct visits */
  sources: SourceFigures[];
  campaigns: CampaignFigures[];
  /** every day of the range, a day without a row as zeros */
  daily: DayFigures[];
  /** rows found in the range (0: nothing happened, or nothing synced yet) */
  rowsInRange: number;
}

const zeroCounts = (): AnalyticsCounts => ({
  pageViews: 0,
  dailyVisitors: 0,
  offerViews: 0,
  slotSelections: 0,
  checkoutsStarted: 0,
  checkoutsCompleted: 0,
  purchases: 0,
  bookingsCreated: 0,
  bookingsCancelled: 0,
  enrollments: 0,
  lessonsCompleted: 0,
});

const countKeys = Object.keys(zeroCounts()) as (keyof AnalyticsCounts)[];

function rowCounts(row: CoachDayRow): AnalyticsCounts {
  return {
    pageViews: row.page_views,
    dailyVisitors: row.visitors,
    offerViews: row.offer_views,
    slotSelections: row.slot_selections,
    checkoutsStarted: row.checkouts_started,
    checkoutsCompleted: row.checkouts_completed,
    purchases: row.purchases,
    bookingsCreated: row.bookings_created,
    bookingsCancelled: row.bookings_cancelled,
    enrollments: row.enrollments,
    lessonsCompleted: row.lessons_completed,
  };
}

function addCounts(into: AnalyticsCounts, more: AnalyticsCounts): void {
  for (const key of countKeys) {
    // a null or fractional count from a bad row adds nothing rather than NaN
    const value = more[key];
    into[key] += Number.isSafeInteger(value) && value > 0 ? value : 0;
  }
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function mergeBy<T>(
  items: Iterable<T>,
  key: (item: T) => string,
  add: (into: T, item: T) => void,
): T[] {
  const merged = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const seen = merged.get(k);
    if (seen) add(seen, item);
    else merged.set(k, { ...item });
  }
  return [...merged.values()];
}

/**
 * The coach's figures over the range: the rows of this coach in this club whose
 * day falls in it, summed. Rows of other coaches or clubs that a device may hold
 * are left out; two rows for one day (should the server ever send both) add up.
 */
export function summarize(
  rows: readonly CoachDayRow[],
  definitions: readonly FunnelDefinitionRow[],
  scope: { orgId: string; coachId: string; range: ResolvedRange },
): AnalyticsSummary {
  const { from, to } = scope.range;
  const inRange = rows
    .filter((r) => r.org_id === scope.orgId && r.coach_id === scope.coachId)
    .filter((r) => r.day >= from && r.day <= to)
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));

  const byDay = new Map<LocalDate, DayFigures>();
  for (let day = from; day <= to; day = addDays(day, 1)) {
    byDay.set(day, { day, ...zeroCounts(), revenue: new Map() });
  }
  const totals = zeroCounts();
  const revenue = new Map<string, number>();
  const funnelSums = new Map<string, number[]>();
  const offers: OfferFigures[] = [];
  const sources: SourceFigures[] = [];
  const campaigns: CampaignFigures[] = [];

  for (const row of inRange) {
    const counts = rowCounts(row);
    addCounts(totals, counts);
    const day = byDay.get(row.day);
    const dayRevenue = new Map(day?.revenue);
    for (const [currency, minor] of parseRevenue(row.revenue)) {
      revenue.set(currency, (revenue.get(currency) ?? 0) + minor);
      dayRevenue.set(currency, (dayRevenue.get(currency) ?? 0) + minor);
    }
    if (day) {
      addCounts(day, counts);
      day.revenue = dayRevenue;
    }
    for (const [key, steps] of parseFunnels(row.funnels)) {
      const sum = funnelSums.get(key) ?? [];
      steps.forEach((n, i) => (sum[i] = (sum[i] ?? 0) + n));
      funnelSums.set(key, sum);
    }
    offers.push(...parsedItems(row.offers, offerSchema));
    // a referrer's host is case-insensitive: t.me and T.me are one source
    sources.push(
      ...parsedItems(row.sources, sourceSchema).map((x) => ({
        ...x,
        domain: x.domain.toLowerCase(),
      })),
    );
    campaigns.push(...parsedItems(row.campaigns, campaignSchema));
  }

  const funnelDefinitions = (definitions.length > 0 ? definitions : defaultFunnels)
    .slice()
    .sort((a, b) => a.position - b.position);
  const funnels = funnelDefinitions.map((f) => {
    const sum = funnelSums.get(f.key) ?? [];
    const counts = f.steps.map((_, i) => sum[i] ?? 0);
    return {
      key: f.key,
      steps: f.steps,
      windowMinutes: f.window_minutes,
      counts,
      rates: funnelRates(counts),
    };
  });

  // the newest day's name wins: rows are in day order, and a renamed offer shows its current name
  const mergedOffers = mergeBy(
    offers,
    (o) => o.id,
    (into, o) => {
      into.name = o.name;
      into.views += o.views;
      into.checkouts += o.checkouts;
      into.purchases += o.purchases;
      into.bookings += o.bookings;
    },
  ).sort(
    (a, b) =>
      b.views - a.views ||
      b.purchases + b.bookings - (a.purchases + a.bookings) ||
      a.name.localeCompare(b.name),
  );
  const mergedSources = mergeBy(
    sources,
    (s) => s.domain,
    (into, s) => {
      into.visitors += s.visitors;
      into.views += s.views;
    },
  ).sort(
    (a, b) => b.visitors - a.visitors || b.views - a.views || a.domain.localeCompare(b.domain),
  );
  const mergedCampaigns = mergeBy(
    campaigns,
    (c) => JSON.stringify([c.source ?? '', c.medium ?? '', c.campaign ?? '']),
    (into, c) => {
      into.visitors += c.visitors;
      into.views += c.views;
    },
  ).sort((a, b) => b.visitors - a.visitors || b.views - a.views);

  return {
    range: scope.range,
    totals,
    revenue: [...revenue]
      .map(([currency, minor]) => ({ currency, minor }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    conversion: {
      purchases: ratio(totals.purchases, totals.dailyVisitors),
      bookings: ratio(totals.bookingsCreated, totals.dailyVisitors),
      checkouts: ratio(totals.checkoutsCompleted, totals.checkoutsStarted),
    },
    funnels,
    offers: mergedOffers,
    sources: mergedSources,
    campaigns: mergedCampaigns,
    daily: [...byDay.values()],
    rowsInRange: inRange.length,
  };
}

/**
 * When the figures were last computed on the server: the newest `refreshed_at`
 * among the coach's rows in the club (whatever the range), or null before the
 * first row arrives. The page shows it so offline figures carry their date.
 */
export function figuresAsOf(
  rows: readonly CoachDayRow[],
  scope: { orgId: string; coachId: string },
): Instant | null {
  let newest: Instant | null = null;
  for (const r of rows) {
    if (r.org_id !== scope.orgId || r.coach_id !== scope.coachId || !r.refreshed_at) continue;
    const at = parseTimestamp(r.refreshed_at);
    if (at !== null && (newest === null || at > newest)) newest = at;
  }
  return newest;
}

// ---------------------------------------------------------------- CSV

export interface AnalyticsCsvWords {
  day: string;
  total: string;
  columns: Record<keyof AnalyticsCounts, string>;
  revenue: (currency: string) => string;
}

/** a major-unit amount as a number a spreadsheet sums (250000 RUB minor → 2500) */
function major(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

/**
 * The range's daily rows and its totals as CSV (src/domain/csv.ts: `;`, BOM,
 * formula-safe): a row per day, zeros included, then the total row; revenue in
 * major units, one column per currency seen in the range.
 */
export function analyticsCsv(summary: AnalyticsSummary, words: AnalyticsCsvWords): string {
  const currencies = summary.revenue.map((r) => r.currency);
  const head: Cell[] = [
    words.day,
    ...countKeys.map((k) => words.columns[k]),
    ...currencies.map((c) => words.revenue(c)),
  ];
  const line = (label: string, counts: AnalyticsCounts, revenue: ReadonlyMap<string, number>) => [
    label,
    ...countKeys.map((k) => counts[k]),
    ...currencies.map((c) => major(revenue.get(c) ?? 0, c)),
  ];
  const totalRevenue = new Map(summary.revenue.map((r) => [r.currency, r.minor]));
  return toCsv([
    head,
    ...summary.daily.map((d) => line(d.day, d, d.revenue)),
    line(words.total, summary.totals, totalRevenue),
  ]);
}
