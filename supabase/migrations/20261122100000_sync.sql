-- sync: the server half of the offline-first engine (ARCHITECTURE §5).
--
--   public.sync_push(p_client_id, p_mutations)  applies a device's outbox batch
--   public.sync_pull(p_cursor, p_limit)          changes since a cursor, plus access digests
--   public.sync_ids(p_table)                     ids the caller may see (access reconciliation)
--   public.sync_rows(p_table, p_ids)             rows by id (revert after a rejection, grants)
--
-- every function is `security invoker`: row-level security decides what a caller
-- may read and write, exactly as it does for the rest of the api. bookkeeping
-- lives in the non-exposed schema `sync`, under rls as well.
--
-- pull cursor. every synced row carries a transaction-id stamp (xid8, from
-- pg_current_xact_id(), set by a trigger). a pull returns rows whose stamp lies in
-- [from, to) where `to` = pg_snapshot_xmin(pg_current_snapshot()): every
-- transaction below xmin has finished, so a transaction that commits late can
-- hold the cursor back but can never be skipped (updated_at could).
--
-- access changes. rls filters what a pull returns, so a row the caller stopped
-- seeing simply stops coming, and a row the caller starts seeing may be older than
-- the cursor. so each final pull page carries, per table, a digest of the ids the
-- caller may see (count + sha256 of the sorted ids, restricted to stamps below the
-- horizon). the device computes the same digest over its own rows; on a mismatch
-- it asks sync_ids for the table, drops rows no longer visible and fetches the
-- missing ones with sync_rows. this is correct for any rls policy, costs nothing
-- extra in requests when nothing changed, and needs no trigger on the tables that
-- drive access (memberships, groups, athletes' group) to know who is affected.

-- schema ----------------------------------------------------------------------
create schema if not exists sync;
comment on schema sync is 'offline sync bookkeeping; not exposed over the api';
revoke all on schema sync from public;
grant usage on schema sync to authenticated, service_role;

-- registry of synced tables -----------------------------------------------------
-- one row per table in `public` that devices replicate. a table listed here must
-- have `id uuid primary key`, `deleted_at timestamptz` (tombstone) and the xid8
-- stamp column named in `stamp_column`, maintained by a trigger.
create table sync.tables (
  table_name text primary key,
  stamp_column text not null default 'xid',
  -- columns a device may never write: identity and trigger-maintained bookkeeping
  server_columns text[] not null default '{id,xid,created_at,updated_at,updated_by,deleted_at}',
  pull_order int not null unique,
  constraint sync_tables_name_is_identifier check (table_name ~ '^[a-z_][a-z0-9_]*$'),
  constraint sync_tables_stamp_is_identifier check (stamp_column ~ '^[a-z_][a-z0-9_]*$')
);
comment on table sync.tables is 'tables devices replicate; one declaration per feature';

alter table sync.tables enable row level security;
revoke all on sync.tables from public, anon, authenticated;
grant select on sync.tables to authenticated;
grant all on sync.tables to service_role;

create policy tables_select_authenticated on sync.tables
  for select to authenticated using (true);

-- per-device sequence ------------------------------------------------------------
-- replicache-style idempotency: the last sequence applied for (user, device).
create table sync.clients (
  user_id uuid not null references auth.users (id) on delete cascade,
  client_id uuid not null,
  last_seq bigint not null default 0 check (last_seq >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (user_id, client_id)
);
comment on table sync.clients is 'last outbox sequence applied per user and device';

alter table sync.clients enable row level security;
revoke all on sync.clients from public, anon, authenticated;
grant select, insert, update on sync.clients to authenticated;
grant all on sync.clients to service_role;

create policy clients_select_own on sync.clients
  for select to authenticated using (user_id = (select auth.uid()));
create policy clients_insert_own on sync.clients
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy clients_update_own on sync.clients
  for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

-- rejected mutations ----------------------------------------------------------------
-- a dead-letter record of every mutation the server refused, with its reason. a
-- replayed batch reads its verdicts back from here, so a lost response never
-- turns a rejection into a silent success.
create table sync.rejections (
  user_id uuid not null references auth.users (id) on delete cascade,
  client_id uuid not null,
  seq bigint not null,
  table_name text,
  row_id uuid,
  op text,
  fields jsonb,
  code text not null,
  reason text not null,
  message text not null,
  created_at timestamptz not null default now(),
  primary key (user_id, client_id, seq)
);
comment on table sync.rejections is 'mutations refused by rls, a constraint or a business rule';

alter table sync.rejections enable row level security;
revoke all on sync.rejections from public, anon, authenticated;
grant select, insert on sync.rejections to authenticated;
grant all on sync.rejections to service_role;

create policy rejections_select_own on sync.rejections
  for select to authenticated using (user_id = (select auth.uid()));
create policy rejections_insert_own on sync.rejections
  for insert to authenticated with check (user_id = (select auth.uid()));

-- same-field races: who wrote each field last, and who lost ----------------------
-- per-field last-writer-wins is decided by server order. when a write replaces a
-- value its device never saw (the `base` it sent differs from the stored value),
-- the device that wrote the replaced value lost a race: it is told through its
-- next pull. only the security definer sync.record_writes touches these tables.
create table sync.field_writers (
  table_name text not null,
  row_id uuid not null,
  field text not null,
  user_id uuid not null,
  client_id uuid not null,
  seq bigint not null,
  primary key (table_name, row_id, field)
);
comment on table sync.field_writers is 'the device that last wrote each synced field';

alter table sync.field_writers enable row level security;
revoke all on sync.field_writers from public, anon, authenticated;
grant all on sync.field_writers to service_role;
-- no policy: devices never read or write it directly

create table sync.conflicts (
  id bigint generated always as identity primary key,
  -- the loser: the device whose value was overwritten without being seen
  user_id uuid not null references auth.users (id) on delete cascade,
  client_id uuid not null,
  seq bigint not null,
  table_name text not null,
  row_id uuid not null,
  field text not null,
  mine jsonb,
  theirs jsonb,
  by_user uuid,
  xid xid8 not null default pg_current_xact_id(),
  created_at timestamptz not null default now()
);
comment on table sync.conflicts is 'values overwritten by a later write that did not see them';
create index conflicts_user_xid on sync.conflicts (user_id, xid);

alter table sync.conflicts enable row level security;
revoke all on sync.conflicts from public, anon, authenticated;
grant select on sync.conflicts to authenticated;
grant all on sync.conflicts to service_role;

create policy conflicts_select_own on sync.conflicts
  for select to authenticated using (user_id = (select auth.uid()));

-- helpers -----------------------------------------------------------------------------

-- the registry entry for a table, or an error the push reports as a rejection
create function sync.registered(p_table text)
returns sync.tables
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v sync.tables;
begin
  select * into v from sync.tables t where t.table_name = p_table;
  if not found then
    raise exception 'table % is not synced', coalesce(p_table, '(null)')
      using errcode = '22023', hint = 'unknown_table';
  end if;
  return v;
end
$$;

-- the writable columns among a mutation's fields, in a stable order; raises when a
-- field is unknown, generated or server-maintained
create function sync.writable_columns(p_reg sync.tables, p_fields jsonb)
returns text[]
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_key text;
  v_cols text[] := '{}';
begin
  if p_fields is null or jsonb_typeof(p_fields) <> 'object' then
    raise exception 'fields must be an object' using errcode = '22023', hint = 'invalid';
  end if;
  for v_key in select k from jsonb_object_keys(p_fields) as k order by k loop
    if v_key = any (p_reg.server_columns) or v_key = p_reg.stamp_column then
      raise exception 'field %.% is maintained by the server', p_reg.table_name, v_key
        using errcode = '22023', hint = 'invalid';
    end if;
    if not exists (
      select from pg_catalog.pg_attribute a
      where a.attrelid = pg_catalog.to_regclass('public.' || pg_catalog.quote_ident(p_reg.table_name))
        and a.attname = v_key and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    ) then
      raise exception 'table % has no writable field %', p_reg.table_name, v_key
        using errcode = '22023', hint = 'invalid';
    end if;
    v_cols := v_cols || v_key;
  end loop;
  return v_cols;
end
$$;

-- records the writer of each written field and, for fields whose base differs
-- from the value replaced, a conflict for the device that wrote that value. called
-- by sync.apply_mutation only after rls let the caller's write through; definer
-- rights because the caller may not read other users' writer records.
create function sync.record_writes(
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
          where f.table_name = p_table and f.row_id = p_row and f.field = v_col;
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

-- applies one mutation as the caller; raises (and so rolls back to the caller's
-- block) when it is refused. an update or delete that rls filters touches zero
-- rows without an error, so the row count is checked.
create function sync.apply_mutation(p_m jsonb, p_client_id uuid)
returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_reg sync.tables;
  v_op text := p_m ->> 'op';
  v_id uuid;
  v_fields jsonb := coalesce(p_m -> 'fields', '{}'::jsonb);
  v_cols text[];
  v_list text;
  v_select text;
  v_assign text;
  v_count bigint;
  v_tombstoned boolean;
  v_before jsonb;
  v_after jsonb;
  v_base jsonb;
begin
  v_reg := sync.registered(p_m ->> 'table');
  begin
    v_id := (p_m ->> 'id')::uuid;
  exception when invalid_text_representation then
    raise exception 'id must be a uuid' using errcode = '22023', hint = 'invalid';
  end;
  if v_id is null then
    raise exception 'id is required' using errcode = '22023', hint = 'invalid';
  end if;
  v_cols := sync.writable_columns(v_reg, v_fields);

  if v_op = 'insert' then
    select string_agg(pg_catalog.quote_ident(c), ', '), string_agg('r.' || pg_catalog.quote_ident(c), ', ')
      into v_list, v_select
      from unnest(v_cols) as c;
    execute format(
      'insert into public.%I (id%s) select $1%s from jsonb_populate_record(null::public.%I, $2) as r',
      v_reg.table_name,
      coalesce(', ' || v_list, ''),
      coalesce(', ' || v_select, ''),
      v_reg.table_name
    ) using v_id, v_fields;
    get diagnostics v_count = row_count;
    if v_count = 1 then
      perform sync.record_writes(v_reg.table_name, v_id, v_cols, null, null, null,
        p_client_id, (p_m ->> 'seq')::bigint);
    end if;

  elsif v_op = 'update' then
    if cardinality(v_cols) = 0 then
      return; -- nothing changed: nothing to write
    end if;
    -- the values this write replaces, as the caller may see them
    execute format('select to_jsonb(t) from public.%I t where t.id = $1 and t.deleted_at is null',
      v_reg.table_name) into v_before using v_id;
    -- the values the device saw before its edit, in the columns' own types
    if jsonb_typeof(p_m -> 'base') = 'object' then
      execute format('select to_jsonb(r) from jsonb_populate_record(null::public.%I, $1) as r',
        v_reg.table_name) into v_base using p_m -> 'base';
      select jsonb_object_agg(k, v_base -> k) into v_base
        from jsonb_object_keys(p_m -> 'base') as k;
    end if;
    select string_agg(format('%I = r.%I', c, c), ', ') into v_assign from unnest(v_cols) as c;
    execute format(
      'update public.%I as t set %s from jsonb_populate_record(null::public.%I, $2) as r
        where t.id = $1 and t.deleted_at is null
        returning to_jsonb(t)',
      v_reg.table_name, v_assign, v_reg.table_name
    ) into v_after using v_id, v_fields;
    get diagnostics v_count = row_count;
    if v_count = 1 then
      perform sync.record_writes(v_reg.table_name, v_id, v_cols, v_before, v_base, v_after,
        p_client_id, (p_m ->> 'seq')::bigint);
    end if;

  elsif v_op = 'delete' then
    -- soft delete: the tombstone is what tells other devices
    execute format(
      'update public.%I set deleted_at = now() where id = $1 and deleted_at is null',
      v_reg.table_name
    ) using v_id;
    get diagnostics v_count = row_count;
    if v_count = 0 then
      -- deleting what is already deleted (and visible) is done, not refused
      execute format('select exists (select from public.%I where id = $1 and deleted_at is not null)',
        v_reg.table_name) into v_tombstoned using v_id;
      if v_tombstoned then
        return;
      end if;
    end if;

  else
    raise exception 'op must be insert, update or delete' using errcode = '22023', hint = 'invalid';
  end if;

  if v_count <> 1 then
    raise exception '% of %.% affected no row: it does not exist or you may not change it',
      v_op, v_reg.table_name, v_id
      using errcode = '42501', hint = 'forbidden';
  end if;
end
$$;

-- the category the device shows for a refused mutation
create function sync.reason_for(p_state text, p_hint text)
returns text
language sql immutable security invoker set search_path = ''
as $$
  select case
    when p_hint in ('forbidden', 'invalid', 'unknown_table', 'rule') then p_hint
    when p_state = '42501' then 'forbidden'
    when p_state = '23505' then 'conflict'
    when p_state = '23503' then 'reference'
    when p_state = 'P0001' then 'rule'
    when p_state like '22%' or p_state like '23%' then 'invalid'
    else 'error'
  end
$$;

-- transient failures abort the whole push (the device retries); everything else a
-- mutation raises is its verdict
create function sync.is_transient(p_state text)
returns boolean
language sql immutable security invoker set search_path = ''
as $$
  select left(p_state, 2) in ('08', '40', '53', '54', '55', '57', '58', 'XX')
$$;

-- push ------------------------------------------------------------------------------
-- p_mutations: [{seq, table, id, op: insert|update|delete, fields: {column: value},
-- base?: {column: value the device saw before its edit}}]
-- in ascending seq. returns {last_seq, results: [{seq, status, replay?, code?, reason?,
-- message?}]} where status is applied | rejected | pending (not reached because of
-- a gap: the device resends from last_seq + 1).
create function public.sync_push(p_client_id uuid, p_mutations jsonb)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_user uuid := auth.uid();
  v_last bigint;
  v_m jsonb;
  v_seq bigint;
  v_results jsonb := '[]'::jsonb;
  v_rej sync.rejections;
  v_state text;
  v_msg text;
  v_hint text;
  v_gap boolean := false;
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

  for v_m in select e.value from jsonb_array_elements(p_mutations) with ordinality as e order by e.ordinality loop
    v_seq := (v_m ->> 'seq')::bigint;
    if v_seq is null or v_seq < 1 then
      raise exception 'every mutation needs a positive seq' using errcode = '22023';
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

    begin
      perform sync.apply_mutation(v_m, p_client_id);
      v_results := v_results || jsonb_build_object('seq', v_seq, 'status', 'applied');
    exception when others then
      get stacked diagnostics v_state = returned_sqlstate, v_msg = message_text, v_hint = pg_exception_hint;
      if sync.is_transient(v_state) then
        raise; -- not a verdict on the mutation: the whole push fails and is retried
      end if;
      insert into sync.rejections (user_id, client_id, seq, table_name, row_id, op, fields, code, reason, message)
      values (
        v_user, p_client_id, v_seq, v_m ->> 'table',
        case when (v_m ->> 'id') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
          then (v_m ->> 'id')::uuid end,
        v_m ->> 'op', v_m -> 'fields', v_state, sync.reason_for(v_state, v_hint), v_msg
      );
      v_results := v_results || jsonb_build_object('seq', v_seq, 'status', 'rejected',
        'code', v_state, 'reason', sync.reason_for(v_state, v_hint), 'message', v_msg);
    end;
    v_last := v_seq;
  end loop;

  update sync.clients c set last_seq = v_last, updated_at = now()
    where c.user_id = v_user and c.client_id = p_client_id;

  return jsonb_build_object('last_seq', v_last, 'results', v_results);
end
$$;

-- pull ------------------------------------------------------------------------------
-- p_cursor: null for a first sync, else the `cursor` of the previous answer.
-- answer: {changes: [{table, rows: [...]}], cursor, more, digests?}
--   more = true: call again with `cursor` (same horizon, next page);
--   more = false: `digests` {table: {count, sha256}} describe the ids the caller may
--   see with stamps below the horizon, for the device's access check, and
--   `conflicts` lists same-field races the caller's devices lost in the window.
-- rows are whole rows (to_jsonb), tombstones included once a device has a cursor
-- (a first sync has nothing to delete).
create function public.sync_pull(p_cursor jsonb default null, p_limit int default 1000)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
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
  if auth.uid() is null then
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
            order by t.%1$I, t.id
            limit $5
         ) p$q$,
      v_reg.stamp_column, v_reg.table_name
    ) into v_rows, v_n
    using v_from, v_to,
      case when v_reg.pull_order = v_table_from then v_after_xid end,
      case when v_reg.pull_order = v_table_from then v_after_id end,
      v_left + 1;

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

  -- last page: the access digests, over every synced table
  for v_reg in select * from sync.tables t order by t.pull_order loop
    execute format(
      $q$select count(*), encode(sha256(convert_to(
                 coalesce(string_agg(t.id::text, ',' order by t.id), ''), 'UTF8')), 'hex')
           from public.%I t where t.deleted_at is null and t.%I < $1$q$,
      v_reg.table_name, v_reg.stamp_column
    ) into v_count, v_hash using v_to;
    v_digests := v_digests || jsonb_build_object(v_reg.table_name,
      jsonb_build_object('count', v_count, 'sha256', v_hash));
  end loop;

  -- last page: same-field races this user's devices lost in the window
  select coalesce(jsonb_agg(jsonb_build_object('client_id', c.client_id, 'seq', c.seq,
           'table', c.table_name, 'row_id', c.row_id, 'field', c.field,
           'mine', c.mine, 'theirs', c.theirs, 'by', c.by_user) order by c.id), '[]'::jsonb)
    into v_conflicts
    from sync.conflicts c
    where c.user_id = (select auth.uid()) and c.xid >= v_from and c.xid < v_to;

  return jsonb_build_object('changes', v_changes, 'more', false,
    'cursor', jsonb_build_object('from', v_to::text), 'digests', v_digests,
    'conflicts', v_conflicts);
end
$$;

-- access reconciliation ---------------------------------------------------------------
-- every id of a synced table the caller may see now (tombstones excluded)
create function public.sync_ids(p_table text)
returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_reg sync.tables;
  v_ids jsonb;
begin
  if auth.uid() is null then
    raise exception 'sign in to sync' using errcode = '42501';
  end if;
  v_reg := sync.registered(p_table);
  execute format(
    $q$select coalesce(jsonb_agg(t.id order by t.id), '[]'::jsonb) from public.%I t where t.deleted_at is null$q$,
    v_reg.table_name
  ) into v_ids;
  return v_ids;
end
$$;

-- the caller's view of some rows of a synced table (missing = not visible); ids as a
-- json array, which every client and gateway passes the same way
create function public.sync_rows(p_table text, p_ids jsonb)
returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_reg sync.tables;
  v_rows jsonb;
begin
  if auth.uid() is null then
    raise exception 'sign in to sync' using errcode = '42501';
  end if;
  if p_ids is null or jsonb_typeof(p_ids) <> 'array' then
    raise exception 'ids must be an array' using errcode = '22023';
  end if;
  if jsonb_array_length(p_ids) > 10000 then
    raise exception 'at most 10000 ids per call' using errcode = '22023';
  end if;
  v_reg := sync.registered(p_table);
  execute format(
    $q$select coalesce(jsonb_agg(to_jsonb(t) order by t.id), '[]'::jsonb)
         from public.%I t
        where t.id = any (array(select e::uuid from jsonb_array_elements_text($1) as e))$q$,
    v_reg.table_name
  ) into v_rows using p_ids;
  return v_rows;
end
$$;

-- grants ------------------------------------------------------------------------------
revoke all on function sync.registered(text) from public, anon;
revoke all on function sync.writable_columns(sync.tables, jsonb) from public, anon;
revoke all on function sync.apply_mutation(jsonb, uuid) from public, anon;
revoke all on function sync.reason_for(text, text) from public, anon;
revoke all on function sync.record_writes(text, uuid, text[], jsonb, jsonb, jsonb, uuid, bigint) from public, anon;
revoke all on function sync.is_transient(text) from public, anon;
revoke all on function public.sync_push(uuid, jsonb) from public, anon;
revoke all on function public.sync_pull(jsonb, int) from public, anon;
revoke all on function public.sync_ids(text) from public, anon;
revoke all on function public.sync_rows(text, jsonb) from public, anon;

grant execute on function sync.registered(text) to authenticated, service_role;
grant execute on function sync.writable_columns(sync.tables, jsonb) to authenticated, service_role;
grant execute on function sync.apply_mutation(jsonb, uuid) to authenticated, service_role;
grant execute on function sync.reason_for(text, text) to authenticated, service_role;
grant execute on function sync.record_writes(text, uuid, text[], jsonb, jsonb, jsonb, uuid, bigint) to authenticated, service_role;
grant execute on function sync.is_transient(text) to authenticated, service_role;
grant execute on function public.sync_push(uuid, jsonb) to authenticated;
grant execute on function public.sync_pull(jsonb, int) to authenticated;
grant execute on function public.sync_ids(text) to authenticated;
grant execute on function public.sync_rows(text, jsonb) to authenticated;
