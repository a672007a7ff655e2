-- scheduling: row-level security of every table the scheduling migration adds,
-- for an admin (a1), the group's coach (c1), another coach (c2), the group's
-- athlete (d1), a member outside the group (d2), an admin of another organization
-- (e1) and anon; allowed and denied. generated in the same shape for each table.
begin;
select plan(117);

-- fixtures (as the migration owner) ---------------------------------------------------
insert into auth.users (id, email) values
  ('5c000000-0000-4000-b000-0000000000a1', 'sched-a1@test.local'),
  ('5c000000-0000-4000-b000-0000000000c1', 'sched-c1@test.local'),
  ('5c000000-0000-4000-b000-0000000000c2', 'sched-c2@test.local'),
  ('5c000000-0000-4000-b000-0000000000d1', 'sched-d1@test.local'),
  ('5c000000-0000-4000-b000-0000000000d2', 'sched-d2@test.local'),
  ('5c000000-0000-4000-b000-0000000000e1', 'sched-e1@test.local');
insert into public.organizations (id, name, slug) values
  ('5c000000-0000-4000-a000-00000000000a', 'Sched A', 'sched-a'),
  ('5c000000-0000-4000-a000-00000000000b', 'Sched B', 'sched-b');
insert into public.memberships (org_id, user_id, role) values
  ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000a1', 'admin'),
  ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', 'coach'),
  ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c2', 'coach'),
  ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000d1', 'athlete'),
  ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000d2', 'member'),
  ('5c000000-0000-4000-a000-00000000000b', '5c000000-0000-4000-b000-0000000000e1', 'admin');
insert into public.training_groups (id, org_id, name) values
  ('5c000000-0000-4000-c000-000000000001', '5c000000-0000-4000-a000-00000000000a', 'Sprinters');
insert into public.training_groups (id, org_id, name) values
  ('5c000000-0000-4000-c000-00000000000b', '5c000000-0000-4000-a000-00000000000b', 'Other club''s group');
insert into public.training_group_coaches (org_id, group_id, user_id) values
  ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-c000-000000000001', '5c000000-0000-4000-b000-0000000000c1');
insert into public.athletes (org_id, group_id, user_id, name) values
  ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-c000-000000000001', '5c000000-0000-4000-b000-0000000000d1', 'Dana');

insert into public.coach_settings (id, org_id, coach_id, time_zone, minimum_notice_minutes) values
  ('5c000000-0000-4000-d000-000000000001', '5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', 'Europe/Berlin', 0);
insert into public.weekly_availability (id, org_id, coach_id, weekday, start_time, end_time, room) values
  ('5c000000-0000-4000-d000-000000000002', '5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', 1, '06:00', '07:00', 'track');
insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time)
  select '5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', d, '07:00', '22:00'
  from generate_series(0, 6) d;
insert into public.blocked_slots (id, org_id, coach_id, starts_at, ends_at, reason) values
  ('5c000000-0000-4000-d000-000000000003', '5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1',
   now() + interval '200 days', now() + interval '201 days', 'camp');
insert into public.availability_additions (id, org_id, coach_id, starts_at, ends_at, reason) values
  ('5c000000-0000-4000-d000-000000000004', '5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1',
   now() + interval '210 days', now() + interval '210 days 2 hours', 'extra');
insert into public.group_timetables (id, org_id, group_id, coach_id, weekday, start_time, duration_minutes, time_zone, start_date, capacity) values
  ('5c000000-0000-4000-d000-000000000005', '5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-c000-000000000001',
   '5c000000-0000-4000-b000-0000000000c1', 3, '06:00', 60, 'Europe/Berlin', current_date, 12);
select public.generate_sessions();

-- d1 books: a weekly series at 18:00, one session at 10:00, a seat in the group
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select public.create_recurring_booking('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1',
  extract(dow from current_date + 9)::int, '18:00', current_date + 7);
