// What the athlete's own page reads from their device: their athlete records
// (one per club they train in), each with its group, coaches, past seasons and
// upcoming sessions. Row-level security already keeps other athletes off the
// device; this still picks rows by the signed-in user's id and never lists
// anyone else's record, whatever the local database holds.
import { liveQuery, type Subscription } from 'dexie';
import { isRank, type Rank } from '../../domain/rank.ts';
import type { SyncRow } from '../../domain/sync-outbox.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';

export interface MySession {
  id: string;
  startsAt: number;
  endsAt: number;
  title: string | null;
  room: string | null;
  cancelled: boolean;
  coachName: string | null;
}

export interface MyPastSeason {
  season: string;
  rankStart: Rank | null;
  rankEnd: Rank | null;
}

export interface MyAthlete {
  id: string;
  name: string;
  orgName: string;
  timeZone: string;
  season: string | null;
  schedule: string | null;
  rankStart: Rank | null;
  rankEnd: Rank | null;
  groupName: string | null;
  coachNames: string[];
  history: MyPastSeason[];
  sessions: MySession[];
}

export interface MyData {
  athletes: MyAthlete[];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function rank(value: unknown): Rank | null {
  return isRank(value) ? value : null;
}

function instant(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

const live = (row: SyncRow): boolean => row['deleted_at'] == null;

/**
 * Observes the signed-in user's athlete data; `from` is the instant before
 * which sessions count as past (a session under way still shows).
 */
export function observeMyAthletes(
  engine: SyncEngine,
  from: number,
  onChange: (data: MyData) => void,
): Subscription {
  return liveQuery(async (): Promise<MyData> => {
    const db = engine.db;
    const mine = (await db.rows('athletes').where('user_id').equals(engine.userId).toArray())
      .filter(live)
      .sort((a, b) => String(a['name']).localeCompare(String(b['name']), 'ru'));
    const [orgs, groups, coaches, profiles, sessions, bookings] = await Promise.all([
      db.rows('organizations').toArray(),
      db.rows('training_groups').toArray(),
      db.rows('training_group_coaches').toArray(),
      db.rows('profiles').toArray(),
      // an athlete's device holds only their group's and their own sessions
      db.rows('training_sessions').toArray(),
      db.rows('bookings').where('member_id').equals(engine.userId).toArray(),
    ]);
    const orgById = new Map(orgs.map((o) => [o.id, o]));
    const groupById = new Map(groups.filter(live).map((g) => [g.id, g]));
    const names = new Map(profiles.map((p) => [p.id, text(p['display_name']) ?? '']));
    const booked = new Set(
      bookings
        .filter((b) => live(b) && (b['status'] === 'confirmed' || b['status'] === 'no_show'))
        .map((b) => b['session_id']),
    );
    const athletes = await Promise.all(
      mine.map(async (a): Promise<MyAthlete> => {
        const orgId = text(a['org_id']);
        const org = orgId ? orgById.get(orgId) : undefined;
        const groupId = text(a['group_id']);
        const group = groupId ? groupById.get(groupId) : undefined;
        const history = await db.rows('rank_history').where('athlete_id').equals(a.id).toArray();
        const coachIds = coaches
          .filter((c) => live(c) && groupId !== null && c['group_id'] === groupId)
          .map((c) => String(c['user_id']));
        const coachNames = [...new Set(coachIds.map((id) => names.get(id) ?? ''))]
          .filter((n) => n !== '')
          .sort((x, y) => x.localeCompare(y, 'ru'));
        return {
          id: a.id,
          name: text(a['name']) ?? '',
          orgName: text(org?.['name']) ?? '',
          timeZone: text(org?.['time_zone']) ?? 'Europe/Moscow',
          season: text(a['season']),
          schedule: text(a['schedule']),
          rankStart: rank(a['rank_start']),
          rankEnd: rank(a['rank_end']),
          groupName: group ? text(group['name']) : null,
          coachNames,
          history: history
            .filter(live)
            .map((h) => ({
              season: String(h['season']),
              rankStart: rank(h['rank_start']),
              rankEnd: rank(h['rank_end']),
            }))
            .sort((x, y) => y.season.localeCompare(x.season)),
          sessions: sessions
            .filter(
              (s) =>
                live(s) &&
                s['org_id'] === orgId &&
                instant(s['ends_at']) > from &&
                ((groupId !== null && s['group_id'] === groupId) ||
                  s['member_id'] === engine.userId ||
                  booked.has(s.id)),
            )
            .map((s) => ({
              id: s.id,
              startsAt: instant(s['starts_at']),
              endsAt: instant(s['ends_at']),
              title: text(s['title']),
              room: text(s['room']),
              cancelled: s['status'] === 'cancelled',
              coachName: names.get(String(s['coach_id'])) || null,
            }))
            .sort((x, y) => x.startsAt - y.startsAt),
        };
      }),
    );
    return { athletes };
  }).subscribe({ next: onChange, error: (e: unknown) => console.error('my page query failed', e) });
}
