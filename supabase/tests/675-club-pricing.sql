-- club pricing (issue 18, 20261207160500_club_pricing.sql): a club's partner
-- discount is its members' price at checkout, without a code; a typed code counts
-- when it is better; an outsider pays the list price; nothing while the
-- partnership is inactive or running_clubs is off for the club.
--
-- fixture: tests.create_tenancy_fixture(); club A sells a 10 000 ₽ package and
-- names its code CLUB10 (10 %) as its partner discount.
begin;
select plan(11);
select tests.create_tenancy_fixture();

insert into public.products (id, org_id, kind, name, price_minor, currency) values
  ('67500000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-00000000000a', 'product', 'Абонемент',
   1000000, 'RUB');
insert into public.discount_codes (id, org_id, code, percent_off) values
  ('67500000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-00000000000a', 'CLUB10', 10),
  ('67500000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-00000000000a', 'BIG20', 20),
  ('67500000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-00000000000a', 'SMALL5', 5);
insert into public.partnership_profiles (org_id, discount_code_id) values
  ('10000000-0000-4000-8000-00000000000a', '67500000-0000-4000-8000-000000000002');

create function pg_temp.pay(p_user text, p_code text default null) returns text
language sql as $$
  select concat_ws('/', j->>'amountMinor', coalesce(j->>'percentOff', '-'), j->>'memberPrice')
    from (select public.checkout_prepare(tests.get_supabase_uid(p_user), '67500000-0000-4000-8000-000000000001',
                                         p_code) as j) x
$$;

select is(pg_temp.pay('member'), '900000/10/true', 'a member of the club pays the member price without a code');
select is(pg_temp.pay('member', 'big20'), '800000/20/false', 'a better code typed counts instead');
select is(pg_temp.pay('member', 'SMALL5'), '900000/10/true', 'a worse one does not lower the member price');
select is(tests.hint_of($$select pg_temp.pay('member', 'NOPE')$$), 'invalid_discount_code',
  'a code that is not valid is still refused');
select is(pg_temp.pay('outsider'), '1000000/-/false', 'someone outside the club pays the list price');
select is(pg_temp.pay('outsider', 'CLUB10'), '900000/10/false', 'and may use the code like anyone');
select is(tests.try_as('member', $$select count(*) from public.my_member_prices() where percent_off = 10$$), '1',
  'a member learns their club''s member price');
select is(tests.try_as('outsider', $$select count(*) from public.my_member_prices()$$), '0',
  'an outsider has none');

update public.partnership_profiles set active = false where org_id = '10000000-0000-4000-8000-00000000000a';
select is(pg_temp.pay('member'), '1000000/-/false', 'an inactive partnership gives no member price');
update public.partnership_profiles set active = true where org_id = '10000000-0000-4000-8000-00000000000a';
insert into public.feature_flag_overrides (flag_key, org_id, enabled) values
  ('running_clubs', '10000000-0000-4000-8000-00000000000a', false);
select is(pg_temp.pay('member'), '1000000/-/false', 'nor does a club whose running_clubs feature is off');
select is(tests.try_as('member', $$select count(*) from public.my_member_prices()$$), '0',
  'and it names none');

select * from finish();
rollback;
