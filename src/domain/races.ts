// A race organizer's forms (20261207160000_races.sql): a race, a sponsor's banner
// and a perk, read the way the tables' CHECK constraints read them
// (tests/db/races-agreement.test.ts feeds both the same values). A form trims what
// people type before it checks; a failure names the field (its issue's path), and
// the page words it. The participants' side reads the RPCs' answers with the
// schemas below, so a changed answer fails loudly rather than drawing nonsense.
import { z } from 'zod';
import { addDays, epochDay } from './zoned-time.ts';

export const RACE_LIMITS = {
  name: 120,
  place: 200,
  sponsorName: 80,
  perkTitle: 120,
  perkDescription: 500,
  url: 500,
  distances: 10,
  minDistanceM: 100,
  maxDistanceM: 1_000_000,
  /** a banner shows for at most a year and a day (ends_on − starts_on ≤ 366) */
  placementDays: 366,
} as const;

export const RACE_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type RaceStatus = (typeof RACE_STATUSES)[number];

export const PLACEMENT_SLOTS = ['race_page', 'athlete_plan'] as const;
export type PlacementSlot = (typeof PLACEMENT_SLOTS)[number];

/** code points, as PostgreSQL's char_length counts them */
const chars = (s: string) => [...s].length;

/** `races_name_check`, `race_perks_title_check`, …: a label of 1–max characters once trimmed */
const label = (max: number) =>
  z
    .string()
    .trim()
    .refine((s) => chars(s) >= 1 && chars(s) <= max);

/** an https address with no white space (the image's and the link's check) */
export const HTTPS_URL = /^https:\/\/[^\s]+$/;
/** an image the app itself serves (public/sponsors/), the demo's banners */
export const APP_SPONSOR_IMAGE = /^\/sponsors\/[A-Za-z0-9_-]+\.(svg|png|webp|jpg)$/;
/** a sponsor's perk code: the charset of discount codes, 3–32 characters */
export const PERK_CODE = /^[A-Za-z0-9_-]{3,32}$/;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** whole days from `from` to `to` (ISO dates) */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** an ISO date `days` days after `date` */
export { addDays };

/**
 * Distances typed in kilometres ("10, 21,097" or "42.195") as whole metres, or
 * null when one is not a number.
 *
 * @example distancesFromKm('10; 21,097') // [10000, 21097]
 */
export function distancesFromKm(text: string): number[] | null {
  const parts = text
    .split(/[;\s]+|,(?=\s)|,$/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const metres: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,4}([.,]\d{1,3})?$/.test(part)) return null;
    metres.push(Math.round(Number(part.replace(',', '.')) * 1000));
  }
  return metres;
}

/** metres as kilometres for a form or a page: 21097 → "21,097" (ru) */
export function kmText(metres: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(metres / 1000);
}

/** `races_distances_check` and the guard's "each once": 0–10 distances of 100 m – 1 000 km */
export const distancesSchema = z
  .array(z.number().int())
  .max(RACE_LIMITS.distances)
  .refine((ds) => ds.every((d) => d >= RACE_LIMITS.minDistanceM && d <= RACE_LIMITS.maxDistanceM))
  .refine((ds) => new Set(ds).size === ds.length);

/** a race as the organizer's form sends it (columns of public.races) */
export const raceFormSchema = z.object({
  name: label(RACE_LIMITS.name),
  race_date: isoDate,
  time_zone: z.string().min(1).max(64),
  place: z
    .string()
    .trim()
    .refine((s) => chars(s) <= RACE_LIMITS.place),
  distances_m: distancesSchema,
  status: z.enum(RACE_STATUSES),
});
export type RaceForm = z.infer<typeof raceFormSchema>;

/** `race_placements_image_url_check`: https, or an image of the app's own */
export function isPlacementImage(url: string): boolean {
  return (HTTPS_URL.test(url) || APP_SPONSOR_IMAGE.test(url)) && chars(url) <= RACE_LIMITS.url;
}

/** `race_placements_link_url_check` */
export function isPlacementLink(url: string): boolean {
  return HTTPS_URL.test(url) && chars(url) <= RACE_LIMITS.url;
}

