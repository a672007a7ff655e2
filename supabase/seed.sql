-- demo data for the local stack and `supabase db reset` (never `db push`):
-- a running club in Moscow with two training groups, four people to sign in as,
-- twenty athletes with schedules and ranks in seed 001's formats, some rank history
-- and an open invitation. every demo password is `trackside-demo`.
--
--   admin@trackside.test    owner of the club            d0000000-0000-4000-8000-000000000001
--   coach@trackside.test    coach of «Начинающие»         d0000000-0000-4000-8000-000000000002
--   coach2@trackside.test   coach of «Спринт»             d0000000-0000-4000-8000-000000000003
--   athlete@trackside.test  athlete Петров Иван (group 1) d0000000-0000-4000-8000-000000000004
--
--   club      d1000000-0000-4000-8000-000000000001  «Старт», slug start
--   groups    d2000000-0000-4000-8000-000000000001  Начинающие (this season, e.g. 2026-2027)
--             d2000000-0000-4000-8000-000000000002  Спринт (this season)
--   athletes  d4000000-0000-4000-8000-0000000000NN  (NN = 01…20; 01 is the athlete's own)
--   invitation code JUMP-FAST (athletes, 50 uses, 90 days from seeding)
--
-- users are inserted the way supabase's own seeds do (auth.users + auth.identities,
-- bcrypt via pgcrypto, empty strings in the token columns gotrue reads), so the same
-- file works on a real supabase database. re-running it changes nothing.
--
-- the date: every row that depends on it is computed from now(), the one instant of
-- the seed's transaction, on the club's calendar (Europe/Moscow): the season is the
-- one that day falls in (1 September → 31 August) and the rank history the seasons
-- before it; sessions run from that day on and are marked for the days before it.
-- the demo users' auth.users.created_at records that instant (the end-to-end tests
-- pin the browser's clock to it). nothing here names a year or a weekday of its own.

-- the season of the seed's day on the club's calendar, `p_shift` seasons later (negative:
-- earlier), as "2026-2027"; a temporary function, gone with the session
create or replace function pg_temp.demo_season(p_shift int default 0)
returns text
language sql stable
as $$
  select (y + p_shift)::text || '-' || (y + p_shift + 1)::text
    from (select extract(year from d)::int - case when extract(month from d) >= 9 then 0 else 1 end as y
            from (select (now() at time zone 'Europe/Moscow')::date as d) today) season_start
$$;

-- people -------------------------------------------------------------------------------------
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change
)
select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email,
       extensions.crypt('trackside-demo', extensions.gen_salt('bf')), now(),
       '{"provider": "email", "providers": ["email"]}'::jsonb,
       jsonb_build_object('display_name', u.display_name), now(), now(),
       '', '', '', ''
  from (values
    ('d0000000-0000-4000-8000-000000000001'::uuid, 'admin@trackside.test', 'Ольга Смирнова'),
    ('d0000000-0000-4000-8000-000000000002'::uuid, 'coach@trackside.test', 'Игорь Волков'),
    ('d0000000-0000-4000-8000-000000000003'::uuid, 'coach2@trackside.test', 'Марина Козлова'),
    ('d0000000-0000-4000-8000-000000000004'::uuid, 'athlete@trackside.test', 'Иван Петров')
  ) as u(id, email, display_name)
on conflict (id) do nothing;

insert into auth.identities (id, user_id, provider_id, provider, identity_data, last_sign_in_at, created_at, updated_at)
select u.id, u.id, u.id::text, 'email',
       jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true, 'phone_verified', false),
       now(), now(), now()
  from auth.users u
 where u.id in ('d0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002',
                'd0000000-0000-4000-8000-000000000003', 'd0000000-0000-4000-8000-000000000004')
on conflict do nothing;

-- profiles come from the auth.users trigger; the demo's prefer Russian
update public.profiles set locale = 'ru', time_zone = 'Europe/Moscow'
 where id in ('d0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002',
              'd0000000-0000-4000-8000-000000000003', 'd0000000-0000-4000-8000-000000000004')
   and time_zone is null;

-- the club -------------------------------------------------------------------------------------
insert into public.organizations (id, kind, name, slug, time_zone, locale) values
  ('d1000000-0000-4000-8000-000000000001', 'club', 'Лёгкоатлетический клуб «Старт»', 'start', 'Europe/Moscow', 'ru')
on conflict (id) do nothing;

insert into public.memberships (org_id, user_id, role) values
  ('d1000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', 'owner'),
  ('d1000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002', 'coach'),
  ('d1000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000003', 'coach'),
  ('d1000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000004', 'athlete')
on conflict (org_id, user_id) do nothing;

insert into public.training_groups (id, org_id, name, season) values
  ('d2000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001', 'Начинающие', pg_temp.demo_season()),
  ('d2000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000001', 'Спринт', pg_temp.demo_season())
on conflict (id) do nothing;

insert into public.training_group_coaches (id, org_id, group_id, user_id) values
  ('d3000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001',
   'd2000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002'),
  ('d3000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000001',
   'd2000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000003')
on conflict (id) do nothing;

-- athletes ---------------------------------------------------------------------------------------
insert into public.athletes (id, org_id, group_id, user_id, name, season, status, schedule, rank_start, rank_end, moyklass_user_id, notes)
select ('d4000000-0000-4000-8000-0000000000' || a.n)::uuid, 'd1000000-0000-4000-8000-000000000001',
       a.group_id::uuid, a.user_id::uuid, a.name, pg_temp.demo_season(), a.status, a.schedule, a.rank_start, a.rank_end,
       a.moyklass_user_id, a.notes
  from (values
    -- «Начинающие»
    ('01', 'd2000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000004', 'Петров Иван', 'active',
     'Пн 18:00, Ср 18:00', 'III юношеский разряд', null, 1002301, null),
    ('02', 'd2000000-0000-4000-8000-000000000001', null, 'Смирнова Анна', 'active',
     'Пн 18:00, Ср 18:00, Пт 17:30', 'Без разряда', null, 1002302, null),
    ('03', 'd2000000-0000-4000-8000-000000000001', null, 'Кузнецов Артём', 'active',
     'Самозапись', null, null, null, null),
    ('04', 'd2000000-0000-4000-8000-000000000001', null, 'Попова Мария', 'active',
     'Вт 17:00, Чт 17:00', 'II юношеский разряд', null, 1002304, null),
    ('05', 'd2000000-0000-4000-8000-000000000001', null, 'Васильев Дмитрий', 'active',
     null, 'Без разряда', null, null, 'Пришёл в октябре, пробное занятие'),
    ('06', 'd2000000-0000-4000-8000-000000000001', null, 'Соколова Елизавета', 'active',
     'Пн 18:00, Ср 19:00', 'III юношеский разряд', null, 1002306, null),
    ('07', 'd2000000-0000-4000-8000-000000000001', null, 'Михайлов Никита', 'active',
     'Сб 10:00', null, null, null, null),
    ('08', 'd2000000-0000-4000-8000-000000000001', null, 'Новикова Полина', 'active',
     'Самозапись', 'I юношеский разряд', null, 1002308, null),
    ('09', 'd2000000-0000-4000-8000-000000000001', null, 'Фёдоров Максим', 'inactive',
     'Вт 17:00, Чт 17:00, Сб 11:00', 'II юношеский разряд', null, null, 'Травма голеностопа, перерыв до января'),
    ('10', 'd2000000-0000-4000-8000-000000000001', null, 'Морозова Варвара', 'active',
     null, null, null, null, null),
    -- «Спринт»
    ('11', 'd2000000-0000-4000-8000-000000000002', null, 'Волков Егор', 'active',
     'Пн 19:00, Ср 19:00, Пт 19:00', 'I взрослый разряд', 'КМС', 1002311, null),
    ('12', 'd2000000-0000-4000-8000-000000000002', null, 'Алексеева Софья', 'active',
     'Вт 19:30, Чт 19:30', 'КМС', null, 1002312, null),
    ('13', 'd2000000-0000-4000-8000-000000000002', null, 'Лебедев Кирилл', 'active',
     'Самозапись', 'II взрослый разряд', null, null, null),
    ('14', 'd2000000-0000-4000-8000-000000000002', null, 'Семёнова Дарья', 'active',
     'Пн 19:00, Ср 19:00', 'МС', null, 1002314, 'Сборы в Кисловодске в марте'),
    ('15', 'd2000000-0000-4000-8000-000000000002', null, 'Егоров Матвей', 'active',
     'Вт 19:30, Чт 19:30, Сб 12:00', 'III взрослый разряд', null, null, null),
    ('16', 'd2000000-0000-4000-8000-000000000002', null, 'Павлова Ксения', 'active',
     null, 'I взрослый разряд', null, 1002316, null),
    ('17', 'd2000000-0000-4000-8000-000000000002', null, 'Козлов Тимофей', 'active',
     'Пт 18:30', 'КМС', null, null, null),
    ('18', 'd2000000-0000-4000-8000-000000000002', null, 'Степанова Алиса', 'active',
     'Самозапись', 'II взрослый разряд', null, null, null),
    ('19', 'd2000000-0000-4000-8000-000000000002', null, 'Николаев Лев', 'active',
     'Пн 07:00, Ср 07:00, Пт 07:00', 'МСМК', null, 1002319, null),
    -- not in a group yet: only admins see them
    ('20', null, null, 'Орлова Вероника', 'active',
     null, null, null, null, 'Записалась через сайт, распределить в группу')
  ) as a(n, group_id, user_id, name, status, schedule, rank_start, rank_end, moyklass_user_id, notes)
