-- attendance: row-level security (allowed and denied), the guard on sessions, the
-- marker, and two devices writing the same derived id converging through
-- sync_push instead of failing as duplicates.
--
-- fixture: tests.create_tenancy_fixture() — coach coaches A1 (athletes a1, a2),
-- coach2 coaches A2 (a3), athlete is a1's account; plus one group session per
-- group (sA1, sA2, sB1) and a one-to-one session (sOne).
begin;
select plan(49);
select tests.create_tenancy_fixture();

insert into public.training_sessions (id, org_id, coach_id, group_id, kind, origin, local_date, time_zone, starts_at, ends_at, member_id)
values
  ('52000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   '20000000-0000-4000-8000-0000000000a1', 'group', 'one_time_booking', '2026-03-02', 'Europe/Moscow',
   '2026-03-02 18:00+03', '2026-03-02 19:30+03', null),
  ('52000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach2'),
   '20000000-0000-4000-8000-0000000000a2', 'group', 'one_time_booking', '2026-03-02', 'Europe/Moscow',
   '2026-03-02 18:00+03', '2026-03-02 19:30+03', null),
  ('52000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-00000000000b', tests.get_supabase_uid('coach_b'),
   '20000000-0000-4000-8000-0000000000b1', 'group', 'one_time_booking', '2026-03-02', 'Europe/Moscow',
   '2026-03-02 18:00+03', '2026-03-02 19:30+03', null),
  ('52000000-0000-4000-8000-0000000000f1', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   null, 'one_to_one', 'one_time_booking', '2026-03-03', 'Europe/Moscow',
   '2026-03-03 10:00+03', '2026-03-03 11:00+03', tests.get_supabase_uid('athlete'));

-- marks: a1 in sA1 (present), a3 in sA2 (absent), b1 in sB1 (present)
insert into public.attendance (id, org_id, session_id, athlete_id, status) values
  ('53000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-00000000000a',
   '52000000-0000-4000-8000-0000000000a1', '30000000-0000-4000-8000-0000000000a1', 'present'),
  ('53000000-0000-4000-8000-0000000000a3', '10000000-0000-4000-8000-00000000000a',
   '52000000-0000-4000-8000-0000000000a2', '30000000-0000-4000-8000-0000000000a3', 'absent'),
  ('53000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-00000000000b',
   '52000000-0000-4000-8000-0000000000b1', '30000000-0000-4000-8000-0000000000b1', 'present');

-- shorthands for the cases
create function pg_temp.sel(p_id text) returns text language sql as $$
  select format('select count(*) from public.attendance where id = %L', '53000000-0000-4000-8000-0000000000' || p_id)
$$;
create function pg_temp.ins(p_session text, p_athlete text, p_org text default '0a') returns text language sql as $$
  select format('insert into public.attendance (id, org_id, session_id, athlete_id, status) values (gen_random_uuid(), %L, %L, %L, ''present'')',
    '10000000-0000-4000-8000-0000000000' || p_org, '52000000-0000-4000-8000-0000000000' || p_session,
    '30000000-0000-4000-8000-0000000000' || p_athlete)
$$;
create function pg_temp.upd(p_id text) returns text language sql as $$
  select format('update public.attendance set status = ''excused'' where id = %L', '53000000-0000-4000-8000-0000000000' || p_id)
$$;

-- structure ---------------------------------------------------------------------------------
select tests.rls_enabled('public', 'attendance');
select is((select merge_inserts from sync.tables where table_name = 'attendance'), true,
  'attendance is synced, inserts of an existing id merge');
-- but athlete_contacts, whose id is its athlete's (20261206146000_athlete_contacts.sql),
-- workout_logs, whose id is its workout's (20261207100000_coach_tools_core.sql), and the read
-- marks and conversations, whose ids are derived (20261207130000_messages.sql)
select is((select count(*)::int from sync.tables
            where merge_inserts and table_name not in ('athlete_contacts', 'workout_logs',
              'announcement_reads', 'conversations', 'conversation_reads')), 1,
  'no other table merges inserts');
select is(private.attendance_id('52000000-0000-4000-8000-0000000000a1', '30000000-0000-4000-8000-0000000000a2'),
  '144c8d8b-a6bb-5afd-8be2-84fd33322104'::uuid, 'the server derives the id the devices derive (uuid v5)');

