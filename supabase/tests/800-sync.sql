-- sync: push idempotency and verdicts, pull cursor and access digests, rls on the
-- sync bookkeeping. a probe table (created and rolled back here) stands in for a
-- feature table so these tests do not depend on any feature's policies.
begin;
select plan(65);

-- fixtures --------------------------------------------------------------------------
insert into auth.users (id, email) values
  ('00000000-0000-4000-a000-00000000000a', 'sync-a@test.local'),
  ('00000000-0000-4000-a000-00000000000b', 'sync-b@test.local');

-- the funnels (20261206161000_analytics.sql) and the ЕВСК norms (20261207120000_results.sql)
-- are rows every signed-in user pulls; this file follows its probe table alone, so they are
-- out of the way for its transaction
delete from public.analytics_funnels;
delete from public.evsk_norms;

create table public.sync_probe (
  id uuid primary key,
  owner_id uuid not null default auth.uid(),
  shared boolean not null default false,
  title text,
  note text,
  score int check (score between 0 and 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id()
);

create index sync_probe_xid_idx on public.sync_probe (xid, id);

create function public.sync_probe_stamp() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.title = 'forbidden title' then
    raise exception 'that title is not allowed';
  end if;
  new.xid := pg_current_xact_id();
  new.updated_at := now();
  new.updated_by := auth.uid();
  return new;
end
$$;
create trigger sync_probe_stamp before insert or update on public.sync_probe
  for each row execute function public.sync_probe_stamp();

alter table public.sync_probe enable row level security;
revoke all on public.sync_probe from anon, authenticated;
grant select, insert, update on public.sync_probe to authenticated;
create policy probe_select on public.sync_probe for select to authenticated
  using (owner_id = (select auth.uid()) or shared);
create policy probe_insert on public.sync_probe for insert to authenticated
  with check (owner_id = (select auth.uid()));
create policy probe_update on public.sync_probe for update to authenticated
  using (owner_id = (select auth.uid())) with check (owner_id = (select auth.uid()));

insert into sync.tables (table_name, stamp_column, pull_order) values ('sync_probe', 'xid', 100000);

-- bookkeeping is locked down --------------------------------------------------------
select ok((select relrowsecurity from pg_class where oid = 'sync.tables'::regclass), 'rls on sync.tables');
select ok((select relrowsecurity from pg_class where oid = 'sync.clients'::regclass), 'rls on sync.clients');
select ok((select relrowsecurity from pg_class where oid = 'sync.rejections'::regclass), 'rls on sync.rejections');
select ok((select relrowsecurity from pg_class where oid = 'sync.conflicts'::regclass), 'rls on sync.conflicts');
select ok((select relrowsecurity from pg_class where oid = 'sync.field_writers'::regclass), 'rls on sync.field_writers');
select ok(not has_table_privilege('authenticated', 'sync.field_writers', 'select'), 'devices cannot read writer records');
select ok(not has_schema_privilege('anon', 'sync', 'usage'), 'anon has no access to schema sync');
select ok(not has_function_privilege('anon', 'public.sync_push(uuid, jsonb)', 'execute'), 'anon cannot push');
select ok(not has_function_privilege('anon', 'public.sync_pull(jsonb, int, uuid, jsonb)', 'execute'), 'anon cannot pull');
select ok(has_function_privilege('authenticated', 'public.sync_push(uuid, jsonb)', 'execute'), 'authenticated may push');
select is(
  (select count(*)::int from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where (n.nspname = 'sync' or p.proname like 'sync\_%') and p.prosecdef
      and p.proname not in ('record_writes', 'record_inserts')),
  0, 'every sync function but the writer log is security invoker');
select is(
  (select count(*)::int from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where (n.nspname = 'sync' or (n.nspname = 'public' and p.proname in ('sync_push', 'sync_pull', 'sync_ids', 'sync_rows')))
      and not coalesce(p.proconfig @> array['search_path=""'], false)),
  0, 'every sync function fixes search_path');

-- every registered table can be synced -------------------------------------------
select is(
  (select array_agg(t.table_name order by t.table_name) from sync.tables t
    where to_regclass('public.' || t.table_name) is null
       or not exists (select from pg_attribute a where a.attrelid = to_regclass('public.' || t.table_name)
                        and a.attname = 'id' and a.atttypid = 'uuid'::regtype and not a.attisdropped)
       or not exists (select from pg_attribute a where a.attrelid = to_regclass('public.' || t.table_name)
                        and a.attname = 'deleted_at' and not a.attisdropped)
       or not exists (select from pg_attribute a where a.attrelid = to_regclass('public.' || t.table_name)
                        and a.attname = t.stamp_column and a.atttypid = 'xid8'::regtype and not a.attisdropped)),
  null, 'every synced table has id uuid, deleted_at and an xid8 stamp');
select is(
  (select array_agg(t.table_name order by t.table_name) from sync.tables t
    where not has_table_privilege('authenticated', 'public.' || t.table_name, 'select')),
  null, 'authenticated may select whole rows of every synced table (the pull sends rows)');
select is(
  (select array_agg(t.table_name order by t.table_name) from sync.tables t
    where not (select relrowsecurity from pg_class where oid = to_regclass('public.' || t.table_name))),
  null, 'rls is on for every synced table');
select is(
  (select array_agg(t.table_name order by t.table_name) from sync.tables t
    where not exists (
      select from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
       where i.indrelid = to_regclass('public.' || t.table_name) and a.attname = t.stamp_column)),
  null, 'every synced table has an index leading with its stamp (pull ranges)');

-- push as user a ----------------------------------------------------------------------
set local role authenticated;
select set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-a000-00000000000a","role":"authenticated"}', true);

select set_config('t.r', public.sync_push('00000000-0000-4000-c000-000000000001', '[
  {"seq":1,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000001","op":"insert","fields":{"title":"first","note":"n1","score":10}},
  {"seq":2,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000002","op":"insert","fields":{"title":"second","shared":true}}
]')::text, true);
select is(current_setting('t.r')::jsonb -> 'last_seq', '2'::jsonb, 'a batch advances last_seq');
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].status'), '["applied","applied"]', 'both inserts applied');
select is((select title || '/' || note || '/' || score from public.sync_probe where id = '00000000-0000-4000-b000-000000000001'), 'first/n1/10', 'the insert wrote its fields');
select is((select updated_by from public.sync_probe where id = '00000000-0000-4000-b000-000000000001'), '00000000-0000-4000-a000-00000000000a'::uuid, 'triggers stamp updated_by');

-- only the changed fields are written
select set_config('t.r', public.sync_push('00000000-0000-4000-c000-000000000001', '[
  {"seq":3,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000001","op":"update","fields":{"note":"n2"}}
]')::text, true);
select is((select title || '/' || note from public.sync_probe where id = '00000000-0000-4000-b000-000000000001'), 'first/n2', 'an update writes only its fields');

-- a replay applies nothing again
update public.sync_probe set note = 'changed since' where id = '00000000-0000-4000-b000-000000000001';
select set_config('t.r', public.sync_push('00000000-0000-4000-c000-000000000001', '[
  {"seq":2,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000002","op":"insert","fields":{"title":"second"}},
  {"seq":3,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000001","op":"update","fields":{"note":"n2"}}
]')::text, true);
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].replay'), '[true,true]', 'replayed mutations are reported as replays');
select is((select note from public.sync_probe where id = '00000000-0000-4000-b000-000000000001'), 'changed since', 'a replay does not write again');
select is(current_setting('t.r')::jsonb -> 'last_seq', '3'::jsonb, 'a replay leaves last_seq');

-- a batch that arrives before its predecessor waits
select set_config('t.r', public.sync_push('00000000-0000-4000-c000-000000000001', '[
  {"seq":5,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000001","op":"update","fields":{"note":"from the future"}}
]')::text, true);
select is(current_setting('t.r')::jsonb #>> '{results,0,status}', 'pending', 'a gap leaves the mutation pending');
select is(current_setting('t.r')::jsonb -> 'last_seq', '3'::jsonb, 'a gap does not advance last_seq');
select is((select note from public.sync_probe where id = '00000000-0000-4000-b000-000000000001'), 'changed since', 'nothing past a gap is applied');

-- rejections: constraint, server column, unknown table, business rule, rls
select set_config('t.r', public.sync_push('00000000-0000-4000-c000-000000000001', '[
  {"seq":4,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000001","op":"update","fields":{"score":500}},
  {"seq":5,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000001","op":"update","fields":{"updated_by":"00000000-0000-4000-a000-00000000000b"}},
  {"seq":6,"table":"no_such_table","id":"00000000-0000-4000-b000-000000000001","op":"update","fields":{"x":1}},
  {"seq":7,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000001","op":"update","fields":{"title":"forbidden title"}},
  {"seq":8,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000003","op":"insert","fields":{"owner_id":"00000000-0000-4000-a000-00000000000b"}},
  {"seq":9,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000001","op":"update","fields":{"nope":1}},
  {"seq":10,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000001","op":"update","fields":{"score":20}}
]')::text, true);
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].status'),
  '["rejected","rejected","rejected","rejected","rejected","rejected","applied"]', 'each refused mutation is rejected, the rest apply');
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].reason'),
  '["invalid","invalid","unknown_table","rule","forbidden","invalid"]', 'rejections carry their reason');
select is(current_setting('t.r')::jsonb #>> '{results,0,code}', '23514', 'a check violation reports its sqlstate');
select is(current_setting('t.r')::jsonb -> 'last_seq', '10'::jsonb, 'rejections advance the sequence');
select is((select score from public.sync_probe where id = '00000000-0000-4000-b000-000000000001'), 20, 'a rejection does not undo its neighbours');
select is((select count(*)::int from sync.rejections), 6, 'every rejection is recorded');
select is((select reason from sync.rejections where seq = 7), 'rule', 'the record keeps the reason');

-- a replay reports the original verdict
select set_config('t.r', public.sync_push('00000000-0000-4000-c000-000000000001', '[
  {"seq":4,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000001","op":"update","fields":{"score":500}}
]')::text, true);
select is(current_setting('t.r')::jsonb #>> '{results,0,status}', 'rejected', 'a replayed rejection is reported as rejected');

-- a write that did not see the value it replaces tells that value's writer
select set_config('t.r', public.sync_push('00000000-0000-4000-c000-000000000003', '[
  {"seq":1,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000001","op":"update","fields":{"note":"from c3"},"base":{"note":"stale"}},
  {"seq":2,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000001","op":"update","fields":{"note":"again"},"base":{"note":"from c3"}}
]')::text, true);
select is((select count(*)::int from sync.conflicts), 1, 'one lost race is recorded (overwriting a seen value is none)');
select is(
  (select client_id::text || '/' || seq || '/' || (mine #>> '{}') || '/' || (theirs #>> '{}') from sync.conflicts),
  '00000000-0000-4000-c000-000000000001/3/changed since/from c3', 'the loser is the device that wrote the replaced value');

-- delete is a tombstone; deleting again is done
select set_config('t.r', public.sync_push('00000000-0000-4000-c000-000000000001', '[
  {"seq":11,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000002","op":"delete"},
  {"seq":12,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000002","op":"delete"},
  {"seq":13,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000002","op":"update","fields":{"note":"too late"}}
]')::text, true);
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].status'), '["applied","applied","rejected"]', 'delete, delete again, update of a deleted row');
select isnt((select deleted_at from public.sync_probe where id = '00000000-0000-4000-b000-000000000002'), null, 'the deleted row is a tombstone');

select throws_ok(
  format('select public.sync_push(%L, %L)', '00000000-0000-4000-c000-000000000001',
    (select jsonb_agg(jsonb_build_object('seq', 100 + i, 'table', 'sync_probe', 'id', gen_random_uuid(), 'op', 'insert')) from generate_series(1, 251) i)),
  '22023', 'at most 250 mutations per push', 'a batch over 250 is refused');

-- push as user b: rls decides --------------------------------------------------------
select set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-a000-00000000000b","role":"authenticated"}', true);
select set_config('t.r', public.sync_push('00000000-0000-4000-c000-000000000002', '[
  {"seq":1,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000001","op":"update","fields":{"note":"b was here"}},
  {"seq":2,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000001","op":"delete"},
  {"seq":3,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000001","op":"insert","fields":{"title":"steal"}},
  {"seq":4,"table":"sync_probe","id":"00000000-0000-4000-b000-000000000004","op":"insert","fields":{"title":"mine"}}
]')::text, true);
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].status'), '["rejected","rejected","rejected","applied"]', 'writes to a row rls hides are rejected');
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].reason'), '["forbidden","forbidden","conflict"]', 'an rls-filtered update is forbidden, not a silent success');
select is((select count(*)::int from sync.clients), 1, 'b sees only its own client row');
select is((select count(*)::int from sync.rejections), 3, 'b sees only its own rejections');
select is((select count(*)::int from sync.conflicts), 0, 'b sees no conflicts of a');
select throws_ok(
  $$insert into sync.clients (user_id, client_id) values ('00000000-0000-4000-a000-00000000000a', gen_random_uuid())$$,
  '42501', null, 'b cannot create a client row for a');
select throws_ok(
  $$insert into sync.rejections (user_id, client_id, seq, code, reason, message) values ('00000000-0000-4000-a000-00000000000a', gen_random_uuid(), 1, 'x', 'x', 'x')$$,
  '42501', null, 'b cannot forge a rejection for a');
update sync.clients set last_seq = 0 where user_id = '00000000-0000-4000-a000-00000000000a';
select throws_ok($$delete from sync.rejections$$, '42501', null, 'nobody deletes rejections');
select throws_ok($$insert into sync.tables (table_name, pull_order) values ('x', 1)$$, '42501', null, 'devices cannot register tables');

reset role;
select is((select last_seq from sync.clients where client_id = '00000000-0000-4000-c000-000000000001'), 13::bigint, 'b cannot reset a''s sequence');

-- pull ---------------------------------------------------------------------------------
-- rows written inside this test's own transaction carry its xid, which is not below
-- the horizon (its own transaction is still open): they must not be pulled yet.
set local role authenticated;
select set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-a000-00000000000a","role":"authenticated"}', true);
select is(public.sync_pull(null) -> 'changes', '[]'::jsonb, 'rows of an open transaction are not pulled');

-- give the probe rows the stamps of long-finished transactions
reset role;
set local session_replication_role = replica;
update public.sync_probe set xid = '10'::xid8 where id = '00000000-0000-4000-b000-000000000001';
update public.sync_probe set xid = '11'::xid8 where id = '00000000-0000-4000-b000-000000000002';
update public.sync_probe set xid = '12'::xid8 where id = '00000000-0000-4000-b000-000000000004';
set local session_replication_role = origin;

set local role authenticated;
select set_config('t.p', public.sync_pull(null)::text, true);
select is(jsonb_path_query_array(current_setting('t.p')::jsonb, '$.changes[*].rows[*].id'),
  '["00000000-0000-4000-b000-000000000001"]', 'a first pull sends visible live rows, no tombstones');
select is(current_setting('t.p')::jsonb -> 'more', 'false', 'one page');
select is(current_setting('t.p')::jsonb #> '{digests,sync_probe,count}', '1', 'the digest counts visible live rows');
select is(current_setting('t.p')::jsonb #>> '{digests,sync_probe,xor}',
  lpad(to_hex(uuid_hash_extended('00000000-0000-4000-b000-000000000001', 0)), 16, '0'), 'the digest xors the ids'' hashes');
select is(public.sync_pull('{"from":"11"}') #> '{changes,0,rows,0,deleted_at}' <> 'null', true, 'an incremental pull sends tombstones');
select is(jsonb_array_length(public.sync_pull('{"from":"12"}') -> 'changes'), 0, 'nothing newer than the cursor, nothing sent');

-- paging with a fixed horizon loses nothing
select set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-a000-00000000000b","role":"authenticated"}', true);
select set_config('t.p', public.sync_pull('{"from":"1"}', 1)::text, true);
select is(current_setting('t.p')::jsonb -> 'more', 'true', 'a full page says more');
select is(jsonb_path_query_array(current_setting('t.p')::jsonb, '$.changes[*].rows[*].id'), '["00000000-0000-4000-b000-000000000002"]', 'page 1: b sees the shared row');
select set_config('t.p', public.sync_pull(current_setting('t.p')::jsonb -> 'cursor', 1)::text, true);
select is(jsonb_path_query_array(current_setting('t.p')::jsonb, '$.changes[*].rows[*].id'), '["00000000-0000-4000-b000-000000000004"]', 'page 2: b''s own row');
select is(current_setting('t.p')::jsonb -> 'more', 'false', 'then done');
select ok(not (jsonb_path_query_array(current_setting('t.p')::jsonb, '$.changes[*].rows[*].id') @> '["00000000-0000-4000-b000-000000000001"]'), 'b never receives a''s private row');

-- access reconciliation
select is(public.sync_ids('sync_probe'), '["00000000-0000-4000-b000-000000000004"]', 'sync_ids lists what b may see, without tombstones');
select is(jsonb_array_length(public.sync_rows('sync_probe', '["00000000-0000-4000-b000-000000000001", "00000000-0000-4000-b000-000000000004"]')), 1, 'sync_rows returns only visible rows');
select throws_ok($$select public.sync_ids('no_such_table')$$, '22023', null, 'sync_ids refuses unknown tables');

reset role;
select * from finish();
rollback;
