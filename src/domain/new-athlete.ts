// What the new-athlete form offers and starts with. An athlete is created in the
// organization the app shows (the current one), so the form offers that club's
// groups only: a group of another club would put the athlete there, out of the
// roster the coach is looking at (issue 13). The database agrees: an athlete's
// (group_id, org_id) references the group's (id, org_id), so a group of another
// club is refused (23503). Pure: the caller passes the current organization, the
// group the roster showed and the season of today.

/** a group as the form needs it */
export interface GroupChoice {
  id: string;
  orgId: string;
}

/** the groups of the organization the athlete is created in (none without one) */
export function groupsOfOrganization<T extends GroupChoice>(
  groups: readonly T[],
  orgId: string | null,
): T[] {
  return orgId === null ? [] : groups.filter((g) => g.orgId === orgId);
}

/**
 * The form's first values: the group the coach was viewing when they pressed
 * "add" when it is on offer, else the first group offered (none when there is
 * none); the season is the current one.
 */
export function newAthleteDefaults(
  offered: readonly GroupChoice[],
  viewedGroupId: string | null,
  currentSeason: string,
): { group_id: string; season: string } {
  const viewed = offered.find((g) => g.id === viewedGroupId);
  return { group_id: (viewed ?? offered[0])?.id ?? '', season: currentSeason };
}

/**
 * Whether a group id may be saved for a new athlete: one of the groups offered,
 * or no group for someone who may leave an athlete ungrouped (admins).
 */
export function isOfferedGroup(
  offered: readonly GroupChoice[],
  groupId: string,
  mayLeaveUngrouped: boolean,
): boolean {
  return groupId === '' ? mayLeaveUngrouped : offered.some((g) => g.id === groupId);
}
