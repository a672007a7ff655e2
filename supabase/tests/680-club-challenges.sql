-- club challenges (issue 18, 20261207171000_club_challenges.sql): a club's admins
-- set a challenge, its members join; a member sees their club's challenges only;
-- progress is the member's own attendance and done workouts over the dates; the
-- leaderboard leaves out a member who opted out (no row, no place) while they
-- still see their own progress; someone outside the club is refused; nothing
-- works while running_clubs is off for the club.
--
-- fixture: tests.create_tenancy_fixture() — club A (athlete, linked to athlete
-- record a1; member; admin), school B (admin_b); outsider.
begin;
select plan(51);
select tests.create_tenancy_fixture();

-- the athlete's activity: a group session of A1 yesterday marked present, and a
-- done 5 km run of a plan given to them today
insert into public.training_sessions (id, org_id, coach_id, group_id, kind, origin, local_date, time_zone, starts_at, ends_at, capacity) values
  ('67000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   '20000000-0000-4000-8000-0000000000a1', 'group', 'one_time_booking', current_date - 1, 'Europe/Moscow',
   now() - interval '1 day', now() - interval '1 day' + interval '90 minutes', 20);
insert into public.attendance (id, org_id, session_id, athlete_id, status) values
  (private.attendance_id('67000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-0000000000a1'),
   '10000000-0000-4000-8000-00000000000a', '67000000-0000-4000-8000-000000000001',
   '30000000-0000-4000-8000-0000000000a1', 'present');
