// What the club dashboard reads from the user's device: the club, the user's
// role there (for the admins-only gate) and the club's synced figures
// (public.club_analytics_cells, which only owners and admins receive).
import type { ClubCell } from '../../domain/club-analytics.ts';
import { isRole } from '../../domain/organization.ts';
import { liveRowsWhere, myMemberships } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type { AdminData } from '../admin/index.ts';

export interface ClubDashboard {
  /** what the admin screens' gate and header need (no members or groups listed here) */
  admin: AdminData;
  cells: ClubCell[];
}

export function observeClubDashboard(
  engine: SyncEngine,
  orgId: string,
  onChange: (data: ClubDashboard) => void,
): LocalSubscription {
  const db = engine.db;
  return observeLocal(
    async (): Promise<ClubDashboard> => {
      const [org, memberships, rows] = await Promise.all([
        db.rows('organizations').get(orgId),
        myMemberships(db),
        liveRowsWhere(db, 'club_analytics_cells', 'org_id', [orgId]),
      ]);
      const role = memberships.find((m) => m.org_id === orgId)?.role;
      const live = org && org.deleted_at == null;
      return {
        admin: {
          orgId,
          orgName: live ? org.name : '',
          timeZone: (live && org.time_zone) || 'Europe/Moscow',
          myRole: isRole(role) ? role : null,
          members: [],
          groups: [],
        },
        cells: rows.map((c) => ({
          figure: c.figure,
          period: c.period,
          dimension: c.dimension,
          label: c.label,
          value: c.value === null ? null : Number(c.value),
          people: c.people,
          suppressed: c.suppressed,
          currency: c.currency,
          computed_at: c.computed_at,
        })),
      };
    },
    onChange,
    'club analytics',
  );
}
