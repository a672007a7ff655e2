// Who a coach's sessions concern, from the device (so the calendar and a
// session's details read offline): each group's name and active athletes, and
// the attendance marks of every session. The booking screens' own data
// (booking-data.ts) has the sessions, bookings and names.
import { isAttendanceStatus } from '../../domain/attendance.ts';
import type { SessionMark } from '../../domain/session-turnout.ts';
import { liveRows } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { UserDatabase } from '../../data/open-user-database.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';

export interface PersonRef {
  id: string;
  name: string;
}

export interface SessionPeople {
  /** group names by id (a deleted group still names its past sessions) */
  groupNames: Map<string, string>;
  /** each group's active athletes, by name */
  groupAthletes: Map<string, PersonRef[]>;
  /** athlete names by id, archived ones too (a mark outlives a move) */
  athleteNames: Map<string, string>;
  /** each session's marks (cleared ones included, with a null status) */
  marks: Map<string, SessionMark[]>;
}

export async function readSessionPeople(db: UserDatabase): Promise<SessionPeople> {
  const [groups, athletes, marks] = await Promise.all([
    db.rows('training_groups').toArray(),
    liveRows(db, 'athletes'),
    liveRows(db, 'attendance'),
  ]);
  const groupAthletes = new Map<string, PersonRef[]>();
  for (const a of [...athletes].sort((x, y) => x.name.localeCompare(y.name, 'ru'))) {
    if (a.status !== 'active' || !a.group_id) continue;
    const list = groupAthletes.get(a.group_id) ?? [];
    list.push({ id: a.id, name: a.name });
    groupAthletes.set(a.group_id, list);
  }
  const bySession = new Map<string, SessionMark[]>();
  for (const m of marks) {
    const list = bySession.get(m.session_id) ?? [];
    list.push({ athleteId: m.athlete_id, status: isAttendanceStatus(m.status) ? m.status : null });
    bySession.set(m.session_id, list);
  }
  return {
    groupNames: new Map(groups.map((g) => [g.id, g.name])),
    groupAthletes,
    athleteNames: new Map(athletes.map((a) => [a.id, a.name])),
    marks: bySession,
  };
}

export function observeSessionPeople(
  engine: SyncEngine,
  onChange: (people: SessionPeople) => void,
): LocalSubscription {
  return observeLocal(() => readSessionPeople(engine.db), onChange, 'booking');
}
