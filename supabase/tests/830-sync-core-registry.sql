-- sync core: the registry drives the merge rules (20261206100000_sync_core.sql).
-- a table without a hook gets the default merge; a hook registered in
-- sync.tables.merge_hook sees each of its table's pushed mutations first and
-- what it returns is applied (and checked) by the core; taking the hook out of
-- the registry takes the rule out. attendance registers its hook, which runs as
-- the caller. hooks are held to their signature and only the server registers
-- them.
--
-- fixtures: a probe table with a merge rule of its own (notes are appended, not
-- replaced), created and rolled back here; tests.create_tenancy_fixture() (coach
-- coaches A1 with athletes a1 and a2, coach2 coaches A2) with one group session
-- of A1 and a mark of a1 in it.
begin;
select plan(32);
select tests.create_tenancy_fixture();

-- probe table and its merge rule -----------------------------------------------------
create table public.core_probe (
  id uuid primary key,
  owner_id uuid not null default auth.uid(),
  title text,
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id()
);
create index core_probe_xid_idx on public.core_probe (xid, id);
create trigger stamp_synced_row before insert or update on public.core_probe
  for each row execute function private.stamp_synced_row();

alter table public.core_probe enable row level security;
revoke all on public.core_probe from anon, authenticated;
grant select, insert, update on public.core_probe to authenticated;
create policy core_probe_select on public.core_probe for select to authenticated
  using (owner_id = (select auth.uid()));
create policy core_probe_insert on public.core_probe for insert to authenticated
  with check (owner_id = (select auth.uid()));
create policy core_probe_update on public.core_probe for update to authenticated
  using (owner_id = (select auth.uid())) with check (owner_id = (select auth.uid()));

insert into sync.tables (table_name, pull_order) values ('core_probe', 100002);

