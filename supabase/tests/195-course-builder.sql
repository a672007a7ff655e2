-- the course builder (20261206159000_course_builder.sql): the course's staff
-- write courses and lessons (RLS and column grants), set a quiz's answers only
-- through set_lesson_quiz_key, reorder lessons by swapping positions in one
-- transaction, delete a lesson (soft) and reuse its place, and sell a paid
-- course through save_course_product — others are refused each of these.
--
-- fixture: tests.create_tenancy_fixture(); `coach` (club A) builds course K
-- with lessons K1, K2 (a quiz of two questions).
begin;
select plan(30);
select tests.create_tenancy_fixture();

-- building as the coach ------------------------------------------------------------------
select is(tests.try_as('coach', $$insert into public.courses (id, org_id, coach_id, title, access)
  values ('19500000-0000-4000-8000-0000000000c1', '10000000-0000-4000-8000-00000000000a',
          tests.get_supabase_uid('coach'), 'K', 'free')$$), '1', 'a coach adds a course of theirs');
select is(tests.try_as('athlete', $$insert into public.courses (id, org_id, coach_id, title, access)
  values ('19500000-0000-4000-8000-0000000000c9', '10000000-0000-4000-8000-00000000000a',
          tests.get_supabase_uid('athlete'), 'X', 'free')$$), '42501', 'an athlete adds none');
select is(tests.try_as('coach2', $$insert into public.courses (id, org_id, coach_id, title, access)
  values ('19500000-0000-4000-8000-0000000000c9', '10000000-0000-4000-8000-00000000000a',
          tests.get_supabase_uid('coach'), 'X', 'free')$$), '42501', 'a coach adds none in another coach''s name');
select is(tests.try_as('admin', $$insert into public.courses (id, org_id, coach_id, title, access)
  values ('19500000-0000-4000-8000-0000000000c9', '10000000-0000-4000-8000-00000000000a',
          tests.get_supabase_uid('coach'), 'X', 'free')$$), '1', 'a club admin adds one for a coach');

insert into public.courses (id, org_id, coach_id, title, access, published) values
  ('19500000-0000-4000-8000-0000000000c1', '10000000-0000-4000-8000-00000000000a',
   tests.get_supabase_uid('coach'), 'K', 'free', false);
insert into public.course_lessons (id, org_id, course_id, position, title, body, quiz, pass_mark) values
  ('19500000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-00000000000a', '19500000-0000-4000-8000-0000000000c1', 1, 'K1', 'one', null, null),
  ('19500000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-00000000000a', '19500000-0000-4000-8000-0000000000c1', 2, 'K2', 'two',
   '{"questions":[{"text":"q1","options":["a","b"]},{"text":"q2","options":["a","b","c"]}]}', 50);

select is(tests.try_as('coach', $$update public.courses set title = 'K!', published = true
  where id = '19500000-0000-4000-8000-0000000000c1'$$), '1', 'the coach edits and publishes the course');
select is(tests.try_as('coach2', $$update public.courses set title = 'mine'
  where id = '19500000-0000-4000-8000-0000000000c1'$$), '0', 'another coach of the club edits nothing of it');
select is(tests.try_as('coach_b', $$insert into public.course_lessons (org_id, course_id, position, title)
  values ('10000000-0000-4000-8000-00000000000a', '19500000-0000-4000-8000-0000000000c1', 3, 'B')$$),
  '42501', 'a coach of another club adds no lesson to it');
select is(tests.try_as('coach', $$insert into public.course_lessons (org_id, course_id, position, title, kind, media_path)
  values ('10000000-0000-4000-8000-00000000000a', '19500000-0000-4000-8000-0000000000c1', 3, 'K3', 'audio',
          '19500000-0000-4000-8000-0000000000c1/a.wav')$$), '1', 'the coach adds an audio lesson with its media');
select is(tests.try_as('coach', $$insert into public.course_lessons (org_id, course_id, position, title, kind, media_path)
  values ('10000000-0000-4000-8000-00000000000a', '19500000-0000-4000-8000-0000000000c1', 3, 'K3', 'audio',
          '19500000-0000-4000-8000-0000000000c9/a.wav')$$), '23514', 'but not with another course''s media');
-- checked at commit; here, at once, to see it
set constraints course_lessons_position_key immediate;
select is(tests.try_as('coach', $$insert into public.course_lessons (org_id, course_id, position, title)
  values ('10000000-0000-4000-8000-00000000000a', '19500000-0000-4000-8000-0000000000c1', 2, 'dup')$$),
  '23P01', 'two live lessons never share a place');
set constraints course_lessons_position_key deferred;

-- reorder and delete -----------------------------------------------------------------------
select is(tests.try_as('coach', $$with a as (update public.course_lessons set position = 2
    where id = '19500000-0000-4000-8000-000000000001' returning 1),
  b as (update public.course_lessons set position = 1 where id = '19500000-0000-4000-8000-000000000002' returning 1)
  select count(*) from a, b$$), '1', 'the coach swaps two lessons at once');