select public.book_slot('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1',
  ((current_date + 5) + time '10:00') at time zone 'Europe/Berlin');
select public.book_group_session((select id from public.training_sessions
  where timetable_id = '5c000000-0000-4000-d000-000000000005' order by starts_at desc limit 1));
reset role;
insert into public.session_conflicts (org_id, coach_id, kind, local_date, starts_at, ends_at) values
  ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', 'overlap', current_date + 3, now() + interval '3 days', now() + interval '3 days 1 hour');

-- rls is on, and the api roles get only what is granted ------------------------------
select is(
  (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and c.relrowsecurity
      and c.relname in ('coach_settings', 'weekly_availability', 'blocked_slots', 'availability_additions',
        'group_timetables', 'recurring_bookings', 'training_sessions', 'bookings', 'session_conflicts')),
  9, 'rls is enabled on every scheduling table');
select ok(not has_function_privilege('anon', 'public.book_slot(uuid, uuid, timestamptz, int, uuid, uuid)', 'execute'),
  'anon cannot book');
select ok(not has_function_privilege('authenticated', 'public.generate_sessions(date)', 'execute'),
  'only the service role runs generation');
select ok(has_function_privilege('authenticated',
  'public.create_recurring_booking(uuid, uuid, int, time, date, int, date, int, boolean, boolean, uuid, uuid)', 'execute'),
  'members may create recurring bookings');

-- the coach on a rule row is staff of the organization; a timetable's group is its own
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000a1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time)
    values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000d1', 1, '09:00', '10:00')$$,
  '42501', 'the coach must be staff of this organization', 'an admin cannot file availability for an athlete');
select throws_ok($$insert into public.group_timetables (org_id, group_id, coach_id, weekday, start_time,
    duration_minutes, time_zone, start_date) values ('5c000000-0000-4000-a000-00000000000a',
    '5c000000-0000-4000-c000-00000000000b', '5c000000-0000-4000-b000-0000000000c1', 1, '18:00', 60,
    'Europe/Berlin', current_date)$$, '23503', null, 'a timetable cannot name another organization''s group');
select throws_ok($$insert into public.coach_settings (org_id, coach_id, time_zone)
    values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c2', 'Mars/Base')$$,
  '22023', null, 'an unknown time zone is refused');
reset role;

-- coach_settings --------------------------------------------------------
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
select lives_ok($$insert into public.coach_settings (org_id, coach_id, time_zone) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c2', 'Europe/Berlin')$$, 'coach_settings: a coach adds their own');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000a1","role":"authenticated"}', true);
set local role authenticated;
select lives_ok($$insert into public.coach_settings (org_id, coach_id, time_zone) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000a1', 'Europe/Berlin')$$, 'coach_settings: an admin adds one for a coach');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.coach_settings (org_id, coach_id, time_zone) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', 'Europe/Berlin')$$, '42501', null, 'coach_settings: a coach cannot add one for another coach');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.coach_settings (org_id, coach_id, time_zone) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', 'Europe/Berlin')$$, '42501', null, 'coach_settings: an athlete cannot add one');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000e1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.coach_settings (org_id, coach_id, time_zone) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', 'Europe/Berlin')$$, '42501', null, 'coach_settings: an admin of another organization cannot add one');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.coach_settings where org_id = '5c000000-0000-4000-a000-00000000000a') > 0, 'coach_settings: members of the organization read them');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000e1","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.coach_settings where org_id = '5c000000-0000-4000-a000-00000000000a'), 0, 'coach_settings: other organizations read none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
update public.coach_settings set default_duration_minutes = 45 where id = '5c000000-0000-4000-d000-000000000001';
reset role;
select is((select default_duration_minutes::text from public.coach_settings where id = '5c000000-0000-4000-d000-000000000001'), '60', 'coach_settings: another coach''s edit touches nothing');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c1","role":"authenticated"}', true);
set local role authenticated;
update public.coach_settings set default_duration_minutes = 45 where id = '5c000000-0000-4000-d000-000000000001';
reset role;
select is((select default_duration_minutes::text from public.coach_settings where id = '5c000000-0000-4000-d000-000000000001'), '45', 'coach_settings: the coach edits their own');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$update public.coach_settings set coach_id = '5c000000-0000-4000-b000-0000000000c2' where id = '5c000000-0000-4000-d000-000000000001'$$, '42501', null, 'coach_settings: the owner column cannot be rewritten');
select throws_ok($$delete from public.coach_settings where id = '5c000000-0000-4000-d000-000000000001'$$, '42501', null, 'coach_settings: no hard deletes (tombstones only)');
update public.coach_settings set deleted_at = now() where id = '5c000000-0000-4000-d000-000000000001';
reset role;
select isnt((select deleted_at from public.coach_settings where id = '5c000000-0000-4000-d000-000000000001'), null, 'coach_settings: the coach tombstones their own');
set local role anon;
select throws_ok($$select * from public.coach_settings$$, '42501', null, 'coach_settings: anon reads nothing');
reset role;

