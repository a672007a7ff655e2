-- sync: a set-based path through sync_push for runs of inserts.
--
-- a device that worked a training offline flushes mostly new rows: a run of
-- inserts into one table naming the same fields. the foundation's push applies
-- every mutation alone, under its own savepoint, through dynamic sql; that costs
-- about eight times what one insert of the same rows costs (sync.push_1000).
--
-- now such a run is written by one insert statement, its writer records and its
-- echoes (below) by one more each, under a single savepoint. verdicts stay per
-- mutation: when the statement raises anything but a transient error, the run is
-- rolled back to its savepoint and applied again mutation by mutation, exactly as
-- before, so each mutation gets its own verdict. a run that succeeds as a whole
-- is one whose mutations would have succeeded one by one: a row trigger sees the
-- rows of the same statement written before it, unique and check constraints are
-- checked per row, and rls checks each row's `with check`. the one difference:
-- foreign keys are checked at the end of the statement, so a row of a run may
-- refer to a row later in the same run.
--
-- a whole batch that is one run (the usual flush) is recognised by one statement
-- and skips the per-mutation loop altogether.
--
-- tables with `merge_inserts` (an insert may turn into an update) always take the
-- mutation-by-mutation path.
--
-- echoes. the pull after a flush used to send every row the device had just
-- pushed straight back to it, and the device wrote them all again. a row the run
-- stored exactly as the device sent it (every column but the server's bookkeeping
-- equal, a missing field counting as null) is now recorded in sync.echoes with
-- the transaction that wrote it; a pull that names its client id skips such a row
-- while the row still carries that transaction's stamp, i.e. until anyone writes
-- it again. a row a trigger or a default changed, or that another mutation of the
-- same batch touches, is not an echo and comes back as before.
--
--   sync.apply_one(p_m, p_client_id)                     one mutation, one verdict
--   sync.apply_inserts(p_reg, p_cols, p_run, p_client_id, p_repeated)  a run, in three statements
--   sync.record_inserts(p_table, p_ids, p_seqs, p_client) writers of a run
--   sync.record_writes(…)                                looks up '*' as well
--   public.sync_push(p_client_id, p_mutations)           same contract as before
--   public.sync_pull(p_cursor, p_limit, p_client_id)     skips the caller's echoes; xor digests

/**
  * -------------------------------------------------------
  * section - echoes
  * -------------------------------------------------------
  * rows a device holds exactly as the server stored them, because it wrote them
  * in transaction `xid`: valid while a row's stamp is still `xid`. one record per
  * push and table, the rows as an array, so a run of 250 inserts adds one record.
  * the pull that passes them deletes them; purge_sync_history drops those of
  * devices that never pulled again.
  */
create table sync.echoes (
  user_id uuid not null references auth.users (id) on delete cascade,
  client_id uuid not null,
  xid xid8 not null,
  table_name text not null,
  row_ids uuid[] not null,
  created_at timestamptz not null default now(),
  primary key (user_id, client_id, xid, table_name)
);
comment on table sync.echoes is 'rows a device pushed and holds as stored; its pull skips them';
create index echoes_created_at on sync.echoes (created_at);

alter table sync.echoes enable row level security;
revoke all on sync.echoes from public, anon, authenticated;
grant select, insert, update, delete on sync.echoes to authenticated;
grant all on sync.echoes to service_role;

create policy echoes_select_own on sync.echoes
  for select to authenticated using (user_id = (select auth.uid()));
create policy echoes_insert_own on sync.echoes
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy echoes_update_own on sync.echoes
  for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
create policy echoes_delete_own on sync.echoes
  for delete to authenticated using (user_id = (select auth.uid()));

/**
  * -------------------------------------------------------
  * section - one mutation, one verdict
  * -------------------------------------------------------
  * the foundation's per-mutation block, as a function: applies the mutation under
  * a savepoint and returns its result; a refusal is recorded in sync.rejections.
  * transient failures are raised (the whole push fails and is retried).
  */
