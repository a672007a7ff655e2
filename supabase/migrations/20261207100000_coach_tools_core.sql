-- the coach's tools, core (issue 17): the individual coach–athlete relationship
-- (seed 000's coach_athlete) and training plans (seed 000's training_plan) as
-- synced tables, so a coach builds and assigns a plan and an athlete logs a
-- workout with no signal, through the outbox like attendance.
--
--   coach_athletes     a coach takes an athlete individually, beside the group:
--                      coaching (the coach plans and records for the athlete) or
--                      consulting (the coach reads), start and end dates, notes,
--                      active | ended. one active row per coach and athlete, at
--                      most coach_settings.max_athletes active ones per coach and
--                      club (a trigger, under a lock on the settings row).
--   training_plans     a template (reusable) or one athlete's copy of it, with the
--                      date its week 1 day 1 falls on. unlocked_weeks (null = all)
--                      is how much of the copy the athlete reads: a sold plan opens
--                      week by week (a job writes the column; no clock in a policy).
--   plan_workouts      weeks × days × workouts: type, duration or distance,
--                      intensity by pace, heart-rate zone or rpe, notes.
--   plan_assignments   a template given to an athlete or a whole group from a date.
--                      its insert makes, in the same transaction, one copy per
--                      athlete (the group's active athletes then): the copies are
--                      the athletes' own, so editing one touches nothing else.
--   workout_logs       done or skipped, rpe, a comment: one per workout (its id is
--                      the workout's), so two devices converge (a merge hook).
--
-- who sees what. "coaches the athlete" is private.coached_athlete_ids(): the
-- athletes of the groups the caller coaches and, now, those with an active
-- coaching relationship with the caller; consulting coaches are
-- private.consulted_athlete_ids() and only read. a template is read by the club's
-- staff and written by its author or the club's admins; an athlete's copy, its
-- workouts and logs are read by the copy's author, the athlete's coaches (both
-- kinds), the club's admins and the athlete — the athlete only the weeks open to
-- them — and written by the author, the coaching coaches and admins; a log also
-- by the athlete.
--
-- no helper a policy calls reads the clock or the token's claims: the sync's
-- access epoch follows writes (20261206123000_sync_core.sql).

/**
  * -------------------------------------------------------
  * section - coach_settings: the coach's athlete limit
  * -------------------------------------------------------
  */
alter table public.coach_settings
  add column max_athletes int,
  add constraint coach_settings_max_athletes_check check (max_athletes between 1 and 1000);
comment on column public.coach_settings.max_athletes is
  'most active individual athletes (coach_athletes) the coach takes in this club; null = no limit';
grant update (max_athletes) on public.coach_settings to authenticated;

/**
  * -------------------------------------------------------
  * section - coach_athletes
  * -------------------------------------------------------
  */
create table public.coach_athletes (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  coach_id uuid not null references auth.users (id) on delete cascade,
  athlete_id uuid not null,
  kind text not null default 'coaching',
  starts_on date not null default current_date,
  ends_on date,
  notes text not null default '',
  status text not null default 'active',
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint coach_athletes_athlete_fkey foreign key (athlete_id, org_id)
    references public.athletes (id, org_id) on delete cascade,
  constraint coach_athletes_kind_check check (kind in ('coaching', 'consulting')),
  constraint coach_athletes_status_check check (status in ('active', 'ended')),
  constraint coach_athletes_dates_check check (ends_on >= starts_on),
  constraint coach_athletes_notes_check check (char_length(notes) <= 2000)
);
comment on table public.coach_athletes is
  'an athlete a coach takes individually (coaching or consulting), beside the groups';

create index coach_athletes_org_id_idx on public.coach_athletes (org_id);
create index coach_athletes_athlete_org_idx on public.coach_athletes (athlete_id, org_id);
create index coach_athletes_coach_idx on public.coach_athletes (coach_id) where status = 'active' and deleted_at is null;
create unique index coach_athletes_active_key on public.coach_athletes (coach_id, athlete_id)
  where status = 'active' and deleted_at is null;
create index coach_athletes_xid_idx on public.coach_athletes (xid, id);

create trigger stamp_synced_row before insert or update on public.coach_athletes
  for each row execute function private.stamp_synced_row();

-- the coach must be staff of the club, and within their limit. the settings row
-- is locked first, so two relationships added at once take turns and the second
-- counts the first.
create function private.guard_coach_athlete()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_max int;
  v_count int;
begin
  if new.status <> 'active' or new.deleted_at is not null then
    return new;
  end if;
  if tg_op = 'UPDATE' and old.status = 'active' and old.deleted_at is null
     and old.coach_id = new.coach_id then
    return new; -- an edit of a live relationship takes no new place
  end if;
  if not private.is_active_member(new.org_id, new.coach_id, 'coach') then
    raise exception 'only a coach, admin or owner of the club can take an athlete individually'
      using errcode = 'P0001';
  end if;
  select s.max_athletes into v_max
    from public.coach_settings s
   where s.org_id = new.org_id and s.coach_id = new.coach_id and s.deleted_at is null
   for update;
  if v_max is not null then
    select count(*) into v_count
      from public.coach_athletes c
     where c.org_id = new.org_id and c.coach_id = new.coach_id
       and c.status = 'active' and c.deleted_at is null and c.id <> new.id;
    if v_count >= v_max then
      raise exception 'the coach already has % individual athletes, their limit', v_max
        using errcode = 'P0001', hint = 'max_athletes';
    end if;
  end if;
  return new;
end
$$;
comment on function private.guard_coach_athlete() is
  'coach_athletes: the coach is staff, and within coach_settings.max_athletes (locks the settings row)';

create trigger guard_coach_athlete before insert or update on public.coach_athletes
  for each row execute function private.guard_coach_athlete();

-- the daily end of relationships past their end date, in the club's zone
create function private.end_coach_athletes()
returns int
language sql volatile security definer set search_path = ''
as $$
  with ended as (
    update public.coach_athletes c
       set status = 'ended'
      from public.organizations o
     where o.id = c.org_id and c.status = 'active' and c.deleted_at is null
       and c.ends_on < (now() at time zone coalesce(o.time_zone, 'UTC'))::date
    returning c.id
  )
  select count(*)::int from ended
$$;

insert into private.scheduled_jobs (name, schedule, command, description) values
  ('coach-athletes-end', '5 0 * * *', 'select private.end_coach_athletes()',
   'daily: individual coach–athlete relationships past their end date end');

/**
  * -------------------------------------------------------
  * section - who coaches whom
  * -------------------------------------------------------
  * security definer and independent of the row: policies call them once per
  * statement as `(select …)`. no clock: a relationship counts while `active`.
  */
create or replace function private.coached_athlete_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.id
    from public.athletes a
   where a.group_id in (select private.coached_group_ids())
  union
  select c.athlete_id
    from public.coach_athletes c
   where c.coach_id = (select auth.uid())
     and c.kind = 'coaching' and c.status = 'active' and c.deleted_at is null
     and c.org_id in (select private.org_ids_with_role('coach'))
$$;
comment on function private.coached_athlete_ids() is
  'athletes the caller coaches: of the groups they coach, and individually (coaching, active)';

create function private.consulted_athlete_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select c.athlete_id
    from public.coach_athletes c
   where c.coach_id = (select auth.uid())
     and c.kind = 'consulting' and c.status = 'active' and c.deleted_at is null
     and c.org_id in (select private.org_ids_with_role('coach'))
$$;
comment on function private.consulted_athlete_ids() is
  'athletes the caller consults individually (active): they read, they do not write';

-- both kinds, from the relationships alone: the athletes policy already covers
-- the groups, and this reads only the caller's few rows (an index on coach_id)
create function private.individual_athlete_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select c.athlete_id
    from public.coach_athletes c
   where c.coach_id = (select auth.uid())
     and c.status = 'active' and c.deleted_at is null
     and c.org_id in (select private.org_ids_with_role('coach'))
$$;
comment on function private.individual_athlete_ids() is
  'athletes the caller coaches or consults individually (active)';

revoke all on function private.consulted_athlete_ids() from public, anon, authenticated;
grant execute on function private.consulted_athlete_ids() to authenticated, service_role;
revoke all on function private.individual_athlete_ids() from public, anon, authenticated;
grant execute on function private.individual_athlete_ids() to authenticated, service_role;
revoke all on function private.guard_coach_athlete() from public, anon, authenticated;
revoke all on function private.end_coach_athletes() from public, anon, authenticated;

-- the athlete record and its rank history: now also for individual coaches
drop policy "Staff and the athlete can view athletes" on public.athletes;
create policy "Staff and the athlete can view athletes"
  on public.athletes for select to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or group_id = any (array(select private.coached_group_ids()))
    or id = any (array(select private.own_athlete_ids()))
    or id = any (array(select private.individual_athlete_ids()))
  );

drop policy "Staff and the athlete can view rank history" on public.rank_history;
create policy "Staff and the athlete can view rank history"
  on public.rank_history for select to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or athlete_id = any (array(select private.coached_athlete_ids()))
    or athlete_id = any (array(select private.consulted_athlete_ids()))
    or athlete_id = any (array(select private.own_athlete_ids()))
  );

