-- storefront storage (issue 14, 20261206157000_storefront_storage.sql): the
-- coach-photos and course-media buckets, and the policies on storage.objects for
-- coach-photos — anyone reads, a coach writes only under their own user id; a
-- non-coach, a coach who left, another coach and anon write nothing there.
-- course-media has no policy of its own yet, so no api role reads it.
--
-- fixture: tests.create_tenancy_fixture() — `coach` and `coach2` coach club A,
-- `left_coach` left it, `athlete` is an athlete there.
begin;
select plan(22);
select tests.create_tenancy_fixture();

-- buckets --------------------------------------------------------------------------------------------
select results_eq(
  $$select public, file_size_limit, allowed_mime_types from storage.buckets where id = 'coach-photos'$$,
  $$values (true, 5242880::bigint, array['image/jpeg', 'image/png', 'image/webp', 'image/avif'])$$,
  'coach-photos is public, raster images only, 5 MB');
select results_eq(
  $$select public, file_size_limit from storage.buckets where id = 'course-media'$$,
  $$values (false, 209715200::bigint)$$,
  'course-media is private, 200 MB');
select tests.rls_enabled('storage', 'objects');

insert into storage.objects (bucket_id, name, owner, owner_id, metadata) values
  ('coach-photos', tests.get_supabase_uid('coach') || '/portrait.png', tests.get_supabase_uid('coach'),
   tests.get_supabase_uid('coach')::text, '{"mimetype": "image/png", "size": 8}'),
  ('course-media', 'course-1/intro.mp4', null, null, '{"mimetype": "video/mp4", "size": 8}');

-- reading --------------------------------------------------------------------------------------------
select is(tests.try_as('anon', $$select count(*) from storage.objects where bucket_id = 'coach-photos'$$),
  '1', 'anon reads coach photos');
select is(tests.try_as('athlete', $$select count(*) from storage.objects where bucket_id = 'coach-photos'$$),
  '1', 'a signed-in member reads them');
select is(tests.try_as('coach_b', $$select count(*) from storage.objects where bucket_id = 'coach-photos'$$),
  '1', 'so does a coach of another club');
select is(tests.try_as('anon', $$select count(*) from storage.objects where bucket_id = 'course-media'$$),
  '0', 'anon reads nothing in course-media');
select is(tests.try_as('coach', $$select count(*) from storage.objects where bucket_id = 'course-media'$$),
  '0', 'nor does a coach, until the courses give it policies');

-- uploading --------------------------------------------------------------------------------------------
select is(tests.try_as('coach', $$insert into storage.objects (bucket_id, name, owner_id) values ('coach-photos', (select auth.uid())::text || '/new.png', (select auth.uid())::text)$$),
  '1', 'a coach uploads under their own user id');
select is(tests.try_as('coach', $$insert into storage.objects (bucket_id, name) values ('coach-photos', (select auth.uid())::text || '/2026/new.png')$$),
  '1', 'and in sub-folders of it');
select is(tests.try_as('coach', $$insert into storage.objects (bucket_id, name) values ('coach-photos', tests.get_supabase_uid('coach2')::text || '/planted.png')$$),
  '42501', 'not under another coach''s id');
select is(tests.try_as('coach', $$insert into storage.objects (bucket_id, name) values ('coach-photos', 'loose.png')$$),
  '42501', 'not outside any folder');
select is(tests.try_as('athlete', $$insert into storage.objects (bucket_id, name) values ('coach-photos', (select auth.uid())::text || '/me.png')$$),
  '42501', 'an athlete uploads nothing, even under their own id');
select is(tests.try_as('left_coach', $$insert into storage.objects (bucket_id, name) values ('coach-photos', (select auth.uid())::text || '/me.png')$$),
  '42501', 'nor a coach who left the club');
select is(tests.try_as('anon', $$insert into storage.objects (bucket_id, name) values ('coach-photos', 'anon/x.png')$$),
  '42501', 'nor anon');
select is(tests.try_as('coach', $$insert into storage.objects (bucket_id, name) values ('course-media', (select auth.uid())::text || '/x.mp4')$$),
  '42501', 'these policies open nothing in course-media');

-- replacing and removing -----------------------------------------------------------------------------
select is(tests.try_as('coach', $$update storage.objects set metadata = '{"size": 9}' where bucket_id = 'coach-photos'$$),
  '1', 'a coach replaces their own photo');
select is(tests.try_as('coach2', $$update storage.objects set metadata = '{"size": 9}' where bucket_id = 'coach-photos'$$),
  '0', 'another coach replaces none of it');
select is(tests.try_as('coach', $$update storage.objects set name = tests.get_supabase_uid('coach2')::text || '/moved.png' where bucket_id = 'coach-photos'$$),
  '42501', 'a coach cannot move a photo into another coach''s folder');

-- only the storage api deletes (it removes the file too); it says so for its transaction
select set_config('storage.allow_delete_query', 'true', true);
select is(tests.try_as('coach2', $$delete from storage.objects where bucket_id = 'coach-photos'$$),
  '0', 'another coach deletes none of it');
select is(tests.try_as('coach', $$delete from storage.objects where bucket_id = 'coach-photos'$$),
  '1', 'a coach deletes their own photo');
select set_config('storage.allow_delete_query', 'false', true);
select throws_ok($$delete from storage.objects where bucket_id = 'course-media'$$,
  '42501', null, 'a delete in sql, past the storage api, is refused');

select * from finish();
rollback;
