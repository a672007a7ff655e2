-- money and moyklass: rls on every table, allowed and denied access per role, the
-- service-role rpcs, the credit ledger that never goes negative, stripe events
-- applied exactly once and in any order.
begin;
select plan(117);

-- fixtures (as the migration owner) -------------------------------------------------------
insert into auth.users (id, email) values
  ('00000000-0000-4000-8000-0000000000a1', 'owner-a@money.test'),
  ('00000000-0000-4000-8000-0000000000a2', 'coach-a@money.test'),
  ('00000000-0000-4000-8000-0000000000a3', 'athlete-a@money.test'),
  ('00000000-0000-4000-8000-0000000000b1', 'coach-b@money.test');

insert into public.organizations (id, name, slug) values
  ('00000000-0000-4000-9000-00000000000a', 'Club A', 'money-club-a'),
  ('00000000-0000-4000-9000-00000000000b', 'Club B', 'money-club-b');

insert into public.memberships (org_id, user_id, role) values
  ('00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-8000-0000000000a1', 'owner'),
  ('00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-8000-0000000000a2', 'coach'),
  ('00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-8000-0000000000a3', 'athlete'),
  ('00000000-0000-4000-9000-00000000000b', '00000000-0000-4000-8000-0000000000b1', 'coach');

insert into public.training_groups (id, org_id, name) values
  ('00000000-0000-4000-f000-00000000000a', '00000000-0000-4000-9000-00000000000a', 'Group A1'),
  ('00000000-0000-4000-f000-00000000000c', '00000000-0000-4000-9000-00000000000a', 'Group A2');
insert into public.training_group_coaches (org_id, group_id, user_id) values
  ('00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-f000-00000000000a', '00000000-0000-4000-8000-0000000000a2');

insert into public.athletes (id, org_id, group_id, user_id, name, moyklass_user_id) values
  ('00000000-0000-4000-a000-0000000000a3', '00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-f000-00000000000a', '00000000-0000-4000-8000-0000000000a3', 'Athlete A', 501),
  ('00000000-0000-4000-a000-0000000000a4', '00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-f000-00000000000a', null, 'Athlete A2', null),
  ('00000000-0000-4000-a000-0000000000a5', '00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-f000-00000000000c', null, 'Athlete A3', 503),
  ('00000000-0000-4000-a000-0000000000b3', '00000000-0000-4000-9000-00000000000b', null, null, 'Athlete B', 601);

insert into public.products (id, org_id, kind, name, price_minor, currency, credits, valid_days, active) values
  ('00000000-0000-4000-b000-000000000001', '00000000-0000-4000-9000-00000000000a', 'package', '10 sessions', 1990, 'EUR', 10, 90, true),
  ('00000000-0000-4000-b000-000000000002', '00000000-0000-4000-9000-00000000000a', 'product', 'Old shirt', 500, 'EUR', null, null, false),
  ('00000000-0000-4000-b000-000000000003', '00000000-0000-4000-9000-00000000000b', 'product', 'B shirt', 700, 'EUR', null, null, true);

insert into public.discount_codes (id, org_id, code, percent_off) values
  ('00000000-0000-4000-c000-000000000001', '00000000-0000-4000-9000-00000000000a', 'SPRING15', 15);

-- rls is on everywhere, nothing is open to anon ----------------------------------------------
select ok(bool_and(c.relrowsecurity), 'rls is enabled on every money table')
  from pg_class c
 where c.oid in ('public.products'::regclass, 'public.discount_codes'::regclass,
                 'public.purchases'::regclass, 'public.credit_ledger'::regclass,
                 'public.credit_balances'::regclass, 'public.moyklass_snapshots'::regclass, 'private.stripe_events'::regclass,
                 'private.moyklass_credentials'::regclass);
