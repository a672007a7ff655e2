// What the seat screens read and write. The club, the user's role and the
// club's members come from the device (synced), so the page knows where it is
// offline; the pools and claims are not synced — they are read from the server
// under RLS (20261207150000_seat_pools.sql), with the seller's name and the plan's
// title through seat_pool_names (20261207151000), and changed only through the
// seat RPCs. The rows are checked with zod, not trusted. Whether running_clubs is
// on for a club is my_feature_flags(): with it off the tables return nothing, so
// "no pools" and "feature off" are told apart only there.
import { z } from 'zod';
import { isRole, type Role } from '../../domain/organization.ts';
import { callRpc } from '../../data/call-rpc.ts';
import { invokeFunction } from '../../data/invoke-function.ts';
import { describeError, type ErrorDescription } from '../../data/describe-error.ts';
import { isCurrentMembership, isLive, myMemberships } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import type { AdminData } from '../admin/index.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorDescription };

/** the flag that turns running clubs' seats on and off, per club */
export const SEATS_FEATURE = 'running_clubs';

const poolRow = z.object({
  id: z.string(),
  org_id: z.string(),
  seller_org_id: z.string(),
  product_id: z.string(),
  seats: z.number(),
  claimed: z.number(),
  price_per_seat_minor: z.number(),
  currency: z.string(),
  note: z.string(),
  status: z.string(),
  created_at: z.string(),
});

const claimRow = z.object({
  id: z.string(),
  org_id: z.string(),
  pool_id: z.string(),
  user_id: z.string(),
  assigned_by: z.string().nullable(),
  claimed_at: z.string(),
  revoked_at: z.string().nullable(),
});
export type SeatClaim = z.infer<typeof claimRow>;

const nameRow = z.object({
  pool_id: z.string(),
  seller_name: z.string().nullable(),
  plan_title: z.string().nullable(),
});

export interface SeatPool {
  id: string;
  org_id: string;
  seats: number;
  claimed: number;
  price_per_seat_minor: number;
  currency: string;
  note: string;
  status: string;
  /** the seller organization's name ('' when the server did not name it) */
  sellerName: string;
  /** the plan the seats give ('' when the server did not name it) */
  planTitle: string;
}

const poolColumns =
  'id, org_id, seller_org_id, product_id, seats, claimed, price_per_seat_minor, currency, note, status, created_at';
const claimColumns = 'id, org_id, pool_id, user_id, assigned_by, claimed_at, revoked_at';

// ---------------------------------------------------------------- the device

export interface ClubMember {
  userId: string;
  name: string;
}

export interface ClubSeatsFrame {
  /** what the admin screens' gate and header need */
  admin: AdminData;
  /** the club's current members, for assigning a seat and naming a claim */
  members: ClubMember[];
}

/** the club, the user's role there and its members, from the device */
export function observeClubSeatsFrame(
  engine: SyncEngine,
  orgId: string,
  onChange: (frame: ClubSeatsFrame) => void,
): LocalSubscription {
  const db = engine.db;
  return observeLocal(
    async (): Promise<ClubSeatsFrame> => {
      const [org, memberships, profiles] = await Promise.all([
        db.rows('organizations').get(orgId),
        db.rows('memberships').where('org_id').equals(orgId).toArray(),
        // for names only: who shows is decided by the memberships
        db.rows('profiles').toArray(),
      ]);
      const live = org !== undefined && isLive(org);
      const names = new Map(profiles.map((p) => [p.id, p.display_name]));
      const current = memberships.filter(isCurrentMembership);
      const role = current.find((m) => m.user_id === engine.userId)?.role;
      return {
        admin: {
          orgId,
          orgName: live ? org.name : '',
          timeZone: (live && org.time_zone) || 'Europe/Moscow',
          myRole: isRole(role) ? role : null,
          members: [],
          groups: [],
        },
        members: current.map((m) => ({ userId: m.user_id, name: names.get(m.user_id) ?? '' })),
      };
    },
    onChange,
    'club seats',
  );
}

export interface MyClub {
  orgId: string;
  name: string;
  timeZone: string;
  role: Role;
}

/** the clubs the user belongs to, by name, from the device */
export function observeMyClubs(
  engine: SyncEngine,
  onChange: (clubs: MyClub[]) => void,
): LocalSubscription {
  const db = engine.db;
  return observeLocal(
    async (): Promise<MyClub[]> => {
      const memberships = await myMemberships(db);
      const orgs = await db.rows('organizations').bulkGet(memberships.map((m) => m.org_id));
      const clubs: MyClub[] = [];
      memberships.forEach((m, i) => {
        const org = orgs[i];
        if (!org || !isLive(org) || !isRole(m.role)) return;
        clubs.push({
          orgId: org.id,
          name: org.name,
          timeZone: org.time_zone || 'Europe/Moscow',
          role: m.role,
        });
      });
      return clubs.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
    },
    onChange,
    'my clubs',
  );
}

// ---------------------------------------------------------------- the server

/** the organizations (of the caller's) where running_clubs is on */
async function seatsOnFor(client: AppClient): Promise<Result<Set<string>>> {
  const flags = await callRpc(client, 'my_feature_flags', {});
  if (!flags.ok) return flags;
  return {
    ok: true,
    value: new Set(
      flags.data.flatMap((f) => (f.key === SEATS_FEATURE && f.org_id ? [f.org_id] : [])),
    ),
  };
}

