-- storefront emails (issue 14): a guest's booking is mailed to the guest's address, in
-- the guest's language, and the coach is told the guest's name, never the address; a
-- paid hold mails nothing until it is confirmed; a retried trigger mails once; moving
-- a session supersedes the queued reminder and queues the new one; cancelling tells
-- both sides and who cancelled; a member's switch still applies; the calendar
-- sequence grows. nobody but the service role reads the outbox or mints a link, and
-- a link is minted only for a guest's email being sent.
begin;
select plan(36);

-- fixtures ---------------------------------------------------------------------------------
insert into auth.users (id, email) values
  ('17500000-0000-4000-b000-0000000000c1', 'coach@shop-mail.test'),
  ('17500000-0000-4000-b000-0000000000d1', 'member@shop-mail.test');
update public.profiles set display_name = 'Olga' where id = '17500000-0000-4000-b000-0000000000c1';
update public.profiles set display_name = 'Boris' where id = '17500000-0000-4000-b000-0000000000d1';
insert into public.organizations (id, name, slug) values
  ('17500000-0000-4000-a000-00000000000a', 'Shop Club', 'shop-mail-club');
insert into public.memberships (org_id, user_id, role) values
  ('17500000-0000-4000-a000-00000000000a', '17500000-0000-4000-b000-0000000000c1', 'coach'),
  ('17500000-0000-4000-a000-00000000000a', '17500000-0000-4000-b000-0000000000d1', 'member');
insert into public.coach_pages (org_id, coach_id, slug, published, display_name, place) values
  ('17500000-0000-4000-a000-00000000000a', '17500000-0000-4000-b000-0000000000c1', 'olga-shop', true,
   'Olga', 'Stadium North');

-- sessions: a one-to-one 24 h ahead (its reminder is due), one next week, a group class
insert into public.training_sessions (id, org_id, coach_id, kind, origin, local_date, time_zone, starts_at, ends_at, capacity) values
  ('17500000-0000-4000-e100-000000000001', '17500000-0000-4000-a000-00000000000a', '17500000-0000-4000-b000-0000000000c1',
   'one_to_one', 'one_time_booking', (now() + interval '1 day')::date, 'Europe/Moscow',
   now() + interval '24 hours' - interval '5 minutes', now() + interval '24 hours' + interval '25 minutes', 1),
  ('17500000-0000-4000-e100-000000000002', '17500000-0000-4000-a000-00000000000a', '17500000-0000-4000-b000-0000000000c1',
   'one_to_one', 'one_time_booking', (now() + interval '7 days')::date, 'Europe/Moscow',
   now() + interval '7 days', now() + interval '7 days 1 hour', 1),
  ('17500000-0000-4000-e100-000000000003', '17500000-0000-4000-a000-00000000000a', '17500000-0000-4000-b000-0000000000c1',
   'group', 'one_time_booking', (now() + interval '8 days')::date, 'Europe/Moscow',
   now() + interval '8 days', now() + interval '8 days 1 hour', 10);

create function pg_temp.mail(p_booking text) returns setof private.email_outbox language sql stable as $$
  select * from private.email_outbox e where e.dedupe_key like '%' || p_booking || '%'
$$;

-- a guest books (confirmed at once: a free session) ------------------------------------------
insert into public.bookings (id, org_id, session_id, coach_id, member_id, guest_name, created_at) values
  ('17500000-0000-4000-e200-000000000001', '17500000-0000-4000-a000-00000000000a', '17500000-0000-4000-e100-000000000001',
   '17500000-0000-4000-b000-0000000000c1', null, 'Gina Guest', now() - interval '3 days');
insert into private.booking_guests (booking_id, email, time_zone, locale) values
  ('17500000-0000-4000-e200-000000000001', 'gina@guest.test', 'America/New_York', 'en');
