-- scheduling: wall-clock resolution, generate_sessions (idempotent, skips blocked
-- time, writes conflicts, completes past sessions), booking once (overlap with
-- buffers is impossible), recurring bookings checked on every occurrence, group
-- capacity, cancellation windows, no-shows and availability-change flags.
begin;
select plan(62);

-- wall clock → instant: dst gaps move forward, overlaps take the earlier instant
-- (the same vectors as src/domain/zoned-time.test.ts) ---------------------------------
select is(private.zoned_instant('2026-03-29', '18:00', 'Europe/Berlin'), '2026-03-29 16:00+00'::timestamptz,
  'Berlin 18:00 on the spring transition day');
select is(private.zoned_instant('2026-03-29', '02:30', 'Europe/Berlin'), '2026-03-29 01:30+00'::timestamptz,
  'Berlin 02:30 in the gap moves forward to 03:30 CEST');
select is(private.zoned_instant('2026-10-25', '02:30', 'Europe/Berlin'), '2026-10-25 00:30+00'::timestamptz,
  'Berlin 02:30 in the overlap is the earlier instant');
select is(private.zoned_instant('2026-11-01', '13:00', 'America/New_York'), '2026-11-01 18:00+00'::timestamptz,
  'New York 13:00 on the autumn transition day');
select is(private.zoned_instant('2026-11-01', '01:30', 'America/New_York'), '2026-11-01 05:30+00'::timestamptz,
  'New York 01:30 in the overlap is the earlier instant (EDT)');
select is(private.zoned_instant('2026-04-05', '02:30', 'Australia/Sydney'), '2026-04-04 15:30+00'::timestamptz,
  'Sydney 02:30 in the April overlap is the earlier instant (AEDT)');
select is(private.zoned_instant('2026-10-04', '18:00', 'Australia/Sydney'), '2026-10-04 07:00+00'::timestamptz,
  'Sydney 18:00 on the October transition day');
select is(private.zoned_instant('2026-10-25', '18:00', 'Europe/Moscow'), '2026-10-25 15:00+00'::timestamptz,
  'Moscow 18:00 is 15:00Z on Europe''s transition day');

-- fixtures ---------------------------------------------------------------------------------
insert into auth.users (id, email) values
  ('5c000000-0000-4000-b000-0000000000a1', 'sched-a1@test.local'),
  ('5c000000-0000-4000-b000-0000000000c1', 'sched-c1@test.local'),
  ('5c000000-0000-4000-b000-0000000000d1', 'sched-d1@test.local'),
  ('5c000000-0000-4000-b000-0000000000d2', 'sched-d2@test.local');
insert into public.organizations (id, name, slug) values
  ('5c000000-0000-4000-a000-00000000000a', 'Sched A', 'sched-a');
insert into public.memberships (org_id, user_id, role) values
  ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000a1', 'admin'),
  ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', 'coach'),
  ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000d1', 'athlete'),
  ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000d2', 'member');
insert into public.training_groups (id, org_id, name) values
  ('5c000000-0000-4000-c000-000000000001', '5c000000-0000-4000-a000-00000000000a', 'Sprinters');
insert into public.training_group_coaches (org_id, group_id, user_id) values
  ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-c000-000000000001', '5c000000-0000-4000-b000-0000000000c1');
insert into public.athletes (org_id, group_id, user_id, name) values
  ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-c000-000000000001', '5c000000-0000-4000-b000-0000000000d1', 'Dana');

insert into public.coach_settings (org_id, coach_id, time_zone, buffer_before_minutes, buffer_after_minutes,
  minimum_notice_minutes, booking_horizon_days, cancellation_window_minutes) values
  ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', 'Europe/Berlin', 10, 10, 60, 60, 720);
insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time)
  select '5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', d, '07:00', '21:00'
  from generate_series(0, 6) d;

-- "today" in the coach's zone, and a shorthand for a local time on day today + n
select set_config('t.today', ((now() at time zone 'Europe/Berlin')::date)::text, true);
create function pg_temp.at(p_days int, p_time time) returns timestamptz language sql stable as $$
  select private.zoned_instant(current_setting('t.today')::date + p_days, p_time, 'Europe/Berlin')
