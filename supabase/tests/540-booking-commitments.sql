-- the commitments ledger (issue 12 §1): a series holds its time to the horizon,
-- beyond the generated six weeks; busy times show it; cancelling gives it back;
-- a settings change that moves bookable time flags sessions; generation flags
-- what it places outside availability; the daily job forgets claims that ended.
begin;
select plan(14);

-- fixtures ---------------------------------------------------------------------------------
insert into auth.users (id, email) values
  ('5c400000-0000-4000-b000-0000000000c1', 'ledger-c1@test.local'),
  ('5c400000-0000-4000-b000-0000000000d1', 'ledger-d1@test.local'),
  ('5c400000-0000-4000-b000-0000000000d2', 'ledger-d2@test.local');
insert into public.organizations (id, name, slug) values
  ('5c400000-0000-4000-a000-00000000000a', 'Ledger', 'ledger');
insert into public.memberships (org_id, user_id, role) values
  ('5c400000-0000-4000-a000-00000000000a', '5c400000-0000-4000-b000-0000000000c1', 'coach'),
  ('5c400000-0000-4000-a000-00000000000a', '5c400000-0000-4000-b000-0000000000d1', 'member'),
  ('5c400000-0000-4000-a000-00000000000a', '5c400000-0000-4000-b000-0000000000d2', 'member');
insert into public.coach_settings (org_id, coach_id, time_zone, buffer_before_minutes, buffer_after_minutes,
  minimum_notice_minutes, booking_horizon_days) values
  ('5c400000-0000-4000-a000-00000000000a', '5c400000-0000-4000-b000-0000000000c1', 'Europe/Berlin', 0, 0, 0, 90);
insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time)
  select '5c400000-0000-4000-a000-00000000000a', '5c400000-0000-4000-b000-0000000000c1', d, '08:00', '21:00'
  from generate_series(0, 6) d;

select set_config('t.today', ((now() at time zone 'Europe/Berlin')::date)::text, true);
create function pg_temp.at(p_days int, p_time time) returns timestamptz language sql stable as $$
  select private.zoned_instant(current_setting('t.today')::date + p_days, p_time, 'Europe/Berlin')
$$;
create function pg_temp.act_as(p_user text) returns void language sql as $$
  select set_config('request.jwt.claims',
    format('{"sub":"5c400000-0000-4000-b000-0000000000%s","role":"authenticated"}', p_user), true)
$$;

-- a series holds its future ------------------------------------------------------------------
set local role authenticated;
select pg_temp.act_as('d1');
select lives_ok(format($$select public.create_recurring_booking('5c400000-0000-4000-a000-00000000000a',
    '5c400000-0000-4000-b000-0000000000c1', %s, '18:00', %L, p_id => '5c400000-0000-4000-e000-000000000001')$$,
    extract(dow from current_setting('t.today')::date + 3), current_setting('t.today')::date + 3),
  'd1 books weekly 18:00 from day 3, open-ended');
reset role;
select is((select max(local_date) - current_setting('t.today')::date from private.commitments
    where series_id = '5c400000-0000-4000-e000-000000000001'), 87,
  'its occurrences are claimed to the 90-day horizon, not only the six generated weeks');
set local role authenticated;
select pg_temp.act_as('d2');
select throws_ok($$select public.book_slot('5c400000-0000-4000-a000-00000000000a',
    '5c400000-0000-4000-b000-0000000000c1', pg_temp.at(59, '18:30'))$$,
  '23P01', 'this time is no longer available', 'a one-time booking on the ninth date is refused');
select is((select count(*)::int from public.coach_busy_times('5c400000-0000-4000-b000-0000000000c1',
    pg_temp.at(59, '00:00'), pg_temp.at(60, '00:00')) b where b.starts_at = pg_temp.at(59, '18:00')), 1,
  'busy times show the ninth occurrence, which is not a session yet');

reset role;
insert into public.blocked_slots (org_id, coach_id, starts_at, ends_at, reason) values
  ('5c400000-0000-4000-a000-00000000000a', '5c400000-0000-4000-b000-0000000000c1',
   pg_temp.at(66, '09:00'), pg_temp.at(66, '12:00'), 'private matter');