-- the one exception: anon reads the products a public page lists (storefront)
select is(array_agg(p.tablename || '/' || p.cmd), array['products/SELECT'],
          'no money policy applies to anon or public, but the read of listed products')
  from pg_policies p
 where p.tablename in ('products', 'discount_codes', 'purchases', 'credit_ledger', 'credit_balances',
                       'moyklass_snapshots')
   and p.roles <> '{authenticated}';
select is(count(*)::int, 0, 'at most one permissive policy per table, role and action')
  from (select tablename, cmd, roles from pg_policies
         where tablename in ('products', 'discount_codes', 'purchases', 'credit_ledger', 'credit_balances',
                             'moyklass_snapshots')
         group by tablename, cmd, roles having count(*) > 1) dup;
select ok(not has_table_privilege('anon', 'public.products', 'insert')
          and not has_table_privilege('anon', 'public.products', 'update'), 'anon cannot write products');
select ok(not has_table_privilege('anon', 'public.purchases', 'select'), 'anon cannot read purchases');
select ok(not has_table_privilege('authenticated', 'public.purchases', 'insert'), 'clients cannot insert purchases');
select ok(not has_table_privilege('authenticated', 'public.credit_ledger', 'insert'), 'clients cannot write the ledger');
select ok(not has_table_privilege('authenticated', 'public.credit_balances', 'update'), 'clients cannot write balances');
select ok(not has_table_privilege('authenticated', 'private.moyklass_credentials', 'select'), 'clients cannot read moyklass keys');
select ok(not has_table_privilege('authenticated', 'private.stripe_events', 'select'), 'clients cannot read stripe events');
select ok(not has_function_privilege('authenticated', 'public.stripe_apply_event(jsonb)', 'execute'), 'clients cannot apply stripe events');
select ok(not has_function_privilege('authenticated', 'public.moyklass_prepare(uuid, uuid, uuid[])', 'execute'), 'clients cannot read the moyklass key through the rpc');
select ok(not has_function_privilege('authenticated', 'public.checkout_prepare(uuid, uuid, text)', 'execute'), 'clients cannot create purchases through the rpc');
select ok(not has_function_privilege('anon', 'private.spend_credit(uuid, uuid, uuid)', 'execute'), 'anon cannot spend credits');
select ok(not has_function_privilege('anon', 'public.set_moyklass_api_key(uuid, text)', 'execute'), 'anon cannot set a moyklass key');
select is((select count(*)::int from sync.tables where table_name in
  ('moyklass_snapshots', 'purchases', 'credit_balances')), 3, 'snapshots, purchases and balances are synced');

set local role anon;
select is((select count(*)::int from public.products where not listed), 0,
          'anon: products not listed on a public page are not seen');
select throws_ok($$select * from public.credit_balances$$, '42501', null, 'anon: select balances is denied');
reset role;

-- checkout and stripe events through the service-role rpcs ------------------------------------
set local role service_role;
select set_config('request.jwt.claims', '{"role":"service_role"}', true);
select set_config('t.p1', (public.checkout_prepare('00000000-0000-4000-8000-0000000000a3',
  '00000000-0000-4000-b000-000000000001', ' spring15 ') ->> 'purchaseId'), true);
select is((select amount_minor from public.purchases where id = current_setting('t.p1')::uuid), 1692,
  'the discount is applied to the database price (1990 − 15 %)');
select throws_ok($$select public.checkout_prepare('00000000-0000-4000-8000-0000000000a3',
  '00000000-0000-4000-b000-000000000001', 'NOPE99')$$, '22023', null, 'an unknown discount code is refused');
select throws_ok($$select public.checkout_prepare('00000000-0000-4000-8000-0000000000a3',
  '00000000-0000-4000-b000-000000000002', null)$$, 'P0002', null, 'an inactive product cannot be bought');
select throws_ok($$select public.checkout_prepare('00000000-0000-4000-8000-0000000000a3',
  '00000000-0000-4000-b000-000000000003', 'SPRING15')$$, '22023', null, 'a code of another organization does not apply');
select lives_ok(format($$select public.checkout_attach(%L, 'cs_test_1')$$, current_setting('t.p1')),
  'a checkout session is attached to the purchase');