-- the guest's contact arrives after the booking row (its key), and queues the
-- confirmation then; a retry of that step queues nothing more
select private.enqueue_guest_email('booking_confirmation', '17500000-0000-4000-e200-000000000001',
  'booking_confirmation:17500000-0000-4000-e200-000000000001',
  private.booking_email_payload(b)) from public.bookings b where b.id = '17500000-0000-4000-e200-000000000001';

select results_eq($$select kind, user_id, to_email, locale, payload ->> 'audience'
    from pg_temp.mail('17500000-0000-4000-e200-000000000001') order by kind$$,
  $$values ('booking_confirmation', null::uuid, 'gina@guest.test', 'en', 'guest'),
           ('booking_notification', '17500000-0000-4000-b000-0000000000c1'::uuid, null, 'ru', 'coach')$$,
  'a guest''s booking: the confirmation to the guest''s address in English, the notice to the coach');
select is((select count(*)::int from pg_temp.mail('17500000-0000-4000-e200-000000000001')), 2,
  'a retried trigger queues nothing more');
select is((select payload ->> 'memberName' from pg_temp.mail('17500000-0000-4000-e200-000000000001')
            where kind = 'booking_notification'), 'Gina Guest', 'the coach is told the guest''s name');
select ok((select bool_and(payload::text not like '%gina@guest.test%') from pg_temp.mail('17500000-0000-4000-e200-000000000001')),
  'no payload carries the guest''s address');
select is((select payload ->> 'timeZone' from pg_temp.mail('17500000-0000-4000-e200-000000000001')
            where kind = 'booking_confirmation'), 'America/New_York', 'the guest reads times in their own zone');
select is((select payload ->> 'place' from pg_temp.mail('17500000-0000-4000-e200-000000000001')
            where kind = 'booking_confirmation'), 'Stadium North', 'the coach''s place travels with the email');
select is((select (payload ->> 'icsSequence')::int from pg_temp.mail('17500000-0000-4000-e200-000000000001')
            where kind = 'booking_confirmation'), 0, 'a new booking''s calendar event is version 0');
select throws_ok($$insert into private.email_outbox (kind, dedupe_key) values ('booking_confirmation', 'nobody')$$,
  '23514', null, 'an email with no recipient is refused');
select throws_ok($$insert into private.email_outbox (kind, user_id, to_email, dedupe_key)
    values ('booking_confirmation', '17500000-0000-4000-b000-0000000000d1', 'x@y.test', 'both')$$,
  '23514', null, 'an email with two recipients is refused');

-- a paid hold: nothing until it is paid ------------------------------------------------------
insert into public.bookings (id, org_id, session_id, coach_id, member_id, guest_name, status, hold_until) values
  ('17500000-0000-4000-e200-000000000002', '17500000-0000-4000-a000-00000000000a', '17500000-0000-4000-e100-000000000002',
   '17500000-0000-4000-b000-0000000000c1', null, 'Paul Payer', 'pending_payment', now() + interval '10 minutes');
insert into private.booking_guests (booking_id, email, locale) values
  ('17500000-0000-4000-e200-000000000002', 'paul@guest.test', 'ru');
select is((select count(*)::int from pg_temp.mail('17500000-0000-4000-e200-000000000002')), 0,
  'a booking waiting for payment is not announced');
-- only the webhook's paid path confirms a hold (20261206155000_paid_holds.sql): as it does
insert into private.booking_payments (booking_id, amount_minor, currency, status) values
  ('17500000-0000-4000-e200-000000000002', 250000, 'RUB', 'paid');
select set_config('trackside.paid_booking', '17500000-0000-4000-e200-000000000002', true);
update public.bookings set status = 'confirmed', hold_until = null where id = '17500000-0000-4000-e200-000000000002';
select is((select array_agg(kind || ':' || coalesce(to_email, user_id::text) order by kind)
             from pg_temp.mail('17500000-0000-4000-e200-000000000002')),
  array['booking_confirmation:paul@guest.test', 'booking_notification:17500000-0000-4000-b000-0000000000c1'],
  'once paid, the guest and the coach are told');