$$;
create function pg_temp.act_as(p_user text) returns void language sql as $$
  select set_config('request.jwt.claims',
    format('{"sub":"5c000000-0000-4000-b000-0000000000%s","role":"authenticated"}', p_user), true)
$$;

-- generation ------------------------------------------------------------------------------------
-- a weekly series for d1 at 18:00 from tomorrow: 6 occurrences in 6 weeks; the 3rd
-- falls in blocked time, the 4th on a session booked before the series (its claim
-- is refused when the series is created); a group trains weekly at 07:00 from the
-- day after tomorrow; a session from three days ago is still scheduled.
insert into public.blocked_slots (org_id, coach_id, starts_at, ends_at, reason) values
  ('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', pg_temp.at(15, '17:00'), pg_temp.at(15, '20:00'), 'meet');
insert into public.training_sessions (id, org_id, coach_id, member_id, kind, origin, local_date, time_zone,
  starts_at, ends_at, buffer_before_minutes, buffer_after_minutes) values
  ('5c000000-0000-4000-e000-000000000002', '5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1',
   '5c000000-0000-4000-b000-0000000000d2', 'one_to_one', 'one_time_booking', current_setting('t.today')::date + 22,
   'Europe/Berlin', pg_temp.at(22, '18:30'), pg_temp.at(22, '19:30'), 10, 10),
  ('5c000000-0000-4000-e000-000000000003', '5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1',
   '5c000000-0000-4000-b000-0000000000d1', 'one_to_one', 'one_time_booking', current_setting('t.today')::date - 3,
   'Europe/Berlin', now() - interval '3 days', now() - interval '3 days' + interval '1 hour', 0, 0);
insert into public.recurring_bookings (id, org_id, coach_id, member_id, weekday, start_time, duration_minutes,
  time_zone, start_date) values
  ('5c000000-0000-4000-e000-000000000001', '5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1',
   '5c000000-0000-4000-b000-0000000000d1', extract(dow from current_setting('t.today')::date + 1), '18:00', 60,
   'Europe/Berlin', current_setting('t.today')::date + 1);
insert into public.group_timetables (id, org_id, group_id, coach_id, weekday, start_time, duration_minutes,
  time_zone, start_date, capacity) values
  ('5c000000-0000-4000-e000-000000000004', '5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-c000-000000000001',
   '5c000000-0000-4000-b000-0000000000c1', extract(dow from current_setting('t.today')::date + 2), '07:00', 60,
   'Europe/Berlin', current_setting('t.today')::date + 2, 1);

select is((select count(*)::int from public.session_conflicts
    where recurring_booking_id = '5c000000-0000-4000-e000-000000000001' and kind = 'overlap'), 1,
  'creating the series records the occurrence someone already holds as an overlap');
select is(public.generate_sessions(), '{"created": 10, "conflicts": 1, "completed": 1}'::jsonb,
  'the first run places 4 + 6 sessions, records the blocked one and completes the past session');
select is((select count(*)::int from public.training_sessions where recurring_booking_id = '5c000000-0000-4000-e000-000000000001'),
  4, 'the series has a session on every date but the blocked and the taken one');
select results_eq(
  $$select kind, local_date - current_setting('t.today')::date from public.session_conflicts
    where recurring_booking_id = '5c000000-0000-4000-e000-000000000001' order by local_date$$,
  $$values ('blocked', 15), ('overlap', 22)$$,
  'the blocked occurrence and the clashing one become conflicts, not failures');
select is((select count(*)::int from public.training_sessions
    where recurring_booking_id = '5c000000-0000-4000-e000-000000000001'
      and (starts_at at time zone 'Europe/Berlin')::time <> '18:00'), 0,
  'every occurrence starts at 18:00 local time');
select is((select status from public.training_sessions where id = '5c000000-0000-4000-e000-000000000003'), 'completed',
  'a past session is marked completed');
select is((select count(*)::int from public.training_sessions where timetable_id = '5c000000-0000-4000-e000-000000000004'
    and kind = 'group' and capacity = 1), 6, 'the group timetable has its 6 weekly sessions');