async function poolsOf(client: AppClient, orgIds: readonly string[]): Promise<Result<SeatPool[]>> {
  if (orgIds.length === 0) return { ok: true, value: [] };
  const { data, error, status } = await client
    .from('seat_pools')
    .select(poolColumns)
    .in('org_id', [...orgIds])
    .order('created_at');
  if (error) return { ok: false, error: describeError(error, status) };
  const rows = z.array(poolRow).parse(data);
  const names = new Map<string, z.infer<typeof nameRow>>();
  for (const orgId of new Set(rows.map((r) => r.org_id))) {
    const named = await callRpc(client, 'seat_pool_names', { p_club: orgId });
    if (!named.ok) return named;
    for (const n of z.array(nameRow).parse(named.data)) names.set(n.pool_id, n);
  }
  return {
    ok: true,
    value: rows.map((r) => ({
      id: r.id,
      org_id: r.org_id,
      seats: r.seats,
      claimed: r.claimed,
      price_per_seat_minor: r.price_per_seat_minor,
      currency: r.currency,
      note: r.note,
      status: r.status,
      sellerName: names.get(r.id)?.seller_name ?? '',
      planTitle: names.get(r.id)?.plan_title ?? '',
    })),
  };
}

export interface ClubSeats {
  /** running_clubs is on for the club (off: the server shows no pools and takes no seat) */
  featureOn: boolean;
  pools: SeatPool[];
  /** the seats held now (revoked ones left out), oldest first */
  claims: SeatClaim[];
}

/** a club's pools and held seats, for its admins */
export async function loadClubSeats(client: AppClient, orgId: string): Promise<Result<ClubSeats>> {
  try {
    const on = await seatsOnFor(client);
    if (!on.ok) return on;
    if (!on.value.has(orgId))
      return { ok: true, value: { featureOn: false, pools: [], claims: [] } };
    const [pools, claims] = await Promise.all([
      poolsOf(client, [orgId]),
      client
        .from('seat_claims')
        .select(claimColumns)
        .eq('org_id', orgId)
        .is('revoked_at', null)
        .order('claimed_at'),
    ]);
    if (!pools.ok) return pools;
    if (claims.error) return { ok: false, error: describeError(claims.error, claims.status) };
    return {
      ok: true,
      value: { featureOn: true, pools: pools.value, claims: z.array(claimRow).parse(claims.data) },
    };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

export interface MySeats {
  /** the clubs this answer is about */
  asked: Set<string>;
  /** the clubs (of those asked about) where running_clubs is on */
  on: Set<string>;
  pools: SeatPool[];
  /** the member's own seats held now */
  claims: SeatClaim[];
}

/** the pools of the member's clubs and the seats they hold */
export async function loadMySeats(
  client: AppClient,
  orgIds: readonly string[],
  userId: string,
): Promise<Result<MySeats>> {
  try {
    const on = await seatsOnFor(client);
    if (!on.ok) return on;
    const clubs = orgIds.filter((id) => on.value.has(id));
    const [pools, claims] = await Promise.all([
      poolsOf(client, clubs),
      client
        .from('seat_claims')
        .select(claimColumns)
        .eq('user_id', userId)
        .is('revoked_at', null)
        .order('claimed_at'),
    ]);
    if (!pools.ok) return pools;
    if (claims.error) return { ok: false, error: describeError(claims.error, claims.status) };
    return {
      ok: true,
      value: {
        asked: new Set(orgIds),
        on: new Set(clubs),
        pools: pools.value,
        claims: z.array(claimRow).parse(claims.data),
      },
    };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

async function done(call: Promise<{ ok: true } | { ok: false; error: ErrorDescription }>) {
  const result = await call;
  return result.ok ? ({ ok: true, value: undefined } as const) : result;
}

/** the member takes a seat of a pool of their club */
export function claimSeat(client: AppClient, poolId: string): Promise<Result<void>> {
  return done(callRpc(client, 'claim_seat', { p_pool: poolId }));
}

/** a club admin gives a member a seat */
export function assignSeat(
  client: AppClient,
  poolId: string,
  userId: string,
): Promise<Result<void>> {
  return done(callRpc(client, 'assign_seat', { p_pool: poolId, p_user: userId }));
}

/** a club admin frees a seat (the member's copy of the plan is archived) */
export function revokeSeat(client: AppClient, claimId: string): Promise<Result<void>> {
  return done(callRpc(client, 'revoke_seat', { p_claim: claimId }));
}

// ---------------------------------------------------------------- buying a pool

const offerRow = z.object({
  product_id: z.string(),
  seller_org_id: z.string(),
  seller_name: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  price_minor: z.number().int().nonnegative(),
  currency: z.string(),
  weeks: z.number().int().nullable(),
  held: z.boolean(),
});
export type SeatOffer = z.infer<typeof offerRow>;

/**
 * What the club's admins may buy seats of (seat_pool_offers,
 * 20261207180000_seat_pool_checkout.sql): other clubs' plan products listed on a
 * published coach page, and those the club already holds a pool of.
 */
export async function loadSeatOffers(
  client: AppClient,
  orgId: string,
): Promise<Result<SeatOffer[]>> {
  try {
    const result = await callRpc(client, 'seat_pool_offers', { p_club: orgId });
    if (!result.ok) return result;
    return { ok: true, value: z.array(offerRow).parse(result.data) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

export type BuySeatsResult =
  | { ok: true; url: string }
  | { ok: false; network: boolean; status: number; code: string; message: string };

/**
 * Starts the checkout of `seats` seats for the club: the checkout function prices
 * them in the database (the volume price) and answers the payment page, which
 * comes back to /org/<club>/seats.
 */
export async function buySeats(
  client: AppClient,
  orgId: string,
  productId: string,
  seats: number,
): Promise<BuySeatsResult> {
  const result = await invokeFunction<{ url: string }>(client, 'checkout', {
    body: { action: 'seats', clubId: orgId, productId, seats },
  });
  return result.ok ? { ok: true, url: result.data.url } : result;
}
