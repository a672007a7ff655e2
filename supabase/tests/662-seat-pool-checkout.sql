-- a club buys a seat pool through checkout (issue 18, 20261207180000_seat_pool_checkout.sql):
-- the volume price per seat, the club admin's pending purchase in the seller's club,
-- the pool made once when the purchase is paid (however often the webhook repeats),
-- no copy of the plan for the paying admin, a refund closes the pool, and nothing
-- when running_clubs is off for the club.
--
-- fixture: tests.create_tenancy_fixture(). club A buys; school B sells a plan of its
-- coach (`coach_b`) at 3 000 ₽.
begin;
select plan(34);
select tests.create_tenancy_fixture();

insert into public.training_plans (id, org_id, coach_id, title, kind, weeks) values
  ('66200000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-00000000000b',
   tests.get_supabase_uid('coach_b'), 'К полумарафону', 'template', 2);
insert into public.plan_workouts (org_id, plan_id, week, day, position, type, title, duration_min) values
  ('10000000-0000-4000-8000-00000000000b', '66200000-0000-4000-8000-000000000001', 1, 1, 0, 'run',
   'Лёгкий бег', 40);
insert into public.products (id, org_id, kind, name, price_minor, currency, training_plan_id) values
  ('66200000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-00000000000b', 'product',
   'План к полумарафону', 300000, 'RUB', '66200000-0000-4000-8000-000000000001'),
  ('66200000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-00000000000b', 'product',
   'Футболка', 150000, 'RUB', null);

-- the volume price ---------------------------------------------------------------------------------------
select is(
  (select string_agg(n || ':' || private.seat_volume_percent(n) || ':' || private.seat_volume_price(2990, n), ' ' order by n)
     from unnest(array[1, 9, 10, 19, 20, 49, 50, 99, 100, 199, 200, 10000]) n),
  '1:0:2990 9:0:2990 10:5:2840 19:5:2840 20:10:2691 49:10:2691 50:15:2541 99:15:2541 100:20:2392 199:20:2392 200:30:2093 10000:30:2093',
  'the tiers like TrainingPeaks, the price per seat rounded down in minor units');
select is(tests.try_as('member', $$select (public.seat_pool_quote('66200000-0000-4000-8000-000000000002', 25)
  ->> 'totalMinor')::bigint$$), '6750000', 'any signed-in user gets a quote: 25 seats at 2 700 ₽ (−10 %)');
select is(tests.try_as('anon', $$select count(*) from public.seat_pool_quote('66200000-0000-4000-8000-000000000002', 25)$$),
  '42501', 'anon gets none');
select tests.authenticate_as('member');
select is(public.seat_pool_quote('66200000-0000-4000-8000-000000000002', 25) - 'name',
  jsonb_build_object('productId', '66200000-0000-4000-8000-000000000002', 'sellerOrgId', '10000000-0000-4000-8000-00000000000b',
    'seats', 25, 'listPriceMinor', 300000, 'percentOff', 10, 'perSeatMinor', 270000, 'totalMinor', 6750000,
    'currency', 'RUB'), 'the quote: list price, percent off, per seat, total');
select is(tests.hint_of($$select public.seat_pool_quote('66200000-0000-4000-8000-000000000003', 25)$$), 'not_a_plan',
  'seats are of a product that gives a plan');
select is(tests.hint_of($$select public.seat_pool_quote('66200000-0000-4000-8000-000000000002', 10001)$$), 'invalid_seats',
  'at most 10 000 seats');
reset role;

-- what the club's admins may buy seats of ----------------------------------------------------------------
select is(tests.try_as('admin', $$select count(*) from public.seat_pool_offers('10000000-0000-4000-8000-00000000000a')$$),
  '0', 'nothing yet: the plan is not listed on a published coach page and the club holds no pool of it');
insert into public.coach_pages (org_id, coach_id, slug, published, display_name) values
  ('10000000-0000-4000-8000-00000000000b', tests.get_supabase_uid('coach_b'), 'coach-b-662', true, 'Тренер Б');
