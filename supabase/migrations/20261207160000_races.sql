-- races (issue 18, race partnerships; reference/partners.md §5, §7.5 items 14–17): a race
-- organizer (an organization of kind race or timing_company) publishes a race with
-- plans that end on race day, sponsor placements and perks for its participants.
--
--   partnership_profiles  a partner organization's partnership: tier (the partner
--                         program's tiers), contact, the discount code it gives and
--                         whether it is active. the type is the organization's kind.
--   races                 name, date, zone, place, distances; draft or published
--   race_plans            a plan product of the organizer sold for the race (and a
--                         distance): its template's weeks count back from race day
--   race_placements       a sponsor's banner: image, link, slot, from–to dates
--   race_perks            a sponsor's offer with a code, shown to participants only
--   analytics.placement_days  views and clicks of each placement per day
--
-- a race plan is bought like any sold plan (20261207111000_plan_sales.sql): the
-- buyer's copy starts on race_date − 7 × weeks, so its last week ends the day
-- before the race. a late buyer starts in the week the purchase falls in: the
-- weeks before it are left out (first_week says where the copy begins), and the
-- week it is in opens at once. the hourly job opens the rest as they begin.
--
-- participants are private: the organizer's admins manage templates, products
-- and placements but read no participant's athlete record, plan copy or log; they
-- read race_participant_stats, aggregates with nothing from fewer than 5 people.
--
-- everything here is the race_partnerships feature of the organizer.

/**
  * -------------------------------------------------------
  * section - helpers
  * -------------------------------------------------------
  */
-- an organization whose buyers are participants, not a roster: a race or a timing company
create function private.is_participant_org(p_org uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select from public.organizations o
                  where o.id = p_org and o.kind in ('race', 'timing_company'))
$$;

-- organizations the caller administers whose athletes they read: every one but a race's
create function private.roster_admin_org_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select r.org_id from private.org_ids_with_role('admin') r (org_id)
   where not private.is_participant_org(r.org_id)
$$;

-- organizations whose races the caller manages: those they administer, while the
-- race_partnerships feature is on for them (one set per statement, not a flag per row)
create function private.race_admin_org_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select r.org_id from private.org_ids_with_role('admin') r (org_id)
   where private.flag_enabled('race_partnerships', r.org_id)
$$;

/**
  * -------------------------------------------------------
  * section - partnership profiles
  * -------------------------------------------------------
  */
create table public.partnership_profiles (
  org_id uuid primary key references public.organizations (id) on delete cascade,
  tier text not null default 'silver' references public.partner_tiers (code),
  contact_name text,
  contact_email text,
  contact_phone text,
  discount_code_id uuid,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint partnership_profiles_contact_name_check check (
    contact_name is null or char_length(btrim(contact_name)) between 1 and 120),
  constraint partnership_profiles_contact_email_check check (
    contact_email is null or (contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(contact_email) <= 254)),
  constraint partnership_profiles_contact_phone_check check (
    contact_phone is null or contact_phone ~ '^\+?[0-9 ()-]{5,30}$')
);
comment on table public.partnership_profiles is
  'a partner organization''s partnership (seed 000): tier, contact, its discount code, active; the type is organizations.kind';
comment on column public.partnership_profiles.discount_code_id is
  'one of the organization''s own discount codes: the partner discount (race plans, club pricing)';

-- the partner discount is a code of the organization itself
create function private.guard_partnership_profile()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.discount_code_id is not null and not exists (
    select from public.discount_codes d where d.id = new.discount_code_id and d.org_id = new.org_id
  ) then
    raise exception 'the partner discount is one of the organization''s own codes'
      using errcode = '23514', constraint = 'partnership_profiles_discount_code', hint = 'discount_code_id';
  end if;
  if not exists (select from public.organizations o where o.id = new.org_id
                  and o.kind in ('race', 'timing_company', 'club', 'coach_business', 'school')) then
    raise exception 'a partnership is a race''s, a timing company''s, a club''s or a coach''s'
      using errcode = '23514', constraint = 'partnership_profiles_kind', hint = 'org_id';
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger guard_partnership_profile before insert or update on public.partnership_profiles
  for each row execute function private.guard_partnership_profile();

select private.guard_tenant_table('public.partnership_profiles');

/**
  * -------------------------------------------------------
  * section - races
  * -------------------------------------------------------
  */
