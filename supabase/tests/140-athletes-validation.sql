-- athletes' formats (seed 001, tightened; schedules typed leniently are stored in
-- its form, 20261206140000_lenient_schedules.sql) and the season change. the property test
-- tests/db/schedule-rank-agreement.test.ts feeds 10,000+ generated strings to these
-- same constraints and to the zod schemas; here, the named cases a reader checks first.
-- each case is a coach of group A1 writing athlete a2: '1' accepted, '23514' refused
-- by a check constraint.
begin;
select tests.create_tenancy_fixture();

create temporary table examples (field text, value text, expected text, why text) on commit drop;
insert into examples values
  -- schedule
  ('schedule', null, '1', 'not set'),
  ('schedule', 'Самозапись', '1', 'self-registration'),
  ('schedule', 'Пн 18:00', '1', 'one entry'),
  ('schedule', 'Пн 18:00, Ср 19:00', '1', 'the seed''s example'),
  ('schedule', 'Вс 00:00, Сб 23:59', '1', 'the ends of the day'),
  ('schedule', 'Пн 18:00, Пн 19:00', '1', 'one day, two times'),
  ('schedule', 'Пн 18:00, Ср 18:00, Пт 19:00, Вт 07:30, Чт 07:30, Сб 10:00, Вс 10:00', '1', 'all seven days'),
  ('schedule', (select string_agg(format('%s %s:00', d, lpad(h::text, 2, '0')), ', ')
                  from unnest(array['Пн', 'Вт', 'Ср', 'Чт']) d, generate_series(10, 14) h), '1', '20 entries: 198 characters'),
  ('schedule', (select string_agg(format('%s %s:00', d, lpad(h::text, 2, '0')), ', ')
                  from unnest(array['Пн', 'Вт', 'Ср']) d, generate_series(10, 16) h), '23514', '21 entries: 208 characters, over 200'),
  ('schedule', '', '23514', 'empty string (use null)'),
  ('schedule', 'Пн 25:99', '23514', 'the seed''s pattern admits 25:99'),
  ('schedule', 'Пн 24:00', '23514', 'hour 24'),
  ('schedule', 'Пн 18:60', '23514', 'minute 60'),
  ('schedule', 'Пн 8:00', '1', 'one-digit hour (stored Пн 08:00)'),
  ('schedule', 'пн 18:00', '1', 'lower-case day (stored Пн 18:00)'),
  ('schedule', 'Mon 18:00', '1', 'English day (stored Пн 18:00)'),
  ('schedule', 'Пн  18:00', '1', 'two spaces'),
  ('schedule', 'Пн 18:00,Ср 19:00', '1', 'no space after the comma'),
  ('schedule', 'Пн 18:00, ', '23514', 'trailing separator'),
  ('schedule', ' Пн 18:00', '1', 'leading space'),
  ('schedule', 'Пн 18:00, Ср 19:00, Пн 18:00', '23514', 'a repeated day–time pair'),
  ('schedule', 'Пн 18:00; Ср 19:00', '1', 'semicolon'),
  ('schedule', 'Самозапись, Пн 18:00', '23514', 'self-registration mixed with times'),
  ('schedule', 'самозапись', '1', 'lower-case self-registration'),
  ('schedule', 'Пн 18.00', '1', 'a dot for the colon'),
  ('schedule', 'Пн 18:00,,Ср 19:00', '23514', 'an empty part'),
  ('schedule', 'Xx 18:00', '23514', 'an unknown day'),
  ('schedule', 'Пн 25:00', '23514', 'hour 25'),
  ('schedule', 'Пн 18:00' || chr(10), '23514', 'a trailing newline'),
  ('schedule', 'Пн 1８:00', '23514', 'a full-width digit'),
  -- ranks
  ('rank_start', null, '1', 'not set'),
  ('rank_start', 'Без разряда', '1', 'no rank yet'),
  ('rank_start', 'III юношеский разряд', '1', 'youth'),
  ('rank_end', 'I взрослый разряд', '1', 'adult'),
  ('rank_end', 'КМС', '1', 'candidate master'),
  ('rank_end', 'МСМК', '1', 'international master'),
  ('rank_start', 'кмс', '23514', 'wrong case'),
  ('rank_start', 'КМС ', '23514', 'trailing space'),
  ('rank_end', 'III юношеский', '23514', 'abbreviated'),
  ('rank_end', 'ЗМС', '23514', 'not one of the ten'),
  -- seasons
  ('season', '2025-2026', '1', 'consecutive years'),
  ('season', null, '1', 'not set'),
  ('season', '2025-2027', '23514', 'not consecutive'),
  ('season', '2025/2026', '23514', 'slash'),
  ('season', '25-26', '23514', 'two-digit years');

