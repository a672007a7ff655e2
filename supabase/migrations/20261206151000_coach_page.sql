-- the coach's public page: one read for the server-rendered `/<slug>`.
--
-- public pages are html rendered by small handlers (src/public-site) on an edge
-- runtime in front of the static host (in the local stack: in front of dist/),
-- not prerendered at publish time (offers, prices and bookable time change all
-- day; a rebuild per change is slow and fragile) and not from an edge function
-- (supabase serves text/html as text/plain on the project domain). the handler
-- reaches the database as anon, through this one function, so a page costs one
-- round trip.

-- the page, its old address, or nothing -----------------------------------------------------
-- answers one of:
--   the published page: profile, the club's name, photo_url (relative to the
--     project's url: the public `coach-photos` bucket) or null, the offers (active
--     session types; active listed products of the club that are the coach's or
--     the club's) and has_bookable_time (a cheap check: the coach takes bookings
--     here and has a weekly window or a future addition; real slots are computed
--     by the booking pages)
--   {"redirect": "<slug of today>"} when p_slug is an old slug of a published page
--   null otherwise (unknown, unpublished)
-- the work is done by a security definer function (anon may not read
-- organizations, availability or coach settings; it returns only what a published
-- page shows) in its own schema, which postgrest does not expose: anon runs no
-- definer function in public (lints 0028/0029, 010-security-guards.sql). the
-- public, invoker wrapper below is what /rest/v1/rpc answers.
create schema public_site;
comment on schema public_site is
  'definer functions behind the public pages'' rpcs; not exposed over rest';
revoke all on schema public_site from public;
grant usage on schema public_site to anon, authenticated, service_role;

create function public_site.coach_page(p_slug text)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_slug text := pg_catalog.lower(pg_catalog.btrim(p_slug));
  v_page public.coach_pages;
  v_current text;
begin
  if v_slug is null or char_length(v_slug) > 40 then
    return null;
  end if;
  select * into v_page from public.coach_pages p where p.slug = v_slug and p.published;
  if not found then
    select p.slug into v_current
      from public.coach_slug_history h
      join public.coach_pages p on p.id = h.page_id
     where h.slug = v_slug and p.published;
    if v_current is not null then
      return jsonb_build_object('redirect', v_current);
    end if;
    return null;
  end if;
  return jsonb_build_object(
    'slug', v_page.slug,
    'display_name', v_page.display_name,
    'bio', v_page.bio,
    'sports', to_jsonb(v_page.sports),
    'certifications', to_jsonb(v_page.certifications),
    'place', v_page.place,
    'languages', to_jsonb(v_page.languages),
    'photo_url', case when v_page.photo_path is null or v_page.photo_path = '' then null
      else '/storage/v1/object/public/coach-photos/' || v_page.photo_path end,
    'club_name', (select o.name from public.organizations o where o.id = v_page.org_id),
    'updated_at', v_page.updated_at,
    'session_types', coalesce((
      select jsonb_agg(jsonb_build_object(
          'id', s.id, 'name', s.name, 'description', s.description,
          'duration_minutes', s.duration_minutes, 'price_minor', s.price_minor,
          'currency', s.currency) order by s.position, s.name, s.id)
        from public.session_types s
       where s.org_id = v_page.org_id and s.coach_id = v_page.coach_id and s.active), '[]'::jsonb),
    'products', coalesce((
      select jsonb_agg(jsonb_build_object(
          'id', pr.id, 'kind', pr.kind, 'name', pr.name, 'description', pr.description,
          'price_minor', pr.price_minor, 'currency', pr.currency, 'credits', pr.credits,
          'valid_days', pr.valid_days) order by pr.price_minor, pr.name, pr.id)
        from public.products pr
       where pr.org_id = v_page.org_id and pr.active and pr.listed
         and (pr.coach_id is null or pr.coach_id = v_page.coach_id)), '[]'::jsonb),
    'has_bookable_time', exists (
        select 1 from public.coach_settings cs
         where cs.org_id = v_page.org_id and cs.coach_id = v_page.coach_id and cs.deleted_at is null)
      and (exists (
        select 1 from public.weekly_availability w
         where w.org_id = v_page.org_id and w.coach_id = v_page.coach_id and w.is_individual
           and w.deleted_at is null)
      or exists (
        select 1 from public.availability_additions a
         where a.org_id = v_page.org_id and a.coach_id = v_page.coach_id and a.deleted_at is null
           and a.ends_at > now()))
  );
end
$$;
revoke all on function public_site.coach_page(text) from public;
grant execute on function public_site.coach_page(text) to anon, authenticated, service_role;

create function public.public_coach_page(p_slug text)
returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select public_site.coach_page(p_slug)
$$;
comment on function public.public_coach_page(text) is
  'a published coach page with its offers, {redirect} for an old slug, or null; for /<slug>';
revoke all on function public.public_coach_page(text) from public;
grant execute on function public.public_coach_page(text) to anon, authenticated, service_role;