-- coach_athletes: the coach, the club's admins, the athlete; written by admins or
-- by the coach for themself
alter table public.coach_athletes enable row level security;

create policy "Coach, admins and the athlete can view coach_athletes"
  on public.coach_athletes for select to authenticated
  using (
    coach_id = (select auth.uid())
    or org_id = any (array(select private.org_ids_with_role('admin')))
    or athlete_id = any (array(select private.own_athlete_ids()))
  );

create policy "Admins and the coach can add coach_athletes"
  on public.coach_athletes for insert to authenticated
  with check (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or (coach_id = (select auth.uid()) and org_id = any (array(select private.org_ids_with_role('coach'))))
  );

create policy "Admins and the coach can edit coach_athletes"
  on public.coach_athletes for update to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or (coach_id = (select auth.uid()) and org_id = any (array(select private.org_ids_with_role('coach'))))
  )
  with check (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or (coach_id = (select auth.uid()) and org_id = any (array(select private.org_ids_with_role('coach'))))
  );

revoke all on public.coach_athletes from public, anon, authenticated;
grant all on public.coach_athletes to service_role;
grant select on public.coach_athletes to authenticated;
grant insert (id, org_id, coach_id, athlete_id, kind, starts_on, ends_on, notes, status)
  on public.coach_athletes to authenticated;
