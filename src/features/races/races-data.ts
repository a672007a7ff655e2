// What the race pages read and write (20261207160000_races.sql). Nothing here is
// synced: a race page, a participant's plan and an organizer's races are read from
// the server — the public through race_page and upcoming_races (anon may call
// them), a participant through my_race_plans and their copy's workouts (RLS: their
// own, the weeks opened), the organizer's admins through the tables themselves
// (RLS and column grants) and the two figures RPCs. Every answer is checked with
// zod, not trusted. With race_partnerships off for the organizer the RPCs answer
// feature_disabled (`featureOff` below) and the tables return nothing; the
// organizer's page asks my_feature_flags to tell "no races" from "off".
import { z } from 'zod';
import { callRpc } from '../../data/call-rpc.ts';
import { tierLabel } from '../../i18n/tier-label.ts';
import { describeError, type ErrorDescription } from '../../data/describe-error.ts';
import { invokeFunction } from '../../data/invoke-function.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import {
  myRacePlanSchema,
  racePageSchema,
  type MyRacePlan,
  type PerkForm,
  type PlacementForm,
  type RaceForm,
  type RacePage,
} from '../../domain/races.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorDescription };

/** the flag that turns race partnerships on and off, per organizer */
export const RACES_FEATURE = 'race_partnerships';

/** the organizer's feature is off (the server refused with feature_disabled) */
export function featureOff(error: ErrorDescription): boolean {
  return error.hint === 'feature_disabled';
}

function failed(error: unknown, status?: number): { ok: false; error: ErrorDescription } {
  return { ok: false, error: describeError(error, status) };
}

// ---------------------------------------------------------------- the public

export interface UpcomingRace {
  id: string;
  name: string;
  raceDate: string;
  place: string;
  distancesM: number[];
  organizer: string;
}

/** the published races ahead, soonest first */
export async function loadUpcomingRaces(client: AppClient): Promise<Result<UpcomingRace[]>> {
  const result = await callRpc(client, 'upcoming_races', { p_limit: 100 });
  if (!result.ok) return result;
  return {
    ok: true,
    value: result.data.flatMap((r) =>
      r.id && r.name && r.race_date
        ? [
            {
              id: r.id,
              name: r.name,
              raceDate: r.race_date,
              place: r.place ?? '',
              distancesM: r.distances_m ?? [],
              organizer: r.organizer ?? '',
            },
          ]
        : [],
    ),
  };
}

/** a published race for anyone (an organizer's admins also read their drafts) */
export async function loadRacePage(client: AppClient, raceId: string): Promise<Result<RacePage>> {
  const result = await callRpc(client, 'race_page', { p_race: raceId });
  if (!result.ok) return result;
  const parsed = racePageSchema.safeParse(result.data);
  return parsed.success ? { ok: true, value: parsed.data } : failed(parsed.error);
}

/** one view (a page load) or click (a tap) of a sponsor's banner; counted per day, never per person */
export async function countPlacement(
  client: AppClient,
  placementId: string,
  kind: 'view' | 'click',
): Promise<void> {
  // a count that fails changes nothing for the visitor
  await callRpc(client, 'race_placement_event', { p_placement: placementId, p_kind: kind });
}

export type BuyResult =
  | { ok: true; url: string }
  | { ok: false; network: boolean; status: number; code: string; message: string };

/**
 * Starts the checkout of a race plan with the partner discount (the server prices
 * it and checks the code); the payment page comes back to the race page.
 */
export async function buyRacePlan(
  client: AppClient,
  raceId: string,
  productId: string,
  discountCode: string | null,
): Promise<BuyResult> {
  const path = `/races/${raceId}`;
  const result = await invokeFunction<{ url: string }>(client, 'checkout', {
    body: {
      productId,
      ...(discountCode ? { discountCode } : {}),
      successPath: path,
      cancelPath: path,
    },
  });
  return result.ok ? { ok: true, url: result.data.url } : result;
}

// ---------------------------------------------------------------- a participant

/** the caller's race plan copies (of organizers whose feature is on) */
export async function loadMyRacePlans(client: AppClient): Promise<Result<MyRacePlan[]>> {
  const result = await callRpc(client, 'my_race_plans', {});
  if (!result.ok) return result;
  const parsed = z.array(myRacePlanSchema).safeParse(result.data);
  return parsed.success ? { ok: true, value: parsed.data } : failed(parsed.error);
}

const workoutRow = z.object({
  id: z.string(),
  week: z.number(),
  day: z.number(),
  position: z.number(),
  type: z.string(),
  title: z.string(),
  duration_min: z.number().nullable(),
  distance_m: z.number().nullable(),
  notes: z.string().nullable(),
});
export type RaceWorkout = z.infer<typeof workoutRow>;

