// What «Сегодня» reads from the user's device: the day's group sessions of the
// groups the user coaches (every group of an organization they administer), each
// with its athletes, their marks and their attendance this season. One read
// function (tested with fake-indexeddb) and its live queries.
import {
  attendanceSummary,
  isAttendanceStatus,
  type AttendanceMark,
  type AttendanceStatus,
  type AttendanceSummary,
} from '../../domain/attendance.ts';
import { sessionDayHasCome } from '../../domain/attendance-day.ts';
import { hasRoleAtLeast, isRole, type Role } from '../../domain/organization.ts';
import { seasonOfDate } from '../../domain/season.ts';
import { isValidZone, localDateAt, type LocalDate } from '../../domain/zoned-time.ts';
import { isCurrentMembership, isLive, liveRows, liveRowsWhere } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import { hasSyncedOnce } from '../../data/has-synced-once.ts';
import type { UserDatabase } from '../../data/open-user-database.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type { OrganizationRow, TrainingSessionRow } from '../../data/synced-rows.ts';

export interface TodayAthlete {
  id: string;
  name: string;
  status: AttendanceStatus | null;
  season: AttendanceSummary;
}

export interface TodaySession {
  id: string;
  orgId: string;
  groupId: string;
  groupName: string;
  title: string | null;
  room: string | null;
  startsAt: number;
  endsAt: number;
  timeZone: string;
  cancelled: boolean;
  /** the session's day has come in its zone: it may be marked (the server's rule too) */
  markable: boolean;
  athletes: TodayAthlete[];
}

export interface TodayData {
  date: LocalDate;
  season: string;
  sessions: TodaySession[];
  /** the device has synced once: before that, no sessions is not yet an answer */
  synced: boolean;
}

/** the user's active role in each organization */
async function rolesOf(db: UserDatabase, userId: string): Promise<Map<string, Role>> {
  const memberships = await db.rows('memberships').where('user_id').equals(userId).toArray();
  const roles = new Map<string, Role>();
  for (const m of memberships) {
    if (isCurrentMembership(m) && isRole(m.role)) roles.set(m.org_id, m.role);
  }
  return roles;
}

/**
 * The time zone "today" is read in: the zone of the first organization (by name)
 * where the user is staff, else of any organization, else UTC.
 */
export async function homeZone(db: UserDatabase, userId: string): Promise<string> {
  const roles = await rolesOf(db, userId);
  const orgs = (await liveRows(db, 'organizations'))
    .filter((o) => roles.has(o.id))
    .sort((a, b) => {
      const staff = (o: OrganizationRow) => hasRoleAtLeast(roles.get(o.id) ?? 'member', 'coach');
      return Number(staff(b)) - Number(staff(a)) || a.name.localeCompare(b.name);
    });
  const zone = orgs[0]?.time_zone;
  return zone && isValidZone(zone) ? zone : 'UTC';
}

/** today's local date in the user's home zone */
export async function todayOf(db: UserDatabase, userId: string, now: number): Promise<LocalDate> {
  return localDateAt(await homeZone(db, userId), now);
}

/** the groups whose sessions the user marks: coached ones, and every group of an organization they administer */
export async function markableGroups(db: UserDatabase, userId: string): Promise<Set<string>> {
  const [roles, coaches, groups] = await Promise.all([
    rolesOf(db, userId),
    liveRowsWhere(db, 'training_group_coaches', 'user_id', [userId]),
    liveRows(db, 'training_groups'),
  ]);
  const ids = new Set<string>();
  for (const c of coaches) {
    const role = roles.get(c.org_id);
    if (role && hasRoleAtLeast(role, 'coach')) ids.add(c.group_id);
  }
  for (const g of groups) {
    const role = roles.get(g.org_id);
    if (role && hasRoleAtLeast(role, 'admin')) ids.add(g.id);
  }
  return ids;
}