select set_config('t.before', (select count(*) from public.training_sessions)::text, true);
select is(public.generate_sessions(), '{"created": 0, "conflicts": 0, "completed": 0}'::jsonb,
  'a second run changes nothing');
select is((select count(*)::int from public.training_sessions), current_setting('t.before')::int,
  'generating twice equals generating once');
update public.training_sessions set status = 'cancelled'
 where recurring_booking_id = '5c000000-0000-4000-e000-000000000001' and local_date = current_setting('t.today')::date + 8;
select is(public.generate_sessions() -> 'created', '0'::jsonb, 'a cancelled occurrence is not generated again');
select is(public.generate_sessions(current_setting('t.today')::date + 60) -> 'created', '6'::jsonb,
  'a later horizon adds the next three weeks of both series');

-- booking once ----------------------------------------------------------------------------------
set local role authenticated;
select pg_temp.act_as('d1');
select lives_ok($$select public.book_slot('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1',
    pg_temp.at(3, '10:00'), null, '5c000000-0000-4000-f000-000000000001')$$,
  'd1 books 10:00 in three days');
select is((select reserved from public.training_sessions t join public.bookings b on b.session_id = t.id
    where b.id = '5c000000-0000-4000-f000-000000000001'),
  tstzrange(pg_temp.at(3, '09:50'), pg_temp.at(3, '11:10')), 'the session reserves its buffers');
select is(public.book_slot('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1',
    pg_temp.at(3, '10:00'), null, '5c000000-0000-4000-f000-000000000001') -> 'replayed', 'true'::jsonb,
  'a retried request returns the same booking');
select pg_temp.act_as('d2');
select throws_ok($$select public.book_slot('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1',
    pg_temp.at(3, '10:30'))$$, '23P01', 'this time is no longer available', 'an overlapping booking is refused (409)');
select throws_ok($$select public.book_slot('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1',
    pg_temp.at(3, '11:05'))$$, '23P01', 'this time is no longer available', 'a booking inside the buffers is refused');
select lives_ok($$select public.book_slot('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1',
    pg_temp.at(3, '11:20'))$$, 'a booking just clear of both buffers is accepted');
select throws_ok($$select public.book_slot('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1',
    pg_temp.at(3, '20:30'))$$, 'P0001', 'the coach is not available at this time', 'a booking past the window is refused');
select throws_ok($$select public.book_slot('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1',
    now() + interval '30 minutes')$$, 'P0001', 'too late to book this time', 'minimum notice applies');
select throws_ok($$select public.book_slot('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1',
    pg_temp.at(90, '10:00'))$$, 'P0001', 'this time is too far ahead to book', 'the horizon applies');
select throws_ok($$select public.book_slot('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1',
    pg_temp.at(15, '12:00') + interval '6 hours')$$, 'P0001', 'the coach has blocked this time', 'blocked time cannot be booked');
select throws_ok($$select public.book_slot('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c2',
    pg_temp.at(3, '10:00'))$$, 'P0001', 'this coach does not take bookings here', 'only a coach with settings takes bookings');
select throws_ok($$select public.book_slot('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1',
    pg_temp.at(4, '10:00'), null, null, '5c000000-0000-4000-b000-0000000000d1')$$, '42501', null,
  'a member cannot book for someone else');

-- recurring bookings: every occurrence to the horizon is checked ---------------------------------
-- d2 wants weekly 12:00 from day 4; the 5th occurrence (day 32) and the 8th (day 53,
-- past the six generated weeks) clash with existing sessions
reset role;
insert into public.training_sessions (org_id, coach_id, member_id, kind, origin, local_date, time_zone, starts_at, ends_at)
  select '5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', '5c000000-0000-4000-b000-0000000000d1',
    'one_to_one', 'one_time_booking', current_setting('t.today')::date + d, 'Europe/Berlin',
    pg_temp.at(d, '12:30'), pg_temp.at(d, '13:30')
  from unnest(array[32, 53]) d;
