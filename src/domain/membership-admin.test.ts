import { describe, expect, it } from 'vitest';
import {
  adminRefusal,
  assignableRoles,
  invitationExpiry,
  invitationFormSchema,
  invitationLink,
  invitationState,
  mayManageMember,
} from './membership-admin.ts';

describe('who may do what', () => {
  it('offers roles up to the caller’s own, and none to non-admins', () => {
    expect(assignableRoles('owner')).toEqual(['owner', 'admin', 'coach', 'athlete', 'member']);
    expect(assignableRoles('admin')).toEqual(['admin', 'coach', 'athlete', 'member']);
    expect(assignableRoles('coach')).toEqual([]);
  });

  it('lets admins manage members ranked no higher than themselves', () => {
    expect(mayManageMember('admin', 'coach')).toBe(true);
    expect(mayManageMember('admin', 'admin')).toBe(true);
    expect(mayManageMember('admin', 'owner')).toBe(false);
    expect(mayManageMember('coach', 'athlete')).toBe(false);
  });
});

describe('the invitation form', () => {
  const schema = invitationFormSchema('admin');

  it('takes a role, whole days up to 90 and 1–1000 uses', () => {
    expect(schema.parse({ role: 'coach', days: ' 7 ', maxUses: '1' })).toEqual({
      role: 'coach',
      days: 7,
      maxUses: 1,
    });
    expect(schema.safeParse({ role: 'coach', days: '90', maxUses: '1000' }).success).toBe(true);
  });

  it('refuses what create_invitation refuses, naming the field', () => {
    const paths = (value: Record<string, string>) =>
      (schema.safeParse(value).error?.issues ?? []).map((i) => i.path.join('.'));
    expect(paths({ role: 'owner', days: '7', maxUses: '1' })).toEqual(['role']);
    expect(paths({ role: 'boss', days: '7', maxUses: '1' })).toEqual(['role']);
    expect(paths({ role: 'coach', days: '0', maxUses: '1' })).toEqual(['days']);
    expect(paths({ role: 'coach', days: '91', maxUses: '1' })).toEqual(['days']);
    expect(paths({ role: 'coach', days: '1.5', maxUses: '1' })).toEqual(['days']);
    expect(paths({ role: 'coach', days: '7', maxUses: '1001' })).toEqual(['maxUses']);
    expect(paths({ role: 'coach', days: '', maxUses: '0' })).toEqual(['days', 'maxUses']);
  });

  it('expires the given number of days after now', () => {
    const now = 1_796_378_400_000; // 2026-12-04T10:00Z
    expect(invitationExpiry(now, 7)).toBe(1_796_983_200_000); // 2026-12-11T10:00Z
  });

  it('links to the app’s accept page', () => {
    expect(invitationLink('https://app.example', 'abc_-1')).toBe(
      'https://app.example/invite/abc_-1',
    );
  });
});

describe('invitationState', () => {
  const now = 1_796_378_400_000; // 2026-12-04T10:00Z
  const open = { expiresAt: now + 1, revoked: false, useCount: 0, maxUses: 1 };

  it('follows accept_invitation’s checks', () => {
    expect(invitationState(open, now)).toBe('open');
    expect(invitationState({ ...open, revoked: true }, now)).toBe('revoked');
    expect(invitationState({ ...open, expiresAt: now }, now)).toBe('expired');
    expect(invitationState({ ...open, useCount: 1 }, now)).toBe('used-up');
  });
});

describe('adminRefusal', () => {
  it('recognises the server’s refusals by their wording', () => {
    expect(
      adminRefusal('an organization needs at least one owner: make someone else an owner first'),
    ).toBe('lastOwner');
    expect(adminRefusal('only admins and owners can change roles')).toBe('onlyAdmins');
    expect(adminRefusal('you cannot remove someone ranked above you')).toBe('rankedAbove');
    expect(adminRefusal('you cannot grant a role higher than your own (admin)')).toBe(
      'roleAboveOwn',
    );
    expect(adminRefusal('an invitation can be valid for at most 90 days')).toBe('expiryTooLong');
    expect(
      adminRefusal('only a coach, admin or owner of the organization can coach its groups'),
    ).toBe('coachNotStaff');
  });

  it('leaves other messages alone', () => {
    expect(adminRefusal('permission denied for table memberships')).toBeNull();
  });
});
