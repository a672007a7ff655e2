-- purchase expiry: the sweep that expires abandoned checkouts (the server and its
-- job only), the buyer's resume/cancel helpers (the checkout function only) and
-- checkout.session.expired ending a pending purchase as expired.
begin;
select plan(17);
select tests.create_tenancy_fixture();

insert into public.products (id, org_id, kind, name, price_minor, currency) values
  ('30000000-0000-4000-8000-000000000915', '10000000-0000-4000-8000-00000000000a', 'product',
   'Футболка', 150000, 'RUB');
-- three checkouts of the athlete: abandoned two days ago, started an hour ago, paid long ago
insert into public.purchases (id, org_id, user_id, product_id, kind, product_name, amount_minor,
  currency, status, stripe_checkout_session_id, created_at)
select v.id::uuid, '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('athlete'),
       '30000000-0000-4000-8000-000000000915', 'product', 'Футболка', 150000, 'RUB', v.status,
       v.session, now() - v.age::interval
  from (values
    ('40000000-0000-4000-8000-000000000001', 'pending', 'cs_915_old', '2 days'),
    ('40000000-0000-4000-8000-000000000002', 'pending', 'cs_915_young', '1 hour'),
    ('40000000-0000-4000-8000-000000000003', 'paid', 'cs_915_paid', '3 days'),
    ('40000000-0000-4000-8000-000000000004', 'pending', 'cs_915_webhook', '1 hour')
  ) as v (id, status, session, age);

-- the job --------------------------------------------------------------------------------------
select ok(
  exists (select from private.scheduled_jobs
           where name = 'expire-stale-purchases'
             and command = 'select private.expire_stale_purchases()'),
  'the sweep is a scheduled job');

-- denied: nobody through the api may sweep, cancel or look up checkouts
select is(tests.try_as('anon', 'select private.expire_stale_purchases()'), '42501',
  'anon may not run the sweep');
select is(tests.try_as('athlete', 'select private.expire_stale_purchases()'), '42501',
  'a signed-in user may not run the sweep');
select is(tests.try_as('owner', 'select private.expire_stale_purchases()'), '42501',
  'not even an owner may run the sweep');
select is(tests.try_as('athlete', $$select public.purchase_close(auth.uid(),
  '40000000-0000-4000-8000-000000000002', 'canceled')$$), '42501',
  'a buyer cannot close a purchase around the checkout function (and Stripe)');
select is(tests.try_as('athlete', $$select public.purchase_checkout(auth.uid(),
  '40000000-0000-4000-8000-000000000002')$$), '42501',
  'a buyer cannot read session ids directly');
select is(tests.try_as('athlete', $$update public.purchases set status = 'canceled'$$), '42501',
  'a buyer cannot set a status');

-- allowed: the server (service role) and the job
select ok(has_function_privilege('service_role', 'private.expire_stale_purchases()', 'execute'),
  'the service role may run the sweep');
select ok(has_function_privilege('service_role', 'public.purchase_close(uuid, uuid, text)', 'execute'),
  'the checkout function may close a purchase');

select is(private.expire_stale_purchases(), 1, 'the sweep expires the one abandoned checkout');
select results_eq(
  $$select status from public.purchases where id::text like '40000000-%' order by id$$,
  $$values ('expired'), ('pending'), ('paid'), ('pending')$$,
  'only a pending purchase older than 24 h expires; the young one and the paid one stay');
select is(private.expire_stale_purchases(), 0, 'running the sweep again changes nothing');

-- checkout.session.expired ---------------------------------------------------------------------
select is(public.stripe_apply_event(jsonb_build_object('id', 'evt_915_exp', 'type',
  'checkout.session.expired', 'created', extract(epoch from now())::bigint,
  'purchaseId', '40000000-0000-4000-8000-000000000004', 'sessionId', 'cs_915_webhook')) ->> 'outcome',
  'applied', 'the webhook applies checkout.session.expired');
select is((select status from public.purchases where id = '40000000-0000-4000-8000-000000000004'),
  'expired', 'and the purchase is expired, not canceled');

-- the buyer's cancel ---------------------------------------------------------------------------
select throws_ok($$select public.purchase_close(tests.get_supabase_uid('coach'),
  '40000000-0000-4000-8000-000000000002', 'canceled')$$, 'P0002', 'no such purchase',
  'someone else''s purchase is not found');
select is(public.purchase_close(tests.get_supabase_uid('athlete'),
  '40000000-0000-4000-8000-000000000002', 'canceled') ->> 'status', 'canceled',
  'the buyer''s pending purchase is canceled');
select is(public.purchase_close(tests.get_supabase_uid('athlete'),
  '40000000-0000-4000-8000-000000000003', 'canceled') ->> 'status', 'paid',
  'a paid purchase is never canceled');

select * from finish();
rollback;
