// What the booking screens read from the user's device: the scheduling tables a
// device replicates (rules, sessions, bookings, conflicts) with the people and
// organizations around them. One live query, so every screen follows sync and
// works offline; each page picks what it shows.
import { liveQuery, type Subscription } from 'dexie';
import type { Interval } from '../../domain/interval-set.ts';
import { hasRoleAtLeast, ROLES, type Role } from '../../domain/organization.ts';
import type { SlotSettings } from '../../domain/slots.ts';
import type { SyncRow } from '../../domain/sync-outbox.ts';
import type { WeeklyWindow } from '../../domain/weekly-rule.ts';
import { parseLocalTime } from '../../domain/zoned-time.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';

export interface OrgInfo {
  id: string;
  name: string;
  timeZone: string;
}

export interface BookableCoach {
  orgId: string;
  coachId: string;
  name: string;
  orgName: string;
}

export interface BookingData {
  userId: string;
  /** the signed-in user's role in each organization they are an active member of */
  roles: Map<string, Role>;
  orgs: Map<string, OrgInfo>;
  /** display names by user id */
  names: Map<string, string>;
  settings: SyncRow[];
  weekly: SyncRow[];
  blocked: SyncRow[];
  additions: SyncRow[];
  sessions: SyncRow[];
  bookings: SyncRow[];
  recurring: SyncRow[];
  conflicts: SyncRow[];
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

const live = (row: SyncRow): boolean => row['deleted_at'] == null;

export function observeBookingData(
  engine: SyncEngine,
  onChange: (data: BookingData) => void,
): Subscription {
  const all = (table: string) => engine.db.store(table).toArray();
  return liveQuery(async (): Promise<BookingData> => {
    const [
      memberships,
      profiles,
      organizations,
      settings,
      weekly,
      blocked,
      additions,
      sessions,
      bookings,
      recurring,
      conflicts,
    ] = await Promise.all(
      [
        'memberships',
        'profiles',
        'organizations',
        'coach_settings',
        'weekly_availability',
        'blocked_slots',
        'availability_additions',
        'training_sessions',
        'bookings',
        'recurring_bookings',
        'session_conflicts',
      ].map(all),
    );
    const roles = new Map<string, Role>();
    for (const m of memberships ?? []) {
      if (m['user_id'] === engine.userId && m['left_at'] == null && live(m) && isRole(m['role'])) {
        roles.set(String(m['org_id']), m['role']);
      }
    }
    const orgs = new Map<string, OrgInfo>();
    for (const o of (organizations ?? []).filter(live)) {
      orgs.set(o.id, {
        id: o.id,
        name: str(o['name']) ?? '',
        timeZone: str(o['time_zone']) ?? 'UTC',
      });
    }
    return {
      userId: engine.userId,
      roles,
      orgs,
      names: new Map((profiles ?? []).map((p) => [p.id, str(p['display_name']) ?? ''])),
      settings: (settings ?? []).filter(live),
      weekly: (weekly ?? []).filter(live),
      blocked: (blocked ?? []).filter(live),
      additions: (additions ?? []).filter(live),
      sessions: (sessions ?? []).filter(live),
      bookings: (bookings ?? []).filter(live),
      recurring: (recurring ?? []).filter(live),
      conflicts: (conflicts ?? []).filter(live),
    };
  }).subscribe({ next: onChange, error: (e: unknown) => console.error('booking query failed', e) });
}

/** organizations where the user is staff (coach, admin or owner), by name */
export function staffOrgs(data: BookingData): OrgInfo[] {
  return [...data.roles]
    .filter(([, role]) => hasRoleAtLeast(role, 'coach'))
    .map(([id]) => data.orgs.get(id) ?? { id, name: id, timeZone: 'UTC' })
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

/** coaches of the user's organizations who take bookings (they have settings) */
export function bookableCoaches(data: BookingData): BookableCoach[] {
  return data.settings
    .filter((s) => data.roles.has(String(s['org_id'])))
    .map((s) => {
      const orgId = String(s['org_id']);
      const coachId = String(s['coach_id']);
      return {
        orgId,
        coachId,
        name: data.names.get(coachId) || coachId,
        orgName: data.orgs.get(orgId)?.name ?? '',
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

const ofCoach = (orgId: string, coachId: string) => (row: SyncRow) =>
  row['org_id'] === orgId && row['coach_id'] === coachId;

export function settingsOf(data: BookingData, orgId: string, coachId: string): SyncRow | null {
  return data.settings.find(ofCoach(orgId, coachId)) ?? null;
}

/**
 * The zone a coach's own calendar is drawn in: their settings in the club the app
 * is showing (the switcher's), else in the other clubs they coach, else the
 * club's own zone.
 */
export function calendarZone(data: BookingData, currentOrgId: string | null): string {
  const orgs = staffOrgs(data).sort(
    (a, b) => Number(b.id === currentOrgId) - Number(a.id === currentOrgId),
  );
  for (const org of orgs) {
    const zone = settingsOf(data, org.id, data.userId)?.['time_zone'];
    if (typeof zone === 'string' && zone) return zone;
  }
  return orgs[0]?.timeZone ?? [...data.orgs.values()][0]?.timeZone ?? 'UTC';
}

/** '16:00:00' or '16:00' → minutes after midnight (24:00 = 1440) */
export function timeMinutes(value: unknown): number {
  return parseLocalTime(String(value).slice(0, 5));
}

export function instant(value: unknown): number {
  return Date.parse(String(value));
}

export function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function weeklyRows(data: BookingData, orgId: string, coachId: string): SyncRow[] {
  return data.weekly
    .filter(ofCoach(orgId, coachId))
    .sort(
      (a, b) =>
        ((Number(a['weekday']) + 6) % 7) - ((Number(b['weekday']) + 6) % 7) ||
        timeMinutes(a['start_time']) - timeMinutes(b['start_time']),
    );
}

export function rangeRows(rows: SyncRow[], orgId: string, coachId: string): SyncRow[] {
  return rows
    .filter(ofCoach(orgId, coachId))
    .sort((a, b) => instant(a['starts_at']) - instant(b['starts_at']));
}

/** the slot rules of one coach, as src/domain/slots.ts takes them */
export function slotRules(
  data: BookingData,
  orgId: string,
  coachId: string,
): {
  settings: SlotSettings;
  weekly: WeeklyWindow[];
  additions: Interval[];
  blocked: Interval[];
} | null {
  const s = settingsOf(data, orgId, coachId);
  if (!s) return null;
  const toInterval = (r: SyncRow): Interval => ({
    start: instant(r['starts_at']),
    end: instant(r['ends_at']),
  });
  const interval = s['slot_interval_minutes'];
  return {
    settings: {
      zone: str(s['time_zone']) ?? 'UTC',
      durationMinutes: num(s['default_duration_minutes'], 60),
      ...(typeof interval === 'number' ? { intervalMinutes: interval } : {}),
      bufferBeforeMinutes: num(s['buffer_before_minutes'], 0),
      bufferAfterMinutes: num(s['buffer_after_minutes'], 0),
      minimumNoticeMinutes: num(s['minimum_notice_minutes'], 0),
      horizonDays: num(s['booking_horizon_days'], 60),
    },
    // one-to-one bookings use only the individual windows (private.fits_availability)
    weekly: weeklyRows(data, orgId, coachId)
      .filter((w) => w['is_individual'] !== false)
      .map((w) => ({
        weekday: Number(w['weekday']),
        start: timeMinutes(w['start_time']),
        end: timeMinutes(w['end_time']),
      })),
    additions: rangeRows(data.additions, orgId, coachId).map(toInterval),
    blocked: rangeRows(data.blocked, orgId, coachId).map(toInterval),
  };
}

/** the coach's active sessions this device can see (its own, for a member) */
export function knownBusy(data: BookingData, coachId: string): Interval[] {
  return data.sessions
    .filter((t) => t['coach_id'] === coachId && t['status'] !== 'cancelled')
    .map((t) => ({ start: instant(t['starts_at']), end: instant(t['ends_at']) }));
}
