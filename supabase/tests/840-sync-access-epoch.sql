-- sync: the access epoch (20261206123000_sync_core.sql). a pull's last page
-- carries the digest of a table only when something that can change who sees
-- its rows was written in the pull's window, or when the device asks. what is
-- watched is read from the catalog: it must be what the select policies read now
-- (a migration that changes a policy or a helper ends with sync.watch_access()).
--
-- everything here runs in one transaction, whose xid stamps every row and every
-- log entry it writes: a window [x, x + 1) holds all of it, [x + 1, x + 2) none.
begin;
select plan(24);
select tests.create_tenancy_fixture();

select set_config('t.x', pg_current_xact_id()::text, true);
select set_config('t.moved', jsonb_build_object('from', current_setting('t.x'),
  'to', (current_setting('t.x')::bigint + 1)::text)::text, true);
select set_config('t.full', jsonb_build_object('from', '0',
  'to', (current_setting('t.x')::bigint + 2)::text)::text, true);
select set_config('t.idle', jsonb_build_object('from', (current_setting('t.x')::bigint + 1)::text,
  'to', (current_setting('t.x')::bigint + 2)::text)::text, true);

-- what is watched ----------------------------------------------------------------------
select is(sync.access_plan(), (select plan from sync.access_state),
  'what is watched is what the select policies of the synced tables read now (run sync.watch_access())');
select ok((select sources @> '{public.memberships,public.training_sessions,public.training_group_coaches,public.athletes}'
             from sync.access_rules where table_name = 'attendance'),
  'attendance''s visibility reads memberships, group coaches, athletes and sessions (through the helpers)');
select is((select sources from sync.access_rules where table_name = 'email_preferences'), '{}'::text[],
  'an owner-only table reads nothing but its own rows');
select is(array(select table_name from sync.access_rules where always order by 1), '{course_lessons}'::text[],
  'only the course lessons'' policy reads the clock (a dripped lesson opens at a time), none the claims');
select is((select count(*)::int from sync.tables t where not exists (
    select from sync.access_rules r where r.table_name = t.table_name)), 0, 'every synced table has its rule');

-- what is logged -----------------------------------------------------------------------
create temporary table logged (relation text) on commit drop;
create function pg_temp.logged_by(p_sql text) returns text[] language plpgsql as $$
begin
  delete from sync.access_log;
  execute p_sql;
  return array(select l.relation from sync.access_log l order by l.relation);
end $$;

select is(pg_temp.logged_by($$update public.athletes set schedule = 'Вт 19:00', notes = 'x'
   where id = '30000000-0000-4000-8000-0000000000a2'$$), '{}'::text[],
  'editing what no policy reads (an athlete''s schedule) moves no epoch');
select is(pg_temp.logged_by($$insert into public.rank_history (org_id, athlete_id, season, rank_start)
   values ('10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a2', '2023-2024', 'КМС')$$),
  '{}'::text[], 'an insert into a table no policy reads moves no epoch');
select is(pg_temp.logged_by($$update public.rank_history set rank_end = 'МС'
   where id = '40000000-0000-4000-8000-0000000000a3'$$), '{}'::text[],
  'an update of columns the table''s policies do not name moves no epoch');
select is(pg_temp.logged_by($$update public.rank_history set athlete_id = '30000000-0000-4000-8000-0000000000a2'
   where id = '40000000-0000-4000-8000-0000000000a3'$$), '{public.rank_history}'::text[],
  'an update of a column its policies name does');
select is(pg_temp.logged_by($$delete from public.rank_history where id = '40000000-0000-4000-8000-0000000000a3'$$),
  '{public.rank_history}'::text[], 'a hard delete does');
select is(pg_temp.logged_by($$update public.athletes set group_id = '20000000-0000-4000-8000-0000000000a2'
   where id = '30000000-0000-4000-8000-0000000000a2'$$), '{public.athletes}'::text[],
  'moving an athlete to another group does');
select is(pg_temp.logged_by($$update public.memberships set role = 'member'
   where user_id = tests.get_supabase_uid('athlete')$$), '{public.memberships}'::text[],
  'a role change does');
select is(pg_temp.logged_by($$insert into public.training_groups (org_id, name, season)
   values ('10000000-0000-4000-8000-00000000000a', 'Group A3', '2025-2026')$$), '{public.training_groups}'::text[],
  'an insert into a table the helpers read does');

-- what the pull queries: only the tables written in its window (sync.write_log)
select is(private.tables_written((current_setting('t.idle')::jsonb ->> 'from')::xid8, (current_setting('t.idle')::jsonb ->> 'to')::xid8),
  '{}'::text[], 'an idle window has rows of no table');
select ok(private.tables_written((current_setting('t.moved')::jsonb ->> 'from')::xid8, (current_setting('t.moved')::jsonb ->> 'to')::xid8)
    @> '{organizations,memberships,athletes,rank_history}',
  'a window with writes names the tables written, whoever may see the rows');
select is(private.tables_written('3'::xid8, (current_setting('t.x')::bigint + 1)::text::xid8), null,
  'a window older than the write log''s floor: every table is read');

-- what the pull sends ------------------------------------------------------------------------
select tests.authenticate_as('coach');
-- (the course lessons' policy reads the clock: their digest comes with every pull)
select is((public.sync_pull(current_setting('t.idle')::jsonb) -> 'digests') - 'course_lessons', '{}'::jsonb,
  'an idle window: no digest to compute (but the clock''s)');
select is((public.sync_pull(current_setting('t.idle')::jsonb, 1000, null, '["athletes", "nope"]') -> 'digests') - 'course_lessons',
  jsonb_build_object('athletes', public.sync_pull(current_setting('t.full')::jsonb) #> '{digests,athletes}'),
  'the device asks for a table it wrote: that digest, as a full pull computes it');
select is((select count(*)::int from jsonb_object_keys(public.sync_pull(null) -> 'digests')),
  (select count(*)::int from sync.tables), 'a first pull gets every digest');
select is((select count(*)::int from jsonb_object_keys(public.sync_pull('{"from": "3"}') -> 'digests')),
  (select count(*)::int from sync.tables), 'a cursor older than the log''s floor gets every digest');

reset role;
delete from sync.access_log;
select tests.authenticate_as('coach');
select is((public.sync_pull(current_setting('t.moved')::jsonb) -> 'digests') - 'course_lessons', '{}'::jsonb,
  'nothing logged in the window: no digest (but the clock''s)');
select set_config('t.before', (public.sync_pull(current_setting('t.full')::jsonb) #>> '{digests,athletes,count}'), true);

-- the coach is taken off group A1: a row of another table, which the coach's
-- device never receives, hides the group's athletes
reset role;
update public.training_group_coaches set deleted_at = now()
 where id = '70000000-0000-4000-8000-0000000000a1';
select tests.authenticate_as('coach');
select set_config('t.p', public.sync_pull(current_setting('t.moved')::jsonb)::text, true);
select ok(current_setting('t.p')::jsonb -> 'digests' ?& array['athletes', 'rank_history', 'training_sessions', 'attendance'],
  'a coach taken off a group: the digests of what that hides are sent');
select ok(not (current_setting('t.p')::jsonb -> 'digests' ? 'email_preferences'),
  'but not of a table it cannot touch');
select cmp_ok((current_setting('t.p')::jsonb #>> '{digests,athletes,count}')::int, '<',
  current_setting('t.before')::int, 'and the athletes digest no longer counts the group''s athletes');

reset role;
select * from finish();
rollback;
