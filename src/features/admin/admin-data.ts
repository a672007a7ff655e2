// What the club admin screens read from the user's device: the organization,
// the user's role there, its members with their names and roles, its groups
// with their coaches and athlete counts. One live query, so the screens follow
// sync (a role changed through an RPC shows once the change is pulled).
import { isRole } from '../../domain/organization.ts';
import type { Role } from '../../domain/organization.ts';
import { isCurrentMembership, isLive, liveRowsWhere } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';

export interface AdminMember {
  membershipId: string;
  userId: string;
  name: string;
  role: Role;
}

export interface AdminGroup {
  id: string;
  name: string;
  season: string | null;
  /** live coach assignments: assignment row id and the coach's user id */
  coaches: { id: string; userId: string }[];
  /** athletes of the group that are not archived */
  athletes: number;
}

export interface AdminData {
  orgId: string | null;
  orgName: string;
  timeZone: string;
  /** the signed-in user's role in the organization, null when not a member */
  myRole: Role | null;
  members: AdminMember[];
  groups: AdminGroup[];
}

const byName = (a: { name: string }, b: { name: string }): number =>
  a.name.localeCompare(b.name, 'ru');

/**
 * Observes one organization's admin data: by its id, or (`groupId`) the
 * organization of that group.
 */
export function observeAdminData(
  engine: SyncEngine,
  key: { orgId: string } | { groupId: string },
  onChange: (data: AdminData) => void,
): LocalSubscription {
  const db = engine.db;
  return observeLocal(
    async (): Promise<AdminData> => {
      let orgId: string | null = 'orgId' in key ? key.orgId : null;
      if ('groupId' in key) {
        const group = await db.rows('training_groups').get(key.groupId);
        orgId = group?.org_id ?? null;
      }
      const empty: AdminData = {
        orgId,
        orgName: '',
        timeZone: 'Europe/Moscow',
        myRole: null,
        members: [],
        groups: [],
      };
      if (!orgId) return empty;
      const inOrg = [orgId];
      const [org, memberships, profiles, groups, coaches, athletes] = await Promise.all([
        db.rows('organizations').get(orgId),
        db.rows('memberships').where('org_id').equals(orgId).toArray(),
        // for names only: which members show is decided by their memberships
        db.rows('profiles').toArray(),
        liveRowsWhere(db, 'training_groups', 'org_id', inOrg),
        liveRowsWhere(db, 'training_group_coaches', 'org_id', inOrg),
        liveRowsWhere(db, 'athletes', 'org_id', inOrg),
      ]);
      if (!org || !isLive(org)) return empty;
      const names = new Map(profiles.map((p) => [p.id, p.display_name]));
      const members: AdminMember[] = [];
      for (const m of memberships) {
        const role = m.role;
        // a role this build does not know is left out rather than shown wrong
        if (!isCurrentMembership(m) || !isRole(role)) continue;
        members.push({
          membershipId: m.id,
          userId: m.user_id,
          name: names.get(m.user_id) ?? '',
          role,
        });
      }
      const activeAthletes = athletes.filter((a) => a.status !== 'archived');
      return {
        orgId,
        orgName: org.name,
        timeZone: org.time_zone || 'Europe/Moscow',
        myRole: members.find((m) => m.userId === engine.userId)?.role ?? null,
        members: members.sort(byName),
        groups: groups
          .map((g) => ({
            id: g.id,
            name: g.name,
            // the form stores no season as null; an empty one means the same
            season: g.season || null,
            coaches: coaches
              .filter((c) => c.group_id === g.id)
              .map((c) => ({ id: c.id, userId: c.user_id })),
            athletes: activeAthletes.filter((a) => a.group_id === g.id).length,
          }))
          .sort(byName),
      };
    },
    onChange,
    'admin',
  );
}