create table public.races (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  name text not null,
  race_date date not null,
  time_zone text not null default 'Europe/Moscow',
  place text not null default '',
  distances_m int[] not null default '{}',
  status text not null default 'draft',
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint races_id_org_key unique (id, org_id),
  constraint races_name_check check (char_length(btrim(name)) between 1 and 120),
  constraint races_place_check check (char_length(place) <= 200),
  constraint races_time_zone_check check (char_length(time_zone) between 1 and 64),
  -- 100 m to 1,000 km, at most 10 distances, none twice
  constraint races_distances_check check (
    cardinality(distances_m) <= 10
    and 100 <= all (distances_m) and 1000000 >= all (distances_m)
    and array_position(distances_m, null) is null),
  constraint races_status_check check (status in ('draft', 'published', 'cancelled'))
);
comment on table public.races is 'a race of an organizer (kind race or timing_company); published ones are public';
create index races_org_idx on public.races (org_id);
create index races_date_idx on public.races (race_date) where status = 'published';

create function private.guard_race()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if not private.is_participant_org(new.org_id) then
    raise exception 'a race is organized by a race or a timing company'
      using errcode = '23514', constraint = 'races_organizer', hint = 'org_id';
  end if;
  if not exists (select from pg_catalog.pg_timezone_names z where z.name = new.time_zone) then
    raise exception 'unknown time zone' using errcode = '23514', constraint = 'races_time_zone', hint = 'time_zone';
  end if;
  if (select count(distinct d) from unnest(new.distances_m) d) <> cardinality(new.distances_m) then
    raise exception 'a distance is listed once' using errcode = '23514', constraint = 'races_distances_check',
      hint = 'distances_m';
  end if;
  new.distances_m := array(select d from unnest(new.distances_m) d order by d);
  new.updated_at := now();
  return new;
end
$$;
create trigger guard_race before insert or update on public.races
  for each row execute function private.guard_race();

create table public.race_plans (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  race_id uuid not null,
  product_id uuid not null,
  distance_m int,
  created_at timestamptz not null default now(),
  constraint race_plans_race_fkey foreign key (race_id, org_id)
    references public.races (id, org_id) on delete cascade,
  constraint race_plans_product_fkey foreign key (product_id, org_id)
    references public.products (id, org_id) on delete cascade,
  constraint race_plans_distance_check check (distance_m is null or distance_m between 100 and 1000000),
  -- a product is sold for one race: its copies count back from that race's day
  constraint race_plans_product_key unique (product_id)
);
comment on table public.race_plans is 'a plan product the organizer sells for its race (and one of its distances)';
create index race_plans_race_idx on public.race_plans (race_id, org_id);

create function private.guard_race_plan()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_race public.races;
begin
  if not exists (select from public.products p where p.id = new.product_id and p.training_plan_id is not null) then
    raise exception 'a race plan is a product that gives a training plan'
      using errcode = '23514', constraint = 'race_plans_product_plan', hint = 'product_id';
  end if;
  select r.* into v_race from public.races r where r.id = new.race_id;
  if new.distance_m is not null and not (new.distance_m = any (v_race.distances_m)) then
    raise exception 'a race plan''s distance is one of the race''s'
      using errcode = '23514', constraint = 'race_plans_distance', hint = 'distance_m';
  end if;
  return new;
end
$$;
create trigger guard_race_plan before insert or update on public.race_plans
  for each row execute function private.guard_race_plan();

create table public.race_placements (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  race_id uuid not null,
  slot text not null,
  sponsor_name text not null,
  image_url text not null,
  link_url text not null,
  starts_on date not null,
  ends_on date not null,
  created_at timestamptz not null default now(),
  constraint race_placements_race_fkey foreign key (race_id, org_id)
    references public.races (id, org_id) on delete cascade,
  constraint race_placements_slot_check check (slot in ('race_page', 'athlete_plan')),
  constraint race_placements_sponsor_name_check check (char_length(btrim(sponsor_name)) between 1 and 80),
  constraint race_placements_image_url_check check (
    image_url ~ '^https://[^\s]+$' and char_length(image_url) <= 500),
  constraint race_placements_link_url_check check (
    link_url ~ '^https://[^\s]+$' and char_length(link_url) <= 500),
  constraint race_placements_dates_check check (ends_on >= starts_on and ends_on - starts_on <= 366)
);
comment on table public.race_placements is
  'a sponsor''s banner (640×90) on the race page or in the participant''s plan, shown from starts_on to ends_on (race zone)';
create index race_placements_race_idx on public.race_placements (race_id, org_id);

create table public.race_perks (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  race_id uuid not null,
  sponsor_name text not null,
  title text not null,
  description text not null default '',
  code text not null,
  created_at timestamptz not null default now(),
  constraint race_perks_race_fkey foreign key (race_id, org_id)
    references public.races (id, org_id) on delete cascade,
  constraint race_perks_sponsor_name_check check (char_length(btrim(sponsor_name)) between 1 and 80),
  constraint race_perks_title_check check (char_length(btrim(title)) between 1 and 120),
  constraint race_perks_description_check check (char_length(description) <= 500),
  -- a sponsor's code: the charset of discount codes (RunSignup's rule, partners.md §5.1)
  constraint race_perks_code_check check (code ~ '^[A-Za-z0-9_-]{3,32}$')
);
comment on table public.race_perks is 'a sponsor''s perk for the race''s participants; its code is shown to participants only';
create index race_perks_race_idx on public.race_perks (race_id, org_id);

