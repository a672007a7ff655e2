// What «Сегодня» reads from the user's device: the day's group sessions of the
// groups the user coaches (every group of an organization they administer), each
// with its athletes, their marks and their attendance this season. One read
// function (tested with fake-indexeddb) and its live query.
import { liveQuery, type Subscription } from 'dexie';
import {
  attendanceSummary,
  isAttendanceStatus,
  type AttendanceMark,
  type AttendanceStatus,
  type AttendanceSummary,
} from '../../domain/attendance.ts';
import { hasRoleAtLeast, ROLES, type Role } from '../../domain/organization.ts';
import { seasonOfDate } from '../../domain/season.ts';
import type { SyncRow } from '../../domain/sync-outbox.ts';
import { isValidZone, localDateAt, type LocalDate } from '../../domain/zoned-time.ts';
import type { UserDatabase } from '../../data/open-user-database.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';

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
  athletes: TodayAthlete[];
}

export interface TodayData {
  date: LocalDate;
  season: string;
  sessions: TodaySession[];
}

const live = (row: SyncRow): boolean => row['deleted_at'] == null;

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function instant(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

/** the user's active role in each organization */
async function rolesOf(db: UserDatabase, userId: string): Promise<Map<string, Role>> {
  const memberships = await db.rows('memberships').where('user_id').equals(userId).toArray();
  const roles = new Map<string, Role>();
  for (const m of memberships) {
    if (live(m) && m['left_at'] == null && isRole(m['role']))
      roles.set(String(m['org_id']), m['role']);
  }
  return roles;
}

/**
 * The time zone "today" is read in: the zone of the first organization (by name)
 * where the user is staff, else of any organization, else UTC.
 */
export async function homeZone(db: UserDatabase, userId: string): Promise<string> {
  const roles = await rolesOf(db, userId);
  const orgs = (await db.rows('organizations').toArray())
    .filter((o) => live(o) && roles.has(o.id))
    .sort((a, b) => {
      const staff = (o: SyncRow) => hasRoleAtLeast(roles.get(o.id) ?? 'member', 'coach');
      return (
        Number(staff(b)) - Number(staff(a)) || String(a['name']).localeCompare(String(b['name']))
      );
    });
  const zone = str(orgs[0]?.['time_zone']);
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
    db.rows('training_group_coaches').where('user_id').equals(userId).toArray(),
    db.rows('training_groups').toArray(),
  ]);
  const ids = new Set<string>();
  for (const c of coaches) {
    const role = roles.get(String(c['org_id']));
    if (live(c) && role && hasRoleAtLeast(role, 'coach')) ids.add(String(c['group_id']));
  }
  for (const g of groups) {
    const role = roles.get(String(g['org_id']));
    if (live(g) && role && hasRoleAtLeast(role, 'admin')) ids.add(g.id);
  }
  return ids;
}

/** the day's sessions with their athletes, marks and season attendance */
export async function readToday(
  db: UserDatabase,
  userId: string,
  date: LocalDate,
): Promise<TodayData> {
  const season = seasonOfDate(date);
  const [groupIds, sessions, groups, athletes, marks] = await Promise.all([
    markableGroups(db, userId),
    db.rows('training_sessions').toArray(),
    db.rows('training_groups').toArray(),
    db.rows('athletes').toArray(),
    db.rows('attendance').toArray(),
  ]);
  const groupName = new Map(groups.map((g) => [g.id, str(g['name']) ?? '']));
  const sessionDate = new Map(sessions.map((s) => [s.id, String(s['local_date'])]));
  const liveMarks = marks.filter(live);
  const byAthlete = new Map<string, AttendanceMark[]>();
  const bySessionAthlete = new Map<string, AttendanceStatus>();
  for (const m of liveMarks) {
    const status = m['status'];
    if (!isAttendanceStatus(status)) continue;
    const athleteId = String(m['athlete_id']);
    bySessionAthlete.set(`${String(m['session_id'])}/${athleteId}`, status);
    const localDate = sessionDate.get(String(m['session_id']));
    if (localDate) {
      const list = byAthlete.get(athleteId) ?? [];
      list.push({ status, localDate });
      byAthlete.set(athleteId, list);
    }
  }
  const liveAthletes = athletes.filter(live);
  const day = sessions
    .filter(
      (s) =>
        live(s) &&
        s['kind'] === 'group' &&
        s['local_date'] === date &&
        typeof s['group_id'] === 'string' &&
        groupIds.has(s['group_id']),
    )
    .map((s): TodaySession => {
      const groupId = String(s['group_id']);
      const marked = new Set(
        liveMarks.filter((m) => m['session_id'] === s.id).map((m) => String(m['athlete_id'])),
      );
      const members = liveAthletes.filter(
        (a) => (a['group_id'] === groupId && a['status'] === 'active') || marked.has(a.id),
      );
      return {
        id: s.id,
        orgId: String(s['org_id']),
        groupId,
        groupName: groupName.get(groupId) ?? '',
        title: str(s['title']),
        room: str(s['room']),
        startsAt: instant(s['starts_at']),
        endsAt: instant(s['ends_at']),
        timeZone: str(s['time_zone']) ?? 'UTC',
        cancelled: s['status'] === 'cancelled',
        athletes: members
          .map((a) => ({
            id: a.id,
            name: str(a['name']) ?? '',
            status: bySessionAthlete.get(`${s.id}/${a.id}`) ?? null,
            season: attendanceSummary(byAthlete.get(a.id) ?? [], season),
          }))
          .sort((a, b) => a.name.localeCompare(b.name, 'ru')),
      };
    })
    .sort((a, b) => a.startsAt - b.startsAt || a.groupName.localeCompare(b.groupName, 'ru'));
  return { date, season, sessions: day };
}

/** follows readToday as the device's data changes */
export function observeToday(
  engine: SyncEngine,
  date: LocalDate,
  onChange: (data: TodayData) => void,
): Subscription {
  return liveQuery(() => readToday(engine.db, engine.userId, date)).subscribe({
    next: onChange,
    error: (e: unknown) => console.error('today query failed', e),
  });
}

/** one athlete's marks with their sessions' dates (for the athlete page's percentage) */
export async function readAthleteMarks(
  db: UserDatabase,
  athleteId: string,
): Promise<AttendanceMark[]> {
  const marks = await db.rows('attendance').where('athlete_id').equals(athleteId).toArray();
  const out: AttendanceMark[] = [];
  for (const m of marks) {
    const status = m['status'];
    if (!live(m) || !isAttendanceStatus(status)) continue;
    const session = await db.rows('training_sessions').get(String(m['session_id']));
    const localDate = session ? str(session['local_date']) : null;
    if (localDate) out.push({ status, localDate });
  }
  return out;
}
