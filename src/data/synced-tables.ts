// The registry of synced tables: one declaration per table a device replicates.
// A later feature (sessions, attendance, availability, bookings, purchases) adds
// one line here and one row in the server's `sync.tables`; pull, push, access
// reconciliation and the local schema follow from it.

export interface SyncedTableDeclaration {
  /** the table in Postgres `public` and the Dexie store */
  readonly name: string;
  /** Dexie secondary indexes for local queries (the primary key is always `id`) */
  readonly indexes: readonly string[];
  /** the local schema version that introduced the table (bump to add tables) */
  readonly since: number;
}

export const syncedTables: readonly SyncedTableDeclaration[] = [
  // tenancy (20261122110000_create_tenancy.sql)
  { name: 'organizations', indexes: [], since: 1 },
  { name: 'profiles', indexes: [], since: 1 },
  { name: 'memberships', indexes: ['org_id', 'user_id'], since: 1 },
  // people (20261122110100_create_athletes.sql)
  { name: 'training_groups', indexes: ['org_id'], since: 1 },
  { name: 'training_group_coaches', indexes: ['org_id', 'group_id', 'user_id'], since: 1 },
  { name: 'athletes', indexes: ['org_id', 'group_id', 'user_id'], since: 1 },
  { name: 'rank_history', indexes: ['org_id', 'athlete_id'], since: 1 },
  // scheduling (20261122200000_scheduling.sql); its screens may add indexes
  { name: 'coach_settings', indexes: ['org_id', 'coach_id'], since: 1 },
  { name: 'weekly_availability', indexes: ['org_id', 'coach_id'], since: 1 },
  { name: 'blocked_slots', indexes: ['org_id', 'coach_id'], since: 1 },
  { name: 'availability_additions', indexes: ['org_id', 'coach_id'], since: 1 },
  { name: 'group_timetables', indexes: ['org_id', 'group_id'], since: 1 },
  { name: 'recurring_bookings', indexes: ['org_id', 'coach_id', 'member_id'], since: 1 },
  { name: 'training_sessions', indexes: ['org_id', 'coach_id', 'starts_at'], since: 1 },
  { name: 'bookings', indexes: ['org_id', 'session_id', 'member_id'], since: 1 },
  { name: 'session_conflicts', indexes: ['org_id', 'coach_id'], since: 1 },
  // money (20261122300000_money.sql)
  { name: 'moyklass_snapshots', indexes: ['org_id'], since: 1 },
  { name: 'purchases', indexes: ['org_id'], since: 1 },
  { name: 'credit_balances', indexes: ['org_id'], since: 1 },
  // each person's email switches (20261122300000_money.sql)
  { name: 'email_preferences', indexes: ['user_id'], since: 1 },
  // attendance marks (20261204121000_attendance.sql)
  { name: 'attendance', indexes: ['org_id', 'session_id', 'athlete_id'], since: 2 },
  // staff-only contacts of an athlete, id = the athlete's (20261206146000_athlete_contacts.sql)
  { name: 'athlete_contacts', indexes: ['org_id'], since: 3 },
  // mini-courses (20261206156000_courses.sql): a lesson's row is on the device only while its
  // select policy (the entitlement) shows it, so access reconciliation takes it off after a refund
  { name: 'courses', indexes: ['org_id'], since: 4 },
  { name: 'course_enrollments', indexes: ['course_id', 'user_id'], since: 4 },
  { name: 'course_lessons', indexes: ['course_id'], since: 4 },
  { name: 'lesson_progress', indexes: ['enrollment_id', 'lesson_id'], since: 4 },
  // analytics (20261206161000_analytics.sql): funnels as data, and a coach's figures per day,
  // read on the device so the last ones show offline
  { name: 'analytics_funnels', indexes: [], since: 5 },
  { name: 'coach_analytics_days', indexes: ['coach_id', 'day'], since: 5 },
  // a club's aggregate figures, suppressed below 5 people (20261206162000_club_analytics.sql)
  { name: 'club_analytics_cells', indexes: ['org_id'], since: 5 },
  // the coach's tools (20261207100000_coach_tools_core.sql): individual coaching, plans, their
  // workouts (read a day at a time: plan_id with week and day), assignments and logs
  { name: 'coach_athletes', indexes: ['org_id', 'coach_id', 'athlete_id'], since: 6 },
  { name: 'plan_assignments', indexes: ['org_id', 'plan_id'], since: 6 },
  { name: 'training_plans', indexes: ['org_id', 'athlete_id', 'source_plan_id'], since: 6 },
  { name: 'plan_workouts', indexes: ['plan_id', '[plan_id+week]'], since: 6 },
  { name: 'workout_logs', indexes: ['athlete_id', 'workout_id'], since: 6 },
  // results and the ЕВСК norms a suggestion reads offline (20261207120000_results.sql)
  { name: 'evsk_norms', indexes: ['discipline'], since: 6 },
  { name: 'competition_results', indexes: ['org_id', 'athlete_id'], since: 6 },
  // messages (20261207130000_messages.sql): announcements and who read them, athlete–coach
  // conversations; read ids derive from their natural keys so two devices write one row
  { name: 'announcements', indexes: ['org_id', 'group_id'], since: 6 },
  { name: 'announcement_reads', indexes: ['announcement_id', 'user_id'], since: 6 },
  { name: 'conversations', indexes: ['org_id', 'athlete_id', 'coach_id'], since: 6 },
  { name: 'conversation_messages', indexes: ['conversation_id'], since: 6 },
  { name: 'conversation_reads', indexes: ['conversation_id', 'user_id'], since: 6 },
  { name: 'club_challenges', indexes: ['org_id'], since: 7 },
  { name: 'club_challenge_participants', indexes: ['challenge_id', 'user_id'], since: 7 },
];
