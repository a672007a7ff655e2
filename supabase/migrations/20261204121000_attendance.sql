-- attendance: who came to a group session (issue 4, "Today"; ARCHITECTURE §4–5).
--
--   attendance   one mark per athlete and session: present, excused, absent or trial;
--                written by the session group's coaches and the organization's
--                admins, offline too (synced); an athlete reads only their own marks
--
-- convergence. two coaches of one group may mark the same athlete while both are
-- offline. the device derives the row id from (session_id, athlete_id) (a uuid v5,
-- src/domain/attendance-id.ts), so both devices create the same row, and the sync
-- registry flags the table `merge_inserts`: an insert whose id already exists is
-- applied as an update of the fields that differ (per-field last-writer-wins in
-- server order), never refused as a duplicate. the unique (session_id,
-- athlete_id) stays as the database's guarantee of one mark per athlete.

/**
  * -------------------------------------------------------
  * section - table
  * -------------------------------------------------------
  */
create table public.attendance (
  id uuid primary key,
  org_id uuid not null references public.organizations (id) on delete cascade,
  session_id uuid not null references public.training_sessions (id) on delete cascade,
  athlete_id uuid not null,
  status text not null,
  -- who marked last (the server writes the caller) and when they tapped (device time)
  marked_by uuid references auth.users (id) on delete set null,
  marked_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint attendance_athlete_fkey foreign key (athlete_id, org_id)
    references public.athletes (id, org_id) on delete cascade,
  constraint attendance_status_check check (status in ('present', 'excused', 'absent', 'trial')),
  constraint attendance_session_athlete_key unique (session_id, athlete_id)
);
comment on table public.attendance is 'one attendance mark per athlete and group session';
comment on column public.attendance.id is 'uuid v5 of (session_id, athlete_id): every device derives the same id';
comment on column public.attendance.status is 'present | excused | absent | trial (a trial lesson)';
comment on column public.attendance.marked_at is 'when the coach tapped, by the device clock (display only)';

create index attendance_org_id_idx on public.attendance (org_id);
create index attendance_athlete_org_idx on public.attendance (athlete_id, org_id);
create index attendance_marked_by_idx on public.attendance (marked_by);
create index attendance_xid_idx on public.attendance (xid, id);

/**
  * -------------------------------------------------------
  * section - authorization helpers
  * -------------------------------------------------------
  */

-- sessions of the groups the caller coaches (one initplan per statement)
create function private.coached_session_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select s.id
    from public.training_sessions s
   where s.group_id in (select private.coached_group_ids())
     and s.deleted_at is null
$$;
comment on function private.coached_session_ids() is 'ids of live sessions of the groups the caller coaches';

-- the id devices derive for a mark (src/domain/attendance-id.ts): the uuid v5 of
-- "<session>/<athlete>" in trackside's attendance namespace. for seeds and
-- server-side writers, so their rows converge with the devices' too.
create function private.attendance_id(p_session uuid, p_athlete uuid)
returns uuid
language sql immutable security invoker set search_path = ''
as $$
  with h as (
    select extensions.digest(
      decode('4f0b6a553c1e4d2a9a572d1c8e6b7f10', 'hex')
        || convert_to(p_session::text || '/' || p_athlete::text, 'UTF8'),
      'sha1') as b
  )
  select encode(set_byte(set_byte(substring(h.b from 1 for 16),
           6, (get_byte(h.b, 6) & 15) | 80),
           8, (get_byte(h.b, 8) & 63) | 128), 'hex')::uuid
    from h
$$;
comment on function private.attendance_id(uuid, uuid) is 'uuid v5 of (session, athlete): the id every device gives a mark';

/**
  * -------------------------------------------------------
  * section - triggers
  * -------------------------------------------------------
  */