on conflict (id) do nothing;

-- ranks of past seasons (the last one, and the one before it)
insert into public.rank_history (id, org_id, athlete_id, season, rank_start, rank_end) values
  ('d5000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001',
   'd4000000-0000-4000-8000-000000000001', pg_temp.demo_season(-1), 'Без разряда', 'III юношеский разряд'),
  ('d5000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000001',
   'd4000000-0000-4000-8000-000000000011', pg_temp.demo_season(-1), 'II взрослый разряд', 'I взрослый разряд'),
  ('d5000000-0000-4000-8000-000000000003', 'd1000000-0000-4000-8000-000000000001',
   'd4000000-0000-4000-8000-000000000014', pg_temp.demo_season(-2), 'КМС', 'МС'),
  ('d5000000-0000-4000-8000-000000000004', 'd1000000-0000-4000-8000-000000000001',
   'd4000000-0000-4000-8000-000000000014', pg_temp.demo_season(-1), 'МС', 'МС')
on conflict (id) do nothing;

-- an open invitation for athletes (e.g. for the sign-up flow in a demo)
insert into public.invitations (id, org_id, role, code, token, expires_at, max_uses, created_by) values
  ('d6000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001', 'athlete',
   'JUMP-FAST', 'demo_invitation_link_token_for_trackside_01', now() + interval '90 days', 50,
   'd0000000-0000-4000-8000-000000000001')
on conflict (id) do nothing;

-- money and moyklass (the purchases page, the mailbox, the roster's subscription filter) ---------
-- two packages and a club T-shirt on sale, the discount code START10 (10 %), and the demo
-- Moyklass api key, stored server-side only (private schema: no client can read it). the key
-- belongs to the local stack's demo Moyklass (supabase/local/demo-moyklass.ts); on a real
-- project an admin sets the club's own key with set_moyklass_api_key.
insert into public.products (id, org_id, kind, name, description, price_minor, currency, credits, valid_days) values
  ('d7000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001', 'package',
   '8 тренировок', 'Восемь занятий в любой группе клуба, действует 60 дней', 640000, 'RUB', 8, 60),
  ('d7000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000001', 'package',
   '16 тренировок', 'Шестнадцать занятий, действует 90 дней', 1120000, 'RUB', 16, 90),
  ('d7000000-0000-4000-8000-000000000003', 'd1000000-0000-4000-8000-000000000001', 'product',
   'Футболка клуба «Старт»', null, 150000, 'RUB', null, null)
on conflict (id) do nothing;

insert into public.discount_codes (id, org_id, code, percent_off) values
  ('d8000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001', 'START10', 10)
on conflict (id) do nothing;

insert into private.moyklass_credentials (org_id, api_key) values
  ('d1000000-0000-4000-8000-000000000001', 'demo-moyklass-api-key-trackside')
on conflict (org_id) do nothing;

-- attendance demo (20261204121000_attendance.sql) ------------------------------------------------
-- a second coach of «Начинающие», the two groups' weekly timetables (the times their
-- athletes' schedules name), four weeks of past sessions with marks, and sessions
-- from today on (generate_sessions), so «Сегодня» has something to show on any day:
-- a day «Начинающие» have no class (Friday, Sunday) gets an extra session of theirs.
--
--   assistant@trackside.test  second coach of «Начинающие»   d0000000-0000-4000-8000-000000000005
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change
)
values ('00000000-0000-0000-0000-000000000000', 'd0000000-0000-4000-8000-000000000005', 'authenticated',
        'authenticated', 'assistant@trackside.test', extensions.crypt('trackside-demo', extensions.gen_salt('bf')),
        now(), '{"provider": "email", "providers": ["email"]}'::jsonb,
        '{"display_name": "Сергей Орлов"}'::jsonb, now(), now(), '', '', '', '')
on conflict (id) do nothing;

insert into auth.identities (id, user_id, provider_id, provider, identity_data, last_sign_in_at, created_at, updated_at)
select u.id, u.id, u.id::text, 'email',
       jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true, 'phone_verified', false),
       now(), now(), now()
  from auth.users u
 where u.id = 'd0000000-0000-4000-8000-000000000005'
on conflict do nothing;

update public.profiles set locale = 'ru', time_zone = 'Europe/Moscow'
 where id = 'd0000000-0000-4000-8000-000000000005' and time_zone is null;

insert into public.memberships (org_id, user_id, role) values
  ('d1000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000005', 'coach')
on conflict (org_id, user_id) do nothing;

insert into public.training_group_coaches (id, org_id, group_id, user_id) values
  ('d3000000-0000-4000-8000-000000000003', 'd1000000-0000-4000-8000-000000000001',
   'd2000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000005')
on conflict (id) do nothing;

-- weekly timetables (weekday 0 = Sunday), 90 minutes, from five weeks ago
insert into public.group_timetables (id, org_id, group_id, coach_id, weekday, start_time, duration_minutes,
  time_zone, start_date, capacity, room, title)
select ('d7000000-0000-4000-8000-0000000000' || t.n)::uuid, 'd1000000-0000-4000-8000-000000000001',
       t.group_id::uuid, t.coach_id::uuid, t.weekday, t.start_time::time, 90, 'Europe/Moscow',
       (now() at time zone 'Europe/Moscow')::date - 35, 30,
       case t.title when 'Спринт' then 'Стадион «Старт»' else 'Манеж «Старт», сектор 2' end, t.title
  from (values
    ('01', 'd2000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002', 1, '18:00', 'Начинающие'),
    ('02', 'd2000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002', 2, '17:00', 'Начинающие'),
    ('03', 'd2000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002', 3, '18:00', 'Начинающие'),
    ('04', 'd2000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002', 4, '17:00', 'Начинающие'),
    ('05', 'd2000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002', 6, '10:00', 'Начинающие'),
    ('11', 'd2000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000003', 1, '19:00', 'Спринт'),
    ('12', 'd2000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000003', 2, '19:30', 'Спринт'),
    ('13', 'd2000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000003', 3, '19:00', 'Спринт'),
    ('14', 'd2000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000003', 4, '19:30', 'Спринт'),
    ('15', 'd2000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000003', 5, '19:00', 'Спринт'),
    ('16', 'd2000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000003', 6, '12:00', 'Спринт')
  ) as t(n, group_id, coach_id, weekday, start_time, title)
on conflict (id) do nothing;

-- the past four weeks' sessions (generation only makes future ones); a session that
-- has ended is completed
insert into public.training_sessions (org_id, coach_id, group_id, kind, origin, timetable_id, local_date,
  time_zone, starts_at, ends_at, status, capacity, room, title)