grant update (kind, starts_on, ends_on, notes, status, deleted_at)
  on public.coach_athletes to authenticated;

/**
  * -------------------------------------------------------
  * section - training plans: tables
  * -------------------------------------------------------
  */
create table public.training_plans (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  coach_id uuid not null default auth.uid() references auth.users (id) on delete restrict,
  title text not null,
  description text not null default '',
  kind text not null default 'template',
  athlete_id uuid,
  source_plan_id uuid,
  assignment_id uuid,
  start_date date,
  weeks int not null default 4,
  unlocked_weeks int,
  status text not null default 'active',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint training_plans_id_org_key unique (id, org_id),
  constraint training_plans_athlete_fkey foreign key (athlete_id, org_id)
    references public.athletes (id, org_id) on delete cascade,
  constraint training_plans_source_fkey foreign key (source_plan_id, org_id)
    references public.training_plans (id, org_id) on delete set null (source_plan_id),
  constraint training_plans_title_check check (char_length(btrim(title)) between 1 and 200),
  constraint training_plans_description_check check (char_length(description) <= 4000),
  constraint training_plans_kind_check check (kind in ('template', 'athlete')),
  constraint training_plans_status_check check (status in ('active', 'archived')),
  constraint training_plans_weeks_check check (weeks between 1 and 104),
  constraint training_plans_unlocked_weeks_check check (unlocked_weeks between 0 and weeks),
  -- an athlete's copy names its athlete and its first day; a template neither
  constraint training_plans_shape_check check (
    (kind = 'athlete') = (athlete_id is not null)
    and (kind = 'athlete') = (start_date is not null)
  )
);
comment on table public.training_plans is
  'a reusable plan template, or one athlete''s copy of it from start_date (week 1 day 1)';
comment on column public.training_plans.unlocked_weeks is
  'weeks 1..n the athlete reads (a sold plan opens week by week); null = every week';