-- reading -------------------------------------------------------------------------------------
select is(tests.try_as('coach', pg_temp.sel('a1')), '1', 'the group''s coach reads its marks');
select is(tests.try_as('coach', pg_temp.sel('a3')), '0', 'a coach does not read another group''s marks');
select is(tests.try_as('coach2', pg_temp.sel('a3')), '1', 'the other group''s coach reads theirs');
select is(tests.try_as('admin', 'select count(*) from public.attendance'), '2', 'an admin reads the organization''s marks, not another''s');
select is(tests.try_as('owner', pg_temp.sel('a3')), '1', 'the owner reads every group''s marks');
select is(tests.try_as('athlete', pg_temp.sel('a1')), '1', 'an athlete reads their own mark');
select is(tests.try_as('athlete', 'select count(*) from public.attendance'), '1', 'an athlete reads nobody else''s');
select is(tests.try_as('member', 'select count(*) from public.attendance'), '0', 'a member reads none');
select is(tests.try_as('left_coach', pg_temp.sel('a1')), '0', 'a coach who left reads none');
select is(tests.try_as('outsider', 'select count(*) from public.attendance'), '0', 'an outsider reads none');
select is(tests.try_as('admin_b', pg_temp.sel('a1')), '0', 'another organization''s admin reads none');
select is(tests.try_as('anon', pg_temp.sel('a1')), '42501', 'anon reads nothing');

-- marking -------------------------------------------------------------------------------------
select is(tests.try_as('coach', pg_temp.ins('a1', 'a2')), '1', 'the group''s coach marks an athlete of the group');
select is(tests.try_as('coach', pg_temp.ins('a2', 'a3')), '42501', 'a coach cannot mark another group''s session');
select is(tests.try_as('coach', pg_temp.ins('a1', 'a3')), '42501', 'a coach cannot mark another group''s athlete');
select is(tests.try_as('coach2', pg_temp.ins('a1', 'a2')), '42501', 'the other group''s coach cannot mark this one');
select is(tests.try_as('admin', pg_temp.ins('a2', 'a1')), '1', 'an admin marks any session of the organization');
select is(tests.try_as('athlete', pg_temp.ins('a1', 'a1')), '42501', 'an athlete cannot mark themselves');
select is(tests.try_as('member', pg_temp.ins('a1', 'a2')), '42501', 'a member cannot mark');
select is(tests.try_as('left_coach', pg_temp.ins('a1', 'a2')), '42501', 'a coach who left cannot mark');
select is(tests.try_as('admin_b', pg_temp.ins('a1', 'a2')), '42501', 'another organization''s admin cannot mark');
select is(tests.try_as('anon', pg_temp.ins('a1', 'a2')), '42501', 'anon cannot mark');

-- changing ------------------------------------------------------------------------------------
select is(tests.try_as('coach', pg_temp.upd('a1')), '1', 'the group''s coach changes a mark');
select is(tests.try_as('coach', pg_temp.upd('a3')), '0', 'a coach cannot change another group''s mark');
select is(tests.try_as('coach2', pg_temp.upd('a1')), '0', 'the other group''s coach cannot change this one');
select is(tests.try_as('athlete', pg_temp.upd('a1')), '0', 'an athlete cannot change their mark');
select is(tests.try_as('admin', pg_temp.upd('a3')), '1', 'an admin changes any mark of the organization');
select is(tests.try_as('admin_b', pg_temp.upd('a1')), '0', 'another organization''s admin changes nothing');
select is(tests.try_as('coach', format('update public.attendance set athlete_id = %L where id = %L',
  '30000000-0000-4000-8000-0000000000a2', '53000000-0000-4000-8000-0000000000a1')), '42501',
  'the athlete of a mark cannot be rewritten');
select is(tests.try_as('coach', format('delete from public.attendance where id = %L',
  '53000000-0000-4000-8000-0000000000a1')), '42501', 'no hard deletes (tombstones only)');

-- the rules every writer meets ----------------------------------------------------------------
select is(tests.try_as('admin', pg_temp.ins('f1', 'a1')), '23514', 'a one-to-one session takes no attendance');
select is(tests.try_as('owner_b', pg_temp.ins('a1', 'b1', '0b')), '23514',
  'a mark cannot name another organization''s session');
select is(tests.try_as('coach', format('insert into public.attendance (id, org_id, session_id, athlete_id, status) values (gen_random_uuid(), %L, %L, %L, ''late'')',
  '10000000-0000-4000-8000-00000000000a', '52000000-0000-4000-8000-0000000000a1', '30000000-0000-4000-8000-0000000000a2')),
  '23514', 'an unknown status is refused');
select is(tests.try_as('coach', format('insert into public.attendance (id, org_id, session_id, athlete_id, status) values (gen_random_uuid(), %L, %L, %L, ''absent'')',
  '10000000-0000-4000-8000-00000000000a', '52000000-0000-4000-8000-0000000000a1', '30000000-0000-4000-8000-0000000000a1')),
  '23505', 'one mark per athlete and session');

-- two devices, one derived id: they converge ---------------------------------------------------
select tests.authenticate_as('coach');
select set_config('t.r', public.sync_push('52000000-0000-4000-9000-000000000001', jsonb_build_array(jsonb_build_object(
  'seq', 1, 'table', 'attendance', 'id', '53000000-0000-4000-8000-0000000000c2', 'op', 'insert',
  'fields', jsonb_build_object('org_id', '10000000-0000-4000-8000-00000000000a',
    'session_id', '52000000-0000-4000-8000-0000000000a1', 'athlete_id', '30000000-0000-4000-8000-0000000000a2',
    'status', 'present', 'marked_by', tests.get_supabase_uid('admin'), 'marked_at', '2026-03-02T18:05:00Z'))))::text, true);