-- a mark belongs to a live group session of its own organization; the caller is
-- recorded as the marker (a service-role write keeps what it names)
create function private.guard_attendance()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_session public.training_sessions;
begin
  if tg_op = 'INSERT' or new.session_id is distinct from old.session_id or new.org_id is distinct from old.org_id then
    select * into v_session from public.training_sessions s where s.id = new.session_id;
    if not found or v_session.org_id <> new.org_id or v_session.kind <> 'group' then
      raise exception 'attendance is marked for a group session of the same organization'
        using errcode = '23514', hint = 'invalid';
    end if;
  end if;
  if auth.uid() is not null then
    new.marked_by := auth.uid();
  end if;
  return new;
end
$$;

create trigger guard_attendance before insert or update on public.attendance
  for each row execute function private.guard_attendance();
-- the foundation's sync stamp (runs after guard_attendance: triggers fire in name order)
create trigger stamp_synced_row before insert or update on public.attendance
  for each row execute function private.stamp_synced_row();

/**
  * -------------------------------------------------------
  * section - row-level security
  * -------------------------------------------------------
  * a coach writes marks for sessions of the groups they coach and athletes of
  * those groups; an admin for the whole organization; an athlete reads their own.
  */
alter table public.attendance enable row level security;

create policy "Group coaches, admins and the athlete can view attendance"
  on public.attendance for select to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or session_id = any (array(select private.coached_session_ids()))
    or athlete_id = any (array(select private.own_athlete_ids()))
  );

create policy "Group coaches and admins can mark attendance"
  on public.attendance for insert to authenticated
  with check (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or (session_id = any (array(select private.coached_session_ids()))
        and athlete_id = any (array(select private.coached_athlete_ids())))
  );

create policy "Group coaches and admins can change attendance"
  on public.attendance for update to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or session_id = any (array(select private.coached_session_ids()))
  )
  with check (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or (session_id = any (array(select private.coached_session_ids()))
        and athlete_id = any (array(select private.coached_athlete_ids())))
  );

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  * the identity of a mark (id, organization, session, athlete) is fixed once
  * written; no delete privilege (tombstones).
  */
revoke all on public.attendance from public, anon, authenticated;
grant all on public.attendance to service_role;
grant select on public.attendance to authenticated;
grant insert (id, org_id, session_id, athlete_id, status, marked_by, marked_at)
  on public.attendance to authenticated;
grant update (status, marked_by, marked_at, deleted_at) on public.attendance to authenticated;

revoke all on function private.coached_session_ids() from public, anon, authenticated;
grant execute on function private.coached_session_ids() to authenticated, service_role;
revoke all on function private.guard_attendance() from public, anon, authenticated;
revoke all on function private.attendance_id(uuid, uuid) from public, anon, authenticated;
grant execute on function private.attendance_id(uuid, uuid) to service_role;

/**
  * -------------------------------------------------------
  * section - sync
  * -------------------------------------------------------
  * `merge_inserts`: for tables whose ids devices derive from the row's natural
  * key, an insert of an id that already exists is the same row written twice,
  * so it merges as an update instead of failing as a duplicate. sync.apply_mutation
  * is the foundation's, with that one step added before the insert.
  */
alter table sync.tables add column merge_inserts boolean not null default false;
comment on column sync.tables.merge_inserts is
  'an insert of an existing id applies as an update of the differing fields (ids derived from a natural key)';

create or replace function sync.apply_mutation(p_m jsonb, p_client_id uuid)
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
  v_given jsonb;
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

  -- a table whose ids derive from a natural key: an insert of a row that exists
  -- (another device wrote the same key) writes only the fields that differ
  if v_op = 'insert' and v_reg.merge_inserts then
    execute format('select to_jsonb(t) from public.%I t where t.id = $1', v_reg.table_name)
      into v_before using v_id;
    if v_before is not null then
      execute format('select to_jsonb(r) from jsonb_populate_record(null::public.%I, $1) as r',
        v_reg.table_name) into v_given using v_fields;
      select coalesce(array_agg(c order by c), '{}') into v_cols
        from unnest(v_cols) as c where (v_given -> c) is distinct from (v_before -> c);
      v_op := 'update';
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

insert into sync.tables (table_name, pull_order, merge_inserts) values ('attendance', 5237, true);