/**
 * the day's sessions with their athletes, marks and season attendance; `now`
 * decides which sessions may be marked and which marks count (a mark of a
 * session whose day has not come — written before the rule — counts for nothing)
 */
export async function readToday(
  db: UserDatabase,
  userId: string,
  date: LocalDate,
  now: number,
): Promise<TodayData> {
  const season = seasonOfDate(date);
  // sessions and groups, tombstones too: a live mark still dates by its session,
  // as readAthleteMarks dates it, and a session keeps its group's name
  const [groupIds, sessions, groups, athletes, marks, synced] = await Promise.all([
    markableGroups(db, userId),
    db.rows('training_sessions').toArray(),
    db.rows('training_groups').toArray(),
    liveRows(db, 'athletes'),
    liveRows(db, 'attendance'),
    hasSyncedOnce(db),
  ]);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  // the date of each session whose marks count: its day has come
  const sessionDate = new Map(
    sessions
      .filter((s) => sessionDayHasCome({ localDate: s.local_date, timeZone: s.time_zone }, now))
      .map((s) => [s.id, s.local_date]),
  );
  const byAthlete = new Map<string, AttendanceMark[]>();
  const bySessionAthlete = new Map<string, AttendanceStatus>();
  for (const m of marks) {
    const status = m.status;
    if (!isAttendanceStatus(status)) continue;
    const athleteId = m.athlete_id;
    bySessionAthlete.set(`${m.session_id}/${athleteId}`, status);
    const localDate = sessionDate.get(m.session_id);
    if (localDate) {
      const list = byAthlete.get(athleteId) ?? [];
      list.push({ status, localDate });
      byAthlete.set(athleteId, list);
    }
  }
  const ofTheDay = (s: TrainingSessionRow): s is TrainingSessionRow & { group_id: string } =>
    isLive(s) &&
    s.kind === 'group' &&
    s.local_date === date &&
    s.group_id != null &&
    groupIds.has(s.group_id);
  const day = sessions
    .filter(ofTheDay)
    .map((s): TodaySession => {
      const groupId = s.group_id;
      const marked = new Set(marks.filter((m) => m.session_id === s.id).map((m) => m.athlete_id));
      const members = athletes.filter(
        (a) => (a.group_id === groupId && a.status === 'active') || marked.has(a.id),
      );
      return {
        id: s.id,
        orgId: s.org_id,
        groupId,
        groupName: groupName.get(groupId) ?? '',
        // an empty title or room is none
        title: s.title || null,
        room: s.room || null,
        startsAt: Date.parse(s.starts_at),
        endsAt: Date.parse(s.ends_at),
        timeZone: s.time_zone || 'UTC',
        cancelled: s.status === 'cancelled',
        markable: sessionDayHasCome({ localDate: s.local_date, timeZone: s.time_zone }, now),
        athletes: members
          .map((a) => ({
            id: a.id,
            name: a.name,
            status: bySessionAthlete.get(`${s.id}/${a.id}`) ?? null,
            season: attendanceSummary(byAthlete.get(a.id) ?? [], season),
          }))
          .sort((a, b) => a.name.localeCompare(b.name, 'ru')),
      };
    })
    .sort((a, b) => a.startsAt - b.startsAt || a.groupName.localeCompare(b.groupName, 'ru'));
  return { date, season, sessions: day, synced };
}

/** follows readToday as the device's data changes */
export function observeToday(
  engine: SyncEngine,
  date: LocalDate,
  onChange: (data: TodayData) => void,
): LocalSubscription {
  return observeLocal(
    () => readToday(engine.db, engine.userId, date, Date.now()),
    onChange,
    'today',
  );
}

/** follows todayOf: the user's home zone arrives with sync */
export function observeTodayDate(
  engine: SyncEngine,
  onChange: (today: LocalDate) => void,
): LocalSubscription {
  return observeLocal(() => todayOf(engine.db, engine.userId, Date.now()), onChange, 'today');
}
