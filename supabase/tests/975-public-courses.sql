-- courses on the public pages (issue 14, 20261206160000_public_courses.sql): the
-- coach page lists the coach's published courses (a paid one only while a
-- product sells it), a course's page shows its outline and only its preview
-- lessons' text, a course is found only through its own coach's page, anon
-- signs only covers and preview media, and an address gets an email-gated
-- course through the service role's three steps — and nothing else.
--
-- fixture: tests.create_tenancy_fixture(). `coach` (club A) has the page `trainer`
-- with four courses: P paid (sold; L1 preview text, L2 not), E email-gated
-- (LE1 preview video), F free, D a draft; `coach2` (club A) has the page
-- `second` and the free course G.
begin;
select plan(29);
select tests.create_tenancy_fixture();

insert into public.coach_pages (org_id, coach_id, slug, published, display_name) values
  ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'), 'trainer', true, 'Coach One'),
  ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach2'), 'second', true, 'Coach Two');
insert into public.courses (id, org_id, coach_id, title, access, published, cover_path) values
  ('97500000-0000-4000-8000-0000000000c1', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'), 'P', 'paid', true, '97500000-0000-4000-8000-0000000000c1/cover.png'),
  ('97500000-0000-4000-8000-0000000000c2', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'), 'E', 'email', true, null),
  ('97500000-0000-4000-8000-0000000000c3', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'), 'F', 'free', true, null),
  ('97500000-0000-4000-8000-0000000000c4', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'), 'D', 'free', false, null),
  ('97500000-0000-4000-8000-0000000000c5', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach2'), 'G', 'free', true, null);
insert into public.course_lessons (id, org_id, course_id, position, title, kind, body, media_path, is_preview) values
  ('97500000-0000-4000-8000-000000000011', '10000000-0000-4000-8000-00000000000a', '97500000-0000-4000-8000-0000000000c1', 1, 'L1', 'text', 'open body', null, true),
  ('97500000-0000-4000-8000-000000000012', '10000000-0000-4000-8000-00000000000a', '97500000-0000-4000-8000-0000000000c1', 2, 'L2', 'video', 'secret body', '97500000-0000-4000-8000-0000000000c1/l2.mp4', false),
  ('97500000-0000-4000-8000-000000000021', '10000000-0000-4000-8000-00000000000a', '97500000-0000-4000-8000-0000000000c2', 1, 'LE1', 'video', '', '97500000-0000-4000-8000-0000000000c2/intro.mp4', true);
insert into public.products (id, org_id, kind, name, price_minor, currency, course_id, coach_id, listed) values
  ('97500000-0000-4000-8000-0000000000f1', '10000000-0000-4000-8000-00000000000a', 'course', 'P', 150000, 'RUB',
   '97500000-0000-4000-8000-0000000000c1', tests.get_supabase_uid('coach'), true);

-- what a call answers as `p_actor` (anon, a user, or service_role)
create function pg_temp.call_as(p_actor text, p_sql text)
returns jsonb
language plpgsql volatile
as $$
declare
  v jsonb;
begin
  if p_actor = 'anon' then perform tests.clear_authentication();
  elsif p_actor = 'service_role' then perform tests.authenticate_as_service_role();
  else perform tests.authenticate_as(p_actor); end if;
  execute p_sql into v;
  perform set_config('role', 'postgres', true);
  return v;
exception when others then
  perform set_config('role', 'postgres', true);
  return jsonb_build_object('sqlstate', sqlstate, 'hint', (select null::text));
end
$$;

-- the coach page ----------------------------------------------------------------------------------------
select is(
  (select jsonb_agg(c ->> 'title' order by c ->> 'title') from jsonb_array_elements(pg_temp.call_as('anon', $$select public.public_coach_page('trainer')$$) -> 'courses') c),
  '["E", "F", "P"]'::jsonb, 'the page lists the coach''s published courses, not the draft nor another coach''s');
select is(
  pg_temp.call_as('anon', $$select public.public_coach_page('trainer')$$) #>> '{courses,2,product,price_minor}',
  '150000', 'a paid course carries the product that sells it, at the database''s price');
select is(
  jsonb_array_length(pg_temp.call_as('anon', $$select public.public_coach_page('trainer')$$) -> 'products'),
  0, 'and the course''s product is not listed again among the products');
update public.products set listed = false where id = '97500000-0000-4000-8000-0000000000f1';
select is(
  (select jsonb_agg(c ->> 'title' order by c ->> 'title') from jsonb_array_elements(pg_temp.call_as('anon', $$select public.public_coach_page('trainer')$$) -> 'courses') c),
  '["E", "F"]'::jsonb, 'a paid course nobody sells is not offered');
update public.products set listed = true where id = '97500000-0000-4000-8000-0000000000f1';
select is(
  pg_temp.call_as('anon', $$select public.public_coach_page('trainer')$$) #>> '{courses,0,preview_count}',
  '1', 'with how many of its lessons are free to read');

-- a course's page ----------------------------------------------------------------------------------------
select is(
  pg_temp.call_as('anon', $$select public.public_course_page('trainer', '97500000-0000-4000-8000-0000000000c1')$$) #>> '{lessons,0,body}',
  'open body', 'anon reads a preview lesson''s text');
select is(
  pg_temp.call_as('anon', $$select public.public_course_page('trainer', '97500000-0000-4000-8000-0000000000c1')$$) #> '{lessons,1}',
  '{"id": "97500000-0000-4000-8000-000000000012", "body": null, "kind": "video", "title": "L2", "position": 2, "has_quiz": false, "drip_days": 0, "is_preview": false, "media_path": null}'::jsonb,
  'but of any other lesson only its title, kind and when it opens: no body, no media');
select is(
  pg_temp.call_as('anon', $$select public.public_course_page('TRAINER', '97500000-0000-4000-8000-0000000000c1')$$) #>> '{product,id}',
  '97500000-0000-4000-8000-0000000000f1', 'the slug is matched ignoring case, and the offer comes along');
select is(
  pg_temp.call_as('anon', $$select public.public_course_page('second', '97500000-0000-4000-8000-0000000000c1')$$),
  null::jsonb, 'a course is found only through its own coach''s page');
select is(
  pg_temp.call_as('anon', $$select public.public_course_page('trainer', '97500000-0000-4000-8000-0000000000c4')$$),
  null::jsonb, 'a draft has no public page');
update public.coach_pages set published = false where slug = 'trainer';
select is(
  pg_temp.call_as('anon', $$select public.public_course_page('trainer', '97500000-0000-4000-8000-0000000000c1')$$),
  null::jsonb, 'nor a course of an unpublished coach page');
update public.coach_pages set published = true where slug = 'trainer';

-- storage: what anon may sign --------------------------------------------------------------------------
insert into storage.objects (bucket_id, name, metadata) values
  ('course-media', '97500000-0000-4000-8000-0000000000c1/cover.png', '{"mimetype": "image/png", "size": 8}'),
  ('course-media', '97500000-0000-4000-8000-0000000000c1/l2.mp4', '{"mimetype": "video/mp4", "size": 8}'),
  ('course-media', '97500000-0000-4000-8000-0000000000c2/intro.mp4', '{"mimetype": "video/mp4", "size": 8}');
select is(tests.try_as('anon', $$select count(*) from storage.objects where bucket_id = 'course-media'$$),
  '2', 'anon reads a published course''s cover and a preview lesson''s media');
select is(tests.try_as('anon', $$select count(*) from storage.objects where name like '%/l2.mp4'$$),
  '0', 'never the media of a lesson that is not a preview');
update public.courses set published = false where id = '97500000-0000-4000-8000-0000000000c2';
select is(tests.try_as('anon', $$select count(*) from storage.objects where name like '%/intro.mp4'$$),
  '0', 'nor a preview''s media once its course is unpublished');
update public.courses set published = true where id = '97500000-0000-4000-8000-0000000000c2';
select is(tests.try_as('anon', $$insert into storage.objects (bucket_id, name) values ('course-media', '97500000-0000-4000-8000-0000000000c2/x.mp4')$$),
  '42501', 'and anon writes nothing there');

-- an address gets an email-gated course -----------------------------------------------------------------
select is(tests.try_as('anon', $$select public.public_enroll_gate('1.2.3.4', 'x@example.com')$$),
  '42501', 'anon may not count the limits');
select is(tests.try_as('athlete', $$select (public.public_enroll_prepare('97500000-0000-4000-8000-0000000000c2', 'x@example.com') is not null)::int$$),
  '42501', 'nor may a signed-in user prepare an enrolment');
select is(tests.try_as('athlete', $$select (public.public_enroll_email('97500000-0000-4000-8000-0000000000c2', (select auth.uid()), 'ru') is not null)::int$$),
  '42501', 'nor enrol themselves by this path');
select is(
  pg_temp.call_as('service_role', $$select public.public_enroll_prepare('97500000-0000-4000-8000-0000000000c1', 'x@example.com')$$) ->> 'sqlstate',
  '22023', 'a course that is not email-gated is refused');
select is(
  pg_temp.call_as('service_role', format($$select public.public_enroll_prepare('97500000-0000-4000-8000-0000000000c2', %L)$$,
    upper((select email from auth.users where id = tests.get_supabase_uid('outsider'))))) ->> 'userId',
  tests.get_supabase_uid('outsider')::text, 'the account of the address is found ignoring case');
select is(
  pg_temp.call_as('service_role', format($$select public.public_enroll_email('97500000-0000-4000-8000-0000000000c2', %L, 'en')$$,
    tests.get_supabase_uid('outsider'))) ->> 'status',
  'active', 'the account is enrolled');
select results_eq(
  $$select source, status from public.course_enrollments
     where course_id = '97500000-0000-4000-8000-0000000000c2' and user_id = tests.get_supabase_uid('outsider')$$,
  $$values ('email'::text, 'active'::text)$$, 'by email');
select ok(private.is_active_member('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('outsider'), 'member'),
  'and made a member of the club');
select results_eq(
  $$select kind, locale, to_email, payload ->> 'courseTitle' from private.email_outbox
     where kind = 'course_access'$$,
  $$select 'course_access'::text, 'en'::text, email::text, 'E'::text from auth.users where id = tests.get_supabase_uid('outsider')$$,
  'one email says how to get in, to that address, in the page''s language');
select is(
  pg_temp.call_as('service_role', format($$select public.public_enroll_email('97500000-0000-4000-8000-0000000000c2', %L, 'en')$$,
    tests.get_supabase_uid('outsider'))) ->> 'status',
  'active', 'asking again changes nothing');
select is((select count(*)::int from private.email_outbox where kind = 'course_access'), 1,
  'and sends no second email within ten minutes');
select is(
  pg_temp.call_as('outsider', $$select to_jsonb(array_agg(l.title)) from public.course_lessons l where l.course_id = '97500000-0000-4000-8000-0000000000c2'$$),
  '["LE1"]'::jsonb, 'the learner now reads the course''s lessons');
update public.course_enrollments set status = 'refunded'
 where course_id = '97500000-0000-4000-8000-0000000000c2' and user_id = tests.get_supabase_uid('outsider');
select is(
  pg_temp.call_as('service_role', format($$select public.public_enroll_email('97500000-0000-4000-8000-0000000000c2', %L, 'en')$$,
    tests.get_supabase_uid('outsider'))) ->> 'status',
  'refunded', 'an enrolment that was taken back is not given again by this path');

-- the limits ----------------------------------------------------------------------------------------------
select is(
  (select array_agg(public.public_enroll_gate('5.6.7.8', 'same@example.com') > 0) from generate_series(1, 4)),
  array[false, false, false, true], 'three requests an hour per address, then a wait');
select * from finish();
rollback;
