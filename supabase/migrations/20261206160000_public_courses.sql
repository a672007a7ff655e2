-- courses on the coach's public page (issue 14, seed §6): every published course
-- of the coach is listed with what a visitor can do — buy it (a paid course with
-- a product on sale), start it (free), get it by email (email-gated), or sign in
-- as a member (members) — and has its own page, /<slug>/courses/<id>, with the
-- outline and the free preview lessons readable by anyone.
--
--   * public_site.page_courses and public_site.course_page are definer
--     functions in the unexposed public_site schema, as coach_page is
--     (20261206151000_coach_page.sql): anon may not read products' links to
--     courses of other coaches, lessons that are not previews, or organizations.
--     a course is looked up through the page's coach and club, never by its id
--     alone, so /<slug>/courses/<id> of another coach's course is "not found".
--   * a course product is shown with its course, no longer among the products.
--   * anon may sign a url for a published course's cover and its preview
--     lessons' media (storage policy below); nothing else of the private bucket.
--   * email-gated courses: the public-enroll function gives the course to an
--     address. the account with that email (or a new one the function makes
--     through the auth admin api, as a guest's purchase does) is enrolled and made
--     a member of the club, and one email (course_access) says how to sign in. only
--     the owner of the address can sign in to that account (a code is sent to it),
--     so enrolling before the address is proven gives nobody else anything.

/**
  * -------------------------------------------------------
  * section - a course's offer on the page
  * -------------------------------------------------------
  */
-- the product that sells a course now: active and listed, the cheapest
create function public_site.course_product(p_course uuid)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object('id', pr.id, 'name', pr.name, 'price_minor', pr.price_minor,
      'currency', pr.currency, 'credits', pr.credits, 'valid_days', pr.valid_days)
    from public.products pr
   where pr.course_id = p_course and pr.kind = 'course' and pr.active and pr.listed
   order by pr.price_minor, pr.id
   limit 1
$$;

-- the published page's coach's published courses a visitor can do something
-- with: a paid one only while a product sells it
create function public_site.page_courses(p_slug text)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select coalesce(jsonb_agg(x.item order by x.title, x.id), '[]'::jsonb)
    from (
      select c.title, c.id, jsonb_build_object(
          'id', c.id, 'title', c.title, 'summary', c.summary, 'access', c.access,
          'lesson_count', (select count(*) from public.course_lessons l
                            where l.course_id = c.id and l.deleted_at is null),
          'preview_count', (select count(*) from public.course_lessons l
                             where l.course_id = c.id and l.deleted_at is null and l.is_preview),
          'product', public_site.course_product(c.id)) as item
        from public.coach_pages p
        join public.courses c on c.org_id = p.org_id and c.coach_id = p.coach_id
       where p.slug = p_slug and p.published and c.published and c.deleted_at is null
    ) x
   where x.item ->> 'access' <> 'paid' or x.item -> 'product' <> 'null'::jsonb
$$;

/**
  * -------------------------------------------------------
  * section - the coach page, now with its courses
  * -------------------------------------------------------
  * public_site.coach_page (20261206151000_coach_page.sql) stays as it is; the
  * wrapper that /rest/v1/rpc answers adds the page's courses and leaves course
  * products to their courses.
  */
create or replace function public.public_coach_page(p_slug text)
returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select case
    when p.page is null or p.page ? 'redirect' then p.page
    else p.page || jsonb_build_object(
      'products', (select coalesce(jsonb_agg(x.item order by x.n), '[]'::jsonb)
                     from jsonb_array_elements(p.page -> 'products') with ordinality as x(item, n)
                    where x.item ->> 'kind' <> 'course'),
      'courses', public_site.page_courses(p.page ->> 'slug'))
  end
  from (select public_site.coach_page(p_slug) as page) p
$$;

/**
  * -------------------------------------------------------
  * section - a course's public page
  * -------------------------------------------------------
  * the course of the published page's coach, published: its outline (every
  * lesson's title, kind, preview flag and drip day), the text of its preview
  * lessons and the paths of their media, the cover's path, the offer. null for
  * anything else (another coach's course, a draft, a deleted one).
  */
create function public_site.course_page(p_slug text, p_course uuid)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_page public.coach_pages;
  v_course public.courses;
begin
  select * into v_page from public.coach_pages p
   where p.slug = pg_catalog.lower(pg_catalog.btrim(p_slug)) and p.published;
  if not found then
    return null;
  end if;
  select * into v_course from public.courses c
   where c.id = p_course and c.org_id = v_page.org_id and c.coach_id = v_page.coach_id
     and c.published and c.deleted_at is null;
  if not found then
    return null;
  end if;
  return jsonb_build_object(
    'slug', v_page.slug,
    'coach_name', v_page.display_name,
    'club_name', (select o.name from public.organizations o where o.id = v_page.org_id),
    'course', jsonb_build_object('id', v_course.id, 'title', v_course.title,
      'summary', v_course.summary, 'access', v_course.access,
      'enforce_order', v_course.enforce_order, 'cover_path', v_course.cover_path,
      'updated_at', v_course.updated_at),
    'product', public_site.course_product(v_course.id),
    'lessons', coalesce((
      select jsonb_agg(jsonb_build_object(
          'id', l.id, 'position', l.position, 'title', l.title, 'kind', l.kind,
          'is_preview', l.is_preview, 'drip_days', l.drip_days, 'has_quiz', l.quiz is not null,
          'body', case when l.is_preview and l.kind = 'text' then l.body end,
          'media_path', case when l.is_preview then l.media_path end)
          order by l.position)
        from public.course_lessons l
       where l.course_id = v_course.id and l.deleted_at is null), '[]'::jsonb));
end
$$;

create function public.public_course_page(p_slug text, p_course uuid)
returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select public_site.course_page(p_slug, p_course)
$$;
comment on function public.public_course_page(text, uuid) is
  'a published course of a published coach page: outline, preview lessons, offer; null otherwise';

revoke all on function public_site.course_product(uuid) from public;
revoke all on function public_site.page_courses(text) from public;
revoke all on function public_site.course_page(text, uuid) from public;
revoke all on function public.public_course_page(text, uuid) from public;
grant execute on function public_site.course_product(uuid) to anon, authenticated, service_role;
grant execute on function public_site.page_courses(text) to anon, authenticated, service_role;
grant execute on function public_site.course_page(text, uuid) to anon, authenticated, service_role;
grant execute on function public.public_course_page(text, uuid) to anon, authenticated, service_role;

/**
  * -------------------------------------------------------
  * section - storage: what a visitor may sign of the private bucket
  * -------------------------------------------------------
  * the cover of a published course and the media of its preview lessons; the
  * public course page signs them (10 minutes) as anon. installed here when the
  * storage schema exists (hosted supabase, the ci's postgres with its stand-ins
  * and the local stack all have it by now). the check is a definer function in
  * public_site, the one schema whose definer functions anon runs: it reads the
  * lessons and courses anon may not.
  */
create function public_site.course_media_public(p_name text)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select from public.course_lessons l
      join public.courses c on c.id = l.course_id
     where l.media_path = p_name and l.is_preview and l.deleted_at is null
       and c.published and c.deleted_at is null
       and c.id::text = split_part(p_name, '/', 1))
    or exists (
    select from public.courses c
     where c.cover_path = p_name and c.published and c.deleted_at is null
       and c.id::text = split_part(p_name, '/', 1))
