-- season rollover (20261204123000_season_rollover.sql): who may start a new
-- season, the refusals, and what it does to athletes, groups and rank history.
-- fixture: 000-setup-tests-hooks.sql (every athlete and group in 2025-2026; a4
-- has no season; a1 is linked to `athlete` and has history for 2024-2025).
begin;
select plan(37);
select tests.create_tenancy_fixture();

-- a2 is archived: it keeps the season it was last active in
update public.athletes set status = 'archived', rank_start = 'Без разряда'
 where id = '30000000-0000-4000-8000-0000000000a2';

-- who may not ---------------------------------------------------------------------------------
-- a successful call counts one row (and try_as rolls it back)
select is(tests.try_as('anon',
  $$select count(*) from public.start_new_season('10000000-0000-4000-8000-00000000000a', '2026-2027', '20000000-0000-4000-8000-0000000000a1')$$),
  '42501', 'anon cannot start a season');
select is(tests.try_as('outsider',
  $$select count(*) from public.start_new_season('10000000-0000-4000-8000-00000000000a', '2026-2027', '20000000-0000-4000-8000-0000000000a1')$$),
  '42501', 'a signed-in stranger cannot');
select is(tests.try_as('athlete',
  $$select count(*) from public.start_new_season('10000000-0000-4000-8000-00000000000a', '2026-2027', '20000000-0000-4000-8000-0000000000a1')$$),
  '42501', 'an athlete of the group cannot');
select is(tests.try_as('member',
  $$select count(*) from public.start_new_season('10000000-0000-4000-8000-00000000000a', '2026-2027')$$),
  '42501', 'a plain member cannot');
select is(tests.try_as('coach',
  $$select count(*) from public.start_new_season('10000000-0000-4000-8000-00000000000a', '2026-2027')$$),
  '42501', 'a coach cannot start it for the whole club');
select is(tests.try_as('coach',
  $$select count(*) from public.start_new_season('10000000-0000-4000-8000-00000000000a', '2026-2027', '20000000-0000-4000-8000-0000000000a2')$$),
  '42501', 'a coach cannot start it for a group they do not coach');
select is(tests.try_as('left_coach',
  $$select count(*) from public.start_new_season('10000000-0000-4000-8000-00000000000a', '2026-2027', '20000000-0000-4000-8000-0000000000a1')$$),
  '42501', 'a coach who left the club cannot, though still listed for the group');
select is(tests.try_as('admin_b',
  $$select count(*) from public.start_new_season('10000000-0000-4000-8000-00000000000a', '2026-2027')$$),
  '42501', 'an admin of another organization cannot');
select is(tests.try_as('coach_b',
  $$select count(*) from public.start_new_season('10000000-0000-4000-8000-00000000000a', '2026-2027', '20000000-0000-4000-8000-0000000000b1')$$),
  '42501', 'naming one''s own group of another organization gets nothing in this one');

select tests.authenticate_as('coach');
select throws_ok($$select public.start_new_season('10000000-0000-4000-8000-00000000000a', '2026-2027')$$, '42501',
  'only admins and owners of the organization can start a new season for all of it',
  'the coach hears why');
select tests.authenticate_as('admin');
select throws_ok($$select public.start_new_season('10000000-0000-4000-8000-00000000000a', '2026-2027', '20000000-0000-4000-8000-0000000000b1')$$, 'P0001',
  'that group is not in this organization', 'a group of another organization is refused');

-- bad season text -----------------------------------------------------------------------------
select throws_ok($$select public.start_new_season('10000000-0000-4000-8000-00000000000a', '2026-2028')$$, '22023',
  'a season is written as two consecutive years, e.g. 2026-2027 (got 2026-2028)', 'years must be consecutive');
select throws_ok($$select public.start_new_season('10000000-0000-4000-8000-00000000000a', '2026/2027')$$, '22023',
  'a season is written as two consecutive years, e.g. 2026-2027 (got 2026/2027)', 'the format is YYYY-YYYY');
select throws_ok($$select public.start_new_season('10000000-0000-4000-8000-00000000000a', null)$$, '22023',
  'a season is written as two consecutive years, e.g. 2026-2027 (got nothing)', 'a season is required');
reset role;
select is((select count(*)::int from public.athletes where season = '2025-2026'), 4, 'the refusals changed nothing');

-- the coach starts 2026-2027 for their group ----------------------------------------------------
select tests.authenticate_as('coach');
select is(public.start_new_season('10000000-0000-4000-8000-00000000000a', '2026-2027', '20000000-0000-4000-8000-0000000000a1'),
  '{"season": "2026-2027", "athletes": 1, "archived": 1, "groups": 1}'::jsonb,
  'the coach moves their group: one athlete, one season of ranks archived, one group');
