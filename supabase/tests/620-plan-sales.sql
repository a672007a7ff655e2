-- plan sales (issue 17, 20261207111000_plan_sales.sql): a product sells a plan
-- template of its club; a paid purchase gives the buyer a copy from the
-- purchase's local date with week 1 open, the hourly job opens the next weeks as
-- they begin in the buyer's zone, and a refund archives the copy. week 2 is not
-- readable by the buyer until it opens; nobody else's athlete reads it at all.
--
-- fixture: tests.create_tenancy_fixture() (club A, Europe/Moscow). `coach`
-- authors template T (2 weeks: workout W1 in week 1 day 1, W2 in week 2 day 1),
-- sold by product P. `member` has no athlete record in A; `athlete` has a1.
begin;
select plan(25);
select tests.create_tenancy_fixture();

insert into public.training_plans (id, org_id, coach_id, title, kind, weeks) values
  ('62000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-00000000000a',
   tests.get_supabase_uid('coach'), 'T', 'template', 2),
  ('62000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-00000000000b',
   tests.get_supabase_uid('coach_b'), 'TB', 'template', 1);
insert into public.plan_workouts (id, org_id, plan_id, week, day, type, title) values
  ('62000000-0000-4000-8000-000000000011', '10000000-0000-4000-8000-00000000000a',
   '62000000-0000-4000-8000-0000000000a1', 1, 1, 'run', 'W1'),
  ('62000000-0000-4000-8000-000000000021', '10000000-0000-4000-8000-00000000000a',
   '62000000-0000-4000-8000-0000000000a1', 2, 1, 'intervals', 'W2');
insert into public.products (id, org_id, kind, name, price_minor, currency, training_plan_id) values
  ('62000000-0000-4000-8000-0000000000f1', '10000000-0000-4000-8000-00000000000a', 'product', 'P',
   300000, 'RUB', '62000000-0000-4000-8000-0000000000a1');

-- the plans and workouts `p_actor` reads, as titles
create function pg_temp.read_as(p_actor text, p_sql text)
returns text
language plpgsql volatile
as $$
declare
  v text;
begin
  perform tests.authenticate_as(p_actor);
  execute p_sql into v;
  perform set_config('role', 'postgres', true);
  return coalesce(v, '');
end
$$;

-- a product sells a template of its own club ---------------------------------------------------------------
select is(
  tests.try_as('admin', $$update public.products set training_plan_id = '62000000-0000-4000-8000-0000000000b1'
                          where id = '62000000-0000-4000-8000-0000000000f1'$$),
  '23514', 'another club''s plan cannot be sold');
select is(
  tests.try_as('member', $$update public.products set training_plan_id = null
                           where id = '62000000-0000-4000-8000-0000000000f1'$$),
  '0', 'a member cannot change what a product sells');

-- the sale --------------------------------------------------------------------------------------------------
insert into public.purchases (id, org_id, user_id, product_id, kind, product_name, amount_minor, currency) values
  ('62000000-0000-4000-8000-0000000000e1', '10000000-0000-4000-8000-00000000000a',
   tests.get_supabase_uid('member'), '62000000-0000-4000-8000-0000000000f1', 'product', 'P', 300000, 'RUB');
select is((select count(*)::int from public.training_plans where purchase_id is not null), 0,
  'a pending purchase gives no plan');
-- 21:30 utc on 7 December is 00:30 on 8 December in Moscow
update public.purchases set status = 'paid', paid_at = '2026-12-07 21:30:00+00'
 where id = '62000000-0000-4000-8000-0000000000e1';

select is(
  (select a.name || '/' || a.status from public.athletes a
    where a.org_id = '10000000-0000-4000-8000-00000000000a' and a.user_id = tests.get_supabase_uid('member')),
  'member/active', 'the buyer without an athlete record in the club gets one');
select results_eq(
  $$select p.kind, p.start_date, p.weeks, p.unlocked_weeks, p.source_plan_id, p.status
      from public.training_plans p where p.purchase_id = '62000000-0000-4000-8000-0000000000e1'$$,
  $$values ('athlete', date '2026-12-08', 2, 1, '62000000-0000-4000-8000-0000000000a1'::uuid, 'active')$$,
  'the paid purchase makes one copy from the purchase''s local date, week 1 open');
select is((select count(*)::int from public.plan_workouts w join public.training_plans p on p.id = w.plan_id
            where p.purchase_id = '62000000-0000-4000-8000-0000000000e1'), 2,
  'with every workout of the template');

update public.purchases set status = 'pending' where id = '62000000-0000-4000-8000-0000000000e1';
update public.purchases set status = 'paid' where id = '62000000-0000-4000-8000-0000000000e1';
select is((select count(*)::int from public.training_plans where purchase_id is not null), 1,
  'a repeated paid event makes no second copy');

