-- the partner dashboard (issue 16, 20261206173000_partner_dashboard.sql): referrals
-- are redeemed once, by the new club's owner, within 30 days; partners never see
-- each other's referrals, commissions or deals; the first claim on a prospect wins
-- until it ends; materials follow the tier; the white-label brand reaches a
-- managed club's members and, as four fields only, anonymous visitors of its
-- coaches' pages; a tier without white-label cannot set a brand.
--
-- fixture: partner A (reseller, gold) manages club M and referred club C; partner
-- B (partner, silver); club O was created 40 days ago; P is the platform.
begin;
select plan(52);

select tests.create_supabase_user(u) from unnest(array[
  'pa_owner', 'pa_coach', 'pb_owner', 'c_owner', 'c_admin', 'o_owner', 'm_owner', 'm_member',
  'platform', 'stranger']) u;

insert into public.organizations (id, kind, name, slug, created_at) values
  ('98600000-0000-4000-8000-0000000000a1', 'reseller', 'Partner A', 'partner-a-986', now()),
  ('98600000-0000-4000-8000-0000000000b1', 'partner', 'Partner B', 'partner-b-986', now()),
  ('98600000-0000-4000-8000-0000000000c1', 'club', 'Club C', 'club-c-986', now() - interval '2 days'),
  ('98600000-0000-4000-8000-0000000000d1', 'club', 'Club O', 'club-o-986', now() - interval '40 days'),
  ('98600000-0000-4000-8000-0000000000e1', 'club', 'Club M', 'club-m-986', now()),
  ('98600000-0000-4000-8000-0000000000f1', 'platform', 'Platform', 'platform-986', now());