update public.bookings set status = 'confirmed' where id = '17500000-0000-4000-e200-000000000002';
select is((select count(*)::int from pg_temp.mail('17500000-0000-4000-e200-000000000002')), 2,
  'confirming again mails nothing more');

-- reminders, and a move ------------------------------------------------------------------------
select is(private.enqueue_session_reminders(), 1, 'the guest''s reminder is due');
select results_eq($$select to_email, booking_id, dedupe_key from private.email_outbox where kind = 'session_reminder'
    and to_email is not null$$,
  $$values ('gina@guest.test', '17500000-0000-4000-e200-000000000001'::uuid,
            'session_reminder:17500000-0000-4000-e200-000000000001')$$,
  'a reminder to the guest''s address, about the booking');
-- the guest moves it ten minutes later from the manage page (no signed-in caller)
update public.training_sessions
   set starts_at = starts_at + interval '10 minutes', ends_at = ends_at + interval '10 minutes'
 where id = '17500000-0000-4000-e100-000000000001';
select results_eq($$select status, last_error from private.email_outbox
    where dedupe_key = 'session_reminder:17500000-0000-4000-e200-000000000001'$$,
  $$values ('skipped', 'superseded: the booking moved')$$, 'the reminder for the old time is superseded');
select results_eq($$select status, send_after = (select starts_at - interval '24 hours' from public.training_sessions
      where id = '17500000-0000-4000-e100-000000000001')
    from private.email_outbox where dedupe_key = 'session_reminder:17500000-0000-4000-e200-000000000001:1'$$,
  $$values ('pending', true)$$, 'and the reminder for the new time is queued');
select results_eq($$select kind, coalesce(to_email, user_id::text), payload ->> 'rescheduled', (payload ->> 'icsSequence')::int
    from private.email_outbox where dedupe_key like 'booking_reschedule:17500000-0000-4000-e200-000000000001:%' order by kind$$,
  $$values ('booking_confirmation', 'gina@guest.test', 'true', 1),
           ('booking_notification', '17500000-0000-4000-b000-0000000000c1', 'true', 1)$$,
  'the guest and the coach hear of the move, with the event''s next version');
select ok((select (payload ->> 'previousStartsAt')::timestamptz < (payload ->> 'startsAt')::timestamptz
             from private.email_outbox
            where dedupe_key = 'booking_reschedule:17500000-0000-4000-e200-000000000001:1:guest'),
  'the move''s email has the old time and the new');
select is(private.booking_ics_sequence('17500000-0000-4000-e200-000000000001'), 1, 'the calendar sequence grew');

-- a member's switch still applies ---------------------------------------------------------------
insert into public.email_preferences (user_id, kind, enabled) values
  ('17500000-0000-4000-b000-0000000000d1', 'session_reminder', false);
insert into public.training_sessions (id, org_id, coach_id, member_id, kind, origin, local_date, time_zone, starts_at, ends_at) values
  ('17500000-0000-4000-e100-000000000004', '17500000-0000-4000-a000-00000000000a', '17500000-0000-4000-b000-0000000000c1',
   '17500000-0000-4000-b000-0000000000d1', 'one_to_one', 'one_time_booking', (now() + interval '1 day')::date, 'Europe/Moscow',
   now() + interval '23 hours 35 minutes', now() + interval '23 hours 50 minutes');
insert into public.bookings (id, org_id, session_id, coach_id, member_id, created_at) values
  ('17500000-0000-4000-e200-000000000004', '17500000-0000-4000-a000-00000000000a', '17500000-0000-4000-e100-000000000004',
   '17500000-0000-4000-b000-0000000000c1', '17500000-0000-4000-b000-0000000000d1', now() - interval '3 days');
select results_eq($$select user_id, to_email, payload ->> 'audience' from pg_temp.mail('17500000-0000-4000-e200-000000000004')
    where kind = 'booking_confirmation'$$,
  $$values ('17500000-0000-4000-b000-0000000000d1'::uuid, null::text, 'member')$$,
  'a member''s confirmation goes to the member as before');
