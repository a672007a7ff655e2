-- who sees what: for every table of schema public, whether each of the people
-- around one athlete can read a row about that athlete (or about their club,
-- group or coach), allowed and denied. this is the readme's "who sees what"
-- table: tests/db/who-sees-what.test.ts runs this file and compares the readme
-- with the verdicts below, so neither can drift.
--
-- the athlete: `athlete`, linked to a1 (group A1 of club A, coached by `coach`).
-- the people (README column ← actors, all asserted alike):
--   owner / admin                  owner, admin (of club A)
--   coach of the athlete's group   coach (A1)
--   coach of another group         coach2 (A2)
--   the athlete                    athlete
--   another athlete of the club    athlete2 (linked to a2, the same group A1)
--   member of another club         athlete_b (linked to b1), coach_b, admin_b (club B)
--   anon                           anon
-- a row one may read counts 1; a row one may not counts 0 (filtered), and for
-- anon the read itself is refused (42501): anon has no privilege on any table
-- but those of the coach's public page and the products it lists.
begin;
select tests.create_tenancy_fixture();

/**
  * -------------------------------------------------------
  * section - fixture
  * -------------------------------------------------------
  * the tenancy fixture (000-setup-tests-hooks.sql) plus two athletes with
  * accounts and one row of every other table, all about the athlete, their
  * group A1 or their coach, in club A. written as the tables' owner.
  */
select tests.create_supabase_user('athlete2');
select tests.create_supabase_user('athlete_b');
insert into public.memberships (org_id, user_id, role) values
  ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('athlete2'), 'athlete'),
  ('10000000-0000-4000-8000-00000000000b', tests.get_supabase_uid('athlete_b'), 'athlete');
update public.athletes set user_id = tests.get_supabase_uid('athlete2')
 where id = '30000000-0000-4000-8000-0000000000a2';
update public.athletes set user_id = tests.get_supabase_uid('athlete_b')
 where id = '30000000-0000-4000-8000-0000000000b1';

insert into public.products (id, org_id, kind, name, price_minor, currency) values
  ('95000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-00000000000a', 'product', 'Футболка', 150000, 'RUB');
-- a package bundling that shirt (not listed: anon sees neither)
insert into public.products (id, org_id, kind, name, price_minor, currency, credits, valid_days) values
  ('95000000-0000-4000-8000-000000000013', '10000000-0000-4000-8000-00000000000a', 'package', '8 тренировок и футболка', 700000, 'RUB', 8, 60);
insert into public.package_items (id, org_id, package_id, product_id) values
  ('95000000-0000-4000-8000-000000000014', '10000000-0000-4000-8000-00000000000a',
   '95000000-0000-4000-8000-000000000013', '95000000-0000-4000-8000-000000000001');
insert into public.discount_codes (id, org_id, code, percent_off) values
  ('95000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-00000000000a', 'CLUB10', 10);
insert into public.purchases (id, org_id, user_id, product_id, kind, product_name, amount_minor, currency, status) values
  ('95000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('athlete'),
   '95000000-0000-4000-8000-000000000001', 'product', 'Футболка', 150000, 'RUB', 'paid');
-- the ledger entry also opens the athlete's balance in club A (its trigger)
insert into public.credit_ledger (id, org_id, user_id, delta, kind, note) values
  ('95000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('athlete'),
   5, 'adjustment', 'подарок клуба');
insert into public.moyklass_snapshots (id, org_id, athlete_id, season, has_subscription) values
  ('95000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-00000000000a',
   '30000000-0000-4000-8000-0000000000a1', '2025-2026', true);
insert into public.athlete_contacts (id, org_id, athlete_id, guardian_name, guardian_phone, phone, birth_date) values
  ('30000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-00000000000a',
   '30000000-0000-4000-8000-0000000000a1', 'Иванова Ольга', '+7 916 123-45-67', '89161112233', '2012-05-17');
insert into public.email_preferences (id, user_id, kind, enabled) values
  ('95000000-0000-4000-8000-000000000006', tests.get_supabase_uid('athlete'), 'session_reminder', false);