select private.guard_tenant_table('public.races');
select private.guard_tenant_table('public.race_plans');
select private.guard_tenant_table('public.race_placements');
select private.guard_tenant_table('public.race_perks');

/**
  * -------------------------------------------------------
  * section - a race plan counts back from race day
  * -------------------------------------------------------
  */
alter table public.training_plans add column race_id uuid;
alter table public.training_plans add column first_week int;
alter table public.training_plans add constraint training_plans_race_fkey
  foreign key (race_id, org_id) references public.races (id, org_id) on delete set null (race_id);
alter table public.training_plans add constraint training_plans_first_week_check
  check (first_week is null or first_week between 1 and weeks);
create index training_plans_race_idx on public.training_plans (race_id, org_id) where race_id is not null;
comment on column public.training_plans.race_id is 'the race a sold copy counts back from (set by the server)';
comment on column public.training_plans.first_week is
  'a late buyer''s first week: the weeks before it were over when the plan was bought, and are left out';
update sync.tables set server_columns = server_columns || array['race_id', 'first_week']
 where table_name = 'training_plans' and not ('race_id' = any (server_columns));

-- the first day of a race plan of `weeks` weeks: its last week ends the day before the race
create function private.race_plan_start(p_race_date date, p_weeks int)
returns date
language sql immutable parallel safe set search_path = ''
as $$
  select p_race_date - 7 * p_weeks
$$;

-- the week of a plan from p_start that p_day falls in, kept within 1..p_weeks
create function private.plan_week_of(p_start date, p_weeks int, p_day date)
returns int
language sql immutable parallel safe set search_path = ''
as $$
  select least(p_weeks, greatest(1, floor((p_day - p_start) / 7.0)::int + 1))
$$;

-- as plan_sales made it, and a race plan's copy anchored on its race
create or replace function private.plan_purchase_copies()
returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_template public.training_plans;
  v_race public.races;
  v_zone text;
  v_today date;
  v_start date;
  v_first int := null;
  v_athlete uuid;
  v_copy uuid;
begin
  if new.status = 'paid' and (tg_op = 'INSERT' or old.status is distinct from 'paid') then
    select p.* into v_template
      from public.products pr join public.training_plans p on p.id = pr.training_plan_id
     where pr.id = new.product_id and p.kind = 'template' and p.deleted_at is null;
    if v_template.id is null or exists (
      select from public.training_plans c where c.purchase_id = new.id
    ) then
      return null;
    end if;
    select coalesce(pf.time_zone, o.time_zone, 'UTC') into v_zone
      from public.organizations o left join public.profiles pf on pf.id = new.user_id
     where o.id = new.org_id;
    v_today := (coalesce(new.paid_at, now()) at time zone v_zone)::date;
    v_start := v_today;
    select r.* into v_race
      from public.race_plans rp join public.races r on r.id = rp.race_id
     where rp.product_id = new.product_id;
    if v_race.id is not null then
      v_start := private.race_plan_start(v_race.race_date, v_template.weeks);
      v_first := private.plan_week_of(v_start, v_template.weeks, v_today);
    end if;
    select a.id into v_athlete
      from public.athletes a
     where a.org_id = new.org_id and a.user_id = new.user_id and a.deleted_at is null
     order by (a.status = 'active') desc, a.created_at
     limit 1;
    if v_athlete is null then
      insert into public.athletes (org_id, user_id, name, status)
      select new.org_id, new.user_id,
             coalesce(nullif(btrim(pf.display_name), ''), 'Спортсмен'), 'active'
        from (select 1) one left join public.profiles pf on pf.id = new.user_id
      returning id into v_athlete;
    end if;
    insert into public.training_plans
      (org_id, coach_id, title, description, kind, athlete_id, source_plan_id, start_date, weeks,
       unlocked_weeks, purchase_id, race_id, first_week)
    values
      (new.org_id, v_template.coach_id, v_template.title, v_template.description, 'athlete',
       v_athlete, v_template.id, v_start, v_template.weeks, coalesce(v_first, 1), new.id,
       v_race.id, v_first)
    returning id into v_copy;
    insert into public.plan_workouts
      (org_id, plan_id, week, day, position, type, title, duration_min, distance_m, intensity,
       pace_s_per_km, hr_zone, rpe, notes)
    select w.org_id, v_copy, w.week, w.day, w.position, w.type, w.title, w.duration_min,
           w.distance_m, w.intensity, w.pace_s_per_km, w.hr_zone, w.rpe, w.notes
      from public.plan_workouts w
     where w.plan_id = v_template.id and w.deleted_at is null
       and w.week >= coalesce(v_first, 1);
  elsif new.status = 'refunded' and tg_op = 'UPDATE' and old.status is distinct from 'refunded' then
    update public.training_plans p set status = 'archived'
     where p.purchase_id = new.id and p.status <> 'archived';
  end if;
  return null;
