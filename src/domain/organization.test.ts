import { describe, expect, it } from 'vitest';
import { ORGANIZATION_KINDS, SELF_SERVICE_KINDS, hasRoleAtLeast } from './organization.ts';
import { organizationNameSchema, slugSchema } from './organization-schema.ts';

describe('organization rules', () => {
  it('accepts URL-ready slugs and refuses the rest', () => {
    for (const ok of ['abc', 'sshor-1', 'start-2026', 'a'.repeat(63)]) {
      expect(slugSchema.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['ab', '-abc', 'abc-', 'Abc', 'клуб', 'a_b', 'a b', 'a'.repeat(64)]) {
      expect(slugSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('counts a name without surrounding spaces, in characters', () => {
    expect(organizationNameSchema.safeParse('  ').success).toBe(false);
    expect(organizationNameSchema.safeParse(' Старт ').success).toBe(true);
    expect(organizationNameSchema.safeParse('Ё'.repeat(200)).success).toBe(true);
    expect(organizationNameSchema.safeParse('Ё'.repeat(201)).success).toBe(false);
  });

  it('orders roles owner > admin > coach > athlete = member', () => {
    expect(hasRoleAtLeast('owner', 'admin')).toBe(true);
    expect(hasRoleAtLeast('coach', 'admin')).toBe(false);
    expect(hasRoleAtLeast('member', 'athlete')).toBe(true);
  });

  it('lets users create every kind but reseller and platform', () => {
    expect(
      ORGANIZATION_KINDS.filter((k) => !(SELF_SERVICE_KINDS as readonly string[]).includes(k)),
    ).toEqual(['reseller', 'platform']);
  });
});
