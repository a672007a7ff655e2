// What the booking screens read from the user's device: the scheduling tables a
// device replicates (rules, sessions, bookings, conflicts) with the people and
// organizations around them. One live query, so every screen follows sync and
// works offline; each page picks what it shows.
import type { Interval } from '../../domain/interval-set.ts';
import { hasRoleAtLeast, isRole, type Role } from '../../domain/organization.ts';
import type { SlotSettings } from '../../domain/slots.ts';
import type { WeeklyWindow } from '../../domain/weekly-rule.ts';
import { parseLocalTime } from '../../domain/zoned-time.ts';
import type { Json } from '../../data/json.ts';
import { liveRows, myMemberships } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type {
  AvailabilityAdditionRow,
  BlockedSlotRow,
  BookingRow,
  CoachSettingRow,
  CreditBalanceRow,
  RecurringBookingRow,
  SessionConflictRow,
  TrainingSessionRow,
  WeeklyAvailabilityRow,
} from '../../data/synced-rows.ts';

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
  settings: CoachSettingRow[];
  weekly: WeeklyAvailabilityRow[];
  /** blocked time, with its reason: staff only (a member's device holds none) */
  blocked: BlockedSlotRow[];
  additions: AvailabilityAdditionRow[];
  sessions: TrainingSessionRow[];
  bookings: BookingRow[];
  recurring: RecurringBookingRow[];
  conflicts: SessionConflictRow[];
  /** the user's session credits per organization (a booking summary shows them) */
  credits: CreditBalanceRow[];
}

/** unavailable time or extra time: what the availability screen lists of either */
export type AvailabilityRange = BlockedSlotRow | AvailabilityAdditionRow;