end
$$;

/**
  * -------------------------------------------------------
  * section - participants are private to the organizer
  * -------------------------------------------------------
  * the admin clause of the athlete, plan and log policies reads
  * roster_admin_org_ids: a race's admins build its templates and sell them, and
  * read its participants only as race_participant_stats.
  */
create or replace function private.staff_plan_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select p.id
    from public.training_plans p
   where p.org_id in (select private.roster_admin_org_ids())
      or (p.org_id in (select private.org_ids_with_role('coach'))
          and (p.kind = 'template'
               or (not private.is_participant_org(p.org_id)
                   and (p.coach_id = (select auth.uid())
                        or p.athlete_id in (select private.coached_athlete_ids())
                        or p.athlete_id in (select private.consulted_athlete_ids())))))
$$;

create or replace function private.writable_plan_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select p.id
    from public.training_plans p
   where p.org_id in (select private.roster_admin_org_ids())
      or (p.org_id in (select private.org_ids_with_role('admin')) and p.kind = 'template')
      or (p.org_id in (select private.org_ids_with_role('coach'))
          and ((p.coach_id = (select auth.uid()) and (p.kind = 'template' or not private.is_participant_org(p.org_id)))
               or (p.kind = 'athlete' and not private.is_participant_org(p.org_id)
                   and p.athlete_id in (select private.coached_athlete_ids()))))
$$;

-- a participant's own record: a race's buyers are not its members, and read
-- their own record, copy and logs all the same
create or replace function private.own_athlete_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.id
    from public.athletes a
   where a.user_id = (select auth.uid())
     and a.deleted_at is null
     and (a.org_id in (select private.org_ids_with_role('member')) or private.is_participant_org(a.org_id))
$$;

drop policy "Staff and the athlete can view athletes" on public.athletes;
create policy "Staff and the athlete can view athletes"
  on public.athletes for select to authenticated
  using (
    org_id = any (array(select private.roster_admin_org_ids()))
    or group_id = any (array(select private.coached_group_ids()))
    or id = any (array(select private.own_athlete_ids()))
    or id = any (array(select private.individual_athlete_ids()))
  );

drop policy "Admins and group coaches can add athletes" on public.athletes;
create policy "Admins and group coaches can add athletes"
  on public.athletes for insert to authenticated
  with check (
    org_id = any (array(select private.roster_admin_org_ids()))
    or group_id = any (array(select private.coached_group_ids()))
  );

drop policy "Admins and group coaches can edit athletes" on public.athletes;
create policy "Admins and group coaches can edit athletes"
  on public.athletes for update to authenticated
  using (
    org_id = any (array(select private.roster_admin_org_ids()))
    or group_id = any (array(select private.coached_group_ids()))
  )
  with check (
    org_id = any (array(select private.roster_admin_org_ids()))
    or group_id = any (array(select private.coached_group_ids()))
  );

drop policy "Staff and the athlete can view workout logs" on public.workout_logs;
create policy "Staff and the athlete can view workout logs"
  on public.workout_logs for select to authenticated
  using (
    org_id = any (array(select private.roster_admin_org_ids()))
    or athlete_id = any (array(select private.coached_athlete_ids()))
    or athlete_id = any (array(select private.consulted_athlete_ids()))
    or athlete_id = any (array(select private.own_athlete_ids()))
  );

drop policy "The athlete and their coaches can add workout logs" on public.workout_logs;
create policy "The athlete and their coaches can add workout logs"
  on public.workout_logs for insert to authenticated
  with check (
    org_id = any (array(select private.roster_admin_org_ids()))
    or athlete_id = any (array(select private.coached_athlete_ids()))
    or athlete_id = any (array(select private.own_athlete_ids()))
  );

drop policy "The athlete and their coaches can edit workout logs" on public.workout_logs;
create policy "The athlete and their coaches can edit workout logs"
  on public.workout_logs for update to authenticated
  using (
    org_id = any (array(select private.roster_admin_org_ids()))
    or athlete_id = any (array(select private.coached_athlete_ids()))
    or athlete_id = any (array(select private.own_athlete_ids()))
  )
  with check (
    org_id = any (array(select private.roster_admin_org_ids()))
    or athlete_id = any (array(select private.coached_athlete_ids()))
    or athlete_id = any (array(select private.own_athlete_ids()))
  );

