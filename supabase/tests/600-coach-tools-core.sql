-- the coach's tools, core (20261207100000_coach_tools_core.sql): individual
-- coaching and its limit, plans and their copies, who reads and writes each,
-- denials included, and the rules across rows.
--
-- fixture: tests.create_tenancy_fixture() — coach coaches A1 (athletes a1, a2),
-- coach2 coaches A2 (a3), athlete is a1's account; club B has b1 (coach_b).
begin;
select plan(52);
select tests.create_tenancy_fixture();

-- a template of coach's (2 weeks: a run on week 1 day 1, a rest, one on week 2)
insert into public.training_plans (id, org_id, coach_id, title, weeks) values
  ('60000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-00000000000a',
   tests.get_supabase_uid('coach'), 'База', 2);
insert into public.plan_workouts (id, org_id, plan_id, week, day, type, duration_min, intensity, rpe) values
  ('60000000-0000-4000-8000-000000000011', '10000000-0000-4000-8000-00000000000a',
   '60000000-0000-4000-8000-000000000001', 1, 1, 'run', 40, 'rpe', 5),
  ('60000000-0000-4000-8000-000000000012', '10000000-0000-4000-8000-00000000000a',
   '60000000-0000-4000-8000-000000000001', 1, 2, 'rest', null, null, null),
  ('60000000-0000-4000-8000-000000000013', '10000000-0000-4000-8000-00000000000a',
   '60000000-0000-4000-8000-000000000001', 2, 1, 'intervals', 50, null, null);

create function pg_temp.copy_of(p_athlete text) returns uuid language sql as $$
  select p.id from public.training_plans p
   where p.athlete_id = ('30000000-0000-4000-8000-0000000000' || p_athlete)::uuid and p.kind = 'athlete'
   order by p.created_at limit 1
$$;
create function pg_temp.relate(p_coach text, p_athlete text, p_kind text default 'coaching') returns text
language sql as $$
  select format('insert into public.coach_athletes (org_id, coach_id, athlete_id, kind) values (%L, %L, %L, %L)',
    '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid(p_coach),
    '30000000-0000-4000-8000-0000000000' || p_athlete, p_kind)
$$;

-- structure -------------------------------------------------------------------------------------
select tests.rls_enabled('public', 'coach_athletes');
select tests.rls_enabled('public', 'training_plans');
select tests.rls_enabled('public', 'plan_workouts');
select tests.rls_enabled('public', 'plan_assignments');
select tests.rls_enabled('public', 'workout_logs');
select is((select count(*)::int from sync.tables where table_name in
  ('coach_athletes', 'training_plans', 'plan_workouts', 'plan_assignments', 'workout_logs')), 5,
  'the five tables are synced');

-- individual coaching ---------------------------------------------------------------------------
select is(tests.try_as('coach2', pg_temp.relate('coach2', 'a1', 'consulting')), '1',
  'a coach takes an athlete of another group to consult');
select is(tests.try_as('coach2', pg_temp.relate('coach', 'a3')), '42501',
  'a coach cannot take an athlete for another coach');
select is(tests.try_as('athlete', pg_temp.relate('coach', 'a1')), '42501', 'an athlete cannot make one');
select is(tests.try_as('coach_b', pg_temp.relate('coach_b', 'a1')), 'P0001', 'another club''s coach cannot (not its staff)');
select is(tests.try_as('admin', pg_temp.relate('coach2', 'a1', 'consulting')), '1', 'an admin makes one for a coach');
select is(tests.try_as('admin', pg_temp.relate('member', 'a1')), 'P0001', 'only staff coach individually');
select is(tests.try_as('admin', format(
  'insert into public.coach_athletes (org_id, coach_id, athlete_id, starts_on, ends_on) values (%L, %L, %L, %L, %L)',
  '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach2'), '30000000-0000-4000-8000-0000000000a2',
  '2026-03-10', '2026-03-01')), '23514', 'an end before the start is refused');

-- coach2 consults a1 from here on
insert into public.coach_athletes (org_id, coach_id, athlete_id, kind) values
  ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach2'), '30000000-0000-4000-8000-0000000000a1', 'consulting');