reset role;
select is((select season || ' ' || coalesce(rank_start, '-') || ' ' || coalesce(rank_end, '-') from public.athletes where id = '30000000-0000-4000-8000-0000000000a1'),
  '2026-2027 - -', 'a1 is in the new season with empty ranks');
select is((select rank_start || ' ' || coalesce(rank_end, '-') from public.rank_history
            where athlete_id = '30000000-0000-4000-8000-0000000000a1' and season = '2025-2026' and deleted_at is null),
  'III юношеский разряд -', 'a1''s finished season is in the history');
select is((select count(*)::int from public.rank_history where athlete_id = '30000000-0000-4000-8000-0000000000a1' and deleted_at is null),
  2, 'a1''s older history is still there');
select is((select season || ' ' || rank_start from public.athletes where id = '30000000-0000-4000-8000-0000000000a2'),
  '2025-2026 Без разряда', 'the archived athlete is left as it was');
select is((select season from public.training_groups where id = '20000000-0000-4000-8000-0000000000a1'),
  '2026-2027', 'the group is in the new season');
select is((select season || ' ' || rank_start from public.athletes where id = '30000000-0000-4000-8000-0000000000a3'),
  '2025-2026 КМС', 'another group''s athlete is untouched');
select is((select season from public.training_groups where id = '20000000-0000-4000-8000-0000000000a2'),
  '2025-2026', 'another group is untouched');
select is((select updated_by from public.athletes where id = '30000000-0000-4000-8000-0000000000a1'),
  tests.get_supabase_uid('coach'), 'the change is stamped with the caller, so devices sync it');

-- twice is once -----------------------------------------------------------------------------------
select tests.authenticate_as('coach');
select is(public.start_new_season('10000000-0000-4000-8000-00000000000a', '2026-2027', '20000000-0000-4000-8000-0000000000a1'),
  '{"season": "2026-2027", "athletes": 0, "archived": 0, "groups": 0}'::jsonb, 'running it again changes nothing');
select tests.authenticate_as('admin');
select is(public.start_new_season('10000000-0000-4000-8000-00000000000a', '2025-2026', '20000000-0000-4000-8000-0000000000a1'),
  '{"season": "2025-2026", "athletes": 0, "archived": 0, "groups": 0}'::jsonb, 'an earlier season never moves anyone back');
reset role;
select is((select count(*)::int from public.rank_history where athlete_id = '30000000-0000-4000-8000-0000000000a1' and deleted_at is null),
  2, 'no history was written twice');

-- the admin starts it for the club ----------------------------------------------------------------
select tests.authenticate_as('admin');
select is(public.start_new_season('10000000-0000-4000-8000-00000000000a', '2026-2027'),
  '{"season": "2026-2027", "athletes": 1, "archived": 1, "groups": 1}'::jsonb,
  'the admin moves the rest of the club: a3 and group A2');
reset role;
select is((select season || ' ' || coalesce(rank_start, '-') from public.athletes where id = '30000000-0000-4000-8000-0000000000a3'),
  '2026-2027 -', 'a3 starts the new season clean');
select is((select rank_start from public.rank_history
            where athlete_id = '30000000-0000-4000-8000-0000000000a3' and season = '2025-2026' and deleted_at is null),
  'КМС', 'a3''s finished season is in the history');
select is((select season from public.athletes where id = '30000000-0000-4000-8000-0000000000a4'),
  null, 'an athlete with no season has nothing to archive and is left alone');
select is((select season || ' ' || rank_start from public.athletes where id = '30000000-0000-4000-8000-0000000000b1'),
  '2025-2026 МС', 'the other organization is untouched');
select is((select season from public.training_groups where id = '20000000-0000-4000-8000-0000000000b1'),
  '2025-2026', 'the other organization''s group is untouched');

-- the athlete sees their own history, not the others' -------------------------------------------
select tests.authenticate_as('athlete');
select is((select array_agg(season order by season) from public.rank_history),
  array['2024-2025', '2025-2026'], 'the athlete reads their own two seasons of history');
select is((select count(*)::int from public.athletes), 1, 'and only their own athlete record');

-- a group whose name is taken in the new season keeps its season ------------------------------------
reset role;
insert into public.training_groups (id, org_id, name, season) values
  ('20000000-0000-4000-8000-0000000000b2', '10000000-0000-4000-8000-00000000000b', 'group b1', '2026-2027');
select tests.authenticate_as('admin_b');
select is(public.start_new_season('10000000-0000-4000-8000-00000000000b', '2026-2027'),
  '{"season": "2026-2027", "athletes": 1, "archived": 1, "groups": 0}'::jsonb,
  'a name clash in the new season keeps that group where it was, its athletes still move');
reset role;
select is((select season from public.training_groups where id = '20000000-0000-4000-8000-0000000000b1'),
  '2025-2026', 'the clashing group was not renamed or moved');

select * from finish();
rollback;
