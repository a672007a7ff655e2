// What the race pages ask of the device: whether the user holds a race plan (a
// copy of a plan with its race, synced like any of their plans), so the home's
// «Мои забеги» shows only to participants, offline too; and for the organizer's
// page, the organization and the user's role there (its admins-only gate). The
// races themselves are read from the server (races-data.ts).
import { isRole } from '../../domain/organization.ts';
import { isCurrentMembership, isLive } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type { AdminData } from '../admin/index.ts';

/** whether the user has an active copy of a race plan on this device */
export function observeHasRacePlan(
  engine: SyncEngine,
  onChange: (has: boolean) => void,
): LocalSubscription {
  const db = engine.db;
  return observeLocal(
    async (): Promise<boolean> => {
      const mine = await db.rows('athletes').where('user_id').equals(engine.userId).toArray();
      const ids = new Set(mine.filter(isLive).map((a) => a.id));
      if (ids.size === 0) return false;
      const plans = await db
        .rows('training_plans')
        .where('athlete_id')
        .anyOf([...ids])
        .toArray();
      return plans.some(
        (p) => isLive(p) && p.kind === 'athlete' && p.status === 'active' && p.race_id !== null,
      );
    },
    onChange,
    'race plans',
  );
}

/** the organization, its kind and the user's role there, from the device (the organizer page's gate) */
export interface OrganizerFrame {
  admin: AdminData;
  kind: string;
}

/** an organizer's name, kind, zone and the user's role there */
export function observeOrganizerFrame(
  engine: SyncEngine,
  orgId: string,
  onChange: (frame: OrganizerFrame) => void,
): LocalSubscription {
  const db = engine.db;
  return observeLocal(
    async (): Promise<OrganizerFrame> => {
      const [org, memberships] = await Promise.all([
        db.rows('organizations').get(orgId),
        db.rows('memberships').where('org_id').equals(orgId).toArray(),
      ]);
      const live = org !== undefined && isLive(org);
      const role = memberships
        .filter(isCurrentMembership)
        .find((m) => m.user_id === engine.userId)?.role;
      return {
        kind: live ? org.kind : '',
        admin: {
          orgId,
          orgName: live ? org.name : '',
          timeZone: (live && org.time_zone) || 'Europe/Moscow',
          myRole: isRole(role) ? role : null,
          members: [],
          groups: [],
        },
      };
    },
    onChange,
    'organizer',
  );
}
