// What the athlete's own page reads from their device: their athlete records
// (one per club they train in), each with its group, coaches, past seasons and
// upcoming sessions. Row-level security already keeps other athletes off the
// device; this still picks rows by the signed-in user's id and never lists
// anyone else's record, whatever the local database holds.
import { isRank, type Rank } from '../../domain/rank.ts';
import { liveRows, liveRowsWhere } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
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

function rank(value: string | null): Rank | null {
  return isRank(value) ? value : null;
}

/**
 * Observes the signed-in user's athlete data; `from` is the instant before
 * which sessions count as past (a session under way still shows).
 */
export function observeMyAthletes(
  engine: SyncEngine,
  from: number,
  onChange: (data: MyData) => void,
): LocalSubscription {
  return observeLocal(
    async (): Promise<MyData> => {
      const db = engine.db;
      const mine = (await liveRowsWhere(db, 'athletes', 'user_id', [engine.userId])).sort((a, b) =>
        a.name.localeCompare(b.name, 'ru'),
      );
      const [orgs, groups, coaches, profiles, sessions, bookings] = await Promise.all([
        // names and zones of whatever the device holds, as the pull left it
        db.rows('organizations').toArray(),
        liveRows(db, 'training_groups'),
        liveRows(db, 'training_group_coaches'),
        db.rows('profiles').toArray(),
        // an athlete's device holds only their group's and their own sessions
        liveRows(db, 'training_sessions'),
        liveRowsWhere(db, 'bookings', 'member_id', [engine.userId]),
      ]);
      const orgById = new Map(orgs.map((o) => [o.id, o]));
      const groupById = new Map(groups.map((g) => [g.id, g]));
      const names = new Map(profiles.map((p) => [p.id, p.display_name]));
      const booked = new Set(
        bookings
          .filter((b) => b.status === 'confirmed' || b.status === 'no_show')
          .map((b) => b.session_id),
      );
      const athletes = await Promise.all(
        mine.map(async (a): Promise<MyAthlete> => {
          const orgId = a.org_id;
          const org = orgById.get(orgId);
          // `|| null`: an empty text is no value, as for every text column below
          const groupId = a.group_id || null;
          const group = groupId ? groupById.get(groupId) : undefined;
          const history = await liveRowsWhere(db, 'rank_history', 'athlete_id', [a.id]);
          const coachIds = coaches
            .filter((c) => groupId !== null && c.group_id === groupId)
            .map((c) => c.user_id);
          const coachNames = [...new Set(coachIds.map((id) => names.get(id) ?? ''))]
            .filter((n) => n !== '')
            .sort((x, y) => x.localeCompare(y, 'ru'));
          return {
            id: a.id,
            name: a.name,
            orgName: org?.name ?? '',
            timeZone: org?.time_zone || 'Europe/Moscow',
            season: a.season || null,
            schedule: a.schedule || null,
            rankStart: rank(a.rank_start),
            rankEnd: rank(a.rank_end),
            groupName: group ? group.name || null : null,
            coachNames,
            history: history
              .map((h) => ({
                season: h.season,
                rankStart: rank(h.rank_start),
                rankEnd: rank(h.rank_end),
              }))
              .sort((x, y) => y.season.localeCompare(x.season)),
            sessions: sessions
              .filter(
                (s) =>
                  s.org_id === orgId &&
                  Date.parse(s.ends_at) > from &&
                  ((groupId !== null && s.group_id === groupId) ||
                    s.member_id === engine.userId ||
                    booked.has(s.id)),
              )
              .map((s) => ({
                id: s.id,
                startsAt: Date.parse(s.starts_at),
                endsAt: Date.parse(s.ends_at),
                title: s.title || null,
                room: s.room || null,
                cancelled: s.status === 'cancelled',
                coachName: names.get(s.coach_id) || null,
              }))
              .sort((x, y) => x.startsAt - y.startsAt),
          };
        }),
      );
      return { athletes };
    },
    onChange,
    'my page',
  );
}