select t.org_id, t.coach_id, t.group_id, 'group', 'group_timetable', t.id, d.day, t.time_zone,
       private.zoned_instant(d.day, t.start_time, t.time_zone),
       private.zoned_instant(d.day, t.start_time, t.time_zone) + make_interval(mins => t.duration_minutes),
       case when private.zoned_instant(d.day, t.start_time, t.time_zone)
                 + make_interval(mins => t.duration_minutes) <= now() then 'completed' else 'scheduled' end,
       t.capacity, t.room, t.title
  from public.group_timetables t
  cross join lateral (
    select g::date as day
      from generate_series((now() at time zone t.time_zone)::date - 28,
                           (now() at time zone t.time_zone)::date, interval '1 day') g
  ) d
 where t.id::text like 'd7000000-%'
   and extract(dow from d.day) = t.weekday
   and private.zoned_instant(d.day, t.start_time, t.time_zone) <= now()
on conflict do nothing;

-- from now on, as the daily job does
select public.generate_sessions();

-- a day without a class of «Начинающие» (Friday, Sunday): an extra session at 11:00, so their
-- coaches' «Сегодня» is never empty on the seed's day. it comes first among the group's
-- sessions that day and after, so a test reads the group's sessions from the database
-- rather than assuming the first is a regular class.
insert into public.training_sessions (id, org_id, coach_id, group_id, kind, origin, local_date, time_zone,
  starts_at, ends_at, capacity, room, title)
select 'd8000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001',
       'd0000000-0000-4000-8000-000000000002', 'd2000000-0000-4000-8000-000000000001', 'group',
       'one_time_booking', d.day, 'Europe/Moscow',
       private.zoned_instant(d.day, '11:00', 'Europe/Moscow'),
       private.zoned_instant(d.day, '12:30', 'Europe/Moscow'), 30, 'Стадион', 'Дополнительная тренировка'
  from (select (now() at time zone 'Europe/Moscow')::date as day) d
 where not exists (
   select from public.training_sessions s
    where s.group_id = 'd2000000-0000-4000-8000-000000000001' and s.local_date = d.day
      and s.status <> 'cancelled' and s.deleted_at is null)
on conflict (id) do nothing;

-- marks for the sessions before today: mostly present, some absences and excused
-- ones, Васильев Дмитрий's first session a trial; ids as the devices derive them
insert into public.attendance (id, org_id, session_id, athlete_id, status, marked_by, marked_at)
select private.attendance_id(s.id, a.id), s.org_id, s.id, a.id,
       case
         when a.id = 'd4000000-0000-4000-8000-000000000005'
              and s.local_date = (select min(s2.local_date) from public.training_sessions s2
                                   where s2.group_id = s.group_id and s2.timetable_id::text like 'd7000000-%')
           then 'trial'
         else (array['present', 'present', 'present', 'present', 'present', 'present', 'present',
                     'absent', 'excused', 'present'])[1 + abs(hashtext(s.id::text || a.id::text)) % 10]
       end,
       s.coach_id, s.ends_at
  from public.training_sessions s
  join public.athletes a on a.group_id = s.group_id and a.status = 'active' and a.deleted_at is null
 where s.timetable_id::text like 'd7000000-%'
   and s.local_date < (now() at time zone s.time_zone)::date
on conflict do nothing;

-- booking screens (20261204124000): the demo coach takes one-to-one bookings ----------------
-- so /book shows free slots: hour-long sessions in Moscow time, Monday–Friday 16:00–20:00
-- and Saturday 10:00–14:00, booked at least two hours ahead and up to 60 days out,
-- cancellable by the member until 12 hours before. re-running adds nothing.
insert into public.coach_settings (id, org_id, coach_id, time_zone, default_duration_minutes,
  default_room, buffer_before_minutes, buffer_after_minutes, minimum_notice_minutes,
  slot_interval_minutes, booking_horizon_days, cancellation_window_minutes) values
  ('d7000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001',
   'd0000000-0000-4000-8000-000000000002', 'Europe/Moscow', 60, 'Манеж', 0, 0, 120, 60, 60, 720)
on conflict (org_id, coach_id) do nothing;

insert into public.weekly_availability (id, org_id, coach_id, weekday, start_time, end_time, is_individual, is_group, room)
select ('d7100000-0000-4000-8000-00000000000' || w.weekday)::uuid, 'd1000000-0000-4000-8000-000000000001',
       'd0000000-0000-4000-8000-000000000002', w.weekday, w.start_time, w.end_time, true, false, 'Манеж'
  from (values (1, time '16:00', time '20:00'), (2, '16:00', '20:00'), (3, '16:00', '20:00'),
               (4, '16:00', '20:00'), (5, '16:00', '20:00'), (6, '10:00', '14:00'))
    as w(weekday, start_time, end_time)
on conflict (id) do nothing;

-- a second club (organization switcher, issue 4) ----------------------------------------------
-- coach@trackside.test also coaches here, so the demo has someone in two organizations:
-- the switcher on the home page and in the app bar picks which club's athletes show.
--
--   admin2@trackside.test   owner of «Стрела»              ad000000-0000-4000-8000-000000000001
--   club      ad100000-0000-4000-8000-000000000001  «Стрела», slug strela (Yekaterinburg time)
--   group     ad200000-0000-4000-8000-000000000001  Стайеры (this season), coach@trackside.test
--   athletes  ad400000-0000-4000-8000-00000000000N  (N = 1…3)
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change
)
values ('00000000-0000-0000-0000-000000000000', 'ad000000-0000-4000-8000-000000000001', 'authenticated',
        'authenticated', 'admin2@trackside.test', extensions.crypt('trackside-demo', extensions.gen_salt('bf')),
        now(), '{"provider": "email", "providers": ["email"]}'::jsonb,
        '{"display_name": "Сергей Орлов"}'::jsonb, now(), now(), '', '', '', '')
on conflict (id) do nothing;

insert into auth.identities (id, user_id, provider_id, provider, identity_data, last_sign_in_at, created_at, updated_at)
select u.id, u.id, u.id::text, 'email',
       jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true, 'phone_verified', false),
       now(), now(), now()
  from auth.users u
 where u.id = 'ad000000-0000-4000-8000-000000000001'
on conflict do nothing;

update public.profiles set locale = 'ru', time_zone = 'Asia/Yekaterinburg'
 where id = 'ad000000-0000-4000-8000-000000000001' and time_zone is null;

insert into public.organizations (id, kind, name, slug, time_zone, locale) values
  ('ad100000-0000-4000-8000-000000000001', 'club', 'Спортивный клуб «Стрела»', 'strela', 'Asia/Yekaterinburg', 'ru')
on conflict (id) do nothing;

insert into public.memberships (org_id, user_id, role) values
  ('ad100000-0000-4000-8000-000000000001', 'ad000000-0000-4000-8000-000000000001', 'owner'),
  ('ad100000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002', 'coach')
on conflict (org_id, user_id) do nothing;

insert into public.training_groups (id, org_id, name, season) values
  ('ad200000-0000-4000-8000-000000000001', 'ad100000-0000-4000-8000-000000000001', 'Стайеры', pg_temp.demo_season())
on conflict (id) do nothing;

insert into public.training_group_coaches (id, org_id, group_id, user_id) values
  ('ad300000-0000-4000-8000-000000000001', 'ad100000-0000-4000-8000-000000000001',
   'ad200000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002')
on conflict (id) do nothing;

insert into public.athletes (id, org_id, group_id, name, season, status, schedule, rank_start) values
  ('ad400000-0000-4000-8000-000000000001', 'ad100000-0000-4000-8000-000000000001',
   'ad200000-0000-4000-8000-000000000001', 'Зайцева Ульяна', pg_temp.demo_season(), 'active', 'Вт 18:00, Чт 18:00', 'II взрослый разряд'),
  ('ad400000-0000-4000-8000-000000000002', 'ad100000-0000-4000-8000-000000000001',
   'ad200000-0000-4000-8000-000000000001', 'Беляев Роман', pg_temp.demo_season(), 'active', 'Самозапись', 'I взрослый разряд'),
  ('ad400000-0000-4000-8000-000000000003', 'ad100000-0000-4000-8000-000000000001',
   'ad200000-0000-4000-8000-000000000001', 'Гусева Таисия', pg_temp.demo_season(), 'active', 'Сб 09:00', null)
