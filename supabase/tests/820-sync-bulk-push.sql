-- sync: runs of inserts written in one statement, and echoes (20261205100000_sync_bulk_push.sql).
-- a probe table (created and rolled back here) with a trigger that rewrites some
-- values stands in for a feature table.
begin;
select plan(34);

-- fixtures --------------------------------------------------------------------------
insert into auth.users (id, email) values
  ('00000000-0000-4000-a000-0000000000aa', 'bulk-a@test.local'),
  ('00000000-0000-4000-a000-0000000000bb', 'bulk-b@test.local');

create table public.bulk_probe (
  id uuid primary key,
  owner_id uuid not null default auth.uid(),
  title text not null,
  kind text not null default 'plain',
  score int check (score between 0 and 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id()
);
create index bulk_probe_xid_idx on public.bulk_probe (xid, id);

create function public.bulk_probe_stamp() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.title = 'forbidden title' then
    raise exception 'that title is not allowed';
  end if;
  -- the server tidies what a device sent: such a row is not an echo
  new.title := btrim(new.title);
  new.xid := pg_current_xact_id();
  new.updated_at := now();
  new.updated_by := auth.uid();
  return new;
end
$$;
create trigger bulk_probe_stamp before insert or update on public.bulk_probe
  for each row execute function public.bulk_probe_stamp();

alter table public.bulk_probe enable row level security;
revoke all on public.bulk_probe from anon, authenticated;
grant select, insert, update on public.bulk_probe to authenticated;
create policy bulk_probe_select on public.bulk_probe for select to authenticated using (true);
create policy bulk_probe_insert on public.bulk_probe for insert to authenticated
  with check (owner_id = (select auth.uid()));
create policy bulk_probe_update on public.bulk_probe for update to authenticated
  using (true) with check (true);

insert into sync.tables (table_name, stamp_column, pull_order) values ('bulk_probe', 'xid', 100001);

-- the probe rows' ids in a pull answer, sorted
create function tests.pulled_ids(p_answer jsonb) returns jsonb
language sql immutable set search_path = '' as $$
  select coalesce(jsonb_agg(r.id order by r.id), '[]'::jsonb)
    from jsonb_path_query(p_answer, '$.changes[*] ? (@.table == "bulk_probe").rows[*].id') as r(id)
$$;
grant execute on function tests.pulled_ids(jsonb) to authenticated;

set local role authenticated;
select set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-a000-0000000000aa","role":"authenticated"}', true);

-- a whole batch of inserts is one run ---------------------------------------------------
select set_config('t.r', public.sync_push('00000000-0000-4000-c000-0000000000a1', '[
  {"seq":1,"table":"bulk_probe","id":"00000000-0000-4000-b000-000000000001","op":"insert","fields":{"owner_id":"00000000-0000-4000-a000-0000000000aa","title":"one","kind":"plain","score":1}},
  {"seq":2,"table":"bulk_probe","id":"00000000-0000-4000-b000-000000000002","op":"insert","fields":{"owner_id":"00000000-0000-4000-a000-0000000000aa","title":" two ","kind":"plain","score":2}},
  {"seq":3,"table":"bulk_probe","id":"00000000-0000-4000-b000-000000000003","op":"insert","fields":{"owner_id":"00000000-0000-4000-a000-0000000000aa","title":"three","kind":"plain","score":null}}
]')::text, true);
select is(current_setting('t.r')::jsonb -> 'last_seq', '3'::jsonb, 'a run advances last_seq past all of it');
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].status'), '["applied","applied","applied"]', 'every insert of the run is applied');
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].seq'), '[1,2,3]', 'verdicts come in seq order');
select is((select count(*)::int from public.bulk_probe), 3, 'the run wrote its rows');
select is((select title from public.bulk_probe where id = '00000000-0000-4000-b000-000000000002'), 'two', 'row triggers ran for every row');

-- echoes: only the rows stored exactly as sent
select is(
  (select array_agg(r order by r) from sync.echoes e cross join unnest(e.row_ids) r),
  array['00000000-0000-4000-b000-000000000001', '00000000-0000-4000-b000-000000000003']::uuid[],
  'rows stored as sent are echoes; one a trigger changed is not');
select is((select count(*)::int from sync.echoes), 1, 'a run leaves one echo record');

-- a row whose default the device did not send is not an echo
select set_config('t.r', public.sync_push('00000000-0000-4000-c000-0000000000a1', '[
  {"seq":4,"table":"bulk_probe","id":"00000000-0000-4000-b000-000000000004","op":"insert","fields":{"owner_id":"00000000-0000-4000-a000-0000000000aa","title":"four"}},
  {"seq":5,"table":"bulk_probe","id":"00000000-0000-4000-b000-000000000005","op":"insert","fields":{"owner_id":"00000000-0000-4000-a000-0000000000aa","title":"five"}},
  {"seq":6,"table":"bulk_probe","id":"00000000-0000-4000-b000-000000000005","op":"update","fields":{"score":5}}
]')::text, true);
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].status'), '["applied","applied","applied"]', 'a run, then an update');
select ok(
  not exists (select from sync.echoes e where e.row_ids && array['00000000-0000-4000-b000-000000000004', '00000000-0000-4000-b000-000000000005']::uuid[]),
  'no echo for a row with a server default, nor for one another mutation of the batch touches');