create table public.plan_workouts (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  plan_id uuid not null,
  week int not null,
  day int not null,
  position int not null default 0,
  type text not null,
  title text not null default '',
  duration_min int,
  distance_m int,
  intensity text,
  pace_s_per_km int,
  hr_zone int,
  rpe int,
  notes text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint plan_workouts_id_org_key unique (id, org_id),
  constraint plan_workouts_plan_fkey foreign key (plan_id, org_id)
    references public.training_plans (id, org_id) on delete cascade,
  constraint plan_workouts_week_check check (week between 1 and 104),
  constraint plan_workouts_day_check check (day between 1 and 7),
  constraint plan_workouts_position_check check (position between 0 and 50),
  constraint plan_workouts_type_check check (type in ('run', 'intervals', 'strength', 'rest', 'race')),
  constraint plan_workouts_title_check check (char_length(title) <= 200),
  constraint plan_workouts_duration_check check (duration_min between 1 and 1440),
  constraint plan_workouts_distance_check check (distance_m between 1 and 1000000),
  constraint plan_workouts_intensity_check check (intensity in ('pace', 'hr_zone', 'rpe')),
  constraint plan_workouts_pace_check check (
    pace_s_per_km between 120 and 1200 and (intensity = 'pace') = (pace_s_per_km is not null)
  ),
  constraint plan_workouts_hr_zone_check check (
    hr_zone between 1 and 5 and (intensity = 'hr_zone') = (hr_zone is not null)
  ),
  constraint plan_workouts_rpe_check check (
    rpe between 1 and 10 and (intensity = 'rpe') = (rpe is not null)
  ),
  -- the intensity named is the one given (a check on a null column passes, so
  -- each kind is also pinned from this side)
  constraint plan_workouts_intensity_shape_check check (
    coalesce(intensity, '') = case
      when pace_s_per_km is not null then 'pace'
      when hr_zone is not null then 'hr_zone'
      when rpe is not null then 'rpe'
      else '' end
  ),
  constraint plan_workouts_notes_check check (char_length(notes) <= 2000)
);
comment on table public.plan_workouts is
  'a plan''s workouts: its date is start_date + (week - 1) * 7 + (day - 1)';

create table public.plan_assignments (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  plan_id uuid not null,
  group_id uuid,
  athlete_id uuid,
  start_date date not null,
  status text not null default 'active',
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint plan_assignments_id_org_key unique (id, org_id),
  constraint plan_assignments_plan_fkey foreign key (plan_id, org_id)
    references public.training_plans (id, org_id) on delete cascade,
  constraint plan_assignments_group_fkey foreign key (group_id, org_id)
    references public.training_groups (id, org_id) on delete cascade,
  constraint plan_assignments_athlete_fkey foreign key (athlete_id, org_id)
    references public.athletes (id, org_id) on delete cascade,
  constraint plan_assignments_target_check check ((group_id is null) <> (athlete_id is null)),
  constraint plan_assignments_status_check check (status in ('active', 'cancelled'))
);
comment on table public.plan_assignments is
  'a template given to a group or an athlete from start_date; its insert makes the athletes'' copies';

alter table public.training_plans
  add constraint training_plans_assignment_fkey foreign key (assignment_id, org_id)
    references public.plan_assignments (id, org_id) on delete set null (assignment_id);

create table public.workout_logs (
  id uuid primary key,
  org_id uuid not null references public.organizations (id) on delete cascade,
  workout_id uuid not null,
  athlete_id uuid not null,
  status text not null,
  rpe int,
  comment text not null default '',
  logged_on date not null,
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint workout_logs_workout_fkey foreign key (workout_id, org_id)
    references public.plan_workouts (id, org_id) on delete cascade,
  constraint workout_logs_athlete_fkey foreign key (athlete_id, org_id)
    references public.athletes (id, org_id) on delete cascade,
  -- one log per workout, whose id every device knows
  constraint workout_logs_id_is_workout check (id = workout_id),
  constraint workout_logs_status_check check (status in ('done', 'skipped')),
  constraint workout_logs_rpe_check check (rpe between 1 and 10),
  constraint workout_logs_comment_check check (char_length(comment) <= 1000)
);
comment on table public.workout_logs is 'an athlete''s workout done or skipped, with rpe and a comment';

