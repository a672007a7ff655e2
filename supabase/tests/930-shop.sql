-- shop: who edits which product (admins the club's and every coach's, a coach
-- only their own), package items (read with their package, written by whoever
-- edits it, same club only), guest purchases (never paid without an account) and
-- the public checkout rpcs (service role only; anon reads the offer).
begin;
select plan(44);
select tests.create_tenancy_fixture();

-- fixtures (as the owner): a club package, a package and a shirt of `coach`, a
-- product of `coach2`, a product of club B
insert into public.products (id, org_id, coach_id, kind, name, price_minor, currency, credits, valid_days, listed) values
  ('93000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-00000000000a', null,
   'package', '8 тренировок', 640000, 'RUB', 8, 60, true),
  ('93000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   'package', '4 персональные', 1000000, 'RUB', 4, 30, true),
  ('93000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   'product', 'Футболка', 150000, 'RUB', null, null, false),
  ('93000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach2'),
   'product', 'План тренировок', 300000, 'RUB', null, null, true),
  ('93000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-00000000000b', null,
   'product', 'Кепка', 90000, 'RUB', null, null, true);
insert into public.package_items (id, org_id, package_id, product_id, quantity) values
  ('93000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-00000000000a',
   '93000000-0000-4000-8000-000000000002', '93000000-0000-4000-8000-000000000003', 1),
  ('93000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-00000000000a',
   '93000000-0000-4000-8000-000000000002', '93000000-0000-4000-8000-000000000001', 1);

-- rls and privileges ------------------------------------------------------------------------
select tests.rls_enabled('public', 'package_items');
select ok(not has_table_privilege('anon', 'public.package_items', 'insert')
          and not has_table_privilege('anon', 'public.package_items', 'delete'), 'anon cannot write package items');
select ok(not has_table_privilege('authenticated', 'private.purchase_guests', 'select'),
  'clients cannot read guests'' emails');
select ok(not has_function_privilege('anon', 'public.public_checkout_prepare(uuid, text, text, text, text)', 'execute')
          and not has_function_privilege('authenticated', 'public.public_checkout_prepare(uuid, text, text, text, text)', 'execute'),
  'only the checkout function creates guest purchases');
select ok(not has_function_privilege('authenticated', 'public.guest_purchase_attach(uuid, uuid)', 'execute'),
  'clients cannot attach a purchase to an account');
select ok(not has_function_privilege('anon', 'public.public_checkout_gate(text, text)', 'execute'),
  'anon cannot reset or spend rate limits');
select ok(not has_function_privilege('anon', 'public.checkout_offer(uuid)', 'execute')
          and not has_function_privilege('authenticated', 'public.checkout_offer(uuid)', 'execute'),
  'the offer is served by the checkout function, not run by clients');

-- products: allowed and denied ----------------------------------------------------------------
select is(tests.try_as('admin', $$update public.products set price_minor = 1 where id = '93000000-0000-4000-8000-000000000001'$$),
  '1', 'admin: edits the club''s package');
select is(tests.try_as('admin', $$update public.products set price_minor = 1 where id = '93000000-0000-4000-8000-000000000002'$$),
  '1', 'admin: edits a coach''s package');
select is(tests.try_as('coach', $$update public.products set price_minor = 1 where id = '93000000-0000-4000-8000-000000000002'$$),
  '1', 'coach: edits their own package');
select is(tests.try_as('coach', $$update public.products set price_minor = 1 where id = '93000000-0000-4000-8000-000000000001'$$),
  '0', 'coach: cannot edit the club''s package');
select is(tests.try_as('coach', $$update public.products set price_minor = 1 where id = '93000000-0000-4000-8000-000000000004'$$),
  '0', 'coach: cannot edit another coach''s product');
select is(tests.try_as('coach', $$update public.products set coach_id = null where id = '93000000-0000-4000-8000-000000000002'$$),
  '42501', 'coach: cannot hand their product to the club');
select is(tests.try_as('coach', $$update public.products set org_id = '10000000-0000-4000-8000-00000000000b' where id = '93000000-0000-4000-8000-000000000002'$$),
  '42501', 'coach: cannot move a product to another club');
select is(tests.try_as('athlete', $$update public.products set price_minor = 1 where id = '93000000-0000-4000-8000-000000000002'$$),
  '0', 'athlete: cannot edit products');
select is(tests.try_as('admin_b', $$update public.products set price_minor = 1 where id = '93000000-0000-4000-8000-000000000001'$$),
  '0', 'admin of another club: cannot edit club A''s products');
select is(tests.try_as('coach', format($$insert into public.products (org_id, coach_id, kind, name, price_minor, currency, credits, valid_days)
  values ('10000000-0000-4000-8000-00000000000a', %L, 'package', '2 тренировки', 100, 'RUB', 2, 30)$$, tests.get_supabase_uid('coach'))),
  '1', 'coach: creates their own package');
select is(tests.try_as('coach', $$insert into public.products (org_id, kind, name, price_minor, currency)
  values ('10000000-0000-4000-8000-00000000000a', 'product', 'Клубная вещь', 100, 'RUB')$$),
  '42501', 'coach: cannot create a product of the club');
select is(tests.try_as('coach', format($$insert into public.products (org_id, coach_id, kind, name, price_minor, currency)
  values ('10000000-0000-4000-8000-00000000000a', %L, 'product', 'Чужое', 100, 'RUB')$$, tests.get_supabase_uid('coach2'))),
  '42501', 'coach: cannot create a product in another coach''s name');
select is(tests.try_as('admin', $$insert into public.products (org_id, kind, name, price_minor, currency)
  values ('10000000-0000-4000-8000-00000000000a', 'product', 'Клубная вещь', 100, 'RUB')$$),
  '1', 'admin: creates a product of the club');
select is(tests.try_as('member', $$insert into public.products (org_id, kind, name, price_minor, currency)
  values ('10000000-0000-4000-8000-00000000000a', 'product', 'x', 100, 'RUB')$$),
  '42501', 'member: cannot create products');
select is(tests.try_as('admin', $$insert into public.products (org_id, kind, name, price_minor, currency, credits)
  values ('10000000-0000-4000-8000-00000000000a', 'package', 'Без срока', 100, 'RUB', 5)$$),
  '23514', 'a package without validity is refused by the database');

-- package items ----------------------------------------------------------------------------------
select is(tests.try_as('anon', $$select count(*) from public.package_items where package_id = '93000000-0000-4000-8000-000000000002'$$),
  '2', 'anon: reads the items of a listed package');
select is(tests.try_as('athlete', $$select count(*) from public.package_items$$),
  '2', 'athlete: reads the items of a package on sale');
select is(tests.try_as('coach', $$insert into public.package_items (org_id, package_id, product_id, quantity)
  values ('10000000-0000-4000-8000-00000000000a', '93000000-0000-4000-8000-000000000002', '93000000-0000-4000-8000-000000000004', 2)$$),
  '1', 'coach: adds a product to their own package');
select is(tests.try_as('coach', $$insert into public.package_items (org_id, package_id, product_id)
  values ('10000000-0000-4000-8000-00000000000a', '93000000-0000-4000-8000-000000000001', '93000000-0000-4000-8000-000000000003')$$),
  '42501', 'coach: cannot add to the club''s package');
select is(tests.try_as('coach', $$delete from public.package_items where id = '93000000-0000-4000-8000-0000000000a1'$$),
  '1', 'coach: removes an item of their own package');
select is(tests.try_as('coach2', $$delete from public.package_items where id = '93000000-0000-4000-8000-0000000000a1'$$),
  '0', 'another coach: cannot remove it');
select is(tests.try_as('admin', $$update public.package_items set quantity = 3 where id = '93000000-0000-4000-8000-0000000000a1'$$),
  '1', 'admin: changes a coach''s package');
select is(tests.try_as('admin', $$insert into public.package_items (org_id, package_id, product_id)
  values ('10000000-0000-4000-8000-00000000000a', '93000000-0000-4000-8000-000000000002', '93000000-0000-4000-8000-000000000005')$$),
  '23503', 'a package bundles products of its own club only');
select is(tests.try_as('admin', $$update public.package_items set quantity = 0 where id = '93000000-0000-4000-8000-0000000000a1'$$),
  '23514', 'a quantity below 1 is refused');
select is(tests.try_as('admin', $$insert into public.package_items (org_id, package_id, product_id)
  values ('10000000-0000-4000-8000-00000000000a', '93000000-0000-4000-8000-000000000003', '93000000-0000-4000-8000-000000000004')$$),
  '23514', 'only a package bundles products');

-- guest purchases --------------------------------------------------------------------------------
select tests.authenticate_as_service_role();
select set_config('t.g1', public.public_checkout_prepare('93000000-0000-4000-8000-000000000002',
  'Guest@Example.com', 'Гость', null, 'en') ->> 'purchaseId', true);
select is((select credits from public.purchases where id = current_setting('t.g1')::uuid), 12,
  'a bundle grants its own credits and those of the packages it contains (4 + 8)');
select lives_ok($$select public.public_checkout_attach(current_setting('t.g1')::uuid, 'cs_guest_1', 'https://pay.test/1')$$,
  'the session is attached');
select is(public.public_checkout_prepare('93000000-0000-4000-8000-000000000002', 'guest@example.com', 'Гость') ->> 'purchaseId',
  current_setting('t.g1'), 'the same email and product get the open checkout again');
select throws_ok($$select public.public_checkout_prepare('93000000-0000-4000-8000-000000000003', 'g@example.com', 'Гость')$$,
  'P0002', null, 'an unlisted product cannot be bought by a guest');
select throws_ok($$select public.public_checkout_prepare('93000000-0000-4000-8000-000000000002', 'not-an-email', 'Гость')$$,
  '22023', null, 'a bad email is refused');
select throws_ok($$update public.purchases set status = 'paid' where id = current_setting('t.g1')::uuid$$,
  '23514', null, 'a purchase cannot be paid without an account');
select is(public.guest_purchase_buyer(jsonb_build_object('type', 'checkout.session.completed',
  'purchaseId', current_setting('t.g1'), 'sessionId', 'cs_guest_1', 'amountTotal', 1000000, 'currency', 'rub',
  'paymentStatus', 'paid')) ->> 'email', 'Guest@Example.com', 'a paid guest checkout names the guest to attach');
select is(public.guest_purchase_buyer(jsonb_build_object('type', 'checkout.session.completed',
  'purchaseId', current_setting('t.g1'), 'sessionId', 'cs_guest_1', 'amountTotal', 1, 'currency', 'rub',
  'paymentStatus', 'paid')), '{}'::jsonb, 'an amount that differs attaches nobody');
select is(public.guest_purchase_attach(current_setting('t.g1')::uuid, tests.get_supabase_uid('outsider')) ->> 'attached',
  'true', 'the purchase is attached to the account');
select is((select role from public.memberships where org_id = '10000000-0000-4000-8000-00000000000a'
  and user_id = tests.get_supabase_uid('outsider')), 'member', 'and the buyer is a member of the club');
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select is(public.checkout_offer('93000000-0000-4000-8000-000000000003'), null,
  'an unlisted product has no offer');
select is(public.checkout_offer('93000000-0000-4000-8000-000000000002') ->> 'credits', '12',
  'a listed bundle''s offer counts the credits of what it contains');
select tests.clear_authentication();

select * from finish();
rollback;
