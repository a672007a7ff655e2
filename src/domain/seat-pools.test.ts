import { describe, expect, it } from 'vitest';
import {
  assignableMembers,
  claimOrigin,
  liveClaims,
  memberSeats,
  seatPoolState,
  seatsLeft,
} from './seat-pools.ts';

const claim = (
  pool_id: string,
  user_id: string,
  more: Partial<{ assigned_by: string; revoked_at: string }> = {},
) => ({
  pool_id,
  user_id,
  assigned_by: more.assigned_by ?? null,
  revoked_at: more.revoked_at ?? null,
});

describe('seatsLeft() and seatPoolState()', () => {
  it.each([
    [{ seats: 20, claimed: 0, status: 'active' }, 20, 'open'],
    [{ seats: 20, claimed: 19, status: 'active' }, 1, 'open'],
    [{ seats: 20, claimed: 20, status: 'active' }, 0, 'full'],
    [{ seats: 5, claimed: 7, status: 'active' }, 0, 'full'],
    [{ seats: 20, claimed: 3, status: 'closed' }, 17, 'closed'],
  ] as const)('%o has %i left and is %s', (pool, left, state) => {
    expect(seatsLeft(pool)).toBe(left);
    expect(seatPoolState(pool)).toBe(state);
  });
});

describe('liveClaims() and claimOrigin()', () => {
  it('drops revoked claims and tells a claimed seat from an assigned one', () => {
    const claims = [
      claim('p', 'a'),
      claim('p', 'b', { revoked_at: '2026-01-01T00:00:00Z' }),
      claim('p', 'c', { assigned_by: 'admin' }),
    ];
    expect(liveClaims(claims).map((c) => c.user_id)).toEqual(['a', 'c']);
    expect(claims.map(claimOrigin)).toEqual(['claimed', 'claimed', 'assigned']);
  });
});

describe('assignableMembers()', () => {
  const members = [
    { userId: 'r', name: 'Роман Бегунов' },
    { userId: 'y', name: 'Юлия Юнусова' },
    { userId: 'a', name: 'Анна Ёлкина' },
  ];

  it('offers everyone of an untouched pool, by name', () => {
    expect(assignableMembers(members, [], 'p').map((m) => m.userId)).toEqual(['a', 'r', 'y']);
  });

  it('leaves out who holds a seat of this pool, not of another, and not a revoked one', () => {
    const claims = [
      claim('p', 'r'),
      claim('other', 'y'),
      claim('p', 'a', { revoked_at: '2026-01-01T00:00:00Z' }),
    ];
    expect(assignableMembers(members, claims, 'p').map((m) => m.userId)).toEqual(['a', 'y']);
  });
});

describe('memberSeats()', () => {
  const pools = [
    { id: 'open', seats: 20, claimed: 0, status: 'active' },
    { id: 'full', seats: 1, claimed: 1, status: 'active' },
    { id: 'closed', seats: 9, claimed: 0, status: 'closed' },
    { id: 'mine', seats: 2, claimed: 2, status: 'active' },
  ];

  it('holds the seat of a pool even when it is full, and offers only open pools', () => {
    const { held, open } = memberSeats(pools, [claim('mine', 'me')], 'me');
    expect(held.map((h) => h.pool.id)).toEqual(['mine']);
    expect(open.map((p) => p.id)).toEqual(['open']);
  });

  it('a revoked seat is not held, and its open pool is offered again', () => {
    const { held, open } = memberSeats(
      pools,
      [claim('open', 'me', { revoked_at: '2026-01-01T00:00:00Z' })],
      'me',
    );
    expect(held).toEqual([]);
    expect(open.map((p) => p.id)).toEqual(['open']);
  });

  it("someone else's claim is not the member's", () => {
    expect(memberSeats(pools, [claim('open', 'other')], 'me').held).toEqual([]);
  });
});
