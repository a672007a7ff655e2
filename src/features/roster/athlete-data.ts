// What the athlete screens read from the user's device: the athlete, the groups
// they may be put in, their past seasons, and — for admins — the members an
// athlete record can be linked to. One live query, so the page follows sync.
import { liveQuery, type Subscription } from 'dexie';
import { hasRoleAtLeast, ROLES, type Role } from '../../domain/organization.ts';
import type { SyncRow } from '../../domain/sync-outbox.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';

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
  athlete: SyncRow | null;
  /**
   * groups the user may put the athlete in: every group of an organization they
   * administer, the groups they coach elsewhere (RLS refuses any other move)
   */
  groups: GroupOption[];
  history: PastSeason[];
  /** the signed-in user's role in each organization they are an active member of */
  roles: Map<string, Role>;
  /** display names by user id */
  names: Map<string, string>;
  /** members of the athlete's organization with no athlete record linked to them */
  linkable: MemberOption[];
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

const live = (row: SyncRow): boolean => row['deleted_at'] == null;

/** observes one athlete (or, with `athleteId` null, what creating one needs) */
export function observeAthlete(
  engine: SyncEngine,
  athleteId: string | null,
  onChange: (data: AthleteData) => void,
): Subscription {
  return liveQuery(async (): Promise<AthleteData> => {
    const [athlete, groups, coaches, memberships, profiles, athletes, history] = await Promise.all([
      athleteId ? engine.db.rows('athletes').get(athleteId) : undefined,
      engine.db.rows('training_groups').toArray(),
      engine.db.rows('training_group_coaches').where('user_id').equals(engine.userId).toArray(),
      engine.db.rows('memberships').toArray(),
      engine.db.rows('profiles').toArray(),
      engine.db.rows('athletes').toArray(),
      athleteId
        ? engine.db.rows('rank_history').where('athlete_id').equals(athleteId).toArray()
        : [],
    ]);
    const orgId = athlete ? str(athlete['org_id']) : null;
    const roles = new Map<string, Role>();
    for (const m of memberships) {
      if (m['user_id'] === engine.userId && m['left_at'] == null && live(m) && isRole(m['role'])) {
        roles.set(String(m['org_id']), m['role']);
      }
    }
    const coached = new Set(coaches.filter(live).map((c) => c['group_id']));
    const mayUse = (g: SyncRow): boolean => {
      const role = roles.get(String(g['org_id']));
      return (role !== undefined && hasRoleAtLeast(role, 'admin')) || coached.has(g.id);
    };
    const names = new Map(profiles.map((p) => [p.id, str(p['display_name']) ?? '']));
    const linked = new Set(
      athletes.filter((a) => live(a) && a['org_id'] === orgId).map((a) => a['user_id']),
    );
    const linkable = memberships
      .filter(
        (m) =>
          m['org_id'] === orgId &&
          m['left_at'] == null &&
          live(m) &&
          (m['role'] === 'athlete' || m['role'] === 'member') &&
          !linked.has(m['user_id']),
      )
      .map((m) => ({ userId: String(m['user_id']), name: names.get(String(m['user_id'])) ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
    return {
      athlete: athlete && live(athlete) ? athlete : null,
      groups: groups
        .filter((g) => live(g) && (orgId === null || g['org_id'] === orgId) && mayUse(g))
        .map((g) => ({
          id: g.id,
          orgId: String(g['org_id']),
          name: str(g['name']) ?? '',
          season: str(g['season']),
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'ru')),
      history: history
        .filter(live)
        .map((h) => ({
          season: String(h['season']),
          rankStart: str(h['rank_start']),
          rankEnd: str(h['rank_end']),
        }))
        .sort((a, b) => b.season.localeCompare(a.season)),
      roles,
      names,
      linkable,
    };
  }).subscribe({ next: onChange, error: (e: unknown) => console.error('athlete query failed', e) });
}

/** true when the user is an admin (or owner) of the organization */
export function isAdminOf(data: AthleteData, orgId: string | null): boolean {
  const role = orgId ? data.roles.get(orgId) : undefined;
  return role !== undefined && hasRoleAtLeast(role, 'admin');
}