on conflict (id) do nothing;

-- the demo coach's public page, /volkov, and what it offers to book
insert into public.coach_pages (id, org_id, coach_id, slug, published, display_name, bio, sports,
    certifications, place, languages) values
  ('d9000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001',
   'd0000000-0000-4000-8000-000000000002', 'volkov', true, 'Игорь Волков',
   'Тренер по лёгкой атлетике: спринт и барьерный бег. Готовлю к первым стартам и к нормативам разрядов.',
   array['Лёгкая атлетика', 'Спринт'], array['Тренер высшей категории'],
   'Москва, стадион «Старт»', array['ru', 'en'])
on conflict (id) do nothing;

insert into public.session_types (id, org_id, coach_id, name, description, duration_minutes,
    price_minor, currency, position) values
  ('da000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001',
   'd0000000-0000-4000-8000-000000000002', 'Пробная тренировка',
   'Знакомство, разминка и оценка техники бега', 30, 0, 'RUB', 1),
  ('da000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000001',
   'd0000000-0000-4000-8000-000000000002', 'Индивидуальная тренировка',
   'Час работы над стартом, техникой и скоростью', 60, 250000, 'RUB', 2)
on conflict (id) do nothing;

-- the demo coach's mini-courses (20261206156000_courses.sql) ---------------------------------------
-- «Техника бега для начинающих» is sold on /volkov with one individual session
-- (the course + booking combo): a preview lesson anyone reads, a lesson with a
-- quiz (pass mark 67 %: two of three) that opens the next one, and a lesson that
-- opens 3 days after enrolment at the learner's midnight; order is enforced.
-- «Разминка перед стартом» is free: a signed-in visitor enrols with one tap.
-- «Питание в день старта» is given for an email: on /volkov/courses/<id> a
-- visitor leaves an address and gets a link (20261206160000_public_courses.sql).
insert into public.courses (id, org_id, coach_id, title, summary, access, published, enforce_order) values
  ('db000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001',
   'd0000000-0000-4000-8000-000000000002', 'Техника бега для начинающих',
   'Четыре коротких урока: стойка, работа рук, каденс и первая неделя тренировок. С тестом и одной индивидуальной тренировкой.',
   'paid', true, true),
  ('db000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000001',
   'd0000000-0000-4000-8000-000000000002', 'Разминка перед стартом',
   'Десять минут, которые берегут от травм: суставная разминка и беговые упражнения.',
   'free', true, false),
  ('db000000-0000-4000-8000-000000000003', 'd1000000-0000-4000-8000-000000000001',
   'd0000000-0000-4000-8000-000000000002', 'Питание в день старта',
   'Что есть и пить за сутки, за три часа и за час до забега. Два коротких урока.',
   'email', true, false)
on conflict (id) do nothing;

insert into public.course_lessons (id, org_id, course_id, position, title, kind, body, is_preview,
    drip_days, quiz, pass_mark) values
  ('dc000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001',
   'db000000-0000-4000-8000-000000000001', 1, 'Стойка и наклон корпуса', 'text',
   E'Бегите «высоко»: голова над плечами, плечи над тазом, взгляд вперёд на 20–30 метров.\n\nНаклон корпуса идёт от голеностопа, а не от пояса: представьте, что вы падаете вперёд и подхватываете себя шагом.\n\nУпражнение: постойте у стены, касаясь её пятками, ягодицами и лопатками, затем отойдите и сохраните это положение в беге трусцой 2 × 100 м.',
   true, 0, null, null),
  ('dc000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000001',
   'db000000-0000-4000-8000-000000000001', 2, 'Работа рук', 'text',
   E'Руки задают ритм ногам. Локоть согнут примерно под прямым углом, кисть расслаблена.\n\nДвижение — вперёд-назад вдоль корпуса, не поперёк: кисть доходит до уровня груди впереди и до кармана сзади.\n\nПроверьте себя тестом ниже: чтобы открыть следующий урок, нужно ответить верно на два вопроса из трёх.',
   false, 0,
   '{"questions":[{"text":"Какой угол в локте при беге?","options":["Прямая рука","Примерно 90°","Как можно острее"]},{"text":"Куда движутся руки?","options":["Поперёк корпуса","Вперёд-назад вдоль корпуса"]},{"text":"Что задаёт ритм ногам?","options":["Руки","Дыхание","Пятки"]}]}',
   67),
  ('dc000000-0000-4000-8000-000000000003', 'd1000000-0000-4000-8000-000000000001',
   'db000000-0000-4000-8000-000000000001', 3, 'Каденс: сколько шагов в минуту', 'text',
   E'Начинающие часто делают длинный редкий шаг и приземляются на пятку далеко впереди себя.\n\nПосчитайте шаги одной ноги за 30 секунд и умножьте на 4: это ваш каденс. Ориентир — 165–180 шагов в минуту.\n\nДобавляйте 5 % за неделю, не больше.',
   false, 0, null, null),
  ('dc000000-0000-4000-8000-000000000004', 'd1000000-0000-4000-8000-000000000001',
   'db000000-0000-4000-8000-000000000001', 4, 'Первая неделя тренировок', 'text',
   E'Три пробежки по 20 минут в разговорном темпе, между ними — день отдыха.\n\nВ конце каждой пробежки — 4 ускорения по 60 метров с акцентом на стойку и руки.\n\nЗапишитесь на индивидуальную тренировку: она входит в курс.',
   false, 3, null, null),
  ('dc000000-0000-4000-8000-000000000005', 'd1000000-0000-4000-8000-000000000001',
   'db000000-0000-4000-8000-000000000002', 1, 'Суставная разминка', 'text',
   E'Сверху вниз: шея, плечи, локти, кисти, корпус, таз, колени, стопы — по 8 движений в каждую сторону.\n\nЗатем 5 минут лёгкого бега и беговые упражнения: высокое поднимание бедра, захлёст голени, прыжковый шаг — по 2 × 20 м.',
   false, 0, null, null),
  ('dc000000-0000-4000-8000-000000000006', 'd1000000-0000-4000-8000-000000000001',
   'db000000-0000-4000-8000-000000000003', 1, 'Накануне старта', 'text',
   E'Ужин — привычный, с крупой или макаронами, без новых блюд и острого.\n\nВода — по жажде в течение дня, плюс стакан перед сном.',
   true, 0, null, null),
  ('dc000000-0000-4000-8000-000000000007', 'd1000000-0000-4000-8000-000000000001',
   'db000000-0000-4000-8000-000000000003', 2, 'Утро старта', 'text',
   E'Завтрак за 3 часа: 1–2 г углеводов на килограмм веса, мало клетчатки и жира.\n\nЗа час — 300–500 мл воды; за 15 минут — пара глотков, если хочется пить.',
   false, 0, null, null)
on conflict (id) do nothing;

-- the quiz's right answers: «Примерно 90°», «Вперёд-назад», «Руки»
insert into private.course_quiz_keys (lesson_id, answers) values
  ('dc000000-0000-4000-8000-000000000002', '{1,1,0}')
on conflict (lesson_id) do nothing;

insert into public.products (id, org_id, kind, name, description, price_minor, currency, credits,
    valid_days, coach_id, listed, course_id) values
  ('d7000000-0000-4000-8000-000000000004', 'd1000000-0000-4000-8000-000000000001', 'course',
   'Курс «Техника бега для начинающих»', 'Четыре урока с тестом и одна индивидуальная тренировка (действует 60 дней)',
   199000, 'RUB', 1, 60, 'd0000000-0000-4000-8000-000000000002', true, 'db000000-0000-4000-8000-000000000001')
on conflict (id) do nothing;

