/**
 * Organizations and memberships as the tenancy migration defines them; the
 * CHECK constraints of public.organizations and public.memberships must accept
 * exactly what these schemas accept (tests/db/organization-agreement.test.ts).
 */

/** every kind the database stores */
export const ORGANIZATION_KINDS = [
  'school',
  'club',
  'coach_business',
  'race',
  'timing_company',
  'reseller',
  'platform',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** kinds a user may create; reseller and platform are granted by the platform team */
export const SELF_SERVICE_KINDS = [
  'club',
  'school',
  'coach_business',
  'race',
  'timing_company',
] as const satisfies readonly OrganizationKind[];

/** membership roles, highest first */
export const ROLES = ['owner', 'admin', 'coach', 'athlete', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** one of {@link ROLES} (what `roleSchema` admits, without zod for the shell) */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

const roleRank: Record<Role, number> = { owner: 4, admin: 3, coach: 2, athlete: 1, member: 1 };

/** true when `role` is at least `minimum` (owner > admin > coach > athlete = member) */
export function hasRoleAtLeast(role: Role, minimum: Role): boolean {
  return roleRank[role] >= roleRank[minimum];
}

/** 3–63 lowercase Latin letters, digits and inner hyphens: usable in a URL as is */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
