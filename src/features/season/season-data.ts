// What the season page reads from the user's device: the organizations where
// they may start a season (admins for the club, coaches for their groups), with
// the groups to choose from and the athletes the rollover would move.
import { hasRoleAtLeast, isRole } from '../../domain/organization.ts';
import type { RolloverAthlete } from '../../domain/season-rollover.ts';
import { liveRows, liveRowsWhere, myMemberships } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';

export interface SeasonGroup {
  id: string;
  name: string;
  season: string | null;
}

/** an organization where the user may start a season, and for whom */
export interface SeasonOrg {
  id: string;
  name: string;
  timeZone: string;
  /** admins and owners start it for the whole club and any group */
  admin: boolean;
  /** the groups the user may choose (all for admins, their own for coaches) */
  groups: SeasonGroup[];
  athletes: RolloverAthlete[];
}

/** the organizations where the user is an admin, or coaches a group */
export function observeSeasonOrgs(
  engine: SyncEngine,
  onChange: (orgs: SeasonOrg[]) => void,
): LocalSubscription {
  return observeLocal(
    async (): Promise<SeasonOrg[]> => {
      const db = engine.db;
      const [memberships, orgs, groups, coaching, athletes] = await Promise.all([
        myMemberships(db),
        liveRows(db, 'organizations'),
        liveRows(db, 'training_groups'),
        liveRowsWhere(db, 'training_group_coaches', 'user_id', [engine.userId]),
        liveRows(db, 'athletes'),
      ]);
      const coached = new Set(coaching.map((c) => c.group_id));
      const result: SeasonOrg[] = [];
      for (const m of memberships) {
        const role = m.role;
        if (!isRole(role) || !hasRoleAtLeast(role, 'coach')) continue;
        const org = orgs.find((o) => o.id === m.org_id);
        if (!org) continue;
        const admin = hasRoleAtLeast(role, 'admin');
        const mine = groups
          .filter((g) => g.org_id === org.id && (admin || coached.has(g.id)))
          .map((g) => ({ id: g.id, name: g.name, season: g.season || null }))
          .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
        if (!admin && mine.length === 0) continue;
        result.push({
          id: org.id,
          name: org.name,
          timeZone: org.time_zone || 'Europe/Moscow',
          admin,
          groups: mine,
          // `|| null`: an empty text, like a column a local insert left out, is no value
          athletes: athletes
            .filter((a) => a.org_id === org.id)
            .map((a) => ({
              groupId: a.group_id || null,
              season: a.season || null,
              status: a.status || 'active',
              rankStart: a.rank_start || null,
              rankEnd: a.rank_end || null,
            })),
        });
      }
      return result.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
    },
    onChange,
    'season',
  );
}