-- the club's 8-session package is on the public pages (Buy on /volkov)
update public.products set listed = true where id = 'd7000000-0000-4000-8000-000000000001';

-- page events on /volkov for the last 60 days (20261206161000_analytics.sql), so the coach's
-- dashboard has something to show on a fresh start. only what a browser reports is invented
-- here: purchases, bookings and enrolments are counted from the real rows above, so a funnel's
-- bottom stays exactly what the database holds. deterministic (setseed), in Moscow days.
select setseed(0.15);
with visits as (
  select d, v,
         (current_date - d)::timestamp at time zone 'Europe/Moscow'
           + make_interval(hours => 7 + (random() * 15)::int, mins => (random() * 59)::int) as at,
         (random() * 9e18)::bigint as visitor,
         (array['', '', '', 't.me', 'vk.com', 'google.com', 'yandex.ru'])[1 + (random() * 6)::int] as domain,
         random() as r
    from generate_series(1, 60) d
   cross join lateral generate_series(1, 4 + (d * 7) % 9 + case when extract(isodow from current_date - d) in (6, 7) then 5 else 0 end) v
), events as (
  select md5(format('seed-view:%s:%s', d, v))::uuid as id, 'page_view' as name, at, visitor,
         nullif(domain, '') as domain, null::uuid as offer,
         case when domain = 't.me' then 'telegram' end as utm_source,
         case when domain = 't.me' then 'social' end as utm_medium,
         case when domain = 't.me' then 'spring_start' end as utm_campaign
    from visits
  union all
  select md5(format('seed-offer:%s:%s', d, v))::uuid, 'offer_view', at + interval '40 seconds', visitor, null,
         (array['d7000000-0000-4000-8000-000000000004', 'd7000000-0000-4000-8000-000000000001',
                'da000000-0000-4000-8000-000000000001', 'da000000-0000-4000-8000-000000000002'])[1 + (r * 100)::int % 4]::uuid,
         null, null, null
    from visits where r < 0.65
  union all
  select md5(format('seed-slot:%s:%s', d, v))::uuid, 'slot_selected', at + interval '2 minutes', visitor, null,
         'da000000-0000-4000-8000-000000000001'::uuid, null, null, null
    from visits where r < 0.2
  union all
  select md5(format('seed-checkout:%s:%s', d, v))::uuid, 'checkout_started', at + interval '3 minutes', visitor, null,
         'd7000000-0000-4000-8000-000000000004'::uuid, null, null, null
    from visits where r < 0.08
)
insert into analytics.events (event_id, org_id, coach_id, name, source, occurred_at, received_at, visitor,
    path, offer_id, referrer_domain, utm_source, utm_medium, utm_campaign)
select id, 'd1000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002', name, 'beacon',
       at, at, visitor, '/volkov', offer, domain, utm_source, utm_medium, utm_campaign
  from events
on conflict do nothing;
select analytics.refresh_coach_days();

-- club analytics demo (20261206162000_club_analytics.sql) ----------------------------------------
-- the demo club's athletes joined over the past year, so «Аналитика клуба» has members over time:
-- three eleven months ago, then one about every 18 days, the last today. (the synced-row stamp keeps a
-- created_at once written, so it steps aside for this one update.) only rows not yet dated back
-- are touched, so re-running changes nothing. then the figures are computed, as the hourly job
-- does; the club's first months have fewer than 5 athletes and show as hidden.
alter table public.athletes disable trigger stamp_synced_row;
update public.athletes a
   set created_at = now() - make_interval(days => case when substr(a.id::text, 35)::int <= 3 then 330
                                                       else (20 - substr(a.id::text, 35)::int) * 18 end)
 where a.org_id = 'd1000000-0000-4000-8000-000000000001'
   and a.id::text like 'd4000000-0000-4000-8000-0000000000%'
   and a.created_at >= (select o.created_at from public.organizations o where o.id = a.org_id);
alter table public.athletes enable trigger stamp_synced_row;

select private.refresh_club_analytics();

-- partners demo (20261206170000_partner_core.sql) --------------------------------------------------
--   platform@trackside.test   owner of the platform organization «Trackside»   fa000000-…-000000000001
--   partner@trackside.test    owner of the reseller «СпортСофт Партнёр» (gold) fa000000-…-000000000002
--   youth@trackside.test      owner of «Юность», a club the reseller created   fa000000-…-000000000003
--   orgs  fa100000-…-000000000001 platform, …02 reseller, …03 «Юность» (managed; writes allowed)
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change
)
select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email,
       extensions.crypt('trackside-demo', extensions.gen_salt('bf')), now(),
       '{"provider": "email", "providers": ["email"]}'::jsonb,
       jsonb_build_object('display_name', u.display_name), now(), now(), '', '', '', ''
  from (values
    ('fa000000-0000-4000-8000-000000000001'::uuid, 'platform@trackside.test', 'Анна Платформова'),
    ('fa000000-0000-4000-8000-000000000002'::uuid, 'partner@trackside.test', 'Павел Партнёров'),
    ('fa000000-0000-4000-8000-000000000003'::uuid, 'youth@trackside.test', 'Юлия Юнусова')
  ) as u(id, email, display_name)
on conflict (id) do nothing;

insert into auth.identities (id, user_id, provider_id, provider, identity_data, last_sign_in_at, created_at, updated_at)
select u.id, u.id, u.id::text, 'email',
       jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true, 'phone_verified', false),
       now(), now(), now()
  from auth.users u
 where u.id in ('fa000000-0000-4000-8000-000000000001', 'fa000000-0000-4000-8000-000000000002',
                'fa000000-0000-4000-8000-000000000003')
on conflict do nothing;

update public.profiles set locale = 'ru', time_zone = 'Europe/Moscow'
 where id in ('fa000000-0000-4000-8000-000000000001', 'fa000000-0000-4000-8000-000000000002',
              'fa000000-0000-4000-8000-000000000003') and time_zone is null;

insert into public.organizations (id, kind, name, slug, time_zone, locale) values
  ('fa100000-0000-4000-8000-000000000001', 'platform', 'Trackside', 'trackside-platform', 'Europe/Moscow', 'ru'),
  ('fa100000-0000-4000-8000-000000000002', 'reseller', 'СпортСофт Партнёр', 'sportsoft-partner', 'Europe/Moscow', 'ru'),
  ('fa100000-0000-4000-8000-000000000003', 'club', 'Лёгкоатлетический клуб «Юность»', 'yunost', 'Europe/Moscow', 'ru')
on conflict (id) do nothing;

insert into public.memberships (org_id, user_id, role) values
  ('fa100000-0000-4000-8000-000000000001', 'fa000000-0000-4000-8000-000000000001', 'owner'),
  ('fa100000-0000-4000-8000-000000000002', 'fa000000-0000-4000-8000-000000000002', 'owner'),
  ('fa100000-0000-4000-8000-000000000003', 'fa000000-0000-4000-8000-000000000003', 'owner')
on conflict (org_id, user_id) do nothing;

insert into public.partner_profiles (org_id, program, tier, referral_code, website, contact_email, contact_phone)
values ('fa100000-0000-4000-8000-000000000002', 'reseller', 'gold', 'SPORTSFT', 'https://sportsoft.example',
        'partner@trackside.test', '+7 495 123-45-67')
on conflict (org_id) do nothing;

insert into public.partner_clients (id, partner_org_id, client_org_id, origin, contact_name, contact_email,
    subscription_tier, status, billing_by_partner, allow_write)
values ('fa200000-0000-4000-8000-000000000001', 'fa100000-0000-4000-8000-000000000002',
        'fa100000-0000-4000-8000-000000000003', 'created', 'Юлия Юнусова', 'youth@trackside.test',
        'standard', 'active', true, true)
on conflict (client_org_id) do nothing;

insert into public.training_groups (id, org_id, name, season) values
  ('fa300000-0000-4000-8000-000000000001', 'fa100000-0000-4000-8000-000000000003', 'Спринтеры', pg_temp.demo_season())
on conflict (id) do nothing;

