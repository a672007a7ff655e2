// What the results section reads and writes on the device: one athlete's results,
// the ЕВСК norms (synced to every signed-in device, so a result entered offline
// gets its suggestion offline), the athlete's sex, current rank and — for staff
// only, from the contacts — birth date, and whether this user may write.
import { hasRoleAtLeast, isRole } from '../../domain/organization.ts';
import { isRank, type Rank } from '../../domain/rank.ts';
import { SEXES, type CompetitionResultForm, type Sex } from '../../domain/competition-result.ts';
import type { EvskNorm } from '../../domain/rank-suggestion.ts';
import { isLive, liveRows, liveRowsWhere, myMemberships } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type { CompetitionResultRow } from '../../data/synced-rows.ts';

export interface ResultsData {
  /** the athlete's club, null when the device does not hold the athlete */
  orgId: string | null;
  results: CompetitionResultRow[];
  norms: EvskNorm[];
  sex: Sex | null;
  birthDate: string | null;
  currentRank: Rank | null;
  /** the user may add and edit this athlete's results */
  canWrite: boolean;
  /** the user may set the athlete's sex (staff who edit the athlete) */
  canEditAthlete: boolean;
}

function asSex(value: string | null | undefined): Sex | null {
  return (SEXES as readonly string[]).includes(value ?? '') ? (value as Sex) : null;
}

/** newest first; on one day, the latest written first */
function byDateDesc(a: CompetitionResultRow, b: CompetitionResultRow): number {
  return b.competed_on.localeCompare(a.competed_on) || b.created_at.localeCompare(a.created_at);
}

/** observes one athlete's results with everything their suggestions need */
export function observeResults(
  engine: SyncEngine,
  athleteId: string,
  onChange: (data: ResultsData) => void,
): LocalSubscription {
  return observeLocal(
    async (): Promise<ResultsData> => {
      const db = engine.db;
      const [athlete, contacts, results, norms, mine, coached, individual] = await Promise.all([
        db.rows('athletes').get(athleteId),
        db.rows('athlete_contacts').get(athleteId),
        liveRowsWhere(db, 'competition_results', 'athlete_id', [athleteId]),
        liveRows(db, 'evsk_norms'),
        myMemberships(db),
        db.rows('training_group_coaches').where('user_id').equals(db.userId).toArray(),
        liveRowsWhere(db, 'coach_athletes', 'athlete_id', [athleteId]),
      ]);
      const live = athlete && isLive(athlete) ? athlete : null;
      const orgId = live?.org_id ?? null;
      const role = mine.find((m) => m.org_id === orgId)?.role;
      const admin = isRole(role) && hasRoleAtLeast(role, 'admin');
      const groupCoach =
        isRole(role) &&
        hasRoleAtLeast(role, 'coach') &&
        live?.group_id != null &&
        coached.some((c) => isLive(c) && c.group_id === live.group_id);
      // an individual coaching relationship writes too; a consulting one only reads
      const coaching = individual.some(
        (c) => c.coach_id === db.userId && c.kind === 'coaching' && c.status === 'active',
      );
      const own = live?.user_id === db.userId;
      const rank = live?.rank_end ?? live?.rank_start ?? null;
      return {
        orgId,
        results: results.sort(byDateDesc),
        norms,
        sex: asSex(live?.sex),
        birthDate: contacts && isLive(contacts) ? contacts.birth_date : null,
        currentRank: isRank(rank) ? rank : null,
        canWrite:
          live !== null &&
          (admin ||
            groupCoach ||
            (coaching && isRole(role) && hasRoleAtLeast(role, 'coach')) ||
            own),
        canEditAthlete: live !== null && (admin || groupCoach),
      };
    },
    onChange,
    'competition-results',
  );
}

/** adds a result as a local edit (offline too); returns its id */
export async function addResult(
  engine: SyncEngine,
  athleteId: string,
  orgId: string,
  form: CompetitionResultForm,
): Promise<string> {
  const id = crypto.randomUUID();
  await engine.change({
    table: 'competition_results',
    op: 'insert',
    row: { id, org_id: orgId, athlete_id: athleteId, ...form },
  });
  return id;
}

/** edits a result as a local edit */
export async function editResult(
  engine: SyncEngine,
  id: string,
  form: CompetitionResultForm,
): Promise<void> {
  await engine.change({ table: 'competition_results', op: 'update', id, patch: form });
}

/** removes a result (a tombstone that syncs) */
export async function removeResult(engine: SyncEngine, id: string): Promise<void> {
  await engine.change({ table: 'competition_results', op: 'delete', id });
}

/** sets the athlete's sex, which picks the norms */
export async function saveSex(
  engine: SyncEngine,
  athleteId: string,
  sex: Sex | null,
): Promise<void> {
  await engine.change({ table: 'athletes', op: 'update', id: athleteId, patch: { sex } });
}