select is(public.stripe_apply_event(jsonb_build_object('id', 'evt_1', 'type', 'checkout.session.completed',
  'created', extract(epoch from now())::bigint - 4400, 'purchaseId', current_setting('t.p1'), 'sessionId', 'cs_test_1',
  'paymentIntentId', 'pi_1', 'amountTotal', 1692, 'currency', 'eur', 'paymentStatus', 'paid')) ->> 'outcome',
  'applied', 'checkout.session.completed is applied');
select is(public.stripe_apply_event(jsonb_build_object('id', 'evt_1', 'type', 'checkout.session.completed',
  'created', extract(epoch from now())::bigint - 4400, 'purchaseId', current_setting('t.p1'), 'sessionId', 'cs_test_1',
  'paymentIntentId', 'pi_1', 'amountTotal', 1692, 'currency', 'eur', 'paymentStatus', 'paid')) ->> 'outcome',
  'duplicate', 'the same event again is a duplicate');
select is((select status from public.purchases where id = current_setting('t.p1')::uuid), 'paid', 'the purchase is paid');
select is((select balance from public.credit_balances where user_id = '00000000-0000-4000-8000-0000000000a3'),
  10, 'the package granted 10 credits, once');
select is((select redemptions from public.discount_codes where code = 'SPRING15'), 1, 'the code counts one redemption');
select is(public.stripe_apply_event(jsonb_build_object('id', 'evt_2', 'type', 'payment_intent.payment_failed',
  'created', extract(epoch from now())::bigint - 4500, 'purchaseId', current_setting('t.p1'), 'paymentIntentId', 'pi_1')) ->> 'outcome',
  'applied', 'a late payment_failed is recorded');
select is((select status from public.purchases where id = current_setting('t.p1')::uuid), 'paid',
  'a failure arriving after the payment does not undo it');
select is(public.stripe_apply_event(jsonb_build_object('id', 'evt_3', 'type', 'checkout.session.completed',
  'created', extract(epoch from now())::bigint - 4400, 'purchaseId', current_setting('t.p1'), 'sessionId', 'cs_test_1',
  'amountTotal', 1692, 'currency', 'eur', 'paymentStatus', 'paid')) ->> 'note',
  'already paid', 'a second completion event for the same session grants nothing');
select is(public.stripe_apply_event(jsonb_build_object('id', 'evt_4', 'type', 'checkout.session.completed',
  'created', extract(epoch from now())::bigint - 4400, 'purchaseId', '00000000-0000-4000-b000-00000000ffff', 'sessionId', 'cs_unknown',
  'amountTotal', 100, 'currency', 'eur', 'paymentStatus', 'paid')) ->> 'outcome',
  'rejected', 'an event for an unknown purchase is kept as rejected');
select is(public.stripe_apply_event(jsonb_build_object('id', 'evt_5', 'type', 'customer.created',
  'created', extract(epoch from now())::bigint - 4400)) ->> 'outcome', 'ignored', 'an unhandled type is ignored');
select is((select count(*)::int from private.stripe_events), 5, 'every distinct event is recorded once');

-- a refund that overtakes the completion: refunded, no credits
select set_config('t.p2', (public.checkout_prepare('00000000-0000-4000-8000-0000000000a3',
  '00000000-0000-4000-b000-000000000001', null) ->> 'purchaseId'), true);
select is(public.stripe_apply_event(jsonb_build_object('id', 'evt_6', 'type', 'charge.refunded',
  'created', extract(epoch from now())::bigint - 800, 'purchaseId', current_setting('t.p2'), 'paymentIntentId', 'pi_2',
  'amountRefunded', 1990, 'refunded', true)) ->> 'outcome', 'applied', 'an early refund is applied');
