-- seat pools (issue 18, 20261207150000_seat_pools.sql): a seller's admins sell a
-- club seats of a plan; the club's members claim them, its admins assign and
-- revoke; a claimed seat is a paid purchase at zero that makes the member's copy of
-- the plan, a revoked one refunds it; the club's admins and the claiming member see
-- a claim, nobody else; everything refuses when running_clubs is off for the club.
--
-- fixture: tests.create_tenancy_fixture(). club A buys; school B sells a two-week
-- plan of its coach (`coach_b`) as a product.
begin;
select plan(33);
select tests.create_tenancy_fixture();

insert into public.training_plans (id, org_id, coach_id, title, kind, weeks) values
  ('66000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-00000000000b',
   tests.get_supabase_uid('coach_b'), 'К полумарафону', 'template', 2);
insert into public.plan_workouts (org_id, plan_id, week, day, position, type, title, duration_min) values
  ('10000000-0000-4000-8000-00000000000b', '66000000-0000-4000-8000-000000000001', 1, 1, 0, 'run',
   'Лёгкий бег', 40);
insert into public.products (id, org_id, kind, name, price_minor, currency, training_plan_id) values
  ('66000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-00000000000b', 'product',
   'План к полумарафону', 300000, 'RUB', '66000000-0000-4000-8000-000000000001'),
  ('66000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-00000000000b', 'product',
   'Футболка', 150000, 'RUB', null);

-- making a pool -----------------------------------------------------------------------------------------
select is(tests.try_as('admin', $$select count(*) from public.create_seat_pool('10000000-0000-4000-8000-00000000000a',
  '66000000-0000-4000-8000-000000000002', 3, 250000)$$),
  '42501', 'the buying club''s admin cannot sell themselves seats');
select is(tests.try_as('coach_b', $$select count(*) from public.create_seat_pool('10000000-0000-4000-8000-00000000000a',
  '66000000-0000-4000-8000-000000000002', 3, 250000)$$),
  '42501', 'nor can the seller''s coach');
select is(tests.try_as('admin_b', $$select count(*) from public.create_seat_pool('10000000-0000-4000-8000-00000000000a',
  '66000000-0000-4000-8000-000000000003', 3, 250000)$$),
  '22023', 'seats are of a product that gives a plan');
select is(tests.try_as('admin_b', $$select count(*) from public.create_seat_pool('10000000-0000-4000-8000-00000000000a',
  '66000000-0000-4000-8000-000000000002', 0, 250000)$$),
  '23514', 'a pool has at least one seat');
select tests.authenticate_as('admin_b');
create temporary table pool as
  select public.create_seat_pool('10000000-0000-4000-8000-00000000000a', '66000000-0000-4000-8000-000000000002',
    3, 250000, 'весенний набор') as id;
reset role;
grant select on pool to authenticated;
select is((select seats || '/' || claimed || '/' || currency from public.seat_pools where id = (select id from pool)),
  '3/0/RUB', 'the seller''s admin sells the club three seats, in the product''s currency');
select is(tests.try_as('admin', $$insert into public.seat_pools (org_id, seller_org_id, product_id, seats,
  price_per_seat_minor, currency) values ('10000000-0000-4000-8000-00000000000a', '10000000-0000-4000-8000-00000000000b',
  '66000000-0000-4000-8000-000000000002', 100, 0, 'RUB')$$),
  '42501', 'nobody writes a pool directly');

-- who sees the pool -------------------------------------------------------------------------------------
select is(tests.try_as('member', $$select count(*) from public.seat_pools$$), '1', 'a member of the club sees it');
select is(tests.try_as('admin_b', $$select count(*) from public.seat_pools$$), '1', 'the seller''s admin sees it');
select is(tests.try_as('coach_b', $$select count(*) from public.seat_pools$$), '0', 'the seller''s coach does not');
select is(tests.try_as('outsider', $$select count(*) from public.seat_pools$$), '0', 'nor does an outsider');
select is(tests.try_as('anon', $$select count(*) from public.seat_pools$$), '42501', 'anon is refused outright');