/** the workouts of the participant's copy the server lets them read (the weeks opened) */
export async function loadPlanWorkouts(
  client: AppClient,
  planId: string,
): Promise<Result<RaceWorkout[]>> {
  try {
    const { data, error, status } = await client
      .from('plan_workouts')
      .select('id, week, day, position, type, title, duration_min, distance_m, notes')
      .eq('plan_id', planId)
      .is('deleted_at', null)
      .order('week')
      .order('day')
      .order('position');
    if (error) return failed(error, status);
    return { ok: true, value: z.array(workoutRow).parse(data) };
  } catch (error) {
    return failed(error);
  }
}

// ---------------------------------------------------------------- the organizer

const raceRow = z.object({
  id: z.string(),
  org_id: z.string(),
  name: z.string(),
  race_date: z.string(),
  time_zone: z.string(),
  place: z.string(),
  distances_m: z.array(z.number()),
  status: z.string(),
});
export type RaceRow = z.infer<typeof raceRow>;

const racePlanRow = z.object({
  id: z.string(),
  race_id: z.string(),
  product_id: z.string(),
  distance_m: z.number().nullable(),
});
export type RacePlanRow = z.infer<typeof racePlanRow>;

const placementRow = z.object({
  id: z.string(),
  race_id: z.string(),
  slot: z.string(),
  sponsor_name: z.string(),
  image_url: z.string(),
  link_url: z.string(),
  starts_on: z.string(),
  ends_on: z.string(),
});
export type PlacementRow = z.infer<typeof placementRow>;

const perkRow = z.object({
  id: z.string(),
  race_id: z.string(),
  sponsor_name: z.string(),
  title: z.string(),
  description: z.string(),
  code: z.string(),
});
export type PerkRow = z.infer<typeof perkRow>;

const productRow = z.object({
  id: z.string(),
  name: z.string(),
  price_minor: z.number(),
  currency: z.string(),
});
export type PlanProduct = z.infer<typeof productRow>;

const profileRow = z.object({
  tier: z.string(),
  partner_tiers: z.object({ label_ru: z.string(), label_en: z.string() }).nullable(),
  contact_name: z.string().nullable(),
  contact_email: z.string().nullable(),
  active: z.boolean(),
  discount_code_id: z.string().nullable(),
});

const codeRow = z.object({ id: z.string(), code: z.string(), percent_off: z.number() });

export interface Partnership {
  /** the tier's name in the reader's language */
  tier: string;
  active: boolean;
  contactName: string;
  contactEmail: string;
  /** the partner discount participants get on race plans, when one is set */
  discount: { code: string; percentOff: number } | null;
}

export interface PlacementFigure {
  placementId: string;
  views: number;
  clicks: number;
}

export interface ParticipantFigure {
  distanceM: number | null;
  total: boolean;
  people: number | null;
  adherencePercent: number | null;
  suppressed: boolean;
}

export interface OrganizerRaces {
  /** race_partnerships is on for the organizer (off: the server shows and takes nothing) */
  featureOn: boolean;
  races: RaceRow[];
  plans: RacePlanRow[];
  placements: PlacementRow[];
  perks: PerkRow[];
  /** the organizer's active products that give a training plan */
  products: PlanProduct[];
  partnership: Partnership | null;
}

async function rows<T>(
  schema: z.ZodType<T>,
  query: PromiseLike<{ data: unknown; error: unknown; status: number }>,
): Promise<Result<T[]>> {
  const { data, error, status } = await query;
  if (error) return failed(error, status);
  return { ok: true, value: z.array(schema).parse(data) };
}