select private.enqueue_session_reminders();
select is((select count(*)::int from pg_temp.mail('17500000-0000-4000-e200-000000000004') where kind = 'session_reminder'), 0,
  'a member who switched reminders off gets none');

-- a member's session moved by their coach: the known gap (the reminder kept the old
-- time) is closed for members too; the member hears of it from reschedule_booking
insert into auth.users (id, email) values
  ('17500000-0000-4000-b000-0000000000c2', 'coach2@shop-mail.test'),
  ('17500000-0000-4000-b000-0000000000d2', 'member2@shop-mail.test');
insert into public.memberships (org_id, user_id, role) values
  ('17500000-0000-4000-a000-00000000000a', '17500000-0000-4000-b000-0000000000c2', 'coach'),
  ('17500000-0000-4000-a000-00000000000a', '17500000-0000-4000-b000-0000000000d2', 'member');
insert into public.training_sessions (id, org_id, coach_id, member_id, kind, origin, local_date, time_zone, starts_at, ends_at) values
  ('17500000-0000-4000-e100-000000000007', '17500000-0000-4000-a000-00000000000a', '17500000-0000-4000-b000-0000000000c2',
   '17500000-0000-4000-b000-0000000000d2', 'one_to_one', 'one_time_booking', (now() + interval '1 day')::date, 'Europe/Moscow',
   now() + interval '24 hours', now() + interval '25 hours');
insert into public.bookings (id, org_id, session_id, coach_id, member_id, created_at) values
  ('17500000-0000-4000-e200-000000000007', '17500000-0000-4000-a000-00000000000a', '17500000-0000-4000-e100-000000000007',
   '17500000-0000-4000-b000-0000000000c2', '17500000-0000-4000-b000-0000000000d2', now() - interval '3 days');
select private.enqueue_session_reminders();
select set_config('request.jwt.claims', '{"sub":"17500000-0000-4000-b000-0000000000c2","role":"authenticated"}', true);
update public.training_sessions set starts_at = starts_at + interval '5 minutes', ends_at = ends_at + interval '5 minutes'
 where id = '17500000-0000-4000-e100-000000000007';
select set_config('request.jwt.claims', '', true);
select results_eq($$select dedupe_key, status, user_id from pg_temp.mail('17500000-0000-4000-e200-000000000007')
    where kind = 'session_reminder' order by dedupe_key$$,
  $$values ('session_reminder:17500000-0000-4000-e200-000000000007', 'skipped', '17500000-0000-4000-b000-0000000000d2'::uuid),
           ('session_reminder:17500000-0000-4000-e200-000000000007:1', 'pending', '17500000-0000-4000-b000-0000000000d2'::uuid)$$,
  'a member''s reminder for the old time is superseded by one for the new time');
select is((select count(*)::int from pg_temp.mail('17500000-0000-4000-e200-000000000007') where dedupe_key like 'booking_reschedule:%'), 0,
  'the trigger leaves a member''s move to reschedule_booking''s emails');

-- a group class: each seat's email is about that seat only ------------------------------------
insert into public.bookings (id, org_id, session_id, coach_id, member_id, guest_name) values
  ('17500000-0000-4000-e200-000000000005', '17500000-0000-4000-a000-00000000000a', '17500000-0000-4000-e100-000000000003',
   '17500000-0000-4000-b000-0000000000c1', null, 'Alice Seat'),
  ('17500000-0000-4000-e200-000000000006', '17500000-0000-4000-a000-00000000000a', '17500000-0000-4000-e100-000000000003',
   '17500000-0000-4000-b000-0000000000c1', '17500000-0000-4000-b000-0000000000d1', null);
insert into private.booking_guests (booking_id, email) values
  ('17500000-0000-4000-e200-000000000005', 'alice@seat.test');