-- claiming ---------------------------------------------------------------------------------------------
select tests.authenticate_as('athlete');
select ok(public.claim_seat((select id from pool)) is not null, 'a member of the club claims a seat');
reset role;
select is(tests.try_as('athlete', $$select count(*) from public.claim_seat((select id from pool))$$),
  '23505', 'one seat per member');
select is(tests.try_as('outsider', $$select count(*) from public.claim_seat((select id from pool))$$),
  '42501', 'someone outside the club cannot claim');
select is((select count(*)::int from public.purchases
            where org_id = '10000000-0000-4000-8000-00000000000b' and user_id = tests.get_supabase_uid('athlete')
              and status = 'paid' and amount_minor = 0),
  1, 'the seat is a paid purchase at zero in the seller''s club');
select is((select role from public.memberships
            where org_id = '10000000-0000-4000-8000-00000000000b' and user_id = tests.get_supabase_uid('athlete')),
  'member', 'the member joins the seller''s club as a member');
select is((select count(*)::int from public.training_plans p join public.athletes a on a.id = p.athlete_id
            where a.user_id = tests.get_supabase_uid('athlete') and p.source_plan_id = '66000000-0000-4000-8000-000000000001'
              and p.status = 'active'),
  1, 'and gets their own copy of the plan');

-- who sees the claim ------------------------------------------------------------------------------------
select is(tests.try_as('athlete', $$select count(*) from public.seat_claims$$), '1', 'the member sees their claim');
select is(tests.try_as('admin', $$select count(*) from public.seat_claims$$), '1', 'the club''s admin sees it');
select is(tests.try_as('member', $$select count(*) from public.seat_claims$$), '0', 'another member does not');
select is(tests.try_as('admin_b', $$select count(*) from public.seat_claims$$), '0', 'nor does the seller''s admin');

-- assigning, a full pool, revoking --------------------------------------------------------------------------
select is(tests.try_as('coach', $$select count(*) from public.assign_seat((select id from pool), tests.get_supabase_uid('member'))$$),
  '42501', 'a coach of the club cannot assign seats');
select tests.authenticate_as('admin');
select ok(public.assign_seat((select id from pool), tests.get_supabase_uid('member')) is not null,
  'the club''s admin assigns a member a seat');
reset role;
select tests.authenticate_as('coach');
select ok(public.claim_seat((select id from pool)) is not null, 'a coach of the club claims the last seat');
reset role;
select tests.authenticate_as('owner');
select is(tests.hint_of($$select public.claim_seat((select id from pool))$$), 'pool_full',
  'a fourth claim on three seats is refused: the pool is full');
reset role;
select is(tests.try_as('member', $$select count(*) from public.revoke_seat((select id from public.seat_claims
  where user_id = tests.get_supabase_uid('athlete')))$$), '42501', 'a member cannot revoke a seat');
select tests.authenticate_as('admin');
select lives_ok($$select public.revoke_seat((select id from public.seat_claims
  where user_id = tests.get_supabase_uid('athlete')))$$, 'the club''s admin revokes the athlete''s seat');
reset role;
select is((select claimed from public.seat_pools where id = (select id from pool)), 2, 'the seat is free again');
select is((select count(*)::int from public.training_plans p join public.athletes a on a.id = p.athlete_id
            where a.user_id = tests.get_supabase_uid('athlete') and p.status = 'archived'),
  1, 'the athlete''s copy of the plan is archived (the purchase refunded)');
select tests.authenticate_as('owner');
select ok(public.claim_seat((select id from pool)) is not null, 'and someone else may take it');
reset role;

-- the feature off ---------------------------------------------------------------------------------------
insert into public.feature_flag_overrides (flag_key, org_id, enabled)
  values ('running_clubs', '10000000-0000-4000-8000-00000000000a', false);
select is(tests.try_as('member', $$select count(*) from public.seat_pools$$), '0',
  'with running_clubs off the club''s pools are not there');
select is(tests.try_as('admin', $$select count(*) from public.seat_claims$$), '0', 'nor its claims');
select tests.authenticate_as('athlete');
select is(tests.hint_of($$select public.claim_seat((select id from pool))$$), 'feature_disabled',
  'and claiming answers feature_disabled');
reset role;

select * from finish();
rollback;