-- one bad row: the run is applied mutation by mutation -------------------------------------
select set_config('t.r', public.sync_push('00000000-0000-4000-c000-0000000000a1', '[
  {"seq":7,"table":"bulk_probe","id":"00000000-0000-4000-b000-000000000007","op":"insert","fields":{"owner_id":"00000000-0000-4000-a000-0000000000aa","title":"seven","kind":"plain","score":7}},
  {"seq":8,"table":"bulk_probe","id":"00000000-0000-4000-b000-000000000008","op":"insert","fields":{"owner_id":"00000000-0000-4000-a000-0000000000aa","title":"eight","kind":"plain","score":800}},
  {"seq":9,"table":"bulk_probe","id":"00000000-0000-4000-b000-000000000009","op":"insert","fields":{"owner_id":"00000000-0000-4000-a000-0000000000aa","title":"forbidden title","kind":"plain","score":9}},
  {"seq":10,"table":"bulk_probe","id":"00000000-0000-4000-b000-000000000010","op":"insert","fields":{"owner_id":"00000000-0000-4000-a000-0000000000bb","title":"not mine","kind":"plain","score":10}},
  {"seq":11,"table":"bulk_probe","id":"00000000-0000-4000-b000-000000000001","op":"insert","fields":{"owner_id":"00000000-0000-4000-a000-0000000000aa","title":"again","kind":"plain","score":11}},
  {"seq":12,"table":"bulk_probe","id":"00000000-0000-4000-b000-000000000012","op":"insert","fields":{"owner_id":"00000000-0000-4000-a000-0000000000aa","title":"twelve","kind":"plain","score":12}}
]')::text, true);
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].status'),
  '["applied","rejected","rejected","rejected","rejected","applied"]', 'each mutation of a failed run gets its own verdict');
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].reason'),
  '["invalid","rule","forbidden","conflict"]', 'with the reason it would have had alone');
select is(current_setting('t.r')::jsonb -> 'last_seq', '12'::jsonb, 'a failed run still advances the sequence');
select is((select count(*)::int from public.bulk_probe where id in ('00000000-0000-4000-b000-000000000007', '00000000-0000-4000-b000-000000000012')), 2, 'the good rows of a failed run are written');
select is((select title from public.bulk_probe where id = '00000000-0000-4000-b000-000000000001'), 'one', 'an insert of an existing id changes nothing');
select is((select count(*)::int from sync.rejections where client_id = '00000000-0000-4000-c000-0000000000a1'), 4, 'the refusals are recorded');

-- a replay of a run reports it, applies nothing
select set_config('t.r', public.sync_push('00000000-0000-4000-c000-0000000000a1', '[
  {"seq":1,"table":"bulk_probe","id":"00000000-0000-4000-b000-000000000001","op":"insert","fields":{"owner_id":"00000000-0000-4000-a000-0000000000aa","title":"one","kind":"plain","score":1}},
  {"seq":2,"table":"bulk_probe","id":"00000000-0000-4000-b000-000000000002","op":"insert","fields":{"owner_id":"00000000-0000-4000-a000-0000000000aa","title":" two ","kind":"plain","score":2}}
]')::text, true);
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].replay'), '[true,true]', 'a replayed run is reported as replays');
select is((select count(*)::int from public.bulk_probe), 7, 'and writes nothing');

-- a batch that starts past a gap waits, run or not
select set_config('t.r', public.sync_push('00000000-0000-4000-c000-0000000000a1', '[
  {"seq":14,"table":"bulk_probe","id":"00000000-0000-4000-b000-000000000014","op":"insert","fields":{"owner_id":"00000000-0000-4000-a000-0000000000aa","title":"x","kind":"plain","score":1}},
  {"seq":15,"table":"bulk_probe","id":"00000000-0000-4000-b000-000000000015","op":"insert","fields":{"owner_id":"00000000-0000-4000-a000-0000000000aa","title":"y","kind":"plain","score":1}}
]')::text, true);
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].status'), '["pending","pending"]', 'a run past a gap is pending');