select ok((select bool_and(payload::text not like '%Boris%' and payload::text not like '%member@shop-mail.test%')
             from pg_temp.mail('17500000-0000-4000-e200-000000000005')),
  'seat A''s emails name neither seat B''s person nor address');
select ok((select bool_and(payload::text not like '%Alice%' and payload::text not like '%alice@seat.test%')
             from pg_temp.mail('17500000-0000-4000-e200-000000000006')),
  'nor do seat B''s name seat A''s');

-- cancelling --------------------------------------------------------------------------------
update public.bookings set status = 'cancelled_by_member', cancelled_at = now()
 where id = '17500000-0000-4000-e200-000000000002';
select results_eq($$select coalesce(to_email, user_id::text), payload ->> 'cancelledBy', (payload ->> 'icsSequence')::int
    from pg_temp.mail('17500000-0000-4000-e200-000000000002') where kind = 'booking_cancellation' order by 1$$,
  $$values ('17500000-0000-4000-b000-0000000000c1', 'cancelled_by_member', 1),
           ('paul@guest.test', 'cancelled_by_member', 1)$$,
  'a guest who cancels is told, and so is the coach, with who cancelled and the event''s next version');

-- the dispatcher: claims, addresses and links ---------------------------------------------------
set local role service_role;
select set_config('request.jwt.claims', '{"role":"service_role"}', true);
select set_config('t.batch', public.email_claim_batch(100)::text, true);
select set_config('t.guest', (select e ->> 'id' from jsonb_array_elements(current_setting('t.batch')::jsonb) e
  where e ->> 'kind' = 'booking_confirmation' and e ->> 'to' = 'gina@guest.test' and e -> 'payload' ->> 'rescheduled' is null), true);
select is((select e ->> 'bookingId' from jsonb_array_elements(current_setting('t.batch')::jsonb) e
            where e ->> 'id' = current_setting('t.guest')), '17500000-0000-4000-e200-000000000001',
  'a claimed guest email carries its address and its booking');
select ok((select bool_and(e ->> 'to' is not null) from jsonb_array_elements(current_setting('t.batch')::jsonb) e),
  'every claimed email has an address');
select set_config('t.token', public.email_booking_link(current_setting('t.guest')::uuid), true);
select is(char_length(current_setting('t.token')), 22, 'the dispatcher mints a 22-character token');
select is((select booking_id from private.booking_links
            where token_hash = sha256(convert_to(current_setting('t.token'), 'UTF8'))),
  '17500000-0000-4000-e200-000000000001'::uuid, 'whose hash opens that booking only');
select throws_ok(format($$select public.email_booking_link(%L)$$, (select e ->> 'id'
    from jsonb_array_elements(current_setting('t.batch')::jsonb) e where e ->> 'kind' = 'booking_notification' limit 1)),
  'P0001', 'only a guest''s email carries a manage link', 'a person''s email gets no manage link');
select lives_ok(format($$select public.email_mark(%L, true)$$, current_setting('t.guest')), 'the guest''s email is sent');
select throws_ok(format($$select public.email_booking_link(%L)$$, current_setting('t.guest')),
  'P0001', 'no email is being sent with this id', 'and a sent email mints no more links');
reset role;

-- nobody else ---------------------------------------------------------------------------------
set local role authenticated;
select set_config('request.jwt.claims', '{"sub":"17500000-0000-4000-b000-0000000000c1","role":"authenticated"}', true);
select throws_ok($$select * from private.email_outbox$$, '42501', null, 'a coach cannot read the outbox');
select throws_ok(format($$select public.email_booking_link(%L)$$, current_setting('t.guest')), '42501', null,
  'nor mint a link');
reset role;
set local role anon;
select set_config('request.jwt.claims', '{"role":"anon"}', true);
select throws_ok(format($$select public.email_booking_link(%L)$$, current_setting('t.guest')), '42501', null,
  'a visitor cannot mint a link');
reset role;

select * from finish();
rollback;