insert into public.coach_settings (id, org_id, coach_id, time_zone) values
  ('95000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   'Europe/Moscow');
insert into public.weekly_availability (id, org_id, coach_id, weekday, start_time, end_time) values
  ('95000000-0000-4000-8000-000000000008', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   1, '16:00', '20:00');
insert into public.blocked_slots (id, org_id, coach_id, starts_at, ends_at, reason) values
  ('95000000-0000-4000-8000-000000000009', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   now() + interval '30 days', now() + interval '30 days 2 hours', 'к врачу');
insert into public.availability_additions (id, org_id, coach_id, starts_at, ends_at) values
  ('95000000-0000-4000-8000-00000000000a', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   now() + interval '31 days', now() + interval '31 days 2 hours');
insert into public.group_timetables (id, org_id, group_id, coach_id, weekday, start_time, duration_minutes, time_zone, start_date) values
  ('95000000-0000-4000-8000-00000000000b', '10000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-0000000000a1',
   tests.get_supabase_uid('coach'), 2, '18:00', 90, 'Europe/Moscow', current_date);
insert into public.recurring_bookings (id, org_id, coach_id, member_id, weekday, start_time, duration_minutes, time_zone, start_date) values
  ('95000000-0000-4000-8000-00000000000c', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   tests.get_supabase_uid('athlete'), 4, '17:00', 60, 'Europe/Moscow', current_date + 7);
-- the athlete's one-to-one session with the coach, and a session of group A1
insert into public.training_sessions (id, org_id, coach_id, member_id, kind, origin, local_date, time_zone, starts_at, ends_at) values
  ('95000000-0000-4000-8000-00000000000d', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   tests.get_supabase_uid('athlete'), 'one_to_one', 'one_time_booking', current_date + 40, 'Europe/Moscow',
   now() + interval '40 days', now() + interval '40 days 1 hour');
insert into public.training_sessions (id, org_id, coach_id, group_id, kind, origin, timetable_id, local_date, time_zone, starts_at, ends_at, capacity) values
  ('95000000-0000-4000-8000-00000000000e', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   '20000000-0000-4000-8000-0000000000a1', 'group', 'group_timetable', '95000000-0000-4000-8000-00000000000b',
   current_date - 1, 'Europe/Moscow', now() - interval '1 day', now() - interval '1 day' + interval '90 minutes', 20);
insert into public.bookings (id, org_id, session_id, coach_id, member_id) values
  ('95000000-0000-4000-8000-00000000000f', '10000000-0000-4000-8000-00000000000a', '95000000-0000-4000-8000-00000000000d',
   tests.get_supabase_uid('coach'), tests.get_supabase_uid('athlete'));
-- an occurrence of the athlete's series that fell in blocked time
insert into public.session_conflicts (id, org_id, coach_id, kind, recurring_booking_id, local_date, starts_at, ends_at) values
  ('95000000-0000-4000-8000-000000000010', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   'blocked', '95000000-0000-4000-8000-00000000000c', current_date + 14,
   now() + interval '14 days', now() + interval '14 days 1 hour');
-- the coach's published page (renamed once, so it has an old slug) and an offer on it
insert into public.coach_pages (id, org_id, coach_id, slug, published, display_name) values
  ('95000000-0000-4000-8000-000000000011', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   'coach-a-old', true, 'Тренер А');
update public.coach_pages set slug = 'coach-a' where id = '95000000-0000-4000-8000-000000000011';
insert into public.session_types (id, org_id, coach_id, name, duration_minutes, price_minor) values
  ('95000000-0000-4000-8000-000000000012', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   'Пробная', 30, 0);
-- the coach's published course, a lesson of it (not a preview), the athlete's
-- enrolment and progress in it
insert into public.courses (id, org_id, coach_id, title, access, published) values
  ('95000000-0000-4000-8000-000000000013', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   'Техника бега', 'paid', true);
insert into public.course_lessons (id, org_id, course_id, position, title, body) values
  ('95000000-0000-4000-8000-000000000014', '10000000-0000-4000-8000-00000000000a',
   '95000000-0000-4000-8000-000000000013', 1, 'Стойка', 'Текст урока');
insert into public.course_enrollments (id, org_id, course_id, user_id, source) values
  ('95000000-0000-4000-8000-000000000015', '10000000-0000-4000-8000-00000000000a',
   '95000000-0000-4000-8000-000000000013', tests.get_supabase_uid('athlete'), 'free');
insert into public.lesson_progress (id, org_id, enrollment_id, lesson_id, user_id, completed_at) values
  ('95000000-0000-4000-8000-000000000016', '10000000-0000-4000-8000-00000000000a',
   '95000000-0000-4000-8000-000000000015', '95000000-0000-4000-8000-000000000014',
   tests.get_supabase_uid('athlete'), now());
-- the coach's page figures for a day (the funnels are everyone's, from the migration)
insert into public.coach_analytics_days (id, org_id, coach_id, day, page_views) values
  ('95000000-0000-4000-8000-000000000017', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   '2026-03-02', 12);
-- a reseller that manages club A (20261206170000_partner_core.sql)
insert into public.organizations (id, kind, name, slug) values
  ('95000000-0000-4000-8000-000000000019', 'reseller', 'Реселлер', 'reseller-950');
insert into public.partner_profiles (org_id, program, tier, referral_code) values
  ('95000000-0000-4000-8000-000000000019', 'reseller', 'gold', 'WSW95000');
insert into public.partner_clients (id, partner_org_id, client_org_id, origin) values
  ('95000000-0000-4000-8000-00000000001a', '95000000-0000-4000-8000-000000000019',
   '10000000-0000-4000-8000-00000000000a', 'created');
-- a confirmed partner application and its internal note (20261206171000_partner_applications.sql)
insert into public.partner_applications (id, company_name, contact_name, contact_email, partnership_type,
    company_size, industry, target_market, motivation) values
  ('95000000-0000-4000-8000-00000000001d', 'Тайминг Плюс', 'Анна', 'anna@timing.example', 'technology',
   '11-50', 'Хронометраж', 'Беговые клубы', 'Хотим подключать датчики к тренировкам');
insert into public.partner_application_notes (id, application_id, author_name, body) values
  ('95000000-0000-4000-8000-00000000001e', '95000000-0000-4000-8000-00000000001d', 'Платформа', 'Позвонить');
insert into public.attendance (id, org_id, session_id, athlete_id, status) values
  (private.attendance_id('95000000-0000-4000-8000-00000000000e', '30000000-0000-4000-8000-0000000000a1'),
   '10000000-0000-4000-8000-00000000000a', '95000000-0000-4000-8000-00000000000e',
   '30000000-0000-4000-8000-0000000000a1', 'present');