/** a sponsor's banner as the organizer's form sends it (columns of public.race_placements) */
export const placementFormSchema = z
  .object({
    slot: z.enum(PLACEMENT_SLOTS),
    sponsor_name: label(RACE_LIMITS.sponsorName),
    image_url: z.string().trim().refine(isPlacementImage),
    link_url: z.string().trim().refine(isPlacementLink),
    starts_on: isoDate,
    ends_on: isoDate,
  })
  .refine(
    (p) => {
      const days = daysBetween(p.starts_on, p.ends_on);
      return days >= 0 && days <= RACE_LIMITS.placementDays;
    },
    { path: ['ends_on'] },
  );
export type PlacementForm = z.infer<typeof placementFormSchema>;

/** a sponsor's perk as the organizer's form sends it (columns of public.race_perks) */
export const perkFormSchema = z.object({
  sponsor_name: label(RACE_LIMITS.sponsorName),
  title: label(RACE_LIMITS.perkTitle),
  description: z
    .string()
    .trim()
    .refine((s) => chars(s) <= RACE_LIMITS.perkDescription),
  code: z.string().trim().regex(PERK_CODE),
});
export type PerkForm = z.infer<typeof perkFormSchema>;

/** the first field a form's values fail on, or null when they pass */
export function firstBadField(
  result: { success: true } | { success: false; error: z.ZodError },
): string | null {
  if (result.success) return null;
  const path = result.error.issues[0]?.path[0];
  return typeof path === 'string' ? path : null;
}

// ------------------------------------------------------------------ answers

const banner = z.object({
  id: z.string(),
  sponsorName: z.string(),
  imageUrl: z.string(),
  linkUrl: z.string(),
});
export type RaceBanner = z.infer<typeof banner>;

const perk = z.object({
  id: z.string(),
  sponsorName: z.string(),
  title: z.string(),
  description: z.string(),
});

/** race_page(p_race): a published race for anyone */
export const racePageSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  raceDate: isoDate,
  timeZone: z.string(),
  place: z.string(),
  distancesM: z.array(z.number()),
  status: z.string(),
  organizer: z.string().nullable(),
  discount: z.object({ code: z.string(), percentOff: z.number() }).nullable(),
  plans: z.array(
    z.object({
      productId: z.string(),
      name: z.string(),
      description: z.string().nullable(),
      priceMinor: z.number(),
      currency: z.string(),
      distanceM: z.number().nullable(),
      weeks: z.number(),
      startsOn: isoDate,
    }),
  ),
  placements: z.array(banner),
  perks: z.array(perk),
});
export type RacePage = z.infer<typeof racePageSchema>;

/** my_race_plans(): one of the caller's race plan copies */
export const myRacePlanSchema = z.object({
  planId: z.string(),
  title: z.string(),
  weeks: z.number(),
  openWeeks: z.number(),
  firstWeek: z.number(),
  startDate: isoDate,
  status: z.string(),
  race: z.object({
    id: z.string(),
    name: z.string(),
    raceDate: isoDate,
    timeZone: z.string(),
    place: z.string(),
  }),
  perks: z.array(perk.extend({ code: z.string() })),
  placements: z.array(banner),
});
export type MyRacePlan = z.infer<typeof myRacePlanSchema>;

/** a week of a participant's race plan: left out (late start), open, or opening on a day */
export type RaceWeekState =
  | { week: number; state: 'skipped' }
  | { week: number; state: 'open'; startsOn: string }
  | { week: number; state: 'locked'; opensOn: string };

/**
 * The weeks 1..N of a participant's copy as the page lists them: the weeks before
 * `firstWeek` were over when the plan was bought and are left out; the weeks the
 * server has opened (`openWeeks`) show their workouts; the rest open on their
 * first day (start + 7 × (week − 1), a calendar date of the athlete's plan).
 *
 * @example raceWeeks({ weeks: 3, openWeeks: 1, firstWeek: 1, startDate: '2027-03-01' })[1]
 * // { week: 2, state: 'locked', opensOn: '2027-03-08' }
 */
export function raceWeeks(plan: {
  weeks: number;
  openWeeks: number;
  firstWeek: number;
  startDate: string;
}): RaceWeekState[] {
  const out: RaceWeekState[] = [];
  for (let week = 1; week <= plan.weeks; week++) {
    const startsOn = addDays(plan.startDate, 7 * (week - 1));
    if (week < plan.firstWeek) out.push({ week, state: 'skipped' });
    else if (week <= plan.openWeeks) out.push({ week, state: 'open', startsOn });
    else out.push({ week, state: 'locked', opensOn: startsOn });
  }
  return out;
}
