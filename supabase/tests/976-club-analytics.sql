-- club analytics (issue 15, 20261206162000_club_analytics.sql): a club's owners
-- and admins read its aggregate cells, nobody else does and nobody writes them;
-- no cell shown comes from fewer than 5 people; complementary suppression holds
-- against the differencing pair "club versus club-minus-one"; the refresh adds,
-- changes and removes cells and rewrites nothing that did not change.
--
-- fixture: tests.create_tenancy_fixture(), with club A's roster dated 10 january
-- 2026 and three more athletes a5–a7 in group A1. every refresh runs at a pinned
-- instant, 20 march 2026 12:00 moscow, so the months are january–march 2026 and
-- the seasons 2025-2026 and 2024-2025.
begin;
select plan(37);
select tests.create_tenancy_fixture();

alter table public.athletes disable trigger stamp_synced_row;
update public.athletes set created_at = '2026-01-10 12:00+03' where org_id = '10000000-0000-4000-8000-00000000000a';
alter table public.athletes enable trigger stamp_synced_row;
insert into public.athletes (id, org_id, group_id, name, season, created_at) values
  ('30000000-0000-4000-8000-0000000000a5', '10000000-0000-4000-8000-00000000000a',
   '20000000-0000-4000-8000-0000000000a1', 'A5', '2025-2026', '2026-01-10 12:00+03'),
  ('30000000-0000-4000-8000-0000000000a6', '10000000-0000-4000-8000-00000000000a',
   '20000000-0000-4000-8000-0000000000a1', 'A6', '2025-2026', '2026-01-10 12:00+03'),
  ('30000000-0000-4000-8000-0000000000a7', '10000000-0000-4000-8000-00000000000a',
   '20000000-0000-4000-8000-0000000000a1', 'A7', '2025-2026', '2026-02-10 12:00+03');

-- sessions: A1 on 2 february and 2 march, A2 on 2 march
insert into public.training_sessions (id, org_id, coach_id, group_id, kind, origin, local_date, time_zone, starts_at, ends_at)
values
  ('97600000-0000-4000-8000-0000000002a1', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   '20000000-0000-4000-8000-0000000000a1', 'group', 'one_time_booking', '2026-02-02', 'Europe/Moscow',
   '2026-02-02 18:00+03', '2026-02-02 19:30+03'),
  ('97600000-0000-4000-8000-0000000003a1', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   '20000000-0000-4000-8000-0000000000a1', 'group', 'one_time_booking', '2026-03-02', 'Europe/Moscow',
   '2026-03-02 18:00+03', '2026-03-02 19:30+03'),
  ('97600000-0000-4000-8000-0000000003a2', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach2'),
   '20000000-0000-4000-8000-0000000000a2', 'group', 'one_time_booking', '2026-03-02', 'Europe/Moscow',
   '2026-03-02 18:00+03', '2026-03-02 19:30+03');

-- february: the five athletes of A1. march: the club of 6 marked athletes, where
-- A1 is everyone but one (a3, alone in A2, absent): A1's rate and the club's rate
-- side by side would give away a3's
insert into public.attendance (id, org_id, session_id, athlete_id, status)
select gen_random_uuid(), '10000000-0000-4000-8000-00000000000a', s.session, ('30000000-0000-4000-8000-0000000000' || a.n)::uuid,
       case when a.n = 'a6' then 'absent' else 'present' end
  from (values ('97600000-0000-4000-8000-0000000002a1'::uuid), ('97600000-0000-4000-8000-0000000003a1'::uuid)) s(session)
 cross join (values ('a1'), ('a2'), ('a5'), ('a6'), ('a7')) a(n);
insert into public.attendance (id, org_id, session_id, athlete_id, status) values
  (gen_random_uuid(), '10000000-0000-4000-8000-00000000000a', '97600000-0000-4000-8000-0000000003a2',
   '30000000-0000-4000-8000-0000000000a3', 'absent');

-- revenue in march: seven buyers, six of a shirt (one of them refunded half) and one of a cap
insert into public.products (id, org_id, kind, name, price_minor, currency) values
  ('97600000-0000-4000-8000-0000000000f1', '10000000-0000-4000-8000-00000000000a', 'product', 'Shirt', 150000, 'RUB'),
  ('97600000-0000-4000-8000-0000000000f2', '10000000-0000-4000-8000-00000000000a', 'product', 'Cap', 90000, 'RUB');
