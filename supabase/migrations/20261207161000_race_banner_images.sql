-- a sponsor banner's image (issue 18, races): an https address, as before, or an image
-- the app itself serves under /sponsors/ (public/sponsors/). the app is often reached
-- over plain http on the local stack and runs offline, where no outside image loads;
-- the demo's banners are files of the app, so a new user sees them. an organizer types
-- only https addresses (the form says so); /sponsors/ holds only what the app ships.
alter table public.race_placements drop constraint race_placements_image_url_check;
alter table public.race_placements add constraint race_placements_image_url_check check (
  (image_url ~ '^https://[^\s]+$' or image_url ~ '^/sponsors/[A-Za-z0-9_-]+\.(svg|png|webp|jpg)$')
  and char_length(image_url) <= 500);
comment on column public.race_placements.image_url is
  'https address of a 640×90 image, or /sponsors/<file> served by the app itself (the demo''s)';

/**
  * -------------------------------------------------------
  * section - /sponsors is the app's
  * -------------------------------------------------------
  * the banners' folder is served by the static host: reserved from coach pages'
  * addresses (mirrored by src/domain/reserved-slugs.ts).
  */
do $$
declare
  v_slugs text[];
begin
  v_slugs := array(select distinct s from unnest(private.reserved_slugs() || array['sponsors']) s order by s);
  execute format($f$
    create or replace function private.reserved_slugs()
    returns text[]
    language sql immutable parallel safe set search_path = ''
    as $body$ select %L::text[] $body$ $f$, v_slugs);
end
$$;