insert into public.athletes (id, org_id, group_id, name, season, status, schedule, rank_start) values
  ('fa400000-0000-4000-8000-000000000001', 'fa100000-0000-4000-8000-000000000003',
   'fa300000-0000-4000-8000-000000000001', 'Белова Дарья', pg_temp.demo_season(), 'active', 'Пн 17:00, Ср 17:00', 'I юношеский разряд'),
  ('fa400000-0000-4000-8000-000000000002', 'fa100000-0000-4000-8000-000000000003',
   'fa300000-0000-4000-8000-000000000001', 'Громов Артём', pg_temp.demo_season(), 'active', 'Пн 17:00, Ср 17:00', null)
on conflict (id) do nothing;

-- the console wrote this club's first entry; a re-run adds none
select private.audit_append('fa100000-0000-4000-8000-000000000003', 'fa100000-0000-4000-8000-000000000002',
         'client.created', 'partner_clients', 'fa200000-0000-4000-8000-000000000001', null,
         '{"origin": "created", "subscriptionTier": "standard"}'::jsonb)
 where not exists (select from audit.entries e where e.chain_org_id = 'fa100000-0000-4000-8000-000000000003');

-- partner dashboard demo (20261206173000_partner_dashboard.sql) ------------------------------------
--   «Юность»'s coach page at /yunost-sprint (its owner coaches there): the page shows the brand of
--   the gold reseller that manages the club once the reseller sets one on /partner
insert into public.coach_pages (id, org_id, coach_id, slug, published, display_name, bio, sports, place, languages)
values ('fa500000-0000-4000-8000-000000000001', 'fa100000-0000-4000-8000-000000000003',
        'fa000000-0000-4000-8000-000000000003', 'yunost-sprint', true, 'Юлия Юнусова',
        'Тренер по спринту клуба «Юность». Группы для школьников 10–16 лет.',
        array['Лёгкая атлетика', 'Спринт'], 'Казань, стадион «Юность»', array['ru'])
on conflict (id) do nothing;

-- results and ЕВСК suggestions (helper C, 20261207120000_results.sql) ----------------------------
--   Иван Петров's competition results: two 60 m indoor (the second a personal best, meeting the
--   I юн norm of the cited 2017 table), a hand-timed 100 m (II юн by the hand norm), one after
--   the cited edition ends (the app says no edition covers its date) and a long jump (no cited
--   norms). He is male, so the men's norms apply.
update public.athletes set sex = 'male'
 where id = 'd4000000-0000-4000-8000-000000000001' and sex is null;

insert into public.competition_results (id, org_id, athlete_id, competed_on, competition, level, discipline,
  result_kind, value, timing, venue, place, notes) values
  ('c7000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001', 'd4000000-0000-4000-8000-000000000001',
   '2022-02-12', 'Первенство города в помещении', 'city', '60m', 'time', 8.90, 'auto', 'indoor', 4, ''),
  ('c7000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000001', 'd4000000-0000-4000-8000-000000000001',
   '2022-05-21', 'Весенний кросс-спринт клуба', 'school', '100m', 'time', 14.3, 'hand', 'outdoor', 2, 'встречный ветер'),
  ('c7000000-0000-4000-8000-000000000003', 'd1000000-0000-4000-8000-000000000001', 'd4000000-0000-4000-8000-000000000001',
   '2023-02-18', 'Первенство области среди юношей', 'regional', '60m', 'time', 8.42, 'auto', 'indoor', 3, ''),
  ('c7000000-0000-4000-8000-000000000004', 'd1000000-0000-4000-8000-000000000001', 'd4000000-0000-4000-8000-000000000001',
   '2025-05-17', 'Кубок города', 'city', '100m', 'time', 13.70, 'auto', 'outdoor', 1, ''),
  ('c7000000-0000-4000-8000-000000000005', 'd1000000-0000-4000-8000-000000000001', 'd4000000-0000-4000-8000-000000000001',
   '2025-06-07', 'Кубок города', 'city', 'long_jump', 'distance', 5.12, null, 'outdoor', 5, '')
on conflict (id) do nothing;

-- training plans demo (issue 17, plan builder; ids a7…) --------------------------------------------
--   template  a7000000-0000-4000-8000-000000000001  «База: 8 недель» by coach@trackside.test
--   workouts  a7100000-0000-4000-8000-000000000WWD  (WW = week, D = day of the plan's week)
--   assigned  a7200000-0000-4000-8000-000000000001  to «Начинающие» from the Monday of the seed's
--             week on the club's calendar; the server copies it to each athlete of the group, so
--             athlete@trackside.test has a plan with a workout every day, today included
insert into public.training_plans (id, org_id, coach_id, title, description, kind, weeks, status)
values ('a7000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001',
        'd0000000-0000-4000-8000-000000000002', 'База: 8 недель',
        'Общая выносливость для начинающих: лёгкий бег, интервалы, силовая и длинная пробежка. Объём растёт 3 недели, четвёртая — разгрузочная.',
        'template', 8, 'active')
on conflict (id) do nothing;

-- the week's pattern; minutes grow 10 % a week and every fourth week is lighter
insert into public.plan_workouts (id, org_id, plan_id, week, day, position, type, title, duration_min,
                                  distance_m, intensity, pace_s_per_km, hr_zone, rpe, notes)
select ('a7100000-0000-4000-8000-000000000' || lpad(w.week::text, 2, '0') || d.day)::uuid,
       'd1000000-0000-4000-8000-000000000001', 'a7000000-0000-4000-8000-000000000001',
       w.week, d.day, 0, d.type, d.title,
       case when d.minutes is null then null
            else round(d.minutes * power(1.1, (w.week - 1) % 4) * case when w.week % 4 = 0 then 0.7 else 1 end)::int end,
       case when d.metres is null then null
            else (round(d.metres * power(1.1, (w.week - 1) % 4) * case when w.week % 4 = 0 then 0.7 else 1 end / 100) * 100)::int end,
       d.intensity, d.pace, d.zone, d.rpe, d.notes
  from generate_series(1, 8) as w(week)
 cross join (values
   (1, 'run', 'Лёгкий бег', 30, null, 'hr_zone', null, 2, null, 'Разговорный темп: можно говорить фразами.'),
   (2, 'intervals', '6 × 400 м', null, 2400, 'pace', 300, null, null, 'Отдых между отрезками — 2 минуты шагом. Разминка и заминка по 10 минут.'),
   (3, 'strength', 'Силовая: ноги и корпус', 30, null, 'rpe', null, null, 6, 'Приседания, выпады, планка, ягодичный мост — 3 круга.'),
   (4, 'run', 'Темповый бег', 25, null, 'hr_zone', null, 3, null, '10 минут легко, затем в зоне 3, в конце 5 минут легко.'),
   (5, 'strength', 'Растяжка и мобильность', 20, null, 'rpe', null, null, 3, 'Лёгкий день без бега.'),
   (6, 'run', 'Длительный бег', null, 6000, 'pace', 420, null, null, 'Ровно, без ускорений; пить воду каждые 20 минут.'),
   (7, 'run', 'Восстановительный бег', 20, null, 'rpe', null, null, 3, 'Совсем легко, можно перейти на шаг.')
 ) as d(day, type, title, minutes, metres, intensity, pace, zone, rpe, notes)
on conflict (id) do nothing;

-- the Monday of the seed's week in Moscow: date_trunc('week') starts weeks on Mondays
insert into public.plan_assignments (id, org_id, plan_id, group_id, start_date, status, created_by)
values ('a7200000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001',
        'a7000000-0000-4000-8000-000000000001', 'd2000000-0000-4000-8000-000000000001',
        date_trunc('week', now() at time zone 'Europe/Moscow')::date, 'active',
        'd0000000-0000-4000-8000-000000000002')
on conflict (id) do nothing;

-- messages demo (20261207130000_messages.sql) ------------------------------------------------------
--   an announcement from coach@ to «Начинающие» (unread by athlete@, so home shows «Сообщения» with
--   a count), and a short conversation between athlete@ (Петров Иван) and coach@. the
--   conversation's id is the one every device derives from (athlete, coach).
insert into public.announcements (id, org_id, group_id, sender_id, title, body, event_on, created_at) values
  ('d7000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001',
   'd2000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002',
   'Тренировка в субботу на стадионе',
   'В субботу занимаемся на открытом стадионе, сбор в 10:00 у главного входа. Возьмите шиповки и тёплую форму.',
   (current_date + 5), now() - interval '2 hours')
on conflict (id) do nothing;

insert into public.conversations (id, org_id, athlete_id, coach_id, created_at) values
  (private.conversation_id('d4000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002'),
   'd1000000-0000-4000-8000-000000000001', 'd4000000-0000-4000-8000-000000000001',
   'd0000000-0000-4000-8000-000000000002', now() - interval '1 day')
on conflict (id) do nothing;

insert into public.conversation_messages (id, org_id, conversation_id, sender_id, body, created_at) values
  ('d7000000-0000-4000-8000-000000000011', 'd1000000-0000-4000-8000-000000000001',
   private.conversation_id('d4000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002'),
   'd0000000-0000-4000-8000-000000000004', 'Игорь Сергеевич, можно мне завтра прийти на полчаса позже?',
   now() - interval '1 day'),
  ('d7000000-0000-4000-8000-000000000012', 'd1000000-0000-4000-8000-000000000001',
   private.conversation_id('d4000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002'),
   'd0000000-0000-4000-8000-000000000002', 'Можно. Разомнись сам, и сразу к группе на беговые упражнения.',
   now() - interval '23 hours')
on conflict (id) do nothing;

-- both have read the conversation up to the coach's answer
insert into public.conversation_reads (id, org_id, conversation_id, user_id, read_through)
select private.conversation_read_id(v.id, u.id), v.org_id, v.id, u.id, now() - interval '23 hours'
  from public.conversations v
 cross join (values ('d0000000-0000-4000-8000-000000000002'::uuid), ('d0000000-0000-4000-8000-000000000004'::uuid)) u(id)
 where v.id = private.conversation_id('d4000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002')
on conflict (id) do nothing;

-- running clubs' seats demo (20261207150000_seat_pools.sql) ---------------------------------------
--   «Старт» sells its plan template «База: 8 недель» as a product, and «Юность» holds a pool of
--   20 seats of it (the running_clubs feature, on for every club by default). «Юность»'s owner
--   assigns seats on /org/<club>/seats; its member runner@ takes one on /seats and then has
--   their own copy of the plan on the home page. nobody holds a seat yet.
--
--   runner@trackside.test  a member of «Юность»                 fa000000-0000-4000-8000-000000000004
--   product  a7300000-0000-4000-8000-000000000001  «План «База: 8 недель»» of «Старт»
--   pool     a7400000-0000-4000-8000-000000000001  20 seats for «Юность», 1 500 ₽ a seat
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change
)
select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email,
       extensions.crypt('trackside-demo', extensions.gen_salt('bf')), now(),
       '{"provider": "email", "providers": ["email"]}'::jsonb,
       jsonb_build_object('display_name', u.display_name), now(), now(), '', '', '', ''
  from (values
    ('fa000000-0000-4000-8000-000000000004'::uuid, 'runner@trackside.test', 'Роман Бегунов')
  ) as u(id, email, display_name)