set local role authenticated;
select pg_temp.act_as('d2');
select throws_ok(format($$select public.create_recurring_booking('5c000000-0000-4000-a000-00000000000a',
    '5c000000-0000-4000-b000-0000000000c1', %s, '12:00', %L)$$,
    extract(dow from current_setting('t.today')::date + 4), current_setting('t.today')::date + 4),
  '23P01', format('the series clashes on 2 date(s): %s, %s',
    current_setting('t.today')::date + 32, current_setting('t.today')::date + 53),
  'a series whose 5th occurrence clashes is refused, naming every clashing date');
select is((select count(*)::int from public.recurring_bookings where member_id = '5c000000-0000-4000-b000-0000000000d2'), 0,
  'nothing was booked');
select results_eq(format($$select e ->> 'problem' from jsonb_array_elements(public.create_recurring_booking(
    '5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1', %s, '12:00', %L,
    p_dry_run => true) -> 'conflicts') e$$,
    extract(dow from current_setting('t.today')::date + 4), current_setting('t.today')::date + 4),
  $$values ('taken'), ('taken')$$, 'a dry run reports the clashes without booking');
select lives_ok(format($$select public.create_recurring_booking('5c000000-0000-4000-a000-00000000000a',
    '5c000000-0000-4000-b000-0000000000c1', %s, '12:00', %L, p_skip_conflicts => true,
    p_id => '5c000000-0000-4000-e000-000000000005')$$,
    extract(dow from current_setting('t.today')::date + 4), current_setting('t.today')::date + 4),
  'asked to skip them, the series is booked');
select is((select excluded_dates from public.recurring_bookings where id = '5c000000-0000-4000-e000-000000000005'),
  array[current_setting('t.today')::date + 32, current_setting('t.today')::date + 53],
  'the clashing dates are excluded');
select results_eq($$select local_date - current_setting('t.today')::date from public.training_sessions
    where recurring_booking_id = '5c000000-0000-4000-e000-000000000005' order by 1$$,
  $$values (4), (11), (18), (25), (39)$$, 'six weeks are generated at once, around the skipped date');
select throws_ok(format($$select public.create_recurring_booking('5c000000-0000-4000-a000-00000000000a',
    '5c000000-0000-4000-b000-0000000000c1', %s, '12:30', %L, p_every_weeks => 2)$$,
    extract(dow from current_setting('t.today')::date + 4), current_setting('t.today')::date + 4),
  '23P01', null, 'a bi-weekly series over the same time is refused too');

-- group capacity: a conditional update, never read-then-write ----------------------------------
select pg_temp.act_as('d1');
select set_config('t.group_session', (select id::text from public.training_sessions
  where timetable_id = '5c000000-0000-4000-e000-000000000004' order by starts_at limit 1), true);
select lives_ok($$select public.book_group_session(current_setting('t.group_session')::uuid)$$,
  'an athlete of the group takes the only seat');
select pg_temp.act_as('d2');
select throws_ok($$select public.book_group_session(current_setting('t.group_session')::uuid)$$, '42501', null,
  'a member outside the group cannot take a seat');
select pg_temp.act_as('c1');
select throws_ok($$select public.book_group_session(current_setting('t.group_session')::uuid, null,
    '5c000000-0000-4000-b000-0000000000d2')$$, 'P0001', 'this session is full or no longer open',
  'a full session takes nobody else');
select is((select booked_count from public.training_sessions where id = current_setting('t.group_session')::uuid), 1,
  'the seat count is exact');

-- cancellation ----------------------------------------------------------------------------------------
select pg_temp.act_as('d1');
select is(public.cancel_booking('5c000000-0000-4000-f000-000000000001') ->> 'status', 'cancelled_by_member',
  'a member cancels before the window');
select is((select t.status from public.training_sessions t join public.bookings b on b.session_id = t.id
    where b.id = '5c000000-0000-4000-f000-000000000001'), 'cancelled', 'and the one-time session is cancelled');
select pg_temp.act_as('d2');
select lives_ok($$select public.book_slot('5c000000-0000-4000-a000-00000000000a', '5c000000-0000-4000-b000-0000000000c1',
    pg_temp.at(3, '10:00'), null, '5c000000-0000-4000-f000-000000000002')$$,
  'the freed time can be booked again');
