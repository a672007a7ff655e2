-- club challenges (issue 18, running clubs; reference/partners.md §5.2, §7.5.19):
-- native, with no cap on who joins. a club's admins set a challenge — a title, a
-- metric (distance_km or sessions), an optional target, the club's local dates it
-- runs over (ends_on ≥ starts_on, at most 366 days) — and the club's members join.
--
--   club_challenges              the club's challenges; every member of the club
--                                reads them (synced: readable offline)
--   club_challenge_participants  one member's entry: joined, and whether they show
--                                on the leaderboard; read by that member only
--                                (synced, so a device knows what it joined)
--
-- progress is the member's own data over the challenge's dates: sessions are
-- attendance marks present or trial of the member's athlete records in the club
-- plus their workout logs marked done; distance is the distance_m of the plan
-- workouts whose logs are done, in km. logs count wherever the member's plan lives
-- (a plan bought through a seat pool lives in the seller's club): it is the
-- member's own activity, and it shows only as one number beside their name.
--
-- the leaderboard (club_challenge_leaderboard) lists the club's members who joined
-- and show on it, by progress. a member who opts out is not in anyone's answer —
-- no row, no count, no place: the places are counted among those shown — and
-- still sees their own progress (my_club_challenges). the entries' policy shows a
-- member only their own row, so nothing else names them.
--
-- writes go only through the functions below (no insert/update/delete policy).
-- everything is the running_clubs feature: the policies call
-- private.flag_enabled, the functions private.require_feature, for the club.

/**
  * -------------------------------------------------------
  * section - tables
  * -------------------------------------------------------
  */
create table public.club_challenges (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  title text not null,
  metric text not null,
  target int,
  starts_on date not null,
  ends_on date not null,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint club_challenges_id_org_key unique (id, org_id),
  constraint club_challenges_title_check check (char_length(title) <= 120 and private.is_clean_label(title)),
  constraint club_challenges_metric_check check (metric in ('distance_km', 'sessions')),
  constraint club_challenges_target_check check (target between 1 and 100000),
  constraint club_challenges_dates_check check (ends_on >= starts_on),
  -- at most 366 days, both ends counted
  constraint club_challenges_length_check check (ends_on - starts_on <= 365)
);
comment on table public.club_challenges is
  'a running club''s challenge: distance or sessions over the club''s local dates; written only by create_club_challenge';
comment on column public.club_challenges.target is 'km or sessions to reach; null: no target, only the leaderboard';

create table public.club_challenge_participants (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  challenge_id uuid not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  on_leaderboard boolean not null default true,
  joined_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint club_challenge_participants_challenge_fkey foreign key (challenge_id, org_id)
    references public.club_challenges (id, org_id) on delete cascade,
  constraint club_challenge_participants_one_entry unique (challenge_id, user_id)
);
comment on table public.club_challenge_participants is
  'a member''s entry in a club challenge; read by that member only; written only by the challenge functions';
comment on column public.club_challenge_participants.on_leaderboard is
  'false: the member opted out; nobody else sees them, they still see their own progress';
comment on column public.club_challenge_participants.deleted_at is 'the member left the challenge';

create index club_challenges_org_id_idx on public.club_challenges (org_id);
create index club_challenges_created_by_idx on public.club_challenges (created_by);
create index club_challenges_xid_idx on public.club_challenges (xid, id);
create index club_challenge_participants_org_id_idx on public.club_challenge_participants (org_id);
create index club_challenge_participants_challenge_idx on public.club_challenge_participants (challenge_id, org_id);
create index club_challenge_participants_user_idx on public.club_challenge_participants (user_id);
create index club_challenge_participants_xid_idx on public.club_challenge_participants (xid, id);

create trigger stamp_synced_row before insert or update on public.club_challenges
  for each row execute function private.stamp_synced_row();
create trigger stamp_synced_row before insert or update on public.club_challenge_participants
  for each row execute function private.stamp_synced_row();

select private.guard_tenant_table('public.club_challenges');
select private.guard_tenant_table('public.club_challenge_participants');

/**
  * -------------------------------------------------------
  * section - progress
  * -------------------------------------------------------
  * one member's progress in one challenge: sessions, or km with one decimal.
  */
create function private.club_challenge_progress(p_challenge public.club_challenges, p_user uuid)
returns numeric
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_marks bigint;
  v_logs bigint;
  v_metres bigint;
begin
  select count(*), coalesce(sum(w.distance_m), 0)
    into v_logs, v_metres
    from public.athletes a
    join public.workout_logs l on l.athlete_id = a.id and l.org_id = a.org_id
    join public.plan_workouts w on w.id = l.workout_id and w.org_id = l.org_id
   where a.user_id = p_user and a.deleted_at is null
     and l.deleted_at is null and l.status = 'done'
     and l.logged_on between p_challenge.starts_on and p_challenge.ends_on;
  if p_challenge.metric = 'distance_km' then
    return round(v_metres / 1000.0, 1);
  end if;
  select count(*) into v_marks
    from public.athletes a
    join public.attendance at on at.athlete_id = a.id and at.org_id = a.org_id
    join public.training_sessions s on s.id = at.session_id and s.org_id = at.org_id
   where a.user_id = p_user and a.org_id = p_challenge.org_id and a.deleted_at is null
     and at.deleted_at is null and at.status in ('present', 'trial')
     and s.local_date between p_challenge.starts_on and p_challenge.ends_on;
  return v_marks + v_logs;
end
$$;
comment on function private.club_challenge_progress(public.club_challenges, uuid) is
  'a member''s progress in a challenge: sessions (present/trial marks in the club + done workout logs) or km of done plan workouts, over its dates';

/**
  * -------------------------------------------------------
  * section - functions
  * -------------------------------------------------------
  */
-- the club's admins set a challenge; the table's constraints check what they typed
create function public.create_club_challenge(p_club uuid, p_title text, p_metric text,
  p_starts_on date, p_ends_on date, p_target int default null)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_id uuid;
begin
  if not private.is_active_member(p_club, (select auth.uid()), 'admin') then
    raise exception 'only the club''s admins set its challenges' using errcode = '42501';
  end if;
  perform private.require_feature('running_clubs', p_club);
  insert into public.club_challenges (org_id, title, metric, target, starts_on, ends_on)
  values (p_club, p_title, p_metric, p_target, p_starts_on, p_ends_on)
  returning id into v_id;
  return v_id;
end
$$;
comment on function public.create_club_challenge(uuid, text, text, date, date, int) is
  'security definer (the table has no insert policy): a club admin sets a challenge';

-- the club's admins take a challenge down (its entries go with it, for everyone)
create function public.delete_club_challenge(p_challenge uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid := (select c.org_id from public.club_challenges c where c.id = p_challenge);
begin
  if v_org is null or not private.is_active_member(v_org, (select auth.uid()), 'admin') then
    raise exception 'only the club''s admins take its challenges down' using errcode = '42501';
  end if;
  perform private.require_feature('running_clubs', v_org);
  update public.club_challenges c set deleted_at = now() where c.id = p_challenge and c.deleted_at is null;
  update public.club_challenge_participants e set deleted_at = now()
   where e.challenge_id = p_challenge and e.deleted_at is null;
end
$$;
comment on function public.delete_club_challenge(uuid) is
  'security definer (no update policy): a club admin takes a challenge down';

-- a member of the club joins (again), shown on the leaderboard or not
create function public.join_club_challenge(p_challenge uuid, p_on_leaderboard boolean default true)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_challenge public.club_challenges;
  v_id uuid;
begin
  select c.* into v_challenge from public.club_challenges c where c.id = p_challenge and c.deleted_at is null;
  if v_challenge.id is null or not private.is_active_member(v_challenge.org_id, (select auth.uid()), 'member') then
    raise exception 'only the club''s members join its challenges' using errcode = '42501';
  end if;
  perform private.require_feature('running_clubs', v_challenge.org_id);
  if v_challenge.ends_on < (select (now() at time zone o.time_zone)::date
                              from public.organizations o where o.id = v_challenge.org_id) then
    raise exception 'this challenge is over' using errcode = 'P0001', hint = 'challenge_over';
  end if;
  insert into public.club_challenge_participants (org_id, challenge_id, user_id, on_leaderboard)
  values (v_challenge.org_id, p_challenge, (select auth.uid()), coalesce(p_on_leaderboard, true))
  on conflict (challenge_id, user_id) do update
    set deleted_at = null, on_leaderboard = excluded.on_leaderboard, joined_at = now()
    where public.club_challenge_participants.deleted_at is not null
  returning id into v_id;
  if v_id is null then
    select e.id into v_id from public.club_challenge_participants e
     where e.challenge_id = p_challenge and e.user_id = (select auth.uid());
  end if;
  return v_id;
end
$$;
comment on function public.join_club_challenge(uuid, boolean) is
  'security definer (no insert policy): a member of the club joins one of its challenges';

-- the member shows on the leaderboard, or leaves it (their progress stays theirs)
create function public.set_club_challenge_leaderboard(p_challenge uuid, p_on_leaderboard boolean)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_entry public.club_challenge_participants;
begin
  select e.* into v_entry from public.club_challenge_participants e
   where e.challenge_id = p_challenge and e.user_id = (select auth.uid()) and e.deleted_at is null;
  if v_entry.id is null then
    raise exception 'join the challenge first' using errcode = 'P0002', hint = 'not_joined';
  end if;
  perform private.require_feature('running_clubs', v_entry.org_id);
  update public.club_challenge_participants e set on_leaderboard = coalesce(p_on_leaderboard, true)
   where e.id = v_entry.id;
end
$$;
comment on function public.set_club_challenge_leaderboard(uuid, boolean) is
  'security definer (no update policy): the member opts in to or out of a challenge''s leaderboard';

-- the member leaves a challenge
create function public.leave_club_challenge(p_challenge uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_entry public.club_challenge_participants;
begin
  select e.* into v_entry from public.club_challenge_participants e
   where e.challenge_id = p_challenge and e.user_id = (select auth.uid()) and e.deleted_at is null;
  if v_entry.id is null then
    return;
  end if;
  perform private.require_feature('running_clubs', v_entry.org_id);
  update public.club_challenge_participants e set deleted_at = now() where e.id = v_entry.id;
end
$$;
comment on function public.leave_club_challenge(uuid) is
  'security definer (no update policy): the member leaves a challenge';

-- the caller's own standing in each challenge of a club: joined, shown, progress
create function public.my_club_challenges(p_club uuid)
returns table (challenge_id uuid, joined boolean, on_leaderboard boolean, progress numeric)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not private.is_active_member(p_club, (select auth.uid()), 'member') then
    raise exception 'only the club''s members see its challenges' using errcode = '42501';
  end if;
  perform private.require_feature('running_clubs', p_club);
  return query
    select c.id, e.id is not null, coalesce(e.on_leaderboard, false),
           case when e.id is null then 0::numeric else private.club_challenge_progress(c, (select auth.uid())) end
      from public.club_challenges c
      left join public.club_challenge_participants e
        on e.challenge_id = c.id and e.user_id = (select auth.uid()) and e.deleted_at is null
     where c.org_id = p_club and c.deleted_at is null
     order by c.starts_on desc, c.id;
end
$$;
comment on function public.my_club_challenges(uuid) is
  'security definer (progress reads logs kept in other clubs): the caller''s own entry and progress in each challenge of their club';

-- the leaderboard: the club's members who joined and show on it, by progress;
-- places are counted among them only, so an opted-out member leaves no gap
create function public.club_challenge_leaderboard(p_challenge uuid)
returns table (place int, user_id uuid, display_name text, progress numeric, is_me boolean)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_challenge public.club_challenges;
begin
  select c.* into v_challenge from public.club_challenges c where c.id = p_challenge and c.deleted_at is null;
  if v_challenge.id is null or not private.is_active_member(v_challenge.org_id, (select auth.uid()), 'member') then
    raise exception 'only the club''s members see its leaderboards' using errcode = '42501';
  end if;
  perform private.require_feature('running_clubs', v_challenge.org_id);
  return query
    select (rank() over (order by x.progress desc))::int, x.user_id, x.name, x.progress, x.user_id = (select auth.uid())
      from (select e.user_id, coalesce(p.display_name, '') as name,
                   private.club_challenge_progress(v_challenge, e.user_id) as progress
              from public.club_challenge_participants e
              left join public.profiles p on p.id = e.user_id
             where e.challenge_id = p_challenge and e.deleted_at is null and e.on_leaderboard
               and private.is_active_member(v_challenge.org_id, e.user_id, 'member')) x
     order by x.progress desc, x.name, x.user_id;
end
$$;
comment on function public.club_challenge_leaderboard(uuid) is
  'security definer (names and progress of other members): the members shown on a challenge''s leaderboard, by progress; opted-out members are not in it at all';

/**
  * -------------------------------------------------------
  * section - policies and grants
  * -------------------------------------------------------
  * read only; every write goes through the functions above. nothing of a club whose
  * running_clubs feature is off.
  */
alter table public.club_challenges enable row level security;
alter table public.club_challenge_participants enable row level security;

create policy "Club members can view their club's challenges"
  on public.club_challenges for select to authenticated
  using (
    org_id in (select private.org_ids_with_role('member'))
    and private.flag_enabled('running_clubs', org_id)
  );

create policy "Members can view their own challenge entries"
  on public.club_challenge_participants for select to authenticated
  using (
    user_id = (select auth.uid())
    and org_id in (select private.org_ids_with_role('member'))
    and private.flag_enabled('running_clubs', org_id)
  );

revoke all on public.club_challenges, public.club_challenge_participants from public, anon, authenticated;
grant all on public.club_challenges, public.club_challenge_participants to service_role;
grant select on public.club_challenges, public.club_challenge_participants to authenticated;

revoke all on function private.club_challenge_progress(public.club_challenges, uuid) from public, anon, authenticated;
revoke all on function public.create_club_challenge(uuid, text, text, date, date, int),
  public.delete_club_challenge(uuid), public.join_club_challenge(uuid, boolean),
  public.set_club_challenge_leaderboard(uuid, boolean), public.leave_club_challenge(uuid),
  public.my_club_challenges(uuid), public.club_challenge_leaderboard(uuid) from public, anon;
grant execute on function public.create_club_challenge(uuid, text, text, date, date, int),
  public.delete_club_challenge(uuid), public.join_club_challenge(uuid, boolean),
  public.set_club_challenge_leaderboard(uuid, boolean), public.leave_club_challenge(uuid),
  public.my_club_challenges(uuid), public.club_challenge_leaderboard(uuid) to authenticated, service_role;

/**
  * -------------------------------------------------------
  * section - sync registration
  * -------------------------------------------------------
  * after the policies: registering reads them (the access epoch). a member's
  * device holds their clubs' challenges and their own entries, offline too.
  */
insert into sync.tables (table_name, pull_order) values
  ('club_challenges', 8170),
  ('club_challenge_participants', 8171);

select sync.watch_access();
