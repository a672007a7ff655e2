-- scheduling: availability, bookings, materialized sessions, conflicts (issue 5,
-- ARCHITECTURE §6, seed 004, seed 002 §4–5, reference/booking.md).
--
--   coach_settings, weekly_availability, blocked_slots, availability_additions
--                         a coach's rules; edited by the coach (or an admin), offline too
--   group_timetables      a group's weekly training times ("Mon 18:00–19:30")
--   recurring_bookings    a member's weekly / bi-weekly reservation with a coach
--   training_sessions     materialized occurrences (origin: timetable, recurring or
--                         one-time booking); a coach's active sessions can never
--                         overlap, buffers included: an exclusion constraint, not a check
--   bookings              a member's seat in a session (one-time, or in a group)
--   session_conflicts     what generation could not place, and sessions that stopped
--                         fitting the coach's availability, until the coach resolves them
--
-- writes to bookings, recurring bookings, sessions and conflicts go through the
-- rpcs below (security definer, each checks its caller); the rule tables are
-- written directly under rls. every table is synced (read offline).
--
-- errors the rpcs raise (the client matches on code and hint):
--   23P01 hint slot_taken         the time was taken, by a race or a clash (also what
--                                 the exclusion constraint itself raises)
--   P0001 hint outside_availability | blocked | too_soon | beyond_horizon |
--         recurring_conflicts (detail: json [{date, starts_at, problem}]) |
--         session_full | cancellation_window_passed | coach_not_bookable | invalid
--   42501                         not allowed (not a member, not your booking, …)
--
-- local time. series store wall-clock times and an iana zone; each occurrence is
-- the local date stepped 7 or 14 days and resolved with private.zoned_instant,
-- which follows rfc 5545 and src/domain/zoned-time.ts: a time in a dst gap moves
-- forward by the gap, a time in an overlap takes the earlier instant.

create extension if not exists btree_gist with schema extensions;

-- who the caller is ---------------------------------------------------------------
-- policies use the foundation's private.org_ids_with_role (one initplan per
-- statement); the rpcs ask with this shorthand.
create function private.sched_has_role(p_org uuid, p_min_role text)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select private.is_active_member(p_org, (select auth.uid()), p_min_role)
$$;

-- time zones ----------------------------------------------------------------------

-- the instant a wall-clock time on a local date denotes in a zone. postgres reads a
-- time in a gap with the offset before the transition (it moves forward, as we
-- want) but an ambiguous time with the offset after it (the later instant); this
-- picks the earlier one instead.
create function private.zoned_instant(p_date date, p_time time, p_tz text)
returns timestamptz
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_local timestamp := p_date + p_time;
  v_at timestamptz := v_local at time zone p_tz;
  v_prev timestamptz := v_at - interval '1 day';
  v_shift interval;
begin
  v_shift := ((v_prev at time zone p_tz) - (v_prev at time zone 'UTC'))
           - ((v_at at time zone p_tz) - (v_at at time zone 'UTC'));
  if v_shift > interval '0' and ((v_at - v_shift) at time zone p_tz) = v_local then
    return v_at - v_shift;
  end if;
  return v_at;
end
$$;

