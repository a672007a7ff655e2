-- same-club references (issue 13, 20261206130000_same_club_references.sql): a row
-- that names a group, session, timetable, series, product, purchase, invitation
-- or athlete names one of its own organization, or the database refuses it
-- (23503), through the api and through sync_push alike — allowed and refused.
--
-- fixture: tests.create_tenancy_fixture(), and `coach` (coach of A1) also
-- coaches B1 in organization B, as the demo coach coaches in «Старт» and «Стрела».
begin;
select plan(30);
select tests.create_tenancy_fixture();

insert into public.memberships (org_id, user_id, role)
values ('10000000-0000-4000-8000-00000000000b', tests.get_supabase_uid('coach'), 'coach');
insert into public.training_group_coaches (id, org_id, group_id, user_id)
values ('70000000-0000-4000-8000-0000000000c1', '10000000-0000-4000-8000-00000000000b',
        '20000000-0000-4000-8000-0000000000b1', tests.get_supabase_uid('coach'));

-- one group session per organization
insert into public.training_sessions (id, org_id, coach_id, group_id, kind, origin, local_date, time_zone, starts_at, ends_at)
values
  ('52000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   '20000000-0000-4000-8000-0000000000a1', 'group', 'one_time_booking', '2026-03-02', 'Europe/Moscow',
   '2026-03-02 18:00+03', '2026-03-02 19:30+03'),
  ('52000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-00000000000b', tests.get_supabase_uid('coach_b'),
   '20000000-0000-4000-8000-0000000000b1', 'group', 'one_time_booking', '2026-03-02', 'Europe/Moscow',
   '2026-03-02 18:00+03', '2026-03-02 19:30+03');

-- the whole class, from the catalogue ----------------------------------------------------------
-- every foreign key from a table with org_id to another table with org_id pairs
-- the target's org_id with the row's org_id: no reference can cross organizations.
-- the one kind of row that joins two clubs by design — a seat of one club's plan
-- held by another club (20261207150000_seat_pools.sql) — pairs it with its
-- seller_org_id instead, a column only the seat functions set
select is(
  (select array_agg(format('%s.%s', c.conrelid::regclass, c.conname) order by 1)
     from pg_constraint c
    where c.contype = 'f'
      and c.connamespace in ('public'::regnamespace, 'private'::regnamespace)
      and exists (select from pg_attribute a where a.attrelid = c.conrelid and a.attname = 'org_id' and not a.attisdropped)
      and exists (select from pg_attribute a where a.attrelid = c.confrelid and a.attname = 'org_id' and not a.attisdropped)
      and not exists (
        select from unnest(c.conkey, c.confkey) as k(col, ref)
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.col
          join pg_attribute r on r.attrelid = c.confrelid and r.attnum = k.ref
         where a.attname in ('org_id', 'seller_org_id') and r.attname = 'org_id')),
  null,
  'every reference between org-scoped tables carries org_id (a composite foreign key)');

-- athletes: the issue's case ---------------------------------------------------------------------
select is(tests.try_as('coach', $$insert into public.athletes (org_id, group_id, name) values ('10000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-0000000000a1', 'Новый Старт')$$),
  '1', 'a coach of two clubs adds an athlete to their group of the first');
select is(tests.try_as('coach', $$insert into public.athletes (org_id, group_id, name) values ('10000000-0000-4000-8000-00000000000b', '20000000-0000-4000-8000-0000000000b1', 'Новый Стрела')$$),
  '1', 'and to their group of the second, in the second');
select is(tests.try_as('coach', $$insert into public.athletes (org_id, group_id, name) values ('10000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-0000000000b1', 'Не туда')$$),
  '23503', 'an athlete of the first club in a group of the second is refused');
select is(tests.try_as('coach', $$update public.athletes set group_id = '20000000-0000-4000-8000-0000000000b1' where id = '30000000-0000-4000-8000-0000000000a2'$$),
  '23503', 'moving an athlete into a group of another club is refused');
select is(tests.try_as('admin', $$insert into public.athletes (org_id, group_id, name) values ('10000000-0000-4000-8000-00000000000a', null, 'Без группы')$$),
  '1', 'an admin may still add an athlete with no group');