$$;
revoke all on function public_site.course_media_public(text) from public;
grant execute on function public_site.course_media_public(text) to anon, authenticated, service_role;

do $$
begin
  if to_regclass('storage.objects') is not null then
    execute $p$create policy "Anyone reads published covers and preview media" on storage.objects
      for select to anon
      using (bucket_id = 'course-media' and public_site.course_media_public(name))$p$;
  end if;
end
$$;

/**
  * -------------------------------------------------------
  * section - email-gated courses: an address gets the course
  * -------------------------------------------------------
  * called by the public-enroll function with the service role, in three steps
  * like a guest's purchase: gate (rate limits, before anything is written),
  * prepare (the course takes emails; the account of that address, if any), then
  * enrol (after the function made the account when there was none).
  */
create function public.public_enroll_gate(p_ip text, p_email text)
returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_wait integer;
begin
  v_wait := private.hit_rate_limit('enroll:ip:' || left(coalesce(p_ip, 'unknown'), 100), 10,
    interval '10 minutes');
  if v_wait > 0 then
    return v_wait;
  end if;
  v_wait := private.hit_rate_limit('enroll:email:' || left(lower(btrim(coalesce(p_email, ''))), 254), 3,
    interval '1 hour');
  if v_wait > 0 then
    return v_wait;
  end if;
  -- every address together: a flood from many addresses and ips stops here
  return private.hit_rate_limit('enroll:all', 300, interval '1 hour');