select is(tests.try_as('admin', pg_temp.relate('coach2', 'a1', 'consulting')), '23505',
  'one active relationship per coach and athlete');
select is(tests.try_as('coach2', $$select count(*) from public.athletes where id = '30000000-0000-4000-8000-0000000000a1'$$),
  '1', 'the consulting coach reads the athlete');
select is(tests.try_as('coach2', format('update public.athletes set notes = ''x'' where id = %L',
  '30000000-0000-4000-8000-0000000000a1')), '0', 'and cannot edit them');
select is(tests.try_as('athlete', 'select count(*) from public.coach_athletes'), '1',
  'the athlete reads who coaches them individually');
select is(tests.try_as('coach', 'select count(*) from public.coach_athletes'), '0',
  'a coach does not read another coach''s relationships');

-- the limit: coach2 may take 2 (a1 consulting already counts)
insert into public.coach_settings (org_id, coach_id, time_zone, max_athletes) values
  ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach2'), 'Europe/Moscow', 2);
insert into public.coach_athletes (org_id, coach_id, athlete_id) values
  ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach2'), '30000000-0000-4000-8000-0000000000a2');
select is(tests.try_as('coach2', pg_temp.relate('coach2', 'a3')), 'P0001', 'past max_athletes is refused');
select is(tests.try_as('coach2', format('update public.coach_athletes set notes = ''ок'' where athlete_id = %L',
  '30000000-0000-4000-8000-0000000000a2')), '1', 'an edit of a live one takes no new place');

-- now coach2 coaches a2 individually: they read and plan for a2
select is(tests.try_as('coach2', $$select count(*) from public.athletes where id = '30000000-0000-4000-8000-0000000000a2'$$),
  '1', 'an individual coach reads the athlete');

-- templates -------------------------------------------------------------------------------------
select is(tests.try_as('coach2', $$select count(*) from public.training_plans where id = '60000000-0000-4000-8000-000000000001'$$),
  '1', 'the club''s coaches read a template');
select is(tests.try_as('athlete', $$select count(*) from public.training_plans where id = '60000000-0000-4000-8000-000000000001'$$),
  '0', 'an athlete does not read templates');
select is(tests.try_as('coach_b', 'select count(*) from public.plan_workouts'), '0', 'another club reads no workouts');
select is(tests.try_as('coach2', $$update public.training_plans set title = 'Моя' where id = '60000000-0000-4000-8000-000000000001'$$),
  '0', 'only the author or an admin changes a template');
select is(tests.try_as('coach', $$insert into public.plan_workouts (org_id, plan_id, week, day, type) values
  ('10000000-0000-4000-8000-00000000000a', '60000000-0000-4000-8000-000000000001', 3, 1, 'run')$$),
  '23514', 'a workout past the plan''s weeks is refused');
select is(tests.try_as('coach', $$insert into public.plan_workouts (org_id, plan_id, week, day, type, intensity) values
  ('10000000-0000-4000-8000-00000000000a', '60000000-0000-4000-8000-000000000001', 1, 3, 'run', 'pace')$$),
  '23514', 'an intensity without its value is refused');
select is(tests.try_as('coach', $$update public.training_plans set weeks = 1 where id = '60000000-0000-4000-8000-000000000001'$$),
  '23514', 'a plan is not cut shorter than its workouts');

-- assigning -------------------------------------------------------------------------------------
select is(tests.try_as('coach2', $$insert into public.plan_assignments (org_id, plan_id, group_id, start_date) values
  ('10000000-0000-4000-8000-00000000000a', '60000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-0000000000a1', '2026-03-02')$$),
  '42501', 'a coach cannot assign to a group they do not coach');
select is(tests.try_as('athlete', $$insert into public.plan_assignments (org_id, plan_id, athlete_id, start_date) values
  ('10000000-0000-4000-8000-00000000000a', '60000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-0000000000a1', '2026-03-02')$$),
  '42501', 'an athlete cannot assign');

