-- guest booking (issue 14): anyone reads a published page's open times; only the
-- service role books as a guest; a manage token manages its own booking only, a
-- wrong one changes nothing and is told apart from nothing; cancel and move stop
-- at the coach's window; a move keeps the booking's id; a guest and a member
-- never hold the same time.
begin;
select plan(31);

-- fixtures ---------------------------------------------------------------------------------
insert into auth.users (id, email) values
  ('17000000-0000-4000-b000-0000000000c1', 'guest-c1@test.local'),
  ('17000000-0000-4000-b000-0000000000d1', 'guest-d1@test.local');
insert into public.organizations (id, name, slug) values
  ('17000000-0000-4000-a000-00000000000a', 'Guests', 'guests');
insert into public.memberships (org_id, user_id, role) values
  ('17000000-0000-4000-a000-00000000000a', '17000000-0000-4000-b000-0000000000c1', 'coach'),
  ('17000000-0000-4000-a000-00000000000a', '17000000-0000-4000-b000-0000000000d1', 'member');
insert into public.coach_settings (org_id, coach_id, time_zone, minimum_notice_minutes, booking_horizon_days,
  cancellation_window_minutes, slot_interval_minutes) values
  ('17000000-0000-4000-a000-00000000000a', '17000000-0000-4000-b000-0000000000c1', 'Europe/Berlin', 0, 30, 1440, 60);
insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time)
  select '17000000-0000-4000-a000-00000000000a', '17000000-0000-4000-b000-0000000000c1', d, '08:00', '20:00'
  from generate_series(0, 6) d;
insert into public.coach_pages (id, org_id, coach_id, slug, published, display_name, place) values
  ('17000000-0000-4000-c000-000000000001', '17000000-0000-4000-a000-00000000000a',
   '17000000-0000-4000-b000-0000000000c1', 'guest-coach', true, 'Guest Coach', 'Track 1');
insert into public.session_types (id, org_id, coach_id, name, duration_minutes, price_minor) values
  ('17000000-0000-4000-d000-000000000001', '17000000-0000-4000-a000-00000000000a',
   '17000000-0000-4000-b000-0000000000c1', 'Trial', 30, 0),
  ('17000000-0000-4000-d000-000000000002', '17000000-0000-4000-a000-00000000000a',
   '17000000-0000-4000-b000-0000000000c1', 'Paid', 60, 250000);

select set_config('t.today', ((now() at time zone 'Europe/Berlin')::date)::text, true);
create function pg_temp.at(p_days int, p_time time) returns timestamptz language sql stable security definer as $$
  select private.zoned_instant(current_setting('t.today')::date + p_days, p_time, 'Europe/Berlin')
$$;
create function pg_temp.book(p_days int, p_time time, p_email text) returns jsonb language sql as $$
  select public.guest_book('17000000-0000-4000-d000-000000000001', pg_temp.at(p_days, p_time), 'Gina Guest',
    p_email, null, 'Asia/Tokyo', 'en')
$$;

-- privileges --------------------------------------------------------------------------------
select ok(not has_function_privilege('anon', 'public.guest_book(uuid, timestamptz, text, text, text, text, text)', 'execute'),
  'anon cannot call guest_book');
select ok(not has_function_privilege('authenticated', 'public.guest_book(uuid, timestamptz, text, text, text, text, text)', 'execute'),
  'signed-in users cannot call guest_book either');
select is(tests.try_as('anon', $$select count(*) from jsonb_each(public.guest_book('17000000-0000-4000-d000-000000000001',
    now() + interval '3 days', 'Bot', 'bot@example.com'))$$), '42501', 'anon''s call is refused');
select ok(not has_function_privilege('anon', 'public.hit_public_limits(jsonb)', 'execute'),
  'anon cannot count rate limits');
select ok(has_function_privilege('anon', 'public.public_slots(text, uuid, timestamptz, timestamptz)', 'execute')
  and has_function_privilege('anon', 'public.guest_booking_view(uuid, text)', 'execute')
  and has_function_privilege('anon', 'public.guest_booking_cancel(uuid, text)', 'execute')
  and has_function_privilege('anon', 'public.guest_booking_reschedule(uuid, text, timestamptz)', 'execute'),
  'anon reads open times and manages through a link');

