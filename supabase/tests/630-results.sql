-- results and ЕВСК norms (issue 17, 20261207120000_results.sql): who reads and
-- writes an athlete's competition results — the athlete, a coach of their group,
-- the club's admins; a consulting coach reads only; another club's coach, another
-- athlete, anon nothing — the rules of the columns, and the norms: readable by
-- every signed-in person, writable by nobody through the api.
--
-- fixture: tests.create_tenancy_fixture() — `athlete` is linked to a1 (group A1,
-- coached by `coach`), a2 is in A1, a3 in A2 (coached by `coach2`), b1 in club B.
begin;
select plan(33);
select tests.create_tenancy_fixture();

-- a second athlete account, linked to a3, to prove one athlete never sees another's results
select tests.create_supabase_user('athlete3');
insert into public.memberships (org_id, user_id, role) values
  ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('athlete3'), 'athlete');
update public.athletes set user_id = tests.get_supabase_uid('athlete3')
 where id = '30000000-0000-4000-8000-0000000000a3';

-- coach2 consults a1 (reads, does not write)
insert into public.coach_athletes (org_id, coach_id, athlete_id, kind) values
  ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach2'),
   '30000000-0000-4000-8000-0000000000a1', 'consulting');

insert into public.competition_results (id, org_id, athlete_id, competed_on, competition, level, discipline,
  result_kind, value, timing, venue, place) values
  ('c7000000-0000-4000-8000-0000000000f1', '10000000-0000-4000-8000-00000000000a',
   '30000000-0000-4000-8000-0000000000a1', '2019-06-15', 'Первенство области', 'regional', '100m',
   'time', 10.94, 'auto', 'outdoor', 2);

-- a result as one line of sql for a given athlete and id
create function pg_temp.add_result(p_id text, p_athlete text, p_org text default 'a') returns text
language sql as $$
  select format('insert into public.competition_results (id, org_id, athlete_id, competed_on, competition, level, '
    || 'discipline, result_kind, value, timing, venue) values (%L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L)',
    'c7000000-0000-4000-8000-0000000000' || p_id, '10000000-0000-4000-8000-00000000000' || p_org,
    '30000000-0000-4000-8000-0000000000' || p_athlete, '2019-07-01', 'Кубок города', 'city', '60m', 'time',
    7.3, 'hand', 'indoor')
$$;
grant execute on function pg_temp.add_result(text, text, text) to authenticated, anon;

-- reading ---------------------------------------------------------------------------------------------
select is(tests.try_as('athlete', $$select count(*) from public.competition_results$$),
  '1', 'the athlete reads their own result');
select is(tests.try_as('coach', $$select count(*) from public.competition_results$$),
  '1', 'the coach of the athlete''s group reads it');
select is(tests.try_as('admin', $$select count(*) from public.competition_results$$),
  '1', 'an admin of the club reads it');
select is(tests.try_as('coach2', $$select count(*) from public.competition_results$$),
  '1', 'a consulting coach reads it');
select is(tests.try_as('athlete3', $$select count(*) from public.competition_results$$),
  '0', 'another athlete of the club does not');
select is(tests.try_as('coach_b', $$select count(*) from public.competition_results$$),
  '0', 'nor a coach of another club');
select is(tests.try_as('member', $$select count(*) from public.competition_results$$),
  '0', 'nor a plain member');
select is(tests.try_as('anon', $$select count(*) from public.competition_results$$),
  '42501', 'anon is refused outright');

-- writing ---------------------------------------------------------------------------------------------
select is(tests.try_as('athlete', pg_temp.add_result('f2', 'a1')),
  '1', 'the athlete adds their own result');
select is(tests.try_as('athlete', $$update public.competition_results set place = 1 where id = 'c7000000-0000-4000-8000-0000000000f1'$$),
  '1', 'and edits it');
select is(tests.try_as('coach', pg_temp.add_result('f3', 'a2')),
  '1', 'the group''s coach adds a result for an athlete of the group');
select is(tests.try_as('coach', $$update public.competition_results set notes = 'ветер +1.2' where id = 'c7000000-0000-4000-8000-0000000000f1'$$),
  '1', 'and edits the athlete''s result');