-- weekly_availability ---------------------------------------------------
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
select lives_ok($$insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c2', 1, '06:00', '07:00')$$, 'weekly_availability: a coach adds their own');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000a1","role":"authenticated"}', true);
set local role authenticated;
select lives_ok($$insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', 1, '06:00', '07:00')$$, 'weekly_availability: an admin adds one for a coach');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', 1, '06:00', '07:00')$$, '42501', null, 'weekly_availability: a coach cannot add one for another coach');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', 1, '06:00', '07:00')$$, '42501', null, 'weekly_availability: an athlete cannot add one');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000e1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', 1, '06:00', '07:00')$$, '42501', null, 'weekly_availability: an admin of another organization cannot add one');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.weekly_availability where org_id = '5c000000-0000-4000-a000-00000000000a') > 0, 'weekly_availability: members of the organization read them');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000e1","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.weekly_availability where org_id = '5c000000-0000-4000-a000-00000000000a'), 0, 'weekly_availability: other organizations read none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
update public.weekly_availability set room = 'changed' where id = '5c000000-0000-4000-d000-000000000002';
reset role;
select is((select room::text from public.weekly_availability where id = '5c000000-0000-4000-d000-000000000002'), 'track', 'weekly_availability: another coach''s edit touches nothing');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c1","role":"authenticated"}', true);
set local role authenticated;
update public.weekly_availability set room = 'changed' where id = '5c000000-0000-4000-d000-000000000002';
reset role;
select is((select room::text from public.weekly_availability where id = '5c000000-0000-4000-d000-000000000002'), 'changed', 'weekly_availability: the coach edits their own');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$update public.weekly_availability set coach_id = '5c000000-0000-4000-b000-0000000000c2' where id = '5c000000-0000-4000-d000-000000000002'$$, '42501', null, 'weekly_availability: the owner column cannot be rewritten');
select throws_ok($$delete from public.weekly_availability where id = '5c000000-0000-4000-d000-000000000002'$$, '42501', null, 'weekly_availability: no hard deletes (tombstones only)');
update public.weekly_availability set deleted_at = now() where id = '5c000000-0000-4000-d000-000000000002';
reset role;
select isnt((select deleted_at from public.weekly_availability where id = '5c000000-0000-4000-d000-000000000002'), null, 'weekly_availability: the coach tombstones their own');
set local role anon;
select throws_ok($$select * from public.weekly_availability$$, '42501', null, 'weekly_availability: anon reads nothing');
reset role;