select tests.create_supabase_user('buyer' || n) from generate_series(1, 7) n;
insert into public.purchases (org_id, user_id, product_id, kind, product_name, amount_minor, currency, status,
                              paid_at, refunded_minor)
select '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('buyer' || n),
       case when n <= 6 then '97600000-0000-4000-8000-0000000000f1'::uuid else '97600000-0000-4000-8000-0000000000f2'::uuid end,
       'product', case when n <= 6 then 'Shirt' else 'Cap' end, case when n <= 6 then 150000 else 90000 end, 'RUB', 'paid',
       '2026-03-10 12:00+03', case when n = 1 then 75000 else 0 end
  from generate_series(1, 7) n;

create function pg_temp.refresh()
returns int
language sql volatile
as $$ select private.refresh_club_analytics('10000000-0000-4000-8000-00000000000a', '2026-03-20 12:00+03') $$;

-- one cell of club A as text: "value/people" or "hidden", "none" when absent or deleted
create function pg_temp.cell(p_figure text, p_period text, p_dimension text)
returns text
language sql stable
as $$
  select coalesce((
    select case when c.suppressed then 'hidden' else c.value::text || '/' || c.people end
      from public.club_analytics_cells c
     where c.org_id = '10000000-0000-4000-8000-00000000000a' and c.figure = p_figure
       and c.period = p_period and c.dimension = p_dimension and c.deleted_at is null), 'none')
$$;

-- how many live cells of club A `p_actor` reads
create function pg_temp.cells_as(p_actor text)
returns bigint
language plpgsql volatile
as $$
declare
  v bigint;
begin
  perform tests.authenticate_as(p_actor);
  select count(*) into v from public.club_analytics_cells c
   where c.org_id = '10000000-0000-4000-8000-00000000000a';
  perform set_config('role', 'postgres', true);
  return v;
end
$$;

/**
  * the rule itself
  */
select is(private.club_suppression(array[5, 7, 12], array[false, false, true]), array[false, false, false],
  'nothing under 5: nothing hidden');
select is(private.club_suppression(array[1, 5, 6], array[false, false, true]), array[true, true, false],
  'one part under 5 hides the next smallest part with it');
select is(private.club_suppression(array[2, 6], array[false, true]), array[true, true],
  'a lone part under 5 with no other part to hide takes the total with it');
select is(private.club_suppression(array[1, 2, 9, 12], array[false, false, false, true]),
  array[true, true, true, false], 'two hidden parts of fewer than 5 together hide one more');
select is(private.club_suppression(array[1, 3, 4], array[false, false, true]), array[true, true, true],
  'a total under 5 hides every part');

/**
  * the figures
  */
select is(pg_temp.refresh() > 0, true, 'the first refresh writes cells');

select is(pg_temp.cell('members', '2026-01', ''), '6/6', 'january: six athletes on the roster (a7 came in february)');
select is(pg_temp.cell('members', '2026-03', ''), '7/7', 'march: seven athletes on the roster');
select is(pg_temp.cell('attendance_rate', '2026-02', ''), '80.0/5', 'february: 4 of 5 marks present, the club');
select is(pg_temp.cell('attendance_rate', '2026-02', '20000000-0000-4000-8000-0000000000a1'), '80.0/5',
  'february: group A1, the same five');

-- the differencing attack: A1 (5 people) and the club (6 people) are both over 5;
-- shown together they would give a3's rate as club minus A1
select is(pg_temp.cell('attendance_rate', '2026-03', '20000000-0000-4000-8000-0000000000a2'), 'hidden',
  'march: a3 alone in A2 is hidden');
select is(
  (select count(*) from public.club_analytics_cells c
    where c.org_id = '10000000-0000-4000-8000-00000000000a' and c.figure = 'attendance_rate'
      and c.period = '2026-03' and c.dimension in ('', '20000000-0000-4000-8000-0000000000a1')
      and not c.suppressed and c.deleted_at is null),
  1::bigint, 'march: the club and club-minus-one (A1) are never both shown');
select is(pg_temp.cell('attendance_rate', '2026-03', '20000000-0000-4000-8000-0000000000a1'), 'hidden',
  'march: A1, the next smallest, is hidden with A2');
select is(pg_temp.cell('attendance_rate', '2026-03', ''), '66.7/6', 'march: the club''s rate stands (4 of 6)');
select is(
  (select count(*) from public.club_analytics_cells c
    where c.org_id = '10000000-0000-4000-8000-00000000000a' and c.figure = 'attendance_rate' and c.period = '2026-03'
      and c.suppressed),
  2::bigint, 'march: exactly two cells hidden, neither recoverable from the club and the rest');