insert into public.memberships (org_id, user_id, role) values
  ('98600000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('pa_owner'), 'owner'),
  ('98600000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('pa_coach'), 'coach'),
  ('98600000-0000-4000-8000-0000000000b1', tests.get_supabase_uid('pb_owner'), 'owner'),
  ('98600000-0000-4000-8000-0000000000c1', tests.get_supabase_uid('c_owner'), 'owner'),
  ('98600000-0000-4000-8000-0000000000c1', tests.get_supabase_uid('c_admin'), 'admin'),
  ('98600000-0000-4000-8000-0000000000d1', tests.get_supabase_uid('o_owner'), 'owner'),
  ('98600000-0000-4000-8000-0000000000e1', tests.get_supabase_uid('m_owner'), 'owner'),
  ('98600000-0000-4000-8000-0000000000e1', tests.get_supabase_uid('m_member'), 'member'),
  ('98600000-0000-4000-8000-0000000000f1', tests.get_supabase_uid('platform'), 'owner');
insert into public.partner_profiles (org_id, program, tier, referral_code, brand_name, brand_logo_url,
                                     brand_color, brand_accent_color, email_sender_name) values
  ('98600000-0000-4000-8000-0000000000a1', 'reseller', 'gold', 'PARTNERA', 'Brand A',
   'https://cdn.a.test/logo.svg', '#0b3d91', '#ffd400', 'Brand A Mail'),
  ('98600000-0000-4000-8000-0000000000b1', 'referral', 'silver', 'PARTNERB', null, null, null, null, null);
insert into public.partner_clients (partner_org_id, client_org_id, origin, status) values
  ('98600000-0000-4000-8000-0000000000a1', '98600000-0000-4000-8000-0000000000e1', 'created', 'active');
insert into public.coach_pages (org_id, coach_id, slug, published, display_name) values
  ('98600000-0000-4000-8000-0000000000e1', tests.get_supabase_uid('m_owner'), 'm-coach-986', true, 'M Coach');

-- referrals -----------------------------------------------------------------------------------
select is(tests.try_as('c_admin', $$select public.redeem_referral_code('98600000-0000-4000-8000-0000000000c1', 'PARTNERA')$$),
  '42501', 'an admin who is not the owner cannot name the referrer');
select is(tests.try_as('stranger', $$select public.redeem_referral_code('98600000-0000-4000-8000-0000000000c1', 'PARTNERA')$$),
  '42501', 'a stranger cannot name a club''s referrer');
select is(tests.try_as('c_owner', $$select public.redeem_referral_code('98600000-0000-4000-8000-0000000000c1', 'NOSUCHCD')$$),
  'P0001', 'an unknown code is refused');
select is(tests.try_as('o_owner', $$select public.redeem_referral_code('98600000-0000-4000-8000-0000000000d1', 'PARTNERA')$$),
  'P0001', 'a club older than 30 days cannot take a code');
select is(tests.try_as('pb_owner', $$select public.redeem_referral_code('98600000-0000-4000-8000-0000000000b1', 'PARTNERA')$$),
  'P0001', 'a partner organization cannot be referred');
select is(tests.try_as('anon', $$select public.redeem_referral_code('98600000-0000-4000-8000-0000000000c1', 'PARTNERA')$$),
  '42501', 'anon cannot redeem a code');

select tests.authenticate_as('c_owner');
select is(public.redeem_referral_code('98600000-0000-4000-8000-0000000000c1', ' partnera '),
  '{"partnerName": "Partner A"}'::jsonb, 'the new club''s owner names the partner by its code, any case');
reset role;
select is(tests.try_as('c_owner', $$select public.redeem_referral_code('98600000-0000-4000-8000-0000000000c1', 'PARTNERB')$$),
  'P0001', 'a club names its referrer once');
select is((select partner_org_id from public.partner_referrals where club_org_id = '98600000-0000-4000-8000-0000000000c1'),
  '98600000-0000-4000-8000-0000000000a1'::uuid, 'the referral is partner A''s');
select is(tests.try_as('c_owner', $$insert into public.partner_referrals (club_org_id, partner_org_id, code)
  values ('98600000-0000-4000-8000-0000000000d1', '98600000-0000-4000-8000-0000000000b1', 'PARTNERB')$$),
  '42501', 'nobody inserts a referral directly');

select is(tests.try_as('pa_coach', $$select count(*) from public.partner_referrals$$), '1', 'partner A''s members see its referral');
select is(tests.try_as('pb_owner', $$select count(*) from public.partner_referrals$$), '0', 'partner B sees none of A''s referrals');
select is(tests.try_as('c_owner', $$select count(*) from public.partner_referrals$$), '1', 'the referred club sees its own referral');
select is(tests.try_as('platform', $$select count(*) from public.partner_referrals$$), '1', 'platform admins see referrals');
select is(tests.try_as('pa_owner', $$select count(*) from public.partner_referred_clubs('98600000-0000-4000-8000-0000000000a1')$$),
  '1', 'partner A lists the club that came with its code');
select is(tests.try_as('pb_owner', $$select count(*) from public.partner_referred_clubs('98600000-0000-4000-8000-0000000000a1')$$),
  '42501', 'partner B cannot list A''s referred clubs');
select is(private.partner_score('98600000-0000-4000-8000-0000000000a1'), 2,
  'the tier score counts the active managed club and the active referred club');

-- commissions ---------------------------------------------------------------------------------
-- a payment before the referral (not counted), one after it in march, partly refunded
update public.partner_referrals set created_at = '2026-03-01 00:00+00'
 where club_org_id = '98600000-0000-4000-8000-0000000000c1';
insert into public.products (id, org_id, kind, name, price_minor, currency) values
  ('98600000-0000-4000-8000-000000000101', '98600000-0000-4000-8000-0000000000c1', 'product', 'Shirt', 100000, 'RUB');
insert into public.purchases (org_id, user_id, product_id, kind, product_name, amount_minor, currency, status,
                              paid_at, refunded_minor) values
  ('98600000-0000-4000-8000-0000000000c1', tests.get_supabase_uid('c_owner'), '98600000-0000-4000-8000-000000000101',
   'product', 'Shirt', 100000, 'RUB', 'paid', '2026-02-20 10:00+00', 0),
  ('98600000-0000-4000-8000-0000000000c1', tests.get_supabase_uid('c_owner'), '98600000-0000-4000-8000-000000000101',
   'product', 'Shirt', 100000, 'RUB', 'refunded', '2026-03-10 10:00+00', 20000),
  ('98600000-0000-4000-8000-0000000000c1', tests.get_supabase_uid('c_owner'), '98600000-0000-4000-8000-000000000101',
   'product', 'Shirt', 100000, 'RUB', 'pending', '2026-03-11 10:00+00', 0);

select tests.authenticate_as('pa_owner');
select results_eq(
  $$select month, currency, revenue_minor, commission_rate, commission_minor
      from public.partner_commissions('98600000-0000-4000-8000-0000000000a1', '2026-01-01', '2026-12-31')$$,
  $$values ('2026-03-01'::date, 'RUB'::text, 80000::bigint, 0.1500::numeric, 12000::bigint)$$,
  'commission: paid revenue after the referral minus refunds, times the gold rate');
reset role;
select is(tests.try_as('pb_owner', $$select count(*) from public.partner_commissions('98600000-0000-4000-8000-0000000000a1', '2026-01-01', '2026-12-31')$$),
  '42501', 'partner B cannot read A''s commissions');
select is(tests.try_as('c_owner', $$select count(*) from public.partner_commissions('98600000-0000-4000-8000-0000000000a1', '2026-01-01', '2026-12-31')$$),
  '42501', 'the referred club cannot read its partner''s commissions');
select is(tests.try_as('platform', $$select count(*) from public.partner_commissions('98600000-0000-4000-8000-0000000000a1', '2026-01-01', '2026-12-31')$$),
  '1', 'platform admins read any partner''s commissions');

-- deal registration ---------------------------------------------------------------------------
select tests.authenticate_as('pa_coach');
select is((public.register_partner_deal('98600000-0000-4000-8000-0000000000a1', 'Prospect Club',
  'Info@Prospect.test', 'Казань', null)).status, 'registered', 'partner A''s staff claim a prospect');
reset role;
select is((select expires_at - created_at from public.partner_deals where prospect_email = 'info@prospect.test'),
  interval '90 days', 'a claim lasts 90 days');
select is(tests.try_as('pb_owner', $$select public.register_partner_deal('98600000-0000-4000-8000-0000000000b1', 'Same Club', 'info@PROSPECT.test')$$),
  'P0001', 'a second partner''s claim on the same prospect is refused');
select is(tests.try_as('pa_owner', $$select public.register_partner_deal('98600000-0000-4000-8000-0000000000a1', 'Again', 'info@prospect.test')$$),
  'P0001', 'and so is a second claim by the same partner');
select throws_ok(
  $$insert into public.partner_deals (partner_org_id, prospect_name, prospect_email)
    values ('98600000-0000-4000-8000-0000000000b1', 'Race', 'INFO@prospect.test')$$,
  '23505', null, 'the index holds the first claim even for a direct insert racing the rpc');
select is(tests.try_as('pb_owner', $$select public.register_partner_deal('98600000-0000-4000-8000-0000000000a1', 'Theirs', 'x@y.test')$$),
  '42501', 'partner B cannot register a deal in A''s name');
select is(tests.try_as('stranger', $$select public.register_partner_deal('98600000-0000-4000-8000-0000000000a1', 'X', 'x@y.test')$$),
  '42501', 'a stranger cannot register deals');
select is(tests.try_as('pa_owner', $$select public.register_partner_deal('98600000-0000-4000-8000-0000000000a1', 'Bad', 'not an email')$$),
  '23514', 'a malformed email is refused by the table''s check');
select is(tests.try_as('pa_owner', $$select count(*) from public.partner_deals$$), '1', 'partner A sees its deal');
select is(tests.try_as('pb_owner', $$select count(*) from public.partner_deals$$), '0', 'partner B sees none of A''s deals');
select is(tests.try_as('platform', $$select count(*) from public.partner_deals$$), '1', 'platform admins see all deals');
select is(tests.try_as('pb_owner', $$update public.partner_deals set status = 'lost'$$), '0', 'partner B cannot close A''s deal');
select is(tests.try_as('pa_owner', $$update public.partner_deals set prospect_name = 'Renamed'$$), '42501',
  'a registered deal''s prospect cannot be edited');

-- the claim ends: the next partner's registration expires it and wins
update public.partner_deals set expires_at = now() - interval '1 minute' where prospect_email = 'info@prospect.test';
select tests.authenticate_as('pb_owner');
select is((public.register_partner_deal('98600000-0000-4000-8000-0000000000b1', 'Prospect Club', 'info@prospect.test')).status,
  'registered', 'once the first claim has ended, another partner may claim the prospect');
reset role;
select is((select status from public.partner_deals where partner_org_id = '98600000-0000-4000-8000-0000000000a1'),
  'expired', 'the ended claim is marked expired');
select tests.authenticate_as('pb_owner');
select is((public.close_partner_deal((select id from public.partner_deals limit 1), true)).status, 'won',
  'the partner marks its deal won');
reset role;
select is(tests.try_as('pb_owner', $$select public.close_partner_deal((select id from public.partner_deals limit 1), false)$$),
  'P0001', 'a closed deal stays closed');

-- materials -----------------------------------------------------------------------------------
select is(tests.try_as('pb_owner', $$select count(*) from public.partner_materials$$), '2', 'silver reads the silver materials');
select is(tests.try_as('pa_coach', $$select count(*) from public.partner_materials$$), '3', 'gold reads silver and gold materials');
select is(tests.try_as('stranger', $$select count(*) from public.partner_materials$$), '0', 'a non-partner reads no materials');
select is(tests.try_as('anon', $$select count(*) from public.partner_materials$$), '42501', 'anon reads no materials');

-- white-label ---------------------------------------------------------------------------------
select is(tests.try_as('pb_owner', $$update public.partner_profiles set brand_color = '#112233'$$), '42501',
  'a silver partner cannot set a brand');
select is(tests.try_as('pb_owner', $$update public.partner_profiles set website = 'https://b.test'$$), '1',
  'a silver partner still edits its company details');
select is(tests.try_as('pa_owner', $$update public.partner_profiles set brand_color = '#112233'$$), '1',
  'a gold partner sets its brand');

select tests.authenticate_as('m_member');
select is(public.club_brand('98600000-0000-4000-8000-0000000000e1') ->> 'name', 'Brand A',
  'a managed club''s member sees its partner''s brand');
reset role;
select tests.authenticate_as('c_owner');
select is(public.club_brand('98600000-0000-4000-8000-0000000000e1'), null, 'a non-member gets no brand of the club');
reset role;

select tests.clear_authentication();
select is(public.public_coach_brand('m-coach-986'),
  '{"name": "Brand A", "logoUrl": "https://cdn.a.test/logo.svg", "color": "#0b3d91", "accentColor": "#ffd400"}'::jsonb,
  'anon reads only the four brand fields on a managed club''s coach page');
reset role;
select is(tests.try_as('anon', $$select count(*) from public.partner_profiles$$), '42501', 'anon reads no partner profile');

insert into private.email_outbox (id, kind, user_id, org_id, dedupe_key) values
  ('98600000-0000-4000-8000-000000000201', 'purchase_confirmation', tests.get_supabase_uid('m_member'),
   '98600000-0000-4000-8000-0000000000e1', 'test-986'),
  ('98600000-0000-4000-8000-000000000202', 'purchase_confirmation', tests.get_supabase_uid('c_owner'),
   '98600000-0000-4000-8000-0000000000c1', 'test-986-c');
select results_eq(
  $$select id, sender_name from public.email_sender_names(array['98600000-0000-4000-8000-000000000201',
    '98600000-0000-4000-8000-000000000202']::uuid[])$$,
  $$values ('98600000-0000-4000-8000-000000000201'::uuid, 'Brand A Mail'::text)$$,
  'a managed club''s email carries the partner''s sender name; an unmanaged club''s does not');
select is(tests.try_as('m_owner', $$select count(*) from public.email_sender_names(array[]::uuid[])$$), '42501',
  'only the dispatcher reads sender names');

-- demotion takes the brand away at the next read
update public.partner_profiles set tier = 'silver' where org_id = '98600000-0000-4000-8000-0000000000a1';
select tests.clear_authentication();
select is(public.public_coach_brand('m-coach-986'), null, 'a demoted partner''s brand leaves the coach page');
reset role;

select * from finish();
rollback;