-- the probe's rule: a note is appended to the stored one. and two misbehaving
-- answers: a field the server maintains, and no mutation at all.
create function public.core_probe_merge(p_reg sync.tables, p_id uuid, p_m jsonb)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_note text;
begin
  if p_m ->> 'op' = 'update' and p_m -> 'fields' ? 'note' then
    select p.note into v_note from public.core_probe p where p.id = p_id;
    return jsonb_set(p_m, '{fields,note}', to_jsonb(concat_ws(' + ', v_note, p_m #>> '{fields,note}')));
  end if;
  if p_m #>> '{fields,title}' = 'stamp it' then
    return jsonb_set(p_m, '{fields,updated_by}', to_jsonb(auth.uid()));
  end if;
  if p_m #>> '{fields,title}' = 'nothing' then
    return null;
  end if;
  return p_m;
end
$$;
revoke all on function public.core_probe_merge(sync.tables, uuid, jsonb) from public, anon;
grant execute on function public.core_probe_merge(sync.tables, uuid, jsonb) to authenticated;

-- one pushed mutation of the probe, as a batch
create function pg_temp.probe(p_seq int, p_op text, p_id text, p_fields jsonb) returns jsonb
language sql as $$
  select jsonb_build_array(jsonb_build_object('seq', p_seq, 'table', 'core_probe',
    'id', '83000000-0000-4000-8000-0000000000' || p_id, 'op', p_op, 'fields', p_fields))
$$;
create function pg_temp.note(p_id text) returns text language sql as $$
  select note from public.core_probe where id = ('83000000-0000-4000-8000-0000000000' || p_id)::uuid
$$;

-- attendance fixture: a group session of A1, a1 marked present
insert into public.training_sessions (id, org_id, coach_id, group_id, kind, origin, local_date, time_zone, starts_at, ends_at, member_id)
values ('83000000-0000-4000-8000-0000000005a1', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
  '20000000-0000-4000-8000-0000000000a1', 'group', 'one_time_booking', '2026-03-02', 'Europe/Moscow',
  '2026-03-02 18:00+03', '2026-03-02 19:30+03', null);
insert into public.attendance (id, org_id, session_id, athlete_id, status) values
  ('83000000-0000-4000-8000-0000000006a1', '10000000-0000-4000-8000-00000000000a',
   '83000000-0000-4000-8000-0000000005a1', '30000000-0000-4000-8000-0000000000a1', 'present');

-- a device's insert of a1's mark, as every device derives it
create function pg_temp.mark(p_seq int, p_status text) returns jsonb language sql as $$
  select jsonb_build_object('seq', p_seq, 'table', 'attendance', 'id', '83000000-0000-4000-8000-0000000006a1',
    'op', 'insert', 'fields', jsonb_build_object('org_id', '10000000-0000-4000-8000-00000000000a',
      'session_id', '83000000-0000-4000-8000-0000000005a1', 'athlete_id', '30000000-0000-4000-8000-0000000000a1',
      'status', p_status))
$$;
-- attendance's hook on that mark, as the actor calling it sees it
create function pg_temp.attendance_hook(p_status text) returns text language sql as $$
  select format('select count(*) from (select private.attendance_merge(r, %L, %L) as m from sync.tables r where r.table_name = %L) h where h.m ->> %L = %L',
    '83000000-0000-4000-8000-0000000006a1', pg_temp.mark(1, p_status), 'attendance', 'op', 'update')
$$;

-- the registry -------------------------------------------------------------------------
select col_type_is('sync', 'tables', 'merge_hook', 'regprocedure', 'a table''s merge rule is a function in the registry');
select is((select merge_hook from sync.tables where table_name = 'attendance'),
  'private.attendance_merge(sync.tables, uuid, jsonb)'::regprocedure, 'attendance registers its merge hook');
-- athlete_contacts (20261206146000_athlete_contacts.sql) and workout_logs
-- (20261207100000_coach_tools_core.sql) have the same rule for their own rows
select is((select array_agg(table_name::text order by table_name) from sync.tables where merge_hook is not null),
  array['announcement_reads', 'athlete_contacts', 'attendance', 'conversation_reads', 'conversations',
        'workout_logs'],
  'every other table uses the default merge');
select is((select count(*)::int from sync.tables where merge_inserts is distinct from (merge_hook is not null)), 0,
  'merge_inserts says which tables have a hook');
select throws_ok($$update sync.tables set merge_inserts = true where table_name = 'athletes'$$, '428C9', null,
  'merge_inserts follows from the hook, it is not set on its own');
select throws_ok(
  $$update sync.tables set merge_hook = 'sync.reason_for(text, text)'::regprocedure where table_name = 'core_probe'$$,
  '22023', null, 'a hook without the core''s signature is refused when it is registered');
select is(tests.try_as('coach', $$update sync.tables set merge_hook = null where table_name = 'attendance'$$), '42501',
  'a device cannot take a merge rule out');
select is(tests.try_as('coach', $$update sync.tables set merge_hook = 'public.core_probe_merge(sync.tables, uuid, jsonb)'::regprocedure where table_name = 'core_probe'$$),
  '42501', 'a device cannot register a hook');

-- a table without a hook: the default merge ---------------------------------------------
select tests.authenticate_as('coach');
select set_config('t.r', public.sync_push('83000000-0000-4000-9000-000000000001',
  pg_temp.probe(1, 'insert', 'b1', '{"title": "one", "note": "a"}'))::text, true);
select set_config('t.r2', public.sync_push('83000000-0000-4000-9000-000000000001',
  pg_temp.probe(2, 'insert', 'b1', '{"title": "again"}'))::text, true);
select set_config('t.r3', public.sync_push('83000000-0000-4000-9000-000000000001',
  pg_temp.probe(3, 'update', 'b1', '{"note": "b"}'))::text, true);
reset role;
select is(current_setting('t.r')::jsonb #>> '{results,0,status}', 'applied', 'without a hook an insert applies');
select is(current_setting('t.r2')::jsonb #>> '{results,0,reason}', 'conflict',
  'without a hook an insert of an existing id is a duplicate');
select is(pg_temp.note('b1'), 'b', 'without a hook the later write replaces the field');

-- the registry drives the hook --------------------------------------------------------
update sync.tables set merge_hook = 'public.core_probe_merge(sync.tables, uuid, jsonb)'::regprocedure
 where table_name = 'core_probe';
select is((select merge_inserts from sync.tables where table_name = 'core_probe'), true, 'a hooked table''s inserts may merge');

select tests.authenticate_as('coach');
select set_config('t.r', public.sync_push('83000000-0000-4000-9000-000000000001',
  pg_temp.probe(4, 'update', 'b1', '{"note": "c"}'))::text, true);
select set_config('t.r2', public.sync_push('83000000-0000-4000-9000-000000000001', '[
  {"seq": 5, "table": "core_probe", "id": "83000000-0000-4000-8000-0000000000b2", "op": "insert", "fields": {"title": "two"}},
  {"seq": 6, "table": "core_probe", "id": "83000000-0000-4000-8000-0000000000b3", "op": "insert", "fields": {"title": "three"}}
]')::text, true);
select set_config('t.r3', public.sync_push('83000000-0000-4000-9000-000000000001',
  pg_temp.probe(7, 'insert', 'b4', '{"title": "stamp it"}') || pg_temp.probe(8, 'insert', 'b5', '{"title": "nothing"}')
  || pg_temp.probe(9, 'insert', 'b6', '{"title": "six", "note": "kept"}'))::text, true);
reset role;
select is(current_setting('t.r')::jsonb #>> '{results,0,status}', 'applied', 'a hooked update applies');
select is(pg_temp.note('b1'), 'b + c', 'the hook''s rule decided the field: appended, not replaced');
select is(jsonb_path_query_array(current_setting('t.r2')::jsonb, '$.results[*].status'), '["applied","applied"]',
  'a hooked table''s inserts apply');
select is((select array_agg(distinct f.field) from sync.field_writers f
  where f.row_id in ('83000000-0000-4000-8000-0000000000b2', '83000000-0000-4000-8000-0000000000b3')),
  array['title'], 'one by one through the hook, never as a run (no ''*'' writer record)');
select is(jsonb_path_query_array(current_setting('t.r3')::jsonb, '$.results[*].status'), '["rejected","rejected","applied"]',
  'what a hook returns is checked like what a device sends');
select is(current_setting('t.r3')::jsonb #>> '{results,0,reason}', 'invalid',
  'a field the server maintains is refused, though the hook wrote it');
select is(current_setting('t.r3')::jsonb #>> '{results,1,code}', '39004', 'a hook that returns no mutation refuses it');
select is(pg_temp.note('b6'), 'kept', 'a mutation the hook returns as it came applies as sent');
select is((select count(*)::int from public.core_probe where id in
  ('83000000-0000-4000-8000-0000000000b4', '83000000-0000-4000-8000-0000000000b5')), 0, 'refused mutations wrote nothing');

-- out of the registry, the rule is gone
update sync.tables set merge_hook = null where table_name = 'core_probe';
select tests.authenticate_as('coach');
select set_config('t.r', public.sync_push('83000000-0000-4000-9000-000000000001',
  pg_temp.probe(10, 'update', 'b1', '{"note": "d"}'))::text, true);
reset role;
select is(pg_temp.note('b1'), 'd', 'without its hook the table is back to the default merge');

-- attendance's hook ------------------------------------------------------------------------
select ok(has_function_privilege('authenticated', 'private.attendance_merge(sync.tables, uuid, jsonb)', 'execute'),
  'devices may run attendance''s hook (the push runs it as the caller)');
select ok(not has_function_privilege('anon', 'private.attendance_merge(sync.tables, uuid, jsonb)', 'execute'),
  'anon may not');
select is(tests.try_as('coach', pg_temp.attendance_hook('excused')), '1',
  'allowed: for the group''s coach an insert of an existing mark becomes an update');
select is(tests.try_as('coach2', pg_temp.attendance_hook('excused')), '0',
  'the hook reads as the caller: another group''s coach does not see the mark, so nothing merges');
select is(tests.try_as('anon', pg_temp.attendance_hook('excused')), '42501', 'denied: anon cannot call the hook');

select tests.authenticate_as('coach');
select is(private.attendance_merge((select r from sync.tables r where r.table_name = 'attendance'),
    '83000000-0000-4000-8000-0000000006a1', pg_temp.mark(1, 'excused')) -> 'fields',
  '{"status": "excused"}'::jsonb, 'only the fields that differ from the stored mark are written');
select is(private.attendance_merge((select r from sync.tables r where r.table_name = 'attendance'),
    '83000000-0000-4000-8000-0000000006a1', pg_temp.mark(1, 'present')) -> 'fields',
  '{}'::jsonb, 'an insert the same as the stored mark writes nothing');
reset role;

-- the registry row is what makes attendance merge
update sync.tables set merge_hook = null where table_name = 'attendance';
select tests.authenticate_as('coach');
select set_config('t.r', public.sync_push('83000000-0000-4000-9000-000000000002',
  jsonb_build_array(pg_temp.mark(1, 'excused')))::text, true);
reset role;
select is(current_setting('t.r')::jsonb #>> '{results,0,reason}', 'conflict',
  'attendance without its hook refuses a second insert of a mark as a duplicate');

update sync.tables set merge_hook = 'private.attendance_merge(sync.tables, uuid, jsonb)'::regprocedure
 where table_name = 'attendance';
select tests.authenticate_as('coach');
select set_config('t.r', public.sync_push('83000000-0000-4000-9000-000000000002',
  jsonb_build_array(pg_temp.mark(2, 'excused')))::text, true);
reset role;
select is(current_setting('t.r')::jsonb #>> '{results,0,status}', 'applied', 'with its hook the same insert merges');
select is((select status from public.attendance where id = '83000000-0000-4000-8000-0000000006a1'), 'excused',
  'and the mark takes the device''s status');

select * from finish();
rollback;