-- open times ----------------------------------------------------------------------------------
select is(tests.try_as('anon', $$select jsonb_array_length(public.public_slots('guest-coach',
    '17000000-0000-4000-d000-000000000001', pg_temp.at(3, '00:00'), pg_temp.at(4, '00:00')) -> 'slots')$$),
  '12', 'a free day 08:00–20:00 gives twelve 30-minute starts on the hour');
select is(tests.try_as('anon', $$select count(*) from public.public_slots('guest-coach',
    '17000000-0000-4000-d000-000000000001', pg_temp.at(1, '00:00'), pg_temp.at(40, '00:00'))$$),
  '22023', 'a range over 31 days is refused');
select is(tests.try_as('anon', $$select count(*) from public.public_slots('volkov-nope',
    '17000000-0000-4000-d000-000000000001', pg_temp.at(3, '00:00'), pg_temp.at(4, '00:00'))$$),
  'P0002', 'a type asked for under another slug is not found');

-- booking -------------------------------------------------------------------------------------
select set_config('t.a', pg_temp.book(3, '10:00', 'gina@example.com')::text, true);
select set_config('t.b', pg_temp.book(3, '12:00', 'hugo@example.com')::text, true);
select results_eq($$select b.member_id, b.guest_name, b.session_type_id, b.status, t.ends_at - t.starts_at
    from public.bookings b join public.training_sessions t on t.id = b.session_id
    where b.id = (current_setting('t.a')::jsonb ->> 'booking_id')::uuid$$,
  $$values (null::uuid, 'Gina Guest'::text, '17000000-0000-4000-d000-000000000001'::uuid, 'confirmed'::text, interval '30 minutes')$$,
  'a guest''s booking has no member, the guest''s name, the type and its length');
select results_eq($$select email, time_zone, locale from private.booking_guests
    where booking_id = (current_setting('t.a')::jsonb ->> 'booking_id')::uuid$$,
  $$values ('gina@example.com'::text, 'Asia/Tokyo'::text, 'en'::text)$$, 'the contact is kept apart');
select is(char_length(current_setting('t.a')::jsonb ->> 'token'), 22, 'a 22-character token comes back');
select is((select jsonb_array_length(public.public_slots('guest-coach', '17000000-0000-4000-d000-000000000001',
    pg_temp.at(3, '00:00'), pg_temp.at(4, '00:00')) -> 'slots')), 10, 'the two booked hours are no longer offered');

select is((pg_temp.book(3, '10:00', 'GINA@example.com ') ->> 'booking_id'), current_setting('t.a')::jsonb ->> 'booking_id',
  'the same email retrying the same slot gets the same booking back');
select throws_ok($$select pg_temp.book(3, '10:00', 'other@example.com')$$, '23P01', 'this time is no longer available',
  'another guest cannot take a held slot');
select throws_ok($$select public.guest_book('17000000-0000-4000-d000-000000000002', pg_temp.at(4, '10:00'),
    'Gina', 'gina@example.com')$$, '22023', 'this session type is paid', 'a paid type is refused by the free path');
select throws_ok($$select pg_temp.book(3, '22:00', 'gina@example.com')$$, 'P0001', 'the coach is not available at this time',
  'a time outside availability is refused');