create function sync.apply_one(p_m jsonb, p_client_id uuid)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_seq bigint := (p_m ->> 'seq')::bigint;
  v_state text;
  v_msg text;
  v_hint text;
  v_reason text;
begin
  begin
    perform sync.apply_mutation(p_m, p_client_id);
    return jsonb_build_object('seq', v_seq, 'status', 'applied');
  exception when others then
    get stacked diagnostics v_state = returned_sqlstate, v_msg = message_text, v_hint = pg_exception_hint;
    if sync.is_transient(v_state) then
      raise;
    end if;
  end;
  v_reason := sync.reason_for(v_state, v_hint);
  insert into sync.rejections (user_id, client_id, seq, table_name, row_id, op, fields, code, reason, message)
  values (
    auth.uid(), p_client_id, v_seq, p_m ->> 'table',
    case when (p_m ->> 'id') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      then (p_m ->> 'id')::uuid end,
    p_m ->> 'op', p_m -> 'fields', v_state, v_reason, v_msg
  );
  return jsonb_build_object('seq', v_seq, 'status', 'rejected',
    'code', v_state, 'reason', v_reason, 'message', v_msg);
end
$$;
comment on function sync.apply_one(jsonb, uuid) is
  'applies one pushed mutation under a savepoint; returns its verdict, recording a refusal';

/**
  * -------------------------------------------------------
  * section - a run of inserts
  * -------------------------------------------------------
  */

