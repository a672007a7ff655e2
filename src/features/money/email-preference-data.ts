// The signed-in person's email switches, from the local database: synced, so
// they show and change offline.
import { liveRowsWhere } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';

export interface EmailPreference {
  id: string;
  kind: string;
  enabled: boolean;
}

export function observeEmailPreferences(
  engine: SyncEngine,
  onChange: (rows: EmailPreference[]) => void,
): LocalSubscription {
  return observeLocal(
    async () =>
      (await liveRowsWhere(engine.db, 'email_preferences', 'user_id', [engine.userId])).map(
        (r) => ({ id: r.id, kind: r.kind, enabled: r.enabled }),
      ),
    onChange,
    'email preferences',
  );
}
