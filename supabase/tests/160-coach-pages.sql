-- coach pages: anon reads only published pages, their old slugs and active session
-- types; a coach edits only their own page; slugs are unique ignoring case, never
-- reserved, never another page's old slug, and can be taken back; public_coach_page
-- answers page, redirect or null and never shows what is unpublished or archived.
begin;
select plan(36);
select tests.create_tenancy_fixture();

-- fixtures (as the migration owner) -------------------------------------------------------
insert into public.coach_pages (id, org_id, coach_id, slug, published, display_name, bio, sports) values
  ('16000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-00000000000a',
   tests.get_supabase_uid('coach'), 'coach-a', true, 'Coach A', 'Sprint coach', array['Sprint']),
  ('16000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-00000000000a',
   tests.get_supabase_uid('coach2'), 'hidden-coach', false, 'Coach Two', '', '{}');

insert into public.session_types (id, org_id, coach_id, name, duration_minutes, price_minor, active, position) values
  ('16100000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-00000000000a',
   tests.get_supabase_uid('coach'), 'Trial', 30, 0, true, 1),
  ('16100000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-00000000000a',
   tests.get_supabase_uid('coach'), 'Archived', 60, 100000, false, 2),
  ('16100000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-00000000000a',
   tests.get_supabase_uid('coach2'), 'Unpublished coach''s', 60, 100000, true, 1);

insert into public.products (id, org_id, kind, name, price_minor, currency, credits, valid_days, active, listed, coach_id) values
  ('16200000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-00000000000a', 'package',
   'Club pack', 500000, 'RUB', 8, 60, true, true, null),
  ('16200000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-00000000000a', 'product',
   'Coach A shirt', 150000, 'RUB', null, null, true, true, tests.get_supabase_uid('coach')),
  ('16200000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-00000000000a', 'product',
   'Coach Two shirt', 150000, 'RUB', null, null, true, true, tests.get_supabase_uid('coach2')),
  ('16200000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-00000000000a', 'product',
   'Unlisted', 100, 'RUB', null, null, true, false, null),
  ('16200000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-00000000000a', 'product',
   'Archived listed', 100, 'RUB', null, null, false, true, null),
  ('16200000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-00000000000b', 'product',
   'Other club', 100, 'RUB', null, null, true, true, null);

-- anon reads only what is published -------------------------------------------------------
select is(tests.try_as('anon', $$select count(*) from public.coach_pages$$), '1',
  'anon sees the published page only');
select is(tests.try_as('anon', $$select count(*) from public.coach_pages where slug = 'hidden-coach'$$), '0',
  'anon does not see an unpublished page');
select is(tests.try_as('anon', $$select count(*) from public.session_types$$), '1',
  'anon sees only the active session type of a published page');
select is(tests.try_as('anon', $$select count(*) from public.products where name in ('Unlisted', 'Archived listed')$$), '0',
  'anon sees no unlisted or archived product');
