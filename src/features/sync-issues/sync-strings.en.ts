import type { syncStrings } from './sync-strings.ts';
import type { Translation } from '../../i18n/localized.ts';

function changes(n: number): string {
  return `${n} ${n === 1 ? 'change' : 'changes'}`;
}

export const sync: Translation<typeof syncStrings> = {
  online: 'Online',
  offline: 'Offline',
  syncing: 'Syncing…',
  failingShort: 'Failed',
  failing: (retryAt) =>
    `The server is not answering${retryAt ? `, trying again at ${retryAt}` : ''}`,
  retryNow: 'Sync again now',
  pendingShort: (n) => `↑${n}`,
  pending: (n) => (n === 0 ? 'All changes sent' : `Not sent: ${changes(n)}`),
  lastSync: (time) => `Synced at ${time}`,
  neverSynced: 'Not synced yet',
  rejectedShort: (n) => `! ${n}`,
  attention: (rejected, superseded) => {
    const parts = [
      rejected > 0 ? `Refused by the server: ${changes(rejected)}` : '',
      superseded > 0 ? `Changed by someone else: ${changes(superseded)}` : '',
    ].filter(Boolean);
    return `${parts.join('. ')}. Open the list`;
  },
  needsSignIn: 'Sign in again to keep syncing',
  confirmLogout: (n) =>
    `${changes(n)} ${n === 1 ? 'has' : 'have'} not reached the server yet and will be lost if you sign out. Sign out?`,
  issues: {
    title: 'Unsynced changes',
    empty: 'The server has accepted every change.',
    waiting: (n) => `Waiting to be sent: ${changes(n)}. The server has not seen them yet.`,
    waitingOffline: 'Offline: they will be sent as soon as there is a connection.',
    waitingOnline: 'Sending…',
    rejectedTitle: 'Refused by the server',
    supersededTitle: 'Changed by someone else',
    supersededHint:
      'Someone changed this later without seeing your change, and their value was kept. Put yours back or leave it.',
    mine: 'Your value',
    theirs: 'Kept now',
    theirsBy: (name) => `Kept now (${name})`,
    keepMine: 'Put mine back',
    keepTheirs: 'Leave it',
    unnamed: 'no name',
    values: 'Values',
    reason: 'Reason',
    retry: 'Retry',
    discard: 'Discard',
    edit: 'Change the value',
    back: 'Home',
    details: 'Server response',
    hidden: (text) => `With its hidden characters shown: ${text}`,
    kindName: (table) =>
      ({
        athletes: 'Athlete',
        training_groups: 'Group',
        rank_history: 'Rank',
        training_sessions: 'Session',
        bookings: 'Booking',
        email_preferences: 'Email setting',
        attendance: 'Attendance mark',
        coach_settings: 'Booking setting',
        athlete_contacts: 'Athlete contacts',
        weekly_availability: 'Weekly window',
        blocked_slots: 'Unavailable time',
        availability_additions: 'Extra time',
      })[table] ?? 'Change',
    fieldName: (field) =>
      ({
        name: 'Name',
        schedule: 'Schedule',
        rank_start: 'Rank at the start of the season',
        rank_end: 'Rank at the end of the season',
        notes: 'Notes',
        status: 'Status',
        time_zone: 'Time zone',
        default_duration_minutes: 'Session length',
        buffer_before_minutes: 'Break before a session',
        buffer_after_minutes: 'Break after a session',
        minimum_notice_minutes: 'Minimum notice',
        slot_interval_minutes: 'Start times every',
        booking_horizon_days: 'Bookable ahead',
        cancellation_window_minutes: 'Cancellation window',
        default_room: 'Default room',
        weekday: 'Weekday',
        start_time: 'Start',
        end_time: 'End',
        starts_at: 'Start',
        ends_at: 'End',
        marked_at: 'Marked at',
        guardian_name: 'Parent or guardian',
        guardian_phone: "Parent's phone",
        guardian_email: "Parent's email",
        phone: "Athlete's phone",
        birth_date: 'Date of birth',
        room: 'Room',
        reason: 'Reason',
        is_individual: 'One-to-one',
        is_group: 'Group',
      })[field] ?? field,
    reasonName: (reason) =>
      ({
        forbidden: 'You may not make this change',
        invalid: 'The server did not accept the value',
        conflict: 'Conflicts with another change',
        reference: 'A linked record was not found or belongs to another club',
        rule: 'Breaks a club rule',
        unknown_table: 'This kind of data does not sync',
        unreadable:
          'The server could not read the value: it holds invalid invisible characters. Fix the text and retry',
        superseded: 'Changed by someone else',
      })[reason] ?? 'Server error',
  },
};