create index training_plans_org_id_idx on public.training_plans (org_id);
create index training_plans_athlete_org_idx on public.training_plans (athlete_id, org_id) where athlete_id is not null;
create index training_plans_coach_idx on public.training_plans (coach_id);
create index training_plans_source_idx on public.training_plans (source_plan_id, org_id) where source_plan_id is not null;
create index training_plans_assignment_idx on public.training_plans (assignment_id, org_id) where assignment_id is not null;
create index training_plans_xid_idx on public.training_plans (xid, id);
create index plan_workouts_org_id_idx on public.plan_workouts (org_id);
create index plan_workouts_plan_idx on public.plan_workouts (plan_id, org_id, week, day);
create index plan_workouts_xid_idx on public.plan_workouts (xid, id);
create index plan_assignments_org_id_idx on public.plan_assignments (org_id);
create index plan_assignments_plan_idx on public.plan_assignments (plan_id, org_id);
create index plan_assignments_group_idx on public.plan_assignments (group_id, org_id) where group_id is not null;
create index plan_assignments_athlete_idx on public.plan_assignments (athlete_id, org_id) where athlete_id is not null;
create index plan_assignments_xid_idx on public.plan_assignments (xid, id);
create index workout_logs_org_id_idx on public.workout_logs (org_id);
create index workout_logs_workout_idx on public.workout_logs (workout_id, org_id);
create index workout_logs_athlete_idx on public.workout_logs (athlete_id, org_id);
create index workout_logs_xid_idx on public.workout_logs (xid, id);

create trigger stamp_synced_row before insert or update on public.training_plans
  for each row execute function private.stamp_synced_row();
create trigger stamp_synced_row before insert or update on public.plan_workouts
  for each row execute function private.stamp_synced_row();
create trigger stamp_synced_row before insert or update on public.plan_assignments
  for each row execute function private.stamp_synced_row();
create trigger stamp_synced_row before insert or update on public.workout_logs
  for each row execute function private.stamp_synced_row();

/**
  * -------------------------------------------------------
  * section - training plans: rules across rows
  * -------------------------------------------------------
  * what one row cannot say alone: a workout within its plan's weeks, a plan not
  * cut shorter than its workouts, a log of the athlete's own workout, an
  * assignment of a template.
  */
create function private.guard_plan_workout()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_weeks int;
begin
  select p.weeks into v_weeks from public.training_plans p where p.id = new.plan_id;
  if new.deleted_at is null and new.week > v_weeks then
    raise exception 'week % is past the plan''s % weeks', new.week, v_weeks
      using errcode = '23514', hint = 'week';
  end if;
  return new;
end
$$;
create trigger guard_plan_workout before insert or update of week, plan_id, deleted_at
  on public.plan_workouts for each row execute function private.guard_plan_workout();

create function private.guard_plan_weeks()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.weeks < old.weeks and exists (
    select from public.plan_workouts w
     where w.plan_id = new.id and w.week > new.weeks and w.deleted_at is null
  ) then
    raise exception 'the plan has workouts past week %: remove them first', new.weeks
      using errcode = '23514', hint = 'weeks';
  end if;
  if new.kind is distinct from old.kind or new.athlete_id is distinct from old.athlete_id then
    raise exception 'a plan''s kind and athlete are fixed once written' using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger guard_plan_weeks before update on public.training_plans
  for each row execute function private.guard_plan_weeks();

create function private.guard_workout_log()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if not exists (
    select from public.plan_workouts w
      join public.training_plans p on p.id = w.plan_id
     where w.id = new.workout_id and p.athlete_id = new.athlete_id and p.kind = 'athlete'
  ) then
    raise exception 'the workout is not in a plan of this athlete' using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger guard_workout_log before insert or update of workout_id, athlete_id
  on public.workout_logs for each row execute function private.guard_workout_log();