select is(public.stripe_apply_event(jsonb_build_object('id', 'evt_7', 'type', 'checkout.session.completed',
  'created', extract(epoch from now())::bigint - 4400, 'purchaseId', current_setting('t.p2'), 'sessionId', 'cs_test_2',
  'paymentIntentId', 'pi_2', 'amountTotal', 1990, 'currency', 'eur', 'paymentStatus', 'paid')) ->> 'note',
  'already refunded', 'the completion after the refund grants nothing');
select is((select status from public.purchases where id = current_setting('t.p2')::uuid), 'refunded',
  'refund then completion ends refunded');
select is((select balance from public.credit_balances where user_id = '00000000-0000-4000-8000-0000000000a3'),
  10, 'and the balance is unchanged');
reset role;

-- products -----------------------------------------------------------------------------------
set local role authenticated;
select set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-8000-0000000000a3","role":"authenticated"}', true);
select results_eq($$select name from public.products order by name$$,
  $$values ('10 sessions'), ('B shirt')$$, 'athlete: sees the active products of every org, not inactive ones');
select throws_ok($$insert into public.products (org_id, kind, name, price_minor, currency)
  values ('00000000-0000-4000-9000-00000000000a', 'product', 'x', 1, 'EUR')$$, '42501', null,
  'athlete: cannot create products');
select is_empty($$update public.products set price_minor = 1 returning id$$, 'athlete: cannot change prices');
select is_empty($$select * from public.discount_codes$$, 'athlete: cannot list discount codes');
select results_eq($$select count(*)::int from public.purchases$$, $$values (2)$$, 'athlete: sees own purchases');
select results_eq($$select sum(delta)::int from public.credit_ledger$$, $$values (10)$$, 'athlete: sees own ledger');
select throws_ok($$update public.purchases set status = 'paid'$$, '42501', null, 'athlete: cannot mark a purchase paid');
select throws_ok($$insert into public.credit_ledger (org_id, user_id, delta, kind)
  values ('00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-8000-0000000000a3', 5, 'adjustment')$$,
  '42501', null, 'athlete: cannot grant credits');
select throws_ok($$select * from private.moyklass_credentials$$, '42501', null, 'athlete: cannot read moyklass keys');
select throws_ok($$select public.stripe_apply_event('{"id":"evt_x","type":"charge.refunded","created":1}')$$,
  '42501', null, 'athlete: cannot call the webhook rpc');

-- spending: never negative, once per booking
select is(private.spend_credit('00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-8000-0000000000a3',
  '00000000-0000-4000-d000-000000000001'), 9, 'athlete: spends one credit for a booking');
select is(private.spend_credit('00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-8000-0000000000a3',
  '00000000-0000-4000-d000-000000000001'), 9, 'spending again for the same booking spends nothing');
select throws_ok($$select private.spend_credit('00000000-0000-4000-9000-00000000000a',
  '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-d000-000000000002')$$, '42501', null,
  'athlete: cannot spend another user''s credits');
select is(private.return_credit('00000000-0000-4000-d000-000000000001'), true, 'a cancellation returns the credit');
select is(private.return_credit('00000000-0000-4000-d000-000000000001'), false, 'but only once');
select is((select balance from public.credit_balances), 10, 'balance back to 10');
select throws_ok($$select private.spend_credit('00000000-0000-4000-9000-00000000000b',
  '00000000-0000-4000-8000-0000000000a3', '00000000-0000-4000-d000-000000000003')$$, 'P0001', 'not enough credits',
  'no credits in another org: the spend is refused');
reset role;

-- spend to zero, then one more fails and the balance stays 0
set local role service_role;
select set_config('request.jwt.claims', '{"role":"service_role"}', true);
select lives_ok($$select private.spend_credit('00000000-0000-4000-9000-00000000000a',
  '00000000-0000-4000-8000-0000000000a3', ('00000000-0000-4000-e000-0000000000' || lpad(n::text, 2, '0'))::uuid)
  from generate_series(1, 10) n$$, 'ten spends use the ten credits');
