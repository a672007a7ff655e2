-- the club dashboard (issue 18, 20261207170000_club_dashboard.sql): a club's owners
-- and admins read its members, seats, purchases through its pools and 30 days of
-- activity in one call; coaches, members, another club's admins, outsiders and
-- anon are refused; workouts from fewer than 5 people are not given; nothing while
-- running_clubs is off for the club.
--
-- fixture: tests.create_tenancy_fixture(). club A holds a pool of three seats of
-- school B's plan; the athlete took one; a session of A1 yesterday, marked.
begin;
select plan(20);
select tests.create_tenancy_fixture();

insert into public.training_plans (id, org_id, coach_id, title, kind, weeks) values
  ('66500000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-00000000000b',
   tests.get_supabase_uid('coach_b'), 'К полумарафону', 'template', 2);
insert into public.products (id, org_id, kind, name, price_minor, currency, training_plan_id) values
  ('66500000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-00000000000b', 'product',
   'План к полумарафону', 300000, 'RUB', '66500000-0000-4000-8000-000000000001');
select tests.authenticate_as('admin_b');
create temporary table pool as
  select public.create_seat_pool('10000000-0000-4000-8000-00000000000a', '66500000-0000-4000-8000-000000000002',
    3, 250000) as id;
reset role;
grant select on pool to authenticated;
select tests.authenticate_as('athlete');
select public.claim_seat((select id from pool));
reset role;

insert into public.training_sessions (id, org_id, coach_id, group_id, kind, origin, local_date, time_zone, starts_at, ends_at, capacity) values
  ('66500000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   '20000000-0000-4000-8000-0000000000a1', 'group', 'one_time_booking', current_date - 1, 'Europe/Moscow',
   now() - interval '1 day', now() - interval '1 day' + interval '90 minutes', 20),
  -- long ago: outside the 30 days
  ('66500000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   '20000000-0000-4000-8000-0000000000a1', 'group', 'one_time_booking', current_date - 60, 'Europe/Moscow',
   now() - interval '60 days', now() - interval '60 days' + interval '90 minutes', 20);
insert into public.attendance (id, org_id, session_id, athlete_id, status) values
  (private.attendance_id('66500000-0000-4000-8000-000000000003', '30000000-0000-4000-8000-0000000000a1'),
   '10000000-0000-4000-8000-00000000000a', '66500000-0000-4000-8000-000000000003',
   '30000000-0000-4000-8000-0000000000a1', 'present'),
  (private.attendance_id('66500000-0000-4000-8000-000000000003', '30000000-0000-4000-8000-0000000000a2'),
   '10000000-0000-4000-8000-00000000000a', '66500000-0000-4000-8000-000000000003',
   '30000000-0000-4000-8000-0000000000a2', 'trial'),
  (private.attendance_id('66500000-0000-4000-8000-000000000003', '30000000-0000-4000-8000-0000000000a3'),
   '10000000-0000-4000-8000-00000000000a', '66500000-0000-4000-8000-000000000003',
   '30000000-0000-4000-8000-0000000000a3', 'absent'),
  (private.attendance_id('66500000-0000-4000-8000-000000000004', '30000000-0000-4000-8000-0000000000a1'),
   '10000000-0000-4000-8000-00000000000a', '66500000-0000-4000-8000-000000000004',
   '30000000-0000-4000-8000-0000000000a1', 'present');

-- allowed ---------------------------------------------------------------------------------------------
select tests.authenticate_as('admin');
create temporary table dash as select public.club_dashboard('10000000-0000-4000-8000-00000000000a') as d;
reset role;
select is((select (d -> 'members' ->> 'total')::int from dash), 6,
  'the admin reads the club''s six active members (the coach who left is not counted)');
select is((select (d -> 'members' -> 'by_role' ->> 'coach')::int from dash), 2, 'two of them coaches');
select is((select jsonb_array_length(d -> 'members' -> 'newest') from dash), 5, 'the five newest, by name');
select is((select d -> 'seats' ->> 'taken' || '/' || (d -> 'seats' ->> 'total') from dash), '1/3',
  'one seat of three taken');
select is((select d -> 'seats' -> 'pools' -> 0 ->> 'plan_title' from dash), 'К полумарафону',
  'the pool named by its plan (which the admin may not read directly)');
select is((select d -> 'seats' -> 'pools' -> 0 ->> 'seller_name' from dash), 'School B', 'and by its seller');
select is((select (d -> 'purchases' ->> 'count')::int from dash), 1, 'one purchase through the club''s pools');
select is((select d -> 'purchases' -> 'latest' ->> 'name' from dash), 'athlete', 'the latest by the athlete');
select is((select (d -> 'activity' ->> 'sessions_marked')::int from dash), 1,
  'one session marked in the last 30 days (not the one 60 days ago)');
select is((select (d -> 'activity' ->> 'visits')::int from dash), 2, 'two visits: present and trial, not absent');
select is((select d -> 'activity' -> 'workouts_logged' from dash), 'null'::jsonb,
  'workouts from fewer than 5 people are not given');
select is((select (d -> 'activity' ->> 'workouts_suppressed')::boolean from dash), true, 'and it says so');
select is(tests.try_as('owner', $$select count(*) from public.club_dashboard('10000000-0000-4000-8000-00000000000a')$$),
  '1', 'the owner reads it too');

-- denied ----------------------------------------------------------------------------------------------
select is(tests.try_as('coach', $$select count(*) from public.club_dashboard('10000000-0000-4000-8000-00000000000a')$$),
  '42501', 'a coach is refused');
select is(tests.try_as('athlete', $$select count(*) from public.club_dashboard('10000000-0000-4000-8000-00000000000a')$$),
  '42501', 'an athlete is refused');
select is(tests.try_as('admin_b', $$select count(*) from public.club_dashboard('10000000-0000-4000-8000-00000000000a')$$),
  '42501', 'another club''s admin is refused');
select is(tests.try_as('outsider', $$select count(*) from public.club_dashboard('10000000-0000-4000-8000-00000000000a')$$),
  '42501', 'an outsider is refused');
select is(tests.try_as('anon', $$select count(*) from public.club_dashboard('10000000-0000-4000-8000-00000000000a')$$),
  '42501', 'anon is refused');

-- the feature off -------------------------------------------------------------------------------------
insert into public.feature_flag_overrides (flag_key, org_id, enabled)
  values ('running_clubs', '10000000-0000-4000-8000-00000000000a', false);
select tests.authenticate_as('admin');
select is(tests.hint_of($$select public.club_dashboard('10000000-0000-4000-8000-00000000000a')$$), 'feature_disabled',
  'with running_clubs off the dashboard answers feature_disabled');
reset role;
select is(tests.try_as('admin_b', $$select count(*) from public.club_dashboard('10000000-0000-4000-8000-00000000000b')$$),
  '1', 'while school B''s admin still reads school B''s');

select * from finish();
rollback;
