-- the coach's course builder (issue 14): what the builder needs of the courses'
-- schema beyond 20261206156000_courses.sql.
--
--   a lesson's place in its course is unique among the course's live lessons
--   only: a deleted lesson (deleted_at set) leaves every device — the staff's
--   too, lesson_open hides it — so a device that adds a lesson cannot know the
--   position a deleted one kept. still deferred, so a swap of two lessons (two
--   updates in one push) commits.
--
--   public.save_course_product: the course's staff set the price of a paid
--   course (and, optionally, the booking credits sold with it: the "course +
--   booking combo"). products.course_id is not a column clients may write, so a
--   course is sold only through this function, which checks that the caller
--   teaches the course and names the course's own coach and club.

/**
  * -------------------------------------------------------
  * section - lesson positions among live lessons
  * -------------------------------------------------------
  */
alter table public.course_lessons drop constraint course_lessons_position_key;
alter table public.course_lessons add constraint course_lessons_position_key
  exclude using btree (course_id with =, position with =) where (deleted_at is null)
  deferrable initially deferred;

/**
  * -------------------------------------------------------
  * section - a paid course's product
  * -------------------------------------------------------
  * one product per course: the first one found is updated, else one is made,
  * listed (a guest may buy it from the coach's page). `p_active` false takes it
  * off sale (a course no longer paid). credits and valid days come together or
  * not at all (products_package_shape); the table's checks refuse the rest.
  */
create function public.save_course_product(
  p_course uuid,
  p_price_minor int,
  p_currency text,
  p_credits int default null,
  p_valid_days int default null,
  p_active boolean default true)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_course public.courses;
  v_id uuid;
begin
  select * into v_course from public.courses c where c.id = p_course and c.deleted_at is null;
  if not found or not private.is_course_staff(p_course) then
    raise exception 'no such course of yours' using errcode = '42501', hint = 'not_course_staff';
  end if;
  if (p_credits is null) <> (p_valid_days is null) then
    raise exception 'give the session credits and how many days they last, or neither'
      using errcode = '22023', hint = 'credits_shape';
  end if;
  select p.id into v_id from public.products p
   where p.course_id = p_course order by p.created_at, p.id limit 1 for update;
  if v_id is null then
    insert into public.products (org_id, coach_id, kind, course_id, name, description,
        price_minor, currency, credits, valid_days, active, listed)
    values (v_course.org_id, v_course.coach_id, 'course', p_course, btrim(v_course.title),
        nullif(btrim(v_course.summary), ''), p_price_minor, p_currency, p_credits, p_valid_days,
        coalesce(p_active, true), true)
    returning id into v_id;
  else
    update public.products p
       set name = btrim(v_course.title), description = nullif(btrim(v_course.summary), ''),
           price_minor = p_price_minor, currency = p_currency, credits = p_credits,
           valid_days = p_valid_days, active = coalesce(p_active, true), updated_at = now()
     where p.id = v_id;
  end if;
  return v_id;
end
$$;
comment on function public.save_course_product(uuid, int, text, int, int, boolean) is
  'the course''s staff set the price (and optional booking credits) of the course''s product of kind course';
revoke all on function public.save_course_product(uuid, int, text, int, int, boolean)
  from public, anon, authenticated;
grant execute on function public.save_course_product(uuid, int, text, int, int, boolean)
  to authenticated, service_role;

/**
  * -------------------------------------------------------
  * section - the course's staff read a quiz's answers back
  * -------------------------------------------------------
  * the builder shows which option is right when a coach edits a quiz again;
  * private.course_quiz_keys stays unreadable to clients, learners get nothing
  * (null: no answers set yet).
  */
create function public.lesson_quiz_key(p_lesson uuid)
returns int[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_course uuid;
  v_answers int[];
begin
  select l.course_id into v_course from public.course_lessons l where l.id = p_lesson;
  if v_course is null or not private.is_course_staff(v_course) then
    raise exception 'no such lesson of yours' using errcode = '42501', hint = 'not_course_staff';
  end if;
  select k.answers into v_answers from private.course_quiz_keys k where k.lesson_id = p_lesson;
  return v_answers;
end
$$;
comment on function public.lesson_quiz_key(uuid) is
  'the right options of a lesson''s quiz, for the course''s staff only';
revoke all on function public.lesson_quiz_key(uuid) from public, anon, authenticated;
grant execute on function public.lesson_quiz_key(uuid) to authenticated, service_role;