on conflict (id) do nothing;

insert into auth.identities (id, user_id, provider_id, provider, identity_data, last_sign_in_at, created_at, updated_at)
select u.id, u.id, u.id::text, 'email',
       jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true, 'phone_verified', false),
       now(), now(), now()
  from auth.users u
 where u.id = 'fa000000-0000-4000-8000-000000000004'
on conflict do nothing;

update public.profiles set locale = 'ru', time_zone = 'Europe/Moscow'
 where id = 'fa000000-0000-4000-8000-000000000004' and time_zone is null;

insert into public.memberships (org_id, user_id, role) values
  ('fa100000-0000-4000-8000-000000000003', 'fa000000-0000-4000-8000-000000000004', 'member')
on conflict (org_id, user_id) do nothing;

insert into public.products (id, org_id, kind, name, description, price_minor, currency, training_plan_id) values
  ('a7300000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001', 'product',
   'План «База: 8 недель»', 'Восемь недель общей выносливости от тренера клуба «Старт»: свой экземпляр плана, неделя за неделей',
   290000, 'RUB', 'a7000000-0000-4000-8000-000000000001')
on conflict (id) do nothing;

insert into public.seat_pools (id, org_id, seller_org_id, product_id, seats, price_per_seat_minor, currency, note,
    created_by) values
  ('a7400000-0000-4000-8000-000000000001', 'fa100000-0000-4000-8000-000000000003',
   'd1000000-0000-4000-8000-000000000001', 'a7300000-0000-4000-8000-000000000001', 20, 150000, 'RUB',
   'Весенний набор беговой группы', 'd0000000-0000-4000-8000-000000000001')
on conflict (id) do nothing;

-- club pricing (20261207160500_club_pricing.sql) -------------------------------------------------
-- «Юность» sells a monthly pass; its partnership names YUNOST10 as its partner discount, so
-- a member (runner@) pays 10 % less without a code, and anyone else may use the code.
insert into public.products (id, org_id, kind, name, description, price_minor, currency, credits, valid_days) values
  ('a7600000-0000-4000-8000-000000000001', 'fa100000-0000-4000-8000-000000000003', 'package',
   'Абонемент «Юность»: 12 тренировок', 'Двенадцать тренировок беговой группы, действует 45 дней', 480000, 'RUB', 12, 45)
on conflict (id) do nothing;

insert into public.discount_codes (id, org_id, code, percent_off) values
  ('a7600000-0000-4000-8000-000000000002', 'fa100000-0000-4000-8000-000000000003', 'YUNOST10', 10)
on conflict (id) do nothing;

insert into public.partnership_profiles (org_id, tier, contact_name, contact_email, discount_code_id) values
  ('fa100000-0000-4000-8000-000000000003', 'silver', 'Юлия Юнусова', 'youth@trackside.test',
   'a7600000-0000-4000-8000-000000000002')
on conflict (org_id) do nothing;

-- running clubs' challenges demo (20261207171000_club_challenges.sql) --------------------------------
--   «Юность» runs «Декабрьская сотня»: 100 km of done plan workouts from a week ago to three weeks
--   ahead, in the club's calendar; runner@ has joined and shows on the leaderboard. youth@ (the owner)
--   sees it on the club's dashboard (/org/<club>/club) and sets new ones on /org/<club>/challenges.
--
--   challenge  a7500000-0000-4000-8000-000000000001  «Декабрьская сотня», distance_km, target 100
--   entry      a7500000-0000-4000-8000-000000000002  runner@'s
insert into public.club_challenges (id, org_id, title, metric, target, starts_on, ends_on, created_by)
select 'a7500000-0000-4000-8000-000000000001', 'fa100000-0000-4000-8000-000000000003',
       'Декабрьская сотня', 'distance_km', 100, d.today - 7, d.today + 23, 'fa000000-0000-4000-8000-000000000003'
  from (select (now() at time zone 'Europe/Moscow')::date as today) d
on conflict (id) do nothing;

insert into public.club_challenge_participants (id, org_id, challenge_id, user_id) values
  ('a7500000-0000-4000-8000-000000000002', 'fa100000-0000-4000-8000-000000000003',
   'a7500000-0000-4000-8000-000000000001', 'fa000000-0000-4000-8000-000000000004')
on conflict (id) do nothing;