/**
  * -------------------------------------------------------
  * section - what the public, participants and organizers read
  * -------------------------------------------------------
  */
-- a published race for anyone: its plans with prices, the partner discount, the
-- banners of the race page showing today (race zone), and the perks without codes
create function public.race_page(p_race uuid)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_race public.races;
  v_today date;
begin
  select r.* into v_race from public.races r where r.id = p_race;
  if v_race.id is null or not (v_race.status in ('published', 'cancelled')
      or coalesce(private.is_active_member(v_race.org_id, (select auth.uid()), 'admin'), false)) then
    raise exception 'no such race' using errcode = 'P0002', hint = 'race_not_found';
  end if;
  perform private.require_feature('race_partnerships', v_race.org_id);
  v_today := (now() at time zone v_race.time_zone)::date;
  return jsonb_build_object(
    'id', v_race.id, 'orgId', v_race.org_id, 'name', v_race.name, 'raceDate', v_race.race_date,
    'timeZone', v_race.time_zone, 'place', v_race.place, 'distancesM', to_jsonb(v_race.distances_m),
    'status', v_race.status,
    'organizer', (select o.name from public.organizations o where o.id = v_race.org_id),
    'discount', (
      select jsonb_build_object('code', d.code, 'percentOff', d.percent_off)
        from public.partnership_profiles pp join public.discount_codes d on d.id = pp.discount_code_id
       where pp.org_id = v_race.org_id and pp.active and d.active
         and (d.valid_until is null or d.valid_until > now())
         and (d.max_redemptions is null or d.redemptions < d.max_redemptions)),
    'plans', coalesce((
      select jsonb_agg(jsonb_build_object(
               'productId', pr.id, 'name', pr.name, 'description', pr.description,
               'priceMinor', pr.price_minor, 'currency', pr.currency, 'distanceM', rp.distance_m,
               'weeks', tp.weeks, 'startsOn', private.race_plan_start(v_race.race_date, tp.weeks))
             order by rp.distance_m nulls last, pr.name)
        from public.race_plans rp
        join public.products pr on pr.id = rp.product_id and pr.active
        join public.training_plans tp on tp.id = pr.training_plan_id
       where rp.race_id = v_race.id), '[]'::jsonb),
    'placements', coalesce((
      select jsonb_agg(jsonb_build_object('id', pl.id, 'sponsorName', pl.sponsor_name,
               'imageUrl', pl.image_url, 'linkUrl', pl.link_url) order by pl.created_at)
        from public.race_placements pl
       where pl.race_id = v_race.id and pl.slot = 'race_page'
         and v_today between pl.starts_on and pl.ends_on), '[]'::jsonb),
    'perks', coalesce((
      select jsonb_agg(jsonb_build_object('id', pk.id, 'sponsorName', pk.sponsor_name,
               'title', pk.title, 'description', pk.description) order by pk.created_at)
        from public.race_perks pk where pk.race_id = v_race.id), '[]'::jsonb)
  );
end
$$;
comment on function public.race_page(uuid) is
  'a published race for anyone: plans, partner discount, today''s race-page banners, perks without codes';

-- the published races of organizers whose feature is on, soonest first
create function public.upcoming_races(p_limit int default 50)
returns table (id uuid, name text, race_date date, place text, distances_m int[], organizer text)
language sql stable security definer set search_path = ''
as $$
  select r.id, r.name, r.race_date, r.place, r.distances_m, o.name
    from public.races r join public.organizations o on o.id = r.org_id
   where r.status = 'published' and r.race_date >= (now() at time zone r.time_zone)::date
     and private.flag_enabled('race_partnerships', r.org_id)
   order by r.race_date, r.name
   limit least(greatest(coalesce(p_limit, 50), 1), 200)
$$;

-- the caller's race plans: the copy's weeks, the race, the perks with their codes,
-- the banners of the plan slot showing today
create function public.my_race_plans()
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
           'planId', p.id, 'title', p.title, 'weeks', p.weeks, 'openWeeks', coalesce(p.unlocked_weeks, p.weeks),
           'firstWeek', coalesce(p.first_week, 1), 'startDate', p.start_date, 'status', p.status,
           'race', jsonb_build_object('id', r.id, 'name', r.name, 'raceDate', r.race_date,
                     'timeZone', r.time_zone, 'place', r.place),
           'perks', coalesce((
             select jsonb_agg(jsonb_build_object('id', pk.id, 'sponsorName', pk.sponsor_name,
                      'title', pk.title, 'description', pk.description, 'code', pk.code) order by pk.created_at)
               from public.race_perks pk where pk.race_id = r.id), '[]'::jsonb),
           'placements', coalesce((
             select jsonb_agg(jsonb_build_object('id', pl.id, 'sponsorName', pl.sponsor_name,
                      'imageUrl', pl.image_url, 'linkUrl', pl.link_url) order by pl.created_at)
               from public.race_placements pl
              where pl.race_id = r.id and pl.slot = 'athlete_plan'
                and (now() at time zone r.time_zone)::date between pl.starts_on and pl.ends_on), '[]'::jsonb))
           order by r.race_date, p.title), '[]'::jsonb)
    from public.training_plans p
    join public.races r on r.id = p.race_id
   where p.kind = 'athlete' and p.status = 'active' and p.deleted_at is null
     and p.athlete_id in (select private.own_athlete_ids())
     and private.flag_enabled('race_partnerships', r.org_id)
