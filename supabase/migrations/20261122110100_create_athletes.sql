-- people: training groups, their coaches, athletes and their rank history.
--
-- tables    public.training_groups, public.training_group_coaches,
--           public.athletes, public.rank_history
-- helpers   private.is_valid_schedule / is_valid_rank / is_valid_season (the
--           check constraints, mirrored by src/domain/schedule.ts, rank.ts,
--           season.ts and proven equal by tests/db/schedule-rank-agreement.test.ts),
--           private.rank_position, the caller's coached groups and own athletes
-- rpcs      public.link_athlete_account
--
-- who sees what (ARCHITECTURE §4):
--   * admins and owners: every group, coach assignment, athlete and rank of their
--     organization; they manage groups and coach assignments.
--   * coaches: every group and coach assignment of their organization (to plan and
--     to see colleagues), and the athletes (with their rank history) of the groups
--     they coach, which they may add, edit and move between those groups.
--   * an athlete: their own athlete record and rank history, their group and its
--     coaches; nothing else, and nothing writable.
--   * linking an athlete record to a user account (athletes.user_id) decides what
--     that user sees, so only admins do it (link_athlete_account, or an athlete
--     invitation) and never by writing the column (no privilege).
--
-- season change: when an athlete's season changes, the ranks of the season that
-- ends are kept in rank_history (seed 001: "historical data preserved when new
-- season starts") and the record's ranks start empty for the new season, unless
-- the same update sets them to new values.

/**
  * -------------------------------------------------------
  * section - validation
  * -------------------------------------------------------
  * the formats of seed 001, tightened: hours 00–23 and minutes 00–59 (the seed's
  * \d{2}:\d{2} admits 25:99), no day–time pair twice, at most 200 characters.
  * [0-9], not \d: \d may match other scripts' digits in some locales.
  * functions rather than inline checks because "no repeated pair" needs a
  * subquery, which a check constraint cannot hold.
  */

-- null | 'Самозапись' | '<day> HH:MM' joined by ', ', days Пн Вт Ср Чт Пт Сб Вс
create function private.is_valid_schedule(p_schedule text)
returns boolean
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select p_schedule is null
    or p_schedule = 'Самозапись'
    or (
      char_length(p_schedule) <= 200
      and p_schedule ~ '^(Пн|Вт|Ср|Чт|Пт|Сб|Вс) ([01][0-9]|2[0-3]):[0-5][0-9](, (Пн|Вт|Ср|Чт|Пт|Сб|Вс) ([01][0-9]|2[0-3]):[0-5][0-9])*$'
      and (
        select count(*) = count(distinct e)
          from unnest(string_to_array(p_schedule, ', ')) as e
      )
    )
$$;
comment on function private.is_valid_schedule(text) is
  'athletes.schedule format: null, ''Самозапись'' or ''Пн 18:00, Ср 19:00'' (src/domain/schedule.ts)';

-- the ten ranks of seed 001 in ascending order; null for anything else
create function private.rank_position(p_rank text)
returns int
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select case p_rank
    when 'Без разряда' then 0
    when 'III юношеский разряд' then 1
    when 'II юношеский разряд' then 2
    when 'I юношеский разряд' then 3
    when 'III взрослый разряд' then 4
    when 'II взрослый разряд' then 5
    when 'I взрослый разряд' then 6
    when 'КМС' then 7
    when 'МС' then 8
    when 'МСМК' then 9
  end
$$;
comment on function private.rank_position(text) is
  'order of ranks, Без разряда 0 … МСМК 9 (src/domain/rank.ts RANKS); order by it in sql';

create function private.is_valid_rank(p_rank text)
returns boolean
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select p_rank is null or private.rank_position(p_rank) is not null
$$;
comment on function private.is_valid_rank(text) is 'null or exactly one of the ten ranks of seed 001';

-- '2024-2025': a season runs 1 september → 31 august of the next year
create function private.is_valid_season(p_season text)
returns boolean
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select p_season is null
    or case
      when p_season ~ '^(19|20)[0-9]{2}-(19|20)[0-9]{2}$'
        then split_part(p_season, '-', 2)::int = split_part(p_season, '-', 1)::int + 1
      else false
    end
$$;
comment on function private.is_valid_season(text) is 'null or ''YYYY-YYYY'' with consecutive years (src/domain/season.ts)';

/**
  * -------------------------------------------------------
  * section - tables
  * -------------------------------------------------------
  */

-- training groups of an organization, per season
create table public.training_groups (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  name text not null,
  season text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint training_groups_name_check check (char_length(btrim(name)) between 1 and 100),
  constraint training_groups_season_check check (private.is_valid_season(season)),
  -- lets child tables pin (group, org) together with one foreign key
  constraint training_groups_id_org_key unique (id, org_id)
);
comment on table public.training_groups is 'training groups of an organization, per season';

-- who coaches which group (a group may have several coaches, a coach several groups)
create table public.training_group_coaches (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  group_id uuid not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint training_group_coaches_group_fkey foreign key (group_id, org_id)
    references public.training_groups (id, org_id) on delete cascade
);
comment on table public.training_group_coaches is
  'coaches of a training group; a coach sees and edits the athletes of the groups they coach';

-- athletes (seed 001's table, now per organization)
create table public.athletes (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  group_id uuid,
  user_id uuid references auth.users (id) on delete set null,
  name text not null,
  season text,
  status text not null default 'active',
  schedule text,
  rank_start text,
  rank_end text,
  moyklass_user_id bigint,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint athletes_group_fkey foreign key (group_id, org_id)
    references public.training_groups (id, org_id),
  constraint athletes_name_check check (char_length(btrim(name)) between 1 and 200),
  constraint athletes_season_check check (private.is_valid_season(season)),
  constraint athletes_status_check check (status in ('active', 'inactive', 'archived')),
  constraint athletes_schedule_check check (private.is_valid_schedule(schedule)),
  constraint athletes_rank_start_check check (private.is_valid_rank(rank_start)),
  constraint athletes_rank_end_check check (private.is_valid_rank(rank_end)),
  constraint athletes_moyklass_user_id_check check (moyklass_user_id > 0),
  constraint athletes_notes_check check (char_length(notes) <= 4000),
  constraint athletes_id_org_key unique (id, org_id)
);
comment on table public.athletes is 'athletes of an organization: group, season, schedule, ranks';
comment on column public.athletes.group_id is 'training group; null = not assigned (admins only see them)';
comment on column public.athletes.user_id is 'the athlete''s own account, if any (set by admins via link_athlete_account)';
comment on column public.athletes.status is 'active | inactive | archived';
comment on column public.athletes.schedule is
  'null (not set), ''Самозапись'' (self-registration) or ''Пн 18:00, Ср 19:00'': days Пн…Вс, 24-hour HH:MM, no pair twice, ≤ 200 chars';
comment on column public.athletes.rank_start is 'rank at the start of the season (one of ten, see private.rank_position) or null';
comment on column public.athletes.rank_end is 'rank achieved by the end of the season, or null';
comment on column public.athletes.moyklass_user_id is 'the student''s id in the Moyklass CRM';

-- ranks of past seasons
create table public.rank_history (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  athlete_id uuid not null,
  season text not null,
  rank_start text,
  rank_end text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint rank_history_athlete_fkey foreign key (athlete_id, org_id)
    references public.athletes (id, org_id) on delete cascade,
  constraint rank_history_season_check check (private.is_valid_season(season)),
  constraint rank_history_rank_start_check check (private.is_valid_rank(rank_start)),
  constraint rank_history_rank_end_check check (private.is_valid_rank(rank_end))
);
comment on table public.rank_history is 'an athlete''s ranks in past seasons, one live row per season';

/**
  * -------------------------------------------------------
  * section - indexes
  * -------------------------------------------------------
  */
create index training_groups_org_id_idx on public.training_groups (org_id);
create unique index training_groups_org_season_name_key
  on public.training_groups (org_id, coalesce(season, ''), lower(name)) where deleted_at is null;
create index training_groups_xid_idx on public.training_groups (xid, id);

create index training_group_coaches_group_org_idx on public.training_group_coaches (group_id, org_id);
create index training_group_coaches_org_id_idx on public.training_group_coaches (org_id);
create index training_group_coaches_user_id_idx on public.training_group_coaches (user_id);
create unique index training_group_coaches_group_user_key
  on public.training_group_coaches (group_id, user_id) where deleted_at is null;
create index training_group_coaches_xid_idx on public.training_group_coaches (xid, id);

create index athletes_org_id_idx on public.athletes (org_id);
create index athletes_group_org_idx on public.athletes (group_id, org_id);
create index athletes_user_id_idx on public.athletes (user_id);
-- one live athlete record per account and per moyklass student in an organization
create unique index athletes_org_user_key on public.athletes (org_id, user_id)
  where user_id is not null and deleted_at is null;
create unique index athletes_org_moyklass_key on public.athletes (org_id, moyklass_user_id)
  where moyklass_user_id is not null and deleted_at is null;
create index athletes_xid_idx on public.athletes (xid, id);

create index rank_history_athlete_org_idx on public.rank_history (athlete_id, org_id);
create index rank_history_org_id_idx on public.rank_history (org_id);
create unique index rank_history_athlete_season_key on public.rank_history (athlete_id, season)
  where deleted_at is null;
create index rank_history_xid_idx on public.rank_history (xid, id);

/**
  * -------------------------------------------------------
  * section - authorization helpers
  * -------------------------------------------------------
  * security definer and independent of the row: policies call them once per
  * statement as `(select …)` (see 20261122110000_create_tenancy.sql).
  */

-- groups the caller coaches, in organizations where they are still active staff
create function private.coached_group_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select c.group_id
    from public.training_group_coaches c
    join public.training_groups g on g.id = c.group_id
   where c.user_id = (select auth.uid())
     and c.deleted_at is null
     and g.deleted_at is null
     and c.org_id in (select private.org_ids_with_role('coach'))
$$;
comment on function private.coached_group_ids() is 'ids of live groups the caller coaches as active staff';

-- athlete records linked to the caller, in organizations they still belong to
create function private.own_athlete_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.id
    from public.athletes a
   where a.user_id = (select auth.uid())
     and a.deleted_at is null
     and a.org_id in (select private.org_ids_with_role('member'))
$$;
comment on function private.own_athlete_ids() is 'the caller''s own athlete records (active membership required)';

-- the groups the caller trains in
create function private.own_athlete_group_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.group_id
    from public.athletes a
   where a.id in (select private.own_athlete_ids())
     and a.group_id is not null
$$;
comment on function private.own_athlete_group_ids() is 'groups of the caller''s own athlete records';

-- athletes of the groups the caller coaches (for rank history)
create function private.coached_athlete_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.id
    from public.athletes a
   where a.group_id in (select private.coached_group_ids())
$$;
comment on function private.coached_athlete_ids() is 'athletes in the groups the caller coaches';

/**
  * -------------------------------------------------------
  * section - trigger functions
  * -------------------------------------------------------
  */

-- a group's coach must be active staff (coach, admin or owner) of its organization
create function private.guard_group_coach_write()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if new.deleted_at is null and not private.is_active_member(new.org_id, new.user_id, 'coach') then
    raise exception 'only a coach, admin or owner of the organization can coach its groups'
      using errcode = 'P0001';
  end if;
  return new;
end
$$;

-- when someone stops being staff of an organization (left, removed, demoted below
-- coach), their coaching assignments there end: tombstones, so devices learn it
create function private.release_coach_assignments()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.left_at is not null or new.deleted_at is not null or private.role_rank(new.role) < 2 then
    update public.training_group_coaches c
       set deleted_at = now()
     where c.org_id = new.org_id and c.user_id = new.user_id and c.deleted_at is null;
  end if;
  return null;
end
$$;

-- a new season keeps the old one: the ranks of the season that ends go to
-- rank_history; the record's ranks start empty unless this update sets them.
-- runs as the caller, so rank_history's own policies apply (whoever may edit the
-- athlete may write its history).
create function private.archive_season_ranks()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if old.season is not null and new.season is distinct from old.season then
    if old.rank_start is not null or old.rank_end is not null then
      insert into public.rank_history (org_id, athlete_id, season, rank_start, rank_end)
      values (old.org_id, old.id, old.season, old.rank_start, old.rank_end)
      on conflict (athlete_id, season) where deleted_at is null
      do update set rank_start = excluded.rank_start, rank_end = excluded.rank_end;
    end if;
    if new.rank_start is not distinct from old.rank_start then
      new.rank_start := null;
    end if;
    if new.rank_end is not distinct from old.rank_end then
      new.rank_end := null;
    end if;
  end if;
  return new;
end
$$;

/**
  * -------------------------------------------------------
  * section - triggers
  * -------------------------------------------------------
  * before triggers fire in name order: guards and the season archive first, the
  * sync stamp last.
  */
create trigger stamp_synced_row before insert or update on public.training_groups
  for each row execute function private.stamp_synced_row();

create trigger guard_group_coach_write before insert or update on public.training_group_coaches
  for each row execute function private.guard_group_coach_write();
create trigger stamp_synced_row before insert or update on public.training_group_coaches
  for each row execute function private.stamp_synced_row();

create trigger archive_season_ranks before update of season on public.athletes
  for each row execute function private.archive_season_ranks();
create trigger stamp_synced_row before insert or update on public.athletes
  for each row execute function private.stamp_synced_row();

create trigger stamp_synced_row before insert or update on public.rank_history
  for each row execute function private.stamp_synced_row();

create trigger release_coach_assignments after update of role, left_at, deleted_at on public.memberships
  for each row execute function private.release_coach_assignments();

/**
  * -------------------------------------------------------
  * section - rpcs
  * -------------------------------------------------------
  */

-- link an athlete record to a member's account (p_user_id null unlinks). admins
-- and owners only: the link decides what that account sees.
create function public.link_athlete_account(p_athlete_id uuid, p_user_id uuid)
returns public.athletes
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_athlete public.athletes;
begin
  if v_uid is null then
    raise exception 'sign in to link accounts' using errcode = '42501';
  end if;
  select * into v_athlete from public.athletes a where a.id = p_athlete_id and a.deleted_at is null for update;
  if not found or not private.is_active_member(v_athlete.org_id, v_uid, 'admin') then
    raise exception 'only admins and owners of the athlete''s organization can link accounts'
      using errcode = '42501';
  end if;
  if p_user_id is not null and not private.is_active_member(v_athlete.org_id, p_user_id) then
    raise exception 'that account is not a member of the organization: invite them first'
      using errcode = 'P0001';
  end if;
  if p_user_id is not null and exists (
    select from public.athletes a
     where a.org_id = v_athlete.org_id and a.user_id = p_user_id and a.id <> v_athlete.id and a.deleted_at is null
  ) then
    raise exception 'that account is already linked to another athlete of the organization'
      using errcode = 'P0001';
  end if;
  update public.athletes a set user_id = p_user_id where a.id = v_athlete.id returning * into v_athlete;
  return v_athlete;
end
$$;
comment on function public.link_athlete_account(uuid, uuid) is
  'rpc: admins/owners link an athlete record to a member''s account (null unlinks)';

/**
  * -------------------------------------------------------
  * section - row level security
  * -------------------------------------------------------
  */
alter table public.training_groups enable row level security;
alter table public.training_group_coaches enable row level security;
alter table public.athletes enable row level security;
alter table public.rank_history enable row level security;

-- training groups ---------------------------------------------------------------
create policy "Staff and their athletes can view training groups"
  on public.training_groups for select to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('coach')))
    or id = any (array(select private.own_athlete_group_ids()))
  );