insert into public.coach_athletes (id, org_id, coach_id, athlete_id, kind) values
  ('67000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   '30000000-0000-4000-8000-0000000000a1', 'coaching');
insert into public.training_plans (id, org_id, coach_id, title, weeks) values
  ('67000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   'База', 2);
insert into public.plan_workouts (id, org_id, plan_id, week, day, type, duration_min, distance_m) values
  ('67000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-00000000000a',
   '67000000-0000-4000-8000-000000000003', 1, 1, 'run', 30, 5000);
insert into public.plan_assignments (id, org_id, plan_id, athlete_id, start_date, created_by) values
  ('67000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-00000000000a',
   '67000000-0000-4000-8000-000000000003', '30000000-0000-4000-8000-0000000000a1', current_date,
   tests.get_supabase_uid('coach'));
insert into public.workout_logs (id, org_id, workout_id, athlete_id, status, rpe, logged_on)
select w.id, w.org_id, w.id, p.athlete_id, 'done', 6, current_date
  from public.plan_workouts w join public.training_plans p on p.id = w.plan_id
 where p.assignment_id = '67000000-0000-4000-8000-000000000005';

-- setting a challenge -----------------------------------------------------------------------------------
select is(tests.try_as('member', $$select count(*) from public.create_club_challenge('10000000-0000-4000-8000-00000000000a', 'Декабрь', 'sessions', current_date - 7, current_date + 7, 10)$$),
  '42501', 'a member cannot set a challenge');
select is(tests.try_as('coach', $$select count(*) from public.create_club_challenge('10000000-0000-4000-8000-00000000000a', 'Декабрь', 'sessions', current_date - 7, current_date + 7, 10)$$),
  '42501', 'nor can a coach');
select is(tests.try_as('admin_b', $$select count(*) from public.create_club_challenge('10000000-0000-4000-8000-00000000000a', 'Декабрь', 'sessions', current_date - 7, current_date + 7, 10)$$),
  '42501', 'nor another club''s admin');
select is(tests.try_as('admin', $$select count(*) from public.create_club_challenge('10000000-0000-4000-8000-00000000000a', 'Декабрь', 'sessions', current_date, current_date - 1, 10)$$),
  '23514', 'a challenge does not end before it starts');
select is(tests.try_as('admin', $$select count(*) from public.create_club_challenge('10000000-0000-4000-8000-00000000000a', 'Год', 'sessions', current_date, current_date + 366, null)$$),
  '23514', 'a challenge lasts at most 366 days');
select is(tests.try_as('admin', $$select count(*) from public.create_club_challenge('10000000-0000-4000-8000-00000000000a', 'Год', 'sessions', current_date, current_date + 365, null)$$),
  '1', '366 days, both ends counted, is allowed');
select is(tests.try_as('admin', $$select count(*) from public.create_club_challenge('10000000-0000-4000-8000-00000000000a', 'Декабрь', 'steps', current_date, current_date, 10)$$),
  '23514', 'the metric is distance_km or sessions');
select is(tests.try_as('admin', $$select count(*) from public.create_club_challenge('10000000-0000-4000-8000-00000000000a', ' ', 'sessions', current_date, current_date, 10)$$),
  '23514', 'the title must show something');
select is(tests.try_as('admin', $$select count(*) from public.create_club_challenge('10000000-0000-4000-8000-00000000000a', 'Декабрь', 'sessions', current_date, current_date, 0)$$),
  '23514', 'a target is at least 1');
select is(tests.try_as('admin', $$insert into public.club_challenges (org_id, title, metric, starts_on, ends_on)
  values ('10000000-0000-4000-8000-00000000000a', 'Тайком', 'sessions', current_date, current_date)$$),
  '42501', 'nobody writes a challenge directly');

select tests.authenticate_as('admin');
create temporary table ch as
  select public.create_club_challenge('10000000-0000-4000-8000-00000000000a', 'Декабрьские тренировки', 'sessions', current_date - 7, current_date + 7, 20) as sessions_id,
         public.create_club_challenge('10000000-0000-4000-8000-00000000000a', '100 км до Нового года', 'distance_km', current_date - 7, current_date + 7, 100) as distance_id;
reset role;
grant select on ch to authenticated;
select tests.authenticate_as('admin_b');
select ok(public.create_club_challenge('10000000-0000-4000-8000-00000000000b', 'Школьный', 'sessions', current_date, current_date + 30, null) is not null, 'school B''s admin sets a challenge of their own');
reset role;

-- who sees the challenges ------------------------------------------------------------------------------
select is(tests.try_as('member', $$select count(*) from public.club_challenges$$), '2',
  'a member of club A sees club A''s two challenges');
select is(tests.try_as('member', $$select count(*) from public.club_challenges
  where org_id = '10000000-0000-4000-8000-00000000000b'$$), '0', 'and none of school B''s');
select is(tests.try_as('admin_b', $$select count(*) from public.club_challenges$$), '1',
  'school B''s admin sees only school B''s');
select is(tests.try_as('outsider', $$select count(*) from public.club_challenges$$), '0', 'an outsider sees none');
select is(tests.try_as('anon', $$select count(*) from public.club_challenges$$), '42501', 'anon is refused outright');

-- joining ---------------------------------------------------------------------------------------------
select tests.authenticate_as('athlete');
select ok(public.join_club_challenge((select sessions_id from ch)) is not null, 'the athlete joins');
select ok(public.join_club_challenge((select distance_id from ch)) is not null, 'and the distance challenge');
reset role;
select tests.authenticate_as('member');
select ok(public.join_club_challenge((select sessions_id from ch)) is not null, 'a member joins');
reset role;
select is(tests.try_as('athlete', $$select count(*) from public.join_club_challenge((select sessions_id from ch))$$),
  '1', 'joining again keeps the one entry');
select is((select count(*)::int from public.club_challenge_participants where challenge_id = (select sessions_id from ch)),
  2, 'two entries');
select is(tests.try_as('outsider', $$select count(*) from public.join_club_challenge((select sessions_id from ch))$$),
  '42501', 'someone outside the club cannot join');
select is(tests.try_as('admin_b', $$select count(*) from public.join_club_challenge((select sessions_id from ch))$$),
  '42501', 'nor can another club''s admin');
select is(tests.try_as('athlete', $$select count(*) from public.club_challenge_participants$$), '2',
  'the athlete sees their own two entries');
select is(tests.try_as('admin', $$select count(*) from public.club_challenge_participants$$), '0',
  'the club''s admin reads no one''s entries directly');

-- progress and the leaderboard -------------------------------------------------------------------------
select tests.authenticate_as('athlete');
select results_eq(
  $$select place, display_name, progress from public.club_challenge_leaderboard((select sessions_id from ch))$$,
  $$values (1, 'athlete', 2::numeric), (2, 'member', 0::numeric)$$,
  'as the athlete: the athlete leads with a session marked present and a done workout');
reset role;
select tests.authenticate_as('athlete');
select results_eq(
  $$select progress from public.my_club_challenges('10000000-0000-4000-8000-00000000000a') where challenge_id = (select distance_id from ch)$$,
  $$values (5.0::numeric)$$,
  'the distance challenge counts the done workout''s 5 km');
reset role;
select is(tests.try_as('admin', $$select count(*) from public.club_challenge_leaderboard((select sessions_id from ch))$$),
  '2', 'the club''s admin sees both on the leaderboard');
select is(tests.try_as('outsider', $$select count(*) from public.club_challenge_leaderboard((select sessions_id from ch))$$),
  '42501', 'an outsider is refused the leaderboard');
select is(tests.try_as('admin_b', $$select count(*) from public.club_challenge_leaderboard((select sessions_id from ch))$$),
  '42501', 'and so is another club''s admin');
select is(tests.try_as('outsider', $$select count(*) from public.my_club_challenges('10000000-0000-4000-8000-00000000000a')$$),
  '42501', 'and the club''s list of standings');

-- opting out ----------------------------------------------------------------------------------------------
select tests.authenticate_as('athlete');
select lives_ok($$select public.set_club_challenge_leaderboard((select sessions_id from ch), false)$$,
  'the athlete leaves the leaderboard');
reset role;
select tests.authenticate_as('admin');
select results_eq(
  $$select place, display_name from public.club_challenge_leaderboard((select sessions_id from ch))$$,
  $$values (1, 'member')$$,
  'the admin''s leaderboard: only the member, first, and no trace of the athlete');
reset role;
select tests.authenticate_as('member');
select results_eq(
  $$select count(*)::int, min(place) from public.club_challenge_leaderboard((select sessions_id from ch))$$,
  $$values (1, 1)$$,
  'the member''s: one row, first place (no gap where the athlete was)');
reset role;
select tests.authenticate_as('athlete');
select is(
  (select count(*)::int from public.club_challenge_leaderboard((select sessions_id from ch)) where is_me),
  0, 'the athlete is not on the leaderboard either, seen by themself');
select results_eq(
  $$select joined, on_leaderboard, progress from public.my_club_challenges('10000000-0000-4000-8000-00000000000a')
     where challenge_id = (select sessions_id from ch)$$,
  $$values (true, false, 2::numeric)$$,
  'and still sees their own progress');
select lives_ok($$select public.set_club_challenge_leaderboard((select sessions_id from ch), true)$$,
  'back on the leaderboard');
reset role;
select is(tests.try_as('admin', $$select count(*) from public.club_challenge_leaderboard((select sessions_id from ch))$$),
  '2', 'and there again for the admin');
select is(tests.try_as('outsider', $$select count(*) from public.set_club_challenge_leaderboard((select sessions_id from ch), false)$$),
  'P0002', 'an outsider has no entry to change');

-- leaving and taking down -------------------------------------------------------------------------------
select tests.authenticate_as('member');
select lives_ok($$select public.leave_club_challenge((select sessions_id from ch))$$, 'the member leaves the challenge');
reset role;
select is(tests.try_as('admin', $$select count(*) from public.club_challenge_leaderboard((select sessions_id from ch))
  where display_name = 'member'$$), '0', 'and is off the leaderboard');
select is(tests.try_as('coach', $$select count(*) from public.delete_club_challenge((select distance_id from ch))$$),
  '42501', 'a coach cannot take a challenge down');
select tests.authenticate_as('admin');
select lives_ok($$select public.delete_club_challenge((select distance_id from ch))$$, 'the admin takes one down');
reset role;
select is(tests.try_as('athlete', $$select count(*) from public.my_club_challenges('10000000-0000-4000-8000-00000000000a')
  where challenge_id = (select distance_id from ch)$$), '0', 'it is gone from the member''s standings');
select is(tests.try_as('athlete', $$select count(*) from public.club_challenge_participants
  where challenge_id = (select distance_id from ch) and deleted_at is null$$), '0',
  'and the member''s entry in it is closed (a tombstone the sync carries)');

-- a challenge that is over takes no one new
insert into public.club_challenges (id, org_id, title, metric, starts_on, ends_on) values
  ('67000000-0000-4000-8000-000000000009', '10000000-0000-4000-8000-00000000000a', 'Ноябрь', 'sessions',
   current_date - 40, current_date - 10);
select tests.authenticate_as('member');
select is(tests.hint_of($$select public.join_club_challenge('67000000-0000-4000-8000-000000000009')$$), 'challenge_over',
  'a challenge that is over cannot be joined');
reset role;

-- the feature off -------------------------------------------------------------------------------------
insert into public.feature_flag_overrides (flag_key, org_id, enabled)
  values ('running_clubs', '10000000-0000-4000-8000-00000000000a', false);
select is(tests.try_as('member', $$select count(*) from public.club_challenges$$), '0',
  'with running_clubs off the club''s challenges are not there');
select is(tests.try_as('athlete', $$select count(*) from public.club_challenge_participants$$), '0',
  'nor the member''s entries');
select tests.authenticate_as('member');
select is(tests.hint_of($$select public.club_challenge_leaderboard((select sessions_id from ch))$$), 'feature_disabled',
  'the leaderboard answers feature_disabled');
select is(tests.hint_of($$select public.join_club_challenge((select sessions_id from ch))$$), 'feature_disabled',
  'and so does joining');
reset role;
select tests.authenticate_as('admin');
select is(tests.hint_of($$select public.create_club_challenge('10000000-0000-4000-8000-00000000000a', 'Январь', 'sessions', current_date, current_date + 30, null)$$), 'feature_disabled',
  'and setting a challenge');
reset role;

select * from finish();
rollback;
