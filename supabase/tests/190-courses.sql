-- mini-courses (issue 14, 20261206156000_courses.sql): who reads a lesson is
-- decided by row-level security — previews for anyone, an active enrolment in
-- THAT course once drip and order have opened the lesson, the course's staff —
-- a refund closes every lesson at once, drip opens at the learner's midnight,
-- progress and quiz scores are written only by complete_lesson, and the quiz's
-- answers are never readable.
--
-- fixture: tests.create_tenancy_fixture(). `coach` (club A) has four courses:
--   C1 paid (product), enforce_order: L11 preview, L12 quiz (3 questions, pass
--      60 %), L13, L14 dripped 2 days
--   C2 free: L21 · C3 email-gated: L31 · C4 for members: L41
-- `coach_b` (club B) has CB, free: LB1. every course is published; each lesson's
-- title is its name here.
begin;
select plan(69);
select tests.create_tenancy_fixture();

insert into public.courses (id, org_id, coach_id, title, access, published, enforce_order) values
  ('19000000-0000-4000-8000-0000000000c1', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'), 'C1', 'paid', true, true),
  ('19000000-0000-4000-8000-0000000000c2', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'), 'C2', 'free', true, false),
  ('19000000-0000-4000-8000-0000000000c3', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'), 'C3', 'email', true, false),
  ('19000000-0000-4000-8000-0000000000c4', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'), 'C4', 'members', true, false),
  ('19000000-0000-4000-8000-0000000000cb', '10000000-0000-4000-8000-00000000000b', tests.get_supabase_uid('coach_b'), 'CB', 'free', true, false);
insert into public.course_lessons (id, org_id, course_id, position, title, body, is_preview, drip_days, quiz, pass_mark) values
  ('19000000-0000-4000-8000-000000000011', '10000000-0000-4000-8000-00000000000a', '19000000-0000-4000-8000-0000000000c1', 1, 'L11', 'body 11', true, 0, null, null),
  ('19000000-0000-4000-8000-000000000012', '10000000-0000-4000-8000-00000000000a', '19000000-0000-4000-8000-0000000000c1', 2, 'L12', 'body 12', false, 0,
   '{"questions":[{"text":"q1","options":["a","b"]},{"text":"q2","options":["a","b","c"]},{"text":"q3","options":["a","b"]}]}', 60),
  ('19000000-0000-4000-8000-000000000013', '10000000-0000-4000-8000-00000000000a', '19000000-0000-4000-8000-0000000000c1', 3, 'L13', 'body 13', false, 0, null, null),
  ('19000000-0000-4000-8000-000000000014', '10000000-0000-4000-8000-00000000000a', '19000000-0000-4000-8000-0000000000c1', 4, 'L14', 'body 14', false, 2, null, null),
  ('19000000-0000-4000-8000-000000000021', '10000000-0000-4000-8000-00000000000a', '19000000-0000-4000-8000-0000000000c2', 1, 'L21', 'body 21', false, 0, null, null),
  ('19000000-0000-4000-8000-000000000031', '10000000-0000-4000-8000-00000000000a', '19000000-0000-4000-8000-0000000000c3', 1, 'L31', 'body 31', false, 0, null, null),
  ('19000000-0000-4000-8000-000000000041', '10000000-0000-4000-8000-00000000000a', '19000000-0000-4000-8000-0000000000c4', 1, 'L41', 'body 41', false, 0, null, null),
  ('19000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-00000000000b', '19000000-0000-4000-8000-0000000000cb', 1, 'LB1', 'body B1', false, 0, null, null);
-- right answers: b, c, a
insert into private.course_quiz_keys (lesson_id, answers) values ('19000000-0000-4000-8000-000000000012', '{1,2,0}');
-- C1 is sold with four booking credits valid 30 days (the course + booking combo)
insert into public.products (id, org_id, kind, name, price_minor, currency, course_id, credits, valid_days) values
  ('19000000-0000-4000-8000-0000000000f1', '10000000-0000-4000-8000-00000000000a', 'course', 'C1', 490000, 'RUB',
   '19000000-0000-4000-8000-0000000000c1', 4, 30);
insert into public.purchases (id, org_id, user_id, product_id, kind, product_name, credits, valid_days, amount_minor, currency) values
  ('19000000-0000-4000-8000-0000000000e1', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('athlete'),
   '19000000-0000-4000-8000-0000000000f1', 'course', 'C1', 4, 30, 490000, 'RUB');

-- the titles of the lessons `p_actor` reads, as a list (a string, so the owner compares it)
create function pg_temp.lessons_as(p_actor text)
returns text
language plpgsql volatile
as $$
declare
  v text;
begin
  if p_actor = 'anon' then perform tests.clear_authentication(); else perform tests.authenticate_as(p_actor); end if;
  select coalesce(string_agg(l.title || ':' || l.body, ',' order by l.title), '') into v from public.course_lessons l;
  perform set_config('role', 'postgres', true);
  return v;
end
$$;

-- the lesson's titles `p_actor` reads before and after `p_sql` ran as them
create function pg_temp.rpc_as(p_actor text, p_sql text)
returns jsonb
language plpgsql volatile
as $$
declare
  v jsonb;
begin
  perform tests.authenticate_as(p_actor);
  execute p_sql into v;
  perform set_config('role', 'postgres', true);
  return v;
end
$$;

-- before buying -------------------------------------------------------------------------------------------
select is(pg_temp.lessons_as('anon'), 'L11:body 11', 'anon reads only the preview lesson of a published course');
select is(tests.try_as('anon', $$select count(*) from public.courses$$), '5', 'anon reads the published courses');
update public.courses set published = false where id = '19000000-0000-4000-8000-0000000000cb';
select is(tests.try_as('anon', $$select count(*) from public.courses$$), '4', 'but not an unpublished one');
select is(tests.try_as('outsider', $$select jsonb_array_length(public.course_outline('19000000-0000-4000-8000-0000000000cb') -> 'lessons')$$),
  'P0002', 'nor anyone its outline');
select is(tests.try_as('anon', $$select public.course_outline('19000000-0000-4000-8000-0000000000c1')$$),
  '42501', 'anon calls no definer rpc: the public pages read the tables (or the outline with the service role)');
update public.courses set published = true where id = '19000000-0000-4000-8000-0000000000cb';
select is(
  (select jsonb_agg(jsonb_build_array(x ->> 'title', x ->> 'open', x ->> 'lockReason', x ? 'body' and x ->> 'body' is not null))
     from jsonb_array_elements(pg_temp.rpc_as('outsider', $$select public.course_outline('19000000-0000-4000-8000-0000000000c1') -> 'lessons'$$)) x),
  '[["L11", "true", null, true], ["L12", "false", "enroll", false], ["L13", "false", "enroll", false], ["L14", "false", "enroll", false]]'::jsonb,
  'the outline lists every title and lock, and the body of the preview only');
select is(pg_temp.lessons_as('athlete'), 'L11:body 11', 'before buying, the athlete reads the preview only');
select is(tests.try_as('athlete', $$select public.enroll_course('19000000-0000-4000-8000-0000000000c1')$$),
  '42501', 'a paid course cannot be enrolled without buying it');

-- the webhook's paid purchase enrols, and grants the combo's credits ----------------------------------------
select is(public.stripe_apply_event(jsonb_build_object('id', 'evt_190_paid', 'type', 'checkout.session.completed',
  'created', extract(epoch from now())::bigint, 'purchaseId', '19000000-0000-4000-8000-0000000000e1',
  'sessionId', 'cs_190', 'paymentIntentId', 'pi_190', 'amountTotal', 490000, 'currency', 'rub',
  'paymentStatus', 'paid')) ->> 'outcome', 'applied', 'the course''s payment is applied');
select is((select status || '/' || source from public.course_enrollments
            where course_id = '19000000-0000-4000-8000-0000000000c1' and user_id = tests.get_supabase_uid('athlete')),
  'active/purchase', 'the paid purchase enrolled the buyer');
select is((select balance from public.credit_balances where user_id = tests.get_supabase_uid('athlete')), 4,
  'and granted the booking credits it carries');
select is(pg_temp.rpc_as('athlete', $$select public.enroll_course('19000000-0000-4000-8000-0000000000c2', 'Europe/Moscow')$$) ->> 'source',
  'free', 'the athlete enrols in the free course');
update public.course_enrollments set time_zone = 'Europe/Moscow' where user_id = tests.get_supabase_uid('athlete');

-- exactly the courses one has --------------------------------------------------------------------------------
select is(pg_temp.lessons_as('athlete'), 'L11:body 11,L21:body 21',
  'with two of the four courses, the athlete reads their open lessons (L12 waits for L11: order) and nothing of the others');
select is(pg_temp.rpc_as('member', $$select public.enroll_course('19000000-0000-4000-8000-0000000000c4')$$) ->> 'source',
  'membership', 'a member of the club enrols in the members'' course');
select is(pg_temp.rpc_as('member', $$select public.enroll_course('19000000-0000-4000-8000-0000000000c3')$$) ->> 'source',
  'email', 'and, with the account''s email, in the email-gated one');
select is(pg_temp.lessons_as('member'), 'L11:body 11,L31:body 31,L41:body 41',
  'the member reads those two courses'' lessons and the previews, not C1''s nor C2''s');
select is(tests.try_as('coach_b', $$select public.enroll_course('19000000-0000-4000-8000-0000000000c4')$$),
  '42501', 'someone of another club cannot enrol in the members'' course');
update public.memberships set left_at = now() where user_id = tests.get_supabase_uid('member')
   and org_id = '10000000-0000-4000-8000-00000000000a';
select is(pg_temp.lessons_as('member'), 'L11:body 11,L31:body 31',
  'a member who left the club no longer reads the members'' course (the email-gated one stays)');
update public.memberships set left_at = null where user_id = tests.get_supabase_uid('member')
   and org_id = '10000000-0000-4000-8000-00000000000a';

-- staff ----------------------------------------------------------------------------------------------------
select is(pg_temp.lessons_as('coach'), 'L11:body 11,L12:body 12,L13:body 13,L14:body 14,L21:body 21,L31:body 31,L41:body 41',
  'the course''s coach reads every lesson of their courses, and nothing of another club''s');
select is(pg_temp.lessons_as('admin'), 'L11:body 11,L12:body 12,L13:body 13,L14:body 14,L21:body 21,L31:body 31,L41:body 41',
  'the club''s admin too');
select is(pg_temp.lessons_as('coach_b'), 'L11:body 11,LB1:body B1',
  'a coach of another club reads their own course and club A''s public preview only');
select is(pg_temp.lessons_as('coach2'), 'L11:body 11', 'another coach of the club is not the course''s staff');
select is(tests.try_as('coach', $$select count(*) from public.course_enrollments$$), '4',
  'the coach sees the enrolments of their courses');
select is(tests.try_as('coach_b', $$select count(*) from public.course_enrollments$$), '0',
  'a coach of another club sees none of them');
select is(tests.try_as('athlete', $$select count(*) from public.course_enrollments$$), '2',
  'a learner sees their own enrolments only');
select is(tests.try_as('coach_b', $$update public.course_lessons set body = 'x' where course_id = '19000000-0000-4000-8000-0000000000c1'$$),
  '0', 'a coach of another club edits no lesson of it');
select is(tests.try_as('coach', $$update public.course_lessons set body = 'new' where id = '19000000-0000-4000-8000-000000000013'$$),
  '1', 'the course''s coach edits its lessons');

-- the answers ----------------------------------------------------------------------------------------------
select is(tests.try_as('athlete', $$select count(*) from private.course_quiz_keys$$), '42501',
  'a learner cannot read the quiz''s answers');
select is(tests.try_as('coach', $$update public.course_lessons set quiz = '{"questions":[{"text":"q","options":["a","b"],"answer":0}]}' where id = '19000000-0000-4000-8000-000000000012'$$),
  '23514', 'a quiz cannot carry its answers where learners read it');
select is(tests.try_as('athlete', $$select public.set_lesson_quiz_key('19000000-0000-4000-8000-000000000012', '{0,0,0}')$$),
  '42501', 'a learner cannot set the answers');
select is(tests.try_as('coach', $$select public.set_lesson_quiz_key('19000000-0000-4000-8000-000000000012', '{1,5,0}')$$),
  '22023', 'an answer that is none of the options is refused');

-- order and quiz through complete_lesson -------------------------------------------------------------------
select is(tests.try_as('athlete', $$select public.complete_lesson('19000000-0000-4000-8000-000000000012', '[1,2,0]')$$),
  '42501', 'the quiz lesson cannot be completed before the lesson before it (order)');
select is(pg_temp.rpc_as('athlete', $$select public.complete_lesson('19000000-0000-4000-8000-000000000011')$$) ->> 'completed',
  'true', 'the athlete completes the first lesson');
select is(pg_temp.lessons_as('athlete'), 'L11:body 11,L12:body 12,L21:body 21', 'which opens the quiz lesson');
select is(pg_temp.rpc_as('athlete', $$select public.complete_lesson('19000000-0000-4000-8000-000000000012', '[1,0,1]')$$),
  '{"lessonId": "19000000-0000-4000-8000-000000000012", "completed": false, "completedAt": null, "score": 33, "passed": false, "passMark": 60, "bestScore": 33, "attempts": 1}'::jsonb,
  'a failed quiz (1 of 3) is scored on the server and recorded as an attempt');
select is(pg_temp.lessons_as('athlete'), 'L11:body 11,L12:body 12,L21:body 21', 'and the next lesson stays closed');
select is(tests.try_as('athlete', $$select public.complete_lesson('19000000-0000-4000-8000-000000000013')$$),
  '42501', 'completing the next lesson is refused');
select is(pg_temp.rpc_as('athlete', $$select public.complete_lesson('19000000-0000-4000-8000-000000000012', '[1,2,1]')$$) ->> 'passed',
  'true', 'a passing attempt (2 of 3, 67 % ≥ 60 %) completes the quiz lesson');
select is((select best_score || '/' || attempts from public.lesson_progress where lesson_id = '19000000-0000-4000-8000-000000000012'),
  '67/2', 'the best score and both attempts are kept');
select is(pg_temp.lessons_as('athlete'), 'L11:body 11,L12:body 12,L13:body 13,L21:body 21', 'and the next lesson opens');
select is(pg_temp.rpc_as('athlete', $$select public.complete_lesson('19000000-0000-4000-8000-000000000013')$$) ->> 'completed',
  'true', 'the athlete completes it');
select is(tests.try_as('athlete', $$select public.complete_lesson('19000000-0000-4000-8000-000000000014')$$),
  '42501', 'the dripped lesson cannot be completed before it opens');

-- storage (the policies on storage.objects call these): media of an open lesson only
update public.course_lessons set kind = 'video', media_path = '19000000-0000-4000-8000-0000000000c1/arms.mp4'
 where id = '19000000-0000-4000-8000-000000000012';
update public.course_lessons set kind = 'video', media_path = '19000000-0000-4000-8000-0000000000c1/week.mp4'
 where id = '19000000-0000-4000-8000-000000000014';
select is(tests.try_as('athlete', $$select private.course_media_readable('19000000-0000-4000-8000-0000000000c1/arms.mp4')::int$$),
  '1', 'the learner may fetch the media of a lesson open to them (a signed url is issued)');
select is(tests.try_as('athlete', $$select private.course_media_readable('19000000-0000-4000-8000-0000000000c1/week.mp4')::int$$),
  '0', 'not of a lesson still closed by drip');
select is(tests.try_as('member', $$select private.course_media_readable('19000000-0000-4000-8000-0000000000c1/arms.mp4')::int$$),
  '0', 'nor may someone not enrolled');
select is(tests.try_as('coach', $$select private.course_media_writable('19000000-0000-4000-8000-0000000000c1/new.mp4')::int$$),
  '1', 'the course''s coach uploads into the course''s folder');
select is(tests.try_as('coach_b', $$select private.course_media_writable('19000000-0000-4000-8000-0000000000c1/new.mp4')::int$$),
  '0', 'a coach of another club does not');
select is(tests.try_as('coach', $$select private.course_media_writable('not-a-course/new.mp4')::int$$),
  '0', 'nor anyone outside a course''s folder');

-- frappe lms pr #2607, replayed: each is refused ------------------------------------------------------------
select is(tests.try_as('outsider', $$select public.complete_lesson('19000000-0000-4000-8000-000000000021')$$),
  '42501', 'progress for a lesson one is not entitled to is refused');
select is(tests.try_as('member', $$select public.complete_lesson('19000000-0000-4000-8000-000000000012', '[1,2,0]')$$),
  '42501', 'a quiz submitted without an enrolment is refused');
select is(tests.try_as('athlete', $$insert into public.lesson_progress (org_id, enrollment_id, lesson_id, user_id, completed_at, best_score) select org_id, id, '19000000-0000-4000-8000-000000000014', user_id, now(), 100 from public.course_enrollments where course_id = '19000000-0000-4000-8000-0000000000c1'$$),
  '42501', 'a learner cannot write their own progress');
select is(tests.try_as('athlete', $$update public.lesson_progress set best_score = 100$$),
  '42501', 'nor set their own score');
select is(tests.try_as('athlete', $$select public.complete_lesson('19000000-0000-4000-8000-000000000012', '{"score": 100, "passed": true}')$$),
  '22023', 'a score or pass flag sent by the client is refused, not read');
select is(tests.try_as('athlete', $$insert into public.course_enrollments (org_id, course_id, user_id, source) values ('10000000-0000-4000-8000-00000000000a', '19000000-0000-4000-8000-0000000000c3', auth.uid(), 'free')$$),
  '42501', 'a learner cannot enrol themselves by writing an enrolment');

-- drip at the learner's midnight, around utc midnight --------------------------------------------------------
-- enrolled at 21:30 utc on 10 march 2026: in moscow (utc+3) it is already the
-- 11th, so a 2-day lesson opens at 00:00 msk on the 13th = 21:00 utc on the 12th
update public.course_enrollments set enrolled_at = '2026-03-10 21:30:00+00'
 where course_id = '19000000-0000-4000-8000-0000000000c1' and user_id = tests.get_supabase_uid('athlete');
select is(private.lesson_unlock_at('2026-03-10 21:30:00+00', 'Europe/Moscow', 2), '2026-03-12 21:00:00+00'::timestamptz,
  'utc+3: enrolled at 00:30 local on the 11th, a 2-day lesson opens at local midnight of the 13th');
select is(tests.try_as('athlete', $$select private.lesson_open('19000000-0000-4000-8000-000000000014', '2026-03-12 20:59:59+00')::int$$),
  '0', 'utc+3: a second before it is closed');
select is(tests.try_as('athlete', $$select private.lesson_open('19000000-0000-4000-8000-000000000014', '2026-03-12 21:00:00+00')::int$$),
  '1', 'utc+3: at local midnight it opens');
-- in bogotá (utc−5) the same enrolment is still the 10th: it opens at 05:00 utc on the 12th
update public.course_enrollments set time_zone = 'America/Bogota'
 where course_id = '19000000-0000-4000-8000-0000000000c1' and user_id = tests.get_supabase_uid('athlete');
select is(private.lesson_unlock_at('2026-03-10 21:30:00+00', 'America/Bogota', 2), '2026-03-12 05:00:00+00'::timestamptz,
  'utc−5: enrolled at 16:30 local on the 10th, the lesson opens at local midnight of the 12th');
select is(tests.try_as('athlete', $$select private.lesson_open('19000000-0000-4000-8000-000000000014', '2026-03-12 04:59:59+00')::int$$),
  '0', 'utc−5: a second before it is closed');
select is(tests.try_as('athlete', $$select private.lesson_open('19000000-0000-4000-8000-000000000014', '2026-03-12 05:00:00+00')::int$$),
  '1', 'utc−5: at local midnight it opens');
select is(
  (select x ->> 'lockReason' from jsonb_array_elements(pg_temp.rpc_as('coach2', $$select public.course_outline('19000000-0000-4000-8000-0000000000c1') -> 'lessons'$$)) x
    where x ->> 'title' = 'L14'),
  'enroll', 'someone not enrolled sees the dripped lesson as closed to enrol, not its body');
update public.course_enrollments set enrolled_at = now(), time_zone = 'Europe/Moscow'
 where course_id = '19000000-0000-4000-8000-0000000000c1' and user_id = tests.get_supabase_uid('athlete');
select is(
  (select (x ->> 'lockReason') || ' ' || (x ? 'unlockAt' and x ->> 'unlockAt' is not null)::text || ' ' || coalesce(x ->> 'body', 'no body')
     from jsonb_array_elements(pg_temp.rpc_as('athlete', $$select public.course_outline('19000000-0000-4000-8000-0000000000c1') -> 'lessons'$$)) x
    where x ->> 'title' = 'L14'),
  'drip true no body', 'the learner sees the dripped lesson''s title and when it opens, never its body');

-- a refund closes the course at once --------------------------------------------------------------------------
select is(tests.try_as('athlete', $$select jsonb_array_length(public.sync_ids('course_lessons'))$$), '4',
  'before the refund the athlete''s device holds four lessons');
select is(public.stripe_apply_event(jsonb_build_object('id', 'evt_190_refund', 'type', 'charge.refunded',
  'created', extract(epoch from now())::bigint, 'purchaseId', '19000000-0000-4000-8000-0000000000e1',
  'paymentIntentId', 'pi_190', 'amountRefunded', 490000, 'refunded', true)) ->> 'outcome', 'applied',
  'the refund is applied');
select is((select status from public.course_enrollments
            where course_id = '19000000-0000-4000-8000-0000000000c1' and user_id = tests.get_supabase_uid('athlete')),
  'refunded', 'the enrolment is refunded in the same transaction');
select is(pg_temp.lessons_as('athlete'), 'L11:body 11,L21:body 21', 'the athlete reads none of C1''s lessons but the preview');
select is(tests.try_as('athlete', $$select jsonb_array_length(public.sync_ids('course_lessons'))$$), '2',
  'and the device is told it holds only the preview and the free course''s lesson');
select is(tests.try_as('athlete', $$select public.complete_lesson('19000000-0000-4000-8000-000000000013')$$),
  '42501', 'and can record no progress in it');
select is(tests.try_as('athlete', $$select private.course_media_readable('19000000-0000-4000-8000-0000000000c1/arms.mp4')::int$$),
  '0', 'and no signed url is issued for its media');

select * from finish();
rollback;
