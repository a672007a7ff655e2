// What the seat screens decide from a club's seat pools and claims
// (20261207150000_seat_pools.sql): how many seats are left and what that makes the
// pool, which claims still hold a seat, who may still be given one, and what a
// member may take. The database decides for real (a full pool refuses however many
// ask at once); these rules only choose what the pages offer and say.

export type SeatPoolState = 'open' | 'full' | 'closed';

export interface SeatPoolCount {
  seats: number;
  claimed: number;
  status: string;
}

export interface SeatClaimLike {
  pool_id: string;
  user_id: string;
  assigned_by: string | null;
  revoked_at: string | null;
}

/**
 * Seats still free in a pool; never below zero, whatever the row says.
 *
 * @param pool the pool's seats and how many are taken
 * @returns how many seats can still be taken
 * @example seatsLeft({ seats: 20, claimed: 3, status: 'active' }) // 17
 */
export function seatsLeft(pool: SeatPoolCount): number {
  return Math.max(0, pool.seats - pool.claimed);
}

/**
 * What a pool is to the people who would take a seat: closed by either side,
 * full, or open.
 *
 * @param pool the pool's seats, claims and status
 * @returns `closed` for a closed pool, else `full` with no seat left, else `open`
 * @example seatPoolState({ seats: 2, claimed: 2, status: 'active' }) // 'full'
 */
export function seatPoolState(pool: SeatPoolCount): SeatPoolState {
  if (pool.status !== 'active') return 'closed';
  return seatsLeft(pool) === 0 ? 'full' : 'open';
}

/**
 * The claims that still hold a seat (not revoked).
 *
 * @param claims claims of any pools
 * @returns those not revoked, in the order given
 * @example liveClaims([{ pool_id: 'p', user_id: 'u', assigned_by: null, revoked_at: null }]).length // 1
 */
export function liveClaims<T extends SeatClaimLike>(claims: readonly T[]): T[] {
  return claims.filter((c) => c.revoked_at === null);
}

/**
 * Whether the member took the seat themselves or a club admin gave it to them.
 *
 * @param claim a claim
 * @returns `assigned` when an admin gave it, else `claimed`
 * @example claimOrigin({ pool_id: 'p', user_id: 'u', assigned_by: 'a', revoked_at: null }) // 'assigned'
 */
export function claimOrigin(claim: SeatClaimLike): 'claimed' | 'assigned' {
  return claim.assigned_by === null ? 'claimed' : 'assigned';
}

/**
 * The club's members an admin may still give a seat of a pool: those without a
 * live seat of it, by name.
 *
 * @param members the club's current members (user id and name)
 * @param claims the club's claims (any pools; revoked ones are ignored)
 * @param poolId the pool to assign from
 * @returns the members who hold no seat of that pool, sorted by name (Russian collation)
 * @example assignableMembers([{ userId: 'u', name: 'Ира' }], [], 'p') // [{ userId: 'u', name: 'Ира' }]
 */
export function assignableMembers<M extends { userId: string; name: string }>(
  members: readonly M[],
  claims: readonly SeatClaimLike[],
  poolId: string,
): M[] {
  const seated = new Set(
    liveClaims(claims)
      .filter((c) => c.pool_id === poolId)
      .map((c) => c.user_id),
  );
  return members
    .filter((m) => !seated.has(m.userId))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

/**
 * What a member sees of their clubs' pools: the seats they hold, and the pools
 * they may still take a seat of (open, and none of theirs already).
 *
 * @param pools the pools the member may see
 * @param claims the member's own claims (the server shows a member no others)
 * @param userId the member
 * @returns `held`: pools with the member's live claim; `open`: open pools they hold no seat of
 * @example memberSeats([{ id: 'p', seats: 1, claimed: 0, status: 'active' }], [], 'u').open.length // 1
 */
export function memberSeats<P extends SeatPoolCount & { id: string }, C extends SeatClaimLike>(
  pools: readonly P[],
  claims: readonly C[],
  userId: string,
): { held: { pool: P; claim: C }[]; open: P[] } {
  const mine = new Map(
    liveClaims(claims)
      .filter((c) => c.user_id === userId)
      .map((c) => [c.pool_id, c] as const),
  );
  const held: { pool: P; claim: C }[] = [];
  const open: P[] = [];
  for (const pool of pools) {
    const claim = mine.get(pool.id);
    if (claim) held.push({ pool, claim });
    else if (seatPoolState(pool) === 'open') open.push(pool);
  }
  return { held, open };
}
