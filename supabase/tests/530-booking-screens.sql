-- booking screens: coach_busy_times tells a member of the coach's organization
-- when the coach is busy (ranges only), and nobody else anything.
begin;
select plan(10);

-- fixtures (as the migration owner) ---------------------------------------------------
insert into auth.users (id, email) values
  ('53000000-0000-4000-b000-0000000000c1', 'busy-c1@test.local'),
  ('53000000-0000-4000-b000-0000000000d1', 'busy-d1@test.local'),
  ('53000000-0000-4000-b000-0000000000d2', 'busy-d2@test.local'),
  ('53000000-0000-4000-b000-0000000000e1', 'busy-e1@test.local'),
  ('53000000-0000-4000-b000-0000000000f1', 'busy-f1@test.local');
insert into public.organizations (id, name, slug) values
  ('53000000-0000-4000-a000-00000000000a', 'Busy A', 'busy-a'),
  ('53000000-0000-4000-a000-00000000000b', 'Busy B', 'busy-b');
insert into public.memberships (org_id, user_id, role) values
  ('53000000-0000-4000-a000-00000000000a', '53000000-0000-4000-b000-0000000000c1', 'coach'),
  ('53000000-0000-4000-a000-00000000000a', '53000000-0000-4000-b000-0000000000d1', 'athlete'),
  ('53000000-0000-4000-a000-00000000000a', '53000000-0000-4000-b000-0000000000d2', 'member'),
  ('53000000-0000-4000-a000-00000000000b', '53000000-0000-4000-b000-0000000000e1', 'admin'),
  -- f1 left club A
  ('53000000-0000-4000-a000-00000000000a', '53000000-0000-4000-b000-0000000000f1', 'member');
update public.memberships set left_at = now()
 where user_id = '53000000-0000-4000-b000-0000000000f1';
insert into public.coach_settings (org_id, coach_id, time_zone, minimum_notice_minutes) values
  ('53000000-0000-4000-a000-00000000000a', '53000000-0000-4000-b000-0000000000c1', 'Europe/Berlin', 0);
insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time)
  select '53000000-0000-4000-a000-00000000000a', '53000000-0000-4000-b000-0000000000c1', d, '00:00', '24:00'
  from generate_series(0, 6) d;

-- d1 books two hours, then cancels the second: only the first stays busy
select set_config('request.jwt.claims', '{"sub":"53000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
set local role authenticated;
select public.book_slot('53000000-0000-4000-a000-00000000000a', '53000000-0000-4000-b000-0000000000c1',
  date_trunc('hour', now()) + interval '2 days', null, '53000000-0000-4000-e000-000000000001');
select public.book_slot('53000000-0000-4000-a000-00000000000a', '53000000-0000-4000-b000-0000000000c1',
  date_trunc('hour', now()) + interval '3 days', null, '53000000-0000-4000-e000-000000000002');
select public.cancel_booking('53000000-0000-4000-e000-000000000002');
reset role;

-- privileges ----------------------------------------------------------------------------
select ok(not has_function_privilege('anon', 'public.coach_busy_times(uuid, timestamptz, timestamptz)', 'execute'),
  'anon cannot ask for busy times');
select ok(has_function_privilege('authenticated', 'public.coach_busy_times(uuid, timestamptz, timestamptz)', 'execute'),
  'signed-in users may ask (the function checks who)');

-- allowed: another member of the club sees the range, nothing more -----------------------
select set_config('request.jwt.claims', '{"sub":"53000000-0000-4000-b000-0000000000d2","role":"authenticated"}', true);
set local role authenticated;
select is(
  (select count(*)::int from public.training_sessions), 0,
  'd2 cannot read the coach''s sessions under rls');
select results_eq(
  $$select starts_at, ends_at from public.coach_busy_times('53000000-0000-4000-b000-0000000000c1', now(), now() + interval '30 days')$$,
  $$values (date_trunc('hour', now()) + interval '2 days', date_trunc('hour', now()) + interval '2 days 1 hour')$$,
  'd2 gets the coach''s one active session as a bare range (the cancelled one is free)');
select is(
  (select count(*)::int from public.coach_busy_times('53000000-0000-4000-b000-0000000000c1', now() + interval '5 days', now() + interval '30 days')),
  0, 'only sessions overlapping the asked range come back');
select throws_ok(
  $$select * from public.coach_busy_times('53000000-0000-4000-b000-0000000000c1', now(), now() + interval '401 days')$$,
  'P0001', 'the range must be non-empty and at most 400 days', 'a range over 400 days is refused');
-- a member is not a coach: asking about a fellow member is refused
select throws_ok(
  $$select * from public.coach_busy_times('53000000-0000-4000-b000-0000000000d1', now(), now() + interval '1 day')$$,
  '42501', 'not a coach of your organization', 'a fellow member''s time is not for asking');

-- denied: an outsider's admin, a former member, nobody signed in ------------------------
select set_config('request.jwt.claims', '{"sub":"53000000-0000-4000-b000-0000000000e1","role":"authenticated"}', true);
select throws_ok(
  $$select * from public.coach_busy_times('53000000-0000-4000-b000-0000000000c1', now(), now() + interval '30 days')$$,
  '42501', 'not a coach of your organization', 'an admin of another club is refused');
select set_config('request.jwt.claims', '{"sub":"53000000-0000-4000-b000-0000000000f1","role":"authenticated"}', true);
select throws_ok(
  $$select * from public.coach_busy_times('53000000-0000-4000-b000-0000000000c1', now(), now() + interval '30 days')$$,
  '42501', 'not a coach of your organization', 'a member who left is refused');
select set_config('request.jwt.claims', '{"role":"authenticated"}', true);
select throws_ok(
  $$select * from public.coach_busy_times('53000000-0000-4000-b000-0000000000c1', now(), now() + interval '30 days')$$,
  '42501', 'sign in first', 'no user, no answer');
reset role;

select * from finish();
rollback;
