-- races (issue 18, 20261207160000_races.sql): an organizer's admins publish a race
-- with a plan, banners and perks; a bought race plan counts back from race day, a
-- late buyer starts in the current week, and weeks open in the buyer's zone; the
-- organizer reads its participants only as aggregates suppressed under 5 people;
-- perk codes reach participants only; placement views and clicks are counted;
-- everything refuses while race_partnerships is off for the organizer.
--
-- fixture: tests.create_tenancy_fixture() plus a race organizer «Забег» (R) with
-- its owner `race_owner` and coach `race_coach`, and buyers p1..p6.
begin;
select plan(50);
select tests.create_tenancy_fixture();

select tests.create_supabase_user('race_owner');
select tests.create_supabase_user('race_coach');
select tests.create_supabase_user('plat');
insert into public.organizations (id, kind, name, slug) values
  ('67000000-0000-4000-8000-0000000000a0', 'race', 'Забег', 'race-670'),
  ('67000000-0000-4000-8000-0000000000f0', 'platform', 'Platform', 'platform-670');
insert into public.memberships (org_id, user_id, role) values
  ('67000000-0000-4000-8000-0000000000a0', tests.get_supabase_uid('race_owner'), 'owner'),
  ('67000000-0000-4000-8000-0000000000a0', tests.get_supabase_uid('race_coach'), 'coach'),
  ('67000000-0000-4000-8000-0000000000f0', tests.get_supabase_uid('plat'), 'owner');
do $$
begin
  for i in 1..6 loop
    perform tests.create_supabase_user('p' || i);
  end loop;