-- through the sync engine: an offline edit refused as a reference, the rest applied
select tests.authenticate_as('coach');
select set_config('t.r', public.sync_push('00000000-0000-4000-c000-0000000000c1', '[
  {"seq":1,"table":"athletes","id":"31000000-0000-4000-8000-0000000000a1","op":"insert",
   "fields":{"org_id":"10000000-0000-4000-8000-00000000000a","group_id":"20000000-0000-4000-8000-0000000000b1","name":"Чужая группа","season":"2025-2026"}},
  {"seq":2,"table":"athletes","id":"31000000-0000-4000-8000-0000000000a2","op":"insert",
   "fields":{"org_id":"10000000-0000-4000-8000-00000000000a","group_id":"20000000-0000-4000-8000-0000000000a1","name":"Своя группа","season":"2025-2026"}},
  {"seq":3,"table":"athletes","id":"30000000-0000-4000-8000-0000000000a2","op":"update",
   "fields":{"group_id":"20000000-0000-4000-8000-0000000000b1"}}
]')::text, true);
select tests.clear_authentication();
reset role;
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].status'),
  '["rejected","applied","rejected"]', 'sync_push refuses the cross-club athlete and the cross-club move, applies the other');
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].reason'),
  '["reference","reference"]', 'both are refused as a reference (what /sync names)');
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].code'),
  '["23503","23503"]', 'with the foreign key''s sqlstate');
select is((select string_agg(name || '/' || org_id::text, ',') from public.athletes
            where id in ('31000000-0000-4000-8000-0000000000a1', '31000000-0000-4000-8000-0000000000a2')),
  'Своя группа/10000000-0000-4000-8000-00000000000a', 'only the athlete of the club''s own group exists');
select is((select group_id::text from public.athletes where id = '30000000-0000-4000-8000-0000000000a2'),
  '20000000-0000-4000-8000-0000000000a1', 'the refused move left the athlete in their group');

-- group coaches and group timetables -------------------------------------------------------------
select is(tests.try_as('admin', $$insert into public.training_group_coaches (org_id, group_id, user_id) values ('10000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-0000000000a2', tests.get_supabase_uid('coach'))$$),
  '1', 'an admin assigns a coach to a group of their club');
select is(tests.try_as('admin', $$insert into public.training_group_coaches (org_id, group_id, user_id) values ('10000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-0000000000b1', tests.get_supabase_uid('coach2'))$$),
  '23503', 'not to a group of another club');
select is(tests.try_as('admin', $$insert into public.group_timetables (org_id, group_id, coach_id, weekday, start_time, duration_minutes, time_zone, start_date) values ('10000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach'), 1, '07:00', 60, 'Europe/Moscow', '2026-03-01')$$),
  '1', 'an admin adds a timetable to a group of their club');
select is(tests.try_as('admin', $$insert into public.group_timetables (org_id, group_id, coach_id, weekday, start_time, duration_minutes, time_zone, start_date) values ('10000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-0000000000b1', tests.get_supabase_uid('coach'), 1, '07:00', 60, 'Europe/Moscow', '2026-03-01')$$),
  '23503', 'not to a group of another club');

-- attendance: the session and the athlete are of the mark's club -------------------------------------
select is(tests.try_as('coach', $$insert into public.attendance (id, org_id, session_id, athlete_id, status) values (gen_random_uuid(), '10000000-0000-4000-8000-00000000000a', '52000000-0000-4000-8000-0000000000a1', '30000000-0000-4000-8000-0000000000a2', 'present')$$),
  '1', 'a coach marks an athlete of their club in a session of their club');
select is(tests.try_as('coach', $$insert into public.attendance (id, org_id, session_id, athlete_id, status) values (gen_random_uuid(), '10000000-0000-4000-8000-00000000000a', '52000000-0000-4000-8000-0000000000b1', '30000000-0000-4000-8000-0000000000a2', 'present')$$),
  '23514', 'not in a session of another club (private.guard_attendance)');
select is(tests.try_as('coach', $$insert into public.attendance (id, org_id, session_id, athlete_id, status) values (gen_random_uuid(), '10000000-0000-4000-8000-00000000000b', '52000000-0000-4000-8000-0000000000b1', '30000000-0000-4000-8000-0000000000a2', 'present')$$),
  '23503', 'nor an athlete of another club in a session of the mark''s club');
select ok(exists (select from pg_constraint where conname = 'attendance_session_fkey' and conrelid = 'public.attendance'::regclass),
  'and the session''s club is a key of the schema as well, not only the guard''s check');