$$;
comment on function public.my_race_plans() is 'the caller''s race plans with the race, perk codes and plan banners';

/**
  * -------------------------------------------------------
  * section - placement views and clicks
  * -------------------------------------------------------
  * counted per placement and day, never per person: no visitor, address or account
  * is kept. a placement counts at most 6,000 of each a day, so a script cannot
  * inflate a sponsor's figures without bound.
  */
create table analytics.placement_days (
  placement_id uuid not null references public.race_placements (id) on delete cascade,
  day date not null,
  views int not null default 0,
  clicks int not null default 0,
  primary key (placement_id, day),
  constraint placement_days_counts_check check (views >= 0 and clicks >= 0)
);
comment on table analytics.placement_days is 'a sponsor placement''s views and clicks per day (race zone)';
alter table analytics.placement_days enable row level security;

create function public.race_placement_event(p_placement uuid, p_kind text)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_zone text;
begin
  if p_kind is null or p_kind not in ('view', 'click') then
    raise exception 'an event is a view or a click' using errcode = '22023', hint = 'invalid_event';
  end if;
  select r.time_zone into v_zone
    from public.race_placements pl join public.races r on r.id = pl.race_id
   where pl.id = p_placement and r.status = 'published';
  if v_zone is null then
    return;
  end if;
  if private.hit_rate_limit('placement:' || p_kind || ':' || p_placement, 6000, interval '1 day') > 0 then
    return;
  end if;
  insert into analytics.placement_days as d (placement_id, day, views, clicks)
  values (p_placement, (now() at time zone v_zone)::date,
          (p_kind = 'view')::int, (p_kind = 'click')::int)
  on conflict (placement_id, day) do update
    set views = d.views + excluded.views, clicks = d.clicks + excluded.clicks;
end
$$;
comment on function public.race_placement_event(uuid, text) is 'counts a view or a click of a sponsor placement (anyone)';

-- the organizer's figures per placement: views, clicks, over the placement's dates
create function public.race_placement_stats(p_race uuid)
returns table (placement_id uuid, sponsor_name text, slot text, views bigint, clicks bigint)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_org uuid := (select r.org_id from public.races r where r.id = p_race);
begin
  if v_org is null or not private.is_active_member(v_org, (select auth.uid()), 'admin') then
    raise exception 'only the organizer''s admins read its figures' using errcode = '42501';
  end if;
  perform private.require_feature('race_partnerships', v_org);
  return query
    select pl.id, pl.sponsor_name, pl.slot, coalesce(sum(d.views), 0)::bigint, coalesce(sum(d.clicks), 0)::bigint
      from public.race_placements pl
      left join analytics.placement_days d on d.placement_id = pl.id
     where pl.race_id = p_race
     group by pl.id
     order by pl.created_at;
end
$$;

/**
  * -------------------------------------------------------
  * section - participant analytics
  * -------------------------------------------------------
  * per distance (null: a plan for no one distance) and in total: how many train
  * for the race (active copies of its plans) and their adherence (workouts done of
  * those due by yesterday, race zone). a cell of fewer than 5 people is
  * suppressed, and when one part is suppressed the next smallest is too, so no
  * part is the total minus the others (as club analytics does).
  */
create function public.race_participant_stats(p_race uuid)
returns table (distance_m int, is_total boolean, people int, adherence_percent int, suppressed boolean)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_race public.races;
  v_k constant int := 5;