end
$$;
-- p1 lives in Vladivostok, the rest in Moscow (their profiles' zone)
update public.profiles set time_zone = 'Europe/Moscow'
 where id in (select tests.get_supabase_uid('p' || i) from generate_series(2, 6) i);
update public.profiles set time_zone = 'Asia/Vladivostok' where id = tests.get_supabase_uid('p1');

-- a four-week template with a workout on day 1 of each week
insert into public.training_plans (id, org_id, coach_id, title, kind, weeks) values
  ('67000000-0000-4000-8000-000000000001', '67000000-0000-4000-8000-0000000000a0',
   tests.get_supabase_uid('race_owner'), 'К десятке', 'template', 4);
insert into public.plan_workouts (org_id, plan_id, week, day, position, type, title, duration_min)
select '67000000-0000-4000-8000-0000000000a0', '67000000-0000-4000-8000-000000000001', w, 1, 0, 'run',
       'Бег, неделя ' || w, 40
  from generate_series(1, 4) w;
insert into public.products (id, org_id, kind, name, price_minor, currency, training_plan_id) values
  ('67000000-0000-4000-8000-000000000002', '67000000-0000-4000-8000-0000000000a0', 'product',
   'План к десятке', 200000, 'RUB', '67000000-0000-4000-8000-000000000001'),
  ('67000000-0000-4000-8000-000000000003', '67000000-0000-4000-8000-0000000000a0', 'product',
   'Футболка', 150000, 'RUB', null);
insert into public.discount_codes (id, org_id, code, percent_off) values
  ('67000000-0000-4000-8000-000000000004', '67000000-0000-4000-8000-0000000000a0', 'RACE15', 15),
  ('67000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-00000000000a', 'CLUB10', 10);

-- publishing a race ---------------------------------------------------------------------------------
select is(tests.try_as('admin', $$insert into public.races (org_id, name, race_date)
  values ('10000000-0000-4000-8000-00000000000a', 'Клубный забег', '2027-05-16')$$),
  '23514', 'a club does not organize races: an organizer is a race or a timing company');
select is(tests.try_as('race_coach', $$insert into public.races (org_id, name, race_date)
  values ('67000000-0000-4000-8000-0000000000a0', 'Забег тренера', '2027-05-16')$$),
  '42501', 'the organizer''s coach does not publish races');
select is(tests.try_as('race_owner', $$insert into public.races (org_id, name, race_date, distances_m)
  values ('67000000-0000-4000-8000-0000000000a0', 'Дважды', '2027-05-16', '{10000,10000}')$$),
  '23514', 'a distance is listed once');
select is(tests.try_as('race_owner', $$insert into public.races (org_id, name, race_date, time_zone)
  values ('67000000-0000-4000-8000-0000000000a0', 'Нигде', '2027-05-16', 'Mars/Olympus')$$),
  '23514', 'an unknown zone is refused');
select tests.authenticate_as('race_owner');
insert into public.races (id, org_id, name, race_date, place, distances_m, status) values
  ('67000000-0000-4000-8000-000000000010', '67000000-0000-4000-8000-0000000000a0', 'Весенняя десятка',
   '2027-05-16', 'Москва, Лужники', '{21097,10000}', 'published'),
  ('67000000-0000-4000-8000-000000000011', '67000000-0000-4000-8000-0000000000a0', 'Осенний черновик',
   '2027-10-10', '', '{}', 'draft');
insert into public.race_plans (org_id, race_id, product_id, distance_m) values
  ('67000000-0000-4000-8000-0000000000a0', '67000000-0000-4000-8000-000000000010',
   '67000000-0000-4000-8000-000000000002', 10000);
insert into public.race_placements (id, org_id, race_id, slot, sponsor_name, image_url, link_url, starts_on, ends_on) values
  ('67000000-0000-4000-8000-000000000020', '67000000-0000-4000-8000-0000000000a0',
   '67000000-0000-4000-8000-000000000010', 'race_page', 'Кроссовки+', 'https://example.com/banner.png',
   'https://example.com/shoes', current_date - 1, current_date + 30),
  ('67000000-0000-4000-8000-000000000021', '67000000-0000-4000-8000-0000000000a0',
   '67000000-0000-4000-8000-000000000010', 'race_page', 'Прошлогодний', 'https://example.com/old.png',
   'https://example.com/old', current_date - 60, current_date - 30);
insert into public.race_perks (org_id, race_id, sponsor_name, title, code) values
  ('67000000-0000-4000-8000-0000000000a0', '67000000-0000-4000-8000-000000000010', 'Кроссовки+',
   '20 % на кроссовки', 'SHOES20');
reset role;
select is((select distances_m::text from public.races where id = '67000000-0000-4000-8000-000000000010'),
  '{10000,21097}', 'the organizer''s owner publishes a race; its distances are kept in order');
select is(tests.try_as('race_owner', $$insert into public.race_plans (org_id, race_id, product_id)
  values ('67000000-0000-4000-8000-0000000000a0', '67000000-0000-4000-8000-000000000010',
          '67000000-0000-4000-8000-000000000003')$$),
  '23514', 'a race plan is a product that gives a training plan');
select is(tests.try_as('race_owner', $$insert into public.race_placements (org_id, race_id, slot, sponsor_name,
  image_url, link_url, starts_on, ends_on) values ('67000000-0000-4000-8000-0000000000a0',
  '67000000-0000-4000-8000-000000000010', 'race_page', 'S', 'http://example.com/b.png', 'https://example.com',
  current_date, current_date)$$),
  '23514', 'a banner''s image is https');
select is(tests.try_as('race_owner', $$insert into public.race_perks (org_id, race_id, sponsor_name, title, code)
  values ('67000000-0000-4000-8000-0000000000a0', '67000000-0000-4000-8000-000000000010', 'S', 'T', 'a b')$$),
  '23514', 'a perk code is letters, digits, - and _');

-- who reads a race ----------------------------------------------------------------------------------
select is(tests.try_as('athlete', $$select count(*) from public.races$$), '1',
  'a signed-in person sees the published race, not the draft');
select is(tests.try_as('race_owner', $$select count(*) from public.races$$), '2', 'the organizer''s owner sees both');
select is(tests.try_as('athlete', $$select count(*) from public.race_perks$$), '0', 'perks are not read directly');
select is(tests.try_as('anon', $$select count(*) from public.races$$), '42501', 'anon reads no table');
set local role anon;
create temporary table anon_page on commit drop as
  select public.race_page('67000000-0000-4000-8000-000000000010') as j;
reset role;
select is((select j->>'name' from anon_page), 'Весенняя десятка', 'anon reads the published race''s page');
select is((select jsonb_array_length(j->'placements') from anon_page), 1,
  'with the banner showing today and not the one whose dates are over');
select is((select j->'perks'->0 ? 'code' from anon_page), false, 'and the perks without their codes');
select is((select (j->'plans'->0->>'startsOn') from anon_page), '2027-04-18',
  'a plan of 4 weeks for a race on 16 May starts on 18 April');
select is(tests.try_as('athlete', $$select count(*) from public.race_page('67000000-0000-4000-8000-000000000011')$$), 'P0002',
  'a draft is nobody''s page (race_not_found) but its organizer''s');
select is(tests.try_as('race_owner', $$select count(*) from public.race_page('67000000-0000-4000-8000-000000000011')$$), '1',
  'whose owner previews it');

-- the partner discount ------------------------------------------------------------------------------
insert into public.partnership_profiles (org_id, tier, discount_code_id) values
  ('67000000-0000-4000-8000-0000000000a0', 'gold', '67000000-0000-4000-8000-000000000004');
select is((select public.race_page('67000000-0000-4000-8000-000000000010')->'discount'),
  '{"code": "RACE15", "percentOff": 15}'::jsonb, 'the race page offers the organizer''s partner discount');
select is(tests.try_as('race_owner', $$update public.partnership_profiles set discount_code_id =
  '67000000-0000-4000-8000-000000000005' where org_id = '67000000-0000-4000-8000-0000000000a0'$$),
  '23514', 'a partner discount is one of the organization''s own codes');
select is(tests.try_as('race_owner', $$update public.partnership_profiles set contact_email = 'race@example.com'
  where org_id = '67000000-0000-4000-8000-0000000000a0'$$), '1', 'the organizer sets its contact');
select is(tests.try_as('race_owner', $$update public.partnership_profiles set tier = 'platinum'
  where org_id = '67000000-0000-4000-8000-0000000000a0'$$), '42501', 'but not its tier');
select is(tests.try_as('plat', $$update public.partnership_profiles set tier = 'platinum', active = false
  where org_id = '67000000-0000-4000-8000-0000000000a0'$$), '1', 'the platform''s admin sets the tier and switches it');
select is(tests.try_as('athlete', $$select count(*) from public.partnership_profiles$$), '0',
  'nobody else reads a partnership');

-- buying: the copy counts back from race day --------------------------------------------------------
-- p1 buys on 1 April (before the plan begins on 18 April); p2 on 5 May (week 3)
insert into public.purchases (id, org_id, user_id, product_id, kind, product_name, amount_minor, currency, status, paid_at,
    discount_code_id, percent_off) values
  ('67000000-0000-4000-8000-000000000031', '67000000-0000-4000-8000-0000000000a0', tests.get_supabase_uid('p1'),
   '67000000-0000-4000-8000-000000000002', 'product', 'План к десятке', 170000, 'RUB', 'paid', '2027-04-01 09:00+00',
   '67000000-0000-4000-8000-000000000004', 15),
  ('67000000-0000-4000-8000-000000000032', '67000000-0000-4000-8000-0000000000a0', tests.get_supabase_uid('p2'),
   '67000000-0000-4000-8000-000000000002', 'product', 'План к десятке', 200000, 'RUB', 'paid', '2027-05-05 09:00+00',
   null, null);
select is((select concat_ws('/', start_date, first_week, unlocked_weeks, race_id) from public.training_plans
            where purchase_id = '67000000-0000-4000-8000-000000000031'),
  '2027-04-18/1/1/67000000-0000-4000-8000-000000000010', 'an early buyer''s copy starts on 18 April with week 1 open');
select is((select concat_ws('/', start_date, first_week, unlocked_weeks) from public.training_plans
            where purchase_id = '67000000-0000-4000-8000-000000000032'),
  '2027-04-18/3/3', 'a buyer on 5 May starts in week 3, which is open at once');
select is((select array_agg(w.week order by w.week)::text from public.plan_workouts w
             join public.training_plans p on p.id = w.plan_id
            where p.purchase_id = '67000000-0000-4000-8000-000000000032'),
  '{3,4}', 'the weeks over before the purchase are left out of the late copy');

-- weeks open in the buyer's zone ---------------------------------------------------------------------
-- week 2 begins on 25 April: 00:00 in Vladivostok is 14:00 UTC on 24 April
select is(private.unlock_sold_plan_weeks('2027-04-24 13:30+00'), 0, 'half an hour before, nothing opens');
select is(private.unlock_sold_plan_weeks('2027-04-24 14:30+00') >= 1, true, 'at Vladivostok''s midnight a week opens');
select is((select unlocked_weeks from public.training_plans where purchase_id = '67000000-0000-4000-8000-000000000031'),
  2, 'week 2 of the Vladivostok buyer');

-- participants are private --------------------------------------------------------------------------
select is(tests.try_as('race_owner', $$select count(*) from public.athletes$$), '0',
  'the organizer''s owner reads no participant''s athlete record');
select is(tests.try_as('race_owner', $$select count(*) from public.training_plans where kind = 'athlete'$$), '0',
  'nor their plan copies');
select is(tests.try_as('race_owner', $$select count(*) from public.training_plans where kind = 'template'$$), '1',
  'but reads and builds its templates');
select is(tests.try_as('race_coach', $$select count(*) from public.plan_workouts w join public.training_plans p
  on p.id = w.plan_id where p.kind = 'athlete'$$), '0', 'nor does its coach read the participants'' workouts');
select is(tests.try_as('p1', $$select count(*) from public.training_plans where kind = 'athlete'$$), '1',
  'the participant reads their own copy');
select is(tests.try_as('p1', $$select count(*) from public.plan_workouts$$), '2',
  'and the workouts of the weeks open to them');
select tests.authenticate_as('p1');
create temporary table p1_plans on commit drop as select public.my_race_plans() as j;
reset role;
select is((select j->0->'perks'->0->>'code' from p1_plans), 'SHOES20', 'a participant reads the perk''s code');
select is(tests.try_as('athlete', $$select jsonb_array_length(public.my_race_plans())$$), '0',
  'someone who did not buy has no race plans');

-- the organizer's aggregates ------------------------------------------------------------------------
select tests.authenticate_as('race_owner');
create temporary table stats2 on commit drop as
  select * from public.race_participant_stats('67000000-0000-4000-8000-000000000010');
reset role;
select is(
  (select string_agg(concat_ws('/', coalesce(distance_m::text, 'total'), coalesce(people::text, '-'), suppressed), ' '
                     order by is_total, distance_m)
     from stats2),
  '10000/-/t total/-/t', 'two participants: every figure is suppressed');
insert into public.purchases (org_id, user_id, product_id, kind, product_name, amount_minor, currency, status, paid_at)
select '67000000-0000-4000-8000-0000000000a0', tests.get_supabase_uid('p' || i),
       '67000000-0000-4000-8000-000000000002', 'product', 'План к десятке', 200000, 'RUB', 'paid', '2027-04-10 09:00+00'
  from generate_series(3, 4) i;
select tests.authenticate_as('race_owner');
create temporary table stats4 on commit drop as
  select * from public.race_participant_stats('67000000-0000-4000-8000-000000000010');
reset role;
select is((select count(*)::int from stats4 where suppressed and people is null), 2,
  'four participants: still nothing shown («меньше 5»)');
insert into public.purchases (org_id, user_id, product_id, kind, product_name, amount_minor, currency, status, paid_at)
select '67000000-0000-4000-8000-0000000000a0', tests.get_supabase_uid('p' || i),
       '67000000-0000-4000-8000-000000000002', 'product', 'План к десятке', 200000, 'RUB', 'paid', '2027-04-10 09:00+00'
  from generate_series(5, 6) i;
select tests.authenticate_as('race_owner');
create temporary table stats6 on commit drop as
  select * from public.race_participant_stats('67000000-0000-4000-8000-000000000010');
reset role;
select is((select people from stats6 where is_total), 6, 'six participants: the total is shown');
select is((select people from stats6 where distance_m = 10000), 6, 'and the one distance''s count');
select is(tests.try_as('race_coach', $$select count(*) from public.race_participant_stats(
  '67000000-0000-4000-8000-000000000010')$$), '42501', 'the organizer''s coach does not read them');
select is(tests.try_as('admin', $$select count(*) from public.race_participant_stats(
  '67000000-0000-4000-8000-000000000010')$$), '42501', 'nor does anyone else');

-- placement views and clicks ------------------------------------------------------------------------
set local role anon;
select public.race_placement_event('67000000-0000-4000-8000-000000000020', 'view');
select public.race_placement_event('67000000-0000-4000-8000-000000000020', 'view');
select public.race_placement_event('67000000-0000-4000-8000-000000000020', 'click');
reset role;
select is(tests.hint_of($$select public.race_placement_event('67000000-0000-4000-8000-000000000020', 'hover')$$),
  'invalid_event', 'an event is a view or a click');
select is(tests.try_as('athlete', $$select count(*) from public.race_placement_stats(
  '67000000-0000-4000-8000-000000000010')$$), '42501', 'a banner''s figures are the organizer''s only');
select tests.authenticate_as('race_owner');
create temporary table placement_stats on commit drop as
  select * from public.race_placement_stats('67000000-0000-4000-8000-000000000010');
reset role;
select is((select concat_ws('/', views, clicks) from placement_stats
            where placement_id = '67000000-0000-4000-8000-000000000020'),
  '2/1', 'a banner''s two views and one click are counted, for the organizer''s owner');

-- the feature switched off ---------------------------------------------------------------------------
insert into public.feature_flag_overrides (flag_key, org_id, enabled) values
  ('race_partnerships', '67000000-0000-4000-8000-0000000000a0', false);
select is(tests.try_as('race_owner', $$select count(*) from public.races$$), '0',
  'off: the organizer''s races are not read');
select is(tests.try_as('race_owner', $$insert into public.races (org_id, name, race_date)
  values ('67000000-0000-4000-8000-0000000000a0', 'Ещё один', '2027-06-01')$$), '42501', 'nor written');
select is(tests.hint_of($$select public.race_page('67000000-0000-4000-8000-000000000010')$$), 'feature_disabled',
  'and the race page answers that the feature is off');

select * from finish();
rollback;