select plan((select count(*)::int from examples) + 18);

select is(
  tests.try_as('coach', format('update public.athletes set %I = %L where id = %L', e.field, e.value, '30000000-0000-4000-8000-0000000000a2')),
  e.expected,
  format('%s %s: %s', e.field, coalesce(quote_literal(e.value), 'null'), e.why))
  from examples e;

-- a lenient schedule is stored in seed 001's form: days in week order, HH:MM, ", "
select tests.authenticate_as('coach');
update public.athletes set schedule = '  ср 19.00 ,ПН 8:00' where id = '30000000-0000-4000-8000-0000000000a2';
select is((select schedule from public.athletes where id = '30000000-0000-4000-8000-0000000000a2'),
  'Пн 08:00, Ср 19:00', 'a lenient schedule is stored canonical');
update public.athletes set schedule = 'self-booking' where id = '30000000-0000-4000-8000-0000000000a2';
select is((select schedule from public.athletes where id = '30000000-0000-4000-8000-0000000000a2'),
  'Самозапись', 'the English word for self-registration is stored as Самозапись');
reset role;
select is(private.canonical_schedule('Пн 18:00, Пн 18.00'), null, 'a pair repeated in two spellings is no schedule');

-- a refusal names its constraint
select throws_ok($$update public.athletes set schedule = 'Пн 25:99' where id = '30000000-0000-4000-8000-0000000000a2'$$,
  '23514', 'new row for relation "athletes" violates check constraint "athletes_schedule_check"',
  'a bad schedule is refused by athletes_schedule_check');
select throws_ok($$insert into public.rank_history (org_id, athlete_id, season, rank_end) values ('10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a2', '2020-2021', 'Мастер')$$,
  '23514', 'new row for relation "rank_history" violates check constraint "rank_history_rank_end_check"',
  'rank history checks ranks too');

-- the order of ranks, for sql as for code
select is(
  array(select r from unnest(array['МСМК', 'КМС', 'Без разряда', 'I взрослый разряд', 'III юношеский разряд', 'МС',
                                   'II юношеский разряд', 'III взрослый разряд', 'I юношеский разряд', 'II взрослый разряд']) r
         order by private.rank_position(r)),
  array['Без разряда', 'III юношеский разряд', 'II юношеский разряд', 'I юношеский разряд', 'III взрослый разряд',
        'II взрослый разряд', 'I взрослый разряд', 'КМС', 'МС', 'МСМК'],
  'private.rank_position orders the ten ranks from Без разряда to МСМК');

-- a new season keeps the old one --------------------------------------------------------------
-- a1: season 2025-2026, rank_start III юношеский, already has 2024-2025 in its history
select tests.authenticate_as('coach');
update public.athletes set rank_end = 'II юношеский разряд' where id = '30000000-0000-4000-8000-0000000000a1';
update public.athletes set season = '2026-2027' where id = '30000000-0000-4000-8000-0000000000a1';
select is(
  (select array[season, rank_start, rank_end] from public.rank_history
    where athlete_id = '30000000-0000-4000-8000-0000000000a1' and season = '2025-2026'),
  array['2025-2026', 'III юношеский разряд', 'II юношеский разряд'],
  'changing the season moves the ending season''s ranks to rank_history');