begin
  select r.* into v_race from public.races r where r.id = p_race;
  if v_race.id is null or not private.is_active_member(v_race.org_id, (select auth.uid()), 'admin') then
    raise exception 'only the organizer''s admins read its participants'' figures' using errcode = '42501';
  end if;
  perform private.require_feature('race_partnerships', v_race.org_id);
  return query
  with copies as (
    select p.id, p.athlete_id, rp.distance_m as dist, p.start_date
      from public.training_plans p
      join public.race_plans rp on rp.product_id = (
        select pu.product_id from public.purchases pu where pu.id = p.purchase_id)
     where p.race_id = p_race and p.kind = 'athlete' and p.status = 'active' and p.deleted_at is null
  ),
  due as (
    select c.dist, c.athlete_id,
           count(w.id) as due_n,
           count(l.id) filter (where l.status = 'done') as done_n
      from copies c
      left join public.plan_workouts w
        on w.plan_id = c.id and w.deleted_at is null and w.type <> 'rest'
       and c.start_date + 7 * (w.week - 1) + (w.day - 1) < (now() at time zone v_race.time_zone)::date
      left join public.workout_logs l on l.workout_id = w.id and l.deleted_at is null
     group by c.dist, c.athlete_id
  ),
  cells as (
    select d.dist, false as total, count(distinct d.athlete_id)::int as n,
           case when sum(d.due_n) > 0 then round(100.0 * sum(d.done_n) / sum(d.due_n))::int end as adh
      from due d group by d.dist
    union all
    select null, true, count(distinct d.athlete_id)::int,
           case when sum(d.due_n) > 0 then round(100.0 * sum(d.done_n) / sum(d.due_n))::int end
      from due d
  ),
  parts as (
    select c.*, row_number() over (order by c.n, c.dist nulls first) as rn,
           count(*) filter (where c.n < v_k) over () as small,
           count(*) over () as parts_n
      from cells c where not c.total
  ),
  hidden as (
    -- a part under k, and the smallest other part when exactly one is under k
    select p.dist, p.total, p.n, p.adh,
           (p.n < v_k or (p.small = 1 and p.rn = 2) or (p.parts_n - p.small) < 1) as hide
      from parts p
    union all
    select c.dist, c.total, c.n, c.adh, c.n < v_k from cells c where c.total
  )
  select h.dist, h.total,
         case when h.hide then null else h.n end,
         case when h.hide then null else h.adh end,
         h.hide
    from hidden h
   order by h.total, h.dist nulls last;
end
$$;
comment on function public.race_participant_stats(uuid) is
  'the organizer''s aggregates: participants and adherence per distance and in total, suppressed under 5 people';

/**
  * -------------------------------------------------------
  * section - policies
  * -------------------------------------------------------
  * the organizer's admins write its races, plans, placements and perks while its
  * feature is on; members of any kind read published races (the public reads
  * race_page). partnership profiles: the organization's admins read theirs and
  * set its contact and code; the platform's admins set tiers and switch them.
  */
alter table public.partnership_profiles enable row level security;
alter table public.races enable row level security;
alter table public.race_plans enable row level security;
alter table public.race_placements enable row level security;
alter table public.race_perks enable row level security;

create policy "Admins and the platform can view partnership profiles"
  on public.partnership_profiles for select to authenticated
  using (org_id = any (array(select private.org_ids_with_role('admin'))) or private.is_platform_admin());
create policy "The platform can add partnership profiles"
  on public.partnership_profiles for insert to authenticated
  with check (private.is_platform_admin());
create policy "Admins and the platform can edit partnership profiles"
  on public.partnership_profiles for update to authenticated
  using (org_id = any (array(select private.org_ids_with_role('admin'))) or private.is_platform_admin())
  with check (org_id = any (array(select private.org_ids_with_role('admin'))) or private.is_platform_admin());

-- tier and active are the platform's; contact and code are the organization's too
create function private.guard_partnership_profile_columns()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- a signed-in caller (the api); the server's own writes carry no user
  if (new.tier is distinct from old.tier or new.active is distinct from old.active)
     and (select auth.uid()) is not null and not private.is_platform_admin() then
    raise exception 'only the platform sets a partnership''s tier and whether it is active'
      using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger guard_partnership_profile_columns before update on public.partnership_profiles
  for each row execute function private.guard_partnership_profile_columns();

create policy "Organizer admins and members can view races"
  on public.races for select to authenticated
  using (
    (org_id = any (array(select private.org_ids_with_role('admin'))) or status in ('published', 'cancelled'))
    and private.flag_enabled('race_partnerships', org_id)
  );
create policy "Organizer admins can add races"
  on public.races for insert to authenticated
  with check (org_id = any (array(select private.race_admin_org_ids())));
create policy "Organizer admins can edit races"
  on public.races for update to authenticated
  using (org_id = any (array(select private.race_admin_org_ids())))
  with check (org_id = any (array(select private.race_admin_org_ids())));
create policy "Organizer admins can delete races"
  on public.races for delete to authenticated
  using (org_id = any (array(select private.race_admin_org_ids())) and status = 'draft');

create policy "Organizer admins can view race plans"
  on public.race_plans for select to authenticated
  using (org_id = any (array(select private.race_admin_org_ids())));
create policy "Organizer admins can add race plans"
  on public.race_plans for insert to authenticated
  with check (org_id = any (array(select private.race_admin_org_ids())));