select tests.authenticate_as('coach');
insert into public.plan_assignments (id, org_id, plan_id, group_id, start_date) values
  ('60000000-0000-4000-8000-000000000021', '10000000-0000-4000-8000-00000000000a',
   '60000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-0000000000a1', '2026-03-02');
reset role;
select set_config('request.jwt.claims', null, true);
select is((select count(*)::int from public.training_plans where assignment_id = '60000000-0000-4000-8000-000000000021'),
  2, 'assigning to a group makes a copy per athlete of it');
select is((select count(*)::int from public.plan_workouts where plan_id = pg_temp.copy_of('a1')), 3,
  'each copy has the template''s workouts');
select is((select start_date from public.training_plans where id = pg_temp.copy_of('a1')), '2026-03-02'::date,
  'from the assignment''s date');

-- an individual edit touches that copy only
select tests.authenticate_as('coach');
update public.plan_workouts set duration_min = 60 where plan_id = pg_temp.copy_of('a1') and week = 1 and day = 1;
reset role;
select set_config('request.jwt.claims', null, true);
select is((select duration_min from public.plan_workouts where id = '60000000-0000-4000-8000-000000000011'), 40,
  'the template keeps its workout');
select is((select duration_min from public.plan_workouts where plan_id = pg_temp.copy_of('a2') and week = 1 and day = 1), 40,
  'the other athlete''s copy keeps its workout');

-- reading copies
select is(tests.try_as('athlete', 'select count(*) from public.plan_workouts'), '3', 'the athlete reads their own plan''s workouts');
select is(tests.try_as('athlete', format('select count(*) from public.training_plans where id = %L', pg_temp.copy_of('a2'))),
  '0', 'and not another athlete''s plan');
select is(tests.try_as('coach2', format('select count(*) from public.plan_workouts where plan_id = %L', pg_temp.copy_of('a1'))),
  '3', 'a consulting coach reads the athlete''s plan');
select is(tests.try_as('coach2', format('update public.plan_workouts set notes = ''x'' where plan_id = %L', pg_temp.copy_of('a1'))),
  '0', 'but does not change it');

-- a sold plan opens week by week: with one week open the athlete reads week 1 only
update public.training_plans set unlocked_weeks = 1 where id = pg_temp.copy_of('a1');
select is(tests.try_as('athlete', 'select count(*) from public.plan_workouts'), '2', 'a closed week is not read');
select is(tests.try_as('coach', format('select count(*) from public.plan_workouts where plan_id = %L', pg_temp.copy_of('a1'))),
  '3', 'the coach reads every week');
select is(tests.try_as('athlete', format('update public.training_plans set weeks = 1 where id = %L', pg_temp.copy_of('a1'))),
  '0', 'the athlete cannot change their plan');

-- logs ------------------------------------------------------------------------------------------
create function pg_temp.log_as(p_actor text, p_athlete text, p_owner text) returns text language sql as $$
  select tests.try_as(p_actor, format(
    'insert into public.workout_logs (id, org_id, workout_id, athlete_id, status, rpe, logged_on) values (%L, %L, %L, %L, ''done'', 6, ''2026-03-02'')',
    w.id, w.org_id, w.id, '30000000-0000-4000-8000-0000000000' || p_athlete))
    from public.plan_workouts w where w.plan_id = pg_temp.copy_of(p_owner) and w.week = 1 and w.day = 1
$$;
select is(pg_temp.log_as('athlete', 'a1', 'a1'), '1', 'the athlete logs their workout');
select is(pg_temp.log_as('athlete', 'a2', 'a2'), '42501', 'an athlete cannot log another''s');
select is(pg_temp.log_as('coach', 'a2', 'a1'), '23514', 'a log names the athlete whose workout it is');
select is(pg_temp.log_as('coach2', 'a1', 'a1'), '42501', 'a consulting coach cannot log');
select is(pg_temp.log_as('coach', 'a2', 'a2'), '1', 'the group''s coach logs for the athlete');

-- cancelling archives the copies
select tests.authenticate_as('coach');
update public.plan_assignments set status = 'cancelled' where id = '60000000-0000-4000-8000-000000000021';
reset role;
select set_config('request.jwt.claims', null, true);
select is((select count(*)::int from public.training_plans
            where assignment_id = '60000000-0000-4000-8000-000000000021' and status = 'archived'), 2,
  'cancelling the assignment archives its copies');

