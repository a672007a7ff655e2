-- series emails (issue 13): a recurring booking, made by the member or by a coach
-- for an athlete, queues one email to each side listing every date it holds (the
-- generated sessions and the occurrences claimed ahead to the horizon) and the
-- skipped ones, in each person's language; ending it tells the other side once,
-- never once per session; a replay queues nothing; preferences apply.
--
-- the emails are queued by deferred constraint triggers, at commit. this file runs
-- in one transaction, so after each rpc `set constraints … immediate` fires what
-- the commit would have (and `… deferred` restores the commit-time behaviour).
begin;
select plan(28);

-- fixtures ---------------------------------------------------------------------------------
insert into auth.users (id, email) values
  ('5c920000-0000-4000-b000-0000000000c1', 'series-c1@test.local'),
  ('5c920000-0000-4000-b000-0000000000d1', 'series-d1@test.local'),
  ('5c920000-0000-4000-b000-0000000000d2', 'series-d2@test.local');
update public.profiles set display_name = 'Olga' where id = '5c920000-0000-4000-b000-0000000000c1';
update public.profiles set display_name = 'Anna', locale = 'en' where id = '5c920000-0000-4000-b000-0000000000d1';
update public.profiles set display_name = 'Boris' where id = '5c920000-0000-4000-b000-0000000000d2';
insert into public.organizations (id, name, slug) values
  ('5c920000-0000-4000-a000-00000000000a', 'Series Club', 'series-club');
insert into public.memberships (org_id, user_id, role) values
  ('5c920000-0000-4000-a000-00000000000a', '5c920000-0000-4000-b000-0000000000c1', 'coach'),
  ('5c920000-0000-4000-a000-00000000000a', '5c920000-0000-4000-b000-0000000000d1', 'member'),
  ('5c920000-0000-4000-a000-00000000000a', '5c920000-0000-4000-b000-0000000000d2', 'member');
-- a 30-day cancellation window: a member who ends a series keeps its first sessions
insert into public.coach_settings (org_id, coach_id, time_zone, buffer_before_minutes, buffer_after_minutes,
  minimum_notice_minutes, booking_horizon_days, cancellation_window_minutes) values
  ('5c920000-0000-4000-a000-00000000000a', '5c920000-0000-4000-b000-0000000000c1', 'Europe/Berlin', 0, 0, 0, 90, 43200);
insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time)
  select '5c920000-0000-4000-a000-00000000000a', '5c920000-0000-4000-b000-0000000000c1', d, '08:00', '21:00'
  from generate_series(0, 6) d;

select set_config('t.today', ((now() at time zone 'Europe/Berlin')::date)::text, true);
create function pg_temp.at(p_days int, p_time time) returns timestamptz language sql stable as $$
  select private.zoned_instant(current_setting('t.today')::date + p_days, p_time, 'Europe/Berlin')
$$;
create function pg_temp.act_as(p_user text) returns void language sql as $$
  select set_config('request.jwt.claims',
    format('{"sub":"5c920000-0000-4000-b000-0000000000%s","role":"authenticated"}', p_user), true)
$$;
-- the outbox rows about one series
create function pg_temp.series_mail(p_series text) returns setof private.email_outbox language sql stable as $$
  select * from private.email_outbox e where e.dedupe_key like 'series_%:' || p_series || '%'
$$;

-- the coach's blocked time takes day 10: the series is booked around it
insert into public.blocked_slots (org_id, coach_id, starts_at, ends_at, reason) values
  ('5c920000-0000-4000-a000-00000000000a', '5c920000-0000-4000-b000-0000000000c1',
   pg_temp.at(10, '17:00'), pg_temp.at(10, '20:00'), 'meet');

-- a member books weekly --------------------------------------------------------------------
select set_config('t.outbox', (select count(*)::text from private.email_outbox), true);
set local role authenticated;
select pg_temp.act_as('d1');
select lives_ok(format($$select public.create_recurring_booking('5c920000-0000-4000-a000-00000000000a',
    '5c920000-0000-4000-b000-0000000000c1', %s, '18:00', %L, p_skip_conflicts => true,
    p_id => '5c920000-0000-4000-e000-000000000001')$$,
    extract(dow from current_setting('t.today')::date + 3), current_setting('t.today')::date + 3),
  'd1 books weekly 18:00 from day 3, open-ended, skipping day 10');
reset role;
select is((select count(*)::int from pg_temp.series_mail('5c920000-0000-4000-e000-000000000001')), 0,
  'nothing is queued before the transaction commits');
set constraints public.series_created_emails, public.series_ended_emails immediate;
set constraints public.series_created_emails, public.series_ended_emails deferred;

select is((select count(*)::int from private.email_outbox), current_setting('t.outbox')::int + 2,
  'at commit exactly two emails are queued: one per side, none per session');