update public.products set listed = true where org_id = '10000000-0000-4000-8000-00000000000b';
select tests.authenticate_as('admin');
select is((select string_agg(name || '/' || seller_name || '/' || weeks || '/' || held, ' ')
             from public.seat_pool_offers('10000000-0000-4000-8000-00000000000a')),
  'План к полумарафону/School B/2/false', 'listed on a published coach page: the plan product, not the T-shirt');
reset role;
select is(tests.try_as('member', $$select count(*) from public.seat_pool_offers('10000000-0000-4000-8000-00000000000a')$$),
  '42501', 'a member who is not an admin is refused');
select is(tests.try_as('admin_b', $$select count(*) from public.seat_pool_offers('10000000-0000-4000-8000-00000000000b')$$),
  '0', 'a club is not offered its own plans');

-- who may prepare the checkout --------------------------------------------------------------------------
select ok(not has_function_privilege('authenticated', 'public.seat_pool_checkout_prepare(uuid, uuid, uuid, int)', 'execute'),
  'only the checkout function (service role) prepares a pool''s checkout');
select throws_ok(format($$select public.seat_pool_checkout_prepare(%L, '10000000-0000-4000-8000-00000000000a',
  '66200000-0000-4000-8000-000000000002', 25)$$, tests.get_supabase_uid('member')), '42501', null,
  'a member of the club who is not its admin cannot buy seats for it');
select throws_ok(format($$select public.seat_pool_checkout_prepare(%L, '10000000-0000-4000-8000-00000000000a',
  '66200000-0000-4000-8000-000000000002', 25)$$, tests.get_supabase_uid('outsider')), '42501', null,
  'nor can an outsider');
select throws_ok(format($$select public.seat_pool_checkout_prepare(%L, '10000000-0000-4000-8000-00000000000a',
  '66200000-0000-4000-8000-000000000002', 25)$$, tests.get_supabase_uid('admin_b')), '42501', null,
  'nor the seller''s admin for the buying club');
select is(tests.hint_of(format($$select public.seat_pool_checkout_prepare(%L, '10000000-0000-4000-8000-00000000000a',
  '66200000-0000-4000-8000-000000000003', 25)$$, tests.get_supabase_uid('admin'))), 'not_a_plan',
  'the product must give a plan');
select is(tests.hint_of(format($$select public.seat_pool_checkout_prepare(%L, '10000000-0000-4000-8000-00000000000b',
  '66200000-0000-4000-8000-000000000002', 25)$$, tests.get_supabase_uid('admin_b'))), 'own_product',
  'a club does not buy seats of its own plan');
select is(tests.hint_of(format($$select public.seat_pool_checkout_prepare(%L, '10000000-0000-4000-8000-00000000000a',
  '66200000-0000-4000-8000-000000000002', 0)$$, tests.get_supabase_uid('admin'))), 'invalid_seats',
  'at least one seat');
update public.products set active = false where id = '66200000-0000-4000-8000-000000000002';
select is(tests.hint_of(format($$select public.seat_pool_checkout_prepare(%L, '10000000-0000-4000-8000-00000000000a',
  '66200000-0000-4000-8000-000000000002', 25)$$, tests.get_supabase_uid('admin'))), 'product_not_found',
  'a product off sale is not sold');
update public.products set active = true where id = '66200000-0000-4000-8000-000000000002';

-- the club's admin buys 25 seats ------------------------------------------------------------------------------
select set_config('t.p', public.seat_pool_checkout_prepare(tests.get_supabase_uid('admin'),
  '10000000-0000-4000-8000-00000000000a', '66200000-0000-4000-8000-000000000002', 25) ->> 'purchaseId', true);
select is((select org_id || '/' || status || '/' || amount_minor || '/' || percent_off || '/' || product_name
             from public.purchases where id = current_setting('t.p')::uuid and user_id = tests.get_supabase_uid('admin')),
  '10000000-0000-4000-8000-00000000000b/pending/6750000/10/План к полумарафону × 25',
  'a pending purchase of the admin in the seller''s club, for the total');
select is((select count(*)::int from public.seat_pools where org_id = '10000000-0000-4000-8000-00000000000a'), 0,
  'no pool before it is paid');
