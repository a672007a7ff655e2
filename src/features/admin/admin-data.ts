// What the club admin screens read from the user's device: the organization,
// the user's role there, its members with their names and roles, its groups
// with their coaches and athlete counts. One live query, so the screens follow
// sync (a role changed through an RPC shows once the change is pulled).
import { liveQuery, type Subscription } from 'dexie';
import { isRole } from '../../domain/organization.ts';
import type { Role } from '../../domain/organization.ts';
import type { SyncRow } from '../../domain/sync-outbox.ts';
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

const live = (row: SyncRow): boolean => row['deleted_at'] == null;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
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
): Subscription {
  return liveQuery(async (): Promise<AdminData> => {
    let orgId: string | null = 'orgId' in key ? key.orgId : null;
    if ('groupId' in key) {
      const group = await engine.db.rows('training_groups').get(key.groupId);
      orgId = group ? str(group['org_id']) : null;
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
    const [org, memberships, profiles, groups, coaches, athletes] = await Promise.all([
      engine.db.rows('organizations').get(orgId),
      engine.db.rows('memberships').where('org_id').equals(orgId).toArray(),
      engine.db.rows('profiles').toArray(),
      engine.db.rows('training_groups').where('org_id').equals(orgId).toArray(),
      engine.db.rows('training_group_coaches').where('org_id').equals(orgId).toArray(),
      engine.db.rows('athletes').where('org_id').equals(orgId).toArray(),
    ]);
    if (!org || !live(org)) return empty;
    const names = new Map(profiles.map((p) => [p.id, str(p['display_name'])]));
    const members: AdminMember[] = [];
    for (const m of memberships) {
      const role = m['role'];
      if (!live(m) || m['left_at'] != null || !isRole(role)) continue;
      const userId = str(m['user_id']);
      members.push({ membershipId: m.id, userId, name: names.get(userId) ?? '', role });
    }
    const liveCoaches = coaches.filter(live);
    const liveAthletes = athletes.filter((a) => live(a) && a['status'] !== 'archived');
    return {
      orgId,
      orgName: str(org['name']),
      timeZone: str(org['time_zone']) || 'Europe/Moscow',
      myRole: members.find((m) => m.userId === engine.userId)?.role ?? null,
      members: members.sort(byName),
      groups: groups
        .filter(live)
        .map((g) => ({
          id: g.id,
          name: str(g['name']),
          season: str(g['season']) || null,
          coaches: liveCoaches
            .filter((c) => c['group_id'] === g.id)
            .map((c) => ({ id: c.id, userId: str(c['user_id']) })),
          athletes: liveAthletes.filter((a) => a['group_id'] === g.id).length,
        }))
        .sort(byName),
    };
  }).subscribe({ next: onChange, error: (e: unknown) => console.error('admin query failed', e) });
}