-- race partnerships demo (20261207160000_races.sql) -------------------------------------------------
--   «Белые ночи», a race organizer (kind race, gold partner), publishes a half marathon about 100
--   days after the seed's day (Moscow) with a 12-week plan for 21,1 km sold at 2 990 ₽, the partner
--   discount NIGHTS15 (15 %), a sponsor's banner on the race page and in participants' plans (the
--   image served by the app itself, /sponsors/…) and a perk with a code for participants. nobody has
--   bought the plan yet: athlete@trackside.test buys it on /races/<race>.
--
--   race@trackside.test  owner of «Белые ночи»                      ba000000-0000-4000-8000-000000000001
--   org        ba100000-0000-4000-8000-000000000001  «Белые ночи», slug white-nights
--   code       ba200000-0000-4000-8000-000000000001  NIGHTS15, 15 %
--   race       ba300000-0000-4000-8000-000000000001  «Полумарафон „Белые ночи“», 10 and 21,097 km
--   template   ba400000-0000-4000-8000-000000000001  «Полумарафон за 12 недель»
--   workouts   ba500000-0000-4000-8000-0000000000WD  (W = week 1–3, D = day of the plan's week)
--   product    ba600000-0000-4000-8000-000000000001  «План к полумарафону „Белые ночи“», 2 990 ₽
--              ba600000-0000-4000-8000-000000000002  «План «12 недель к старту»», 1 990 ₽, for no race yet
--              (a product is sold for one race: the organizer attaches this one to a new race)
--   race plan  ba700000-0000-4000-8000-000000000001  the product for 21 097 m
--   banners    ba800000-0000-4000-8000-00000000000{1,2}  race page, athlete plan
--   perk       ba900000-0000-4000-8000-000000000001  «БегоМаркет», code NIGHTS-RUN20
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change
)
select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email,
       extensions.crypt('trackside-demo', extensions.gen_salt('bf')), now(),
       '{"provider": "email", "providers": ["email"]}'::jsonb,
       jsonb_build_object('display_name', u.display_name), now(), now(), '', '', '', ''
  from (values
    ('ba000000-0000-4000-8000-000000000001'::uuid, 'race@trackside.test', 'Наталья Белова')
  ) as u(id, email, display_name)
on conflict (id) do nothing;

insert into auth.identities (id, user_id, provider_id, provider, identity_data, last_sign_in_at, created_at, updated_at)
select u.id, u.id, u.id::text, 'email',
       jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true, 'phone_verified', false),
       now(), now(), now()
  from auth.users u
 where u.id = 'ba000000-0000-4000-8000-000000000001'
on conflict do nothing;

update public.profiles set locale = 'ru', time_zone = 'Europe/Moscow'
 where id = 'ba000000-0000-4000-8000-000000000001' and time_zone is null;

insert into public.organizations (id, kind, name, slug, time_zone, locale) values
  ('ba100000-0000-4000-8000-000000000001', 'race', 'Белые ночи', 'white-nights', 'Europe/Moscow', 'ru')
on conflict (id) do nothing;

insert into public.memberships (org_id, user_id, role) values
  ('ba100000-0000-4000-8000-000000000001', 'ba000000-0000-4000-8000-000000000001', 'owner')
on conflict (org_id, user_id) do nothing;

insert into public.discount_codes (id, org_id, code, percent_off) values
  ('ba200000-0000-4000-8000-000000000001', 'ba100000-0000-4000-8000-000000000001', 'NIGHTS15', 15)
on conflict (id) do nothing;

insert into public.partnership_profiles (org_id, tier, contact_name, contact_email, contact_phone, discount_code_id)
values ('ba100000-0000-4000-8000-000000000001', 'gold', 'Наталья Белова', 'race@trackside.test',
        '+7 812 555-01-01', 'ba200000-0000-4000-8000-000000000001')
on conflict (org_id) do nothing;

insert into public.races (id, org_id, name, race_date, time_zone, place, distances_m, status) values
  ('ba300000-0000-4000-8000-000000000001', 'ba100000-0000-4000-8000-000000000001',
   'Полумарафон „Белые ночи“', (now() at time zone 'Europe/Moscow')::date + 100, 'Europe/Moscow',
   'Санкт-Петербург, Дворцовая площадь', array[10000, 21097], 'published')
on conflict (id) do nothing;

insert into public.training_plans (id, org_id, coach_id, title, description, kind, weeks, status)
values ('ba400000-0000-4000-8000-000000000001', 'ba100000-0000-4000-8000-000000000001',
        'ba000000-0000-4000-8000-000000000001', 'Полумарафон за 12 недель',
        'От 30 км в неделю к полумарафону: три пробежки и силовая, длинная пробежка растёт к девятой неделе, последние две — подводка к старту.',
        'template', 12, 'active')
on conflict (id) do nothing;

insert into public.plan_workouts (id, org_id, plan_id, week, day, position, type, title, duration_min,
                                  distance_m, intensity, pace_s_per_km, hr_zone, rpe, notes)
select ('ba500000-0000-4000-8000-0000000000' || w.week::text || d.day::text)::uuid,
       'ba100000-0000-4000-8000-000000000001', 'ba400000-0000-4000-8000-000000000001',
       w.week, d.day, 0, d.type, d.title,
       case when d.minutes is null then null else d.minutes + 5 * (w.week - 1) end,
       case when d.metres is null then null else d.metres + 1000 * (w.week - 1) end,
       d.intensity, d.pace, d.zone, d.rpe, d.notes
  from generate_series(1, 3) as w(week)
 cross join (values
   (2, 'run', 'Лёгкий бег', 40, null, 'hr_zone', null, 2, null, 'Разговорный темп.'),
   (4, 'intervals', '5 × 1 км', null, 5000, 'pace', 290, null, null, 'Отдых 400 м трусцой. Разминка и заминка по 15 минут.'),
   (5, 'strength', 'Силовая для бегуна', 30, null, 'rpe', null, null, 6, 'Выпады, подъёмы на носки, планка — 3 круга.'),
   (7, 'run', 'Длинная пробежка', null, 10000, 'pace', 400, null, null, 'Ровно, последние 2 км чуть быстрее.')
 ) as d(day, type, title, minutes, metres, intensity, pace, zone, rpe, notes)
on conflict (id) do nothing;

insert into public.products (id, org_id, kind, name, description, price_minor, currency, training_plan_id) values
  ('ba600000-0000-4000-8000-000000000001', 'ba100000-0000-4000-8000-000000000001', 'product',
   'План к полумарафону „Белые ночи“', 'Двенадцать недель до старта: свой экземпляр плана, неделя за неделей',
   299000, 'RUB', 'ba400000-0000-4000-8000-000000000001'),
  ('ba600000-0000-4000-8000-000000000002', 'ba100000-0000-4000-8000-000000000001', 'product',
   'План «12 недель к старту»', 'Тот же план на двенадцать недель — для следующего забега организатора',
   199000, 'RUB', 'ba400000-0000-4000-8000-000000000001')
on conflict (id) do nothing;

insert into public.race_plans (id, org_id, race_id, product_id, distance_m) values
  ('ba700000-0000-4000-8000-000000000001', 'ba100000-0000-4000-8000-000000000001',
   'ba300000-0000-4000-8000-000000000001', 'ba600000-0000-4000-8000-000000000001', 21097)
on conflict (id) do nothing;

insert into public.race_placements (id, org_id, race_id, slot, sponsor_name, image_url, link_url, starts_on, ends_on)
select v.id, 'ba100000-0000-4000-8000-000000000001', 'ba300000-0000-4000-8000-000000000001', v.slot,
       'БегоМаркет', v.image_url, 'https://begomarket.example/white-nights',
       (now() at time zone 'Europe/Moscow')::date - 7, (now() at time zone 'Europe/Moscow')::date + 100
  from (values
    ('ba800000-0000-4000-8000-000000000001'::uuid, 'race_page', '/sponsors/begomarket-race.svg'),
    ('ba800000-0000-4000-8000-000000000002'::uuid, 'athlete_plan', '/sponsors/begomarket-plan.svg')
  ) as v(id, slot, image_url)
on conflict (id) do nothing;

insert into public.race_perks (id, org_id, race_id, sponsor_name, title, description, code) values
  ('ba900000-0000-4000-8000-000000000001', 'ba100000-0000-4000-8000-000000000001',
   'ba300000-0000-4000-8000-000000000001', 'БегоМаркет', 'Скидка 20 % на беговую обувь',
   'В магазинах и на сайте «БегоМаркета» до дня старта, по коду участника.', 'NIGHTS-RUN20')
on conflict (id) do nothing;
