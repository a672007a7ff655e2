// Which organization the app shows for a person in several: the one they chose
// last, while they still belong to it; otherwise the first (by name) where they
// are staff, since the roster and the admin screens are staff screens; otherwise
// the first of all. Pure: the caller reads and writes the remembered choice.
import { hasRoleAtLeast, type Role } from './organization.ts';

export interface OrganizationOption {
  orgId: string;
  name: string;
  /** the person's role there (active memberships only) */
  role: Role;
}

/** the options in the order a switcher lists them: by name, Russian collation */
export function sortOrganizations<T extends OrganizationOption>(options: readonly T[]): T[] {
  return [...options].sort(
    (a, b) => a.name.localeCompare(b.name, 'ru') || a.orgId.localeCompare(b.orgId),
  );
}

/**
 * The current organization's id, or null when the person belongs to none.
 * `remembered` is the last choice; it is ignored once that membership ended.
 * `acting` is the club a partner acts for: while it is among the options, it is
 * the current one whatever was chosen before.
 */
export function chooseCurrentOrganization(
  options: readonly OrganizationOption[],
  remembered: string | null,
  acting: string | null = null,
): string | null {
  if (acting !== null && options.some((o) => o.orgId === acting)) return acting;
  if (remembered !== null && options.some((o) => o.orgId === remembered)) return remembered;
  const sorted = sortOrganizations(options);
  const staff = sorted.find((o) => hasRoleAtLeast(o.role, 'coach'));
  return (staff ?? sorted[0])?.orgId ?? null;
}

/**
 * A name short enough for the app bar: what stands in «…» or "…" quotes
 * («Старт» of "Лёгкоатлетический клуб «Старт»"), else the whole name.
 */
export function shortOrganizationName(name: string): string {
  const quoted = /[«"“]([^»"”]+)[»"”]/.exec(name)?.[1]?.trim();
  return quoted ? quoted : name;
}