-- writers: a run leaves one '*' record per row, and a lost race still finds its loser
select set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-a000-0000000000bb","role":"authenticated"}', true);
select set_config('t.r', public.sync_push('00000000-0000-4000-c000-0000000000b1', '[
  {"seq":1,"table":"bulk_probe","id":"00000000-0000-4000-b000-000000000003","op":"update","fields":{"score":30},"base":{"score":3}}
]')::text, true);
select is(current_setting('t.r')::jsonb #>> '{results,0,status}', 'applied', 'b overwrites a value it never saw');
reset role;
select is(
  (select array_agg(field order by field) from sync.field_writers where row_id = '00000000-0000-4000-b000-000000000003'),
  array['*', 'score'], 'the insert''s record stays for the fields no later write claimed');
select is(
  (select client_id::text || '/' || seq from sync.conflicts where row_id = '00000000-0000-4000-b000-000000000003'),
  '00000000-0000-4000-c000-0000000000a1/3', 'the inserting device is told it lost the race');
-- in production b's push is a later transaction: its write gives the row a new stamp
set local session_replication_role = replica;
update public.bulk_probe set xid = '5'::xid8 where id = '00000000-0000-4000-b000-000000000003';
set local session_replication_role = origin;

-- pull: echoes are skipped for their device only -----------------------------------------
-- the pushes ran in this test's own transaction; a cursor whose horizon lies past
-- it lets the pull see them (a real cursor's horizon is below every open transaction)
select set_config('t.cursor', jsonb_build_object('from', '1', 'to', (pg_current_xact_id()::text::bigint + 1)::text)::text, true);
set local role authenticated;
select set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-a000-0000000000aa","role":"authenticated"}', true);

select is(
  tests.pulled_ids(public.sync_pull(current_setting('t.cursor')::jsonb, 100)),
  '["00000000-0000-4000-b000-000000000001", "00000000-0000-4000-b000-000000000002", "00000000-0000-4000-b000-000000000003", "00000000-0000-4000-b000-000000000004", "00000000-0000-4000-b000-000000000005", "00000000-0000-4000-b000-000000000007", "00000000-0000-4000-b000-000000000012"]',
  'a pull without a client id sends every row');
select is((select count(*)::int from sync.echoes), 1, 'and keeps the echoes');
select is(
  tests.pulled_ids(public.sync_pull(current_setting('t.cursor')::jsonb, 100, '00000000-0000-4000-c000-0000000000a9')),
  '["00000000-0000-4000-b000-000000000001", "00000000-0000-4000-b000-000000000002", "00000000-0000-4000-b000-000000000003", "00000000-0000-4000-b000-000000000004", "00000000-0000-4000-b000-000000000005", "00000000-0000-4000-b000-000000000007", "00000000-0000-4000-b000-000000000012"]',
  'another device of the same user gets every row');
select set_config('t.p', public.sync_pull(current_setting('t.cursor')::jsonb, 100, '00000000-0000-4000-c000-0000000000a1')::text, true);
select is(
  tests.pulled_ids(current_setting('t.p')::jsonb),
  '["00000000-0000-4000-b000-000000000002", "00000000-0000-4000-b000-000000000003", "00000000-0000-4000-b000-000000000004", "00000000-0000-4000-b000-000000000005", "00000000-0000-4000-b000-000000000007", "00000000-0000-4000-b000-000000000012"]',
  'the pushing device gets what it may not hold as stored: the tidied row, a row written again, rows with defaults, rows applied one by one');
select is(current_setting('t.p')::jsonb #> '{digests,bulk_probe,count}', '7', 'the digest still counts every visible row');
select is((select count(*)::int from sync.echoes where client_id = '00000000-0000-4000-c000-0000000000a1'), 0, 'the pull that passed the echoes deletes them');
select is(
  jsonb_array_length(tests.pulled_ids(public.sync_pull(current_setting('t.cursor')::jsonb, 100, '00000000-0000-4000-c000-0000000000a1'))),
  7, 'a repeated pull (the device crashed before storing it) gets every row');

-- rls on echoes ----------------------------------------------------------------------------
select set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-a000-0000000000bb","role":"authenticated"}', true);
reset role;
insert into sync.echoes (user_id, client_id, xid, table_name, row_ids)
values ('00000000-0000-4000-a000-0000000000aa', '00000000-0000-4000-c000-0000000000a1', pg_current_xact_id(), 'bulk_probe',
  array['00000000-0000-4000-b000-000000000012']::uuid[]);
set local role authenticated;
select is((select count(*)::int from sync.echoes), 0, 'b sees no echoes of a');
select throws_ok(
  $$insert into sync.echoes (user_id, client_id, xid, table_name, row_ids) values ('00000000-0000-4000-a000-0000000000aa', gen_random_uuid(), pg_current_xact_id(), 'bulk_probe', '{}')$$,
  '42501', null, 'b cannot plant an echo for a');
delete from sync.echoes;
reset role;
select is((select count(*)::int from sync.echoes), 1, 'b cannot delete a''s echoes');
select ok(not has_table_privilege('anon', 'sync.echoes', 'select'), 'anon cannot read echoes');
select ok(not has_function_privilege('anon', 'sync.record_inserts(text, uuid[], bigint[], uuid)', 'execute'), 'anon cannot record writers');

-- retention -----------------------------------------------------------------------------
update sync.echoes set created_at = now() - interval '100 days';
select is(private.purge_sync_history(), 1, 'echoes of a device that stopped pulling are purged');

select * from finish();
rollback;