reset role;
update public.coach_settings set cancellation_window_minutes = 43200;
set local role authenticated;
select throws_ok($$select public.cancel_booking('5c000000-0000-4000-f000-000000000002')$$, 'P0001',
  'too late to cancel; ask your coach', 'a member cannot cancel inside the window');
select throws_ok(format($$select public.cancel_session(%L)$$, (select id from public.training_sessions
    where recurring_booking_id = '5c000000-0000-4000-e000-000000000005' order by starts_at limit 1)),
  'P0001', 'too late to cancel; ask your coach', 'nor an occurrence of their series');
select pg_temp.act_as('d1');
select throws_ok($$select public.cancel_booking('5c000000-0000-4000-f000-000000000002')$$, '42501', null,
  'nobody cancels someone else''s booking');
select pg_temp.act_as('c1');
select is(public.cancel_session((select id from public.training_sessions
    where recurring_booking_id = '5c000000-0000-4000-e000-000000000005' order by starts_at limit 1)) ->> 'status',
  'cancelled', 'the coach cancels any time');
reset role;
select is((select count(*)::int from private.email_outbox where user_id = '5c000000-0000-4000-b000-0000000000d2'
    and kind = 'booking_cancellation' and dedupe_key like 'session_cancellation:%'), 1,
  'the member of the cancelled occurrence is told through the email outbox');
set local role authenticated;
select pg_temp.act_as('c1');

-- no-show -----------------------------------------------------------------------------------------------
select pg_temp.act_as('d1');
select throws_ok($$select public.mark_no_show('5c000000-0000-4000-e000-000000000003')$$, '42501', null,
  'a member cannot mark a no-show');
select pg_temp.act_as('c1');
select is(public.mark_no_show('5c000000-0000-4000-e000-000000000003') ->> 'status', 'no_show', 'the coach marks one');
select throws_ok($$select public.mark_no_show('5c000000-0000-4000-e000-000000000002')$$, 'P0001',
  'the session has not started yet', 'not before the session starts');

-- availability changes flag sessions that no longer fit -----------------------------------------------
-- the coach ends day 3's window at 10:00: d2's 10:00 and 11:20 sessions no longer fit
update public.weekly_availability set end_time = '10:00'
 where weekday = extract(dow from current_setting('t.today')::date + 3);
select set_config('t.flags', (select string_agg(id::text, ',' order by starts_at) from public.session_conflicts
  where kind = 'outside_availability' and status = 'open'), true);
select is(array_length(string_to_array(current_setting('t.flags'), ','), 1), 2,
  'both sessions outside the new window are flagged');
select is((select count(*)::int from public.session_conflicts c join public.training_sessions t on t.id = c.session_id
    where c.kind = 'outside_availability' and t.local_date <> current_setting('t.today')::date + 3), 0,
  'and nothing else');
select is(public.resolve_conflict(split_part(current_setting('t.flags'), ',', 1)::uuid, 'keep') ->> 'resolution', 'keep',
  'the coach keeps the first');
select is((select count(*)::int from public.availability_additions a
    join public.session_conflicts c on c.session_id = a.session_id
    where c.id = split_part(current_setting('t.flags'), ',', 1)::uuid), 1,
  'keeping it creates the availability addition that covers it');
select is(public.resolve_conflict(split_part(current_setting('t.flags'), ',', 2)::uuid, 'cancel') ->> 'resolution',
  'cancel', 'and cancels the second');
select is((select b.status from public.bookings b join public.session_conflicts c on c.session_id = b.session_id
    where c.id = split_part(current_setting('t.flags'), ',', 2)::uuid), 'cancelled_by_coach',
  'the member''s booking is cancelled by the coach');
select is((select count(*)::int from public.session_conflicts where kind = 'outside_availability' and status = 'open'), 0,
  'no open flag is left');
update public.weekly_availability set room = 'hall';
select is((select count(*)::int from public.session_conflicts where kind = 'outside_availability' and status = 'open'), 0,
  'a later edit does not flag the kept session again');
select pg_temp.act_as('d1');
select throws_ok(format($$select public.resolve_conflict(%L, 'keep')$$, split_part(current_setting('t.flags'), ',', 1)),
  '42501', null, 'a member cannot resolve conflicts');

select * from finish();
rollback;
