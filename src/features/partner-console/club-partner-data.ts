// What the club's partner page reads from the device: the club's name and the
// user's role there (owners and admins manage the partner; the rest is online).
import { isRole } from '../../domain/organization.ts';
import { myMemberships } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type { Role } from '../../domain/organization.ts';

export interface ClubSeat {
  orgName: string;
  myRole: Role | null;
}

export function observeClubSeat(
  engine: SyncEngine,
  orgId: string,
  onChange: (data: ClubSeat) => void,
): LocalSubscription {
  const db = engine.db;
  return observeLocal(
    async (): Promise<ClubSeat> => {
      const [org, memberships] = await Promise.all([
        db.rows('organizations').get(orgId),
        myMemberships(db),
      ]);
      const role = memberships.find((m) => m.org_id === orgId)?.role;
      return {
        orgName: org && org.deleted_at == null ? org.name : '',
        myRole: isRole(role) ? role : null,
      };
    },
    onChange,
    'club partner',
  );
}