select is(tests.try_as('admin', pg_temp.add_result('f4', 'a3')),
  '1', 'an admin adds a result for any athlete of the club');
select is(tests.try_as('coach2', pg_temp.add_result('f5', 'a1')),
  '42501', 'a consulting coach adds none');
select is(tests.try_as('coach2', $$update public.competition_results set place = 3 where id = 'c7000000-0000-4000-8000-0000000000f1'$$),
  '0', 'nor edits one');
select is(tests.try_as('athlete3', pg_temp.add_result('f6', 'a1')),
  '42501', 'another athlete adds none for the athlete');
select is(tests.try_as('athlete3', $$update public.competition_results set place = 3 where id = 'c7000000-0000-4000-8000-0000000000f1'$$),
  '0', 'nor edits theirs');
select is(tests.try_as('coach_b', pg_temp.add_result('f7', 'a1')),
  '42501', 'a coach of another club adds none');
select is(tests.try_as('admin_b', pg_temp.add_result('f8', 'a1', 'b')),
  '23503', 'an admin of another club cannot file this club''s athlete''s result under theirs');
select is(tests.try_as('athlete', $$delete from public.competition_results$$),
  '42501', 'nobody deletes: a result is tombstoned');
select is(tests.try_as('coach', $$update public.competition_results set created_by = null where id = 'c7000000-0000-4000-8000-0000000000f1'$$),
  '42501', 'the author is fixed once written');

-- the rules -------------------------------------------------------------------------------------------
select is(tests.try_as('coach', $$update public.competition_results set timing = null where id = 'c7000000-0000-4000-8000-0000000000f1'$$),
  '23514', 'a time without its timing is refused');
select is(tests.try_as('coach', $$update public.competition_results set value = 10.945 where id = 'c7000000-0000-4000-8000-0000000000f1'$$),
  '23514', 'more than two decimals are refused');
select is(tests.try_as('coach', $$update public.competition_results set competed_on = ((now() at time zone 'utc') + interval '38 hours')::date where id = 'c7000000-0000-4000-8000-0000000000f1'$$),
  '23514', 'a date in the future is refused');
select is(tests.try_as('coach', $$update public.competition_results set level = 'olympic' where id = 'c7000000-0000-4000-8000-0000000000f1'$$),
  '23514', 'an unknown level is refused');
select is(tests.try_as('coach', $$update public.athletes set sex = 'male' where id = '30000000-0000-4000-8000-0000000000a1'$$),
  '1', 'the group''s coach sets the athlete''s sex');
select is(tests.try_as('coach', $$update public.athletes set sex = 'm' where id = '30000000-0000-4000-8000-0000000000a1'$$),
  '23514', 'a sex that is neither male nor female is refused');
select is(tests.try_as('athlete', $$update public.athletes set sex = 'female' where id = '30000000-0000-4000-8000-0000000000a1'$$),
  '0', 'the athlete does not set it');

-- the norms -------------------------------------------------------------------------------------------
select is(tests.try_as('athlete', $$select count(*) from public.evsk_norms where discipline = '100m'$$),
  '16', 'an athlete reads the norms (100 m: nine automatic, seven hand)');
select is(tests.try_as('coach_b', $$select (threshold * 100)::int from public.evsk_norms where discipline = '100m' and timing = 'auto' and rank = 'КМС'$$),
  '1094', 'every signed-in person reads the same norms (the cited КМС 100 m)');
select is(tests.try_as('admin', $$update public.evsk_norms set threshold = 11.5$$),
  '42501', 'an admin cannot change a norm');
select is(tests.try_as('owner', $$insert into public.evsk_norms (id, edition, discipline, sex, result_kind, timing, venue, rank, threshold, valid_from, source) values (gen_random_uuid(), 'x', '100m', 'male', 'time', 'auto', 'outdoor', 'МС', 9.0, '2024-01-01', 'x')$$),
  '42501', 'nor add one');
select is(tests.try_as('anon', $$select count(*) from public.evsk_norms$$),
  '42501', 'anon reads no norms');

select * from finish();
rollback;