select throws_ok($$select private.spend_credit('00000000-0000-4000-9000-00000000000a',
  '00000000-0000-4000-8000-0000000000a3', '00000000-0000-4000-e000-000000000099')$$, 'P0001', 'not enough credits',
  'the eleventh spend is refused');
select is((select balance from public.credit_balances where user_id = '00000000-0000-4000-8000-0000000000a3'),
  0, 'the balance is 0, not negative');
select throws_ok($$update public.credit_ledger set delta = 100$$, '42501', null, 'the ledger cannot be updated, even by the service');
select throws_ok($$delete from public.credit_ledger$$, '42501', null, 'the ledger cannot be deleted, even by the service');
-- a refund after every credit was spent takes back nothing (never negative)
select is(public.stripe_apply_event(jsonb_build_object('id', 'evt_8', 'type', 'charge.refunded',
  'created', extract(epoch from now())::bigint - 700, 'purchaseId', current_setting('t.p1'), 'paymentIntentId', 'pi_1',
  'amountRefunded', 1692, 'refunded', true)) ->> 'outcome', 'applied', 'refund of a spent package is applied');
select is((select balance from public.credit_balances where user_id = '00000000-0000-4000-8000-0000000000a3'),
  0, 'and leaves the balance at 0');
reset role;

-- staff ---------------------------------------------------------------------------------------
set local role authenticated;
select set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-8000-0000000000a2","role":"authenticated"}', true);
select results_eq($$select count(*)::int from public.products where org_id = '00000000-0000-4000-9000-00000000000a'$$,
  $$values (2)$$, 'coach: sees inactive products of their org');