-- no double booking with a member -------------------------------------------------------------------
set local role authenticated;
select set_config('request.jwt.claims', '{"sub":"17000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
select throws_ok($$select public.book_slot('17000000-0000-4000-a000-00000000000a', '17000000-0000-4000-b000-0000000000c1',
    pg_temp.at(3, '10:00'), 30)$$, '23P01', 'this time is no longer available', 'a member cannot book a guest''s time');
select public.book_slot('17000000-0000-4000-a000-00000000000a', '17000000-0000-4000-b000-0000000000c1',
  pg_temp.at(4, '10:00'), 60);
reset role;
select throws_ok($$select pg_temp.book(4, '10:30', 'gina@example.com')$$, '23P01', 'this time is no longer available',
  'a guest cannot book inside a member''s time');

-- the manage link -----------------------------------------------------------------------------------
select is(tests.try_as('anon', format($$select count(*) from jsonb_each(public.guest_booking_view(%L, %L))$$,
    current_setting('t.a')::jsonb ->> 'booking_id', current_setting('t.a')::jsonb ->> 'token')) <> '0', true,
  'the token opens its booking');
select ok(not (public.guest_booking_view((current_setting('t.a')::jsonb ->> 'booking_id')::uuid,
    current_setting('t.a')::jsonb ->> 'token')::text ~* 'gina@|hugo'), 'the view carries no email and no other guest');
select is(tests.try_as('anon', format($$select count(*) from jsonb_each(public.guest_booking_view(%L, %L))$$,
    current_setting('t.a')::jsonb ->> 'booking_id', current_setting('t.b')::jsonb ->> 'token')),
  'P0002', 'another booking''s token opens nothing');
select is(tests.try_as('anon', format($$select count(*) from jsonb_each(public.guest_booking_view(%L, %L))$$,
    gen_random_uuid(), current_setting('t.a')::jsonb ->> 'token')),
  'P0002', 'an unknown booking gets the same answer as a wrong token');
select is(tests.try_as('anon', format($$select count(*) from jsonb_each(public.guest_booking_cancel(%L, 'AAAAAAAAAAAAAAAAAAAAAA'))$$,
    current_setting('t.a')::jsonb ->> 'booking_id')), 'P0002', 'a wrong token cannot cancel');
select is(tests.try_as('anon', format($$select count(*) from jsonb_each(public.guest_booking_reschedule(%L, %L, pg_temp.at(5, '10:00')))$$,
    current_setting('t.a')::jsonb ->> 'booking_id', current_setting('t.b')::jsonb ->> 'token')), 'P0002',
  'another booking''s token cannot move it');
select results_eq($$select b.status, t.starts_at from public.bookings b join public.training_sessions t on t.id = b.session_id
    where b.id = (current_setting('t.a')::jsonb ->> 'booking_id')::uuid$$,
  $$values ('confirmed'::text, pg_temp.at(3, '10:00'))$$, 'wrong tokens changed nothing');

-- reschedule keeps the id; the window stops changes ----------------------------------------------------
-- as a visitor: no signed-in user's claims left over from above
select set_config('request.jwt.claims', '{"role":"anon"}', true);
set local role anon;
select is((public.guest_booking_reschedule((current_setting('t.a')::jsonb ->> 'booking_id')::uuid,
    current_setting('t.a')::jsonb ->> 'token', pg_temp.at(5, '15:00')) ->> 'booking_id'),
  current_setting('t.a')::jsonb ->> 'booking_id', 'a move keeps the booking id');
select throws_ok(format($$select public.guest_booking_reschedule(%L, %L, pg_temp.at(3, '12:00'))$$,
    current_setting('t.a')::jsonb ->> 'booking_id', current_setting('t.a')::jsonb ->> 'token'),
  '23P01', 'this time is no longer available', 'a move onto a taken slot is refused');
reset role;
-- the move is told once to each side: the guest their new time, the coach the guest's move
select results_eq(format($$select e.to_email is not null, count(*)::int from private.email_outbox e
    where e.dedupe_key like 'booking_reschedule:' || %L || ':%%' group by 1 order by 1$$,
    current_setting('t.a')::jsonb ->> 'booking_id'),
  $$values (false, 1), (true, 1)$$, 'a guest''s move queues one mail to the coach and one to the guest');
update public.coach_settings set cancellation_window_minutes = 43200
 where coach_id = '17000000-0000-4000-b000-0000000000c1';
set local role anon;
select throws_ok(format($$select public.guest_booking_cancel(%L, %L)$$,
    current_setting('t.a')::jsonb ->> 'booking_id', current_setting('t.a')::jsonb ->> 'token'),
  'P0001', 'too late to cancel; ask your coach', 'inside the window cancelling is refused with its reason');
reset role;
update public.coach_settings set cancellation_window_minutes = 60
 where coach_id = '17000000-0000-4000-b000-0000000000c1';
set local role anon;
select is((public.guest_booking_cancel((current_setting('t.a')::jsonb ->> 'booking_id')::uuid,
    current_setting('t.a')::jsonb ->> 'token') ->> 'status'), 'cancelled_by_member', 'before it, the guest cancels');
reset role;
select results_eq($$select b.status, t.status from public.bookings b join public.training_sessions t on t.id = b.session_id
    where b.id = (current_setting('t.b')::jsonb ->> 'booking_id')::uuid$$,
  $$values ('confirmed'::text, 'scheduled'::text)$$, 'the other guest''s booking is untouched');

select * from finish();
rollback;