select is(pg_temp.cell('rank_progression', '2024-2025', ''), 'hidden',
  'last season: two athletes reached a new rank, too few to show');
select is(pg_temp.cell('rank_progression', '2024-2025', 'КМС'), 'hidden', 'last season: КМС, one athlete, hidden');
select is(pg_temp.cell('rank_progression', '2025-2026', ''), 'none', 'this season: nobody reached a rank yet, no cell');

-- revenue: the cap's one buyer is hidden, and so is the shirt, or the total minus the shirt is the cap
select is(pg_temp.cell('revenue', '2026-03', ''), '915000/7',
  'march revenue: six shirts and a cap, minus half a shirt refunded, from seven buyers');
select is(pg_temp.cell('revenue', '2026-03', '97600000-0000-4000-8000-0000000000f2'), 'hidden',
  'the cap, one buyer, is hidden');
select is(pg_temp.cell('revenue', '2026-03', '97600000-0000-4000-8000-0000000000f1'), 'hidden',
  'the shirt (six buyers) is hidden with it: the total minus the shirt would be the cap');
select is((select currency from public.club_analytics_cells where figure = 'revenue' and dimension = ''), 'RUB',
  'revenue carries its currency');

select is(
  (select count(*) from public.club_analytics_cells c where not c.suppressed and (c.people is null or c.people < 5)),
  0::bigint, 'no cell is shown with fewer than 5 people');
select throws_ok(
  $$insert into public.club_analytics_cells (org_id, figure, period, value, people, suppressed)
    values ('10000000-0000-4000-8000-00000000000a', 'members', '2025-12', 4, 4, false)$$,
  '23514', null, 'the table itself refuses a shown cell of 4 people');

/**
  * changes: nothing rewritten when nothing changed; cells change and vanish
  */
select is(pg_temp.refresh(), 0, 'a second refresh with nothing changed writes nothing');

update public.attendance set deleted_at = now()
 where session_id = '97600000-0000-4000-8000-0000000002a1' and athlete_id = '30000000-0000-4000-8000-0000000000a7';
select is(pg_temp.refresh(), 2, 'one mark cleared: february''s two cells are rewritten');
select is(pg_temp.cell('attendance_rate', '2026-02', ''), 'hidden', 'february now has 4 people: hidden');
select is((select count(*) from public.club_analytics_cells c
            where c.figure = 'attendance_rate' and c.period = '2026-02' and c.value is not null), 0::bigint,
  'and no value of february is left to read');

update public.attendance set deleted_at = now() where session_id = '97600000-0000-4000-8000-0000000002a1';
select is(pg_temp.refresh(), 2, 'february''s marks all cleared: its two cells are marked deleted');
select is(pg_temp.cell('attendance_rate', '2026-02', ''), 'none', 'february''s cells are gone');

update public.attendance set deleted_at = null
 where session_id = '97600000-0000-4000-8000-0000000002a1' and athlete_id <> '30000000-0000-4000-8000-0000000000a7';
select pg_temp.refresh();
update public.attendance set deleted_at = null
 where session_id = '97600000-0000-4000-8000-0000000002a1';
select pg_temp.refresh();
select is(pg_temp.cell('attendance_rate', '2026-02', ''), '80.0/5', 'and they come back with the marks');

/**
  * who reads them
  */
select is(pg_temp.cells_as('owner') > 0, true, 'the owner reads the club''s cells');
select is(pg_temp.cells_as('admin'), pg_temp.cells_as('owner'), 'an admin reads the same cells');
select is(pg_temp.cells_as('coach') + pg_temp.cells_as('athlete') + pg_temp.cells_as('member'), 0::bigint,
  'a coach, an athlete and a member read none');
select is(pg_temp.cells_as('admin_b') + pg_temp.cells_as('owner_b'), 0::bigint,
  'the admins of another club read none');
select tests.clear_authentication();
select throws_ok($$select count(*) from public.club_analytics_cells$$, '42501', null, 'anon is refused');
select set_config('role', 'postgres', true);

select tests.authenticate_as('owner');
select throws_ok(
  $$update public.club_analytics_cells set value = 1, people = 5, suppressed = false$$,
  '42501', null, 'the owner cannot write a cell');
select set_config('role', 'postgres', true);

select * from finish();
rollback;
