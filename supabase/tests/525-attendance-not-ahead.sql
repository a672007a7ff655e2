-- attendance: no mark before the session's day (20261206141000_attendance_not_ahead.sql).
-- allowed: a session today or earlier in its zone, clearing any mark; denied: a
-- status for a session on a later day, by a coach, an admin, the service role and
-- through sync_push (refused with the reason 'rule', so the device lists it).
--
-- fixture: tests.create_tenancy_fixture() — coach coaches A1 (athletes a1, a2).
-- the sessions' dates are the club's today, yesterday and tomorrow at now().
begin;
select plan(13);
select tests.create_tenancy_fixture();

create function pg_temp.day(p_shift int) returns date language sql as $$
  select (now() at time zone 'Europe/Moscow')::date + p_shift
$$;

insert into public.training_sessions (id, org_id, coach_id, group_id, kind, origin, local_date, time_zone, starts_at, ends_at, member_id)
select ('52500000-0000-4000-8000-00000000000' || n)::uuid, '10000000-0000-4000-8000-00000000000a',
       tests.get_supabase_uid('coach'), '20000000-0000-4000-8000-0000000000a1', 'group', 'one_time_booking',
       pg_temp.day(shift), 'Europe/Moscow',
       (pg_temp.day(shift) + time '23:00') at time zone 'Europe/Moscow',
       (pg_temp.day(shift) + time '23:50') at time zone 'Europe/Moscow', null
  from (values (1, -1), (2, 0), (3, 1), (4, 7)) as v (n, shift);

-- a mark of a1 in session n by the caller
create function pg_temp.ins(p_n int, p_status text default 'present') returns text language sql as $$
  select format('insert into public.attendance (id, org_id, session_id, athlete_id, status) values (gen_random_uuid(), %L, %L, %L, %L)',
    '10000000-0000-4000-8000-00000000000a', '52500000-0000-4000-8000-00000000000' || p_n,
    '30000000-0000-4000-8000-0000000000a1', p_status)
$$;

-- allowed -------------------------------------------------------------------------------------
select is(tests.try_as('coach', pg_temp.ins(1)), '1', 'a coach marks yesterday''s session');
select is(tests.try_as('coach', pg_temp.ins(2)), '1',
  'a coach marks today''s session, even before it starts (the register before the warm-up)');
select is(tests.try_as('admin', pg_temp.ins(2, 'absent')), '1', 'an admin marks today''s session');

-- denied --------------------------------------------------------------------------------------
select is(tests.try_as('coach', pg_temp.ins(3)), 'P0001', 'a coach cannot mark tomorrow''s session');
select is(tests.try_as('coach', pg_temp.ins(4, 'absent')), 'P0001', 'nor next week''s, whatever the status');
select is(tests.try_as('admin', pg_temp.ins(3)), 'P0001', 'an admin cannot mark tomorrow''s session');
select throws_ok(pg_temp.ins(3), 'P0001', null, 'the service role cannot either');

-- a mark written ahead before the rule: it cannot be changed to another status, but can be cleared
insert into public.attendance (id, org_id, session_id, athlete_id, status)
values ('52500000-0000-4000-8000-0000000000f2', '10000000-0000-4000-8000-00000000000a',
        '52500000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-0000000000a2', 'present');
update public.training_sessions set local_date = pg_temp.day(1) where id = '52500000-0000-4000-8000-000000000002';
select is(tests.try_as('coach', $$update public.attendance set status = 'absent'
  where id = '52500000-0000-4000-8000-0000000000f2'$$), 'P0001', 'a mark ahead cannot be changed to another status');
select is(tests.try_as('coach', $$update public.attendance set status = null
  where id = '52500000-0000-4000-8000-0000000000f2'$$), '1', 'a mark ahead can be cleared');
select is(tests.try_as('coach', $$update public.attendance set marked_at = now()
  where id = '52500000-0000-4000-8000-0000000000f2'$$), '1', 'a write that keeps its status is not refused');

-- through sync: a refusal the device keeps and shows, never lost ---------------------------------
select tests.authenticate_as('coach');
select set_config('t.r', public.sync_push('52500000-0000-4000-9000-000000000001', jsonb_build_array(
  jsonb_build_object('seq', 1, 'table', 'attendance', 'id', '52500000-0000-4000-8000-0000000000e3',
    'op', 'insert', 'fields', jsonb_build_object('org_id', '10000000-0000-4000-8000-00000000000a',
      'session_id', '52500000-0000-4000-8000-000000000003', 'athlete_id', '30000000-0000-4000-8000-0000000000a2',
      'status', 'present', 'marked_at', now())),
  jsonb_build_object('seq', 2, 'table', 'attendance', 'id', '52500000-0000-4000-8000-0000000000e1',
    'op', 'insert', 'fields', jsonb_build_object('org_id', '10000000-0000-4000-8000-00000000000a',
      'session_id', '52500000-0000-4000-8000-000000000001', 'athlete_id', '30000000-0000-4000-8000-0000000000a2',
      'status', 'present', 'marked_at', now() - interval '1 day')))
)::text, true);
reset role;
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].status'), '["rejected", "applied"]',
  'a pushed mark ahead is rejected; a mark queued offline yesterday for yesterday''s session applies today');
select is(current_setting('t.r')::jsonb #>> '{results,0,reason}', 'rule',
  'the refusal names the club''s rule, so /sync explains it');
select is((select count(*)::int from public.attendance where session_id = '52500000-0000-4000-8000-000000000003'), 0,
  'nothing was written for tomorrow''s session');

select * from finish();
rollback;
