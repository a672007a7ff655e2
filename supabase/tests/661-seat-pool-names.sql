-- seat pools' names (20261207151000_seat_pool_names.sql): the buying club's members
-- read whose plan a pool holds — the seller's name and the plan's title, which
-- their own policies on organizations and training_plans do not show them — and
-- nothing of another club's pools, nor anything while running_clubs is off.
--
-- fixture: tests.create_tenancy_fixture(). club A buys; school B sells a plan.
begin;
select plan(7);
select tests.create_tenancy_fixture();

insert into public.training_plans (id, org_id, coach_id, title, kind, weeks) values
  ('66100000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-00000000000b',
   tests.get_supabase_uid('coach_b'), 'К полумарафону', 'template', 2);
insert into public.products (id, org_id, kind, name, price_minor, currency, training_plan_id) values
  ('66100000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-00000000000b', 'product',
   'План к полумарафону (продажа)', 300000, 'RUB', '66100000-0000-4000-8000-000000000001');
select tests.authenticate_as('admin_b');
select public.create_seat_pool('10000000-0000-4000-8000-00000000000a', '66100000-0000-4000-8000-000000000002',
  5, 250000);
reset role;

select is(tests.try_as('member', $$select count(*) from public.organizations where id = '10000000-0000-4000-8000-00000000000b'$$),
  '0', 'a member of the buying club cannot read the seller''s organization itself');
select tests.authenticate_as('member');
select results_eq(
  $$select seller_name, plan_title from public.seat_pool_names('10000000-0000-4000-8000-00000000000a')$$,
  $$values ('School B', 'К полумарафону')$$,
  'but reads the seller''s name and the plan''s title of its club''s pool');
reset role;
select is(tests.try_as('admin', $$select count(*) from public.seat_pool_names('10000000-0000-4000-8000-00000000000a')$$),
  '1', 'so does the club''s admin');
select is(tests.try_as('outsider', $$select count(*) from public.seat_pool_names('10000000-0000-4000-8000-00000000000a')$$),
  '42501', 'someone outside the club is refused');
select is(tests.try_as('member', $$select count(*) from public.seat_pool_names('10000000-0000-4000-8000-00000000000b')$$),
  '42501', 'and a member asking about another club is refused');
select is(tests.try_as('anon', $$select count(*) from public.seat_pool_names('10000000-0000-4000-8000-00000000000a')$$),
  '42501', 'anon cannot run it');

insert into public.feature_flag_overrides (flag_key, org_id, enabled)
  values ('running_clubs', '10000000-0000-4000-8000-00000000000a', false);
select is(tests.try_as('member', $$select count(*) from public.seat_pool_names('10000000-0000-4000-8000-00000000000a')$$),
  '0', 'with running_clubs off it names nothing');

select * from finish();
rollback;