create policy "Admins can create training groups"
  on public.training_groups for insert to authenticated
  with check (org_id = any (array(select private.org_ids_with_role('admin'))));

create policy "Admins can edit training groups"
  on public.training_groups for update to authenticated
  using (org_id = any (array(select private.org_ids_with_role('admin'))))
  with check (org_id = any (array(select private.org_ids_with_role('admin'))));

-- group coaches -----------------------------------------------------------------
create policy "Staff and their athletes can view group coaches"
  on public.training_group_coaches for select to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('coach')))
    or group_id = any (array(select private.own_athlete_group_ids()))
  );

create policy "Admins can assign group coaches"
  on public.training_group_coaches for insert to authenticated
  with check (org_id = any (array(select private.org_ids_with_role('admin'))));

create policy "Admins can unassign group coaches"
  on public.training_group_coaches for update to authenticated
  using (org_id = any (array(select private.org_ids_with_role('admin'))))
  with check (org_id = any (array(select private.org_ids_with_role('admin'))));

-- athletes ----------------------------------------------------------------------
-- the check on insert and update pins the new row too: a coach cannot move an
-- athlete into a group they do not coach, nor create one there.
create policy "Staff and the athlete can view athletes"
  on public.athletes for select to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or group_id = any (array(select private.coached_group_ids()))
    or id = any (array(select private.own_athlete_ids()))
  );