-- an assignment gives a template (its copies are the athletes' own); the copies
-- are made here, in the assignment's transaction, as whoever assigned: the
-- insert's policy already checked that they coach the group or the athlete
create function private.copy_assigned_plan()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_plan public.training_plans;
  v_athlete uuid;
  v_copy uuid;
begin
  select * into v_plan from public.training_plans p where p.id = new.plan_id;
  if v_plan.kind <> 'template' or v_plan.deleted_at is not null then
    raise exception 'only a live template can be assigned' using errcode = '23514';
  end if;
  for v_athlete in
    select a.id from public.athletes a
     where a.org_id = new.org_id and a.deleted_at is null and a.status = 'active'
       and (a.id = new.athlete_id or (new.group_id is not null and a.group_id = new.group_id))
     order by a.id
  loop
    insert into public.training_plans
      (org_id, coach_id, title, description, kind, athlete_id, source_plan_id, assignment_id,
       start_date, weeks)
    values
      (new.org_id, coalesce(new.created_by, v_plan.coach_id), v_plan.title, v_plan.description,
       'athlete', v_athlete, v_plan.id, new.id, new.start_date, v_plan.weeks)
    returning id into v_copy;
    insert into public.plan_workouts
      (org_id, plan_id, week, day, position, type, title, duration_min, distance_m, intensity,
       pace_s_per_km, hr_zone, rpe, notes)
    select w.org_id, v_copy, w.week, w.day, w.position, w.type, w.title, w.duration_min,
           w.distance_m, w.intensity, w.pace_s_per_km, w.hr_zone, w.rpe, w.notes
      from public.plan_workouts w
     where w.plan_id = v_plan.id and w.deleted_at is null;
  end loop;
  return null;
end
$$;
create trigger copy_assigned_plan after insert on public.plan_assignments
  for each row execute function private.copy_assigned_plan();

-- cancelling an assignment archives its copies (their logs stay)
create function private.archive_assigned_plans()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.status = 'cancelled' or new.deleted_at is not null then
    update public.training_plans p set status = 'archived'
     where p.assignment_id = new.id and p.status <> 'archived';
  end if;
  return null;
end
$$;
create trigger archive_assigned_plans after update of status, deleted_at on public.plan_assignments
  for each row execute function private.archive_assigned_plans();

revoke all on function private.guard_plan_workout() from public, anon, authenticated;
revoke all on function private.guard_plan_weeks() from public, anon, authenticated;
revoke all on function private.guard_workout_log() from public, anon, authenticated;
revoke all on function private.copy_assigned_plan() from public, anon, authenticated;
revoke all on function private.archive_assigned_plans() from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * section - training plans: who reads and writes a plan
  * -------------------------------------------------------
  */

-- plans the caller reads as staff: the club's templates (coach and up), every
-- plan of a club they administer, their own, and the copies of athletes they coach
-- or consult
create function private.staff_plan_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select p.id
    from public.training_plans p
   where p.org_id in (select private.org_ids_with_role('admin'))
      or (p.org_id in (select private.org_ids_with_role('coach'))
          and (p.kind = 'template'
               or p.coach_id = (select auth.uid())
               or p.athlete_id in (select private.coached_athlete_ids())
               or p.athlete_id in (select private.consulted_athlete_ids())))
$$;
comment on function private.staff_plan_ids() is 'plans the caller reads as staff';

-- plans the caller may change: as admin, as author, or as the athlete's coach
create function private.writable_plan_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select p.id
    from public.training_plans p
   where p.org_id in (select private.org_ids_with_role('admin'))
      or (p.org_id in (select private.org_ids_with_role('coach'))
          and (p.coach_id = (select auth.uid())
               or (p.kind = 'athlete' and p.athlete_id in (select private.coached_athlete_ids()))))
$$;
comment on function private.writable_plan_ids() is 'plans the caller may change (their workouts too)';

-- the caller's own plans and how many weeks of each they read
create function private.own_plan_weeks()
returns table (plan_id uuid, open_weeks int)
language sql stable security definer set search_path = ''
as $$
  select p.id, coalesce(p.unlocked_weeks, p.weeks)
    from public.training_plans p
   where p.kind = 'athlete' and p.athlete_id in (select private.own_athlete_ids())
$$;
comment on function private.own_plan_weeks() is 'the caller''s own plans and the weeks open to them';

revoke all on function private.staff_plan_ids() from public, anon, authenticated;
revoke all on function private.writable_plan_ids() from public, anon, authenticated;
revoke all on function private.own_plan_weeks() from public, anon, authenticated;
grant execute on function private.staff_plan_ids() to authenticated, service_role;
grant execute on function private.writable_plan_ids() to authenticated, service_role;
grant execute on function private.own_plan_weeks() to authenticated, service_role;

/**
  * -------------------------------------------------------
  * section - training plans: row-level security
  * -------------------------------------------------------
  */
alter table public.training_plans enable row level security;
alter table public.plan_workouts enable row level security;
alter table public.plan_assignments enable row level security;
alter table public.workout_logs enable row level security;

-- plans
create policy "Staff and the athlete can view training plans"
  on public.training_plans for select to authenticated
  using (
    id = any (array(select private.staff_plan_ids()))
    or id = any (array(select w.plan_id from private.own_plan_weeks() w))
  );

create policy "Admins, authors and coaches can add training plans"
  on public.training_plans for insert to authenticated
  with check (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or (org_id = any (array(select private.org_ids_with_role('coach')))
        and coach_id = (select auth.uid())
        and (kind = 'template' or athlete_id = any (array(select private.coached_athlete_ids()))))
  );

create policy "Admins, authors and coaches can edit training plans"
  on public.training_plans for update to authenticated
  using (id = any (array(select private.writable_plan_ids())))
  with check (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or (org_id = any (array(select private.org_ids_with_role('coach')))
        and (coach_id = (select auth.uid())
             or (kind = 'athlete' and athlete_id = any (array(select private.coached_athlete_ids())))))
  );

-- workouts follow their plan; the athlete reads the weeks open to them
create policy "Staff and the athlete can view plan workouts"
  on public.plan_workouts for select to authenticated
  using (
    plan_id = any (array(select private.staff_plan_ids()))
    or exists (select from private.own_plan_weeks() w
                where w.plan_id = plan_workouts.plan_id and plan_workouts.week <= w.open_weeks)
  );

create policy "Plan writers can add plan workouts"
  on public.plan_workouts for insert to authenticated
  with check (plan_id = any (array(select private.writable_plan_ids())));

create policy "Plan writers can edit plan workouts"
  on public.plan_workouts for update to authenticated
  using (plan_id = any (array(select private.writable_plan_ids())))
  with check (plan_id = any (array(select private.writable_plan_ids())));

-- assignments: the club's staff read them; whoever coaches the target assigns
create policy "Staff can view plan assignments"
  on public.plan_assignments for select to authenticated
  using (org_id = any (array(select private.org_ids_with_role('coach'))));

create policy "Coaches of the target can add plan assignments"
  on public.plan_assignments for insert to authenticated
  with check (
    plan_id = any (array(select private.staff_plan_ids()))
    and (
      org_id = any (array(select private.org_ids_with_role('admin')))
      or group_id = any (array(select private.coached_group_ids()))
      or athlete_id = any (array(select private.coached_athlete_ids()))
    )
  );

create policy "Coaches of the target can edit plan assignments"
  on public.plan_assignments for update to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or created_by = (select auth.uid())
  )
  with check (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or created_by = (select auth.uid())
  );