select is(
  (select array[season, rank_start, rank_end] from public.athletes where id = '30000000-0000-4000-8000-0000000000a1'),
  array['2026-2027', null, null],
  'the new season starts without ranks');
select is((select count(*)::int from public.rank_history where athlete_id = '30000000-0000-4000-8000-0000000000a1'), 2,
  'earlier seasons stay in the history');
select is((select updated_by from public.rank_history where athlete_id = '30000000-0000-4000-8000-0000000000a1' and season = '2025-2026'),
  tests.get_supabase_uid('coach'), 'the archived row is stamped with the coach who changed the season');

update public.athletes set season = '2027-2028', rank_start = 'I юношеский разряд' where id = '30000000-0000-4000-8000-0000000000a1';
select is(
  (select array[rank_start, rank_end] from public.athletes where id = '30000000-0000-4000-8000-0000000000a1'),
  array['I юношеский разряд', null],
  'ranks set in the same update as the season are kept');
select is((select count(*)::int from public.rank_history where athlete_id = '30000000-0000-4000-8000-0000000000a1'), 2,
  'a season without ranks adds nothing to the history');

-- going back to a season already archived replaces that season's row, never duplicates it
update public.athletes set season = '2025-2026', rank_end = 'МС' where id = '30000000-0000-4000-8000-0000000000a1';
update public.athletes set season = '2027-2028' where id = '30000000-0000-4000-8000-0000000000a1';
select is(
  (select array_agg(season || ':' || coalesce(rank_end, '-') order by season) from public.rank_history
    where athlete_id = '30000000-0000-4000-8000-0000000000a1' and deleted_at is null),
  array['2024-2025:III юношеский разряд', '2025-2026:МС', '2027-2028:-'],
  'one history row per season');

-- the coach of another group cannot change a1's season (and so cannot write its history)
select tests.authenticate_as('coach2');
update public.athletes set season = '2030-2031' where id = '30000000-0000-4000-8000-0000000000a1';
reset role;
select is((select season from public.athletes where id = '30000000-0000-4000-8000-0000000000a1'), '2027-2028',
  'the coach of another group changes nothing');

-- sync_push speaks for the schema too: a bad schedule is a rejection with its reason
select tests.authenticate_as('coach');
select is(
  public.sync_push('00000000-0000-4000-c000-0000000000c1', jsonb_build_array(
    jsonb_build_object('seq', 1, 'table', 'athletes', 'id', '30000000-0000-4000-8000-0000000000a2', 'op', 'update',
                       'fields', jsonb_build_object('schedule', 'Пн 25:99')))) #>> '{results,0,reason}',
  'invalid', 'a device pushing a bad schedule gets an "invalid" rejection');
select is(
  public.sync_push('00000000-0000-4000-c000-0000000000c1', jsonb_build_array(
    jsonb_build_object('seq', 2, 'table', 'athletes', 'id', '30000000-0000-4000-8000-0000000000a2', 'op', 'update',
                       'fields', jsonb_build_object('schedule', 'Вт 18:30, Чт 18:30', 'rank_start', 'II юношеский разряд')))) #>> '{results,0,status}',
  'applied', 'and a good one applies');
select is(
  public.sync_push('00000000-0000-4000-c000-0000000000c1', jsonb_build_array(
    jsonb_build_object('seq', 3, 'table', 'athletes', 'id', '30000000-0000-4000-8000-0000000000a2', 'op', 'update',
                       'fields', jsonb_build_object('schedule', 'чт 7.30,вт 18:30')))) #>> '{results,0,status}',
  'applied', 'a lenient schedule an older device queued applies');
reset role;
select is((select schedule from public.athletes where id = '30000000-0000-4000-8000-0000000000a2'),
  'Вт 18:30, Чт 07:30', 'and is stored canonical');

select * from finish();
rollback;