-- offline: one outbox batch builds a template and assigns it ------------------------------------
create function pg_temp.batch() returns jsonb language sql as $$
  select replace('[
  {"seq":1,"table":"training_plans","id":"60000000-0000-4000-8000-000000000031","op":"insert","fields":{"org_id":"10000000-0000-4000-8000-00000000000a","coach_id":"COACH","title":"Офлайн","kind":"template","weeks":1}},
  {"seq":2,"table":"plan_workouts","id":"60000000-0000-4000-8000-000000000032","op":"insert","fields":{"org_id":"10000000-0000-4000-8000-00000000000a","plan_id":"60000000-0000-4000-8000-000000000031","week":1,"day":1,"type":"run","distance_m":5000,"intensity":"pace","pace_s_per_km":330}},
  {"seq":3,"table":"plan_workouts","id":"60000000-0000-4000-8000-000000000033","op":"insert","fields":{"org_id":"10000000-0000-4000-8000-00000000000a","plan_id":"60000000-0000-4000-8000-000000000031","week":1,"day":3,"type":"strength","duration_min":45}},
  {"seq":4,"table":"plan_assignments","id":"60000000-0000-4000-8000-000000000034","op":"insert","fields":{"org_id":"10000000-0000-4000-8000-00000000000a","plan_id":"60000000-0000-4000-8000-000000000031","athlete_id":"30000000-0000-4000-8000-0000000000a2","start_date":"2026-03-09"}}
  ]', 'COACH', tests.get_supabase_uid('coach')::text)::jsonb
$$;
create function pg_temp.log_batch(p_seq int, p_status text) returns jsonb language sql as $$
  select jsonb_build_array(jsonb_build_object('seq', p_seq, 'table', 'workout_logs', 'id', w.id, 'op', 'insert',
    'fields', jsonb_build_object('org_id', w.org_id, 'workout_id', w.id,
      'athlete_id', '30000000-0000-4000-8000-0000000000a2', 'status', p_status, 'logged_on', '2026-03-09')))
    from public.plan_workouts w join public.training_plans p on p.id = w.plan_id
   where p.assignment_id = '60000000-0000-4000-8000-000000000034' and w.day = 1
$$;
select set_config('t.b', pg_temp.batch()::text, true);
select tests.authenticate_as('coach');
select set_config('t.r', public.sync_push('00000000-0000-4000-c000-0000000006a1', current_setting('t.b')::jsonb)::text, true);
reset role;
select set_config('request.jwt.claims', null, true);
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].status'),
  '["applied","applied","applied","applied"]', 'a template, its workouts and its assignment push in one batch');
select is((select count(*)::int from public.plan_workouts w join public.training_plans p on p.id = w.plan_id
            where p.assignment_id = '60000000-0000-4000-8000-000000000034'), 2,
  'the assignment pushed after the workouts copies them all');

-- two devices log the same workout: the second insert becomes an update
select set_config('t.l1', pg_temp.log_batch(1, 'done')::text, true);
select set_config('t.l2', pg_temp.log_batch(1, 'skipped')::text, true);
select tests.authenticate_as('coach');
select set_config('t.r', public.sync_push('00000000-0000-4000-c000-0000000006a2', current_setting('t.l1')::jsonb)::text, true);
select set_config('t.r', public.sync_push('00000000-0000-4000-c000-0000000006a3', current_setting('t.l2')::jsonb)::text, true);
reset role;
select set_config('request.jwt.claims', null, true);
select is(jsonb_path_query_array(current_setting('t.r')::jsonb, '$.results[*].status'), '["applied"]',
  'a second log of the workout from another device is applied');
select is((select string_agg(l.status, ',') from public.workout_logs l
            join public.training_plans p on p.athlete_id = l.athlete_id
           where p.assignment_id = '60000000-0000-4000-8000-000000000034'), 'skipped',
  'as an update of the one log');

select * from finish();
rollback;