-- blocked_slots ---------------------------------------------------------
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
select lives_ok($$insert into public.blocked_slots (org_id, coach_id, starts_at, ends_at) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c2', now() + interval '300 days', now() + interval '300 days 1 hour')$$, 'blocked_slots: a coach adds their own');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000a1","role":"authenticated"}', true);
set local role authenticated;
select lives_ok($$insert into public.blocked_slots (org_id, coach_id, starts_at, ends_at) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', now() + interval '300 days', now() + interval '300 days 1 hour')$$, 'blocked_slots: an admin adds one for a coach');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.blocked_slots (org_id, coach_id, starts_at, ends_at) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', now() + interval '300 days', now() + interval '300 days 1 hour')$$, '42501', null, 'blocked_slots: a coach cannot add one for another coach');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.blocked_slots (org_id, coach_id, starts_at, ends_at) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', now() + interval '300 days', now() + interval '300 days 1 hour')$$, '42501', null, 'blocked_slots: an athlete cannot add one');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000e1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.blocked_slots (org_id, coach_id, starts_at, ends_at) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', now() + interval '300 days', now() + interval '300 days 1 hour')$$, '42501', null, 'blocked_slots: an admin of another organization cannot add one');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.blocked_slots where org_id = '5c000000-0000-4000-a000-00000000000a'), 0, 'blocked_slots: athletes read none (a coach''s busy time reaches them through coach_busy_times)');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.blocked_slots where org_id = '5c000000-0000-4000-a000-00000000000a') > 0, 'blocked_slots: the organization''s staff read them, another coach''s too');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000e1","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.blocked_slots where org_id = '5c000000-0000-4000-a000-00000000000a'), 0, 'blocked_slots: other organizations read none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
update public.blocked_slots set reason = 'changed' where id = '5c000000-0000-4000-d000-000000000003';
reset role;
select is((select reason::text from public.blocked_slots where id = '5c000000-0000-4000-d000-000000000003'), 'camp', 'blocked_slots: another coach''s edit touches nothing');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c1","role":"authenticated"}', true);
set local role authenticated;
update public.blocked_slots set reason = 'changed' where id = '5c000000-0000-4000-d000-000000000003';
reset role;
select is((select reason::text from public.blocked_slots where id = '5c000000-0000-4000-d000-000000000003'), 'changed', 'blocked_slots: the coach edits their own');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$update public.blocked_slots set coach_id = '5c000000-0000-4000-b000-0000000000c2' where id = '5c000000-0000-4000-d000-000000000003'$$, '42501', null, 'blocked_slots: the owner column cannot be rewritten');
select throws_ok($$delete from public.blocked_slots where id = '5c000000-0000-4000-d000-000000000003'$$, '42501', null, 'blocked_slots: no hard deletes (tombstones only)');
update public.blocked_slots set deleted_at = now() where id = '5c000000-0000-4000-d000-000000000003';
reset role;
select isnt((select deleted_at from public.blocked_slots where id = '5c000000-0000-4000-d000-000000000003'), null, 'blocked_slots: the coach tombstones their own');
set local role anon;
select throws_ok($$select * from public.blocked_slots$$, '42501', null, 'blocked_slots: anon reads nothing');
reset role;