export function observeBookingData(
  engine: SyncEngine,
  onChange: (data: BookingData) => void,
): LocalSubscription {
  const db = engine.db;
  return observeLocal(
    async (): Promise<BookingData> => {
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
        credits,
      ] = await Promise.all([
        myMemberships(db),
        // a deleted profile still names the coach of a past session
        db.rows('profiles').toArray(),
        liveRows(db, 'organizations'),
        liveRows(db, 'coach_settings'),
        liveRows(db, 'weekly_availability'),
        liveRows(db, 'blocked_slots'),
        liveRows(db, 'availability_additions'),
        liveRows(db, 'training_sessions'),
        liveRows(db, 'bookings'),
        liveRows(db, 'recurring_bookings'),
        liveRows(db, 'session_conflicts'),
        liveRows(db, 'credit_balances'),
      ]);
      const roles = new Map<string, Role>();
      for (const m of memberships) {
        if (isRole(m.role)) roles.set(m.org_id, m.role);
      }
      const orgs = new Map<string, OrgInfo>();
      for (const o of organizations) {
        orgs.set(o.id, { id: o.id, name: o.name, timeZone: o.time_zone || 'UTC' });
      }
      return {
        userId: engine.userId,
        roles,
        orgs,
        names: new Map(profiles.map((p) => [p.id, p.display_name])),
        settings,
        weekly,
        blocked,
        additions,
        sessions,
        bookings,
        recurring,
        conflicts,
        credits: credits.filter((c) => c.user_id === engine.userId),
      };
    },
    onChange,
    'booking',
  );
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
    .filter((s) => data.roles.has(s.org_id))
    .map((s) => ({
      orgId: s.org_id,
      coachId: s.coach_id,
      name: data.names.get(s.coach_id) || s.coach_id,
      orgName: data.orgs.get(s.org_id)?.name ?? '',
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

const ofCoach =
  (orgId: string, coachId: string) =>
  (row: { org_id: string; coach_id: string }): boolean =>
    row.org_id === orgId && row.coach_id === coachId;

export function settingsOf(
  data: BookingData,
  orgId: string,
  coachId: string,
): CoachSettingRow | null {
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
    const zone = settingsOf(data, org.id, data.userId)?.time_zone;
    if (zone) return zone;
  }
  return orgs[0]?.timeZone ?? [...data.orgs.values()][0]?.timeZone ?? 'UTC';
}

/** '16:00:00' or '16:00' → minutes after midnight (24:00 = 1440) */
export function timeMinutes(value: string): number {
  return parseLocalTime(value.slice(0, 5));
}

export function instant(value: string): number {
  return Date.parse(value);
}

export function weeklyRows(
  data: BookingData,
  orgId: string,
  coachId: string,
): WeeklyAvailabilityRow[] {
  return data.weekly
    .filter(ofCoach(orgId, coachId))
    .sort(
      (a, b) =>
        ((a.weekday + 6) % 7) - ((b.weekday + 6) % 7) ||
        timeMinutes(a.start_time) - timeMinutes(b.start_time),
    );
}

export function rangeRows<R extends AvailabilityRange>(
  rows: R[],
  orgId: string,
  coachId: string,
): R[] {
  return rows
    .filter(ofCoach(orgId, coachId))
    .sort((a, b) => instant(a.starts_at) - instant(b.starts_at));
}

/**
 * The slot rules of one coach, as src/domain/slots.ts takes them. Only the
 * organization's staff read blocked_slots, so for a member `blocked` is empty:
 * the coach's blocked time reaches them from coach_busy_times, as ranges marked blocked.
 */
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
  const toInterval = (r: AvailabilityRange): Interval => ({
    start: instant(r.starts_at),
    end: instant(r.ends_at),
  });
  const interval = s.slot_interval_minutes;
  return {
    settings: {
      zone: s.time_zone || 'UTC',
      durationMinutes: s.default_duration_minutes,
      ...(typeof interval === 'number' ? { intervalMinutes: interval } : {}),
      bufferBeforeMinutes: s.buffer_before_minutes,
      bufferAfterMinutes: s.buffer_after_minutes,
      minimumNoticeMinutes: s.minimum_notice_minutes,
      horizonDays: s.booking_horizon_days,
    },
    // one-to-one bookings use only the individual windows (private.fits_availability)
    weekly: weeklyRows(data, orgId, coachId)
      .filter((w) => w.is_individual)
      .map((w) => ({
        weekday: w.weekday,
        start: timeMinutes(w.start_time),
        end: timeMinutes(w.end_time),
      })),
    additions: rangeRows(data.additions, orgId, coachId).map(toInterval),
    blocked: rangeRows(data.blocked, orgId, coachId).map(toInterval),
  };
}

/** the coach's active sessions this device can see (its own, for a member) */
export function knownBusy(data: BookingData, coachId: string): Interval[] {
  return data.sessions
    .filter((t) => t.coach_id === coachId && t.status !== 'cancelled')
    .map((t) => ({ start: instant(t.starts_at), end: instant(t.ends_at) }));
}

/** a count an RPC answers with (`sessions_created`, `sessions_cancelled`), 0 when absent */
export function countIn(result: Json, key: string): number {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return 0;
  const value = result[key];
  return typeof value === 'number' ? value : 0;
}

/** the user's credits in an organization, or null when they have never had any */
export function creditsIn(data: BookingData, orgId: string): number | null {
  return data.credits.find((c) => c.org_id === orgId)?.balance ?? null;
}

/**
 * A session that only ever held an unpaid booking: the guest never paid, the
 * hold was released, and the session was cancelled with it. It never happened
 * for the coach, so the calendar leaves it out (a late payment that revives it
 * brings it back, confirmed).
 */
export function isReleasedHold(data: BookingData, s: TrainingSessionRow): boolean {
  if (s.status !== 'cancelled') return false;
  const own = data.bookings.filter((b) => b.session_id === s.id);
  return own.length > 0 && own.every((b) => b.status === 'expired');
}

/** a one-to-one session held for a guest's payment, not confirmed yet */
export function awaitsPayment(data: BookingData, s: TrainingSessionRow): boolean {
  return (
    s.status === 'scheduled' &&
    data.bookings.some((b) => b.session_id === s.id && b.status === 'pending_payment')
  );
}

/**
 * Who is booked into `s`, by name: a group session's confirmed seats, or a
 * one-to-one session's member — or, when a guest booked it from the coach's
 * public page, the name the guest gave (a guest has no account to name).
 */
export function bookedNames(data: BookingData, s: TrainingSessionRow): string[] {
  const nameOf = (b: BookingRow) =>
    b.member_id === null ? (b.guest_name ?? '') : (data.names.get(b.member_id) ?? '');
  if (s.kind === 'group')
    return data.bookings
      .filter((b) => b.session_id === s.id && b.status === 'confirmed')
      .map(nameOf)
      .filter((n) => n !== '');
  if (s.member_id !== null) return [data.names.get(s.member_id) ?? ''].filter((n) => n !== '');
  const guest = data.bookings.find(
    (b) => b.session_id === s.id && b.guest_name !== null && b.status !== 'expired',
  );
  return guest ? [nameOf(guest)] : [];
}