-- logs: the athlete and whoever reads their plan; written by the athlete and the
-- coaching coaches
create policy "Staff and the athlete can view workout logs"
  on public.workout_logs for select to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or athlete_id = any (array(select private.coached_athlete_ids()))
    or athlete_id = any (array(select private.consulted_athlete_ids()))
    or athlete_id = any (array(select private.own_athlete_ids()))
  );

create policy "The athlete and their coaches can add workout logs"
  on public.workout_logs for insert to authenticated
  with check (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or athlete_id = any (array(select private.coached_athlete_ids()))
    or athlete_id = any (array(select private.own_athlete_ids()))
  );

create policy "The athlete and their coaches can edit workout logs"
  on public.workout_logs for update to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or athlete_id = any (array(select private.coached_athlete_ids()))
    or athlete_id = any (array(select private.own_athlete_ids()))
  )
  with check (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or athlete_id = any (array(select private.coached_athlete_ids()))
    or athlete_id = any (array(select private.own_athlete_ids()))
  );

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  * identity (id, club, kind, athlete) is fixed once written; assignment_id and
  * unlocked_weeks are the server's; no delete privilege (tombstones).
  */
revoke all on public.training_plans, public.plan_workouts, public.plan_assignments,
  public.workout_logs from public, anon, authenticated;