reset role;
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].status'), '["applied"]', 'the first device''s mark applies');
select is((select marked_by from public.attendance where id = '53000000-0000-4000-8000-0000000000c2'),
  tests.get_supabase_uid('coach'), 'the server records who marked, whatever the device said');

select tests.authenticate_as('admin');
select set_config('t.r', public.sync_push('52000000-0000-4000-9000-000000000002', jsonb_build_array(jsonb_build_object(
  'seq', 1, 'table', 'attendance', 'id', '53000000-0000-4000-8000-0000000000c2', 'op', 'insert',
  'fields', jsonb_build_object('org_id', '10000000-0000-4000-8000-00000000000a',
    'session_id', '52000000-0000-4000-8000-0000000000a1', 'athlete_id', '30000000-0000-4000-8000-0000000000a2',
    'status', 'excused', 'marked_by', tests.get_supabase_uid('admin'), 'marked_at', '2026-03-02T18:07:00Z'))))::text, true);
reset role;
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].status'), '["applied"]',
  'the second device''s insert of the same id applies instead of failing as a duplicate');
select is((select status || ' ' || marked_at::text from public.attendance where id = '53000000-0000-4000-8000-0000000000c2'),
  'excused 2026-03-02 18:07:00+00', 'the later write wins field by field');
select is((select count(*)::int from public.attendance where session_id = '52000000-0000-4000-8000-0000000000a1'
  and athlete_id = '30000000-0000-4000-8000-0000000000a2'), 1, 'still one row for the athlete and session');

-- merging never widens access: a coach of another group is refused, the row unchanged
select tests.authenticate_as('coach2');
select set_config('t.r', public.sync_push('52000000-0000-4000-9000-000000000003', jsonb_build_array(jsonb_build_object(
  'seq', 1, 'table', 'attendance', 'id', '53000000-0000-4000-8000-0000000000c2', 'op', 'insert',
  'fields', jsonb_build_object('org_id', '10000000-0000-4000-8000-00000000000a',
    'session_id', '52000000-0000-4000-8000-0000000000a1', 'athlete_id', '30000000-0000-4000-8000-0000000000a2',
    'status', 'absent', 'marked_at', '2026-03-02T18:09:00Z'))))::text, true);
reset role;
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].status'), '["rejected"]',
  'another group''s coach cannot merge into the mark');
select is((select status from public.attendance where id = '53000000-0000-4000-8000-0000000000c2'), 'excused',
  'the refused merge changed nothing');

-- a mark can be cleared, and set again by any device ---------------------------------------------
select tests.authenticate_as('coach');
select set_config('t.r', public.sync_push('52000000-0000-4000-9000-000000000001', jsonb_build_array(jsonb_build_object(
  'seq', 2, 'table', 'attendance', 'id', '53000000-0000-4000-8000-0000000000c2', 'op', 'update',
  'fields', jsonb_build_object('status', null, 'marked_at', '2026-03-02T18:10:00Z'))))::text, true);
reset role;
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].status'), '["applied"]', 'a coach clears a mark');
select is((select status from public.attendance where id = '53000000-0000-4000-8000-0000000000c2' and deleted_at is null), null,
  'a cleared mark is a row without a status, not a tombstone');

select tests.authenticate_as('admin');
select set_config('t.r', public.sync_push('52000000-0000-4000-9000-000000000002', jsonb_build_array(jsonb_build_object(
  'seq', 2, 'table', 'attendance', 'id', '53000000-0000-4000-8000-0000000000c2', 'op', 'insert',
  'fields', jsonb_build_object('org_id', '10000000-0000-4000-8000-00000000000a',
    'session_id', '52000000-0000-4000-8000-0000000000a1', 'athlete_id', '30000000-0000-4000-8000-0000000000a2',
    'status', 'present', 'marked_at', '2026-03-02T18:12:00Z'))))::text, true);
reset role;
select is((select status from public.attendance where id = '53000000-0000-4000-8000-0000000000c2'), 'present',
  'a device that never saw the mark cleared marks the athlete again on the same row');

-- other synced tables keep refusing a duplicate insert
select tests.authenticate_as('coach');
select set_config('t.r', public.sync_push('52000000-0000-4000-9000-000000000004', jsonb_build_array(jsonb_build_object(
  'seq', 1, 'table', 'athletes', 'id', '30000000-0000-4000-8000-0000000000a2', 'op', 'insert',
  'fields', jsonb_build_object('org_id', '10000000-0000-4000-8000-00000000000a',
    'group_id', '20000000-0000-4000-8000-0000000000a1', 'name', 'Дубль'))))::text, true);
reset role;
select is(current_setting('t.r')::jsonb #>> '{results,0,reason}', 'conflict',
  'a duplicate insert into a table without merge_inserts is still a conflict');

select * from finish();
rollback;