create policy "Admins and group coaches can add athletes"
  on public.athletes for insert to authenticated
  with check (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or group_id = any (array(select private.coached_group_ids()))
  );

create policy "Admins and group coaches can edit athletes"
  on public.athletes for update to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or group_id = any (array(select private.coached_group_ids()))
  )
  with check (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or group_id = any (array(select private.coached_group_ids()))
  );

-- rank history ------------------------------------------------------------------
create policy "Staff and the athlete can view rank history"
  on public.rank_history for select to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or athlete_id = any (array(select private.coached_athlete_ids()))
    or athlete_id = any (array(select private.own_athlete_ids()))
  );

create policy "Admins and group coaches can add rank history"
  on public.rank_history for insert to authenticated
  with check (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or athlete_id = any (array(select private.coached_athlete_ids()))
  );

create policy "Admins and group coaches can edit rank history"
  on public.rank_history for update to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or athlete_id = any (array(select private.coached_athlete_ids()))
  )
  with check (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or athlete_id = any (array(select private.coached_athlete_ids()))
  );

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  * column lists keep ids, org_id, athletes.user_id and the sync columns out of
  * reach (42501); no delete privilege (deletes are tombstones).
  */
revoke all on public.training_groups, public.training_group_coaches, public.athletes, public.rank_history
  from public, anon, authenticated;