/** the organizer's races with their plans, banners and perks, its plan products and partnership */
export async function loadOrganizerRaces(
  client: AppClient,
  orgId: string,
): Promise<Result<OrganizerRaces>> {
  try {
    const flags = await callRpc(client, 'my_feature_flags', {});
    if (!flags.ok) return flags;
    const on = flags.data.some((f) => f.key === RACES_FEATURE && f.org_id === orgId);
    const [races, plans, placements, perks, products, profiles] = await Promise.all([
      rows(
        raceRow,
        client
          .from('races')
          .select('id, org_id, name, race_date, time_zone, place, distances_m, status')
          .eq('org_id', orgId)
          .order('race_date'),
      ),
      rows(
        racePlanRow,
        client.from('race_plans').select('id, race_id, product_id, distance_m').eq('org_id', orgId),
      ),
      rows(
        placementRow,
        client
          .from('race_placements')
          .select('id, race_id, slot, sponsor_name, image_url, link_url, starts_on, ends_on')
          .eq('org_id', orgId)
          .order('created_at'),
      ),
      rows(
        perkRow,
        client
          .from('race_perks')
          .select('id, race_id, sponsor_name, title, description, code')
          .eq('org_id', orgId)
          .order('created_at'),
      ),
      rows(
        productRow,
        client
          .from('products')
          .select('id, name, price_minor, currency')
          .eq('org_id', orgId)
          .eq('active', true)
          .not('training_plan_id', 'is', null)
          .order('name'),
      ),
      rows(
        profileRow,
        client
          .from('partnership_profiles')
          .select(
            'tier, partner_tiers(label_ru, label_en), contact_name, contact_email, active, discount_code_id',
          )
          .eq('org_id', orgId),
      ),
    ]);
    for (const r of [races, plans, placements, perks, products, profiles]) if (!r.ok) return r;
    if (!races.ok || !plans.ok || !placements.ok || !perks.ok || !products.ok || !profiles.ok)
      throw new Error('unreachable');
    const profile = profiles.value[0];
    let partnership: Partnership | null = null;
    if (profile) {
      let discount: Partnership['discount'] = null;
      if (profile.discount_code_id) {
        const code = await rows(
          codeRow,
          client
            .from('discount_codes')
            .select('id, code, percent_off')
            .eq('id', profile.discount_code_id),
        );
        if (!code.ok) return code;
        const c = code.value[0];
        if (c) discount = { code: c.code, percentOff: c.percent_off };
      }
      partnership = {
        tier: profile.partner_tiers ? tierLabel(profile.partner_tiers) : profile.tier,
        active: profile.active,
        contactName: profile.contact_name ?? '',
        contactEmail: profile.contact_email ?? '',
        discount,
      };
    }
    return {
      ok: true,
      value: {
        featureOn: on,
        races: races.value,
        plans: plans.value,
        placements: placements.value,
        perks: perks.value,
        products: products.value,
        partnership,
      },
    };
  } catch (error) {
    return failed(error);
  }
}

export interface RaceFigures {
  placements: PlacementFigure[];
  participants: ParticipantFigure[];
}

/** a race's banner views and clicks and its participants per distance (suppressed under 5) */
export async function loadRaceFigures(
  client: AppClient,
  raceId: string,
): Promise<Result<RaceFigures>> {
  const [placements, participants] = await Promise.all([
    callRpc(client, 'race_placement_stats', { p_race: raceId }),
    callRpc(client, 'race_participant_stats', { p_race: raceId }),
  ]);
  if (!placements.ok) return placements;
  if (!participants.ok) return participants;
  return {
    ok: true,
    value: {
      placements: placements.data.flatMap((p) =>
        p.placement_id
          ? [
              {
                placementId: p.placement_id,
                views: Number(p.views ?? 0),
                clicks: Number(p.clicks ?? 0),
              },
            ]
          : [],
      ),
      participants: participants.data.map((p) => ({
        distanceM: p.distance_m,
        total: p.is_total === true,
        people: p.people,
        adherencePercent: p.adherence_percent,
        suppressed: p.suppressed === true,
      })),
    },
  };
}

async function write(
  query: PromiseLike<{ error: unknown; status: number; data?: unknown }>,
): Promise<Result<void>> {
  try {
    const { error, status } = await query;
    return error ? failed(error, status) : { ok: true, value: undefined };
  } catch (error) {
    return failed(error);
  }
}

/** a new race of the organizer (its id), or the race changed */
export async function saveRace(
  client: AppClient,
  orgId: string,
  raceId: string | null,
  race: RaceForm,
): Promise<Result<string>> {
  try {
    const { data, error, status } = raceId
      ? await client.from('races').update(race).eq('id', raceId).select('id').single()
      : await client
          .from('races')
          .insert({ ...race, org_id: orgId })
          .select('id')
          .single();
    if (error) return failed(error, status);
    return { ok: true, value: z.object({ id: z.string() }).parse(data).id };
  } catch (error) {
    return failed(error);
  }
}

/** sells a plan product for the race (and one of its distances, or any) */
export function attachRacePlan(
  client: AppClient,
  orgId: string,
  raceId: string,
  productId: string,
  distanceM: number | null,
): Promise<Result<void>> {
  return write(
    client
      .from('race_plans')
      .insert({ org_id: orgId, race_id: raceId, product_id: productId, distance_m: distanceM }),
  );
}

export function detachRacePlan(client: AppClient, id: string): Promise<Result<void>> {
  return write(client.from('race_plans').delete().eq('id', id));
}

export function addPlacement(
  client: AppClient,
  orgId: string,
  raceId: string,
  placement: PlacementForm,
): Promise<Result<void>> {
  return write(
    client.from('race_placements').insert({ ...placement, org_id: orgId, race_id: raceId }),
  );
}

export function removePlacement(client: AppClient, id: string): Promise<Result<void>> {
  return write(client.from('race_placements').delete().eq('id', id));
}

export function addPerk(
  client: AppClient,
  orgId: string,
  raceId: string,
  perk: PerkForm,
): Promise<Result<void>> {
  return write(client.from('race_perks').insert({ ...perk, org_id: orgId, race_id: raceId }));
}

export function removePerk(client: AppClient, id: string): Promise<Result<void>> {
  return write(client.from('race_perks').delete().eq('id', id));
}