-- what the server writes: sessions, seats, conflicts ---------------------------------------------------
select lives_ok($$insert into public.training_sessions (org_id, coach_id, group_id, kind, origin, local_date, time_zone, starts_at, ends_at) values ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach2'), '20000000-0000-4000-8000-0000000000a2', 'group', 'one_time_booking', '2026-03-04', 'Europe/Moscow', '2026-03-04 18:00+03', '2026-03-04 19:00+03')$$,
  'a session of a group of its club');
select throws_ok($$insert into public.training_sessions (org_id, coach_id, group_id, kind, origin, local_date, time_zone, starts_at, ends_at) values ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach2'), '20000000-0000-4000-8000-0000000000b1', 'group', 'one_time_booking', '2026-03-05', 'Europe/Moscow', '2026-03-05 18:00+03', '2026-03-05 19:00+03')$$,
  '23503', null, 'a session of a group of another club is refused');
select throws_ok($$insert into public.bookings (org_id, session_id, coach_id, member_id) values ('10000000-0000-4000-8000-00000000000a', '52000000-0000-4000-8000-0000000000b1', tests.get_supabase_uid('coach_b'), tests.get_supabase_uid('athlete'))$$,
  '23503', null, 'a seat in a session of another club is refused');
select throws_ok($$insert into public.session_conflicts (org_id, coach_id, kind, session_id, local_date, starts_at, ends_at) values ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach_b'), 'outside_availability', '52000000-0000-4000-8000-0000000000b1', '2026-03-02', '2026-03-02 18:00+03', '2026-03-02 19:30+03')$$,
  '23503', null, 'a conflict about a session of another club is refused');
select lives_ok($$insert into public.session_conflicts (org_id, coach_id, kind, session_id, local_date, starts_at, ends_at) values ('10000000-0000-4000-8000-00000000000b', tests.get_supabase_uid('coach_b'), 'outside_availability', '52000000-0000-4000-8000-0000000000b1', '2026-03-02', '2026-03-02 18:00+03', '2026-03-02 19:30+03')$$,
  'a conflict about a session of its own club');

-- money: products, codes, purchases, the ledger, moyklass ------------------------------------------------
insert into public.products (id, org_id, kind, name, price_minor, currency) values
  ('54000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-00000000000a', 'product', 'Футболка', 150000, 'RUB'),
  ('54000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-00000000000b', 'product', 'Шапка', 90000, 'RUB');
insert into public.discount_codes (id, org_id, code, percent_off) values
  ('55000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-00000000000b', 'BCLUB10', 10);
select lives_ok($$insert into public.purchases (id, org_id, user_id, product_id, kind, product_name, amount_minor, currency) values ('56000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('athlete'), '54000000-0000-4000-8000-0000000000a1', 'product', 'Футболка', 150000, 'RUB')$$,
  'a purchase of a product of its club');
select throws_ok($$insert into public.purchases (org_id, user_id, product_id, kind, product_name, amount_minor, currency) values ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('athlete'), '54000000-0000-4000-8000-0000000000b1', 'product', 'Шапка', 90000, 'RUB')$$,
  '23503', null, 'a purchase of another club''s product is refused');
select throws_ok($$insert into public.purchases (org_id, user_id, product_id, kind, product_name, amount_minor, currency, discount_code_id, percent_off) values ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('athlete'), '54000000-0000-4000-8000-0000000000a1', 'product', 'Футболка', 135000, 'RUB', '55000000-0000-4000-8000-0000000000b1', 10)$$,
  '23503', null, 'a purchase with another club''s discount code is refused');
select throws_ok($$insert into public.credit_ledger (org_id, user_id, delta, kind, purchase_id) values ('10000000-0000-4000-8000-00000000000b', tests.get_supabase_uid('athlete'), 8, 'purchase', '56000000-0000-4000-8000-0000000000a1')$$,
  '23503', null, 'a ledger entry in one club for a purchase in another is refused');
select throws_ok($$insert into public.moyklass_snapshots (org_id, athlete_id, season) values ('10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000b1', '2025-2026')$$,
  '23503', null, 'a moyklass snapshot of another club''s athlete is refused');

-- memberships: the invitation is to the membership's club -------------------------------------------------
select throws_ok($$insert into public.memberships (org_id, user_id, role, invitation_id) values ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('outsider'), 'coach', '60000000-0000-4000-8000-00000000000b')$$,
  '23503', null, 'a membership from another club''s invitation is refused');

select * from finish();
rollback;
