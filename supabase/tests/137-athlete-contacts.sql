-- athlete contacts (issue 13, 20261206146000_athlete_contacts.sql): a guardian,
-- a phone and a birth date per athlete, read and written by the club's admins
-- and owners and the coaches of the athlete's group — never by the athlete's own
-- account, a coach of another group, another club or anon; the rules of the
-- columns; two offline inserts of one athlete's contacts converge.
--
-- fixture: tests.create_tenancy_fixture() — `athlete` is linked to a1 (group A1,
-- coached by `coach`), a2 is in A1, a3 in A2 (coached by `coach2`), b1 in club B.
begin;
select plan(27);
select tests.create_tenancy_fixture();

insert into public.athlete_contacts (id, org_id, athlete_id, guardian_name, guardian_email, birth_date) values
  ('30000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-00000000000a',
   '30000000-0000-4000-8000-0000000000a1', 'Иванова Ольга', 'olga@example.ru', '2012-05-17');

-- reading ---------------------------------------------------------------------------------------------
select is(tests.try_as('coach', $$select count(*) from public.athlete_contacts where id = '30000000-0000-4000-8000-0000000000a1'$$),
  '1', 'the coach of the athlete''s group reads their contacts');
select is(tests.try_as('admin', $$select count(*) from public.athlete_contacts where id = '30000000-0000-4000-8000-0000000000a1'$$),
  '1', 'an admin of the club reads them');
select is(tests.try_as('athlete', $$select count(*) from public.athlete_contacts$$),
  '0', 'the athlete''s own account does not');
select is(tests.try_as('coach2', $$select count(*) from public.athlete_contacts$$),
  '0', 'nor the coach of another group');
select is(tests.try_as('coach_b', $$select count(*) from public.athlete_contacts$$),
  '0', 'nor a coach of another club');
select is(tests.try_as('anon', $$select count(*) from public.athlete_contacts$$),
  '42501', 'anon is refused outright');
select is(tests.try_as('athlete', $$select jsonb_array_length(public.sync_ids('athlete_contacts'))$$),
  '0', 'the athlete''s device is told it holds no contacts');

-- writing ---------------------------------------------------------------------------------------------
select is(tests.try_as('coach', $$insert into public.athlete_contacts (id, org_id, athlete_id, phone) values ('30000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a2', '+7 916 000-00-00')$$),
  '1', 'the group''s coach adds an athlete''s contacts');
select is(tests.try_as('admin', $$insert into public.athlete_contacts (id, org_id, athlete_id, birth_date) values ('30000000-0000-4000-8000-0000000000a3', '10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a3', '2010-01-31')$$),
  '1', 'an admin adds any athlete''s of the club');
select is(tests.try_as('coach', $$update public.athlete_contacts set phone = '89160000000' where id = '30000000-0000-4000-8000-0000000000a1'$$),
  '1', 'the group''s coach edits them');
select is(tests.try_as('coach2', $$insert into public.athlete_contacts (id, org_id, athlete_id, phone) values ('30000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a2', '89160000000')$$),
  '42501', 'the coach of another group adds none');
select is(tests.try_as('athlete', $$insert into public.athlete_contacts (id, org_id, athlete_id, phone) values ('30000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a2', '89160000000')$$),
  '42501', 'an athlete adds none');
select is(tests.try_as('athlete', $$update public.athlete_contacts set phone = '89160000000' where id = '30000000-0000-4000-8000-0000000000a1'$$),
  '0', 'nor edits their own');
select is(tests.try_as('coach_b', $$update public.athlete_contacts set phone = '89160000000'$$),
  '0', 'a coach of another club edits nothing');
select is(tests.try_as('anon', $$insert into public.athlete_contacts (id, org_id, athlete_id) values ('30000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a2')$$),
  '42501', 'anon writes nothing');
select is(tests.try_as('admin_b', $$insert into public.athlete_contacts (id, org_id, athlete_id, phone) values ('30000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-00000000000b', '30000000-0000-4000-8000-0000000000a2', '89160000000')$$),
  '23503', 'an admin of another club cannot file contacts of this club''s athlete under theirs (same-club reference)');

-- the rules -------------------------------------------------------------------------------------------
select is(tests.try_as('coach', $$update public.athlete_contacts set birth_date = ((now() at time zone 'utc') + interval '38 hours')::date where id = '30000000-0000-4000-8000-0000000000a1'$$),
  '23514', 'a birth date in the future is refused');
select is(tests.try_as('coach', $$update public.athlete_contacts set birth_date = current_date - 1 where id = '30000000-0000-4000-8000-0000000000a1'$$),
  '1', 'yesterday is taken');
select is(tests.try_as('coach', $$update public.athlete_contacts set birth_date = '1899-12-31' where id = '30000000-0000-4000-8000-0000000000a1'$$),
  '23514', 'a birth date before 1900 is refused');
select is(tests.try_as('coach', $$update public.athlete_contacts set phone = 'позвонить маме' where id = '30000000-0000-4000-8000-0000000000a1'$$),
  '23514', 'a phone that is no phone is refused');
select is(tests.try_as('coach', $$update public.athlete_contacts set guardian_email = 'olga@' where id = '30000000-0000-4000-8000-0000000000a1'$$),
  '23514', 'an email that is no email is refused');
select is(tests.try_as('coach', $$update public.athlete_contacts set guardian_email = null where id = '30000000-0000-4000-8000-0000000000a1'$$),
  '23514', 'a guardian''s name with no phone or email is refused');
select is(tests.try_as('coach', $$insert into public.athlete_contacts (id, org_id, athlete_id) values (gen_random_uuid(), '10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a2')$$),
  '23514', 'the row''s id is the athlete''s');

-- two offline inserts of one athlete's contacts converge ---------------------------------------------------
select tests.authenticate_as('coach');
select set_config('t.r1', public.sync_push('00000000-0000-4000-c000-0000000000d1', '[
  {"seq":1,"table":"athlete_contacts","id":"30000000-0000-4000-8000-0000000000a2","op":"insert",
   "fields":{"org_id":"10000000-0000-4000-8000-00000000000a","athlete_id":"30000000-0000-4000-8000-0000000000a2","phone":"+7 900 111-22-33"}}
]')::text, true);
select tests.authenticate_as('admin');
select set_config('t.r2', public.sync_push('00000000-0000-4000-c000-0000000000d2', '[
  {"seq":1,"table":"athlete_contacts","id":"30000000-0000-4000-8000-0000000000a2","op":"insert",
   "fields":{"org_id":"10000000-0000-4000-8000-00000000000a","athlete_id":"30000000-0000-4000-8000-0000000000a2","birth_date":"2011-03-08"}}
]')::text, true);
select tests.clear_authentication();
reset role;
select is(jsonb_path_query_array(current_setting('t.r1')::jsonb, '$.results[*].status'), '["applied"]',
  'the first device''s insert is applied');
select is(jsonb_path_query_array(current_setting('t.r2')::jsonb, '$.results[*].status'), '["applied"]',
  'the second device''s insert of the same athlete''s contacts is applied too, not refused as a duplicate');
select is((select phone || ' / ' || birth_date::text from public.athlete_contacts where id = '30000000-0000-4000-8000-0000000000a2'),
  '+7 900 111-22-33 / 2011-03-08', 'and the row holds what both wrote');

select ok((select merge_inserts from sync.tables where table_name = 'athlete_contacts'),
  'the table is synced with its merge rule');

select * from finish();
rollback;
