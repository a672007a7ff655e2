-- paying for a booking (issue 14): a hold counts against double booking, a retry
-- returns the same hold, only the webhook's paid path confirms it, the sweep (run
-- at an injected time, never the wall clock) releases it and the slot returns, and
-- a payment after the release is confirmed when the slot is free and refunded
-- once, with an email to both sides, when it is gone.
begin;
select plan(42);

-- fixtures ---------------------------------------------------------------------------------
insert into auth.users (id, email) values
  ('18000000-0000-4000-b000-0000000000c1', 'paid-c1@test.local'),
  ('18000000-0000-4000-b000-0000000000d1', 'paid-d1@test.local'),
  ('18000000-0000-4000-b000-0000000000d2', 'paid-d2@test.local');
insert into public.organizations (id, name, slug) values
  ('18000000-0000-4000-a000-00000000000a', 'Paid', 'paid-holds');
insert into public.memberships (org_id, user_id, role) values
  ('18000000-0000-4000-a000-00000000000a', '18000000-0000-4000-b000-0000000000c1', 'coach'),
  ('18000000-0000-4000-a000-00000000000a', '18000000-0000-4000-b000-0000000000d1', 'member'),
  ('18000000-0000-4000-a000-00000000000a', '18000000-0000-4000-b000-0000000000d2', 'member');
insert into public.coach_settings (org_id, coach_id, time_zone, minimum_notice_minutes, booking_horizon_days) values
  ('18000000-0000-4000-a000-00000000000a', '18000000-0000-4000-b000-0000000000c1', 'Europe/Berlin', 0, 90);
insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time)
  select '18000000-0000-4000-a000-00000000000a', '18000000-0000-4000-b000-0000000000c1', d, '08:00', '21:00'
  from generate_series(0, 6) d;
insert into public.coach_pages (org_id, coach_id, slug, published, display_name) values
  ('18000000-0000-4000-a000-00000000000a', '18000000-0000-4000-b000-0000000000c1', 'paid-coach', true, 'Paid Coach');
insert into public.session_types (id, org_id, coach_id, name, duration_minutes, price_minor, currency) values
  ('18000000-0000-4000-f000-000000000001', '18000000-0000-4000-a000-00000000000a',
   '18000000-0000-4000-b000-0000000000c1', 'Paid hour', 60, 250000, 'RUB'),
  ('18000000-0000-4000-f000-000000000002', '18000000-0000-4000-a000-00000000000a',
   '18000000-0000-4000-b000-0000000000c1', 'Free half hour', 30, 0, 'RUB');

select set_config('t.today', ((now() at time zone 'Europe/Berlin')::date)::text, true);
create function pg_temp.at(p_days int, p_time time) returns timestamptz language sql stable as $$
  select private.zoned_instant(current_setting('t.today')::date + p_days, p_time, 'Europe/Berlin')
$$;
-- a guest's hold of the paid hour
create function pg_temp.guest_hold(p_email text, p_start timestamptz) returns jsonb language sql as $$
  select public.hold_paid_booking('18000000-0000-4000-f000-000000000001', p_start,
    p_guest_name => 'Guest ' || p_email, p_guest_email => p_email, p_guest_locale => 'en')
$$;
-- a checkout event as the webhook passes it on
create function pg_temp.event(p_id text, p_type text, p_booking text, p_session text, p_intent text)
returns jsonb language sql as $$
  select public.stripe_apply_event(jsonb_build_object('id', p_id, 'type', p_type,
    'created', extract(epoch from now())::bigint, 'bookingId', p_booking, 'sessionId', p_session,
    'paymentIntentId', p_intent, 'amountTotal', 250000, 'currency', 'rub',
    'paymentStatus', case when p_type = 'checkout.session.completed' then 'paid' else 'unpaid' end))
$$;
grant execute on function pg_temp.at(int, time), pg_temp.guest_hold(text, timestamptz),
  pg_temp.event(text, text, text, text, text) to service_role, authenticated;