end
$$;

create function public.public_enroll_prepare(p_course uuid, p_email text)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_course public.courses;
  v_user uuid;
begin
  select * into v_course from public.courses c
   where c.id = p_course and c.published and c.deleted_at is null;
  if not found then
    raise exception 'no such course' using errcode = 'P0002', hint = 'course_not_found';
  end if;
  if v_course.access <> 'email' then
    raise exception 'this course is not given for an email' using errcode = '22023',
      hint = 'course_not_email';
  end if;
  select u.id into v_user from auth.users u
   where lower(u.email) = lower(btrim(p_email)) and u.deleted_at is null;
  return jsonb_build_object('courseId', v_course.id, 'orgId', v_course.org_id,
    'title', v_course.title, 'userId', v_user);
end
$$;

-- enrol the account of the address (source email), make it a member of the club,
-- and say so by email at most once in ten minutes per enrolment. an enrolment
-- that was refunded stays refunded; one that was left is taken up again.
create function public.public_enroll_email(p_course uuid, p_user uuid, p_locale text default 'ru')
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_course public.courses;
  v_email text;
  v_zone text;
  v_row public.course_enrollments;
begin
  select * into v_course from public.courses c
   where c.id = p_course and c.published and c.deleted_at is null and c.access = 'email';
  if not found then
    raise exception 'no such course' using errcode = 'P0002', hint = 'course_not_found';
  end if;
  select u.email into v_email from auth.users u where u.id = p_user and u.deleted_at is null;
  if v_email is null then
    raise exception 'no such user' using errcode = '22023';
  end if;
  select coalesce(pr.time_zone, o.time_zone, 'UTC') into v_zone
    from public.organizations o left join public.profiles pr on pr.id = p_user
   where o.id = v_course.org_id;
  insert into public.course_enrollments as e (org_id, course_id, user_id, source, time_zone)
  values (v_course.org_id, p_course, p_user, 'email', coalesce(v_zone, 'UTC'))
  on conflict (course_id, user_id) do update
    set status = 'active', deleted_at = null
    where e.status = 'cancelled' or e.deleted_at is not null;
  select * into v_row from public.course_enrollments e
   where e.course_id = p_course and e.user_id = p_user;
  if v_row.status = 'active' then
    insert into public.memberships (org_id, user_id, role)
    values (v_course.org_id, p_user, 'member')
    on conflict (org_id, user_id) do update set left_at = null
      where public.memberships.left_at is not null;
    perform private.enqueue_address_email('course_access', v_email, p_locale, v_course.org_id,
      'course_access:' || v_row.id || ':' || floor(extract(epoch from now()) / 600)::bigint,
      jsonb_build_object('audience', 'guest', 'courseId', v_course.id,
        'courseTitle', v_course.title, 'email', v_email));
  end if;
  return jsonb_build_object('enrollmentId', v_row.id, 'status', v_row.status);
end
$$;

revoke all on function public.public_enroll_gate(text, text) from public, anon, authenticated;
revoke all on function public.public_enroll_prepare(uuid, text) from public, anon, authenticated;
revoke all on function public.public_enroll_email(uuid, uuid, text) from public, anon, authenticated;
grant execute on function public.public_enroll_gate(text, text) to service_role;
grant execute on function public.public_enroll_prepare(uuid, text) to service_role;
grant execute on function public.public_enroll_email(uuid, uuid, text) to service_role;

/**
  * -------------------------------------------------------
  * section - the email that gives the course
  * -------------------------------------------------------
  * transactional (asked for on the page), no switch, like booking_refunded
  */
alter table private.email_outbox drop constraint email_outbox_kind_check;
alter table private.email_outbox add constraint email_outbox_kind_check check (kind in (
  'booking_confirmation', 'booking_notification', 'booking_cancellation', 'purchase_confirmation',
  'session_reminder', 'booking_refunded', 'course_access'));