-- coach settings ----------------------------------------------------------------------
create table public.coach_settings (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  coach_id uuid not null references auth.users (id) on delete cascade,
  time_zone text not null,
  default_duration_minutes int not null default 60 check (default_duration_minutes between 5 and 720),
  default_room text check (char_length(default_room) <= 100),
  buffer_before_minutes int not null default 0 check (buffer_before_minutes between 0 and 240),
  buffer_after_minutes int not null default 0 check (buffer_after_minutes between 0 and 240),
  minimum_notice_minutes int not null default 120 check (minimum_notice_minutes between 0 and 43200),
  slot_interval_minutes int check (slot_interval_minutes between 5 and 720),
  booking_horizon_days int not null default 60 check (booking_horizon_days between 1 and 366),
  cancellation_window_minutes int not null default 720 check (cancellation_window_minutes between 0 and 43200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  unique (org_id, coach_id)
);
comment on table public.coach_settings is 'a coach''s booking preferences and time zone, per organization';
create index coach_settings_coach_idx on public.coach_settings (coach_id);

-- weekly availability -------------------------------------------------------------------
create table public.weekly_availability (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  coach_id uuid not null references auth.users (id) on delete cascade,
  weekday smallint not null check (weekday between 0 and 6),
  start_time time not null check (start_time < '24:00'),
  end_time time not null,
  is_individual boolean not null default true,
  is_group boolean not null default false,
  room text check (char_length(room) <= 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint weekly_availability_ends_after_start check (end_time > start_time)
);
comment on table public.weekly_availability is
  'weekly windows: wall-clock times (end 24:00 = midnight) in the coach''s zone; 0 = Sunday';
create index weekly_availability_coach_idx on public.weekly_availability (org_id, coach_id, weekday);
create index weekly_availability_coach_id_idx on public.weekly_availability (coach_id);

-- blocked time -------------------------------------------------------------------------
create table public.blocked_slots (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  coach_id uuid not null references auth.users (id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  reason text check (char_length(reason) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint blocked_slots_ends_after_start check (ends_at > starts_at)
);
comment on table public.blocked_slots is 'time a coach is unavailable (vacation, blackout dates)';
create index blocked_slots_coach_idx on public.blocked_slots (org_id, coach_id, starts_at);
create index blocked_slots_coach_id_idx on public.blocked_slots (coach_id);

-- one-time additions ---------------------------------------------------------------------
create table public.availability_additions (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  coach_id uuid not null references auth.users (id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  room text check (char_length(room) <= 100),
  reason text check (char_length(reason) <= 500),
  -- set when the coach kept a session that no longer fitted the weekly template
  session_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint availability_additions_ends_after_start check (ends_at > starts_at)
);
comment on table public.availability_additions is 'one-time extra availability, or a kept session';
create index availability_additions_coach_idx on public.availability_additions (org_id, coach_id, starts_at);
create index availability_additions_coach_id_idx on public.availability_additions (coach_id);

-- group timetables -----------------------------------------------------------------------
create table public.group_timetables (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  group_id uuid not null,
  coach_id uuid not null references auth.users (id) on delete cascade,
  weekday smallint not null check (weekday between 0 and 6),
  start_time time not null check (start_time < '24:00'),
  duration_minutes int not null check (duration_minutes between 5 and 720),
  time_zone text not null,
  every_weeks smallint not null default 1 check (every_weeks in (1, 2)),
  start_date date not null,
  end_date date,
  capacity int not null default 30 check (capacity between 1 and 1000),
  room text check (char_length(room) <= 100),
  title text check (char_length(title) <= 200),
  status text not null default 'active' check (status in ('active', 'ended')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint group_timetables_dates check (end_date is null or end_date >= start_date),
  -- the group belongs to the same organization
  constraint group_timetables_group_fkey foreign key (group_id, org_id)
    references public.training_groups (id, org_id) on delete cascade
);
comment on table public.group_timetables is 'a group''s weekly training time; sessions are generated from it';
create index group_timetables_org_idx on public.group_timetables (org_id, coach_id);
create index group_timetables_coach_id_idx on public.group_timetables (coach_id);
create index group_timetables_group_idx on public.group_timetables (group_id);

-- recurring bookings -----------------------------------------------------------------------
create table public.recurring_bookings (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  coach_id uuid not null references auth.users (id) on delete cascade,
  member_id uuid not null references auth.users (id) on delete cascade,
  weekday smallint not null check (weekday between 0 and 6),
  start_time time not null check (start_time < '24:00'),
  duration_minutes int not null check (duration_minutes between 5 and 720),
  time_zone text not null,
  every_weeks smallint not null default 1 check (every_weeks in (1, 2)),
  start_date date not null,
  end_date date,
  -- occurrences the member chose to skip when booking (they clashed)
  excluded_dates date[] not null default '{}',
  status text not null default 'active' check (status in ('active', 'cancelled')),
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint recurring_bookings_dates check (end_date is null or end_date >= start_date)
);
comment on table public.recurring_bookings is 'a member''s weekly or bi-weekly reservation; written by rpcs';
create index recurring_bookings_coach_idx on public.recurring_bookings (org_id, coach_id) where status = 'active';
create index recurring_bookings_coach_id_idx on public.recurring_bookings (coach_id);
create index recurring_bookings_member_idx on public.recurring_bookings (member_id);
create index recurring_bookings_active_idx on public.recurring_bookings (status) where status = 'active';

-- training sessions ---------------------------------------------------------------------------
create table public.training_sessions (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  coach_id uuid not null references auth.users (id) on delete cascade,
  -- the member of a one-to-one session
  member_id uuid references auth.users (id) on delete set null,
  group_id uuid references public.training_groups (id) on delete set null,
  kind text not null check (kind in ('one_to_one', 'group')),
  origin text not null check (origin in ('group_timetable', 'recurring_booking', 'one_time_booking')),
  timetable_id uuid references public.group_timetables (id) on delete set null,
  recurring_booking_id uuid references public.recurring_bookings (id) on delete set null,
  local_date date not null,
  time_zone text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  buffer_before_minutes int not null default 0 check (buffer_before_minutes >= 0),
  buffer_after_minutes int not null default 0 check (buffer_after_minutes >= 0),
  -- [starts_at − buffer before, ends_at + buffer after), kept by a trigger
  -- (timestamptz ± interval is not immutable, so it cannot be a generated column)
  reserved tstzrange not null,
  status text not null default 'scheduled' check (status in ('scheduled', 'completed', 'cancelled', 'no_show')),
  capacity int not null default 1 check (capacity between 1 and 1000),
  booked_count int not null default 0,
  room text check (char_length(room) <= 100),
  title text check (char_length(title) <= 200),
  notes text check (char_length(notes) <= 2000),
  cancelled_at timestamptz,
  cancelled_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint training_sessions_ends_after_start check (ends_at > starts_at),
  constraint training_sessions_seats check (booked_count between 0 and capacity),
  constraint training_sessions_origin check (
    case origin
      when 'group_timetable' then kind = 'group' and recurring_booking_id is null
      when 'recurring_booking' then kind = 'one_to_one' and timetable_id is null
      else timetable_id is null and recurring_booking_id is null
    end
  ),
  -- one row per occurrence of a series: generation is idempotent
  constraint training_sessions_recurring_date unique (recurring_booking_id, local_date),
  constraint training_sessions_timetable_date unique (timetable_id, local_date),
  -- double booking is impossible: a coach's live sessions never overlap, buffers included
  constraint training_sessions_no_overlap exclude using gist (
    coach_id with =, reserved with &&
  ) where (status <> 'cancelled' and deleted_at is null)
);
comment on table public.training_sessions is 'materialized sessions; written by generate_sessions and the booking rpcs';
create index training_sessions_member_idx on public.training_sessions (member_id, starts_at);
create index training_sessions_org_idx on public.training_sessions (org_id, starts_at);
create index training_sessions_coach_idx on public.training_sessions (coach_id, starts_at);
create index training_sessions_group_idx on public.training_sessions (group_id);
create index training_sessions_due_idx on public.training_sessions (ends_at) where status = 'scheduled';

create function private.training_sessions_reserve()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  new.reserved := pg_catalog.tstzrange(
    new.starts_at - pg_catalog.make_interval(mins => new.buffer_before_minutes),
    new.ends_at + pg_catalog.make_interval(mins => new.buffer_after_minutes),
    '[)'
  );
  return new;
end
$$;
create trigger training_sessions_reserve before insert or update of starts_at, ends_at,
  buffer_before_minutes, buffer_after_minutes, reserved on public.training_sessions
  for each row execute function private.training_sessions_reserve();

-- bookings ---------------------------------------------------------------------------------------
create table public.bookings (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  session_id uuid not null references public.training_sessions (id) on delete cascade,
  coach_id uuid not null references auth.users (id) on delete cascade,
  member_id uuid not null references auth.users (id) on delete cascade,
  status text not null default 'confirmed'
    check (status in ('confirmed', 'cancelled_by_member', 'cancelled_by_coach', 'no_show')),
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id()
);
comment on table public.bookings is 'a member''s seat in a session; written by rpcs';
create unique index bookings_one_seat_idx on public.bookings (session_id, member_id)
  where status in ('confirmed', 'no_show');
create index bookings_member_idx on public.bookings (member_id);
create index bookings_coach_idx on public.bookings (coach_id);
create index bookings_org_idx on public.bookings (org_id);

-- conflicts ----------------------------------------------------------------------------------------
create table public.session_conflicts (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  coach_id uuid not null references auth.users (id) on delete cascade,
  -- blocked: an occurrence fell in blocked time and was skipped
  -- overlap: an occurrence clashed with another session and was not placed
  -- outside_availability: a future session no longer fits the coach's availability
  kind text not null check (kind in ('blocked', 'overlap', 'outside_availability')),
  session_id uuid references public.training_sessions (id) on delete cascade,
  recurring_booking_id uuid references public.recurring_bookings (id) on delete cascade,
  timetable_id uuid references public.group_timetables (id) on delete cascade,
  series_id uuid generated always as (coalesce(recurring_booking_id, timetable_id)) stored,
  local_date date not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  status text not null default 'open' check (status in ('open', 'resolved')),
  resolution text check (resolution in ('cancelled', 'kept', 'dismissed', 'fits_again')),
  resolved_at timestamptz,
  resolved_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint session_conflicts_resolution check ((status = 'resolved') = (resolution is not null))
);
comment on table public.session_conflicts is 'what the coach must look at: unplaced occurrences and sessions outside availability';
create unique index session_conflicts_occurrence_idx on public.session_conflicts (series_id, local_date, kind)
  where session_id is null;
create unique index session_conflicts_open_session_idx on public.session_conflicts (session_id, kind)
  where status = 'open' and session_id is not null;
create index session_conflicts_coach_idx on public.session_conflicts (coach_id, status);
create index session_conflicts_org_idx on public.session_conflicts (org_id);
create index session_conflicts_recurring_idx on public.session_conflicts (recurring_booking_id);
create index session_conflicts_timetable_idx on public.session_conflicts (timetable_id);

-- the coach named on a row must be staff (coach, admin or owner) of its organization,
-- whoever writes it (an admin cannot file availability for an outsider)
create function private.guard_schedule_coach()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if not private.is_active_member(new.org_id, new.coach_id, 'coach') then
    raise exception 'the coach must be staff of this organization' using errcode = '42501';
  end if;
  return new;
end
$$;

do $$
declare
  v_table text;
begin
  foreach v_table in array array['coach_settings', 'weekly_availability', 'blocked_slots',
    'availability_additions', 'group_timetables']
  loop
    execute format(
      'create trigger guard_schedule_coach before insert or update of org_id, coach_id on public.%I
         for each row execute function private.guard_schedule_coach()', v_table);
  end loop;
end
$$;

-- sync stamps and zone checks ---------------------------------------------------------
-- the foundation's triggers: private.stamp_synced_row sets xid, updated_at,
-- updated_by and dates tombstones; private.check_time_zone refuses unknown zones.
do $$
declare
  v_table text;
begin
  foreach v_table in array array['coach_settings', 'weekly_availability', 'blocked_slots',
    'availability_additions', 'group_timetables', 'recurring_bookings', 'training_sessions',
    'bookings', 'session_conflicts']
  loop
    execute format(
      'create trigger stamp_synced_row before insert or update on public.%I
         for each row execute function private.stamp_synced_row()', v_table);
    execute format('create index %I on public.%I (xid, id)', v_table || '_xid_idx', v_table);
  end loop;
  -- the tables clients write; recurring bookings and sessions copy their zone from
  -- a checked coach_settings or timetable row inside the rpcs
  foreach v_table in array array['coach_settings', 'group_timetables']
  loop
    execute format(
      'create trigger check_time_zone before insert or update of time_zone on public.%I
         for each row execute function private.check_time_zone()', v_table);
  end loop;
end
$$;

insert into sync.tables (table_name, pull_order) values
  ('coach_settings', 5010),
  ('weekly_availability', 5020),
  ('blocked_slots', 5030),
  ('availability_additions', 5040),
  ('group_timetables', 5050),
  ('recurring_bookings', 5060),
  ('training_sessions', 5070),
  ('bookings', 5080),
  ('session_conflicts', 5090);

-- row-level security ------------------------------------------------------------------------------------
-- one policy per action, `to authenticated`, helpers as initplans (the
-- foundation's pattern). deletes are tombstones: an update of deleted_at.
alter table public.coach_settings enable row level security;
alter table public.weekly_availability enable row level security;
alter table public.blocked_slots enable row level security;
alter table public.availability_additions enable row level security;
alter table public.group_timetables enable row level security;
alter table public.recurring_bookings enable row level security;
alter table public.training_sessions enable row level security;
alter table public.bookings enable row level security;
alter table public.session_conflicts enable row level security;

-- a coach's rules: every member of the organization reads them (a booker computes
-- free slots from them, offline too); the coach edits their own, an admin anyone's.
do $$
declare
  v_table text;
begin
  foreach v_table in array array['coach_settings', 'weekly_availability', 'blocked_slots',
    'availability_additions']
  loop
    execute format($f$
      create policy "Members can view their coaches' %1$s" on public.%1$I
        for select to authenticated
        using (org_id = any (array(select private.org_ids_with_role('member'))));
      create policy "Coaches and admins can add %1$s" on public.%1$I
        for insert to authenticated
        with check (
          (coach_id = (select auth.uid()) and org_id = any (array(select private.org_ids_with_role('coach'))))
          or org_id = any (array(select private.org_ids_with_role('admin')))
        );
      create policy "Coaches and admins can edit %1$s" on public.%1$I
        for update to authenticated
        using (
          (coach_id = (select auth.uid()) and org_id = any (array(select private.org_ids_with_role('coach'))))
          or org_id = any (array(select private.org_ids_with_role('admin')))
        )
        with check (
          (coach_id = (select auth.uid()) and org_id = any (array(select private.org_ids_with_role('coach'))))
          or org_id = any (array(select private.org_ids_with_role('admin')))
        );
    $f$, v_table);
  end loop;
end
$$;

-- group timetables: staff see all of their organization's, athletes their group's;
-- admins and the timetable's coach edit
create policy "Staff and the group's athletes can view group timetables" on public.group_timetables
  for select to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('coach')))
    or group_id = any (array(select private.own_athlete_group_ids()))
  );
create policy "Coaches and admins can add group timetables" on public.group_timetables
  for insert to authenticated
  with check (
    (coach_id = (select auth.uid()) and group_id = any (array(select private.coached_group_ids())))
    or org_id = any (array(select private.org_ids_with_role('admin')))
  );
create policy "Coaches and admins can edit group timetables" on public.group_timetables
  for update to authenticated
  using (
    (coach_id = (select auth.uid()) and group_id = any (array(select private.coached_group_ids())))
    or org_id = any (array(select private.org_ids_with_role('admin')))
  )
  with check (
    (coach_id = (select auth.uid()) and group_id = any (array(select private.coached_group_ids())))
    or org_id = any (array(select private.org_ids_with_role('admin')))
  );

-- bookings, sessions and conflicts: read under rls, written by the rpcs below
create policy "Members, their coach and admins can view recurring bookings" on public.recurring_bookings
  for select to authenticated
  using (
    member_id = (select auth.uid())
    or coach_id = (select auth.uid())
    or org_id = any (array(select private.org_ids_with_role('admin')))
  );

create policy "Members, their coach and admins can view bookings" on public.bookings
  for select to authenticated
  using (
    member_id = (select auth.uid())
    or coach_id = (select auth.uid())
    or org_id = any (array(select private.org_ids_with_role('admin')))
  );

-- a group's sessions are on its board: its athletes and coaches see them (to book a seat)
create policy "Members, coaches, groups and admins can view sessions" on public.training_sessions
  for select to authenticated
  using (
    member_id = (select auth.uid())
    or coach_id = (select auth.uid())
    or org_id = any (array(select private.org_ids_with_role('admin')))
    or group_id = any (array(select private.own_athlete_group_ids()))
    or group_id = any (array(select private.coached_group_ids()))
  );

create policy "Coaches and admins can view their conflicts" on public.session_conflicts
  for select to authenticated
  using (
    coach_id = (select auth.uid())
    or org_id = any (array(select private.org_ids_with_role('admin')))
  );

-- grants: column lists keep ids, org_id, coach_id and the sync columns out of
-- reach on update; no delete privilege (tombstones); writes to bookings, sessions
-- and conflicts only through the rpcs.
revoke all on public.coach_settings, public.weekly_availability, public.blocked_slots,
  public.availability_additions, public.group_timetables, public.recurring_bookings,
  public.training_sessions, public.bookings, public.session_conflicts
  from public, anon, authenticated;
grant all on public.coach_settings, public.weekly_availability, public.blocked_slots,
  public.availability_additions, public.group_timetables, public.recurring_bookings,
  public.training_sessions, public.bookings, public.session_conflicts
  to service_role;
grant select on public.coach_settings, public.weekly_availability, public.blocked_slots,
  public.availability_additions, public.group_timetables, public.recurring_bookings,
  public.training_sessions, public.bookings, public.session_conflicts
  to authenticated;

grant insert (id, org_id, coach_id, time_zone, default_duration_minutes, default_room,
  buffer_before_minutes, buffer_after_minutes, minimum_notice_minutes, slot_interval_minutes,
  booking_horizon_days, cancellation_window_minutes) on public.coach_settings to authenticated;
grant update (time_zone, default_duration_minutes, default_room, buffer_before_minutes,
  buffer_after_minutes, minimum_notice_minutes, slot_interval_minutes, booking_horizon_days,
  cancellation_window_minutes, deleted_at) on public.coach_settings to authenticated;

grant insert (id, org_id, coach_id, weekday, start_time, end_time, is_individual, is_group, room)
  on public.weekly_availability to authenticated;
grant update (weekday, start_time, end_time, is_individual, is_group, room, deleted_at)
  on public.weekly_availability to authenticated;

grant insert (id, org_id, coach_id, starts_at, ends_at, reason) on public.blocked_slots to authenticated;
grant update (starts_at, ends_at, reason, deleted_at) on public.blocked_slots to authenticated;

grant insert (id, org_id, coach_id, starts_at, ends_at, room, reason)
  on public.availability_additions to authenticated;
grant update (starts_at, ends_at, room, reason, deleted_at) on public.availability_additions to authenticated;

grant insert (id, org_id, group_id, coach_id, weekday, start_time, duration_minutes, time_zone,
  every_weeks, start_date, end_date, capacity, room, title) on public.group_timetables to authenticated;
grant update (coach_id, weekday, start_time, duration_minutes, time_zone, every_weeks, start_date,
  end_date, capacity, room, title, status, deleted_at) on public.group_timetables to authenticated;

-- availability ---------------------------------------------------------------------------------------------

-- the coach's open time (weekly windows resolved per local date, plus additions) as
-- one multirange around [p_from, p_to); p_individual limits windows to one-to-one ones
create function private.open_time(
  p_org uuid, p_coach uuid, p_tz text, p_from timestamptz, p_to timestamptz, p_individual boolean
)
returns tstzmultirange
language sql stable security invoker set search_path = ''
as $$
  with days as (
    select d::date as day
    from pg_catalog.generate_series(
      ((p_from at time zone p_tz)::date - 1)::timestamp, ((p_to at time zone p_tz)::date + 1)::timestamp,
      interval '1 day'
    ) d
  ), windows as (
    select private.zoned_instant(days.day, w.start_time, p_tz) as lo,
           private.zoned_instant(days.day, w.end_time, p_tz) as hi
    from days
    join public.weekly_availability w
      on w.org_id = p_org and w.coach_id = p_coach and w.deleted_at is null
     and w.weekday = extract(dow from days.day)
     and (not p_individual or w.is_individual)
    union all
    select a.starts_at, a.ends_at
    from public.availability_additions a
    where a.org_id = p_org and a.coach_id = p_coach and a.deleted_at is null
      and a.starts_at < p_to + interval '1 day' and a.ends_at > p_from - interval '1 day'
  )
  select coalesce(pg_catalog.range_agg(pg_catalog.tstzrange(lo, hi, '[)')), '{}'::tstzmultirange)
  from windows where lo < hi
$$;

create function private.fits_availability(
  p_org uuid, p_coach uuid, p_tz text, p_starts timestamptz, p_ends timestamptz
)
returns boolean
language sql stable security invoker set search_path = ''
as $$
  select private.open_time(p_org, p_coach, p_tz, p_starts, p_ends, true)
         @> pg_catalog.tstzrange(p_starts, p_ends, '[)')
$$;

create function private.is_blocked(p_org uuid, p_coach uuid, p_starts timestamptz, p_ends timestamptz)
returns boolean
language sql stable security invoker set search_path = ''
as $$
  select exists (
    select from public.blocked_slots b
    where b.org_id = p_org and b.coach_id = p_coach and b.deleted_at is null
      and b.starts_at < p_ends and b.ends_at > p_starts
  )
$$;

-- flags the coach's future one-to-one sessions that no longer fit (outside the
-- weekly windows and not covered by an addition, or in blocked time), and
-- resolves earlier flags whose session fits again. runs after every change to
-- the coach's rules.
create function private.flag_availability(p_org uuid, p_coach uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_tz text;
begin
  select s.time_zone into v_tz from public.coach_settings s
    where s.org_id = p_org and s.coach_id = p_coach and s.deleted_at is null;
  if v_tz is null then
    return;
  end if;
  with future as (
    select t.id, t.local_date, t.starts_at, t.ends_at, t.recurring_booking_id,
           private.fits_availability(p_org, p_coach, v_tz, t.starts_at, t.ends_at)
             and not private.is_blocked(p_org, p_coach, t.starts_at, t.ends_at) as fits
    from public.training_sessions t
    where t.org_id = p_org and t.coach_id = p_coach and t.kind = 'one_to_one'
      and t.status = 'scheduled' and t.deleted_at is null and t.starts_at > now()
  ), flagged as (
    insert into public.session_conflicts
      (org_id, coach_id, kind, session_id, recurring_booking_id, local_date, starts_at, ends_at)
    select p_org, p_coach, 'outside_availability', f.id, f.recurring_booking_id, f.local_date,
           f.starts_at, f.ends_at
    from future f where not f.fits
    on conflict do nothing
    returning 1
  )
  update public.session_conflicts c
     set status = 'resolved', resolution = 'fits_again', resolved_at = now()
    from future f
   where c.session_id = f.id and f.fits and c.kind = 'outside_availability' and c.status = 'open';
end
$$;

create function private.rules_changed()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.flag_availability(old.org_id, old.coach_id);
  end if;
  if tg_op in ('INSERT', 'UPDATE')
     and (tg_op = 'INSERT' or (new.org_id, new.coach_id) is distinct from (old.org_id, old.coach_id)) then
    perform private.flag_availability(new.org_id, new.coach_id);
  end if;
  return null;
end
$$;

create trigger weekly_availability_changed after insert or update or delete on public.weekly_availability
  for each row execute function private.rules_changed();
create trigger availability_additions_changed after insert or update or delete on public.availability_additions
  for each row execute function private.rules_changed();
create trigger blocked_slots_changed after insert or update or delete on public.blocked_slots
  for each row execute function private.rules_changed();

-- series expansion ---------------------------------------------------------------------------------------------

-- every occurrence date of the active series (recurring bookings and group
-- timetables) from today — in each series' own zone — through p_until (default:
-- today + 42 days in that zone), skipping dates a member excluded. dates only: the
-- caller resolves instants, so a run with nothing new to do stays cheap.
create function private.series_dates(p_until date default null, p_series uuid default null, p_coach uuid default null)
returns table (
  origin text, series_id uuid, org_id uuid, coach_id uuid, member_id uuid, group_id uuid,
  local_date date, time_zone text, start_time time, duration_minutes int, capacity int,
  room text, title text
)
language sql stable security invoker set search_path = ''
as $$
  with series as (
    select 'recurring_booking'::text as origin, r.id, r.org_id, r.coach_id, r.member_id,
           null::uuid as group_id, r.weekday, r.start_time, r.duration_minutes, r.time_zone,
           r.every_weeks, r.start_date, r.end_date, r.excluded_dates, 1 as capacity,
           null::text as room, null::text as title
    from public.recurring_bookings r
    where r.status = 'active' and r.deleted_at is null
      and (p_series is null or r.id = p_series) and (p_coach is null or r.coach_id = p_coach)
    union all
    select 'group_timetable', g.id, g.org_id, g.coach_id, null, g.group_id, g.weekday, g.start_time,
           g.duration_minutes, g.time_zone, g.every_weeks, g.start_date, g.end_date, '{}'::date[],
           g.capacity, g.room, g.title
    from public.group_timetables g
    where g.status = 'active' and g.deleted_at is null
      and (p_series is null or g.id = p_series) and (p_coach is null or g.coach_id = p_coach)
  ), bounds as (
    select s.*,
           s.start_date + ((s.weekday - extract(dow from s.start_date)::int + 7) % 7) as first_date,
           7 * s.every_weeks as step,
           (now() at time zone s.time_zone)::date as today,
           least(s.end_date, coalesce(p_until, (now() at time zone s.time_zone)::date + 42)) as last_date
    from series s
  )
  select b.origin, b.id, b.org_id, b.coach_id, b.member_id, b.group_id,
         b.first_date + k * b.step, b.time_zone, b.start_time, b.duration_minutes, b.capacity,
         b.room, b.title
  from bounds b
  cross join lateral pg_catalog.generate_series(
    greatest(0, ceil((b.today - b.first_date)::numeric / b.step)::int),
    floor((b.last_date - b.first_date)::numeric / b.step)::int
  ) k
  where not (b.first_date + k * b.step = any (b.excluded_dates))
$$;

-- session generation ---------------------------------------------------------------------------------------------

-- materializes missing occurrences through p_until for every active series (or one
-- series), idempotently: (series, local date) is unique, an existing row — even a
-- cancelled one — is never recreated, and an occurrence that cannot be placed
-- (blocked time, or a clash with another session) becomes a conflict instead of
-- failing the run. returns counts.
create function private.generate(p_until date default null, p_series uuid default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $gen$
declare
  v_created int;
  v_conflicts int;
  -- %s is where the insert's conflict clause goes: none on the fast path, where
  -- a clash aborts the statement; `on conflict do nothing` on the fallback, where
  -- each clash is skipped and recorded. clashes are rare (an occurrence that
  -- clashed once is a conflict row and is not tried again), and speculative
  -- insertion costs about a third of a large run, so the fast path goes first.
  v_sql constant text := $sql$
  with missing as (
    select d.*
    from private.series_dates($1, $2) d
    where not exists (
        select from public.training_sessions t
        where d.origin = 'recurring_booking' and t.recurring_booking_id = d.series_id
          and t.local_date = d.local_date)
      and not exists (
        select from public.training_sessions t
        where d.origin = 'group_timetable' and t.timetable_id = d.series_id
          and t.local_date = d.local_date)
      and not exists (
        select from public.session_conflicts c
        where c.series_id = d.series_id and c.local_date = d.local_date and c.session_id is null)
  ), placed as (
    select m.*, s.starts_at, s.starts_at + pg_catalog.make_interval(mins => m.duration_minutes) as ends_at,
           coalesce(cs.buffer_before_minutes, 0) as buffer_before,
           coalesce(cs.buffer_after_minutes, 0) as buffer_after
    from missing m
    cross join lateral (select private.zoned_instant(m.local_date, m.start_time, m.time_zone) as starts_at) s
    left join public.coach_settings cs
      on cs.org_id = m.org_id and cs.coach_id = m.coach_id and cs.deleted_at is null
  ), classified as (
    -- an occurrence already under way (a series created late in its first day) is skipped
    select p.*, private.is_blocked(p.org_id, p.coach_id, p.starts_at, p.ends_at) as blocked
    from placed p
    where p.starts_at > now()
  ), inserted as (
    insert into public.training_sessions (
      org_id, coach_id, member_id, group_id, kind, origin, timetable_id, recurring_booking_id,
      local_date, time_zone, starts_at, ends_at, buffer_before_minutes, buffer_after_minutes,
      capacity, room, title)
    select c.org_id, c.coach_id, c.member_id, c.group_id,
           case c.origin when 'group_timetable' then 'group' else 'one_to_one' end,
           c.origin,
           case c.origin when 'group_timetable' then c.series_id end,
           case c.origin when 'recurring_booking' then c.series_id end,
           c.local_date, c.time_zone, c.starts_at, c.ends_at, c.buffer_before, c.buffer_after,
           c.capacity, c.room, c.title
    from classified c
    where not c.blocked
    order by c.starts_at
    %s
    returning coalesce(recurring_booking_id, timetable_id) as series_id, local_date
  ), conflicts as (
    insert into public.session_conflicts (
      org_id, coach_id, kind, recurring_booking_id, timetable_id, local_date, starts_at, ends_at)
    select c.org_id, c.coach_id, case when c.blocked then 'blocked' else 'overlap' end,
           case c.origin when 'recurring_booking' then c.series_id end,
           case c.origin when 'group_timetable' then c.series_id end,
           c.local_date, c.starts_at, c.ends_at
    from classified c
    where c.blocked
       or not exists (select from inserted i where i.series_id = c.series_id and i.local_date = c.local_date)
    on conflict do nothing
    returning 1
  )
  select (select count(*) from inserted)::int, (select count(*) from conflicts)::int
$sql$;
begin
  begin
    execute format(v_sql, '') using p_until, p_series into v_created, v_conflicts;
  exception when exclusion_violation or unique_violation then
    execute format(v_sql, 'on conflict do nothing') using p_until, p_series into v_created, v_conflicts;
  end;
  -- after a large run, fresh statistics: with the table still believed small, the
  -- next run's "already generated?" probe would be planned as a scan per occurrence
  if v_created >= 1000 then
    analyze public.training_sessions;
  end if;
  return jsonb_build_object('created', v_created, 'conflicts', v_conflicts);
end
$gen$;

-- the daily job (seed 004 flow 4): complete what is over, then materialize up to
-- six weeks ahead. serialized, so two overlapping runs cannot race on a key.
create function public.generate_sessions(p_until date default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_completed int;
  v_result jsonb;
begin
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('public.generate_sessions'));
  update public.training_sessions
     set status = 'completed'
   where status = 'scheduled' and ends_at <= now() and deleted_at is null;
  get diagnostics v_completed = row_count;
  v_result := private.generate(p_until, null);
  return v_result || jsonb_build_object('completed', v_completed);
end
$$;
comment on function public.generate_sessions(date) is
  'daily: marks past sessions completed and materializes sessions up to 6 weeks ahead (idempotent)';

-- booking rpcs -------------------------------------------------------------------------------------------------------

create function private.sched_settings(p_org uuid, p_coach uuid)
returns public.coach_settings
language plpgsql stable security definer set search_path = ''
as $$
declare
  v public.coach_settings;
begin
  select * into v from public.coach_settings s
    where s.org_id = p_org and s.coach_id = p_coach and s.deleted_at is null;
  if not found then
    raise exception 'this coach does not take bookings here' using hint = 'coach_not_bookable';
  end if;
  return v;
end
$$;

-- the member a booking is for: the caller, or — when a coach or admin books for an
-- athlete — the athlete, who must belong to the organization
create function private.sched_booker(p_org uuid, p_member uuid)
returns uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
begin
  if v_uid is null or not private.sched_has_role(p_org, 'member') then
    raise exception 'not a member of this organization' using errcode = '42501';
  end if;
  if p_member is null or p_member = v_uid then
    return v_uid;
  end if;
  if not private.sched_has_role(p_org, 'coach') then
    raise exception 'only a coach or an admin books for someone else' using errcode = '42501';
  end if;
  if not private.is_active_member(p_org, p_member, 'member') then
    raise exception 'that person is not a member of this organization' using hint = 'not_a_member';
  end if;
  return p_member;
end
$$;

-- book one slot: the session and the booking in one transaction. the exclusion
-- constraint decides races, so of any number of simultaneous attempts on
-- overlapping time exactly one succeeds; the others get 23P01 (http 409).
create function public.book_slot(
  p_org_id uuid,
  p_coach_id uuid,
  p_starts_at timestamptz,
  p_duration_minutes int default null,
  p_booking_id uuid default null,
  p_member_id uuid default null
)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_member uuid := private.sched_booker(p_org_id, p_member_id);
  v_settings public.coach_settings := private.sched_settings(p_org_id, p_coach_id);
  v_ends timestamptz;
  v_session uuid;
  v_booking uuid := coalesce(p_booking_id, gen_random_uuid());
  v_existing public.bookings;
begin
  -- a retried request (same booking id) returns what the first one did
  select * into v_existing from public.bookings b where b.id = v_booking;
  if found then
    if v_existing.member_id <> v_member then
      raise exception 'booking id already used' using errcode = '42501';
    end if;
    return (select jsonb_build_object('booking_id', v_existing.id, 'session_id', t.id,
      'starts_at', t.starts_at, 'ends_at', t.ends_at, 'replayed', true)
      from public.training_sessions t where t.id = v_existing.session_id);
  end if;
  if p_duration_minutes is not null and p_duration_minutes not between 5 and 720 then
    raise exception 'duration must be 5–720 minutes' using hint = 'invalid';
  end if;
  v_ends := p_starts_at + pg_catalog.make_interval(mins => coalesce(p_duration_minutes, v_settings.default_duration_minutes));
  if p_starts_at < now() + pg_catalog.make_interval(mins => v_settings.minimum_notice_minutes) then
    raise exception 'too late to book this time' using hint = 'too_soon';
  end if;
  if p_starts_at > now() + pg_catalog.make_interval(days => v_settings.booking_horizon_days) then
    raise exception 'this time is too far ahead to book' using hint = 'beyond_horizon';
  end if;
  if not private.fits_availability(p_org_id, p_coach_id, v_settings.time_zone, p_starts_at, v_ends) then
    raise exception 'the coach is not available at this time' using hint = 'outside_availability';
  end if;
  if private.is_blocked(p_org_id, p_coach_id, p_starts_at, v_ends) then
    raise exception 'the coach has blocked this time' using hint = 'blocked';
  end if;
  begin
    insert into public.training_sessions (
      org_id, coach_id, member_id, kind, origin, local_date, time_zone, starts_at, ends_at,
      buffer_before_minutes, buffer_after_minutes, room, booked_count)
    values (
      p_org_id, p_coach_id, v_member, 'one_to_one', 'one_time_booking',
      (p_starts_at at time zone v_settings.time_zone)::date, v_settings.time_zone, p_starts_at, v_ends,
      v_settings.buffer_before_minutes, v_settings.buffer_after_minutes, v_settings.default_room, 1)
    returning id into v_session;
  exception when exclusion_violation then
    raise exception 'this time is no longer available'
      using errcode = '23P01', hint = 'slot_taken',
            detail = format('coach %s at %s', p_coach_id, p_starts_at);
  end;
  insert into public.bookings (id, org_id, session_id, coach_id, member_id)
  values (v_booking, p_org_id, v_session, p_coach_id, v_member);
  return jsonb_build_object('booking_id', v_booking, 'session_id', v_session,
    'starts_at', p_starts_at, 'ends_at', v_ends, 'replayed', false);
end
$$;

-- a seat in a group session: a conditional update takes it, never read-then-write
create function public.book_group_session(p_session_id uuid, p_booking_id uuid default null, p_member_id uuid default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_session public.training_sessions;
  v_member uuid;
  v_booking uuid := coalesce(p_booking_id, gen_random_uuid());
begin
  select * into v_session from public.training_sessions t where t.id = p_session_id and t.deleted_at is null;
  if not found or v_session.kind <> 'group' then
    raise exception 'no such group session' using hint = 'not_found';
  end if;
  v_member := private.sched_booker(v_session.org_id, p_member_id);
  -- a seat is for the group's athletes (or whoever staff book in)
  if p_member_id is null and not private.sched_has_role(v_session.org_id, 'coach')
     and not (v_session.group_id = any (array(select private.own_athlete_group_ids()))) then
    raise exception 'this session is for another group' using errcode = '42501';
  end if;
  if exists (select from public.bookings b where b.id = v_booking and b.member_id = v_member) then
    return jsonb_build_object('booking_id', v_booking, 'session_id', p_session_id, 'replayed', true);
  end if;
  if exists (
    select from public.bookings b
    where b.session_id = p_session_id and b.member_id = v_member and b.status = 'confirmed'
  ) then
    raise exception 'already booked' using hint = 'already_booked';
  end if;
  update public.training_sessions t
     set booked_count = t.booked_count + 1
   where t.id = p_session_id and t.status = 'scheduled' and t.starts_at > now()
     and t.booked_count < t.capacity;
  if not found then
    raise exception 'this session is full or no longer open' using hint = 'session_full';
  end if;
  insert into public.bookings (id, org_id, session_id, coach_id, member_id)
  values (v_booking, v_session.org_id, p_session_id, v_session.coach_id, v_member);
  return jsonb_build_object('booking_id', v_booking, 'session_id', p_session_id, 'replayed', false);
end
$$;

-- the problems of each occurrence of a prospective series from its start to the
-- coach's booking horizon: outside availability, blocked, or taken (by a session,
-- or by an occurrence of another active series not materialized yet)
create function private.recurring_problems(
  p_org uuid, p_coach uuid, p_settings public.coach_settings, p_weekday int, p_start_time time,
  p_duration int, p_every int, p_start date, p_end date
)
returns table (local_date date, starts_at timestamptz, ends_at timestamptz, problem text)
language sql stable security definer set search_path = ''
as $$
  with bounds as (
    select p_start + ((p_weekday - extract(dow from p_start)::int + 7) % 7) as first_date,
           greatest(p_start, (now() at time zone p_settings.time_zone)::date) as from_date,
           least(p_end, (now() at time zone p_settings.time_zone)::date + p_settings.booking_horizon_days) as last_date
  ), occ as (
    select o.d as local_date, o.s as starts_at, o.s + pg_catalog.make_interval(mins => p_duration) as ends_at
    from bounds b
    cross join lateral pg_catalog.generate_series(0, floor((b.last_date - b.first_date)::numeric / (7 * p_every))::int) k
    cross join lateral (
      select b.first_date + k * 7 * p_every as d,
             private.zoned_instant(b.first_date + k * 7 * p_every, p_start_time, p_settings.time_zone) as s
    ) o
    where o.d >= b.from_date and o.s > now()
  ), others as (
    -- planned occurrences of the coach's other series that have no row yet
    select private.zoned_instant(d.local_date, d.start_time, d.time_zone) as starts_at, d.duration_minutes
    from private.series_dates(
      (select max(occ.local_date) from occ) + 1, null, p_coach) d
    where not exists (
        select from public.training_sessions t
        where t.local_date = d.local_date
          and (t.recurring_booking_id = d.series_id or t.timetable_id = d.series_id))
  ), reserved as (
    select pg_catalog.tstzrange(
      o.starts_at - pg_catalog.make_interval(mins => p_settings.buffer_before_minutes),
      o.starts_at + pg_catalog.make_interval(mins => o.duration_minutes + p_settings.buffer_after_minutes)) as r
    from others o
  )
  select o.local_date, o.starts_at, o.ends_at,
    case
      when not private.fits_availability(p_org, p_coach, p_settings.time_zone, o.starts_at, o.ends_at)
        then 'outside_availability'
      when private.is_blocked(p_org, p_coach, o.starts_at, o.ends_at) then 'blocked'
      when exists (
        select from public.training_sessions t
        where t.coach_id = p_coach and t.status <> 'cancelled' and t.deleted_at is null
          and t.reserved && pg_catalog.tstzrange(
            o.starts_at - pg_catalog.make_interval(mins => p_settings.buffer_before_minutes),
            o.ends_at + pg_catalog.make_interval(mins => p_settings.buffer_after_minutes))
      ) or exists (
        select from reserved r
        where r.r && pg_catalog.tstzrange(
            o.starts_at - pg_catalog.make_interval(mins => p_settings.buffer_before_minutes),
            o.ends_at + pg_catalog.make_interval(mins => p_settings.buffer_after_minutes))
      ) then 'taken'
    end
  from occ o
  order by o.local_date
$$;

-- a weekly or bi-weekly booking. EVERY occurrence from the start date to the coach's
-- horizon is checked (not just the first, Cal.com #11654/#15997): with clashes the
-- call fails listing them (hint recurring_conflicts, detail = json array of
-- {date, starts_at, problem}) unless p_skip_conflicts, which books around them and
-- records them as excluded dates. p_dry_run only reports. the first six weeks are
-- generated at once; the daily job extends the series.
create function public.create_recurring_booking(
  p_org_id uuid,
  p_coach_id uuid,
  p_weekday int,
  p_start_time time,
  p_start_date date,
  p_every_weeks int default 1,
  p_end_date date default null,
  p_duration_minutes int default null,
  p_skip_conflicts boolean default false,
  p_dry_run boolean default false,
  p_id uuid default null,
  p_member_id uuid default null
)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_member uuid := private.sched_booker(p_org_id, p_member_id);
  v_settings public.coach_settings := private.sched_settings(p_org_id, p_coach_id);
  v_id uuid := coalesce(p_id, gen_random_uuid());
  v_duration int := coalesce(p_duration_minutes, v_settings.default_duration_minutes);
  v_problems jsonb;
  v_ok int;
  v_excluded date[];
  v_expected int;
  v_made int;
begin
  if exists (select from public.recurring_bookings r where r.id = v_id) then
    if not exists (select from public.recurring_bookings r where r.id = v_id and r.member_id = v_member) then
      raise exception 'booking id already used' using errcode = '42501';
    end if;
    return jsonb_build_object('id', v_id, 'replayed', true);
  end if;
  if p_weekday not between 0 and 6 or p_every_weeks not in (1, 2)
     or v_duration not between 5 and 720 or (p_end_date is not null and p_end_date < p_start_date) then
    raise exception 'invalid recurring booking' using hint = 'invalid';
  end if;
  if p_start_date < (now() at time zone v_settings.time_zone)::date then
    raise exception 'a recurring booking cannot start in the past' using hint = 'invalid';
  end if;

  select coalesce(jsonb_agg(jsonb_build_object('date', p.local_date, 'starts_at', p.starts_at,
           'problem', p.problem) order by p.local_date) filter (where p.problem is not null), '[]'),
         count(*) filter (where p.problem is null),
         coalesce(array_agg(p.local_date) filter (where p.problem is not null), '{}')
    into v_problems, v_ok, v_excluded
    from private.recurring_problems(p_org_id, p_coach_id, v_settings, p_weekday, p_start_time,
      v_duration, p_every_weeks, p_start_date, p_end_date) p;

  if p_dry_run then
    return jsonb_build_object('id', null, 'bookable', v_ok, 'conflicts', v_problems);
  end if;
  if v_ok = 0 then
    raise exception 'no occurrence of this series can be booked'
      using hint = 'recurring_conflicts', detail = v_problems::text;
  end if;
  if jsonb_array_length(v_problems) > 0 and not p_skip_conflicts then
    raise exception 'the series clashes on % date(s): %', jsonb_array_length(v_problems),
      (select string_agg(e ->> 'date', ', ') from jsonb_array_elements(v_problems) e)
      using hint = 'recurring_conflicts', detail = v_problems::text;
  end if;

  insert into public.recurring_bookings (id, org_id, coach_id, member_id, weekday, start_time,
    duration_minutes, time_zone, every_weeks, start_date, end_date, excluded_dates)
  values (v_id, p_org_id, p_coach_id, v_member, p_weekday, p_start_time, v_duration,
    v_settings.time_zone, p_every_weeks, p_start_date, p_end_date, v_excluded);

  -- six weeks now; a clash that appeared since the check (a race) fails the call
  select count(*) into v_expected from private.series_dates(null, v_id) d
   where private.zoned_instant(d.local_date, d.start_time, d.time_zone) > now();
  perform private.generate(null, v_id);
  select count(*) into v_made from public.training_sessions t where t.recurring_booking_id = v_id;
  if v_made < v_expected then
    raise exception 'part of this series was just booked by someone else'
      using errcode = '23P01', hint = 'slot_taken';
  end if;
  return jsonb_build_object('id', v_id, 'sessions_created', v_made, 'skipped', v_problems,
    'replayed', false);
end
$$;

-- cancellation --------------------------------------------------------------------------------------------------------

-- who may cancel: the coach of the session or an admin at any time; the member
-- until the cancellation window before the start
create function private.sched_canceller(p_session public.training_sessions, p_member uuid)
returns text
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_window int;
begin
  if v_uid is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  if p_session.coach_id = v_uid or private.sched_has_role(p_session.org_id, 'admin') then
    return 'coach';
  end if;
  if p_member is distinct from v_uid then
    raise exception 'not your booking' using errcode = '42501';
  end if;
  select s.cancellation_window_minutes into v_window from public.coach_settings s
    where s.org_id = p_session.org_id and s.coach_id = p_session.coach_id;
  if now() > p_session.starts_at - pg_catalog.make_interval(mins => coalesce(v_window, 0)) then
    raise exception 'too late to cancel; ask your coach' using hint = 'cancellation_window_passed';
  end if;
  return 'member';
end
$$;

-- cancel a booking (a one-time session, or a seat in a group session)
create function public.cancel_booking(p_booking_id uuid)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_booking public.bookings;
  v_session public.training_sessions;
  v_by text;
begin
  select * into v_booking from public.bookings b where b.id = p_booking_id for update;
  if not found then
    raise exception 'no such booking' using hint = 'not_found';
  end if;
  select * into v_session from public.training_sessions t where t.id = v_booking.session_id for update;
  v_by := private.sched_canceller(v_session, v_booking.member_id);
  if v_booking.status <> 'confirmed' then
    return jsonb_build_object('booking_id', p_booking_id, 'status', v_booking.status, 'replayed', true);
  end if;
  update public.bookings
     set status = 'cancelled_by_' || v_by, cancelled_at = now()
   where id = p_booking_id;
  if v_session.kind = 'group' then
    update public.training_sessions set booked_count = booked_count - 1 where id = v_session.id;
  else
    update public.training_sessions
       set status = 'cancelled', cancelled_at = now(), cancelled_by = auth.uid()
     where id = v_session.id;
  end if;
  return jsonb_build_object('booking_id', p_booking_id, 'status', 'cancelled_by_' || v_by, 'replayed', false);
end
$$;

-- cancel one session (an occurrence of a recurring booking, a group session, a
-- one-time session with its booking)
create function public.cancel_session(p_session_id uuid)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_session public.training_sessions;
  v_by text;
begin
  select * into v_session from public.training_sessions t where t.id = p_session_id for update;
  if not found then
    raise exception 'no such session' using hint = 'not_found';
  end if;
  v_by := private.sched_canceller(v_session, v_session.member_id);
  if v_session.status = 'cancelled' then
    return jsonb_build_object('session_id', p_session_id, 'status', 'cancelled', 'replayed', true);
  end if;
  if v_session.status <> 'scheduled' then
    raise exception 'this session is already %', v_session.status using hint = 'invalid';
  end if;
  update public.training_sessions
     set status = 'cancelled', cancelled_at = now(), cancelled_by = auth.uid()
   where id = p_session_id;
  update public.bookings
     set status = 'cancelled_by_' || v_by, cancelled_at = now()
   where session_id = p_session_id and status = 'confirmed';
  -- bookings announce their own cancellation (the email outbox's trigger on
  -- bookings); an occurrence of a recurring booking has no booking row, so its
  -- member is told here when the coach cancels. the outbox arrives with a later
  -- migration (money), hence the dynamic call.
  if not found and v_by = 'coach' and v_session.member_id is not null
     and pg_catalog.to_regprocedure('private.enqueue_email(text, uuid, uuid, text, jsonb, timestamptz, uuid)') is not null then
    execute 'select private.enqueue_email($1, $2, $3, $4, $5)'
      using 'booking_cancellation', v_session.member_id, v_session.org_id,
            'session_cancellation:' || p_session_id,
            jsonb_build_object('sessionId', p_session_id, 'startsAt', v_session.starts_at,
              'endsAt', v_session.ends_at, 'timeZone', v_session.time_zone, 'room', v_session.room,
              'cancelledBy', 'cancelled_by_coach');
  end if;
  update public.session_conflicts
     set status = 'resolved', resolution = 'cancelled', resolved_at = now(), resolved_by = auth.uid()
   where session_id = p_session_id and status = 'open';
  return jsonb_build_object('session_id', p_session_id, 'status', 'cancelled', 'replayed', false);
end
$$;

-- end a recurring booking: future occurrences the caller may still cancel are cancelled
create function public.cancel_recurring_booking(p_id uuid)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_series public.recurring_bookings;
  v_uid uuid := auth.uid();
  v_coach boolean;
  v_window int;
  v_cancelled int;
begin
  select * into v_series from public.recurring_bookings r where r.id = p_id for update;
  if not found then
    raise exception 'no such recurring booking' using hint = 'not_found';
  end if;
  v_coach := v_series.coach_id = v_uid or private.sched_has_role(v_series.org_id, 'admin');
  if not v_coach and v_series.member_id is distinct from v_uid then
    raise exception 'not your booking' using errcode = '42501';
  end if;
  select s.cancellation_window_minutes into v_window from public.coach_settings s
    where s.org_id = v_series.org_id and s.coach_id = v_series.coach_id;
  update public.recurring_bookings set status = 'cancelled', cancelled_at = now() where id = p_id;
  update public.training_sessions t
     set status = 'cancelled', cancelled_at = now(), cancelled_by = v_uid
   where t.recurring_booking_id = p_id and t.status = 'scheduled'
     and t.starts_at > now() + case when v_coach then interval '0' else pg_catalog.make_interval(mins => coalesce(v_window, 0)) end;
  get diagnostics v_cancelled = row_count;
  return jsonb_build_object('id', p_id, 'sessions_cancelled', v_cancelled);
end
$$;

-- no-show: the coach (or an admin) marks a member who did not come
create function public.mark_no_show(p_session_id uuid, p_member_id uuid default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_session public.training_sessions;
  v_member uuid;
begin
  select * into v_session from public.training_sessions t where t.id = p_session_id for update;
  if not found then
    raise exception 'no such session' using hint = 'not_found';
  end if;
  if v_session.coach_id is distinct from auth.uid() and not private.sched_has_role(v_session.org_id, 'admin') then
    raise exception 'only the coach marks a no-show' using errcode = '42501';
  end if;
  if v_session.starts_at > now() then
    raise exception 'the session has not started yet' using hint = 'invalid';
  end if;
  v_member := coalesce(p_member_id, v_session.member_id);
  if v_member is null then
    raise exception 'whose no-show?' using hint = 'invalid';
  end if;
  update public.bookings set status = 'no_show'
   where session_id = p_session_id and member_id = v_member and status = 'confirmed';
  if v_session.kind = 'one_to_one' then
    update public.training_sessions set status = 'no_show' where id = p_session_id;
  elsif not found then
    raise exception 'that member has no booking in this session' using hint = 'not_found';
  end if;
  return jsonb_build_object('session_id', p_session_id, 'member_id', v_member, 'status', 'no_show');
end
$$;

-- conflicts: the coach cancels the session (the member's booking is cancelled by the
-- coach), keeps it (an availability addition now covers it), or dismisses a note
-- about an occurrence that was never placed
create function public.resolve_conflict(p_conflict_id uuid, p_action text)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_conflict public.session_conflicts;
  v_session public.training_sessions;
begin
  select * into v_conflict from public.session_conflicts c where c.id = p_conflict_id for update;
  if not found then
    raise exception 'no such conflict' using hint = 'not_found';
  end if;
  if v_conflict.coach_id is distinct from auth.uid() and not private.sched_has_role(v_conflict.org_id, 'admin') then
    raise exception 'only the coach resolves conflicts' using errcode = '42501';
  end if;
  if v_conflict.status = 'resolved' then
    return jsonb_build_object('conflict_id', p_conflict_id, 'resolution', v_conflict.resolution, 'replayed', true);
  end if;
  if p_action = 'cancel' and v_conflict.session_id is not null then
    perform public.cancel_session(v_conflict.session_id);
  elsif p_action = 'keep' and v_conflict.session_id is not null then
    select * into v_session from public.training_sessions t where t.id = v_conflict.session_id;
    if private.is_blocked(v_session.org_id, v_session.coach_id, v_session.starts_at, v_session.ends_at) then
      raise exception 'the session lies in blocked time; remove the block first' using hint = 'blocked';
    end if;
    insert into public.availability_additions (org_id, coach_id, starts_at, ends_at, room, reason, session_id)
    values (v_session.org_id, v_session.coach_id, v_session.starts_at, v_session.ends_at, v_session.room,
      'kept after an availability change', v_session.id);
  elsif p_action = 'dismiss' and v_conflict.session_id is null then
    null;
  else
    raise exception 'action must be cancel or keep (a session) or dismiss (an unplaced occurrence)'
      using hint = 'invalid';
  end if;
  update public.session_conflicts
     set status = 'resolved',
         resolution = case p_action when 'cancel' then 'cancelled' when 'keep' then 'kept' else 'dismissed' end,
         resolved_at = now(), resolved_by = auth.uid()
   where id = p_conflict_id;
  return jsonb_build_object('conflict_id', p_conflict_id, 'resolution', p_action, 'replayed', false);
end
$$;

-- function privileges ----------------------------------------------------------------------------------------------
revoke all on function
  private.sched_has_role(uuid, text), private.zoned_instant(date, time, text),
  private.guard_schedule_coach(),
  private.training_sessions_reserve(),
  private.open_time(uuid, uuid, text, timestamptz, timestamptz, boolean),
  private.fits_availability(uuid, uuid, text, timestamptz, timestamptz),
  private.is_blocked(uuid, uuid, timestamptz, timestamptz),
  private.flag_availability(uuid, uuid), private.rules_changed(),
  private.series_dates(date, uuid, uuid), private.generate(date, uuid),
  private.sched_settings(uuid, uuid), private.sched_booker(uuid, uuid),
  private.recurring_problems(uuid, uuid, public.coach_settings, int, time, int, int, date, date),
  private.sched_canceller(public.training_sessions, uuid),
  public.generate_sessions(date),
  public.book_slot(uuid, uuid, timestamptz, int, uuid, uuid),
  public.book_group_session(uuid, uuid, uuid),
  public.create_recurring_booking(uuid, uuid, int, time, date, int, date, int, boolean, boolean, uuid, uuid),
  public.cancel_booking(uuid), public.cancel_session(uuid), public.cancel_recurring_booking(uuid),
  public.mark_no_show(uuid, uuid), public.resolve_conflict(uuid, text)
  from public, anon, authenticated;

-- pure: wall clock → instant (for reports and tests that run as a user)
grant execute on function private.zoned_instant(date, time, text) to authenticated, service_role;

grant execute on function
  public.book_slot(uuid, uuid, timestamptz, int, uuid, uuid),
  public.book_group_session(uuid, uuid, uuid),
  public.create_recurring_booking(uuid, uuid, int, time, date, int, date, int, boolean, boolean, uuid, uuid),
  public.cancel_booking(uuid), public.cancel_session(uuid), public.cancel_recurring_booking(uuid),
  public.mark_no_show(uuid, uuid), public.resolve_conflict(uuid, text)
  to authenticated, service_role;
grant execute on function public.generate_sessions(date) to service_role;

-- the daily job ---------------------------------------------------------------------------------------------------------
-- one definition (private.scheduled_jobs, 20261122110300): pg_cron runs it where
-- installed, the local stack's scheduler elsewhere. 00:10 utc; generation is
-- window-based in each series' zone, so the hour does not matter.
insert into private.scheduled_jobs (name, schedule, command, description) values
  ('generate-sessions', '10 0 * * *', 'select public.generate_sessions()',
   'daily 00:10 utc: mark past sessions completed, materialize sessions 6 weeks ahead')
on conflict (name) do update
  set schedule = excluded.schedule, command = excluded.command, description = excluded.description;

select private.schedule_jobs();
