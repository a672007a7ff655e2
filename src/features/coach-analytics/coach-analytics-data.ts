// What the coach's statistics page reads, all from the device (synced, so the
// last figures show offline): the coach's own daily rows, the funnels'
// definitions and the clubs' time zones.
import { liveRows, liveRowsWhere } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type { CoachDayRow, FunnelDefinitionRow } from '../../domain/coach-analytics.ts';

export interface CoachAnalyticsData {
  days: CoachDayRow[];
  funnels: FunnelDefinitionRow[];
  /** each club's time zone by id: the zone the rows' days are in */
  zones: Map<string, string>;
}

export function observeCoachAnalytics(
  engine: SyncEngine,
  onChange: (d: CoachAnalyticsData) => void,
): LocalSubscription {
  const db = engine.db;
  return observeLocal(
    async (): Promise<CoachAnalyticsData> => {
      const [days, funnels, orgs] = await Promise.all([
        liveRowsWhere(db, 'coach_analytics_days', 'coach_id', [engine.userId]),
        liveRows(db, 'analytics_funnels'),
        liveRows(db, 'organizations'),
      ]);
      return {
        days,
        funnels: funnels.map((f) => ({
          key: f.key,
          steps: f.steps,
          window_minutes: f.window_minutes,
          position: f.position,
        })),
        zones: new Map(orgs.map((o) => [o.id, o.time_zone || 'UTC'])),
      };
    },
    onChange,
    'coach analytics',
  );
}
