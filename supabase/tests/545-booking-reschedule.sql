-- rescheduling a booking (issue 13): the same booking moves to a new time through
-- the commitments ledger; a taken slot is refused as book_slot refuses it; a
-- member may move only before the coach's cancellation window, another member
-- never; both sides get an email.
begin;
select plan(15);

-- fixtures ---------------------------------------------------------------------------------
insert into auth.users (id, email) values
  ('5c500000-0000-4000-b000-0000000000c1', 'move-c1@test.local'),
  ('5c500000-0000-4000-b000-0000000000d1', 'move-d1@test.local'),
  ('5c500000-0000-4000-b000-0000000000d2', 'move-d2@test.local');
insert into public.organizations (id, name, slug) values
  ('5c500000-0000-4000-a000-00000000000a', 'Move', 'move');
insert into public.memberships (org_id, user_id, role) values
  ('5c500000-0000-4000-a000-00000000000a', '5c500000-0000-4000-b000-0000000000c1', 'coach'),
  ('5c500000-0000-4000-a000-00000000000a', '5c500000-0000-4000-b000-0000000000d1', 'member'),
  ('5c500000-0000-4000-a000-00000000000a', '5c500000-0000-4000-b000-0000000000d2', 'member');
insert into public.coach_settings (org_id, coach_id, time_zone, minimum_notice_minutes, booking_horizon_days,
  cancellation_window_minutes, buffer_after_minutes) values
  ('5c500000-0000-4000-a000-00000000000a', '5c500000-0000-4000-b000-0000000000c1', 'Europe/Berlin', 0, 90, 1440, 15);
insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time)
  select '5c500000-0000-4000-a000-00000000000a', '5c500000-0000-4000-b000-0000000000c1', d, '08:00', '21:00'
  from generate_series(0, 6) d;

select set_config('t.today', ((now() at time zone 'Europe/Berlin')::date)::text, true);
create function pg_temp.at(p_days int, p_time time) returns timestamptz language sql stable as $$
  select private.zoned_instant(current_setting('t.today')::date + p_days, p_time, 'Europe/Berlin')
$$;
create function pg_temp.act_as(p_user text) returns void language sql as $$
  select set_config('request.jwt.claims',
    format('{"sub":"5c500000-0000-4000-b000-0000000000%s","role":"authenticated"}', p_user), true)
$$;

-- privileges --------------------------------------------------------------------------------
select ok(not has_function_privilege('anon', 'public.reschedule_booking(uuid, timestamptz)', 'execute'),
  'anon cannot reschedule');
select ok(has_function_privilege('authenticated', 'public.reschedule_booking(uuid, timestamptz)', 'execute'),
  'signed-in users may call it (the function checks who)');

-- d1 books day 3 at 10:00, d2 day 3 at 12:00 ------------------------------------------------
set local role authenticated;
select pg_temp.act_as('d1');
select public.book_slot('5c500000-0000-4000-a000-00000000000a', '5c500000-0000-4000-b000-0000000000c1',
  pg_temp.at(3, '10:00'), null, '5c500000-0000-4000-e000-000000000001');
select pg_temp.act_as('d2');
select public.book_slot('5c500000-0000-4000-a000-00000000000a', '5c500000-0000-4000-b000-0000000000c1',
  pg_temp.at(3, '12:00'), null, '5c500000-0000-4000-e000-000000000002');

-- denied ---------------------------------------------------------------------------------------
select throws_ok($$select public.reschedule_booking('5c500000-0000-4000-e000-000000000001', pg_temp.at(4, '10:00'))$$,
  '42501', 'not your booking', 'd2 cannot move d1''s booking');
select pg_temp.act_as('d1');
select throws_ok($$select public.reschedule_booking('5c500000-0000-4000-e000-000000000001', pg_temp.at(3, '12:30'))$$,
  '23P01', 'this time is no longer available', 'a time d2 holds (with the coach''s buffer) is refused as slot_taken');
select throws_ok($$select public.reschedule_booking('5c500000-0000-4000-e000-000000000001', pg_temp.at(4, '22:00'))$$,
  'P0001', 'the coach is not available at this time', 'a time outside the coach''s hours is refused');
select throws_ok($$select public.reschedule_booking('5c500000-0000-4000-e000-000000000001', pg_temp.at(120, '10:00'))$$,
  'P0001', 'this time is too far ahead to book', 'a time beyond the horizon is refused');
reset role;
select is((select starts_at from public.training_sessions t join public.bookings b on b.session_id = t.id
    where b.id = '5c500000-0000-4000-e000-000000000001'), pg_temp.at(3, '10:00'),
  'a refused move leaves the booking where it was');

-- allowed --------------------------------------------------------------------------------------
set local role authenticated;
select pg_temp.act_as('d1');
select is((public.reschedule_booking('5c500000-0000-4000-e000-000000000001', pg_temp.at(5, '16:00')) ->> 'booking_id'),
  '5c500000-0000-4000-e000-000000000001', 'd1 moves their booking to day 5 16:00, keeping its id');
reset role;
select results_eq($$select t.starts_at, t.ends_at, t.local_date, b.status from public.bookings b
    join public.training_sessions t on t.id = b.session_id where b.id = '5c500000-0000-4000-e000-000000000001'$$,
  $$values (pg_temp.at(5, '16:00'), pg_temp.at(5, '17:00'), current_setting('t.today')::date + 5, 'confirmed'::text)$$,
  'the same booking and session now start at the new time, one hour long as before');
select is((select count(*)::int from private.commitments c join public.bookings b on b.session_id = c.session_id
    where b.id = '5c500000-0000-4000-e000-000000000001' and c.starts_at = pg_temp.at(5, '16:00')), 1,
  'the ledger holds the new time');
select is((select count(*)::int from private.email_outbox where dedupe_key like 'booking_reschedule:5c500000-0000-4000-e000-000000000001:%'
    and payload ->> 'rescheduled' = 'true'), 2, 'the member and the coach are each emailed once');

-- the old time is free again: d2 takes it
set local role authenticated;
select pg_temp.act_as('d2');
select lives_ok($$select public.book_slot('5c500000-0000-4000-a000-00000000000a', '5c500000-0000-4000-b000-0000000000c1',
  pg_temp.at(3, '10:00'))$$, 'the time it left is bookable again');

-- the coach may move a booking inside the window; the member no longer may
reset role;
update public.coach_settings set cancellation_window_minutes = 43200
 where coach_id = '5c500000-0000-4000-b000-0000000000c1';
set local role authenticated;
select pg_temp.act_as('d1');
select throws_ok($$select public.reschedule_booking('5c500000-0000-4000-e000-000000000001', pg_temp.at(6, '16:00'))$$,
  'P0001', 'too late to cancel; ask your coach', 'inside the cancellation window the member cannot move it');
select pg_temp.act_as('c1');
select lives_ok($$select public.reschedule_booking('5c500000-0000-4000-e000-000000000001', pg_temp.at(6, '16:00'))$$,
  'the coach can');

-- a cancelled booking stays cancelled
select public.cancel_booking('5c500000-0000-4000-e000-000000000001');
select throws_ok($$select public.reschedule_booking('5c500000-0000-4000-e000-000000000001', pg_temp.at(7, '16:00'))$$,
  'P0001', 'only a confirmed upcoming booking can be moved', 'a cancelled booking cannot be moved');

select * from finish();
rollback;