grant all on public.training_plans, public.plan_workouts, public.plan_assignments,
  public.workout_logs to service_role;
grant select on public.training_plans, public.plan_workouts, public.plan_assignments,
  public.workout_logs to authenticated;
grant insert (id, org_id, coach_id, title, description, kind, athlete_id, source_plan_id,
  start_date, weeks, status) on public.training_plans to authenticated;
grant update (title, description, start_date, weeks, status, deleted_at)
  on public.training_plans to authenticated;
grant insert (id, org_id, plan_id, week, day, position, type, title, duration_min, distance_m,
  intensity, pace_s_per_km, hr_zone, rpe, notes) on public.plan_workouts to authenticated;
grant update (week, day, position, type, title, duration_min, distance_m, intensity,
  pace_s_per_km, hr_zone, rpe, notes, deleted_at) on public.plan_workouts to authenticated;
grant insert (id, org_id, plan_id, group_id, athlete_id, start_date)
  on public.plan_assignments to authenticated;
grant update (status, deleted_at) on public.plan_assignments to authenticated;
grant insert (id, org_id, workout_id, athlete_id, status, rpe, comment, logged_on)
  on public.workout_logs to authenticated;
grant update (status, rpe, comment, logged_on, deleted_at) on public.workout_logs to authenticated;

/**
  * -------------------------------------------------------
  * section - merge rule
  * -------------------------------------------------------
  * a second insert of a workout's log (the athlete's phone and the coach's, both
  * offline) writes the fields that differ, as an update; the core then applies
  * its per-field last-writer-wins. as private.attendance_merge.
  */
create function private.workout_logs_merge(p_reg sync.tables, p_id uuid, p_m jsonb)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_fields jsonb := coalesce(p_m -> 'fields', '{}'::jsonb);
  v_before jsonb;
  v_given jsonb;
begin
  -- the rule is this table's: registered on another, it changes nothing
  if p_m ->> 'op' is distinct from 'insert' or p_reg.table_name is distinct from 'workout_logs' then
    return p_m;
  end if;
  select to_jsonb(l) into v_before from public.workout_logs l where l.id = p_id;
  if v_before is null then
    return p_m; -- the first log of this workout (or one the caller may not see: rls refuses)
  end if;
  v_given := to_jsonb(jsonb_populate_record(null::public.workout_logs, v_fields));
  return p_m || jsonb_build_object('op', 'update', 'fields', (
    select coalesce(jsonb_object_agg(k, v_fields -> k), '{}'::jsonb)
      from jsonb_object_keys(v_fields) as k
     where k not in ('org_id', 'workout_id', 'athlete_id')
       and (v_given -> k) is distinct from (v_before -> k)));
end
$$;
comment on function private.workout_logs_merge(sync.tables, uuid, jsonb) is
  'workout_logs'' merge hook: an insert of an existing log writes only the fields that differ, as an update';

revoke all on function private.workout_logs_merge(sync.tables, uuid, jsonb) from public, anon, authenticated;
grant execute on function private.workout_logs_merge(sync.tables, uuid, jsonb) to authenticated, service_role;

/**
  * -------------------------------------------------------
  * section - tenant guard and sync registration
  * -------------------------------------------------------
  * after the policies: registering reads them (the access epoch). plans before
  * their workouts, assignments and logs; the copies' bookkeeping columns are the
  * server's.
  */
select private.guard_tenant_table('public.coach_athletes');
select private.guard_tenant_table('public.training_plans');
select private.guard_tenant_table('public.plan_workouts');
select private.guard_tenant_table('public.plan_assignments');
select private.guard_tenant_table('public.workout_logs');

insert into sync.tables (table_name, pull_order) values
  ('coach_athletes', 8010),
  ('plan_assignments', 8020);
insert into sync.tables (table_name, pull_order, server_columns) values
  ('training_plans', 8030,
   '{id,xid,created_at,updated_at,updated_by,deleted_at,assignment_id,unlocked_weeks}');
insert into sync.tables (table_name, pull_order) values
  ('plan_workouts', 8040);
insert into sync.tables (table_name, pull_order, merge_hook) values
  ('workout_logs', 8050, 'private.workout_logs_merge(sync.tables, uuid, jsonb)'::regprocedure);

select sync.watch_access();
