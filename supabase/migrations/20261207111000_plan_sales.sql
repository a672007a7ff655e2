-- plan sales (issue 17): a storefront product can sell a training plan, which
-- then opens week by week.
--
--   products.training_plan_id   a template of the product's club. when a purchase
--                               of such a product becomes paid, the buyer's athlete
--                               record in the club (made if there is none) gets a
--                               kind = 'athlete' copy from the purchase's local date,
--                               with unlocked_weeks = 1.
--   training_plans.purchase_id  the purchase a copy was sold by (the server's
--                               column): a refund archives that copy, a repeated
--                               webhook makes no second one.
--   unlock-sold-plan-weeks      an hourly job: unlocked_weeks follows the weeks
--                               begun in the buyer's zone. policies read no clock:
--                               the core's select policy on plan_workouts reads
--                               unlocked_weeks, this job writes it. hourly rather
--                               than daily, so each zone's midnight is met within
--                               the hour it passes.

/**
  * -------------------------------------------------------
  * section - columns
  * -------------------------------------------------------
  */
alter table public.products add column training_plan_id uuid;
alter table public.products add constraint products_training_plan_fkey
  foreign key (training_plan_id, org_id)
  references public.training_plans (id, org_id) on delete set null (training_plan_id);
create index products_training_plan_idx on public.products (training_plan_id, org_id)
  where training_plan_id is not null;
comment on column public.products.training_plan_id is
  'a plan template of the club this product sells: its buyer gets a copy that opens week by week';
-- the club's staff choose it as they edit the product (products_*_staff policies)
grant insert (training_plan_id), update (training_plan_id) on public.products to authenticated;

alter table public.training_plans add column purchase_id uuid;
alter table public.training_plans add constraint training_plans_purchase_fkey
  foreign key (purchase_id, org_id)
  references public.purchases (id, org_id) on delete set null (purchase_id);
-- one copy per purchase, whatever repeats the paid event
create unique index training_plans_purchase_key on public.training_plans (purchase_id)
  where purchase_id is not null;
comment on column public.training_plans.purchase_id is
  'the purchase that sold this copy (set by the server); a refund archives the copy';

-- the copy's bookkeeping stays the server's: a device never pushes it
update sync.tables set server_columns = array_append(server_columns, 'purchase_id')
 where table_name = 'training_plans' and not ('purchase_id' = any (server_columns));

/**
  * -------------------------------------------------------
  * section - a product sells a template
  * -------------------------------------------------------
  */
create function private.guard_product_training_plan()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.training_plan_id is not null and not exists (
    select from public.training_plans p
     where p.id = new.training_plan_id and p.org_id = new.org_id
       and p.kind = 'template' and p.deleted_at is null
  ) then
    raise exception 'a product sells a plan template of its own club'
      using errcode = '23514', constraint = 'products_training_plan_template', hint = 'training_plan_id';
  end if;
  return new;
end
$$;
create trigger guard_product_training_plan before insert or update of training_plan_id, org_id
  on public.products for each row execute function private.guard_product_training_plan();
revoke all on function private.guard_product_training_plan() from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * section - a paid purchase makes the buyer's copy, a refund archives it
  * -------------------------------------------------------
  * a trigger on public.purchases, as courses enrol: whatever makes a purchase paid
  * (the webhook, a free checkout) gives the plan. no other purchase path makes an
  * athlete record, so this one makes it when the buyer has none in the club.
  */
create function private.plan_purchase_copies()
returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_template public.training_plans;
  v_zone text;
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
    -- the buyer's record in the club: an active one first, else any live one
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
       unlocked_weeks, purchase_id)
    values
      (new.org_id, v_template.coach_id, v_template.title, v_template.description, 'athlete',
       v_athlete, v_template.id, (coalesce(new.paid_at, now()) at time zone v_zone)::date,
       v_template.weeks, 1, new.id)
    returning id into v_copy;
    insert into public.plan_workouts
      (org_id, plan_id, week, day, position, type, title, duration_min, distance_m, intensity,
       pace_s_per_km, hr_zone, rpe, notes)
    select w.org_id, v_copy, w.week, w.day, w.position, w.type, w.title, w.duration_min,
           w.distance_m, w.intensity, w.pace_s_per_km, w.hr_zone, w.rpe, w.notes
      from public.plan_workouts w
     where w.plan_id = v_template.id and w.deleted_at is null;
  elsif new.status = 'refunded' and tg_op = 'UPDATE' and old.status is distinct from 'refunded' then
    update public.training_plans p set status = 'archived'
     where p.purchase_id = new.id and p.status <> 'archived';
  end if;
  return null;
end
$$;
create trigger plan_purchase_copies after insert or update of status on public.purchases
  for each row when (new.status in ('paid', 'refunded'))
  execute function private.plan_purchase_copies();
revoke all on function private.plan_purchase_copies() from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * section - weeks open as they begin
  * -------------------------------------------------------
  * a sold copy's week n opens on start_date + 7 (n - 1), local midnight in the
  * buyer's zone (their profile's, else the club's). only ever raises the count.
  */
create function private.unlock_sold_plan_weeks(p_now timestamptz default now())
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_count int;
begin
  with due as (
    select p.id,
           least(p.weeks, greatest(1,
             ((p_now at time zone coalesce(pf.time_zone, o.time_zone, 'UTC'))::date - p.start_date) / 7 + 1
           )) as open_weeks
      from public.training_plans p
      join public.athletes a on a.id = p.athlete_id
      join public.organizations o on o.id = p.org_id
      left join public.profiles pf on pf.id = a.user_id
     where p.purchase_id is not null and p.unlocked_weeks is not null
       and p.status = 'active' and p.deleted_at is null
  )
  update public.training_plans p set unlocked_weeks = due.open_weeks
    from due
   where p.id = due.id and due.open_weeks > p.unlocked_weeks;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;
comment on function private.unlock_sold_plan_weeks(timestamptz) is
  'opens the weeks of sold plans that have begun in the buyer''s zone; returns how many plans changed';
revoke all on function private.unlock_sold_plan_weeks(timestamptz) from public, anon, authenticated;
grant execute on function private.unlock_sold_plan_weeks(timestamptz) to service_role;

insert into private.scheduled_jobs (name, schedule, command, description) values
  ('unlock-sold-plan-weeks', '5 * * * *', 'select private.unlock_sold_plan_weeks()',
   'hourly: a sold plan''s next week opens once it has begun in the buyer''s zone');
select private.schedule_jobs();

select sync.watch_access();