select lives_ok(format($$select public.checkout_attach(%L, 'cs_662')$$, current_setting('t.p')), 'the session is attached');
select is(public.stripe_apply_event(jsonb_build_object('id', 'evt_662_paid', 'type', 'checkout.session.completed',
  'created', extract(epoch from now())::bigint, 'purchaseId', current_setting('t.p'), 'sessionId', 'cs_662',
  'paymentIntentId', 'pi_662', 'amountTotal', 6750000, 'currency', 'rub', 'paymentStatus', 'paid')) ->> 'outcome',
  'applied', 'the payment is applied');
select is((select seats || '/' || claimed || '/' || price_per_seat_minor || '/' || currency || '/' || status
             from public.seat_pools where org_id = '10000000-0000-4000-8000-00000000000a'),
  '25/0/270000/RUB/active', 'paid: the club holds a pool of 25 seats at the volume price');
select is(public.stripe_apply_event(jsonb_build_object('id', 'evt_662_paid', 'type', 'checkout.session.completed',
  'created', extract(epoch from now())::bigint, 'purchaseId', current_setting('t.p'), 'sessionId', 'cs_662',
  'paymentIntentId', 'pi_662', 'amountTotal', 6750000, 'currency', 'rub', 'paymentStatus', 'paid')) ->> 'outcome',
  'duplicate', 'the webhook repeats the event');
select lives_ok($$select public.stripe_apply_event(jsonb_build_object('id', 'evt_662_again', 'type', 'checkout.session.completed',
  'created', extract(epoch from now())::bigint, 'purchaseId', current_setting('t.p'), 'sessionId', 'cs_662',
  'paymentIntentId', 'pi_662', 'amountTotal', 6750000, 'currency', 'rub', 'paymentStatus', 'paid'))$$,
  'and Stripe sends a second completion');
update public.purchases set status = 'paid' where id = current_setting('t.p')::uuid;
select is((select count(*)::int from public.seat_pools where org_id = '10000000-0000-4000-8000-00000000000a'), 1,
  'still one pool, whatever repeats');
select is((select count(*)::int from public.training_plans where purchase_id = current_setting('t.p')::uuid), 0,
  'the paying admin gets no copy of the plan');
select is((select count(*)::int from public.athletes where org_id = '10000000-0000-4000-8000-00000000000b'
             and user_id = tests.get_supabase_uid('admin')), 0, 'nor an athlete record in the seller''s club');
select is(tests.try_as('member', $$select count(*) from public.seat_pools where seats = 25$$), '1',
  'the club''s members see the pool');
select tests.authenticate_as('member');
select ok(public.claim_seat((select id from public.seat_pools where seats = 25)) is not null,
  'and a member claims a seat of it');
reset role;
select is((select count(*)::int from public.training_plans p join public.athletes a on a.id = p.athlete_id
            where a.user_id = tests.get_supabase_uid('member') and p.source_plan_id = '66200000-0000-4000-8000-000000000001'),
  1, 'the member gets their copy of the plan');

-- a refund closes the pool -------------------------------------------------------------------------------
select is(public.stripe_apply_event(jsonb_build_object('id', 'evt_662_refund', 'type', 'charge.refunded',
  'created', extract(epoch from now())::bigint, 'purchaseId', current_setting('t.p'),
  'paymentIntentId', 'pi_662', 'amountRefunded', 6750000, 'refunded', true)) ->> 'outcome', 'applied',
  'the club''s payment is refunded');
select is((select status || '/' || claimed from public.seat_pools where seats = 25), 'closed/1',
  'the pool is closed; the seat taken stays');

-- the feature off ---------------------------------------------------------------------------------------
insert into public.feature_flag_overrides (flag_key, org_id, enabled)
  values ('running_clubs', '10000000-0000-4000-8000-00000000000a', false);
select is(tests.hint_of(format($$select public.seat_pool_checkout_prepare(%L, '10000000-0000-4000-8000-00000000000a',
  '66200000-0000-4000-8000-000000000002', 25)$$, tests.get_supabase_uid('admin'))), 'feature_disabled',
  'with running_clubs off for the club, its admin cannot buy seats');

select * from finish();
rollback;
