import { describe, expect, it } from 'vitest';
import { actingClaimOf, actingMinutesLeft } from './acting-claim.ts';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (claims: unknown) => `${part({ alg: 'HS256' })}.${part(claims)}.signature`;
const actAs = {
  session_id: '6f1c2b8e-7a4d-4c1e-9b2a-0d3e4f5a6b7c',
  client_org_id: 'fa100000-0000-4000-8000-000000000003',
  partner_org_id: 'fa100000-0000-4000-8000-000000000002',
  write: false,
  expires_at: 1_800_000_000,
};

describe('actingClaimOf', () => {
  it('reads the claim the hook writes', () => {
    expect(actingClaimOf(token({ sub: 'x', act_as: actAs }))).toEqual({
      sessionId: actAs.session_id,
      clientOrgId: actAs.client_org_id,
      partnerOrgId: actAs.partner_org_id,
      write: false,
      expiresAt: 1_800_000_000_000,
    });
  });

  it('is null without a claim, for a malformed one and for a token that is not a JWT', () => {
    expect(actingClaimOf(token({ sub: 'x' }))).toBeNull();
    expect(actingClaimOf(token({ act_as: { ...actAs, client_org_id: 'club' } }))).toBeNull();
    expect(actingClaimOf(token({ act_as: { ...actAs, write: 'yes' } }))).toBeNull();
    expect(actingClaimOf('not-a-token')).toBeNull();
    expect(actingClaimOf('a.%%%.c')).toBeNull();
    expect(actingClaimOf(null)).toBeNull();
  });

  it('reads names in any script (the payload is UTF-8)', () => {
    const claim = actingClaimOf(token({ name: 'Юность', act_as: actAs }));
    expect(claim?.clientOrgId).toBe(actAs.client_org_id);
  });
});

describe('actingMinutesLeft', () => {
  const claim = actingClaimOf(token({ act_as: actAs }));
  it('counts whole minutes up, and never below zero', () => {
    if (!claim) throw new Error('no claim');
    expect(actingMinutesLeft(claim, claim.expiresAt - 60 * 60_000)).toBe(60);
    expect(actingMinutesLeft(claim, claim.expiresAt - 61_000)).toBe(2);
    expect(actingMinutesLeft(claim, claim.expiresAt - 1)).toBe(1);
    expect(actingMinutesLeft(claim, claim.expiresAt)).toBe(0);
    expect(actingMinutesLeft(claim, claim.expiresAt + 5_000)).toBe(0);
    // a device clock running behind never shows more than the hour a session lasts
    expect(actingMinutesLeft(claim, claim.expiresAt - 75 * 60_000)).toBe(60);
  });
});