select results_eq($$select kind, user_id, locale from pg_temp.series_mail('5c920000-0000-4000-e000-000000000001')
    order by kind$$,
  $$values ('booking_confirmation', '5c920000-0000-4000-b000-0000000000d1'::uuid, 'en'),
           ('booking_notification', '5c920000-0000-4000-b000-0000000000c1'::uuid, 'ru')$$,
  'a confirmation to the member in English (their profile), a notification to the coach in Russian');
select is((select array_agg(dedupe_key order by dedupe_key) from pg_temp.series_mail('5c920000-0000-4000-e000-000000000001')),
  array['series_confirmation:5c920000-0000-4000-e000-000000000001',
        'series_notification:5c920000-0000-4000-e000-000000000001'],
  'one dedupe key per series and event');
select is((select array_agg((d ->> 'date')::date order by d ->> 'date')
             from pg_temp.series_mail('5c920000-0000-4000-e000-000000000001') e,
                  jsonb_array_elements(e.payload -> 'dates') d
            where e.kind = 'booking_confirmation'),
  (select array_agg(c.local_date order by c.local_date) from private.commitments c
    where c.series_id = '5c920000-0000-4000-e000-000000000001'),
  'the email lists every date the series holds in the ledger');
select cmp_ok((select max((d ->> 'date')::date) - current_setting('t.today')::date
                 from pg_temp.series_mail('5c920000-0000-4000-e000-000000000001') e,
                      jsonb_array_elements(e.payload -> 'dates') d
                where e.kind = 'booking_confirmation'), '>', 42,
  'including the dates claimed ahead beyond the six generated weeks');
select ok((select bool_and(exists (select from public.training_sessions t
              where t.recurring_booking_id = '5c920000-0000-4000-e000-000000000001'
                and t.local_date = (d ->> 'date')::date and t.starts_at = (d ->> 'startsAt')::timestamptz))
             from pg_temp.series_mail('5c920000-0000-4000-e000-000000000001') e,
                  jsonb_array_elements(e.payload -> 'dates') d
            where e.kind = 'booking_confirmation'
              and (d ->> 'date')::date <= current_setting('t.today')::date + 42),
  'the generated dates carry their sessions'' instants');
select is((select payload -> 'dates' -> 0 ->> 'startsAt' from pg_temp.series_mail('5c920000-0000-4000-e000-000000000001')
            where kind = 'booking_confirmation')::timestamptz,
  pg_temp.at(3, '18:00'), 'the first date is day 3 at 18:00 Berlin time');
select is((select payload -> 'skipped' from pg_temp.series_mail('5c920000-0000-4000-e000-000000000001')
            where kind = 'booking_confirmation'),
  jsonb_build_array(current_setting('t.today')::date + 10), 'the skipped date is listed');
select is((select payload - 'dates' - 'skipped' - 'seriesId' - 'weekday' - 'startDate'
             from pg_temp.series_mail('5c920000-0000-4000-e000-000000000001') where kind = 'booking_notification'),
  jsonb_build_object('series', true, 'organization', 'Series Club', 'coachName', 'Olga', 'memberName', 'Anna',
    'timeZone', 'Europe/Berlin', 'startTime', '18:00', 'durationMinutes', 60, 'everyWeeks', 1, 'endDate', null),
  'the coach''s email names the member, the club, the coach''s zone and the weekly rhythm');

-- a replay queues nothing -------------------------------------------------------------------
set local role authenticated;
select is(public.create_recurring_booking('5c920000-0000-4000-a000-00000000000a',
    '5c920000-0000-4000-b000-0000000000c1', extract(dow from current_setting('t.today')::date + 3)::int, '18:00',
    current_setting('t.today')::date + 3, p_skip_conflicts => true,
    p_id => '5c920000-0000-4000-e000-000000000001') ->> 'replayed', 'true', 'the same request again is a replay');
set constraints public.series_created_emails, public.series_ended_emails immediate;
set constraints public.series_created_emails, public.series_ended_emails deferred;
reset role;
select is((select count(*)::int from private.email_outbox), current_setting('t.outbox')::int + 2,
  'and queues nothing');

-- a refused series queues nothing -----------------------------------------------------------
set local role authenticated;
select pg_temp.act_as('d2');
select throws_ok(format($$select public.create_recurring_booking('5c920000-0000-4000-a000-00000000000a',
    '5c920000-0000-4000-b000-0000000000c1', %s, '18:30', %L, p_id => '5c920000-0000-4000-e000-000000000009')$$,
    extract(dow from current_setting('t.today')::date + 3), current_setting('t.today')::date + 3),
  '23P01', null, 'd2''s series over d1''s is refused');
set constraints public.series_created_emails, public.series_ended_emails immediate;
set constraints public.series_created_emails, public.series_ended_emails deferred;
reset role;
select is((select count(*)::int from private.email_outbox), current_setting('t.outbox')::int + 2,
  'and queues nothing');

-- a coach books every two weeks for an athlete who switched confirmations off ----------------
insert into public.email_preferences (user_id, kind, enabled)
  values ('5c920000-0000-4000-b000-0000000000d2', 'booking_confirmation', false);