-- privileges --------------------------------------------------------------------------------
select ok(not has_function_privilege('anon', 'public.hold_paid_booking(uuid, timestamptz, uuid, text, text, text, text, text, uuid)', 'execute'),
  'anon cannot hold a slot directly');
select ok(not has_function_privilege('authenticated', 'public.hold_paid_booking(uuid, timestamptz, uuid, text, text, text, text, text, uuid)', 'execute'),
  'nor a signed-in user (the functions hold for them)');
select ok(has_function_privilege('service_role', 'public.hold_paid_booking(uuid, timestamptz, uuid, text, text, text, text, text, uuid)', 'execute'),
  'the service role holds');
select ok(not has_function_privilege('authenticated', 'private.release_expired_holds(timestamptz)', 'execute')
    and not has_function_privilege('authenticated', 'public.attach_booking_checkout(uuid, text, text)', 'execute')
    and not has_function_privilege('anon', 'public.booking_holds_due(int)', 'execute'),
  'the sweep and the checkout bookkeeping are the service role''s');
select ok(not has_table_privilege('authenticated', 'private.checkout_expiries', 'select'),
  'no client reads the expiry queue');

-- a guest holds day 3 10:00 ---------------------------------------------------------------------
set local role service_role;
select set_config('t.a', pg_temp.guest_hold('Anna@Example.test', pg_temp.at(3, '10:00')) ->> 'bookingId', true);
reset role;
select results_eq($$select status, hold_until, guest_name, member_id is null from public.bookings
    where id = current_setting('t.a')::uuid$$,
  $$values ('pending_payment'::text, now() + interval '10 minutes', 'Guest Anna@Example.test'::text, true)$$,
  'the booking waits for payment, held for 10 minutes');
select results_eq($$select amount_minor, currency, status from private.booking_payments
    where booking_id = current_setting('t.a')::uuid$$,
  $$values (250000, 'RUB'::text, 'pending'::text)$$, 'the price is the session type''s, from the database');
select results_eq($$select t.ends_at - t.starts_at, t.status from public.training_sessions t
    join public.bookings b on b.session_id = t.id where b.id = current_setting('t.a')::uuid$$,
  $$values (interval '60 minutes', 'scheduled'::text)$$, 'its session is the type''s length');
select is((select email from private.booking_guests where booking_id = current_setting('t.a')::uuid),
  'anna@example.test', 'the guest''s email is kept lowercased');
select is((select count(*)::int from private.commitments c join public.bookings b on b.session_id = c.session_id
    where b.id = current_setting('t.a')::uuid), 1, 'the hold claims its time in the ledger');