-- messages: the coach's announcement to A1, read by the athlete; the athlete's
-- conversation with the coach (a minor: the birth date above), one message, read
insert into public.announcements (id, org_id, group_id, sender_id, title) values
  ('95000000-0000-4000-8000-000000000040', '10000000-0000-4000-8000-00000000000a',
   '20000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach'), 'Сбор в субботу');
insert into public.announcement_reads (id, org_id, announcement_id, user_id) values
  (private.announcement_read_id('95000000-0000-4000-8000-000000000040', tests.get_supabase_uid('athlete')),
   '10000000-0000-4000-8000-00000000000a', '95000000-0000-4000-8000-000000000040', tests.get_supabase_uid('athlete'));
insert into public.conversations (id, org_id, athlete_id, coach_id) values
  (private.conversation_id('30000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach')),
   '10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach'));
insert into public.conversation_messages (id, org_id, conversation_id, sender_id, body) values
  ('95000000-0000-4000-8000-000000000041', '10000000-0000-4000-8000-00000000000a',
   private.conversation_id('30000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach')),
   tests.get_supabase_uid('coach'), 'Как колено?');
insert into public.conversation_reads (id, org_id, conversation_id, user_id, read_through) values
  (private.conversation_read_id(private.conversation_id('30000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach')), tests.get_supabase_uid('athlete')),
   '10000000-0000-4000-8000-00000000000a', private.conversation_id('30000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach')),
   tests.get_supabase_uid('athlete'), now());
