-- storefront storage: the buckets the storefront keeps its media in, and who
-- may put what in `coach-photos`.
--
-- the `storage` schema belongs to supabase storage (and to the local stack's
-- bootstrap); a database without it (a bare postgres) gets nothing from this
-- file. `course-media` holds lessons' video, audio and files and is private:
-- learners get signed urls that expire within 10 minutes
-- (src/domain/signed-url-policy.ts); its policies come with the courses.
-- uploads are also capped by the project's global limit (50 mb by default on
-- supabase and in the local stack), whichever is lower.

do $$
begin
  if to_regclass('storage.objects') is null then
    return;
  end if;

  -- buckets ----------------------------------------------------------------------------
  -- coach photos are shown on public pages, so the bucket is public; raster
  -- images only (an svg served from the storage origin could carry script)
  insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
  values (
    'coach-photos', 'coach-photos', true, 5 * 1024 * 1024,
    array['image/jpeg', 'image/png', 'image/webp', 'image/avif']
  )
  on conflict (id) do update
    set public = excluded.public,
        file_size_limit = excluded.file_size_limit,
        allowed_mime_types = excluded.allowed_mime_types;

  insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
  values ('course-media', 'course-media', false, 200 * 1024 * 1024, null)
  on conflict (id) do update
    set public = excluded.public,
        file_size_limit = excluded.file_size_limit;

  -- coach photos: anyone reads -----------------------------------------------------------
  create policy "Anyone can view coach photos" on storage.objects
    for select to anon
    using (bucket_id = 'coach-photos');
  create policy "Members can view coach photos" on storage.objects
    for select to authenticated
    using (bucket_id = 'coach-photos');

  -- coach photos: a coach writes only under their own user id ---------------------------
  create policy "Coaches upload photos to their own folder" on storage.objects
    for insert to authenticated
    with check (
      bucket_id = 'coach-photos'
      and (storage.foldername(name))[1] = (select auth.uid())::text
      and exists (select from private.org_ids_with_role('coach'))
    );
  create policy "Coaches replace photos in their own folder" on storage.objects
    for update to authenticated
    using (
      bucket_id = 'coach-photos'
      and (storage.foldername(name))[1] = (select auth.uid())::text
    )
    with check (
      bucket_id = 'coach-photos'
      and (storage.foldername(name))[1] = (select auth.uid())::text
      and exists (select from private.org_ids_with_role('coach'))
    );
  create policy "Coaches delete photos in their own folder" on storage.objects
    for delete to authenticated
    using (
      bucket_id = 'coach-photos'
      and (storage.foldername(name))[1] = (select auth.uid())::text
    );
end
$$;

-- the course-media bucket's policies (20261206156000_courses.sql) need storage.objects,
-- which the courses migration may have run without
select private.install_course_media_policies();