set local role authenticated;
select results_eq($$select starts_at, ends_at, blocked from public.coach_busy_times('5c400000-0000-4000-b000-0000000000c1',
    pg_temp.at(66, '00:00'), pg_temp.at(67, '00:00'))$$,
  $$values (pg_temp.at(66, '09:00'), pg_temp.at(66, '12:00'), true),
           (pg_temp.at(66, '18:00'), pg_temp.at(66, '19:00'), false)$$,
  'a member reads blocked time as a range marked blocked, beside the series occurrence, without its reason');

-- cancelling gives the time back ------------------------------------------------------------
select pg_temp.act_as('d1');
select lives_ok($$select public.cancel_recurring_booking('5c400000-0000-4000-e000-000000000001')$$,
  'd1 ends the series');
select pg_temp.act_as('d2');
select lives_ok($$select public.book_slot('5c400000-0000-4000-a000-00000000000a',
    '5c400000-0000-4000-b000-0000000000c1', pg_temp.at(59, '18:30'))$$,
  'the ninth date is free again');

-- settings that move bookable time flag sessions ------------------------------------------------
reset role;
select is((select count(*)::int from public.session_conflicts where kind = 'outside_availability' and status = 'open'
    and coach_id = '5c400000-0000-4000-b000-0000000000c1'), 0, 'nothing is flagged yet');
update public.coach_settings set time_zone = 'Asia/Tokyo'
 where coach_id = '5c400000-0000-4000-b000-0000000000c1';
select is((select count(*)::int from public.session_conflicts c join public.training_sessions t on t.id = c.session_id
    where c.kind = 'outside_availability' and c.status = 'open' and t.starts_at = pg_temp.at(59, '18:30')), 1,
  'a new time zone moves the windows: the 18:30 Berlin session no longer fits and is flagged');
update public.coach_settings set time_zone = 'Europe/Berlin'
 where coach_id = '5c400000-0000-4000-b000-0000000000c1';
select is((select count(*)::int from public.session_conflicts where kind = 'outside_availability' and status = 'open'
    and coach_id = '5c400000-0000-4000-b000-0000000000c1'), 0, 'moving back resolves the flag');

-- generation flags what it places outside availability -----------------------------------------
set local role authenticated;
select pg_temp.act_as('d1');
select lives_ok(format($$select public.create_recurring_booking('5c400000-0000-4000-a000-00000000000a',
    '5c400000-0000-4000-b000-0000000000c1', %s, '09:00', %L, p_id => '5c400000-0000-4000-e000-000000000002')$$,
    extract(dow from current_setting('t.today')::date + 5), current_setting('t.today')::date + 5),
  'd1 books weekly 09:00 from day 5');
reset role;
-- the window narrows to 10:00–21:00 without a trigger (as a restore or a bulk load
-- would), so only generation can notice
alter table public.weekly_availability disable trigger weekly_availability_changed;
update public.weekly_availability set start_time = '10:00' where coach_id = '5c400000-0000-4000-b000-0000000000c1';
alter table public.weekly_availability enable trigger weekly_availability_changed;
select cmp_ok((public.generate_sessions(current_setting('t.today')::date + 60) ->> 'created')::int, '>', 0,
  'a later run places the next occurrences');
select is((select count(*)::int from public.training_sessions t
    where t.recurring_booking_id = '5c400000-0000-4000-e000-000000000002' and t.local_date > current_setting('t.today')::date + 42
      and not exists (select from public.session_conflicts c where c.session_id = t.id and c.kind = 'outside_availability')), 0,
  'every occurrence placed outside the window is flagged');

-- the daily job forgets claims that ended ---------------------------------------------------------
insert into private.commitments (org_id, coach_id, series_id, local_date, starts_at, ends_at, reserved)
values ('5c400000-0000-4000-a000-00000000000a', '5c400000-0000-4000-b000-0000000000c1',
  '5c400000-0000-4000-e000-0000000000ff', current_setting('t.today')::date - 3, pg_temp.at(-3, '12:00'),
  pg_temp.at(-3, '13:00'), tstzrange(pg_temp.at(-3, '12:00'), pg_temp.at(-3, '13:00')));
select public.generate_sessions();
select is((select count(*)::int from private.commitments where ends_at < now() - interval '1 day'), 0,
  'claims that ended before yesterday are gone');

select * from finish();
rollback;