select is(tests.try_as('anon', $$insert into public.coach_pages (org_id, coach_id, slug, display_name)
    values ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'), 'anon-page', 'X')$$), '42501',
  'anon may not create a page');
select is(tests.try_as('anon', $$update public.coach_pages set bio = 'x'$$), '42501',
  'anon may not edit a page');
select is(tests.try_as('athlete', $$select count(*) from public.coach_pages where slug = 'hidden-coach'$$), '0',
  'a member does not see another''s unpublished page');
select is(tests.try_as('coach2', $$select count(*) from public.coach_pages where slug = 'hidden-coach'$$), '1',
  'a coach sees their own unpublished page');
select is(tests.try_as('admin', $$select count(*) from public.coach_pages where slug = 'hidden-coach'$$), '1',
  'the club''s admin sees it');

-- a coach edits only their own page ----------------------------------------------------------
select is(tests.try_as('coach', $$update public.coach_pages set bio = 'new bio'
    where id = '16000000-0000-4000-8000-000000000001'$$), '1', 'a coach edits their own page');
select is(tests.try_as('coach', $$update public.coach_pages set bio = 'hijack'
    where id = '16000000-0000-4000-8000-000000000002'$$), '0', 'a coach cannot edit another''s page');
select is(tests.try_as('coach', $$insert into public.coach_pages (org_id, coach_id, slug, display_name)
    values ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach2'), 'for-coach-two', 'X')$$),
  '42501', 'a coach cannot create a page for someone else');
select is(tests.try_as('coach_b', $$insert into public.coach_pages (org_id, coach_id, slug, display_name)
    values ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach_b'), 'wrong-club', 'X')$$),
  '42501', 'a coach cannot create a page in a club they do not coach in');
select is(tests.try_as('athlete', $$insert into public.coach_pages (org_id, coach_id, slug, display_name)
    values ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('athlete'), 'athlete-page', 'X')$$),
  '42501', 'an athlete cannot have a coach page');
select is(tests.try_as('coach', $$update public.coach_pages set coach_id = tests.get_supabase_uid('coach2')
    where id = '16000000-0000-4000-8000-000000000001'$$), '42501', 'a page cannot be handed to someone else');
select is(tests.try_as('coach', $$update public.session_types set active = false
    where id = '16100000-0000-4000-8000-000000000003'$$), '0', 'a coach cannot archive another''s session type');
select is(tests.try_as('coach', $$update public.session_types set active = false, position = 5
    where id = '16100000-0000-4000-8000-000000000001'$$), '1', 'a coach archives their own session type');
select is(tests.try_as('coach', $$insert into public.session_types (org_id, coach_id, name, duration_minutes, price_minor)
    values ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'), 'Long', 721, 0)$$),
  '23514', 'a session type longer than 12 hours is refused');

-- slug rules ---------------------------------------------------------------------------------------
select is(tests.try_as('coach2', $$update public.coach_pages set slug = 'COACH-A'
    where id = '16000000-0000-4000-8000-000000000002'$$), '23505', 'slugs are unique ignoring case');
select is(tests.try_as('coach2', $$update public.coach_pages set slug = 'storefront'
    where id = '16000000-0000-4000-8000-000000000002'$$), '23514', 'a reserved word is refused');
select is(tests.try_as('coach2', $$update public.coach_pages set slug = 'a--b'
    where id = '16000000-0000-4000-8000-000000000002'$$), '23514', 'a badly shaped slug is refused');
select is(tests.try_as('coach2', $$update public.coach_pages set slug = '  Coach-Two '
    where id = '16000000-0000-4000-8000-000000000002'$$), '1', 'a slug is trimmed and lowercased as typed');

-- rename the published page: the old slug keeps answering
update public.coach_pages set slug = 'Coach-New' where id = '16000000-0000-4000-8000-000000000001';
select is((select slug from public.coach_pages where id = '16000000-0000-4000-8000-000000000001'), 'coach-new',
  'the renamed slug is stored lowercase');
select is(tests.try_as('anon', $$select count(*) from public.coach_slug_history where slug = 'coach-a'$$), '1',
  'anon sees the old slug of a published page');
select is(tests.try_as('anon', $$select (public.public_coach_page('Coach-A') ->> 'redirect' = 'coach-new')::int$$), '1',
  'public_coach_page answers an old slug (any case) with a redirect to today''s');
select is(tests.try_as('coach2', $$update public.coach_pages set slug = 'coach-a'
    where id = '16000000-0000-4000-8000-000000000002'$$), '23505', 'another page cannot take an old slug');

-- renaming back works, and the slug in between becomes history
update public.coach_pages set slug = 'coach-a' where id = '16000000-0000-4000-8000-000000000001';
select is((select count(*)::int from public.coach_slug_history where slug = 'coach-a'), 0,
  'taking an old slug back un-retires it');
select is((select page_id from public.coach_slug_history where slug = 'coach-new'),
  '16000000-0000-4000-8000-000000000001'::uuid, 'the slug in between now redirects');

-- public_coach_page ----------------------------------------------------------------------------------
select is(tests.try_as('anon', $$select (public.public_coach_page('coach-a') ->> 'display_name' = 'Coach A')::int$$), '1',
  'public_coach_page answers a published page');
select is(tests.try_as('anon', $$select jsonb_array_length(public.public_coach_page('coach-a') -> 'session_types')$$), '1',
  'with its active session types only');
select is(tests.try_as('anon', $$select count(*) from jsonb_array_elements(public.public_coach_page('coach-a') -> 'products') p
    where p ->> 'name' in ('Club pack', 'Coach A shirt')$$), '2',
  'with the club''s and the coach''s own listed products');
select is(tests.try_as('anon', $$select jsonb_array_length(public.public_coach_page('coach-a') -> 'products')$$), '2',
  'and not another coach''s, an unlisted, an archived or another club''s product');
select is(tests.try_as('anon', $$select (public.public_coach_page('coach-a') ->> 'has_bookable_time')::boolean::int$$), '0',
  'no bookable time without coach settings and windows');
insert into public.coach_settings (org_id, coach_id, time_zone)
  values ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'), 'Europe/Moscow');
insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time)
  values ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'), 1, '10:00', '12:00');
select is(tests.try_as('anon', $$select (public.public_coach_page('coach-a') ->> 'has_bookable_time')::boolean::int$$), '1',
  'bookable time once the coach has a weekly window');
select is(tests.try_as('anon', $$select count(*) from (select public.public_coach_page('coach-two') as p) x where p is null$$), '1',
  'an unpublished page answers null');
select is(tests.try_as('anon', $$select count(*) from (select public.public_coach_page('nobody') as p) x where p is null$$), '1',
  'an unknown slug answers null');

select * from finish();
rollback;
