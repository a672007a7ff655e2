// What the athlete screens read from the user's device: the athlete, the groups
// they may be put in, their past seasons, their attendance, and — for admins —
// the members an athlete record can be linked to, and the link itself (a server
// action). Live queries, so the page follows sync.
import type { AttendanceMark } from '../../domain/attendance.ts';
import { hasRoleAtLeast, isRole, type Role } from '../../domain/organization.ts';
import { callRpc, type RpcArgs, type RpcResult } from '../../data/call-rpc.ts';
import {
  isCurrentMembership,
  isLive,
  liveRows,
  liveRowsWhere,
  myMemberships,
} from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import type { AthleteRow } from '../../data/synced-rows.ts';
import { readAthleteMarks } from '../attendance/index.ts';

export interface GroupOption {
  id: string;
  orgId: string;
  name: string;
  season: string | null;
}

export interface MemberOption {
  userId: string;
  name: string;
}

export interface PastSeason {
  season: string;
  rankStart: string | null;
  rankEnd: string | null;
}

export interface AthleteData {
  athlete: AthleteRow | null;
  /**
   * groups the user may put the athlete in: every group of an organization they
   * administer, the groups they coach elsewhere (RLS refuses any other move); for
   * an athlete, those of their organization only; when creating, those of every
   * organization (the page offers the current one's: src/domain/new-athlete.ts)
   */
  groups: GroupOption[];
  /** each organization's time zone, by id (the calendar of its seasons) */
  timeZones: Map<string, string>;
  history: PastSeason[];
  /** the signed-in user's role in each organization they are an active member of */
  roles: Map<string, Role>;
  /** display names by user id */
  names: Map<string, string>;
  /** members of the athlete's organization with no athlete record linked to them */
  linkable: MemberOption[];
}

/** observes one athlete (or, with `athleteId` null, what creating one needs) */
export function observeAthlete(
  engine: SyncEngine,
  athleteId: string | null,
  onChange: (data: AthleteData) => void,
): LocalSubscription {
  return observeLocal(
    async (): Promise<AthleteData> => {
      const db = engine.db;
      const [stored, groups, coaches, mine, memberships, profiles, athletes, history, orgs] =
        await Promise.all([
          athleteId ? db.rows('athletes').get(athleteId) : undefined,
          liveRows(db, 'training_groups'),
          liveRowsWhere(db, 'training_group_coaches', 'user_id', [engine.userId]),
          myMemberships(db),
          liveRows(db, 'memberships'),
          // a name is shown for whoever the device knows, tombstoned or not
          db.rows('profiles').toArray(),
          liveRows(db, 'athletes'),
          athleteId ? liveRowsWhere(db, 'rank_history', 'athlete_id', [athleteId]) : [],
          liveRows(db, 'organizations'),
        ]);
      const athlete = stored && isLive(stored) ? stored : null;
      const orgId = stored ? stored.org_id : null;
      const roles = new Map<string, Role>();
      for (const m of mine) {
        if (isRole(m.role)) roles.set(m.org_id, m.role);
      }
      const coached = new Set(coaches.map((c) => c.group_id));
      const mayUse = (orgOfGroup: string, groupId: string): boolean => {
        const role = roles.get(orgOfGroup);
        return (role !== undefined && hasRoleAtLeast(role, 'admin')) || coached.has(groupId);
      };
      const names = new Map(profiles.map((p) => [p.id, p.display_name]));
      const linked = new Set(athletes.filter((a) => a.org_id === orgId).map((a) => a.user_id));
      const linkable = memberships
        .filter(
          (m) =>
            m.org_id === orgId &&
            isCurrentMembership(m) &&
            (m.role === 'athlete' || m.role === 'member') &&
            !linked.has(m.user_id),
        )
        .map((m) => ({ userId: m.user_id, name: names.get(m.user_id) ?? '' }))
        .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
      return {
        athlete,
        groups: groups
          .filter((g) => (orgId === null || g.org_id === orgId) && mayUse(g.org_id, g.id))
          .map((g) => ({ id: g.id, orgId: g.org_id, name: g.name, season: g.season || null }))
          .sort((a, b) => a.name.localeCompare(b.name, 'ru')),
        history: history
          .map((h) => ({
            season: h.season,
            rankStart: h.rank_start || null,
            rankEnd: h.rank_end || null,
          }))
          .sort((a, b) => b.season.localeCompare(a.season)),
        timeZones: new Map(orgs.map((o) => [o.id, o.time_zone || 'Europe/Moscow'])),
        roles,
        names,
        linkable,
      };
    },
    onChange,
    'athlete',
  );
}

/** true when the user is an admin (or owner) of the organization */
export function isAdminOf(data: AthleteData, orgId: string | null): boolean {
  const role = orgId ? data.roles.get(orgId) : undefined;
  return role !== undefined && hasRoleAtLeast(role, 'admin');
}

/** observes an athlete's attendance marks, for the season's percentage */
export function observeAthleteMarks(
  engine: SyncEngine,
  athleteId: string,
  onChange: (marks: AttendanceMark[]) => void,
): LocalSubscription {
  return observeLocal(() => readAthleteMarks(engine.db, athleteId), onChange, 'attendance');
}

/** links the athlete record to a member's account, or with `userId` null unlinks it */
export function linkAthleteAccount(
  client: AppClient,
  athleteId: string,
  userId: string | null,
): Promise<RpcResult<'link_athlete_account'>> {
  // the generated signature types every argument without a default as non-null,
  // but SQL passes null through and this function reads a null user as "unlink"
  const args = { p_athlete_id: athleteId, p_user_id: userId } as RpcArgs<'link_athlete_account'>;
  return callRpc(client, 'link_athlete_account', args);
}