-- availability_additions ------------------------------------------------
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
select lives_ok($$insert into public.availability_additions (org_id, coach_id, starts_at, ends_at) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c2', now() + interval '300 days', now() + interval '300 days 1 hour')$$, 'availability_additions: a coach adds their own');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000a1","role":"authenticated"}', true);
set local role authenticated;
select lives_ok($$insert into public.availability_additions (org_id, coach_id, starts_at, ends_at) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', now() + interval '300 days', now() + interval '300 days 1 hour')$$, 'availability_additions: an admin adds one for a coach');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.availability_additions (org_id, coach_id, starts_at, ends_at) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', now() + interval '300 days', now() + interval '300 days 1 hour')$$, '42501', null, 'availability_additions: a coach cannot add one for another coach');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.availability_additions (org_id, coach_id, starts_at, ends_at) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', now() + interval '300 days', now() + interval '300 days 1 hour')$$, '42501', null, 'availability_additions: an athlete cannot add one');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000e1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.availability_additions (org_id, coach_id, starts_at, ends_at) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', now() + interval '300 days', now() + interval '300 days 1 hour')$$, '42501', null, 'availability_additions: an admin of another organization cannot add one');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.availability_additions where org_id = '5c000000-0000-4000-a000-00000000000a') > 0, 'availability_additions: members of the organization read them');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000e1","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.availability_additions where org_id = '5c000000-0000-4000-a000-00000000000a'), 0, 'availability_additions: other organizations read none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
update public.availability_additions set reason = 'changed' where id = '5c000000-0000-4000-d000-000000000004';
reset role;
select is((select reason::text from public.availability_additions where id = '5c000000-0000-4000-d000-000000000004'), 'extra', 'availability_additions: another coach''s edit touches nothing');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c1","role":"authenticated"}', true);
set local role authenticated;
update public.availability_additions set reason = 'changed' where id = '5c000000-0000-4000-d000-000000000004';
reset role;
select is((select reason::text from public.availability_additions where id = '5c000000-0000-4000-d000-000000000004'), 'changed', 'availability_additions: the coach edits their own');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$update public.availability_additions set coach_id = '5c000000-0000-4000-b000-0000000000c2' where id = '5c000000-0000-4000-d000-000000000004'$$, '42501', null, 'availability_additions: the owner column cannot be rewritten');
select throws_ok($$delete from public.availability_additions where id = '5c000000-0000-4000-d000-000000000004'$$, '42501', null, 'availability_additions: no hard deletes (tombstones only)');
update public.availability_additions set deleted_at = now() where id = '5c000000-0000-4000-d000-000000000004';
reset role;
select isnt((select deleted_at from public.availability_additions where id = '5c000000-0000-4000-d000-000000000004'), null, 'availability_additions: the coach tombstones their own');
set local role anon;
select throws_ok($$select * from public.availability_additions$$, '42501', null, 'availability_additions: anon reads nothing');
reset role;

-- group_timetables ------------------------------------------------------------
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c1","role":"authenticated"}', true);
set local role authenticated;
select lives_ok($$insert into public.group_timetables (org_id, group_id, coach_id, weekday, start_time, duration_minutes, time_zone, start_date) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-c000-000000000001', '5c000000-0000-4000-b000-0000000000c1', 3, '18:00', 90, 'Europe/Berlin', current_date + 300)$$, 'group_timetables: the group''s coach adds one');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000a1","role":"authenticated"}', true);
set local role authenticated;
select lives_ok($$insert into public.group_timetables (org_id, group_id, coach_id, weekday, start_time, duration_minutes, time_zone, start_date) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-c000-000000000001', '5c000000-0000-4000-b000-0000000000c2', 3, '18:00', 90, 'Europe/Berlin', current_date + 300)$$, 'group_timetables: an admin adds one');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.group_timetables (org_id, group_id, coach_id, weekday, start_time, duration_minutes, time_zone, start_date) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-c000-000000000001', '5c000000-0000-4000-b000-0000000000c2', 3, '18:00', 90, 'Europe/Berlin', current_date + 300)$$, '42501', null, 'group_timetables: a coach of another group cannot add one');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.group_timetables (org_id, group_id, coach_id, weekday, start_time, duration_minutes, time_zone, start_date) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-c000-000000000001', '5c000000-0000-4000-b000-0000000000c1', 3, '18:00', 90, 'Europe/Berlin', current_date + 300)$$, '42501', null, 'group_timetables: an athlete cannot add one');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000e1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.group_timetables (org_id, group_id, coach_id, weekday, start_time, duration_minutes, time_zone, start_date) values ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-c000-000000000001', '5c000000-0000-4000-b000-0000000000c1', 3, '18:00', 90, 'Europe/Berlin', current_date + 300)$$, '42501', null, 'group_timetables: another organization cannot add one');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.group_timetables where group_id = '5c000000-0000-4000-c000-000000000001') > 0, 'group_timetables: the groups athlete reads it');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d2","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.group_timetables where group_id = '5c000000-0000-4000-c000-000000000001'), 0, 'group_timetables: a member outside the group reads none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.group_timetables where group_id = '5c000000-0000-4000-c000-000000000001') > 0, 'group_timetables: staff of the organization read it');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000e1","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.group_timetables where group_id = '5c000000-0000-4000-c000-000000000001'), 0, 'group_timetables: other organizations read none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
update public.group_timetables set capacity = 99 where id = '5c000000-0000-4000-d000-000000000005';
reset role;
select is((select capacity from public.group_timetables where id = '5c000000-0000-4000-d000-000000000005'), 12, 'group_timetables: a coach of another group edits nothing');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c1","role":"authenticated"}', true);
set local role authenticated;
update public.group_timetables set capacity = 14 where id = '5c000000-0000-4000-d000-000000000005';
reset role;
select is((select capacity from public.group_timetables where id = '5c000000-0000-4000-d000-000000000005'), 14, 'group_timetables: the group''s coach edits it');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$delete from public.group_timetables where id = '5c000000-0000-4000-d000-000000000005'$$, '42501', null, 'group_timetables: no hard deletes');
reset role;