-- (a coach's own: the club's products are the admins' since 20261206154000_shop.sql)
select lives_ok($$insert into public.products (org_id, coach_id, kind, name, price_minor, currency, credits, valid_days)
  values ('00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-8000-0000000000a2', 'package', '5 sessions', 1000, 'EUR', 5, 30)$$,
  'coach: creates a package');
select throws_ok($$insert into public.products (org_id, kind, name, price_minor, currency)
  values ('00000000-0000-4000-9000-00000000000b', 'product', 'x', 1, 'EUR')$$, '42501', null,
  'coach: cannot create products in another org');
select throws_ok($$update public.products set org_id = '00000000-0000-4000-9000-00000000000b'
  where id = '00000000-0000-4000-b000-000000000001'$$, '42501', null, 'coach: cannot move a product to another org');
select is_empty($$select * from public.discount_codes$$, 'coach: discount codes are for owners and admins');
select results_eq($$select count(*)::int from public.purchases$$, $$values (2)$$, 'coach: sees the org''s purchases');
select throws_ok($$select public.set_moyklass_api_key('00000000-0000-4000-9000-00000000000a', 'key-of-the-coach')$$,
  '42501', null, 'coach: cannot set the moyklass key');
select set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-8000-0000000000a1","role":"authenticated"}', true);
select lives_ok($$select public.set_moyklass_api_key('00000000-0000-4000-9000-00000000000a', 'mk-secret-key-0001')$$,
  'owner: sets the moyklass key');
select is(public.moyklass_connection('00000000-0000-4000-9000-00000000000a')::text ~ 'mk-secret', false,
  'owner: the connection status never shows the key');
select throws_ok($$select * from private.moyklass_credentials$$, '42501', null, 'owner: cannot read the key back');
select results_eq($$select code from public.discount_codes$$, $$values ('SPRING15')$$, 'owner: sees the codes');
select lives_ok($$insert into public.discount_codes (org_id, code, percent_off)
  values ('00000000-0000-4000-9000-00000000000a', 'AUTUMN10', 10)$$, 'owner: creates a code');
select throws_ok($$insert into public.discount_codes (org_id, code, percent_off)
  values ('00000000-0000-4000-9000-00000000000a', 'AUTUMN10', 20)$$, '23505', null, 'codes are unique per org');

select set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-8000-0000000000b1","role":"authenticated"}', true);
select is_empty($$select * from public.purchases$$, 'coach of another org: sees no purchases');
select is_empty($$delete from public.discount_codes returning id$$, 'coach of another org: deletes no codes');
reset role;

-- moyklass rpcs ---------------------------------------------------------------------------------
set local role service_role;
select set_config('request.jwt.claims', '{"role":"service_role"}', true);
select throws_ok($$select public.moyklass_prepare('00000000-0000-4000-8000-0000000000a3',
  '00000000-0000-4000-9000-00000000000a')$$, '42501', null, 'moyklass sync: an athlete is refused');
select throws_ok($$select public.moyklass_prepare('00000000-0000-4000-8000-0000000000b1',
  '00000000-0000-4000-9000-00000000000a')$$, '42501', null, 'moyklass sync: a coach of another org is refused');
select is(public.moyklass_prepare('00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-9000-00000000000a'),
  '{"apiKey": "mk-secret-key-0001", "athletes": [{"athleteId": "00000000-0000-4000-a000-0000000000a3", "moyklassUserId": 501}], "unlinked": ["00000000-0000-4000-a000-0000000000a4"]}'::jsonb,
  'moyklass sync: a coach gets the key and the athletes of the groups they coach');
select is(jsonb_array_length(public.moyklass_prepare('00000000-0000-4000-8000-0000000000a1',
  '00000000-0000-4000-9000-00000000000a') -> 'athletes'), 2, 'moyklass sync: the owner gets every linked athlete');
select throws_ok($$select public.moyklass_prepare('00000000-0000-4000-8000-0000000000a2',
  '00000000-0000-4000-9000-00000000000a', '{00000000-0000-4000-a000-0000000000a5}')$$, '42501', null,
  'moyklass sync: a coach cannot ask for athletes of a group they do not coach');
select throws_ok($$select public.moyklass_prepare('00000000-0000-4000-8000-0000000000a1',
  '00000000-0000-4000-9000-00000000000a', '{00000000-0000-4000-a000-0000000000b3}')$$, '42501', null,
  'moyklass sync: nor anyone for athletes of another org');
select is(public.moyklass_store_snapshot('00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-9000-00000000000a',
  '2025-2026', '{"athleteIds": ["00000000-0000-4000-a000-0000000000a3"], "snapshots": [{"athleteId": "00000000-0000-4000-a000-0000000000a3", "moyklassId": 7, "status": "active"}]}') ->> 'stored',
  '1', 'moyklass sync: the snapshot is stored');
select throws_ok($$select public.moyklass_store_snapshot('00000000-0000-4000-8000-0000000000a2',
  '00000000-0000-4000-9000-00000000000a', '2025-2026',
  '{"athleteIds": ["00000000-0000-4000-a000-0000000000b3"], "snapshots": []}')$$, '42501', null,
  'moyklass sync: an athlete of another org cannot be stored');
select throws_ok($$select public.moyklass_store_snapshot('00000000-0000-4000-8000-0000000000a2',
  '00000000-0000-4000-9000-00000000000a', '2025',
  '{"athleteIds": [], "snapshots": []}')$$, '22023', null, 'moyklass sync: a season is YYYY-YYYY');
reset role;

set local role authenticated;
select set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-8000-0000000000a3","role":"authenticated"}', true);
select results_eq($$select has_subscription, subscriptions -> 0 ->> 'moyklassId' from public.moyklass_snapshots$$,
  $$values (true, '7')$$, 'athlete: sees their own season snapshot');
select throws_ok($$insert into public.moyklass_snapshots (org_id, athlete_id, season)
  values ('00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-a000-0000000000a3', '2024-2025')$$, '42501', null,
  'athlete: cannot write snapshots');
select set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-8000-0000000000b1","role":"authenticated"}', true);
select is_empty($$select * from public.moyklass_snapshots$$, 'coach of another org: sees no snapshots');
reset role;

-- expiry and refunds across lots (credits go from the lot that expires first) ---------------
insert into public.purchases (id, org_id, user_id, product_id, kind, product_name, credits, valid_days,
  amount_minor, currency, status) values
  ('00000000-0000-4000-b100-000000000001', '00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-8000-0000000000a1',
   '00000000-0000-4000-b000-000000000001', 'package', 'old lot', 5, 30, 1000, 'EUR', 'paid'),
  ('00000000-0000-4000-b100-000000000002', '00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-8000-0000000000a1',
   '00000000-0000-4000-b000-000000000001', 'package', 'new lot', 3, 30, 1000, 'EUR', 'paid');
insert into public.credit_ledger (org_id, user_id, delta, kind, purchase_id, expires_at) values
  ('00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-8000-0000000000a1', 5, 'purchase',
   '00000000-0000-4000-b100-000000000001', now() - interval '1 day'),
  ('00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-8000-0000000000a1', 3, 'purchase',
   '00000000-0000-4000-b100-000000000002', now() + interval '30 days');
-- two sessions were booked before the old lot expired
insert into public.credit_ledger (org_id, user_id, delta, kind, booking_id) values
  ('00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-8000-0000000000a1', -1, 'booking', '00000000-0000-4000-d100-000000000001'),
  ('00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-8000-0000000000a1', -1, 'booking', '00000000-0000-4000-d100-000000000002');
select is(private.expire_credits(), 1, 'the expiry job settles the one expired lot');
select is((select delta from public.credit_ledger where purchase_id = '00000000-0000-4000-b100-000000000001' and kind = 'expiry'),
  -3, 'what is left of the old lot (5 − 2 spent) expires; the new lot is untouched');
select is((select balance from public.credit_balances where user_id = '00000000-0000-4000-8000-0000000000a1'), 3,
  'the balance keeps the valid lot');
select is(private.expire_credits(), 0, 'a settled lot is not expired twice');
set local role service_role;
select set_config('request.jwt.claims', '{"role":"service_role"}', true);
select is(public.stripe_apply_event(jsonb_build_object('id', 'evt_9', 'type', 'charge.refunded',
  'created', extract(epoch from now())::bigint - 600, 'purchaseId', '00000000-0000-4000-b100-000000000002', 'refunded', true,
  'amountRefunded', 1000)) ->> 'outcome', 'applied', 'a refund of the valid lot is applied');
select is((select balance from public.credit_balances where user_id = '00000000-0000-4000-8000-0000000000a1'), 0,
  'its three credits are taken back');
select is(public.stripe_apply_event(jsonb_build_object('id', 'evt_10', 'type', 'charge.refunded',
  'created', extract(epoch from now())::bigint - 500, 'purchaseId', '00000000-0000-4000-b100-000000000001', 'refunded', true,
  'amountRefunded', 1000)) ->> 'outcome', 'applied', 'a refund of the expired lot is applied');
select is((select count(*)::int from public.credit_ledger where purchase_id = '00000000-0000-4000-b100-000000000001' and kind = 'refund'),
  0, 'but takes back nothing: its credits already expired');
reset role;
select ok(exists (select from private.scheduled_jobs where name = 'expire-credits'), 'the expiry job is scheduled');

-- email ------------------------------------------------------------------------------------
select is((select count(*)::int from private.email_outbox where kind = 'purchase_confirmation'
            and user_id = '00000000-0000-4000-8000-0000000000a3'), 1,
  'a paid purchase queues one confirmation (the refunded-before-paid one none)');
select is((select locale from private.email_outbox where kind = 'purchase_confirmation' limit 1), 'ru',
  'in the person''s language (russian by default)');

set local role authenticated;
select set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-8000-0000000000a2","role":"authenticated"}', true);
select lives_ok($$insert into public.email_preferences (kind, enabled) values ('booking_notification', false)$$,
  'coach: switches booking notifications off');
select throws_ok($$insert into public.email_preferences (user_id, kind, enabled)
  values ('00000000-0000-4000-8000-0000000000a3', 'session_reminder', false)$$, '42501', null,
  'coach: cannot switch off someone else''s emails');
select throws_ok($$select * from private.email_outbox$$, '42501', null, 'clients cannot read the outbox');
select throws_ok($$select public.email_claim_batch(10)$$, '42501', null, 'clients cannot claim emails');
select set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-8000-0000000000a3","role":"authenticated"}', true);
select is_empty($$select * from public.email_preferences$$, 'athlete: sees only their own preferences');
reset role;

insert into public.training_sessions (id, org_id, coach_id, member_id, kind, origin, local_date, time_zone, starts_at, ends_at) values
  ('00000000-0000-4000-e100-000000000001', '00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-8000-0000000000a2',
   '00000000-0000-4000-8000-0000000000a3', 'one_to_one', 'one_time_booking', (now() + interval '1 day')::date, 'Europe/Moscow',
   now() + interval '24 hours' - interval '5 minutes', now() + interval '25 hours'),
  ('00000000-0000-4000-e100-000000000002', '00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-8000-0000000000a1',
   '00000000-0000-4000-8000-0000000000a3', 'one_to_one', 'one_time_booking', (now() + interval '1 day')::date, 'Europe/Moscow',
   now() + interval '24 hours' - interval '5 minutes', now() + interval '25 hours');
insert into public.bookings (id, org_id, session_id, coach_id, member_id, created_at) values
  ('00000000-0000-4000-e200-000000000001', '00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-e100-000000000001',
   '00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000a3', now() - interval '3 days'),
  ('00000000-0000-4000-e200-000000000002', '00000000-0000-4000-9000-00000000000a', '00000000-0000-4000-e100-000000000002',
   '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a3', now() - interval '3 days');
select is((select array_agg(kind || ':' || right(user_id::text, 2) order by kind, user_id) from private.email_outbox
            where booking_id is null and kind like 'booking%'),
  '{booking_confirmation:a3,booking_confirmation:a3,booking_notification:a1}'::text[],
  'bookings queue confirmations, and a notification only for the coach who did not opt out');
select is(private.enqueue_session_reminders(), 2, 'reminders are queued when due within 15 minutes');
select is(private.enqueue_session_reminders(), 2, 'running the job again finds them again');
select is((select count(*)::int from private.email_outbox where kind = 'session_reminder'), 2, 'but queues each once');
update public.bookings set status = 'cancelled_by_member', cancelled_at = now()
 where id = '00000000-0000-4000-e200-000000000002';
select is((select count(*)::int from private.email_outbox where kind = 'booking_cancellation'), 2,
  'a member''s cancellation tells the member and the coach');

set local role service_role;
select set_config('request.jwt.claims', '{"role":"service_role"}', true);
select set_config('t.batch', public.email_claim_batch(50)::text, true);
select is((select count(*)::int from jsonb_array_elements(current_setting('t.batch')::jsonb) e
            where e ->> 'kind' = 'session_reminder'), 1, 'the cancelled booking''s reminder is not sent');
select is((select status from private.email_outbox where booking_id = '00000000-0000-4000-e200-000000000002'), 'skipped',
  'it is marked skipped');
select ok((select bool_and(e ->> 'to' like '%@money.test') from jsonb_array_elements(current_setting('t.batch')::jsonb) e),
  'claimed emails carry the recipient address');
select is(public.email_claim_batch(50), '[]'::jsonb, 'claimed emails are not claimed twice');
select lives_ok(format($$select public.email_mark(%L, true)$$,
  current_setting('t.batch')::jsonb -> 0 ->> 'id'), 'a sent email is marked');
select lives_ok(format($$select public.email_mark(%L, false, 'provider timeout', true)$$,
  current_setting('t.batch')::jsonb -> 1 ->> 'id'), 'a failed send is marked for retry');
select is((select status || '/' || (send_after > now())::text from private.email_outbox
            where id = (current_setting('t.batch')::jsonb -> 1 ->> 'id')::uuid), 'pending/true',
  'and waits before the next attempt');
reset role;

select * from finish();
rollback;