-- the hold counts against double booking ---------------------------------------------------------
set local role authenticated;
select set_config('request.jwt.claims', '{"sub":"18000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
select throws_ok($$select public.book_slot('18000000-0000-4000-a000-00000000000a',
    '18000000-0000-4000-b000-0000000000c1', pg_temp.at(3, '10:30'), 60)$$,
  '23P01', 'this time is no longer available', 'a member cannot book over a held slot');
set local role service_role;
select throws_ok($$select pg_temp.guest_hold('boris@example.test', pg_temp.at(3, '10:00'))$$,
  '23P01', 'this time is no longer available', 'another guest cannot hold it either');
select is(pg_temp.guest_hold('ANNA@example.test', pg_temp.at(3, '10:00')) ->> 'bookingId', current_setting('t.a'),
  'the same guest retrying gets the same hold back');
select throws_ok($$select public.hold_paid_booking('18000000-0000-4000-f000-000000000002', pg_temp.at(6, '10:00'),
    p_guest_name => 'X', p_guest_email => 'x@example.test')$$,
  '22023', 'this session is free: book it without payment', 'a free session type is not held for payment');
select throws_ok($$select public.hold_paid_booking('18000000-0000-4000-f000-000000000001', pg_temp.at(6, '10:00'),
    p_guest_name => 'X', p_guest_email => 'not-an-email')$$,
  '22023', 'a valid email is required', 'a guest needs a valid email');
select throws_ok($$select public.hold_paid_booking('18000000-0000-4000-f000-000000000001', pg_temp.at(6, '10:00'),
    p_member_id => '18000000-0000-4000-b000-0000000000c9')$$,
  '42501', 'not a member of this organization', 'a member must belong to the club');

-- the checkout is attached once; a retry returns its url ----------------------------------------
select is(public.attach_booking_checkout(current_setting('t.a')::uuid, 'cs_test_a', 'https://checkout.test/a') ->> 'checkoutUrl',
  'https://checkout.test/a', 'the checkout session is recorded');
select is(public.attach_booking_checkout(current_setting('t.a')::uuid, 'cs_test_other', 'https://checkout.test/other') ->> 'checkoutSessionId',
  'cs_test_a', 'a second session never replaces the first');
select is(pg_temp.guest_hold('anna@example.test', pg_temp.at(3, '10:00')) ->> 'checkoutUrl', 'https://checkout.test/a',
  'a retry returns the existing checkout');

-- nobody but the payment confirms it --------------------------------------------------------------
select throws_ok($$update public.bookings set status = 'confirmed', hold_until = null where id = current_setting('t.a')::uuid$$,
  '42501', 'a booking waiting for payment is confirmed only by its payment', 'the service role cannot confirm an unpaid booking');
reset role;
select throws_ok($$update public.bookings set status = 'confirmed', hold_until = null where id = current_setting('t.a')::uuid$$,
  '42501', 'a booking waiting for payment is confirmed only by its payment', 'nor can the table owner');
select throws_ok($$select set_config('trackside.paid_booking', current_setting('t.a'), true);
    update public.bookings set status = 'confirmed', hold_until = null where id = current_setting('t.a')::uuid$$,
  '42501', 'a booking waiting for payment is confirmed only by its payment', 'nor the marker alone, without a paid payment');
select set_config('trackside.paid_booking', '', true);

-- the sweep, at injected times ------------------------------------------------------------------
select is(private.release_expired_holds(now() + interval '9 minutes'), '[]'::jsonb, 'at 9 minutes the hold stays');
select is(private.release_expired_holds(now() + interval '11 minutes'), '["cs_test_a"]'::jsonb,
  'at 11 minutes it is released and its stripe session is to be expired');
select results_eq($$select b.status, t.status, p.status from public.bookings b
    join public.training_sessions t on t.id = b.session_id
    join private.booking_payments p on p.booking_id = b.id where b.id = current_setting('t.a')::uuid$$,
  $$values ('expired'::text, 'cancelled'::text, 'expired'::text)$$, 'booking expired, session cancelled, payment expired');
select is((select count(*)::int from private.commitments c join public.bookings b on b.session_id = c.session_id
    where b.id = current_setting('t.a')::uuid), 0, 'the ledger lets the time go');
select is((select count(*)::int from private.checkout_expiries where stripe_checkout_session_id = 'cs_test_a' and done_at is null),
  1, 'the session is queued for stripe');

-- the slot is back: member d1 books it -------------------------------------------------------------
set local role authenticated;
select set_config('request.jwt.claims', '{"sub":"18000000-0000-4000-b000-0000000000d1","role":"authenticated"}', true);
select lives_ok($$select public.book_slot('18000000-0000-4000-a000-00000000000a',
    '18000000-0000-4000-b000-0000000000c1', pg_temp.at(3, '10:00'), 60)$$, 'the released slot can be booked again');

-- the guest pays late: the slot is gone → refunded once, both sides told ---------------------------------
set local role service_role;
select is(pg_temp.event('evt_late_1', 'checkout.session.completed', current_setting('t.a'), 'cs_test_a', 'pi_late_a') -> 'refund' ->> 'paymentIntentId',
  'pi_late_a', 'a payment for a slot that is gone asks for a refund');
reset role;
select results_eq($$select b.status, p.status, p.refunded_at is not null from public.bookings b
    join private.booking_payments p on p.booking_id = b.id where b.id = current_setting('t.a')::uuid$$,
  $$values ('expired'::text, 'refunded'::text, true)$$, 'the booking stays expired, the payment is refunded');
select results_eq($$select coalesce(to_email, user_id::text) from private.email_outbox
    where kind = 'booking_refunded' and booking_id is not distinct from booking_id
      and dedupe_key like 'booking_refunded:' || current_setting('t.a') || ':%' order by dedupe_key$$,
  $$values ('18000000-0000-4000-b000-0000000000c1'::text), ('anna@example.test'::text)$$,
  'the coach and the guest are each emailed once');
set local role service_role;
select is(pg_temp.event('evt_late_1', 'checkout.session.completed', current_setting('t.a'), 'cs_test_a', 'pi_late_a') -> 'refund' ->> 'paymentIntentId',
  'pi_late_a', 'a redelivery while the refund is not issued asks again (same idempotency key at stripe)');
select lives_ok($$select public.booking_refund_issued(current_setting('t.a')::uuid, 're_late_a')$$, 'the refund is recorded');
select is(pg_temp.event('evt_late_1', 'checkout.session.completed', current_setting('t.a'), 'cs_test_a', 'pi_late_a'),
  '{"outcome": "duplicate"}'::jsonb, 'after that a redelivery is only a duplicate');
select is(pg_temp.event('evt_late_2', 'checkout.session.async_payment_succeeded', current_setting('t.a'), 'cs_test_a', 'pi_late_a') -> 'refund',
  null, 'another event for the same payment refunds nothing more');
reset role;
select is((select count(*)::int from private.email_outbox where kind = 'booking_refunded'
    and dedupe_key like 'booking_refunded:' || current_setting('t.a') || ':%'), 2, 'still two emails');

-- paid within the hold → confirmed ---------------------------------------------------------------------
set local role service_role;
select set_config('t.b', (public.hold_paid_booking('18000000-0000-4000-f000-000000000001', pg_temp.at(4, '10:00'),
  p_member_id => '18000000-0000-4000-b000-0000000000d2')) ->> 'bookingId', true);
select is(pg_temp.event('evt_paid_b', 'checkout.session.completed', current_setting('t.b'), 'cs_test_b', 'pi_b') ->> 'status',
  'confirmed', 'a member pays within the hold');
reset role;
select results_eq($$select b.status, b.hold_until, p.status, p.stripe_checkout_session_id from public.bookings b
    join private.booking_payments p on p.booking_id = b.id where b.id = current_setting('t.b')::uuid$$,
  $$values ('confirmed'::text, null::timestamptz, 'paid'::text, 'cs_test_b'::text)$$,
  'confirmed, no hold left, payment paid');
select is(private.release_expired_holds(now() + interval '1 day'), '[]'::jsonb, 'a paid booking is never swept');

-- paid late, the slot still free → confirmed --------------------------------------------------------------
set local role service_role;
select set_config('t.c', pg_temp.guest_hold('vera@example.test', pg_temp.at(5, '12:00')) ->> 'bookingId', true);
reset role;
select private.release_expired_holds(now() + interval '11 minutes');
set local role service_role;
select is(pg_temp.event('evt_late_c', 'checkout.session.completed', current_setting('t.c'), 'cs_test_c', 'pi_c') ->> 'status',
  'confirmed', 'a late payment for a slot still free confirms the booking');
reset role;
select results_eq($$select b.status, t.status, (select count(*)::int from private.commitments c where c.session_id = t.id)
    from public.bookings b join public.training_sessions t on t.id = b.session_id where b.id = current_setting('t.c')::uuid$$,
  $$values ('confirmed'::text, 'scheduled'::text, 1)$$, 'its session is live again and holds its time');

-- stripe's own expiry releases the hold like the sweep ----------------------------------------------------
set local role service_role;
select set_config('t.d', pg_temp.guest_hold('gleb@example.test', pg_temp.at(6, '12:00')) ->> 'bookingId', true);
select pg_temp.event('evt_exp_d', 'checkout.session.expired', current_setting('t.d'), 'cs_test_d', null);
reset role;
select is((select status from public.bookings where id = current_setting('t.d')::uuid), 'expired',
  'checkout.session.expired releases the hold');

select * from finish();
rollback;