grant all on public.training_groups, public.training_group_coaches, public.athletes, public.rank_history
  to service_role;

grant select on public.training_groups to authenticated;
grant insert (id, org_id, name, season) on public.training_groups to authenticated;
grant update (name, season, deleted_at) on public.training_groups to authenticated;

grant select on public.training_group_coaches to authenticated;
grant insert (id, org_id, group_id, user_id) on public.training_group_coaches to authenticated;
grant update (deleted_at) on public.training_group_coaches to authenticated;

grant select on public.athletes to authenticated;
grant insert (id, org_id, group_id, name, season, status, schedule, rank_start, rank_end, moyklass_user_id, notes)
  on public.athletes to authenticated;
grant update (group_id, name, season, status, schedule, rank_start, rank_end, moyklass_user_id, notes, deleted_at)
  on public.athletes to authenticated;

grant select on public.rank_history to authenticated;
grant insert (id, org_id, athlete_id, season, rank_start, rank_end) on public.rank_history to authenticated;
grant update (season, rank_start, rank_end, deleted_at) on public.rank_history to authenticated;

-- validators run inside check constraints, as whoever writes the row
revoke all on function private.is_valid_schedule(text) from public, anon, authenticated;
revoke all on function private.rank_position(text) from public, anon, authenticated;
revoke all on function private.is_valid_rank(text) from public, anon, authenticated;
revoke all on function private.is_valid_season(text) from public, anon, authenticated;
grant execute on function private.is_valid_schedule(text) to authenticated, service_role;
grant execute on function private.rank_position(text) to authenticated, service_role;
grant execute on function private.is_valid_rank(text) to authenticated, service_role;
grant execute on function private.is_valid_season(text) to authenticated, service_role;

revoke all on function private.coached_group_ids() from public, anon, authenticated;
revoke all on function private.own_athlete_ids() from public, anon, authenticated;
revoke all on function private.own_athlete_group_ids() from public, anon, authenticated;
revoke all on function private.coached_athlete_ids() from public, anon, authenticated;
grant execute on function private.coached_group_ids() to authenticated, service_role;
grant execute on function private.own_athlete_ids() to authenticated, service_role;
grant execute on function private.own_athlete_group_ids() to authenticated, service_role;
grant execute on function private.coached_athlete_ids() to authenticated, service_role;

revoke all on function private.guard_group_coach_write() from public, anon, authenticated;
revoke all on function private.release_coach_assignments() from public, anon, authenticated;
revoke all on function private.archive_season_ranks() from public, anon, authenticated;

revoke all on function public.link_athlete_account(uuid, uuid) from public, anon, authenticated;
grant execute on function public.link_athlete_account(uuid, uuid) to authenticated;

/**
  * -------------------------------------------------------
  * section - sync registration
  * -------------------------------------------------------
  */
insert into sync.tables (table_name, pull_order) values
  ('training_groups', 130),
  ('training_group_coaches', 140),
  ('athletes', 150),
  ('rank_history', 160);