-- who reads the copy -----------------------------------------------------------------------------------------
select is(pg_temp.read_as('member', $$select string_agg(title, ',') from public.training_plans$$), 'T',
  'the buyer reads their copy (and no template)');
select is(pg_temp.read_as('member', $$select string_agg(title, ',' order by title) from public.plan_workouts$$), 'W1',
  'the buyer reads week 1 only: week 2 is locked');
select is(pg_temp.read_as('coach', $$select count(*)::text from public.plan_workouts w
                                     join public.training_plans p on p.id = w.plan_id where p.purchase_id is not null$$),
  '2', 'the author reads every week of the copy');
select is(pg_temp.read_as('athlete', $$select count(*)::text from public.training_plans where purchase_id is not null$$),
  '0', 'another athlete of the club does not read it');
select is(pg_temp.read_as('coach_b', $$select count(*)::text from public.plan_workouts where title in ('W1', 'W2')$$),
  '0', 'nor a coach of another club');

-- the buyer cannot open weeks themself -----------------------------------------------------------------------
select is(
  tests.try_as('member', $$update public.training_plans set unlocked_weeks = 2 where purchase_id is not null$$),
  '42501', 'the buyer cannot raise unlocked_weeks');
select is(
  tests.try_as('coach', $$update public.training_plans set purchase_id = null where purchase_id is not null$$),
  '42501', 'nor anyone unlink a copy from its purchase');
select is(tests.try_as('member', $$select private.unlock_sold_plan_weeks()$$), '42501',
  'nor run the unlocking job');

-- the buyer logs a workout of an open week -----------------------------------------------------------------
select is(
  tests.try_as('member', $$insert into public.workout_logs (id, org_id, workout_id, athlete_id, status, rpe, logged_on)
     select w.id, w.org_id, w.id, p.athlete_id, 'done', 6, '2026-12-08'
       from public.plan_workouts w join public.training_plans p on p.id = w.plan_id
      where p.purchase_id is not null and w.week = 1$$),
  '1', 'the buyer logs week 1''s workout');

-- weeks open as they begin, in the buyer's zone ---------------------------------------------------------------
select is(private.unlock_sold_plan_weeks('2026-12-14 20:59:00+00'), 0,
  'at 23:59 on 14 December in Moscow week 2 has not begun');
select is(pg_temp.read_as('member', $$select count(*)::text from public.plan_workouts$$), '1',
  'so the buyer still reads one workout');
select is(private.unlock_sold_plan_weeks('2026-12-14 21:00:00+00'), 1,
  'at midnight of 15 December in Moscow week 2 opens');
select is(pg_temp.read_as('member', $$select string_agg(title, ',' order by title) from public.plan_workouts$$),
  'W1,W2', 'and the buyer reads it');
select is(private.unlock_sold_plan_weeks('2027-06-01 00:00:00+00'), 0,
  'a plan never opens past its weeks');

-- a buyer with an athlete record gets the copy on it ----------------------------------------------------------
insert into public.purchases (id, org_id, user_id, product_id, kind, product_name, amount_minor, currency, status, paid_at) values
  ('62000000-0000-4000-8000-0000000000e2', '10000000-0000-4000-8000-00000000000a',
   tests.get_supabase_uid('athlete'), '62000000-0000-4000-8000-0000000000f1', 'product', 'P', 300000, 'RUB',
   'paid', '2026-12-07 12:00:00+00');
select is((select athlete_id from public.training_plans where purchase_id = '62000000-0000-4000-8000-0000000000e2'),
  '30000000-0000-4000-8000-0000000000a1'::uuid, 'an athlete who buys gets the copy on their own record');

-- a refund archives the copy ------------------------------------------------------------------------------------
update public.purchases set status = 'refunded', refunded_at = now()
 where id = '62000000-0000-4000-8000-0000000000e1';
select is((select status from public.training_plans where purchase_id = '62000000-0000-4000-8000-0000000000e1'),
  'archived', 'a refund archives the buyer''s copy');
select is((select status from public.training_plans where purchase_id = '62000000-0000-4000-8000-0000000000e2'),
  'active', 'and no other buyer''s');

-- the device learns of it: raising unlocked_weeks is a visibility change the pull reconciles
select ok(
  (select pg_get_triggerdef(t.oid) like '%unlocked_weeks%' from pg_trigger t
    where t.tgrelid = 'public.training_plans'::regclass and t.tgname = 'sync_access_update'),
  'the access epoch watches unlocked_weeks, so an opened week reaches the buyer''s device');

select * from finish();
rollback;