-- recurring bookings, bookings, sessions, conflicts --------------------
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.recurring_bookings where member_id = '5c000000-0000-4000-b000-0000000000d1') > 0, 'recurring_bookings: d1 reads it');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c1","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.recurring_bookings where member_id = '5c000000-0000-4000-b000-0000000000d1') > 0, 'recurring_bookings: c1 reads it');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000a1","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.recurring_bookings where member_id = '5c000000-0000-4000-b000-0000000000d1') > 0, 'recurring_bookings: a1 reads it');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.recurring_bookings where member_id = '5c000000-0000-4000-b000-0000000000d1'), 0, 'recurring_bookings: c2 reads none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d2","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.recurring_bookings where member_id = '5c000000-0000-4000-b000-0000000000d1'), 0, 'recurring_bookings: d2 reads none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000e1","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.recurring_bookings where member_id = '5c000000-0000-4000-b000-0000000000d1'), 0, 'recurring_bookings: e1 reads none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.recurring_bookings (org_id) values ('5c000000-0000-4000-a000-00000000000a')$$, '42501', null, 'recurring_bookings: nobody inserts directly');
select throws_ok($$update public.recurring_bookings set updated_at = now()$$, '42501', null, 'recurring_bookings: nobody updates directly');
select throws_ok($$delete from public.recurring_bookings$$, '42501', null, 'recurring_bookings: nobody deletes');
set local role anon;
select throws_ok($$select * from public.recurring_bookings$$, '42501', null, 'recurring_bookings: anon reads nothing');
reset role;
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.bookings where member_id = '5c000000-0000-4000-b000-0000000000d1') > 0, 'bookings: d1 reads it');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c1","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.bookings where member_id = '5c000000-0000-4000-b000-0000000000d1') > 0, 'bookings: c1 reads it');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000a1","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.bookings where member_id = '5c000000-0000-4000-b000-0000000000d1') > 0, 'bookings: a1 reads it');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.bookings where member_id = '5c000000-0000-4000-b000-0000000000d1'), 0, 'bookings: c2 reads none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d2","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.bookings where member_id = '5c000000-0000-4000-b000-0000000000d1'), 0, 'bookings: d2 reads none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000e1","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.bookings where member_id = '5c000000-0000-4000-b000-0000000000d1'), 0, 'bookings: e1 reads none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.bookings (org_id) values ('5c000000-0000-4000-a000-00000000000a')$$, '42501', null, 'bookings: nobody inserts directly');
select throws_ok($$update public.bookings set updated_at = now()$$, '42501', null, 'bookings: nobody updates directly');
select throws_ok($$delete from public.bookings$$, '42501', null, 'bookings: nobody deletes');
set local role anon;
select throws_ok($$select * from public.bookings$$, '42501', null, 'bookings: anon reads nothing');
reset role;
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.training_sessions where member_id = '5c000000-0000-4000-b000-0000000000d1') > 0, 'one-to-one sessions: d1 reads it');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c1","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.training_sessions where member_id = '5c000000-0000-4000-b000-0000000000d1') > 0, 'one-to-one sessions: c1 reads it');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000a1","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.training_sessions where member_id = '5c000000-0000-4000-b000-0000000000d1') > 0, 'one-to-one sessions: a1 reads it');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.training_sessions where member_id = '5c000000-0000-4000-b000-0000000000d1'), 0, 'one-to-one sessions: c2 reads none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d2","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.training_sessions where member_id = '5c000000-0000-4000-b000-0000000000d1'), 0, 'one-to-one sessions: d2 reads none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000e1","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.training_sessions where member_id = '5c000000-0000-4000-b000-0000000000d1'), 0, 'one-to-one sessions: e1 reads none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.training_sessions (org_id) values ('5c000000-0000-4000-a000-00000000000a')$$, '42501', null, 'training_sessions: nobody inserts directly');
select throws_ok($$update public.training_sessions set updated_at = now()$$, '42501', null, 'training_sessions: nobody updates directly');
select throws_ok($$delete from public.training_sessions$$, '42501', null, 'training_sessions: nobody deletes');
set local role anon;
select throws_ok($$select * from public.training_sessions$$, '42501', null, 'training_sessions: anon reads nothing');
reset role;
-- a group's sessions: its athletes and coaches
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.training_sessions where group_id = '5c000000-0000-4000-c000-000000000001') > 0, 'group sessions: d1 reads them');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c1","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.training_sessions where group_id = '5c000000-0000-4000-c000-000000000001') > 0, 'group sessions: c1 reads them');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d2","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.training_sessions where group_id = '5c000000-0000-4000-c000-000000000001'), 0, 'group sessions: d2 reads none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.training_sessions where group_id = '5c000000-0000-4000-c000-000000000001'), 0, 'group sessions: c2 reads none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000e1","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.training_sessions where group_id = '5c000000-0000-4000-c000-000000000001'), 0, 'group sessions: e1 reads none');
reset role;
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c1","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.session_conflicts where coach_id = '5c000000-0000-4000-b000-0000000000c1') > 0, 'session_conflicts: c1 reads it');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000a1","role":"authenticated"}', true);
set local role authenticated;
select ok((select count(*) from public.session_conflicts where coach_id = '5c000000-0000-4000-b000-0000000000c1') > 0, 'session_conflicts: a1 reads it');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.session_conflicts where coach_id = '5c000000-0000-4000-b000-0000000000c1'), 0, 'session_conflicts: c2 reads none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.session_conflicts where coach_id = '5c000000-0000-4000-b000-0000000000c1'), 0, 'session_conflicts: d1 reads none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d2","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.session_conflicts where coach_id = '5c000000-0000-4000-b000-0000000000c1'), 0, 'session_conflicts: d2 reads none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000e1","role":"authenticated"}', true);
set local role authenticated;
select is((select count(*)::int from public.session_conflicts where coach_id = '5c000000-0000-4000-b000-0000000000c1'), 0, 'session_conflicts: e1 reads none');
select set_config('request.jwt.claims', '{"sub":"5c000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select throws_ok($$insert into public.session_conflicts (org_id) values ('5c000000-0000-4000-a000-00000000000a')$$, '42501', null, 'session_conflicts: nobody inserts directly');
select throws_ok($$update public.session_conflicts set updated_at = now()$$, '42501', null, 'session_conflicts: nobody updates directly');
select throws_ok($$delete from public.session_conflicts$$, '42501', null, 'session_conflicts: nobody deletes');
set local role anon;
select throws_ok($$select * from public.session_conflicts$$, '42501', null, 'session_conflicts: anon reads nothing');
reset role;

select * from finish();
rollback;
