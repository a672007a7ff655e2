// What the contacts section reads and writes on the device: the athlete's one
// contacts row (its id is the athlete's) and whether the user is staff of the
// athlete's club. The row never reaches an athlete's device (row-level security),
// so the section also keeps its form away from anyone who is not staff.
import type { AthleteContactForm } from '../../domain/athlete-contact.ts';
import { hasRoleAtLeast, isRole } from '../../domain/organization.ts';
import { isLive, myMemberships } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type { AthleteContactRow } from '../../data/synced-rows.ts';

export interface AthleteContactsData {
  /** the athlete's organization, null when the device does not hold the athlete */
  orgId: string | null;
  /** the stored contacts, null when none were written yet */
  contacts: AthleteContactRow | null;
  /** the user is a coach, admin or owner of the athlete's organization */
  staff: boolean;
}

/** observes one athlete's contacts */
export function observeAthleteContacts(
  engine: SyncEngine,
  athleteId: string,
  onChange: (data: AthleteContactsData) => void,
): LocalSubscription {
  return observeLocal(
    async (): Promise<AthleteContactsData> => {
      const db = engine.db;
      const [athlete, stored, mine] = await Promise.all([
        db.rows('athletes').get(athleteId),
        db.rows('athlete_contacts').get(athleteId),
        myMemberships(db),
      ]);
      const orgId = athlete && isLive(athlete) ? athlete.org_id : null;
      const role = mine.find((m) => m.org_id === orgId)?.role;
      return {
        orgId,
        contacts: stored && isLive(stored) ? stored : null,
        staff: isRole(role) && hasRoleAtLeast(role, 'coach'),
      };
    },
    onChange,
    'athlete-contacts',
  );
}

/**
 * Saves the contacts as a local edit (offline too): the first ones insert the
 * row under the athlete's id, later ones update it. Two coaches inserting
 * offline meet on that id; the server merges the second insert as an update.
 */
export async function saveAthleteContacts(
  engine: SyncEngine,
  athleteId: string,
  orgId: string,
  form: AthleteContactForm,
): Promise<void> {
  const stored = await engine.db.rows('athlete_contacts').get(athleteId);
  if (stored) {
    await engine.change({ table: 'athlete_contacts', op: 'update', id: athleteId, patch: form });
    return;
  }
  // only what was filled in: if another coach's contacts reach the server first,
  // this insert merges as an update of these fields and leaves theirs standing
  const filled = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== null));
  await engine.change({
    table: 'athlete_contacts',
    op: 'insert',
    row: { id: athleteId, org_id: orgId, athlete_id: athleteId, ...filled },
  });
}
