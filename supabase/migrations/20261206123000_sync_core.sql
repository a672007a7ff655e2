-- sync core: the one current definition of the server half of the offline-first
-- engine (ARCHITECTURE §5). it replaces 20261206100000_sync_core.sql, which
-- gathered the core from the migrations that built it up; this one defines every
-- function of the core again, each in its final form, so what runs is what is
-- written here. what changed since: an idle pull no longer costs what the caller
-- may see (the access epoch, below); public.sync_pull takes `p_check`; the lint
-- warnings of sync.writable_columns and public.sync_push are gone (typed empty
-- arrays, no shadowed loop variable).
--
-- the core is data-driven: a feature registers, it never re-creates the core.
-- no later migration defines, alters or drops a function of schema `sync`,
-- public.sync_*, private.purge_sync_history, private.note_access_change,
-- private.access_epoch_moved, private.note_write or private.tables_written
-- (tests/db/sync-core-defined-once.test.ts fails if one does); a change to the
-- core itself is a new `<timestamp>_sync_core.sql` that defines the whole core.
--
-- a new synced table registers one row:
--
--   insert into sync.tables (table_name, pull_order) values ('my_table', 6100);
--
--   the table lives in `public` and has `id uuid primary key`, `deleted_at
--   timestamptz` (the tombstone), the xid8 stamp named by `stamp_column`
--   (default `xid`, kept by the trigger private.stamp_synced_row()) with an index
--   leading with it, row-level security, and select on whole rows for
--   `authenticated`. `server_columns` lists what a device may never write (the
--   default: id, xid, created_at, updated_at, updated_by, deleted_at);
--   `pull_order` (unique) is its place in a pull. the device declares the table
--   too, in src/data/synced-tables.ts (tests/db/synced-tables-registry.test.ts
--   holds the two lists equal). register the table after its select policies:
--   registering reads them (the access epoch); a migration that creates or
--   changes a select policy of a synced table, or a helper one calls, ends with
--
--     select sync.watch_access();
--
--   (supabase/tests/840-sync-access-epoch.sql fails while what is watched
--   differs from what the policies read).
--
-- a new merge rule registers a hook on its table's row:
--
--   update sync.tables
--      set merge_hook = 'private.my_table_merge(sync.tables, uuid, jsonb)'::regprocedure
--    where table_name = 'my_table';
--
--   without a hook a table gets the default merge: per-field last-writer-wins in
--   server order (only the fields a device changed are written), an insert of an
--   existing id refused as a duplicate. a hook is a function
--
--     (p_reg sync.tables, p_id uuid, p_m jsonb) returns jsonb
--
--   that sync.apply_mutation calls, as the caller, for each of the table's pushed
--   mutations once the core has checked it (the table is registered, `p_id` is
--   its id, every field is writable). it returns the mutation to apply: `p_m`
--   itself, or `p_m` with another `op`, `fields` or `base` (the table, id and seq
--   stay the core's); the core then applies it with the default merge, checks
--   what it may write and records writers and lost races. the hook should be
--   `security invoker` (row-level security applies to what it reads), `set
--   search_path = ''`, and executable by `authenticated`. a table with a hook
--   never has its inserts written as a run (`merge_inserts` says so): an insert
--   may become an update. attendance's hook, private.attendance_merge (below),
--   is the example.
--
--   public.sync_push(p_client_id, p_mutations)            applies a device's outbox batch
--   public.sync_pull(p_cursor, p_limit, p_client_id, p_check)  changes since a cursor, plus access digests
--   public.sync_ids(p_table), public.sync_rows(p_table, p_ids)  access reconciliation
--   sync.apply_mutation(p_m, p_client_id)                 one mutation, through the table's hook
--   sync.apply_one(p_m, p_client_id)                      one mutation, one verdict
--   sync.apply_inserts(p_reg, p_cols, p_run, p_client_id, p_repeated)  a run of inserts
--   sync.record_writes(…), sync.record_inserts(…)         who wrote each field, who lost a race
--   sync.registered, sync.writable_columns, sync.reason_for, sync.is_transient  helpers
--   sync.check_merge_hook()                               keeps hooks to the signature above
--   sync.access_plan(), sync.watch_access(), sync.rewatch_access()  the access epoch's plan
--   private.note_access_change(), private.access_epoch_moved(p_from, p_to)  its log (definer
--                                                         rights: the log is not the caller's)
--   private.note_write(), private.tables_written(p_from, p_to)  the write log: the tables a
--                                                         pull window has rows of
--   private.purge_sync_history(p_keep)                    the daily trim of the bookkeeping

/**
  * -------------------------------------------------------
  * section - the access epoch
  * -------------------------------------------------------
  * the last page of a pull used to carry, for every synced table, the digest
  * (count and xor of the ids) of every row the caller may see, so that a device
  * finds out when it may no longer see a row (or may now see an old one): the
  * idle pull of a coach who sees 100,000 rows cost ten times that of the demo.
  * now it carries the digest of a table only when something that can change
  * who sees that table's rows happened in the pull's window [from, to) — the
  * table's access epoch moved — or when the device asks (`p_check`).
  *
  * why that is enough. the device's rows matched the server's at `from` (its
  * previous pull compared every digest whose epoch had moved; the first pull,
  * from 0, compares them all). between `from` and `to` the rows the caller sees
  * of a table t change only by
  *   1. writes of t's own rows: each one restamps its row into the window, and
  *      the pull sends the row if the caller sees it now (tombstones included);
  *      the device then holds what the server holds, unless the write made the
  *      row invisible to the caller (then the pull cannot send it) or removed it
  *      (a hard delete, e.g. a cascade from auth.users);
  *   2. writes of what t's row-level security reads: the helpers in `private`
  *      read memberships (roles, left_at), organizations (deleted_at), training
  *      groups, group coaches, athletes (their group and user), training
  *      sessions (their group) — today; a revoked membership or a coach taken
  *      off a group changes who sees rows nobody wrote;
  *   3. the clock or the request's claims, for a policy that reads now(),
  *      current_date, auth.jwt() or other settings.
  * so the server logs, per transaction, writes of kind 1 that can hide or
  * remove a row (a hard delete or truncate of a synced table; an update of a
  * column its select policies read directly) and every write of kind 2 (an
  * insert, delete or truncate of a table the policies read, and an update of a
  * column of it they name), and a table of kind 3 is checked on every pull.
  * an insert into a synced table that no policy reads is never logged: attendance
  * marks, bookings, ranks written all day move no epoch.
  *
  * what the policies read is found in the catalog, not listed by hand
  * (sync.access_plan): each synced table's select policies for `authenticated`,
  * the relations and functions they depend on (pg_depend), and, transitively,
  * every relation and function the helpers' bodies name. the project's functions
  * run with `search_path = ''`, so a body names what it reads as schema.name.
  * the columns that matter of a relation the policies read are those the
  * policies and helpers name; a whole-row use (to_jsonb, row_to_json, *,
  * natural join, a row-typed argument) makes every column matter. auth.uid()
  * and auth.role() are the caller (a digest is per caller anyway). the privacy
  * policies of any later migration are read the same way, provided it calls
  * sync.watch_access() (registering a table does it).
  *
  * the log is sync.access_log, one row per (transaction, relation): no row is
  * updated, so concurrent writers never wait for each other on it. a window's
  * entries are those with xid in [from, to): `to` is the pull's horizon (every
  * transaction below it has finished), so a visibility change that commits late
  * is seen by a later window, exactly like a late row. the digest itself is
  * computed as before, over the rows below the horizon as the caller sees them
  * now.
  *
  * the device asks for a table it wrote (its pushes since its last matching
  * digest, its pending edits: an insert the caller may not see, an edit of a row
  * someone else deleted meanwhile), and keeps asking until a digest matched; it
  * asks again for a table it reconciled. the purge trims the log after 90 days
  * and raises `floor`: a cursor at or below the floor gets every digest.
  */

-- what each synced table's visibility depends on (rewritten by sync.watch_access)
create table sync.access_rules (
  table_name text primary key references sync.tables (table_name) on delete cascade,
  -- the table itself, schema-qualified, as it appears in the log
  relation text not null,
  -- relations the table's select policies read: any logged write of one moves the epoch
  sources text[] not null default '{}',
  -- a policy reads the clock or the request's settings: every pull checks the table
  always boolean not null default false
);
comment on table sync.access_rules is
  'per synced table: the relations its select policies read (writes of them move its access epoch)';

-- transactions that wrote something that can change who sees what
create table sync.access_log (
  xid xid8 not null default pg_current_xact_id(),
  relation text not null,
  created_at timestamptz not null default now(),
  primary key (xid, relation)
);
comment on table sync.access_log is
  'one row per transaction and relation whose write can change who sees synced rows';

-- transactions that wrote a synced table at all: a pull queries only the tables
-- with rows in its window (see private.tables_written)
create table sync.write_log (
  xid xid8 not null default pg_current_xact_id(),
  table_name text not null,
  created_at timestamptz not null default now(),
  primary key (xid, table_name)
);
comment on table sync.write_log is
  'one row per transaction and synced table it wrote; a pull skips the tables its window has none of';

-- the logs' floor (a cursor at or below it gets every digest and reads every table)
-- and the plan watched
create table sync.access_state (
  only_row boolean primary key default true check (only_row),
  floor xid8 not null,
  plan jsonb not null default '{}'::jsonb
);
comment on table sync.access_state is
  'the access log''s floor and the plan sync.watch_access installed';
-- the log is complete from here on: every cursor from before gets every digest
insert into sync.access_state (floor) values (pg_current_xact_id());

-- bookkeeping for definer functions only
alter table sync.access_rules enable row level security;
alter table sync.access_log enable row level security;
alter table sync.access_state enable row level security;
alter table sync.write_log enable row level security;
revoke all on sync.access_rules, sync.access_log, sync.access_state, sync.write_log
  from public, anon, authenticated;
grant all on sync.access_rules, sync.access_log, sync.access_state, sync.write_log to service_role;
create index access_log_created_at on sync.access_log (created_at);
create index write_log_created_at on sync.write_log (created_at);

-- what the select policies of each synced table read, from the catalog:
-- {tables: {t: {relation, sources: [...], always}},
--  watch: {relation: {insert: bool, update: [columns] | null (any column)}}}
-- (a watched relation's deletes and truncates are always logged)
create or replace function sync.access_plan()
returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_reg sync.tables;
  v_rel oid;
  v_pols oid[];
  v_texts text[];
  v_all_texts text[] := '{}'::text[];
  v_funcs oid[];
  v_rels oid[];
  v_seen_funcs oid[];
  v_seen_rels oid[];
  v_sources oid[];
  v_f oid;
  v_r oid;
  v_src text;
  v_lang text;
  v_kind "char";
  v_m text[];
  v_own text[];
  v_own_whole boolean;
  v_whole boolean := false;
  v_tables jsonb := '{}'::jsonb;
  v_watch jsonb := '{}'::jsonb;
  v_own_cols jsonb := '{}'::jsonb;
  v_read oid[] := '{}'::oid[];
  v_tokens text[];
  v_cols jsonb;
  v_authenticated oid := (select r.oid from pg_catalog.pg_roles r where r.rolname = 'authenticated');
  v_skip oid[] := array[
    pg_catalog.to_regprocedure('auth.uid()'), pg_catalog.to_regprocedure('auth.role()')]::oid[];
begin
  for v_reg in select * from sync.tables t order by t.pull_order loop
    v_rel := pg_catalog.to_regclass('public.' || pg_catalog.quote_ident(v_reg.table_name));
    continue when v_rel is null;
    -- the select policies that apply to devices
    select coalesce(array_agg(p.oid), '{}'::oid[]),
           coalesce(array_agg(pg_catalog.pg_get_expr(p.polqual, p.polrelid)) filter (where p.polqual is not null), '{}'::text[])
      into v_pols, v_texts
      from pg_catalog.pg_policy p
     where p.polrelid = v_rel and p.polcmd in ('r', '*')
       and (0::oid = any (p.polroles) or v_authenticated = any (p.polroles));
    -- the table's own columns they name; a whole-row use names them all
    select coalesce(array_agg(distinct a.attname::text order by a.attname::text) filter (where a.attname is not null), '{}'::text[]),
           coalesce(bool_or(d.refobjsubid = 0), false)
      into v_own, v_own_whole
      from pg_catalog.pg_depend d
      left join pg_catalog.pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
     where d.classid = 'pg_catalog.pg_policy'::pg_catalog.regclass and d.objid = any (v_pols)
       and d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.refobjid = v_rel
       and d.deptype = 'n';
    -- functions and other relations the policies use, then everything those read
    select coalesce(array_agg(d.refobjid) filter (where d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass), '{}'::oid[]),
           coalesce(array_agg(d.refobjid) filter (where d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                                   and d.refobjid <> v_rel), '{}'::oid[])
      into v_funcs, v_rels
      from pg_catalog.pg_depend d
     where d.classid = 'pg_catalog.pg_policy'::pg_catalog.regclass and d.objid = any (v_pols);
    v_seen_funcs := '{}'::oid[];
    v_seen_rels := '{}'::oid[];
    v_sources := '{}'::oid[];
    while cardinality(v_funcs) > 0 or cardinality(v_rels) > 0 loop
      if cardinality(v_funcs) > 0 then
        v_f := v_funcs[1];
        v_funcs := v_funcs[2:];
        continue when v_f = any (v_seen_funcs) or v_f = any (v_skip);
        v_seen_funcs := v_seen_funcs || v_f;
        select p.prosrc, l.lanname into v_src, v_lang
          from pg_catalog.pg_proc p join pg_catalog.pg_language l on l.oid = p.prolang
         where p.oid = v_f;
        -- a row-typed argument or result is a whole-row use
        if exists (
          select from pg_catalog.pg_proc p
            cross join unnest(p.proargtypes::oid[] || p.prorettype) as a(t)
            join pg_catalog.pg_type ty on ty.oid = a.t
           where p.oid = v_f and ty.typrelid <> 0
        ) then
          v_whole := true;
        end if;
        -- what an sql-standard body depends on is in pg_depend
        v_funcs := v_funcs || array(select d.refobjid from pg_catalog.pg_depend d
          where d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass and d.objid = v_f
            and d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass);
        v_rels := v_rels || array(select d.refobjid from pg_catalog.pg_depend d
          where d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass and d.objid = v_f
            and d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass);
        continue when v_lang not in ('sql', 'plpgsql') or v_src is null;
        v_texts := v_texts || v_src;
      else
        v_r := v_rels[1];
        v_rels := v_rels[2:];
        continue when v_r = any (v_seen_rels);
        v_seen_rels := v_seen_rels || v_r;
        select c.relkind into v_kind from pg_catalog.pg_class c where c.oid = v_r;
        if v_kind in ('v', 'm') then
          -- a view reads what its query reads
          v_src := pg_catalog.pg_get_viewdef(v_r::pg_catalog.regclass);
          v_texts := v_texts || v_src;
          v_funcs := v_funcs || array(select d.refobjid from pg_catalog.pg_depend d
            join pg_catalog.pg_rewrite w on w.oid = d.objid
            where d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass and w.ev_class = v_r
              and d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass);
          v_rels := v_rels || array(select d.refobjid from pg_catalog.pg_depend d
            join pg_catalog.pg_rewrite w on w.oid = d.objid
            where d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass and w.ev_class = v_r
              and d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.refobjid <> v_r);
        elsif v_kind in ('r', 'p', 'f') then
          v_sources := v_sources || v_r;
        end if;
        continue;
      end if;
      -- the names a body reads: functions run with search_path = '', so they are qualified
      for v_m in
        select regexp_matches(v_src, '([A-Za-z_][A-Za-z0-9_$]*)\s*\.\s*([A-Za-z_][A-Za-z0-9_$]*)', 'g')
      loop
        continue when lower(v_m[1]) in ('pg_catalog', 'information_schema');
        v_r := pg_catalog.to_regclass(format('%I.%I', lower(v_m[1]), lower(v_m[2])));
        if v_r is not null then
          v_rels := v_rels || v_r;
        end if;
        v_funcs := v_funcs || array(select p.oid from pg_catalog.pg_proc p
          join pg_catalog.pg_namespace n on n.oid = p.pronamespace
          where n.nspname = lower(v_m[1]) and p.proname = lower(v_m[2]));
      end loop;
    end loop;

    v_all_texts := v_all_texts || v_texts;
    v_read := v_read || v_sources;
    v_tables := v_tables || jsonb_build_object(v_reg.table_name, jsonb_build_object(
      'relation', v_rel::pg_catalog.regclass::text,
      'sources', coalesce((select jsonb_agg(distinct s::pg_catalog.regclass::text) from unnest(v_sources) as s), '[]'::jsonb),
      -- the clock or the request's settings (auth.uid() and auth.role() are not read)
      'always', coalesce(array_to_string(v_texts, ' ') ~* '\m(now|current_date|current_time|current_timestamp|localtime|localtimestamp|clock_timestamp|statement_timestamp|transaction_timestamp|timeofday|current_setting)\M', false)));
    -- a hard delete or truncate of the table always matters; an update only of the columns its policies name
    v_own_cols := v_own_cols || jsonb_build_object(v_rel::pg_catalog.regclass::text,
      case when v_own_whole then 'null'::jsonb else to_jsonb(v_own) end);
  end loop;

  -- whole-row uses anywhere: every column of what the policies read matters
  if array_to_string(v_all_texts, ' ') ~* '(to_jsonb|row_to_json|jsonb_populate|json_populate|\.\s*\*|select\s+\*|natural\s+join)' then
    v_whole := true;
  end if;
  select coalesce(array_agg(distinct lower(t[1])), '{}'::text[]) into v_tokens
    from regexp_matches(array_to_string(v_all_texts, ' '), '([A-Za-z_][A-Za-z0-9_$]*)', 'g') as t;

  -- the relations the policies read: inserts, deletes and the named columns' updates
  for v_r in select distinct s from unnest(v_read) as s loop
    select coalesce(jsonb_agg(a.attname::text order by a.attnum), '[]'::jsonb) into v_cols
      from pg_catalog.pg_attribute a
     where a.attrelid = v_r and a.attnum > 0 and not a.attisdropped and a.attname::text = any (v_tokens);
    v_watch := v_watch || jsonb_build_object(v_r::pg_catalog.regclass::text, jsonb_build_object(
      'insert', true, 'update', case when v_whole then 'null'::jsonb else v_cols end));
  end loop;
  -- the synced tables: deletes, and updates of the columns their own policies name
  for v_src, v_cols in select e.key, e.value from jsonb_each(v_own_cols) as e loop
    if v_watch ? v_src then
      if v_watch #> array[v_src, 'update'] <> 'null'::jsonb then
        v_watch := jsonb_set(v_watch, array[v_src, 'update'], case when v_cols = 'null'::jsonb then v_cols else
          (select coalesce(jsonb_agg(distinct c), '[]'::jsonb)
             from (select jsonb_array_elements(v_watch #> array[v_src, 'update']) union
                   select jsonb_array_elements(v_cols)) as u(c)) end);
      end if;
    else
      v_watch := v_watch || jsonb_build_object(v_src, jsonb_build_object('insert', false, 'update', v_cols));
    end if;
  end loop;
  return jsonb_build_object('tables', v_tables, 'watch', v_watch);
end
$$;
comment on function sync.access_plan() is
  'what the select policies of every synced table read, from the catalog: the access epoch''s plan';

-- a watched write: one log row per transaction and relation (never an update, so
-- concurrent writers do not queue on it)
create or replace function private.note_access_change()
returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
begin
  insert into sync.access_log (relation)
  values (pg_catalog.format('%I.%I', tg_table_schema, tg_table_name))
  on conflict (xid, relation) do nothing;
  return null;
end
$$;
comment on function private.note_access_change() is
  'logs that this transaction wrote a relation that can change who sees synced rows';

-- a write of a synced table: one log row per transaction and table
create or replace function private.note_write()
returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
begin
  insert into sync.write_log (table_name) values (tg_table_name)
  on conflict (xid, table_name) do nothing;
  return null;
end
$$;
comment on function private.note_write() is
  'logs that this transaction wrote a synced table (the pull reads only the tables its window has writes of)';

-- installs the plan: the rules the pull reads and the triggers that log. run by
-- the owner of the watched tables (a migration), after a select policy of a
-- synced table or a helper it calls changed; registering a table runs it
create or replace function sync.watch_access()
returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_plan jsonb := sync.access_plan();
  v_t record;
  v_rel text;
  v_spec jsonb;
begin
  delete from sync.access_rules;
  insert into sync.access_rules (table_name, relation, sources, always)
  select e.key, e.value ->> 'relation',
         array(select jsonb_array_elements_text(e.value -> 'sources')),
         (e.value ->> 'always')::boolean
    from jsonb_each(v_plan -> 'tables') as e;

  for v_t in
    select g.tgname, g.tgrelid::pg_catalog.regclass::text as rel
      from pg_catalog.pg_trigger g
     where g.tgname in ('sync_access_write', 'sync_access_update', 'sync_write')
  loop
    execute format('drop trigger %I on %s', v_t.tgname, v_t.rel);
  end loop;

  for v_rel, v_spec in select e.key, e.value from jsonb_each(v_plan -> 'watch') as e loop
    execute format(
      'create trigger sync_access_write after %s on %s for each statement execute function private.note_access_change()',
      case when (v_spec ->> 'insert')::boolean then 'insert or delete or truncate' else 'delete or truncate' end,
      v_rel);
    if v_spec -> 'update' = 'null'::jsonb then
      execute format(
        'create trigger sync_access_update after update on %s for each statement execute function private.note_access_change()',
        v_rel);
    elsif jsonb_array_length(v_spec -> 'update') > 0 then
      execute format(
        'create trigger sync_access_update after update of %s on %s for each row when (%s) execute function private.note_access_change()',
        (select string_agg(format('%I', c), ', ') from jsonb_array_elements_text(v_spec -> 'update') as c),
        v_rel,
        (select string_agg(format('old.%1$I is distinct from new.%1$I', c), ' or ')
           from jsonb_array_elements_text(v_spec -> 'update') as c));
    end if;
  end loop;

  -- every synced table: any write, for the pull's choice of tables to read
  for v_rel in select e.value ->> 'relation' from jsonb_each(v_plan -> 'tables') as e loop
    execute format(
      'create trigger sync_write after insert or update or delete on %s for each statement execute function private.note_write()',
      v_rel);
  end loop;

  update sync.access_state set plan = v_plan;
end
$$;
comment on function sync.watch_access() is
  'installs the access epoch''s plan: the rules sync_pull reads and the triggers that log visibility changes';

-- registering, renaming or dropping a synced table watches again
create or replace function sync.rewatch_access()
returns trigger
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  perform sync.watch_access();
  return null;
end
$$;
comment on function sync.rewatch_access() is 'runs sync.watch_access() when the registry changes';

create trigger rewatch_access after insert or delete or update of table_name on sync.tables
  for each statement execute function sync.rewatch_access();

-- the synced tables whose access epoch moved in [p_from, p_to), or null when the
-- log does not reach back to p_from (every table). definer rights: the log is
-- not the caller's to read; what it answers is table names only.
create or replace function private.access_epoch_moved(p_from xid8, p_to xid8)
returns text[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_moved text[];
  v_logged text[];
begin
  if p_from <= (select s.floor from sync.access_state s) then
    return null;
  end if;
  -- the relations written in the window, once (one range scan of the log)
  v_logged := array(
    select distinct l.relation from sync.access_log l where l.xid >= p_from and l.xid < p_to);
  select coalesce(array_agg(r.table_name), '{}'::text[]) into v_moved
    from sync.access_rules r
   where r.always or r.relation = any (v_logged) or r.sources && v_logged;
  return v_moved;
end
$$;
comment on function private.access_epoch_moved(xid8, xid8) is
  'synced tables whose access epoch moved in a pull window; null: the log does not reach back that far';

-- the synced tables written in [p_from, p_to), whoever may see the rows, or null
-- when the log does not reach back to p_from (every table): the pull queries only
-- those, since a query through row-level security costs its planning even when
-- its window is empty (21 of them were most of an idle pull). the write log holds
-- every write that fires triggers; a bulk write with triggers off
-- (session_replication_role = replica) must raise the floor
-- (update sync.access_state set floor = pg_current_xact_id()), and every device
-- then reads every table and gets every digest once. definer rights: the log is
-- not the caller's; it answers table names only.
create or replace function private.tables_written(p_from xid8, p_to xid8)
returns text[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  if p_from <= (select s.floor from sync.access_state s) then
    return null;
  end if;
  return array(
    select distinct w.table_name from sync.write_log w where w.xid >= p_from and w.xid < p_to);
end
$$;
comment on function private.tables_written(xid8, xid8) is
  'synced tables written in a pull window (names only; null: the log does not reach back that far)';

/**
  * -------------------------------------------------------
  * section - registry
  * -------------------------------------------------------
  * `merge_hook` names a table's merge rule; `merge_inserts` follows from it
  * (both from 20261206100000_sync_core.sql).
  */

-- a hook is called with the core's arguments: refuse any other signature when it
-- is registered rather than at every push
create or replace function sync.check_merge_hook()
returns trigger
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  if new.merge_hook is not null and not exists (
    select from pg_catalog.pg_proc p
     where p.oid = new.merge_hook
       and p.prokind = 'f'
       and not p.proretset
       and p.prorettype = 'pg_catalog.jsonb'::pg_catalog.regtype
       and p.pronargs = 3
       and p.proargtypes[0] = 'sync.tables'::pg_catalog.regtype
       and p.proargtypes[1] = 'pg_catalog.uuid'::pg_catalog.regtype
       and p.proargtypes[2] = 'pg_catalog.jsonb'::pg_catalog.regtype
  ) then
    raise exception 'the merge hook of % must be a function (sync.tables, uuid, jsonb) returning jsonb, not %',
      new.table_name, new.merge_hook
      using errcode = '22023';
  end if;
  return new;
end
$$;
comment on function sync.check_merge_hook() is
  'refuses a merge hook whose signature is not (sync.tables, uuid, jsonb) returns jsonb';


/**
  * -------------------------------------------------------
  * section - helpers
  * -------------------------------------------------------
  */

-- the registry entry for a table, or an error the push reports as a rejection
create or replace function sync.registered(p_table text)
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
comment on function sync.registered(text) is
  'the registry entry of a synced table; raises unknown_table for any other';

-- the writable columns among a mutation's fields, in a stable order; raises when a
-- field is unknown, generated or server-maintained
create or replace function sync.writable_columns(p_reg sync.tables, p_fields jsonb)
returns text[]
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_key text;
  v_cols text[] := '{}'::text[];
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
comment on function sync.writable_columns(sync.tables, jsonb) is
  'the fields of a mutation a device may write, sorted; raises invalid for any other';

-- the category the device shows for a refused mutation
create or replace function sync.reason_for(p_state text, p_hint text)
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
comment on function sync.reason_for(text, text) is
  'the reason a device shows for a refused mutation, from its sqlstate and hint';

-- transient failures abort the whole push (the device retries); everything else a
-- mutation raises is its verdict
create or replace function sync.is_transient(p_state text)
returns boolean
language sql immutable security invoker set search_path = ''
as $$
  select left(p_state, 2) in ('08', '40', '53', '54', '55', '57', '58', 'XX')
$$;
comment on function sync.is_transient(text) is
  'whether an error fails the whole push (retried) rather than refusing one mutation';

/**
  * -------------------------------------------------------
  * section - writers and lost races
  * -------------------------------------------------------
  * per-field last-writer-wins is decided by server order. when a write replaces
  * a value its device never saw (the `base` it sent differs from the stored
  * value), the device that wrote the replaced value lost a race: it is told
  * through its next pull. definer rights: the caller may not read other users'
  * writer records.
  */

-- records the writer of each written field and, for fields whose base differs
-- from the value replaced, a conflict for the device that wrote that value. called
-- by sync.apply_mutation only after rls let the caller's write through. a field's
-- writer is its own record or, when no update has claimed it yet, the row's '*'
-- record left by a run of inserts.
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
comment on function sync.record_writes(text, uuid, text[], jsonb, jsonb, jsonb, uuid, bigint) is
  'records the caller''s device as the writer of the fields it wrote, and the races it made others lose';

-- the writer of a run of freshly inserted rows: one record per row, under the
-- field name '*', which stands for every field no later write has claimed (a
-- fresh insert is always the oldest write of its row). definer rights for the
-- same reason as sync.record_writes; a fresh insert replaces no value, so it
-- cannot lose a race and records no conflict.
create or replace function sync.record_inserts(p_table text, p_ids uuid[], p_seqs bigint[], p_client uuid)
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

/**
  * -------------------------------------------------------
  * section - one mutation
  * -------------------------------------------------------
  */

-- applies one mutation as the caller; raises (and so rolls back to the caller's
-- block) when it is refused. the table's merge hook, if it registered one, sees
-- the checked mutation first and may rewrite it; what it returns is applied with
-- the default merge. an update or delete that rls filters touches zero rows
-- without an error, so the row count is checked.
create or replace function sync.apply_mutation(p_m jsonb, p_client_id uuid)
returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_reg sync.tables;
  v_m jsonb := p_m;
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

  -- the table's merge rule (sync.tables.merge_hook): the mutation it returns is
  -- the one applied; fields it changed are checked again
  if v_reg.merge_hook is not null then
    execute format('select %s($1, $2, $3)', v_reg.merge_hook::oid::regproc)
      into v_m using v_reg, v_id, p_m;
    if v_m is null then
      raise exception 'the merge hook of % returned no mutation', v_reg.table_name
        using errcode = '39004';
    end if;
    v_op := v_m ->> 'op';
    if (v_m -> 'fields') is distinct from (p_m -> 'fields') then
      v_fields := coalesce(v_m -> 'fields', '{}'::jsonb);
      v_cols := sync.writable_columns(v_reg, v_fields);
    end if;
  end if;

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
    if jsonb_typeof(v_m -> 'base') = 'object' then
      execute format('select to_jsonb(r) from jsonb_populate_record(null::public.%I, $1) as r',
        v_reg.table_name) into v_base using v_m -> 'base';
      select jsonb_object_agg(k, v_base -> k) into v_base
        from jsonb_object_keys(v_m -> 'base') as k;
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
comment on function sync.apply_mutation(jsonb, uuid) is
  'applies one pushed mutation as the caller, through its table''s merge hook; raises when it is refused';

-- applies the mutation under a savepoint and returns its result; a refusal is
-- recorded in sync.rejections. transient failures are raised (the whole push
-- fails and is retried).
create or replace function sync.apply_one(p_m jsonb, p_client_id uuid)
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
  * a run (consecutive inserts into one table naming the same fields) is written
  * by one insert statement, its writer records and its echoes by one more each.
  * a run that succeeds as a whole is one whose mutations would have succeeded
  * one by one (row triggers, unique and check constraints and rls' `with check`
  * see each row; foreign keys are checked at the end of the statement). a row
  * the run stored exactly as the device sent it is an echo (sync.echoes): the
  * device's next pull skips it while the row keeps that transaction's stamp.
  */

-- inserts a run of mutations [{seq, id, fields}] naming the same fields into one
-- table, as the caller, and records the rows stored as sent as echoes (but not
-- those in p_repeated, 'table:id' keys other mutations of the batch touch).
-- raises on any refusal: the caller rolls the run back and applies it mutation
-- by mutation.
create or replace function sync.apply_inserts(
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
  * p_mutations: [{seq, table, id, op: insert|update|delete, fields: {column: value},
  * base?: {column: value the device saw before its edit}}] in ascending seq.
  * returns {last_seq, results: [{seq, status, replay?, code?, reason?, message?}]}
  * where status is applied | rejected | pending (not reached because of a gap:
  * the device resends from last_seq + 1). per device, the last applied seq is
  * stored (sync.clients): a replayed seq is skipped and reports its original
  * verdict; a refused mutation is recorded with its reason and advances the seq.
  * consecutive inserts into one table with the same fields are gathered into a
  * run and written together (tables with a merge hook excepted: an insert may
  * turn into an update); everything else goes through sync.apply_one.
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
  v_results jsonb[] := '{}'::jsonb[];
  v_rej sync.rejections;
  v_gap boolean := false;
  -- the run of inserts being gathered
  v_run jsonb[] := '{}'::jsonb[];
  v_run_reg sync.tables;
  v_run_keys text[];
  v_keys text[];
  v_reg sync.tables;
  v_cols text[];
  v_state text;
  v_applied boolean;
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
      where t.table_name = p_mutations -> 0 ->> 'table' and t.merge_hook is null;
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
      -- a fresh insert that could join a run: its table, if synced and without a
      -- merge hook, and its field names
      if not v_gap and v_seq = v_last + 1 and v_m ->> 'op' = 'insert'
        and jsonb_typeof(v_m -> 'fields') = 'object'
        and (v_m ->> 'id') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      then
        if cardinality(v_run) > 0 and v_run_reg.table_name = v_m ->> 'table' then
          v_reg := v_run_reg;
        else
          select * into v_reg from sync.tables t where t.table_name = v_m ->> 'table';
        end if;
        if v_reg.table_name is not null and v_reg.merge_hook is null then
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
      v_run := '{}'::jsonb[];
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
comment on function public.sync_push(uuid, jsonb) is
  'applies a device''s outbox batch idempotently; one verdict per mutation';

/**
  * -------------------------------------------------------
  * section - pull
  * -------------------------------------------------------
  * p_cursor: null for a first sync, else the `cursor` of the previous answer.
  * answer: {changes: [{table, rows: [...]}], cursor, more, digests?, conflicts?}
  *   more = true: call again with `cursor` (same horizon, next page);
  *   more = false: `digests` {table: {count, xor}} describe the ids the caller
  *   may see with stamps below the horizon, for the device's access check, and
  *   `conflicts` lists same-field races the caller's devices lost in the window.
  *   `digests` names only the tables whose access epoch moved in the window
  *   [from, to) and those the device asks for in p_check (a json array of table
  *   names); every table when the cursor is null or older than the access log's
  *   floor. a table it does not name: who may see its rows did not change but
  *   by the rows the pull sent (the access epoch, above). the pull reads only
  *   the tables sync.write_log says were written in its window (all of them
  *   from a cursor at or below the floor).
  * rows are whole rows (to_jsonb), tombstones included once a device has a
  * cursor (a first sync has nothing to delete). a pull returns rows whose stamp
  * lies in [from, to), `to` = pg_snapshot_xmin(pg_current_snapshot()): a late
  * commit can hold the cursor back but is never skipped. rows that are the
  * calling device's echoes are not sent; the last page deletes the echoes its
  * window passed. the digest of a table is the count and the xor of
  * uuid_hash_extended(id, 0) over the visible ids (no sort; src/domain/uuid-hash.ts).
  */
-- the previous signature had no p_check
drop function public.sync_pull(jsonb, int, uuid);
create or replace function public.sync_pull(
  p_cursor jsonb default null, p_limit int default 1000, p_client_id uuid default null,
  p_check jsonb default null
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
  v_moved text[];
  v_written text[];
begin
  if v_user is null then
    raise exception 'sign in to sync' using errcode = '42501';
  end if;
  if v_to is null then
    -- the horizon: every transaction below it has committed or aborted
    v_to := pg_snapshot_xmin(pg_current_snapshot());
  end if;
  -- the tables written in the window (null: all of them, e.g. a first sync)
  v_written := private.tables_written(v_from, v_to);

  for v_reg in
    select * from sync.tables t where t.pull_order >= v_table_from order by t.pull_order
  loop
    if v_left = 0 then
      return jsonb_build_object('changes', v_changes, 'more', true,
        'cursor', jsonb_build_object('from', v_from::text, 'to', v_to::text, 'table', v_reg.pull_order));
    end if;
    continue when v_written is not null and not v_reg.table_name = any (v_written);
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

  -- last page: the access digests, of the tables whose access epoch moved in the
  -- window (null: all of them) and of those the device asks for: the count and
  -- the xor of uuid_hash_extended(id, 0), which needs no sort (src/domain/uuid-hash.ts)
  v_moved := private.access_epoch_moved(v_from, v_to);
  for v_reg in select * from sync.tables t order by t.pull_order loop
    continue when v_moved is not null and not v_reg.table_name = any (v_moved)
      and not coalesce(jsonb_typeof(p_check) = 'array' and p_check ? v_reg.table_name, false);
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
comment on function public.sync_pull(jsonb, int, uuid, jsonb) is
  'changes since a cursor the caller may see, without the caller device''s echoes; the last page carries the access digests of the tables whose access epoch moved or that p_check names';

/**
  * -------------------------------------------------------
  * section - access reconciliation
  * -------------------------------------------------------
  * when a device's digest of a table differs from the server's, it asks for the
  * ids it may see now, drops the rows it may no longer see and fetches the
  * missing ones.
  */

-- every id of a synced table the caller may see now (tombstones excluded)
create or replace function public.sync_ids(p_table text)
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
comment on function public.sync_ids(text) is
  'every id of a synced table the caller may see now, tombstones excluded';

-- the caller's view of some rows of a synced table (missing = not visible); ids as a
-- json array, which every client and gateway passes the same way
create or replace function public.sync_rows(p_table text, p_ids jsonb)
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
comment on function public.sync_rows(text, jsonb) is
  'the caller''s view of some rows of a synced table, by id (missing: not visible)';

/**
  * -------------------------------------------------------
  * section - retention
  * -------------------------------------------------------
  * the daily job purge-sync-history (20261122400000_sync_retention.sql) trims
  * the bookkeeping that grows with every push: rejections (a device never
  * replays a batch older than its acknowledged sequence), conflict notices (a
  * device that has not pulled for the window is stale anyway) and the echoes of
  * devices that stopped pulling (one that pulls again just gets those rows),
  * and the access and write logs, whose floor rises past what they dropped (a
  * device that has not pulled for the window reads every table and gets every
  * digest). sync.field_writers is
  * bounded by the data itself and is not trimmed.
  */
create or replace function private.purge_sync_history(p_keep interval default interval '90 days')
returns int
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_rejections int;
  v_conflicts int;
  v_echoes int;
  v_access int;
  v_floor xid8;
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
  with gone as (
    delete from sync.access_log where created_at < now() - p_keep returning xid
  ), written as (
    delete from sync.write_log where created_at < now() - p_keep returning xid
  )
  select count(*)::int, max(x) into v_access, v_floor
    from (select xid as x from gone union all select xid from written) as d;
  if v_floor is not null then
    update sync.access_state set floor = greatest(floor, v_floor);
  end if;
  return v_rejections + v_conflicts + v_echoes + v_access;
end
$$;
comment on function private.purge_sync_history(interval) is
  'deletes sync rejections, conflict notices, echoes and access log entries older than p_keep (≥ 7 days); returns rows deleted';

/**
  * -------------------------------------------------------
  * section - attendance's merge rule
  * -------------------------------------------------------
  * as in 20261206100000_sync_core.sql (registered there as attendance's hook),
  * but it reads the registry entry it is given: a hook registered on another
  * table changes nothing (and the linter no longer finds p_reg unused).
  */
create or replace function private.attendance_merge(p_reg sync.tables, p_id uuid, p_m jsonb)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_fields jsonb := coalesce(p_m -> 'fields', '{}'::jsonb);
  v_before jsonb;
  v_given jsonb;
begin
  -- the rule is attendance's: registered on another table, it changes nothing
  if p_m ->> 'op' is distinct from 'insert' or p_reg.table_name is distinct from 'attendance' then
    return p_m;
  end if;
  select to_jsonb(a) into v_before from public.attendance a where a.id = p_id;
  if v_before is null then
    return p_m; -- a new mark
  end if;
  -- the fields as the columns' own types, compared with the mark as stored
  v_given := to_jsonb(jsonb_populate_record(null::public.attendance, v_fields));
  return p_m || jsonb_build_object('op', 'update', 'fields', (
    select coalesce(jsonb_object_agg(k, v_fields -> k), '{}'::jsonb)
      from jsonb_object_keys(v_fields) as k
     where (v_given -> k) is distinct from (v_before -> k)));
end
$$;
comment on function private.attendance_merge(sync.tables, uuid, jsonb) is
  'attendance''s merge hook: an insert of an existing mark writes only the fields that differ, as an update';

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  * as before: devices call the public rpcs; the sync helpers run as the caller,
  * so `authenticated` may execute them; the purge is the scheduler's alone. the
  * access epoch's bookkeeping is the owner's: a device only learns, through
  * sync_pull, which tables' epochs moved.
  */
revoke all on function sync.registered(text) from public, anon;
revoke all on function sync.writable_columns(sync.tables, jsonb) from public, anon;
revoke all on function sync.reason_for(text, text) from public, anon;
revoke all on function sync.is_transient(text) from public, anon;
revoke all on function sync.record_writes(text, uuid, text[], jsonb, jsonb, jsonb, uuid, bigint) from public, anon;
revoke all on function sync.record_inserts(text, uuid[], bigint[], uuid) from public, anon;
revoke all on function sync.apply_mutation(jsonb, uuid) from public, anon;
revoke all on function sync.apply_one(jsonb, uuid) from public, anon;
revoke all on function sync.apply_inserts(sync.tables, text[], jsonb, uuid, text[]) from public, anon;
revoke all on function sync.check_merge_hook() from public, anon, authenticated;
revoke all on function sync.access_plan() from public, anon, authenticated;
revoke all on function private.note_access_change() from public, anon, authenticated;
revoke all on function private.note_write() from public, anon, authenticated;
revoke all on function sync.watch_access() from public, anon, authenticated;
revoke all on function sync.rewatch_access() from public, anon, authenticated;
revoke all on function private.access_epoch_moved(xid8, xid8) from public, anon;
revoke all on function private.tables_written(xid8, xid8) from public, anon;
revoke all on function public.sync_push(uuid, jsonb) from public, anon;
revoke all on function public.sync_pull(jsonb, int, uuid, jsonb) from public, anon;
revoke all on function public.sync_ids(text) from public, anon;
revoke all on function public.sync_rows(text, jsonb) from public, anon;
revoke all on function private.purge_sync_history(interval) from public, anon, authenticated;

grant execute on function sync.registered(text) to authenticated, service_role;
grant execute on function sync.writable_columns(sync.tables, jsonb) to authenticated, service_role;
grant execute on function sync.reason_for(text, text) to authenticated, service_role;
grant execute on function sync.is_transient(text) to authenticated, service_role;
grant execute on function sync.record_writes(text, uuid, text[], jsonb, jsonb, jsonb, uuid, bigint) to authenticated, service_role;
grant execute on function sync.record_inserts(text, uuid[], bigint[], uuid) to authenticated, service_role;
grant execute on function sync.apply_mutation(jsonb, uuid) to authenticated, service_role;
grant execute on function sync.apply_one(jsonb, uuid) to authenticated, service_role;
grant execute on function sync.apply_inserts(sync.tables, text[], jsonb, uuid, text[]) to authenticated, service_role;
grant execute on function private.access_epoch_moved(xid8, xid8) to authenticated, service_role;
grant execute on function private.tables_written(xid8, xid8) to authenticated, service_role;
grant execute on function public.sync_push(uuid, jsonb) to authenticated;
grant execute on function public.sync_pull(jsonb, int, uuid, jsonb) to authenticated;
grant execute on function public.sync_ids(text) to authenticated;
grant execute on function public.sync_rows(text, jsonb) to authenticated;

-- watch what today's policies read (the plan is in sync.access_state.plan)
select sync.watch_access();
