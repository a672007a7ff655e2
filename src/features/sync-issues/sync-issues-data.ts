// What the sync issues page reads from the user's device beyond the issues
// themselves (which the sync status carries): the names each change is about,
// and each club's time zone for the times a change holds.
import { readIssueNames, type IssueNames } from '../../data/read-issue-names.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';

export type { IssueNames };

/** what each change is about and who overwrote it, by issue id; follows the rows they name */
export function observeIssueNames(
  engine: SyncEngine,
  onChange: (names: Map<number, IssueNames>) => void,
): LocalSubscription {
  return observeLocal(() => readIssueNames(engine.db), onChange, 'issue names');
}

/** each organization's time zone, by id: every one the device holds, for display only */
export async function readOrganizationZones(engine: SyncEngine): Promise<Map<string, string>> {
  const orgs = await engine.db.rows('organizations').toArray();
  return new Map(orgs.map((o) => [o.id, o.time_zone]));
}