-- the writer of a run of freshly inserted rows: one record per row, under the
-- field name '*', which stands for every field no later write has claimed (a
-- fresh insert is always the oldest write of its row). definer rights for the
-- same reason as sync.record_writes; a fresh insert replaces no value, so it
-- cannot lose a race and records no conflict.
create function sync.record_inserts(p_table text, p_ids uuid[], p_seqs bigint[], p_client uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_user uuid := auth.uid();
begin
  if v_user is null then
    raise exception 'sign in to sync' using errcode = '42501';
  end if;
  if cardinality(p_ids) is distinct from cardinality(p_seqs) then
    raise exception 'one seq per id' using errcode = '22023';
  end if;
  insert into sync.field_writers (table_name, row_id, field, user_id, client_id, seq)
  select p_table, w.id, '*', v_user, p_client, w.seq
    from unnest(p_ids, p_seqs) as w(id, seq)
  on conflict (table_name, row_id, field) do update
    set user_id = excluded.user_id, client_id = excluded.client_id, seq = excluded.seq;
end
$$;
comment on function sync.record_inserts(text, uuid[], bigint[], uuid) is
  'records the caller''s device as the writer of a run of inserted rows (field ''*'')';

-- the foundation's record_writes (20261122100000_sync.sql), reading a field's
-- writer from its own record or, when no update has claimed it yet, from the
-- row's '*' record left by the insert
create or replace function sync.record_writes(
  p_table text, p_row uuid, p_cols text[], p_before jsonb, p_base jsonb, p_after jsonb,
  p_client uuid, p_seq bigint
)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_user uuid := auth.uid();
  v_col text;
  v_w sync.field_writers;
begin
  if v_user is null then
    raise exception 'sign in to sync' using errcode = '42501';
  end if;
  -- lost races: only a write that names what it saw (an update's base) can lose one
  if p_base is not null and p_before is not null then
    foreach v_col in array p_cols loop
      if p_base ? v_col and (p_before -> v_col) is distinct from (p_base -> v_col) then
        select * into v_w from sync.field_writers f
          where f.table_name = p_table and f.row_id = p_row and f.field in (v_col, '*')
          order by f.field = '*'
          limit 1;
        if found and not (v_w.user_id = v_user and v_w.client_id = p_client) then
          insert into sync.conflicts (user_id, client_id, seq, table_name, row_id, field, mine, theirs, by_user)
          values (v_w.user_id, v_w.client_id, v_w.seq, p_table, p_row, v_col,
            p_before -> v_col, p_after -> v_col, v_user);
        end if;
      end if;
    end loop;
  end if;
  -- the writer of every written field, in one statement
  insert into sync.field_writers (table_name, row_id, field, user_id, client_id, seq)
  select p_table, p_row, c, v_user, p_client, p_seq from unnest(p_cols) as c
  on conflict (table_name, row_id, field) do update
    set user_id = excluded.user_id, client_id = excluded.client_id, seq = excluded.seq;
end
$$;

-- inserts a run of mutations [{seq, id, fields}] naming the same fields into one
-- table, as the caller, and records the rows stored as sent as echoes (but not
-- those in p_repeated, 'table:id' keys other mutations of the batch touch).
-- raises on any refusal: the caller rolls the run back and applies it mutation
-- by mutation.
create function sync.apply_inserts(
  p_reg sync.tables, p_cols text[], p_run jsonb, p_client_id uuid, p_repeated text[]
)
returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_list text;
  v_select text;
  v_ids uuid[];
  v_seqs bigint[];
  v_count bigint;
  v_blank jsonb;
begin
  select string_agg(pg_catalog.quote_ident(c), ', '), string_agg('r.' || pg_catalog.quote_ident(c), ', ')
    into v_list, v_select
    from unnest(p_cols) as c;
  select array_agg((e.m ->> 'id')::uuid order by e.o), array_agg((e.m ->> 'seq')::bigint order by e.o)
    into v_ids, v_seqs
    from jsonb_array_elements(p_run) with ordinality as e(m, o);
  execute format(
    'insert into public.%I (id%s)
     select w.id%s
       from unnest($1::uuid[]) with ordinality as w(id, o)
       cross join lateral jsonb_populate_record(null::public.%I, $2 -> (w.o::int - 1) -> ''fields'') as r
      order by w.o',
    p_reg.table_name,
    coalesce(', ' || v_list, ''),
    coalesce(', ' || v_select, ''),
    p_reg.table_name
  ) using v_ids, p_run;
  get diagnostics v_count = row_count;
  if v_count <> cardinality(v_ids) then
    -- an insert either writes its row or raises; anything else is refused as a whole
    raise exception 'a run of % inserts wrote % rows', cardinality(v_ids), v_count
      using errcode = '42501', hint = 'forbidden';
  end if;
  perform sync.record_inserts(p_reg.table_name, v_ids, v_seqs, p_client_id);
  -- echoes: the row as the device holds it is every column it may write, null
  -- where it sent nothing; compared whole, as jsonb, with the row as stored
  select jsonb_object_agg(a.attname, null::jsonb) into v_blank
    from pg_catalog.pg_attribute a
   where a.attrelid = pg_catalog.to_regclass('public.' || pg_catalog.quote_ident(p_reg.table_name))
     and a.attnum > 0 and not a.attisdropped
     and not a.attname = any (p_reg.server_columns || array[p_reg.stamp_column]);
  execute format(
    'insert into sync.echoes (user_id, client_id, xid, table_name, row_ids)
     select $1, $2, t.%1$I, $3, array_agg(t.id)
       from unnest($7::uuid[]) with ordinality as w(id, o)
       join public.%2$I t on t.id = w.id
      where not ($3 || '':'' || t.id::text) = any ($5)
        and to_jsonb(t) - $6 = $8 || ($4 -> (w.o::int - 1) -> ''fields'')
      group by t.%1$I
     on conflict (user_id, client_id, xid, table_name)
       do update set row_ids = echoes.row_ids || excluded.row_ids',
    p_reg.stamp_column, p_reg.table_name
  ) using auth.uid(), p_client_id, p_reg.table_name, p_run, p_repeated,
    p_reg.server_columns || array[p_reg.stamp_column], v_ids, v_blank;
end
$$;
comment on function sync.apply_inserts(sync.tables, text[], jsonb, uuid, text[]) is
  'inserts a run of pushed rows naming the same fields in one statement; raises on any refusal';

/**
  * -------------------------------------------------------
  * section - push
  * -------------------------------------------------------
  * the contract is the foundation's (20261122100000_sync.sql): same arguments,
  * same answer, same verdicts. what changed is how fresh mutations are applied:
  * consecutive inserts into one table with the same fields are gathered into a
  * run and written together; everything else goes through sync.apply_one.
  */
create or replace function public.sync_push(p_client_id uuid, p_mutations jsonb)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_user uuid := auth.uid();
  v_last bigint;
  v_m jsonb;
  v_seq bigint;
  v_results jsonb[] := '{}';
  v_rej sync.rejections;
  v_gap boolean := false;
  -- the run of inserts being gathered
  v_run jsonb[] := '{}';
  v_run_reg sync.tables;
  v_run_keys text[];
  v_keys text[];
  v_reg sync.tables;
  v_cols text[];
  v_state text;
  v_applied boolean;
  v_i int;
  v_repeated text[];
  v_n int;
  v_whole boolean := false;
  v_runs boolean := true;
begin
  if v_user is null then
    raise exception 'sign in to sync' using errcode = '42501';
  end if;
  if p_client_id is null then
    raise exception 'client id is required' using errcode = '22023';
  end if;
  if p_mutations is null or jsonb_typeof(p_mutations) <> 'array' then
    raise exception 'mutations must be an array' using errcode = '22023';
  end if;
  if jsonb_array_length(p_mutations) > 250 then
    raise exception 'at most 250 mutations per push' using errcode = '22023';
  end if;

  insert into sync.clients (user_id, client_id) values (v_user, p_client_id)
    on conflict (user_id, client_id) do nothing;
  -- the row lock serializes two pushes of one device (two tabs, a retry racing)
  select c.last_seq into v_last from sync.clients c
    where c.user_id = v_user and c.client_id = p_client_id
    for update;

  -- rows more than one mutation of the batch touches: never echoes
  select coalesce(array_agg(k), '{}') into v_repeated from (
    select (e.value ->> 'table') || ':' || lower(e.value ->> 'id') as k
      from jsonb_array_elements(p_mutations) as e
     group by 1 having count(*) > 1
  ) as r;

  -- the common flush: the whole batch is one run of fresh inserts (checked in one
  -- statement, so the loop below, a few statements per mutation, is skipped)
  v_n := jsonb_array_length(p_mutations);
  if v_n > 1 and jsonb_typeof(p_mutations -> 0 -> 'fields') = 'object' then
    select * into v_reg from sync.tables t
      where t.table_name = p_mutations -> 0 ->> 'table' and not t.merge_inserts;
    if v_reg.table_name is not null then
      select coalesce(array_agg(k order by k), '{}') into v_run_keys
        from jsonb_object_keys(p_mutations -> 0 -> 'fields') as k;
      select bool_and(
               e.m ->> 'op' = 'insert'
               and e.m ->> 'table' = v_reg.table_name
               and (e.m ->> 'seq') ~ '^[0-9]{1,18}$' and (e.m ->> 'seq')::bigint = v_last + e.o
               and (e.m ->> 'id') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
               and case when jsonb_typeof(e.m -> 'fields') = 'object' then
                     (select coalesce(array_agg(k order by k), '{}') from jsonb_object_keys(e.m -> 'fields') as k)
                   end = v_run_keys)
        into v_whole
        from jsonb_array_elements(p_mutations) with ordinality as e(m, o);
    end if;
  end if;
  if v_whole then
    begin
      v_cols := sync.writable_columns(v_reg, p_mutations -> 0 -> 'fields');
      perform sync.apply_inserts(v_reg, v_cols, p_mutations, p_client_id, v_repeated);
      update sync.clients c set last_seq = v_last + v_n, updated_at = now()
        where c.user_id = v_user and c.client_id = p_client_id;
      return jsonb_build_object('last_seq', v_last + v_n, 'results', (
        select jsonb_agg(jsonb_build_object('seq', v_last + e.o, 'status', 'applied') order by e.o)
          from generate_series(1, v_n) as e(o)));
    exception when others then
      get stacked diagnostics v_state = returned_sqlstate;
      if sync.is_transient(v_state) then
        raise;
      end if;
      -- rolled back: the loop gives each mutation its own verdict, without retrying the run
      v_runs := false;
    end;
  end if;

  -- one pass in seq order; a null element ends the array and flushes the last run
  for v_m in
    select x.m from (
      select e.value as m, e.ordinality as o from jsonb_array_elements(p_mutations) with ordinality as e
      union all select null, 9223372036854775807
    ) as x order by x.o
  loop
    v_keys := null;
    v_reg := null;
    if v_m is not null then
      v_seq := (v_m ->> 'seq')::bigint;
      if v_seq is null or v_seq < 1 then
        raise exception 'every mutation needs a positive seq' using errcode = '22023';
      end if;
      -- a fresh insert that could join a run: its table, if synced and not merging,
      -- and its field names
      if not v_gap and v_seq = v_last + 1 and v_m ->> 'op' = 'insert'
        and jsonb_typeof(v_m -> 'fields') = 'object'
        and (v_m ->> 'id') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      then
        if cardinality(v_run) > 0 and v_run_reg.table_name = v_m ->> 'table' then
          v_reg := v_run_reg;
        else
          select * into v_reg from sync.tables t where t.table_name = v_m ->> 'table';
        end if;
        if v_reg.table_name is not null and not v_reg.merge_inserts then
          select coalesce(array_agg(k order by k), '{}') into v_keys
            from jsonb_object_keys(v_m -> 'fields') as k;
        end if;
      end if;
    end if;

    -- the run ends where this mutation cannot join it
    if cardinality(v_run) > 0
      and (v_keys is null or v_reg.table_name <> v_run_reg.table_name or v_keys <> v_run_keys)
    then
      v_applied := false;
      if cardinality(v_run) > 1 and v_runs then
        begin
          v_cols := sync.writable_columns(v_run_reg, v_run[1] -> 'fields');
          perform sync.apply_inserts(v_run_reg, v_cols, to_jsonb(v_run), p_client_id, v_repeated);
          v_applied := true;
        exception when others then
          get stacked diagnostics v_state = returned_sqlstate;
          if sync.is_transient(v_state) then
            raise;
          end if;
          -- rolled back to the run's savepoint: its mutations get one verdict each
        end;
      end if;
      if v_applied then
        select v_results || array_agg(jsonb_build_object('seq', (r ->> 'seq')::bigint, 'status', 'applied'))
          into v_results from unnest(v_run) as r;
      else
        for v_i in 1 .. cardinality(v_run) loop
          v_results := v_results || sync.apply_one(v_run[v_i], p_client_id);
        end loop;
      end if;
      v_run := '{}';
    end if;

    continue when v_m is null;

    if v_keys is not null then
      -- joins (or starts) the run; its verdict comes when the run ends
      if cardinality(v_run) = 0 then
        v_run_reg := v_reg;
        v_run_keys := v_keys;
      end if;
      v_run := v_run || v_m;
      v_last := v_seq;
      continue;
    end if;

    if v_gap or v_seq > v_last + 1 then
      -- a batch that arrived before its predecessor: apply nothing past the gap
      v_gap := true;
      v_results := v_results || jsonb_build_object('seq', v_seq, 'status', 'pending');
      continue;
    end if;

    if v_seq <= v_last then
      -- a replay: report the original verdict, apply nothing
      select * into v_rej from sync.rejections r
        where r.user_id = v_user and r.client_id = p_client_id and r.seq = v_seq;
      if found then
        v_results := v_results || jsonb_build_object('seq', v_seq, 'status', 'rejected',
          'replay', true, 'code', v_rej.code, 'reason', v_rej.reason, 'message', v_rej.message);
      else
        v_results := v_results || jsonb_build_object('seq', v_seq, 'status', 'applied', 'replay', true);
      end if;
      continue;
    end if;

    v_results := v_results || sync.apply_one(v_m, p_client_id);
    v_last := v_seq;
  end loop;

  update sync.clients c set last_seq = v_last, updated_at = now()
    where c.user_id = v_user and c.client_id = p_client_id;

  return jsonb_build_object('last_seq', v_last, 'results', to_jsonb(v_results));
end
$$;

/**
  * -------------------------------------------------------
  * section - pull
  * -------------------------------------------------------
  * the foundation's pull (20261122100000_sync.sql) with one more argument: the
  * caller's client id. rows that are that device's echoes are not sent; the last
  * page deletes the echoes its window passed.
  *
  * the access digest of a table is now {count, xor}: the xor of
  * uuid_hash_extended(id, 0) over the visible ids, instead of a sha256 of the
  * sorted ids. it costs half as much on the server (no sort, no text), and a
  * device updates its own one id at a time instead of hashing every id again.
  * hash partitioning depends on these hash values, so postgresql keeps them
  * stable across versions.
  */
drop function public.sync_pull(jsonb, int);

create function public.sync_pull(
  p_cursor jsonb default null, p_limit int default 1000, p_client_id uuid default null
)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_user uuid := auth.uid();
  v_from xid8 := coalesce((p_cursor ->> 'from')::xid8, '0'::xid8);
  v_to xid8 := (p_cursor ->> 'to')::xid8;
  v_table_from int := coalesce((p_cursor ->> 'table')::int, -2147483648);
  v_after_xid xid8 := (p_cursor ->> 'xid')::xid8;
  v_after_id uuid := (p_cursor ->> 'id')::uuid;
  v_left int := least(greatest(coalesce(p_limit, 1000), 1), 10000);
  v_reg sync.tables;
  v_rows jsonb;
  v_n int;
  v_last jsonb;
  v_changes jsonb := '[]'::jsonb;
  v_digests jsonb := '{}'::jsonb;
  v_count bigint;
  v_hash text;
  v_conflicts jsonb;
begin
  if v_user is null then
    raise exception 'sign in to sync' using errcode = '42501';
  end if;
  if v_to is null then
    -- the horizon: every transaction below it has committed or aborted
    v_to := pg_snapshot_xmin(pg_current_snapshot());
  end if;

  for v_reg in
    select * from sync.tables t where t.pull_order >= v_table_from order by t.pull_order
  loop
    if v_left = 0 then
      return jsonb_build_object('changes', v_changes, 'more', true,
        'cursor', jsonb_build_object('from', v_from::text, 'to', v_to::text, 'table', v_reg.pull_order));
    end if;
    execute format(
      $q$select coalesce(jsonb_agg(to_jsonb(p) order by p.%1$I, p.id), '[]'::jsonb), count(*)::int
         from (
           select t.* from public.%2$I t
            where t.%1$I >= $1 and t.%1$I < $2
              and ($3::xid8 is null or (t.%1$I, t.id) > ($3::xid8, $4::uuid))
              and ($1 > '0'::xid8 or t.deleted_at is null)
              -- not in: one hashed pass over the device's echoes, whatever their statistics
              and (t.id, t.%1$I) not in (
                select r.id, e.xid from sync.echoes e cross join unnest(e.row_ids) as r(id)
                 where e.user_id = $6 and e.client_id = $7 and e.table_name = %3$L)
            order by t.%1$I, t.id
            limit $5
         ) p$q$,
      v_reg.stamp_column, v_reg.table_name, v_reg.table_name
    ) into v_rows, v_n
    using v_from, v_to,
      case when v_reg.pull_order = v_table_from then v_after_xid end,
      case when v_reg.pull_order = v_table_from then v_after_id end,
      v_left + 1, v_user, p_client_id;

    if v_n > v_left then
      -- this table has more than fits: send v_left rows and a keyset cursor into it
      select jsonb_agg(x.e order by x.o) into v_rows
        from jsonb_array_elements(v_rows) with ordinality as x(e, o) where x.o <= v_left;
      v_last := v_rows -> (v_left - 1);
      v_changes := v_changes || jsonb_build_object('table', v_reg.table_name, 'rows', v_rows);
      return jsonb_build_object('changes', v_changes, 'more', true,
        'cursor', jsonb_build_object('from', v_from::text, 'to', v_to::text,
          'table', v_reg.pull_order, 'xid', v_last ->> v_reg.stamp_column, 'id', v_last ->> 'id'));
    end if;
    if v_n > 0 then
      v_changes := v_changes || jsonb_build_object('table', v_reg.table_name, 'rows', v_rows);
      v_left := v_left - v_n;
    end if;
  end loop;

  -- last page: the access digests, over every synced table: the count and the
  -- xor of uuid_hash_extended(id, 0), which needs no sort (src/domain/uuid-hash.ts)
  for v_reg in select * from sync.tables t order by t.pull_order loop
    execute format(
      $q$select count(*), lpad(to_hex(coalesce(bit_xor(uuid_hash_extended(t.id, 0)), 0)), 16, '0')
           from public.%I t where t.deleted_at is null and t.%I < $1$q$,
      v_reg.table_name, v_reg.stamp_column
    ) into v_count, v_hash using v_to;
    v_digests := v_digests || jsonb_build_object(v_reg.table_name,
      jsonb_build_object('count', v_count, 'xor', v_hash));
  end loop;

  -- last page: same-field races this user's devices lost in the window
  select coalesce(jsonb_agg(jsonb_build_object('client_id', c.client_id, 'seq', c.seq,
           'table', c.table_name, 'row_id', c.row_id, 'field', c.field,
           'mine', c.mine, 'theirs', c.theirs, 'by', c.by_user) order by c.id), '[]'::jsonb)
    into v_conflicts
    from sync.conflicts c
    where c.user_id = v_user and c.xid >= v_from and c.xid < v_to;

  -- last page: the window is passed, so are the echoes in it
  if p_client_id is not null then
    delete from sync.echoes e
     where e.user_id = v_user and e.client_id = p_client_id and e.xid < v_to;
  end if;

  return jsonb_build_object('changes', v_changes, 'more', false,
    'cursor', jsonb_build_object('from', v_to::text), 'digests', v_digests,
    'conflicts', v_conflicts);
end
$$;
comment on function public.sync_pull(jsonb, int, uuid) is
  'changes since a cursor the caller may see, without the caller device''s echoes; the last page carries access digests';

/**
  * -------------------------------------------------------
  * section - retention
  * -------------------------------------------------------
  * the daily purge (20261122400000_sync_retention.sql) also drops the echoes of
  * devices that stopped pulling; a device that pulls again just gets those rows.
  */
create or replace function private.purge_sync_history(p_keep interval default interval '90 days')
returns int
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_rejections int;
  v_conflicts int;
  v_echoes int;
begin
  if p_keep < interval '7 days' then
    raise exception 'keep at least 7 days of sync history (asked for %)', p_keep
      using errcode = '22023';
  end if;
  delete from sync.rejections where created_at < now() - p_keep;
  get diagnostics v_rejections = row_count;
  delete from sync.conflicts where created_at < now() - p_keep;
  get diagnostics v_conflicts = row_count;
  delete from sync.echoes where created_at < now() - p_keep;
  get diagnostics v_echoes = row_count;
  return v_rejections + v_conflicts + v_echoes;
end
$$;
comment on function private.purge_sync_history(interval) is
  'deletes sync rejections, conflict notices and echoes older than p_keep (≥ 7 days); returns rows deleted';

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  */
revoke all on function sync.apply_one(jsonb, uuid) from public, anon;
revoke all on function sync.record_inserts(text, uuid[], bigint[], uuid) from public, anon;
revoke all on function sync.apply_inserts(sync.tables, text[], jsonb, uuid, text[]) from public, anon;
grant execute on function sync.apply_one(jsonb, uuid) to authenticated, service_role;
grant execute on function sync.record_inserts(text, uuid[], bigint[], uuid) to authenticated, service_role;
grant execute on function sync.apply_inserts(sync.tables, text[], jsonb, uuid, text[]) to authenticated, service_role;
revoke all on function public.sync_pull(jsonb, int, uuid) from public, anon;
grant execute on function public.sync_pull(jsonb, int, uuid) to authenticated;