select is(tests.try_as('coach', $$update public.course_lessons set deleted_at = now()
  where id = '19500000-0000-4000-8000-000000000001'$$), '1', 'the coach deletes a lesson (soft)');
select is(tests.try_as('athlete', $$update public.course_lessons set deleted_at = now()
  where id = '19500000-0000-4000-8000-000000000001'$$), '0', 'a learner deletes none');
select is(tests.try_as('coach', $$delete from public.course_lessons
  where id = '19500000-0000-4000-8000-000000000001'$$), '42501', 'nobody deletes a lesson for real');
update public.course_lessons set deleted_at = now() where id = '19500000-0000-4000-8000-000000000001';
select is(tests.try_as('coach', $$insert into public.course_lessons (org_id, course_id, position, title)
  values ('10000000-0000-4000-8000-00000000000a', '19500000-0000-4000-8000-0000000000c1', 1, 'again')$$),
  '1', 'a deleted lesson''s place is free again');

-- the quiz's answers -----------------------------------------------------------------------
select is(tests.try_as('coach', $$select count(*) from (select public.set_lesson_quiz_key(
  '19500000-0000-4000-8000-000000000002', '{1,2}')) x$$), '1', 'the coach sets the right answers');
select is(tests.try_as('coach2', $$select count(*) from (select public.set_lesson_quiz_key(
  '19500000-0000-4000-8000-000000000002', '{1,2}')) x$$), '42501', 'another coach does not');
select is(tests.try_as('coach', $$select count(*) from (select public.set_lesson_quiz_key(
  '19500000-0000-4000-8000-000000000002', '{1,3}')) x$$), '22023', 'an answer must be one of the options');
insert into private.course_quiz_keys (lesson_id, answers) values ('19500000-0000-4000-8000-000000000002', '{1,2}');
select is(tests.try_as('coach', $$select (public.lesson_quiz_key('19500000-0000-4000-8000-000000000002') = '{1,2}')::int$$),
  '1', 'and reads them back');
select is(tests.try_as('athlete', $$select cardinality(public.lesson_quiz_key('19500000-0000-4000-8000-000000000002'))$$),
  '42501', 'a learner reads no answers');
select is(tests.try_as('coach_b', $$select cardinality(public.lesson_quiz_key('19500000-0000-4000-8000-000000000002'))$$),
  '42501', 'nor a coach of another club');
select is(tests.try_as('coach', $$select count(*) from private.course_quiz_keys$$), '42501',
  'nor does the coach read the keys table');
select is(tests.try_as('coach', $$update public.course_lessons set quiz = '{"questions":[{"text":"q","options":["a","b"],"answer":1}]}'
  where id = '19500000-0000-4000-8000-000000000002'$$), '23514', 'a quiz row carries no answer');
select is(tests.try_as('coach', $$update public.course_lessons set pass_mark = 0
  where id = '19500000-0000-4000-8000-000000000002'$$), '23514', 'a pass mark is 1 to 100');

-- a paid course's product ------------------------------------------------------------------
select is(tests.try_as('coach', $$select count(*) from (select public.save_course_product(
  '19500000-0000-4000-8000-0000000000c1', 199000, 'RUB', 2, 30)) x$$), '1', 'the coach prices the course, with two sessions');
select is(tests.try_as('coach', $$insert into public.products (org_id, coach_id, kind, course_id, name, price_minor, currency)
  values ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'), 'course',
          '19500000-0000-4000-8000-0000000000c1', 'K', 100, 'RUB')$$), '42501', 'but not by writing products.course_id');
select is(tests.try_as('coach2', $$select count(*) from (select public.save_course_product(
  '19500000-0000-4000-8000-0000000000c1', 100, 'RUB')) x$$), '42501', 'another coach prices nothing of it');
select is(tests.try_as('coach', $$select count(*) from (select public.save_course_product(
  '19500000-0000-4000-8000-0000000000c1', 100, 'RUB', 2, null)) x$$), '22023', 'credits come with their days');
select is(tests.try_as('coach', $$select count(*) from (select public.save_course_product(
  '19500000-0000-4000-8000-0000000000c1', -1, 'RUB')) x$$), '23514', 'a price is not negative');

select tests.authenticate_as('coach');
select public.save_course_product('19500000-0000-4000-8000-0000000000c1', 199000, 'RUB', 2, 30);
select public.save_course_product('19500000-0000-4000-8000-0000000000c1', 249000, 'RUB');
select set_config('role', 'postgres', true);
select results_eq($$select kind, coach_id, price_minor, credits, valid_days, active, listed
    from public.products where course_id = '19500000-0000-4000-8000-0000000000c1'$$,
  $$values ('course'::text, tests.get_supabase_uid('coach'), 249000, null::int, null::int, true, true)$$,
  'one product per course, updated in place, in the coach''s name');

select * from finish();
rollback;