create policy "Organizer admins can delete race plans"
  on public.race_plans for delete to authenticated
  using (org_id = any (array(select private.race_admin_org_ids())));

create policy "Organizer admins can view placements"
  on public.race_placements for select to authenticated
  using (org_id = any (array(select private.race_admin_org_ids())));
create policy "Organizer admins can add placements"
  on public.race_placements for insert to authenticated
  with check (org_id = any (array(select private.race_admin_org_ids())));
create policy "Organizer admins can edit placements"
  on public.race_placements for update to authenticated
  using (org_id = any (array(select private.race_admin_org_ids())))
  with check (org_id = any (array(select private.race_admin_org_ids())));
create policy "Organizer admins can delete placements"
  on public.race_placements for delete to authenticated
  using (org_id = any (array(select private.race_admin_org_ids())));

create policy "Organizer admins can view perks"
  on public.race_perks for select to authenticated
  using (org_id = any (array(select private.race_admin_org_ids())));
create policy "Organizer admins can add perks"
  on public.race_perks for insert to authenticated
  with check (org_id = any (array(select private.race_admin_org_ids())));
create policy "Organizer admins can edit perks"
  on public.race_perks for update to authenticated
  using (org_id = any (array(select private.race_admin_org_ids())))
  with check (org_id = any (array(select private.race_admin_org_ids())));
create policy "Organizer admins can delete perks"
  on public.race_perks for delete to authenticated
  using (org_id = any (array(select private.race_admin_org_ids())));

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  */
revoke all on public.partnership_profiles, public.races, public.race_plans, public.race_placements,
  public.race_perks from public, anon, authenticated;
revoke all on analytics.placement_days from public, anon, authenticated;
grant all on public.partnership_profiles, public.races, public.race_plans, public.race_placements,
  public.race_perks to service_role;
grant all on analytics.placement_days to service_role;
grant select on public.partnership_profiles to authenticated;
grant insert (org_id, tier, contact_name, contact_email, contact_phone, discount_code_id, active)
  on public.partnership_profiles to authenticated;
grant update (tier, contact_name, contact_email, contact_phone, discount_code_id, active)
  on public.partnership_profiles to authenticated;
grant select, delete on public.races to authenticated;
grant insert (id, org_id, name, race_date, time_zone, place, distances_m, status),
  update (name, race_date, time_zone, place, distances_m, status) on public.races to authenticated;
grant select, delete on public.race_plans to authenticated;
grant insert (id, org_id, race_id, product_id, distance_m) on public.race_plans to authenticated;
grant select, delete on public.race_placements, public.race_perks to authenticated;
grant insert (id, org_id, race_id, slot, sponsor_name, image_url, link_url, starts_on, ends_on),
  update (slot, sponsor_name, image_url, link_url, starts_on, ends_on) on public.race_placements to authenticated;
grant insert (id, org_id, race_id, sponsor_name, title, description, code),
  update (sponsor_name, title, description, code) on public.race_perks to authenticated;

revoke all on function private.is_participant_org(uuid), private.roster_admin_org_ids(), private.race_admin_org_ids(),
  private.guard_partnership_profile(), private.guard_partnership_profile_columns(), private.guard_race(),
  private.guard_race_plan(), private.race_plan_start(date, int), private.plan_week_of(date, int, date)
  from public, anon, authenticated;
grant execute on function private.is_participant_org(uuid), private.roster_admin_org_ids(),
  private.race_admin_org_ids() to authenticated, service_role;
grant execute on function private.race_plan_start(date, int), private.plan_week_of(date, int, date)
  to service_role;
revoke all on function public.race_page(uuid), public.upcoming_races(int), public.my_race_plans(),
  public.race_placement_event(uuid, text), public.race_placement_stats(uuid),
  public.race_participant_stats(uuid) from public, anon;
grant execute on function public.race_page(uuid), public.upcoming_races(int),
  public.race_placement_event(uuid, text) to anon, authenticated, service_role;
grant execute on function public.my_race_plans(), public.race_placement_stats(uuid),
  public.race_participant_stats(uuid) to authenticated, service_role;

/**
  * -------------------------------------------------------
  * section - the public race page's address
  * -------------------------------------------------------
  * /races is the app's: reserved from coach pages' addresses
  * (mirrored by src/domain/reserved-slugs.ts).
  */
do $$
declare
  v_slugs text[];
begin
  v_slugs := array(select distinct s from unnest(private.reserved_slugs() || array['races']) s order by s);
  execute format($f$
    create or replace function private.reserved_slugs()
    returns text[]
    language sql immutable parallel safe set search_path = ''
    as $body$ select %L::text[] $body$ $f$, v_slugs);
end
$$;

select sync.watch_access();