-- a figure of club A (the club's members in a month, from 12 people)
insert into public.club_analytics_cells (id, org_id, figure, period, value, people, suppressed) values
  ('95000000-0000-4000-8000-000000000018', '10000000-0000-4000-8000-00000000000a', 'members', '2026-01', 12, 12, false);
-- club A also came with that reseller's referral code; the reseller has a deal
-- registered (materials are seeded by the migration: the silver one-pager is probed)
insert into public.partner_referrals (club_org_id, partner_org_id, code) values
  ('10000000-0000-4000-8000-00000000000a', '95000000-0000-4000-8000-000000000019', 'WSW95000');
insert into public.partner_deals (id, partner_org_id, prospect_name, prospect_email) values
  ('95000000-0000-4000-8000-00000000001b', '95000000-0000-4000-8000-000000000019', 'Prospect', 'prospect@950.test');
-- the coach's tools (20261207100000_coach_tools_core.sql): the coach also takes the
-- athlete individually; a template of the coach's, given to the athlete (the copy,
-- its workout and the athlete's log of it are probed)
insert into public.coach_athletes (id, org_id, coach_id, athlete_id, kind) values
  ('95000000-0000-4000-8000-000000000020', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   '30000000-0000-4000-8000-0000000000a1', 'coaching');
insert into public.training_plans (id, org_id, coach_id, title, weeks) values
  ('95000000-0000-4000-8000-000000000021', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   'База', 2);
insert into public.plan_workouts (id, org_id, plan_id, week, day, type, duration_min) values
  ('95000000-0000-4000-8000-000000000022', '10000000-0000-4000-8000-00000000000a',
   '95000000-0000-4000-8000-000000000021', 1, 1, 'run', 40);
insert into public.plan_assignments (id, org_id, plan_id, athlete_id, start_date, created_by) values
  ('95000000-0000-4000-8000-000000000023', '10000000-0000-4000-8000-00000000000a',
   '95000000-0000-4000-8000-000000000021', '30000000-0000-4000-8000-0000000000a1', current_date,
   tests.get_supabase_uid('coach'));
insert into public.workout_logs (id, org_id, workout_id, athlete_id, status, rpe, logged_on)
select w.id, w.org_id, w.id, p.athlete_id, 'done', 6, current_date
  from public.plan_workouts w join public.training_plans p on p.id = w.plan_id
 where p.assignment_id = '95000000-0000-4000-8000-000000000023';
-- feature flags (20261207140000_feature_flags.sql): a rule for the club's kind and
-- an override for the club itself; the seeded flags are there already
insert into public.feature_flag_rules (flag_key, org_kind, enabled) values ('coaches', 'club', true);
insert into public.feature_flag_overrides (flag_key, org_id, enabled) values
  ('running_clubs', '10000000-0000-4000-8000-00000000000a', true);
-- seat pools (20261207150000_seat_pools.sql): a coach's business sells club A five
-- seats of a plan; the athlete has one
select tests.create_supabase_user('seller_950');
insert into public.organizations (id, kind, name, slug) values
  ('95000000-0000-4000-8000-0000000000c0', 'coach_business', 'Seller 950', 'seller-950');
insert into public.memberships (org_id, user_id, role) values
  ('95000000-0000-4000-8000-0000000000c0', tests.get_supabase_uid('seller_950'), 'owner');
insert into public.training_plans (id, org_id, coach_id, title, kind, weeks) values
  ('95000000-0000-4000-8000-0000000000c1', '95000000-0000-4000-8000-0000000000c0',
   tests.get_supabase_uid('seller_950'), 'Полумарафон', 'template', 1);
insert into public.products (id, org_id, kind, name, price_minor, currency, training_plan_id) values
  ('95000000-0000-4000-8000-0000000000c2', '95000000-0000-4000-8000-0000000000c0', 'product',
   'План к полумарафону', 300000, 'RUB', '95000000-0000-4000-8000-0000000000c1');
insert into public.seat_pools (id, org_id, seller_org_id, product_id, seats, claimed, price_per_seat_minor, currency) values
  ('95000000-0000-4000-8000-0000000000c3', '10000000-0000-4000-8000-00000000000a',
   '95000000-0000-4000-8000-0000000000c0', '95000000-0000-4000-8000-0000000000c2', 5, 1, 250000, 'RUB');
insert into public.seat_claims (id, org_id, pool_id, user_id, seller_org_id) values
  ('95000000-0000-4000-8000-0000000000c4', '10000000-0000-4000-8000-00000000000a',
   '95000000-0000-4000-8000-0000000000c3', tests.get_supabase_uid('athlete'),
   '95000000-0000-4000-8000-0000000000c0');
-- club challenges (20261207171000_club_challenges.sql): club A's challenge, the athlete joined
insert into public.club_challenges (id, org_id, title, metric, starts_on, ends_on) values
  ('95000000-0000-4000-8000-0000000000c5', '10000000-0000-4000-8000-00000000000a', 'Декабрь', 'sessions',
   current_date, current_date + 30);
insert into public.club_challenge_participants (id, org_id, challenge_id, user_id) values
  ('95000000-0000-4000-8000-0000000000c6', '10000000-0000-4000-8000-00000000000a',
   '95000000-0000-4000-8000-0000000000c5', tests.get_supabase_uid('athlete'));
-- races (20261207160000_races.sql): a race organizer's published race, a plan
-- product for it, a banner and a perk; club A's partnership profile
select tests.create_supabase_user('race_950');
insert into public.organizations (id, kind, name, slug) values
  ('95000000-0000-4000-8000-0000000000d0', 'race', 'Race 950', 'race-950');
insert into public.memberships (org_id, user_id, role) values
  ('95000000-0000-4000-8000-0000000000d0', tests.get_supabase_uid('race_950'), 'owner');
insert into public.races (id, org_id, name, race_date, place, distances_m, status) values
  ('95000000-0000-4000-8000-0000000000d1', '95000000-0000-4000-8000-0000000000d0', 'Забег 950',
   current_date + 120, 'Москва', '{21097}', 'published');
insert into public.training_plans (id, org_id, coach_id, title, kind, weeks) values
  ('95000000-0000-4000-8000-0000000000d2', '95000000-0000-4000-8000-0000000000d0',
   tests.get_supabase_uid('race_950'), 'К забегу', 'template', 4);
insert into public.products (id, org_id, kind, name, price_minor, currency, training_plan_id) values
  ('95000000-0000-4000-8000-0000000000d3', '95000000-0000-4000-8000-0000000000d0', 'product',
   'План к забегу', 200000, 'RUB', '95000000-0000-4000-8000-0000000000d2');
insert into public.race_plans (id, org_id, race_id, product_id, distance_m) values
  ('95000000-0000-4000-8000-0000000000d4', '95000000-0000-4000-8000-0000000000d0',
   '95000000-0000-4000-8000-0000000000d1', '95000000-0000-4000-8000-0000000000d3', 21097);
insert into public.race_placements (id, org_id, race_id, slot, sponsor_name, image_url, link_url, starts_on, ends_on) values
  ('95000000-0000-4000-8000-0000000000d5', '95000000-0000-4000-8000-0000000000d0',
   '95000000-0000-4000-8000-0000000000d1', 'race_page', 'Спонсор', 'https://example.com/b.png',
   'https://example.com', current_date, current_date + 30);
insert into public.race_perks (id, org_id, race_id, sponsor_name, title, code) values
  ('95000000-0000-4000-8000-0000000000d6', '95000000-0000-4000-8000-0000000000d0',
   '95000000-0000-4000-8000-0000000000d1', 'Спонсор', 'Скидка 15 %', 'RUN15');
insert into public.partnership_profiles (org_id, tier, contact_email) values
  ('10000000-0000-4000-8000-00000000000a', 'silver', 'club@example.com');
-- results (20261207120000_results.sql): the athlete's result; the norms are the same for everyone
insert into public.competition_results (id, org_id, athlete_id, competed_on, competition, level, discipline,
  result_kind, value, timing, venue) values
  ('95000000-0000-4000-8000-000000000030', '10000000-0000-4000-8000-00000000000a',
   '30000000-0000-4000-8000-0000000000a1', '2019-06-15', 'Первенство области', 'regional', '100m',
   'time', 11.2, 'auto', 'outdoor');

/**
  * -------------------------------------------------------
  * section - the row of each table, and the people
  * -------------------------------------------------------
  */
create temporary table probes (tbl text primary key, probe text not null) on commit drop;
insert into probes values
  ('organizations',          $$select count(*) from public.organizations where id = '10000000-0000-4000-8000-00000000000a'$$),
  ('profiles',               $$select count(*) from public.profiles where id = tests.get_supabase_uid('athlete')$$),
  ('memberships',            $$select count(*) from public.memberships where id = tests.membership_id('10000000-0000-4000-8000-00000000000a', 'athlete')$$),
  ('invitations',            $$select count(*) from public.invitations where id = '60000000-0000-4000-8000-00000000000a'$$),
  ('training_groups',        $$select count(*) from public.training_groups where id = '20000000-0000-4000-8000-0000000000a1'$$),
  ('training_group_coaches', $$select count(*) from public.training_group_coaches where id = '70000000-0000-4000-8000-0000000000a1'$$),
  ('athletes',               $$select count(*) from public.athletes where id = '30000000-0000-4000-8000-0000000000a1'$$),
  ('rank_history',           $$select count(*) from public.rank_history where id = '40000000-0000-4000-8000-0000000000a1'$$),
  ('athlete_contacts',       $$select count(*) from public.athlete_contacts where id = '30000000-0000-4000-8000-0000000000a1'$$),
  ('attendance',             $$select count(*) from public.attendance where session_id = '95000000-0000-4000-8000-00000000000e' and athlete_id = '30000000-0000-4000-8000-0000000000a1'$$),
  ('products',               $$select count(*) from public.products where id = '95000000-0000-4000-8000-000000000001'$$),
  ('package_items',          $$select count(*) from public.package_items where id = '95000000-0000-4000-8000-000000000014'$$),
  ('discount_codes',         $$select count(*) from public.discount_codes where id = '95000000-0000-4000-8000-000000000002'$$),
  ('purchases',              $$select count(*) from public.purchases where id = '95000000-0000-4000-8000-000000000003'$$),
  ('credit_ledger',          $$select count(*) from public.credit_ledger where id = '95000000-0000-4000-8000-000000000004'$$),
  ('credit_balances',        $$select count(*) from public.credit_balances where org_id = '10000000-0000-4000-8000-00000000000a' and user_id = tests.get_supabase_uid('athlete')$$),
  ('moyklass_snapshots',     $$select count(*) from public.moyklass_snapshots where id = '95000000-0000-4000-8000-000000000005'$$),
  ('email_preferences',      $$select count(*) from public.email_preferences where id = '95000000-0000-4000-8000-000000000006'$$),
  ('coach_settings',         $$select count(*) from public.coach_settings where id = '95000000-0000-4000-8000-000000000007'$$),
  ('weekly_availability',    $$select count(*) from public.weekly_availability where id = '95000000-0000-4000-8000-000000000008'$$),
  ('blocked_slots',          $$select count(*) from public.blocked_slots where id = '95000000-0000-4000-8000-000000000009'$$),
  ('availability_additions', $$select count(*) from public.availability_additions where id = '95000000-0000-4000-8000-00000000000a'$$),
  ('group_timetables',       $$select count(*) from public.group_timetables where id = '95000000-0000-4000-8000-00000000000b'$$),
  ('recurring_bookings',     $$select count(*) from public.recurring_bookings where id = '95000000-0000-4000-8000-00000000000c'$$),
  ('training_sessions',      $$select count(*) from public.training_sessions where id = '95000000-0000-4000-8000-00000000000d'$$),
  ('bookings',               $$select count(*) from public.bookings where id = '95000000-0000-4000-8000-00000000000f'$$),
  ('session_conflicts',      $$select count(*) from public.session_conflicts where id = '95000000-0000-4000-8000-000000000010'$$),
  ('coach_pages',            $$select count(*) from public.coach_pages where id = '95000000-0000-4000-8000-000000000011'$$),
  ('coach_slug_history',     $$select count(*) from public.coach_slug_history where slug = 'coach-a-old'$$),
  ('session_types',          $$select count(*) from public.session_types where id = '95000000-0000-4000-8000-000000000012'$$),
  ('courses',                $$select count(*) from public.courses where id = '95000000-0000-4000-8000-000000000013'$$),
  ('course_lessons',         $$select count(*) from public.course_lessons where id = '95000000-0000-4000-8000-000000000014'$$),
  ('course_enrollments',     $$select count(*) from public.course_enrollments where id = '95000000-0000-4000-8000-000000000015'$$),
  ('lesson_progress',        $$select count(*) from public.lesson_progress where id = '95000000-0000-4000-8000-000000000016'$$),
  ('analytics_funnels',      $$select count(*) from public.analytics_funnels where key = 'buy'$$),
  ('coach_analytics_days',   $$select count(*) from public.coach_analytics_days where id = '95000000-0000-4000-8000-000000000017'$$),
  ('club_analytics_cells',   $$select count(*) from public.club_analytics_cells where id = '95000000-0000-4000-8000-000000000018'$$),
  ('partner_tiers',          $$select count(*) from public.partner_tiers where code = 'gold'$$),
  ('partner_profiles',       $$select count(*) from public.partner_profiles where org_id = '95000000-0000-4000-8000-000000000019'$$),
  ('partner_clients',        $$select count(*) from public.partner_clients where id = '95000000-0000-4000-8000-00000000001a'$$),
  ('partner_referrals',      $$select count(*) from public.partner_referrals where club_org_id = '10000000-0000-4000-8000-00000000000a'$$),
  ('partner_deals',          $$select count(*) from public.partner_deals where id = '95000000-0000-4000-8000-00000000001b'$$),
  ('partner_materials',      $$select count(*) from public.partner_materials where url = '/partners/trackside-one-pager.pdf'$$),
  ('partner_applications',   $$select count(*) from public.partner_applications where id = '95000000-0000-4000-8000-00000000001d'$$),
  ('partner_application_notes', $$select count(*) from public.partner_application_notes where id = '95000000-0000-4000-8000-00000000001e'$$),
  ('coach_athletes',         $$select count(*) from public.coach_athletes where id = '95000000-0000-4000-8000-000000000020'$$),
  ('training_plans',         $$select count(*) from public.training_plans where assignment_id = '95000000-0000-4000-8000-000000000023'$$),
  ('plan_workouts',          $$select count(*) from public.plan_workouts w where w.plan_id in (select p.id from public.training_plans p where p.assignment_id = '95000000-0000-4000-8000-000000000023')$$),
  ('plan_assignments',       $$select count(*) from public.plan_assignments where id = '95000000-0000-4000-8000-000000000023'$$),
  ('workout_logs',           $$select count(*) from public.workout_logs l where l.athlete_id = '30000000-0000-4000-8000-0000000000a1'$$),
  ('competition_results',    $$select count(*) from public.competition_results where id = '95000000-0000-4000-8000-000000000030'$$),
  ('evsk_norms',             $$select count(*) from public.evsk_norms where discipline = '100m' and timing = 'auto' and rank = 'КМС'$$),
  ('announcements',          $$select count(*) from public.announcements where id = '95000000-0000-4000-8000-000000000040'$$),
  ('announcement_reads',     $$select count(*) from public.announcement_reads where announcement_id = '95000000-0000-4000-8000-000000000040'$$),
  ('conversations',          $$select count(*) from public.conversations where athlete_id = '30000000-0000-4000-8000-0000000000a1'$$),
  ('conversation_messages',  $$select count(*) from public.conversation_messages where id = '95000000-0000-4000-8000-000000000041'$$),
  ('conversation_reads',     $$select count(*) from public.conversation_reads where user_id = tests.get_supabase_uid('athlete')$$),
  ('feature_flags',          $$select count(*) from public.feature_flags where key = 'running_clubs'$$),
  ('feature_flag_rules',     $$select count(*) from public.feature_flag_rules where flag_key = 'coaches' and org_kind = 'club'$$),
  ('feature_flag_overrides', $$select count(*) from public.feature_flag_overrides where org_id = '10000000-0000-4000-8000-00000000000a'$$),
  ('seat_pools',             $$select count(*) from public.seat_pools where id = '95000000-0000-4000-8000-0000000000c3'$$),
  ('seat_claims',            $$select count(*) from public.seat_claims where id = '95000000-0000-4000-8000-0000000000c4'$$),
  ('club_challenges',        $$select count(*) from public.club_challenges where id = '95000000-0000-4000-8000-0000000000c5'$$),
  ('club_challenge_participants', $$select count(*) from public.club_challenge_participants where id = '95000000-0000-4000-8000-0000000000c6'$$),
  ('races',                  $$select count(*) from public.races where id = '95000000-0000-4000-8000-0000000000d1'$$),
  ('race_plans',             $$select count(*) from public.race_plans where id = '95000000-0000-4000-8000-0000000000d4'$$),
  ('race_placements',        $$select count(*) from public.race_placements where id = '95000000-0000-4000-8000-0000000000d5'$$),
  ('race_perks',             $$select count(*) from public.race_perks where id = '95000000-0000-4000-8000-0000000000d6'$$),
  ('partnership_profiles',   $$select count(*) from public.partnership_profiles where org_id = '10000000-0000-4000-8000-00000000000a'$$);

create temporary table actors (actor text primary key, audience text not null, n int not null) on commit drop;
insert into actors values
  ('owner',     'owner / admin', 1),
  ('admin',     'owner / admin', 1),
  ('coach',     'coach of the athlete''s group', 2),
  ('coach2',    'coach of another group', 3),
  ('athlete',   'the athlete', 4),
  ('athlete2',  'another athlete of the club', 5),
  ('athlete_b', 'member of another club', 6),
  ('coach_b',   'member of another club', 6),
  ('admin_b',   'member of another club', 6),
  ('anon',      'anon', 7);

/**
  * -------------------------------------------------------
  * section - the matrix (the readme's table, row for row)
  * -------------------------------------------------------
  */
create temporary table who_sees_what (
  tbl text primary key, owner_admin text, coach text, coach2 text, athlete text, athlete2 text,
  other_club text, anon text
) on commit drop;
insert into who_sees_what values
--  table                     owner/admin coach  coach2  athlete athlete2 other   anon
  ('organizations',          'yes',      'yes', 'yes',  'yes',  'yes',   'no',   'no'),
  ('profiles',               'yes',      'yes', 'yes',  'yes',  'no',    'no',   'no'),
  ('memberships',            'yes',      'yes', 'yes',  'yes',  'no',    'no',   'no'),
  ('invitations',            'yes',      'no',  'no',   'no',   'no',    'no',   'no'),
  ('training_groups',        'yes',      'yes', 'yes',  'yes',  'yes',   'no',   'no'),
  ('training_group_coaches', 'yes',      'yes', 'yes',  'yes',  'yes',   'no',   'no'),
  ('athletes',               'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('rank_history',           'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('athlete_contacts',       'yes',      'yes', 'no',   'no',   'no',    'no',   'no'),
  ('attendance',             'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('products',               'yes',      'yes', 'yes',  'yes',  'yes',   'yes',  'no'),
  ('package_items',          'yes',      'yes', 'yes',  'yes',  'yes',   'yes',  'no'),
  ('discount_codes',         'yes',      'no',  'no',   'no',   'no',    'no',   'no'),
  ('purchases',              'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('credit_ledger',          'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('credit_balances',        'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('moyklass_snapshots',     'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('email_preferences',      'no',       'no',  'no',   'yes',  'no',    'no',   'no'),
  ('coach_settings',         'yes',      'yes', 'yes',  'yes',  'yes',   'no',   'no'),
  ('weekly_availability',    'yes',      'yes', 'yes',  'yes',  'yes',   'no',   'no'),
  ('blocked_slots',          'yes',      'yes', 'yes',  'no',   'no',    'no',   'no'),
  ('availability_additions', 'yes',      'yes', 'yes',  'yes',  'yes',   'no',   'no'),
  ('group_timetables',       'yes',      'yes', 'yes',  'yes',  'yes',   'no',   'no'),
  ('recurring_bookings',     'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('training_sessions',      'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('bookings',               'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('session_conflicts',      'yes',      'yes', 'no',   'no',   'no',    'no',   'no'),
  ('coach_pages',            'yes',      'yes', 'yes',  'yes',  'yes',   'yes',  'yes'),
  ('coach_slug_history',     'yes',      'yes', 'yes',  'yes',  'yes',   'yes',  'yes'),
  ('session_types',          'yes',      'yes', 'yes',  'yes',  'yes',   'yes',  'yes'),
  ('courses',                'yes',      'yes', 'yes',  'yes',  'yes',   'yes',  'yes'),
  ('course_lessons',         'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('course_enrollments',     'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('lesson_progress',        'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('analytics_funnels',      'yes',      'yes', 'yes',  'yes',  'yes',   'yes',  'no'),
  ('coach_analytics_days',   'no',       'yes', 'no',   'no',   'no',    'no',   'no'),
  ('club_analytics_cells',   'yes',      'no',  'no',   'no',   'no',    'no',   'no'),
  ('partner_tiers',          'yes',      'yes', 'yes',  'yes',  'yes',   'yes',  'no'),
  ('partner_profiles',       'no',       'no',  'no',   'no',   'no',    'no',   'no'),
  ('partner_clients',        'yes',      'no',  'no',   'no',   'no',    'no',   'no'),
  ('partner_referrals',      'yes',      'no',  'no',   'no',   'no',    'no',   'no'),
  ('partner_deals',          'no',       'no',  'no',   'no',   'no',    'no',   'no'),
  ('partner_materials',      'no',       'no',  'no',   'no',   'no',    'no',   'no'),
  ('partner_applications',   'no',       'no',  'no',   'no',   'no',    'no',   'no'),
  ('partner_application_notes', 'no',    'no',  'no',   'no',   'no',    'no',   'no'),
  ('coach_athletes',         'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('training_plans',         'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('plan_workouts',          'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('plan_assignments',       'yes',      'yes', 'yes',  'no',   'no',    'no',   'no'),
  ('workout_logs',           'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('competition_results',    'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('evsk_norms',             'yes',      'yes', 'yes',  'yes',  'yes',   'yes',  'no'),
  ('announcements',          'yes',      'yes', 'no',   'yes',  'yes',   'no',   'no'),
  ('announcement_reads',     'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('conversations',          'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('conversation_messages',  'yes',      'yes', 'no',   'yes',  'no',    'no',   'no'),
  ('conversation_reads',     'no',       'no',  'no',   'yes',  'no',    'no',   'no'),
  ('feature_flags',          'no',       'no',  'no',   'no',   'no',    'no',   'no'),
  ('feature_flag_rules',     'no',       'no',  'no',   'no',   'no',    'no',   'no'),
  ('feature_flag_overrides', 'no',       'no',  'no',   'no',   'no',    'no',   'no'),
  ('seat_pools',             'yes',      'yes', 'yes',  'yes',  'yes',   'no',   'no'),
  ('seat_claims',            'yes',      'no',  'no',   'yes',  'no',    'no',   'no'),
  ('club_challenges',        'yes',      'yes', 'yes',  'yes',  'yes',   'no',   'no'),
  ('club_challenge_participants', 'no',  'no',  'no',   'yes',  'no',    'no',   'no'),
  ('races',                  'yes',      'yes', 'yes',  'yes',  'yes',   'yes',  'no'),
  ('race_plans',             'no',       'no',  'no',   'no',   'no',    'no',   'no'),
  ('race_placements',        'no',       'no',  'no',   'no',   'no',    'no',   'no'),
  ('race_perks',             'no',       'no',  'no',   'no',   'no',    'no',   'no'),
  ('partnership_profiles',   'yes',      'no',  'no',   'no',   'no',    'no',   'no');

-- the verdict of each (table, actor): '1' seen, '0' filtered, '42501' refused (anon)
create temporary table expected on commit drop as
select w.tbl, a.actor, a.audience, a.n,
       (array[w.owner_admin, w.coach, w.coach2, w.athlete, w.athlete2, w.other_club, w.anon])[a.n] = 'yes' as sees
  from who_sees_what w cross join actors a;

-- as the tables' owner, the count a probe finds
create function pg_temp.rows_found(p_sql text)
returns bigint
language plpgsql volatile
as $$
declare
  v_rows bigint;
begin
  execute p_sql into v_rows;
  return v_rows;
end
$$;

select plan(
  (select count(*)::int from expected)
  + 5   -- completeness
  + 9   -- beyond the matrix
);

/**
  * -------------------------------------------------------
  * section - completeness
  * -------------------------------------------------------
  */
select is(
  array(select c.relname::text from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f') order by 1),
  array(select tbl from who_sees_what order by 1),
  'the matrix has a row for every table and view of schema public, and no other');
select is(array(select tbl from who_sees_what except select tbl from probes), '{}'::text[],
  'every row of the matrix has a probe');
select is(array(select p.tbl from probes p where pg_temp.rows_found(p.probe) <> 1 order by 1), '{}'::text[],
  'every probe finds exactly its one row (as the tables'' owner)');
select is(
  array(select format('%s.%s', n.nspname, c.relname) from pg_catalog.pg_class c
          join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'private' and c.relkind in ('r', 'p', 'v', 'm', 'f')
           and (has_table_privilege('anon', c.oid, 'select') or has_table_privilege('authenticated', c.oid, 'select'))
         order by 1),
  '{}'::text[],
  'nobody reads a table of schema private through the api (no select for anon or authenticated)');
select ok(not has_schema_privilege('anon', 'private', 'usage'), 'anon cannot even reach schema private');

/**
  * -------------------------------------------------------
  * section - the matrix
  * -------------------------------------------------------
  * the description is what tests/db/who-sees-what.test.ts reads:
  * `who sees what: <table> / <audience> (<actor>): sees | hidden`
  */
select is(tests.try_as(e.actor, p.probe),
          case when e.sees then '1'
               -- anon may read a listed product or a published page, so other rows are filtered
               when e.actor = 'anon' and not has_table_privilege('anon', format('public.%I', e.tbl), 'select')
               then '42501' else '0' end,
          format('who sees what: %s / %s (%s): %s', e.tbl, e.audience, e.actor,
                 case when e.sees then 'sees' else 'hidden' end))
  from expected e join probes p on p.tbl = e.tbl
 order by e.tbl, e.n, e.actor;

/**
  * -------------------------------------------------------
  * section - beyond the matrix
  * -------------------------------------------------------
  */
-- a device learns what it may no longer see: sync_ids (access reconciliation)
-- lists no blocked time for an athlete, and no other group's money for a coach
select is(tests.try_as('athlete', $$select jsonb_array_length(public.sync_ids('blocked_slots'))$$), '0',
  'an athlete''s device is told it holds no blocked time, and drops what it synced');
select is(tests.try_as('coach2', $$select count(*) from jsonb_array_elements_text(public.sync_ids('purchases')) i
  where i = '95000000-0000-4000-8000-000000000003'$$), '0',
  'a coach of another group''s device is told to drop the athlete''s purchase');

-- the coaches' part is the athlete record's: it moves with the athlete's group
update public.athletes set group_id = '20000000-0000-4000-8000-0000000000a2'
 where id = '30000000-0000-4000-8000-0000000000a1';
select is(tests.try_as('coach2', (select probe from probes where tbl = 'credit_balances')), '1',
  'when the athlete moves to group A2, its coach sees their balance');
select is(tests.try_as('coach', (select probe from probes where tbl = 'credit_balances')), '0',
  'and the coach of their old group no longer does');
update public.athletes set group_id = '20000000-0000-4000-8000-0000000000a1'
 where id = '30000000-0000-4000-8000-0000000000a1';

-- a deleted athlete record links nobody
update public.athletes set deleted_at = now() where id = '30000000-0000-4000-8000-0000000000a1';
select is(tests.try_as('coach', (select probe from probes where tbl = 'purchases')), '0',
  'a coach sees no money of an account whose athlete record was deleted');
select is(tests.try_as('admin', (select probe from probes where tbl = 'purchases')), '1',
  'admins still do');
update public.athletes set deleted_at = null where id = '30000000-0000-4000-8000-0000000000a1';

-- one account, two clubs: coaching someone in club A shows nothing of their money
-- in club B, even to a coach of club B (of another group)
insert into public.memberships (org_id, user_id, role) values
  ('10000000-0000-4000-8000-00000000000b', tests.get_supabase_uid('athlete'), 'member'),
  ('10000000-0000-4000-8000-00000000000b', tests.get_supabase_uid('coach'), 'coach');
insert into public.credit_ledger (org_id, user_id, delta, kind) values
  ('10000000-0000-4000-8000-00000000000b', tests.get_supabase_uid('athlete'), 3, 'adjustment');
select is(tests.try_as('coach', $$select count(*) from public.credit_balances where org_id = '10000000-0000-4000-8000-00000000000b'$$),
  '0', 'the athlete''s coach in club A sees none of their balance in club B, though coach there too');
select is(tests.try_as('admin_b', $$select count(*) from public.credit_balances where user_id = tests.get_supabase_uid('athlete')$$),
  '1', 'club B''s admin sees the balance in club B, and not the one in club A');
select is(tests.try_as('athlete', $$select count(*) from public.credit_balances where user_id = auth.uid()$$),
  '2', 'the athlete sees their balances in both clubs');

select * from finish();
rollback;
