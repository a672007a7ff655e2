-- mini-courses (issue 14, seed §6): a coach's course of ordered lessons, who may
-- read a lesson decided here, in row-level security, and progress written by one
-- function that checks what it is told.
--
--   courses             a course of a coach's club: title, summary, cover, access
--                       (free | paid | email | members), published, enforce_order,
--                       the drip basis. a paid course is sold as a product of kind
--                       `course` (products.course_id), which may also carry booking
--                       credits (the seed's "course + booking combo").
--   course_lessons      ordered lessons (text, video, audio): body, media_path (an
--                       object `<course_id>/<file>` of the private bucket
--                       `course-media`), is_preview, drip_days, a quiz's questions
--                       and options, its pass mark. the right answers are in
--                       private.course_quiz_keys, which no client can read.
--   course_enrollments  who learns a course, how they came (purchase | email |
--                       membership | free), active | cancelled | refunded, when,
--                       and the learner's time zone (drip opens at their midnight).
--   lesson_progress     per enrolment and lesson: completed_at, the best and last
--                       quiz score, attempts. written only by complete_lesson.
--
-- who reads a lesson (private.lesson_open): anyone a preview lesson of a
-- published course; the course's staff (its coach, the club's admins and owners)
-- every lesson of it; a learner with an active enrolment in THAT course a lesson
-- whose unlock time has passed and, when the course enforces its order, whose
-- earlier lessons they completed (a quiz counts when passed). an enrolment by
-- membership lasts while the membership does. a refund or a cancelled enrolment
-- closes every lesson in the same transaction.
--
-- drip: a lesson opens at local midnight, in the learner's zone, of the enrolment's
-- local date (or the course's fixed start date) plus drip_days
-- (private.lesson_unlock_at). a locked lesson is listed by public.course_outline
-- with its title and when it opens, never its body; the table itself hides it.
--
-- purchases: a paid purchase of a course product enrols its buyer, a refund sets
-- the enrolment `refunded`. this is a trigger on public.purchases rather than a
-- new definition of public.stripe_apply_event: whatever makes a purchase paid
-- (the webhook today, any later path) enrols, and the webhook's own definition
-- stays where it is.
--
-- offline: the four tables are synced. their select policies are the rules
-- above, so access reconciliation takes a lesson off a device at the first sync
-- after access ends.

/**
  * -------------------------------------------------------
  * section - courses
  * -------------------------------------------------------
  */
create table public.courses (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  coach_id uuid not null references auth.users (id) on delete restrict,
  title text not null check (char_length(btrim(title)) between 1 and 200),
  summary text not null default '' check (char_length(summary) <= 4000),
  -- an object in the private `course-media` bucket, `<course_id>/<file>`
  cover_path text check (char_length(cover_path) <= 300),
  access text not null default 'paid' check (access in ('free', 'paid', 'email', 'members')),
  published boolean not null default false,
  -- a lesson opens only once the lessons before it are completed
  enforce_order boolean not null default false,
  -- drip counts from the learner's enrolment, or from a date the coach fixed
  drip_basis text not null default 'enrollment' check (drip_basis in ('enrollment', 'date')),
  drip_start date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint courses_drip_shape check ((drip_basis = 'date') = (drip_start is not null)),
  constraint courses_cover_in_course check (cover_path is null or cover_path like id::text || '/_%'),
  constraint courses_id_org_key unique (id, org_id)
);
comment on table public.courses is
  'a coach''s mini-course; anyone reads it once published, its lessons as course_lessons says';
create index courses_org_id_idx on public.courses (org_id);
create index courses_coach_id_idx on public.courses (coach_id);
create index courses_xid_idx on public.courses (xid, id);
create trigger stamp_synced_row before insert or update on public.courses
  for each row execute function private.stamp_synced_row();

/**
  * -------------------------------------------------------
  * section - lessons, and the quiz keys nobody reads
  * -------------------------------------------------------
  * a quiz is {"questions": [{"text": "…", "options": ["…", "…"]}, …]}: a question
  * names nothing else, so a right answer cannot be stored where a learner reads.
  */
create function private.is_valid_quiz(p_quiz jsonb)
returns boolean
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select p_quiz is null or (
    jsonb_typeof(p_quiz) = 'object'
    and (select array_agg(k) from jsonb_object_keys(p_quiz) as k) = array['questions']
    and jsonb_typeof(p_quiz -> 'questions') = 'array'
    and jsonb_array_length(p_quiz -> 'questions') between 1 and 50
    and not exists (
      select from jsonb_array_elements(p_quiz -> 'questions') as q
       where jsonb_typeof(q) <> 'object'
          or exists (select from jsonb_object_keys(q) as k where k not in ('text', 'options'))
          or jsonb_typeof(q -> 'text') is distinct from 'string'
          or char_length(q ->> 'text') not between 1 and 1000
          or jsonb_typeof(q -> 'options') is distinct from 'array'
          or jsonb_array_length(q -> 'options') not between 2 and 10
          or exists (select from jsonb_array_elements(q -> 'options') as o
                      where jsonb_typeof(o) <> 'string' or char_length(o #>> '{}') not between 1 and 500))
  )
$$;
comment on function private.is_valid_quiz(jsonb) is
  'a quiz: 1–50 questions of text and 2–10 options, and nothing else (the answers live in private.course_quiz_keys)';

create table public.course_lessons (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  course_id uuid not null,
  position int not null check (position between 1 and 1000),
  title text not null check (char_length(btrim(title)) between 1 and 200),
  kind text not null default 'text' check (kind in ('text', 'video', 'audio')),
  body text not null default '' check (char_length(body) <= 100000),
  -- an object `<course_id>/<file>` in the private `course-media` bucket
  media_path text check (char_length(media_path) <= 300),
  is_preview boolean not null default false,
  -- opens at the learner's local midnight this many days after the drip's start
  drip_days int not null default 0 check (drip_days between 0 and 3650),
  quiz jsonb constraint course_lessons_quiz_check check (private.is_valid_quiz(quiz)),
  pass_mark int check (pass_mark between 1 and 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint course_lessons_course_fkey foreign key (course_id, org_id)
    references public.courses (id, org_id) on delete cascade,
  constraint course_lessons_id_org_key unique (id, org_id),
  constraint course_lessons_position_key unique (course_id, position) deferrable initially deferred,
  constraint course_lessons_quiz_shape check ((quiz is null) = (pass_mark is null)),
  constraint course_lessons_media_in_course check (media_path is null or media_path like course_id::text || '/_%')
);
comment on table public.course_lessons is
  'a lesson of a course; its row (body, media) is readable only as private.lesson_open says';
create index course_lessons_course_org_idx on public.course_lessons (course_id, org_id);
create index course_lessons_org_id_idx on public.course_lessons (org_id);
create index course_lessons_media_path_idx on public.course_lessons (media_path) where media_path is not null;
create index course_lessons_xid_idx on public.course_lessons (xid, id);
create trigger stamp_synced_row before insert or update on public.course_lessons
  for each row execute function private.stamp_synced_row();

-- the right option (0-based) of each question, in order
create table private.course_quiz_keys (
  lesson_id uuid primary key references public.course_lessons (id) on delete cascade,
  answers int[] not null check (cardinality(answers) between 1 and 50),
  updated_at timestamptz not null default now()
);
comment on table private.course_quiz_keys is
  'the right answers of a lesson''s quiz; read only by complete_lesson, written by set_lesson_quiz_key';

/**
  * -------------------------------------------------------
  * section - enrolments and progress
  * -------------------------------------------------------
  */
create table public.course_enrollments (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  course_id uuid not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  source text not null check (source in ('purchase', 'email', 'membership', 'free')),
  purchase_id uuid,
  status text not null default 'active' check (status in ('active', 'cancelled', 'refunded')),
  enrolled_at timestamptz not null default now(),
  -- the learner's IANA zone: a dripped lesson opens at their midnight
  time_zone text not null default 'UTC',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint course_enrollments_course_fkey foreign key (course_id, org_id)
    references public.courses (id, org_id) on delete cascade,
  constraint course_enrollments_purchase_fkey foreign key (purchase_id, org_id)
    references public.purchases (id, org_id) on delete set null (purchase_id),
  constraint course_enrollments_id_org_key unique (id, org_id),
  constraint course_enrollments_course_user_key unique (course_id, user_id),
  constraint course_enrollments_purchase_shape check ((source = 'purchase') = (purchase_id is not null))
);
comment on table public.course_enrollments is
  'who learns a course and how; only active enrolments open lessons; written by definer functions';
create index course_enrollments_org_id_idx on public.course_enrollments (org_id);
create index course_enrollments_course_org_idx on public.course_enrollments (course_id, org_id);
create index course_enrollments_user_id_idx on public.course_enrollments (user_id);
create index course_enrollments_purchase_id_idx on public.course_enrollments (purchase_id);
create index course_enrollments_xid_idx on public.course_enrollments (xid, id);
create trigger check_time_zone before insert or update of time_zone on public.course_enrollments
  for each row execute function private.check_time_zone();
create trigger stamp_synced_row before insert or update on public.course_enrollments
  for each row execute function private.stamp_synced_row();

create table public.lesson_progress (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null,
  enrollment_id uuid not null,
  lesson_id uuid not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  completed_at timestamptz,
  best_score int check (best_score between 0 and 100),
  last_score int check (last_score between 0 and 100),
  attempts int not null default 0 check (attempts >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint lesson_progress_enrollment_fkey foreign key (enrollment_id, org_id)
    references public.course_enrollments (id, org_id) on delete cascade,
  constraint lesson_progress_lesson_fkey foreign key (lesson_id, org_id)
    references public.course_lessons (id, org_id) on delete cascade,
  constraint lesson_progress_enrollment_lesson_key unique (enrollment_id, lesson_id)
);
comment on table public.lesson_progress is
  'a learner''s progress in a lesson: completion and quiz scores; written only by complete_lesson';
create index lesson_progress_org_id_idx on public.lesson_progress (org_id);
create index lesson_progress_lesson_id_idx on public.lesson_progress (lesson_id);
create index lesson_progress_user_id_idx on public.lesson_progress (user_id);
create index lesson_progress_xid_idx on public.lesson_progress (xid, id);
create trigger stamp_synced_row before insert or update on public.lesson_progress
  for each row execute function private.stamp_synced_row();

/**
  * -------------------------------------------------------
  * section - products of kind course
  * -------------------------------------------------------
  * a course product names its course (of the same club); it may carry credits
  * with their validity, which the webhook grants as for a package.
  */
alter table public.products add column course_id uuid;
alter table public.products add constraint products_course_fkey foreign key (course_id, org_id)
  references public.courses (id, org_id) on delete restrict;
create index products_course_org_idx on public.products (course_id, org_id);
alter table public.products drop constraint products_kind_check;
alter table public.products add constraint products_kind_check
  check (kind in ('product', 'package', 'plan', 'course'));
alter table public.products drop constraint products_package_shape;
alter table public.products add constraint products_package_shape check (
  case kind
    when 'package' then credits is not null and valid_days is not null
    when 'course' then (credits is null) = (valid_days is null)
    else not (credits is not null and valid_days is not null)
  end);
alter table public.products add constraint products_course_shape
  check ((kind = 'course') = (course_id is not null));
alter table public.purchases drop constraint purchases_kind_check;
alter table public.purchases add constraint purchases_kind_check
  check (kind in ('product', 'package', 'plan', 'course'));

/**
  * -------------------------------------------------------
  * section - access helpers
  * -------------------------------------------------------
  */

-- when a lesson `p_drip_days` in opens for a learner enrolled at `p_enrolled_at` in
-- `p_time_zone`: local midnight of the start date plus the days, in that zone
create function private.lesson_unlock_at(
  p_enrolled_at timestamptz, p_time_zone text, p_drip_days int,
  p_drip_basis text default 'enrollment', p_drip_start date default null)
returns timestamptz
language sql stable parallel safe security invoker set search_path = ''
as $$
  select ((case when p_drip_basis = 'date' then p_drip_start
                else (p_enrolled_at at time zone coalesce(p_time_zone, 'UTC'))::date end)
          + coalesce(p_drip_days, 0))::timestamp at time zone coalesce(p_time_zone, 'UTC')
$$;
comment on function private.lesson_unlock_at(timestamptz, text, int, text, date) is
  'local midnight in the learner''s zone of (enrolment date, or the course''s start date) + drip days';

-- the caller is staff of the course: its coach (still a coach of the club), the club's admins and owners
create function private.is_course_staff(p_course uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select from public.courses c
     where c.id = p_course
       and ((c.coach_id = (select auth.uid())
             and private.is_active_member(c.org_id, (select auth.uid()), 'coach'))
            or c.org_id in (select private.org_ids_with_role('admin'))))
$$;

-- the caller's enrolment in the course, while it gives access: active, and an
-- enrolment by membership only while the membership lasts
create function private.active_enrollment(p_course uuid)
returns public.course_enrollments
language sql stable security definer set search_path = ''
as $$
  select e.* from public.course_enrollments e
   where e.course_id = p_course
     and e.user_id = (select auth.uid())
     and e.status = 'active'
     and e.deleted_at is null
     and (e.source <> 'membership' or private.is_active_member(e.org_id, e.user_id, 'member'))
$$;

-- the lesson's order holds for an enrolment: every earlier lesson is completed
create function private.earlier_lessons_done(p_enrollment uuid, p_course uuid, p_position int)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select not exists (
    select from public.course_lessons p
     where p.course_id = p_course and p.position < p_position and p.deleted_at is null
       and not exists (select from public.lesson_progress g
                        where g.enrollment_id = p_enrollment and g.lesson_id = p.id
                          and g.completed_at is not null))
$$;

-- may the caller read the lesson's body and media at `p_at` (null: now): a
-- preview of a published course, the course's staff, or an enrolment in that
-- course that gives access (active; by membership while the membership lasts),
-- once drip and order have opened it. no row-typed helper here: the sync core
-- reads this body to learn what the lessons' visibility depends on, and a
-- whole-row use would make every column of it matter. it reads the clock, so
-- every pull checks the lessons (a dripped lesson reaches the device the day it
-- opens).
create function private.lesson_open(p_lesson uuid, p_at timestamptz default null)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select from public.course_lessons l
      join public.courses c on c.id = l.course_id
     where l.id = p_lesson and l.deleted_at is null and c.deleted_at is null
       and ((l.is_preview and c.published)
            or private.is_course_staff(c.id)
            or exists (
              select from public.course_enrollments e
               where e.course_id = c.id
                 and e.user_id = (select auth.uid())
                 and e.status = 'active'
                 and e.deleted_at is null
                 and (e.source <> 'membership' or private.is_active_member(e.org_id, e.user_id, 'member'))
                 and private.lesson_unlock_at(e.enrolled_at, e.time_zone, l.drip_days,
                                              c.drip_basis, c.drip_start) <= coalesce(p_at, now())
                 and (not c.enforce_order or private.earlier_lessons_done(e.id, c.id, l.position)))))
$$;
comment on function private.lesson_open(uuid, timestamptz) is
  'whether the caller may read a lesson''s body and media at p_at: preview, the course''s staff, or an open lesson of an active enrolment';

-- the caller may see the course's row: published, or they are its staff or enrolled
create function private.course_visible(p_course uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select from public.courses c where c.id = p_course and c.published)
    or private.is_course_staff(p_course)
    or exists (select from public.course_enrollments e
                where e.course_id = p_course and e.user_id = (select auth.uid()))
$$;

-- storage: the object is a lesson's media (or a course's cover) the caller may read
create function private.course_media_readable(p_name text)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select from public.course_lessons l
     where l.media_path = p_name
       and l.course_id::text = split_part(p_name, '/', 1)
       and private.lesson_open(l.id))
    or exists (
    select from public.courses c
     where c.cover_path = p_name and c.id::text = split_part(p_name, '/', 1)
       and private.course_visible(c.id))
$$;

-- storage: the caller is staff of the course the object's first folder names
create function private.course_media_writable(p_name text)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select split_part(p_name, '/', 1) ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    and private.is_course_staff(split_part(p_name, '/', 1)::uuid)
$$;

/**
  * -------------------------------------------------------
  * section - row-level security
  * -------------------------------------------------------
  */
alter table public.courses enable row level security;
alter table public.course_lessons enable row level security;
alter table public.course_enrollments enable row level security;
alter table public.lesson_progress enable row level security;
alter table private.course_quiz_keys enable row level security;

-- courses: published ones for everyone; staff and learners also the others
create policy "Anyone can view published courses" on public.courses
  for select to anon
  using (published and deleted_at is null);
create policy "Members view published courses, staff and learners theirs" on public.courses
  for select to authenticated
  using (private.course_visible(id));
create policy "Coaches and admins add courses" on public.courses
  for insert to authenticated
  with check (
    (coach_id = (select auth.uid()) and org_id in (select private.org_ids_with_role('coach')))
    or org_id in (select private.org_ids_with_role('admin'))
  );
create policy "Coaches and admins edit their courses" on public.courses
  for update to authenticated
  using (private.is_course_staff(id))
  with check (
    (coach_id = (select auth.uid()) and org_id in (select private.org_ids_with_role('coach')))
    or org_id in (select private.org_ids_with_role('admin'))
  );

-- lessons: a preview of a published course for anon; the access rule for the signed-in
create policy "Anyone can view preview lessons of published courses" on public.course_lessons
  for select to anon
  using (is_preview and deleted_at is null
         and exists (select from public.courses c
                      where c.id = course_id and c.published and c.deleted_at is null));
create policy "Learners view open lessons, staff every lesson" on public.course_lessons
  for select to authenticated
  using (private.lesson_open(id));
create policy "Course staff add lessons" on public.course_lessons
  for insert to authenticated
  with check (private.is_course_staff(course_id));
create policy "Course staff edit lessons" on public.course_lessons
  for update to authenticated
  using (private.is_course_staff(course_id))
  with check (private.is_course_staff(course_id));

-- enrolments and progress: the learner's own, and the course's staff
create policy "Learners view their enrolments, staff their courses'" on public.course_enrollments
  for select to authenticated
  using (user_id = (select auth.uid()) or private.is_course_staff(course_id));
create policy "Learners view their progress, staff their courses'" on public.lesson_progress
  for select to authenticated
  using (user_id = (select auth.uid())
         or exists (select from public.course_enrollments e
                     where e.id = enrollment_id and private.is_course_staff(e.course_id)));

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  * enrolments and progress have no write privilege at all for clients: only
  * the definer functions below write them. a lesson's and course's identity
  * (org, course) is fixed once written.
  */
revoke all on public.courses, public.course_lessons, public.course_enrollments, public.lesson_progress
  from public, anon, authenticated;
revoke all on private.course_quiz_keys from public, anon, authenticated;
grant select on public.courses, public.course_lessons to anon;
grant select on public.courses, public.course_lessons, public.course_enrollments, public.lesson_progress
  to authenticated;
grant insert (id, org_id, coach_id, title, summary, cover_path, access, published, enforce_order,
  drip_basis, drip_start) on public.courses to authenticated;
grant update (title, summary, cover_path, access, published, enforce_order, drip_basis, drip_start,
  deleted_at) on public.courses to authenticated;
grant insert (id, org_id, course_id, position, title, kind, body, media_path, is_preview, drip_days,
  quiz, pass_mark) on public.course_lessons to authenticated;
grant update (position, title, kind, body, media_path, is_preview, drip_days, quiz, pass_mark,
  deleted_at) on public.course_lessons to authenticated;
grant all on public.courses, public.course_lessons, public.course_enrollments, public.lesson_progress
  to service_role;
grant all on private.course_quiz_keys to service_role;

revoke all on function private.is_valid_quiz(jsonb) from public, anon, authenticated;
revoke all on function private.lesson_unlock_at(timestamptz, text, int, text, date) from public, anon, authenticated;
revoke all on function private.is_course_staff(uuid) from public, anon, authenticated;
revoke all on function private.active_enrollment(uuid) from public, anon, authenticated;
revoke all on function private.earlier_lessons_done(uuid, uuid, int) from public, anon, authenticated;
revoke all on function private.lesson_open(uuid, timestamptz) from public, anon, authenticated;
revoke all on function private.course_visible(uuid) from public, anon, authenticated;
revoke all on function private.course_media_readable(text) from public, anon, authenticated;
revoke all on function private.course_media_writable(text) from public, anon, authenticated;
grant execute on function private.is_valid_quiz(jsonb) to authenticated, service_role;
grant execute on function private.lesson_unlock_at(timestamptz, text, int, text, date) to authenticated, service_role;
grant execute on function private.is_course_staff(uuid) to authenticated, service_role;
grant execute on function private.active_enrollment(uuid) to authenticated, service_role;
grant execute on function private.earlier_lessons_done(uuid, uuid, int) to authenticated, service_role;
grant execute on function private.lesson_open(uuid, timestamptz) to authenticated, service_role;
grant execute on function private.course_visible(uuid) to authenticated, service_role;
grant execute on function private.course_media_readable(text) to authenticated, service_role;
grant execute on function private.course_media_writable(text) to authenticated, service_role;

/**
  * -------------------------------------------------------
  * section - enrolling (free, email-gated, members)
  * -------------------------------------------------------
  * a paid course is enrolled by its purchase only. the zone is the one given,
  * else the learner's profile's, else the club's.
  */
create function public.enroll_course(p_course uuid, p_time_zone text default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_course public.courses;
  v_source text;
  v_zone text;
  v_row public.course_enrollments;
begin
  if v_uid is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  select * into v_course from public.courses c
   where c.id = p_course and c.published and c.deleted_at is null;
  if not found then
    raise exception 'no such course' using errcode = 'P0002', hint = 'course_not_found';
  end if;
  if p_time_zone is not null
     and not exists (select from pg_catalog.pg_timezone_names z where z.name = p_time_zone) then
    raise exception 'unknown time zone "%": use an IANA name such as Europe/Moscow', p_time_zone
      using errcode = '22023', hint = 'invalid_time_zone';
  end if;
  case v_course.access
    when 'free' then v_source := 'free';
    when 'email' then
      -- the account's email is the email the course is given for
      if not exists (select from auth.users u where u.id = v_uid and u.email is not null) then
        raise exception 'this course is given for an email: add one to your account'
          using errcode = '42501', hint = 'email_required';
      end if;
      v_source := 'email';
    when 'members' then
      if not private.is_active_member(v_course.org_id, v_uid, 'member') then
        raise exception 'this course is for the club''s members' using errcode = '42501',
          hint = 'members_only';
      end if;
      v_source := 'membership';
    else
      raise exception 'this course is bought: buy it to enrol' using errcode = '42501',
        hint = 'course_paid';
  end case;
  select coalesce(p_time_zone, p.time_zone, o.time_zone, 'UTC') into v_zone
    from public.organizations o
    left join public.profiles p on p.id = v_uid
   where o.id = v_course.org_id;
  select * into v_row from public.course_enrollments e
   where e.course_id = p_course and e.user_id = v_uid for update;
  if found and v_row.status = 'refunded' then
    raise exception 'this enrolment was refunded' using errcode = '42501', hint = 'enrollment_refunded';
  elsif found then
    -- back after leaving (or already in): the drip keeps counting from the first day
    update public.course_enrollments e
       set status = 'active', deleted_at = null,
           source = case when e.source = 'purchase' then e.source else v_source end,
           time_zone = coalesce(p_time_zone, e.time_zone)
     where e.id = v_row.id
    returning * into v_row;
  else
    insert into public.course_enrollments (org_id, course_id, user_id, source, time_zone)
    values (v_course.org_id, p_course, v_uid, v_source, v_zone)
    returning * into v_row;
  end if;
  return jsonb_build_object('enrollmentId', v_row.id, 'status', v_row.status,
    'source', v_row.source, 'enrolledAt', v_row.enrolled_at, 'timeZone', v_row.time_zone);
end
$$;

-- the learner leaves a course: every lesson of it closes at once (a bought one
-- can be taken up again with enroll_course only by buying; see the trigger below)
create function public.leave_course(p_course uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  update public.course_enrollments e set status = 'cancelled'
   where e.course_id = p_course and e.user_id = (select auth.uid()) and e.status = 'active';
  if not found then
    raise exception 'you are not enrolled in this course' using errcode = 'P0002',
      hint = 'not_enrolled';
  end if;
end
$$;

/**
  * -------------------------------------------------------
  * section - purchases enrol (and refunds take it back)
  * -------------------------------------------------------
  */
create function private.course_purchase_enrolls()
returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_course uuid;
  v_zone text;
begin
  if new.status = 'paid' and (tg_op = 'INSERT' or old.status is distinct from 'paid') then
    select p.course_id into v_course from public.products p where p.id = new.product_id;
    if v_course is null then
      return null;
    end if;
    select coalesce(pr.time_zone, o.time_zone, 'UTC') into v_zone
      from public.organizations o left join public.profiles pr on pr.id = new.user_id
     where o.id = new.org_id;
    insert into public.course_enrollments as e
      (org_id, course_id, user_id, source, purchase_id, status, time_zone)
    values (new.org_id, v_course, new.user_id, 'purchase', new.id, 'active', coalesce(v_zone, 'UTC'))
    on conflict (course_id, user_id) do update
      set source = 'purchase', purchase_id = excluded.purchase_id, status = 'active', deleted_at = null;
  elsif new.status = 'refunded' and tg_op = 'UPDATE' and old.status is distinct from 'refunded' then
    update public.course_enrollments e set status = 'refunded'
     where e.purchase_id = new.id and e.status <> 'refunded';
  end if;
  return null;
end
$$;
create trigger course_purchase_enrolls after insert or update of status on public.purchases
  for each row when (new.kind = 'course') execute function private.course_purchase_enrolls();
revoke all on function private.course_purchase_enrolls() from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * section - the outline (titles, lock state, never a locked body)
  * -------------------------------------------------------
  * anyone signed in, of a published course (staff and learners also of an
  * unpublished one); the public pages call it with the service role. the body comes with a lesson only when the caller may read it now.
  */
create function public.course_outline(p_course uuid)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_course public.courses;
  v_enr public.course_enrollments;
  v_staff boolean := private.is_course_staff(p_course);
  v_lessons jsonb;
begin
  select * into v_course from public.courses c where c.id = p_course and c.deleted_at is null;
  if not found or not (v_course.published or v_staff
     or exists (select from public.course_enrollments e
                 where e.course_id = p_course and e.user_id = (select auth.uid()))) then
    raise exception 'no such course' using errcode = 'P0002', hint = 'course_not_found';
  end if;
  select * into v_enr from public.course_enrollments e
   where e.course_id = p_course and e.user_id = (select auth.uid());
  select coalesce(jsonb_agg(x.item order by x.position), '[]'::jsonb) into v_lessons
    from (
      select l.position, jsonb_build_object(
        'id', l.id, 'position', l.position, 'title', l.title, 'kind', l.kind,
        'isPreview', l.is_preview, 'hasQuiz', l.quiz is not null, 'passMark', l.pass_mark,
        'unlockAt', case when v_enr.id is not null and l.drip_days > 0
                         then private.lesson_unlock_at(v_enr.enrolled_at, v_enr.time_zone, l.drip_days,
                                                       v_course.drip_basis, v_course.drip_start) end,
        'open', o.open,
        'lockReason', case
          when o.open then null
          when v_enr.id is null or v_enr.status <> 'active' then 'enroll'
          when private.lesson_unlock_at(v_enr.enrolled_at, v_enr.time_zone, l.drip_days,
                                        v_course.drip_basis, v_course.drip_start) > now() then 'drip'
          when v_course.enforce_order then 'order'
          else 'enroll' end,
        'body', case when o.open and l.kind = 'text' then l.body end,
        'completedAt', g.completed_at, 'bestScore', g.best_score, 'attempts', g.attempts
      ) as item
        from public.course_lessons l
        cross join lateral (select private.lesson_open(l.id) as open) o
        left join public.lesson_progress g on g.enrollment_id = v_enr.id and g.lesson_id = l.id
       where l.course_id = p_course and l.deleted_at is null
    ) x;
  return jsonb_build_object(
    'course', jsonb_build_object('id', v_course.id, 'orgId', v_course.org_id,
      'coachId', v_course.coach_id, 'title', v_course.title, 'summary', v_course.summary,
      'coverPath', v_course.cover_path, 'access', v_course.access, 'published', v_course.published,
      'enforceOrder', v_course.enforce_order),
    'enrollment', case when v_enr.id is null then null else jsonb_build_object(
      'id', v_enr.id, 'status', v_enr.status, 'source', v_enr.source,
      'enrolledAt', v_enr.enrolled_at, 'timeZone', v_enr.time_zone) end,
    'isStaff', v_staff,
    'lessons', v_lessons);
end
$$;

/**
  * -------------------------------------------------------
  * section - completing a lesson (the only way progress is written)
  * -------------------------------------------------------
  * checks: the caller's active enrolment in the lesson's course, the lesson is
  * open to them now (drip, order), the order (every earlier lesson completed,
  * when the course enforces it), and for a quiz the score, computed here from
  * the stored answers: a failed attempt is recorded and completes nothing, so
  * the next lesson stays closed. `p_answers` is a json array of the chosen
  * option (0-based) per question; nothing else a client sends is read.
  */
create function public.complete_lesson(p_lesson uuid, p_answers jsonb default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_lesson public.course_lessons;
  v_course public.courses;
  v_enr public.course_enrollments;
  v_key int[];
  v_total int;
  v_right int;
  v_score int;
  v_passed boolean;
  v_row public.lesson_progress;
begin
  if (select auth.uid()) is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  select * into v_lesson from public.course_lessons l where l.id = p_lesson and l.deleted_at is null;
  if not found then
    raise exception 'no such lesson' using errcode = 'P0002', hint = 'lesson_not_found';
  end if;
  select * into v_course from public.courses c where c.id = v_lesson.course_id and c.deleted_at is null;
  select * into v_enr from private.active_enrollment(v_lesson.course_id);
  if v_course.id is null or v_enr.id is null then
    raise exception 'you are not enrolled in this course' using errcode = '42501',
      hint = 'not_enrolled';
  end if;
  -- one learner's attempts at one lesson run one after another
  perform 1 from public.course_enrollments e where e.id = v_enr.id for update;
  if private.lesson_unlock_at(v_enr.enrolled_at, v_enr.time_zone, v_lesson.drip_days,
                              v_course.drip_basis, v_course.drip_start) > now() then
    raise exception 'this lesson is not open yet' using errcode = '42501', hint = 'lesson_locked';
  end if;
  if v_course.enforce_order and not private.earlier_lessons_done(v_enr.id, v_course.id, v_lesson.position) then
    raise exception 'complete the lessons before this one first' using errcode = '42501',
      hint = 'lesson_order';
  end if;

  if v_lesson.quiz is null then
    if p_answers is not null then
      raise exception 'this lesson has no quiz' using errcode = '22023', hint = 'no_quiz';
    end if;
    insert into public.lesson_progress as g (org_id, enrollment_id, lesson_id, user_id, completed_at)
    values (v_enr.org_id, v_enr.id, v_lesson.id, v_enr.user_id, now())
    on conflict (enrollment_id, lesson_id) do update
      set completed_at = coalesce(g.completed_at, excluded.completed_at)
    returning * into v_row;
    return jsonb_build_object('lessonId', v_lesson.id, 'completed', true,
      'completedAt', v_row.completed_at);
  end if;

  select k.answers into v_key from private.course_quiz_keys k where k.lesson_id = v_lesson.id;
  v_total := jsonb_array_length(v_lesson.quiz -> 'questions');
  if v_key is null or cardinality(v_key) <> v_total then
    raise exception 'this quiz is not ready yet' using errcode = 'P0001', hint = 'quiz_not_ready';
  end if;
  if p_answers is null or jsonb_typeof(p_answers) <> 'array' or jsonb_array_length(p_answers) <> v_total
     or exists (select from jsonb_array_elements(p_answers) a
                 where jsonb_typeof(a) <> 'number' or (a #>> '{}') !~ '^[0-9]{1,2}$') then
    raise exception 'answer every question with one of its options' using errcode = '22023',
      hint = 'invalid_answers';
  end if;
  select count(*) into v_right
    from jsonb_array_elements_text(p_answers) with ordinality as a(choice, n)
   where a.choice::int = v_key[a.n];
  v_score := round(100.0 * v_right / v_total)::int;
  v_passed := v_score >= v_lesson.pass_mark;
  insert into public.lesson_progress as g
    (org_id, enrollment_id, lesson_id, user_id, completed_at, best_score, last_score, attempts)
  values (v_enr.org_id, v_enr.id, v_lesson.id, v_enr.user_id,
          case when v_passed then now() end, v_score, v_score, 1)
  on conflict (enrollment_id, lesson_id) do update
    set completed_at = coalesce(g.completed_at, excluded.completed_at),
        best_score = greatest(g.best_score, excluded.best_score),
        last_score = excluded.last_score,
        attempts = g.attempts + 1
  returning * into v_row;
  return jsonb_build_object('lessonId', v_lesson.id, 'completed', v_row.completed_at is not null,
    'completedAt', v_row.completed_at, 'score', v_score, 'passed', v_passed,
    'passMark', v_lesson.pass_mark, 'bestScore', v_row.best_score, 'attempts', v_row.attempts);
end
$$;

-- the course's staff set a quiz's right answers (one option per question, 0-based)
create function public.set_lesson_quiz_key(p_lesson uuid, p_answers int[])
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_lesson public.course_lessons;
begin
  select * into v_lesson from public.course_lessons l where l.id = p_lesson;
  if not found or not private.is_course_staff(v_lesson.course_id) then
    raise exception 'no such lesson of yours' using errcode = '42501';
  end if;
  if v_lesson.quiz is null then
    raise exception 'this lesson has no quiz' using errcode = '22023', hint = 'no_quiz';
  end if;
  if p_answers is null or cardinality(p_answers) <> jsonb_array_length(v_lesson.quiz -> 'questions')
     or exists (select from unnest(p_answers) with ordinality as a(choice, n)
                 where a.choice is null or a.choice < 0
                    or a.choice >= jsonb_array_length(v_lesson.quiz -> 'questions' -> (a.n::int - 1) -> 'options')) then
    raise exception 'give one of its options for every question' using errcode = '22023',
      hint = 'invalid_answers';
  end if;
  insert into private.course_quiz_keys (lesson_id, answers) values (p_lesson, p_answers)
  on conflict (lesson_id) do update set answers = excluded.answers, updated_at = now();
end
$$;

revoke all on function public.enroll_course(uuid, text) from public, anon, authenticated;
revoke all on function public.leave_course(uuid) from public, anon, authenticated;
revoke all on function public.course_outline(uuid) from public, anon, authenticated;
revoke all on function public.complete_lesson(uuid, jsonb) from public, anon, authenticated;
revoke all on function public.set_lesson_quiz_key(uuid, int[]) from public, anon, authenticated;
grant execute on function public.enroll_course(uuid, text) to authenticated;
grant execute on function public.leave_course(uuid) to authenticated;
-- not anon's: no definer function in public is (010-security-guards); the public
-- pages read a published course and its previews from the tables, or call this
-- with the service role
grant execute on function public.course_outline(uuid) to authenticated, service_role;
grant execute on function public.complete_lesson(uuid, jsonb) to authenticated;
grant execute on function public.set_lesson_quiz_key(uuid, int[]) to authenticated;

/**
  * -------------------------------------------------------
  * section - storage policies for the private bucket `course-media`
  * -------------------------------------------------------
  * the local stack's Storage API comes with its own migration; whichever runs
  * last installs these (this one now if schema storage exists, else the storage
  * migration calls private.install_course_media_policies()). a signed url is
  * issued only when the caller may select the object, so only to entitled
  * learners and the course's staff. anon gets no policy (a preview's media
  * reaches a visitor through a signed url the server issues).
  */
create function private.install_course_media_policies()
returns void
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  if not exists (select from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                  where n.nspname = 'storage' and c.relname = 'objects') then
    return;
  end if;
  execute 'drop policy if exists "Entitled learners read course media" on storage.objects';
  execute 'drop policy if exists "Course staff upload course media" on storage.objects';
  execute 'drop policy if exists "Course staff replace course media" on storage.objects';
  execute 'drop policy if exists "Course staff delete course media" on storage.objects';
  execute $p$create policy "Entitled learners read course media" on storage.objects
    for select to authenticated
    using (bucket_id = 'course-media' and private.course_media_readable(name))$p$;
  execute $p$create policy "Course staff upload course media" on storage.objects
    for insert to authenticated
    with check (bucket_id = 'course-media' and private.course_media_writable(name))$p$;
  execute $p$create policy "Course staff replace course media" on storage.objects
    for update to authenticated
    using (bucket_id = 'course-media' and private.course_media_writable(name))
    with check (bucket_id = 'course-media' and private.course_media_writable(name))$p$;
  execute $p$create policy "Course staff delete course media" on storage.objects
    for delete to authenticated
    using (bucket_id = 'course-media' and private.course_media_writable(name))$p$;
end
$$;
revoke all on function private.install_course_media_policies() from public, anon, authenticated;
select private.install_course_media_policies();

/**
  * -------------------------------------------------------
  * section - sync registration
  * -------------------------------------------------------
  * after the policies: registering reads them (the access epoch). the lessons'
  * policy reads the clock (drip), so every pull checks them.
  */
insert into sync.tables (table_name, pull_order) values
  ('courses', 7010),
  ('course_enrollments', 7020),
  ('course_lessons', 7030),
  ('lesson_progress', 7040);

select sync.watch_access();