set local role authenticated;
select pg_temp.act_as('c1');
select lives_ok(format($$select public.create_recurring_booking('5c920000-0000-4000-a000-00000000000a',
    '5c920000-0000-4000-b000-0000000000c1', %s, '10:00', %L, p_every_weeks => 2, p_end_date => %L,
    p_id => '5c920000-0000-4000-e000-000000000002', p_member_id => '5c920000-0000-4000-b000-0000000000d2')$$,
    extract(dow from current_setting('t.today')::date + 2), current_setting('t.today')::date + 2,
    current_setting('t.today')::date + 120),
  'c1 books d2 every two weeks at 10:00 from day 2 until day 120');
set constraints public.series_created_emails, public.series_ended_emails immediate;
set constraints public.series_created_emails, public.series_ended_emails deferred;
reset role;
select results_eq($$select kind, user_id from pg_temp.series_mail('5c920000-0000-4000-e000-000000000002')$$,
  $$values ('booking_notification', '5c920000-0000-4000-b000-0000000000c1'::uuid)$$,
  'the coach is notified; the athlete, who switched booking confirmations off, is not emailed');
select is((select array_agg((d ->> 'date')::date - current_setting('t.today')::date order by d ->> 'date')
             from pg_temp.series_mail('5c920000-0000-4000-e000-000000000002') e,
                  jsonb_array_elements(e.payload -> 'dates') d),
  (select array_agg(c.local_date - current_setting('t.today')::date order by c.local_date) from private.commitments c
    where c.series_id = '5c920000-0000-4000-e000-000000000002'),
  'every date to the coach''s horizon is listed');
select is((select (payload ->> 'everyWeeks')::int from pg_temp.series_mail('5c920000-0000-4000-e000-000000000002')),
  2, 'as every two weeks');

-- the member ends a series: the coach is told once, with the sessions that stand ---------------
select set_config('t.outbox', (select count(*)::text from private.email_outbox), true);
set local role authenticated;
select pg_temp.act_as('d1');
select cmp_ok((public.cancel_recurring_booking('5c920000-0000-4000-e000-000000000001') ->> 'sessions_cancelled')::int,
  '>', 1, 'd1 ends the series; several sessions are cancelled');
set constraints public.series_created_emails, public.series_ended_emails immediate;
set constraints public.series_created_emails, public.series_ended_emails deferred;
reset role;
select is((select count(*)::int from private.email_outbox), current_setting('t.outbox')::int + 1,
  'exactly one email is queued, not one per session');
select results_eq($$select kind, user_id, dedupe_key, payload ->> 'cancelledBy'
    from pg_temp.series_mail('5c920000-0000-4000-e000-000000000001') where kind = 'booking_cancellation'$$,
  $$values ('booking_cancellation', '5c920000-0000-4000-b000-0000000000c1'::uuid,
            'series_cancellation:5c920000-0000-4000-e000-000000000001:coach', 'member')$$,
  'to the coach: the member ended it');
select is((select array_agg((d ->> 'date')::date order by d ->> 'date')
             from pg_temp.series_mail('5c920000-0000-4000-e000-000000000001') e,
                  jsonb_array_elements(e.payload -> 'dates') d
            where e.kind = 'booking_cancellation'),
  (select array_agg(t.local_date order by t.local_date) from public.training_sessions t
    where t.recurring_booking_id = '5c920000-0000-4000-e000-000000000001' and t.status = 'scheduled'),
  'it lists the sessions inside the cancellation window, which stand');
select ok((select payload ? 'skipped' from pg_temp.series_mail('5c920000-0000-4000-e000-000000000001')
            where kind = 'booking_cancellation') is false, 'without the skipped dates');

set local role authenticated;
select lives_ok($$select public.cancel_recurring_booking('5c920000-0000-4000-e000-000000000001')$$,
  'ending it again');
set constraints public.series_created_emails, public.series_ended_emails immediate;
set constraints public.series_created_emails, public.series_ended_emails deferred;
reset role;
select is((select count(*)::int from private.email_outbox), current_setting('t.outbox')::int + 1,
  'queues nothing more');

-- the coach ends a series: the member is told ---------------------------------------------
set local role authenticated;
select pg_temp.act_as('c1');
select lives_ok($$select public.cancel_recurring_booking('5c920000-0000-4000-e000-000000000002')$$,
  'c1 ends d2''s series');
set constraints public.series_created_emails, public.series_ended_emails immediate;
set constraints public.series_created_emails, public.series_ended_emails deferred;
reset role;
select results_eq($$select user_id, payload ->> 'cancelledBy', jsonb_array_length(payload -> 'dates'), locale
    from pg_temp.series_mail('5c920000-0000-4000-e000-000000000002') where kind = 'booking_cancellation'$$,
  $$values ('5c920000-0000-4000-b000-0000000000d2'::uuid, 'coach', 0, 'ru')$$,
  'only the member is told, in Russian: the coach ended it and no session stands');

select * from finish();
rollback;
