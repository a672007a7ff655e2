-- storefront core: a coach's public page, the session types it offers, guests'
-- bookings and the links that let a guest manage one.
--
-- the page lives at the site's root (`/volkov`), so a slug is lowercase
-- `[a-z0-9-]`, 3–40 characters, no leading, trailing or doubled hyphen, and never
-- one of the app's own first path segments (private.reserved_slugs, mirrored by
-- src/domain/coach-slug.ts and checked against the app's routes by a test).
-- a renamed slug is kept in coach_slug_history and answers with a 301 for ever,
-- so it can never be taken by another page.
--
-- a guest books without an account: the booking has no member, carries the name
-- to show in the coach's calendar (synced), and its contact details stay in
-- private.booking_guests (only the functions that send mail read them). every
-- guest gets a manage link whose 128-bit random token is stored only as its
-- sha-256, apart from the booking id; several links may exist for one booking
-- (each email mints its own), and any of them manages that booking only.

-- reserved first path segments ------------------------------------------------------------
create function private.reserved_slugs()
returns text[]
language sql immutable parallel safe set search_path = ''
as $$
  select array[
    -- the app's routes and files
    'about', 'account', 'admin', 'api', 'app', 'assets', 'auth', 'availability', 'book',
    'booking', 'bookings', 'calendar', 'checkout', 'club', 'clubs', 'coach', 'coaches',
    'conflicts', 'course', 'courses', 'dashboard', 'functions', 'groups', 'help', 'icons',
    'invite', 'learn', 'login', 'logout', 'mailbox', 'manifest', 'me', 'new', 'org',
    'organizations', 'page', 'partners', 'privacy', 'products', 'purchases', 'rest',
    'roster', 'season', 'settings', 'sign-in', 'sign-out', 'sign-up', 'signin', 'signup',
    'static', 'storage', 'storefront', 'support', 'sync', 'terms', 'today', 'trackside',
    'www'
  ]::text[]
$$;
comment on function private.reserved_slugs() is
  'first path segments the app keeps for itself; mirrored by src/domain/coach-slug.ts';

create function private.is_valid_slug(p_slug text)
returns boolean
language sql immutable parallel safe set search_path = ''
as $$
  select p_slug ~ '^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$'
    and char_length(p_slug) between 3 and 40
    and position('--' in p_slug) = 0
    and not (p_slug = any (private.reserved_slugs()))
$$;

-- coach pages ----------------------------------------------------------------------------
create table public.coach_pages (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  coach_id uuid not null references auth.users (id) on delete cascade,
  slug text not null constraint coach_pages_slug_key unique
    constraint coach_pages_slug_shape check (private.is_valid_slug(slug)),
  published boolean not null default false,
  display_name text not null check (char_length(display_name) between 1 and 120),
  -- an object in the public `coach-photos` bucket
  photo_path text check (char_length(photo_path) <= 300),
  bio text not null default '' check (char_length(bio) <= 4000),
  sports text[] not null default '{}' check (cardinality(sports) <= 20),
  certifications text[] not null default '{}' check (cardinality(certifications) <= 20),
  place text check (char_length(place) <= 200),
  languages text[] not null default '{}' check (cardinality(languages) <= 10),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint coach_pages_org_coach_key unique (org_id, coach_id)
);
comment on table public.coach_pages is
  'a coach''s public page at /<slug>; readable by anyone once published';
create index coach_pages_coach_id_idx on public.coach_pages (coach_id);

create table public.coach_slug_history (
  slug text primary key,
  page_id uuid not null references public.coach_pages (id) on delete cascade,
  retired_at timestamptz not null default now()
);
comment on table public.coach_slug_history is
  'slugs a page had before; each answers with a 301 to the page''s slug of today';
create index coach_slug_history_page_id_idx on public.coach_slug_history (page_id);

-- slugs: lowercase on the way in, free across pages and their history
create function private.coach_pages_slug()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.slug := pg_catalog.lower(pg_catalog.btrim(new.slug));
  new.updated_at := now();
  if tg_op = 'UPDATE' and new.slug = old.slug then
    return new;
  end if;
  -- two pages claiming one slug at once wait for each other
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('coach-slug:' || new.slug, 0));
  if exists (select 1 from public.coach_slug_history h
             where h.slug = new.slug and h.page_id <> new.id) then
    raise exception 'this address is taken' using errcode = '23505', hint = 'slug_taken',
      constraint = 'coach_pages_slug_key';
  end if;
  if tg_op = 'UPDATE' then
    -- the old address keeps answering; taking an old one of your own back un-retires it
    delete from public.coach_slug_history h where h.slug = new.slug;
    insert into public.coach_slug_history (slug, page_id) values (old.slug, old.id)
      on conflict (slug) do nothing;
  end if;
  return new;
end
$$;
create trigger coach_pages_slug before insert or update on public.coach_pages
  for each row execute function private.coach_pages_slug();

-- session types ---------------------------------------------------------------------------
create table public.session_types (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  coach_id uuid not null references auth.users (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 120),
  description text not null default '' check (char_length(description) <= 2000),
  duration_minutes int not null check (duration_minutes between 5 and 720),
  -- 0 = free: booked at once; otherwise paid through checkout before it is confirmed
  price_minor int not null default 0 check (price_minor between 0 and 100000000),
  currency text not null default 'RUB' check (currency ~ '^[A-Z]{3}$'),
  active boolean not null default true,
  position int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- the key a booking's same-club reference points at
  constraint session_types_id_org_key unique (id, org_id)
);
comment on table public.session_types is
  'what a coach offers to book (length and price); shown on the public page while active';
create index session_types_coach_idx on public.session_types (org_id, coach_id);
create index session_types_coach_id_idx on public.session_types (coach_id);

-- guests' bookings ----------------------------------------------------------------------------
alter table public.bookings alter column member_id drop not null;
alter table public.bookings
  add column guest_name text check (char_length(guest_name) between 1 and 120),
  add column session_type_id uuid,
  -- a paid booking holds its slot until then; a job releases it after
  add column hold_until timestamptz,
  add constraint bookings_someone check (member_id is not null or guest_name is not null),
  -- a booking names a session type of its own club only
  add constraint bookings_session_type_fkey foreign key (session_type_id, org_id)
    references public.session_types (id, org_id) on delete set null (session_type_id);
alter table public.bookings drop constraint bookings_status_check;
alter table public.bookings add constraint bookings_status_check check (status in (
  'pending_payment', 'confirmed', 'cancelled_by_member', 'cancelled_by_coach', 'no_show', 'expired'));
alter table public.bookings add constraint bookings_hold_shape
  check ((status = 'pending_payment') = (hold_until is not null) or status = 'expired');
create index bookings_session_type_id_idx on public.bookings (session_type_id);
create index bookings_holds_idx on public.bookings (hold_until) where status = 'pending_payment';

create table private.booking_guests (
  booking_id uuid primary key references public.bookings (id) on delete cascade,
  email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(email) <= 254),
  phone text check (char_length(phone) <= 40),
  time_zone text not null default 'UTC',
  locale text not null default 'ru' check (locale in ('ru', 'en')),
  created_at timestamptz not null default now()
);
comment on table private.booking_guests is
  'a guest''s contact details for their booking; read only by definer functions';
create index booking_guests_email_idx on private.booking_guests (lower(email));

-- manage links ------------------------------------------------------------------------------
create table private.booking_links (
  token_hash bytea primary key check (octet_length(token_hash) = 32),
  booking_id uuid not null references public.bookings (id) on delete cascade,
  created_at timestamptz not null default now()
);
comment on table private.booking_links is
  'sha-256 of each manage-link token; the token itself is never stored';
create index booking_links_booking_id_idx on private.booking_links (booking_id);

-- a new link for `p_booking`: 16 random bytes, base64url without padding (22 characters)
create function private.mint_booking_link(p_booking uuid)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_token text := pg_catalog.rtrim(pg_catalog.translate(
    pg_catalog.encode(extensions.gen_random_bytes(16), 'base64'), '+/', '-_'), '=');
begin
  insert into private.booking_links (token_hash, booking_id)
  values (pg_catalog.sha256(pg_catalog.convert_to(v_token, 'UTF8')), p_booking);
  return v_token;
end
$$;

-- the booking `p_booking` if `p_token` is one of its links, else null
create function private.booking_for_link(p_booking uuid, p_token text)
returns public.bookings
language sql stable security definer set search_path = ''
as $$
  select b.* from public.bookings b
  join private.booking_links l on l.booking_id = b.id
  where b.id = p_booking
    and p_token is not null and char_length(p_token) between 16 and 64
    and l.token_hash = pg_catalog.sha256(pg_catalog.convert_to(p_token, 'UTF8'))
$$;

revoke all on function private.reserved_slugs() from public, anon, authenticated;
revoke all on function private.is_valid_slug(text) from public, anon, authenticated;
revoke all on function private.coach_pages_slug() from public, anon, authenticated;
revoke all on function private.mint_booking_link(uuid) from public, anon, authenticated;
revoke all on function private.booking_for_link(uuid, text) from public, anon, authenticated;
grant execute on function private.reserved_slugs() to authenticated, service_role;
grant execute on function private.is_valid_slug(text) to authenticated, service_role;
grant execute on function private.mint_booking_link(uuid) to service_role;
grant execute on function private.booking_for_link(uuid, text) to service_role;

-- row level security ----------------------------------------------------------------------------
alter table public.coach_pages enable row level security;
alter table public.coach_slug_history enable row level security;
alter table public.session_types enable row level security;
alter table private.booking_guests enable row level security;
alter table private.booking_links enable row level security;

revoke all on public.coach_pages, public.coach_slug_history, public.session_types
  from public, anon, authenticated;
revoke all on private.booking_guests, private.booking_links from public, anon, authenticated;
grant select on public.coach_pages, public.coach_slug_history, public.session_types to anon;
grant select on public.coach_pages, public.coach_slug_history, public.session_types to authenticated;
grant insert (org_id, coach_id, slug, published, display_name, photo_path, bio, sports,
  certifications, place, languages) on public.coach_pages to authenticated;
grant update (slug, published, display_name, photo_path, bio, sports, certifications, place,
  languages) on public.coach_pages to authenticated;
grant insert (org_id, coach_id, name, description, duration_minutes, price_minor, currency,
  active, position) on public.session_types to authenticated;
grant update (name, description, duration_minutes, price_minor, currency, active, position)
  on public.session_types to authenticated;
grant all on public.coach_pages, public.coach_slug_history, public.session_types to service_role;
grant all on private.booking_guests, private.booking_links to service_role;

-- coach pages: published ones for everyone, one's own and one's club's for staff
create policy "Anyone can view published coach pages" on public.coach_pages
  for select to anon
  using (published);
create policy "Members view published pages, coaches their own, admins their club's" on public.coach_pages
  for select to authenticated
  using (
    published
    or coach_id = (select auth.uid())
    or org_id = any (array(select private.org_ids_with_role('admin')))
  );
create policy "Coaches create their own page" on public.coach_pages
  for insert to authenticated
  with check (
    coach_id = (select auth.uid())
    and org_id = any (array(select private.org_ids_with_role('coach')))
  );
create policy "Coaches edit their own page" on public.coach_pages
  for update to authenticated
  using (coach_id = (select auth.uid()))
  with check (
    coach_id = (select auth.uid())
    and org_id = any (array(select private.org_ids_with_role('coach')))
  );

-- old slugs answer for published pages only
create policy "Anyone can view old slugs of published pages" on public.coach_slug_history
  for select to anon
  using (exists (select 1 from public.coach_pages p where p.id = page_id and p.published));
create policy "Members view old slugs of published pages and their own" on public.coach_slug_history
  for select to authenticated
  using (exists (select 1 from public.coach_pages p where p.id = page_id
                 and (p.published or p.coach_id = (select auth.uid()))));

-- session types: active ones of a published page for everyone; a coach manages their own
create policy "Anyone can view offered session types" on public.session_types
  for select to anon
  using (active and exists (select 1 from public.coach_pages p
    where p.org_id = session_types.org_id and p.coach_id = session_types.coach_id and p.published));
create policy "Members view offered session types, coaches their own, admins their club's" on public.session_types
  for select to authenticated
  using (
    (active and exists (select 1 from public.coach_pages p
      where p.org_id = session_types.org_id and p.coach_id = session_types.coach_id and p.published))
    or coach_id = (select auth.uid())
    or org_id = any (array(select private.org_ids_with_role('admin')))
  );
create policy "Coaches add their own session types" on public.session_types
  for insert to authenticated
  with check (
    coach_id = (select auth.uid())
    and org_id = any (array(select private.org_ids_with_role('coach')))
  );
create policy "Coaches edit their own session types" on public.session_types
  for update to authenticated
  using (coach_id = (select auth.uid()))
  with check (
    coach_id = (select auth.uid())
    and org_id = any (array(select private.org_ids_with_role('coach')))
  );

-- products on the page ------------------------------------------------------------------------
-- a product may be a coach's own (shown on their page) or the club's (coach_id null);
-- `listed` puts it on the public pages and lets a guest check it out
alter table public.products
  add column coach_id uuid references auth.users (id) on delete set null,
  add column listed boolean not null default false;
create index products_coach_id_idx on public.products (coach_id);
grant select on public.products to anon;
create policy "Anyone can view listed products on sale" on public.products
  for select to anon
  using (active and listed);

-- paying for a booking --------------------------------------------------------------------------
-- one row per paid booking: the price as it was, the checkout that takes it and what
-- became of it. the booking holds its slot while `pending_payment` (bookings.hold_until).
create table private.booking_payments (
  booking_id uuid primary key references public.bookings (id) on delete cascade,
  amount_minor int not null check (amount_minor > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  status text not null default 'pending'
    check (status in ('pending', 'paid', 'expired', 'refunded')),
  stripe_checkout_session_id text unique,
  stripe_payment_intent_id text unique,
  checkout_url text,
  created_at timestamptz not null default now(),
  paid_at timestamptz,
  expired_at timestamptz,
  refunded_at timestamptz
);
comment on table private.booking_payments is
  'the payment a paid booking waits for; written by definer functions and the service role';
alter table private.booking_payments enable row level security;
revoke all on private.booking_payments from public, anon, authenticated;
grant all on private.booking_payments to service_role;

-- rate limits for public endpoints ------------------------------------------------------------------
-- a fixed window per key, counted in one upsert (no read-then-write race): the
-- public booking and checkout functions call it per ip and per email before they
-- write anything. unlogged: a crash forgets the counts, which only forgives.
create unlogged table private.rate_limits (
  key text primary key check (char_length(key) <= 300),
  window_start timestamptz not null,
  hits int not null
);
comment on table private.rate_limits is 'hits per key in the current window (public endpoints)';
alter table private.rate_limits enable row level security;
revoke all on private.rate_limits from public, anon, authenticated;
grant all on private.rate_limits to service_role;

-- 0 when `p_key` may go on (and the hit is counted), else the seconds until its window ends
create function private.hit_rate_limit(p_key text, p_cap int, p_period interval)
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row private.rate_limits;
begin
  insert into private.rate_limits as r (key, window_start, hits)
  values (p_key, now(), 1)
  on conflict (key) do update
    set window_start = case when r.window_start + p_period <= now() then now() else r.window_start end,
        hits = case when r.window_start + p_period <= now() then 1 else r.hits + 1 end
  returning * into v_row;
  if v_row.hits <= p_cap then
    return 0;
  end if;
  return greatest(1, ceil(extract(epoch from (v_row.window_start + p_period - now())))::int);
end
$$;
revoke all on function private.hit_rate_limit(text, int, interval) from public, anon, authenticated;
grant execute on function private.hit_rate_limit(text, int, interval) to service_role;

-- forgotten windows are swept with the other housekeeping
create function private.purge_rate_limits()
returns void
language sql volatile security definer set search_path = ''
as $$
  delete from private.rate_limits where window_start < now() - interval '1 day'
$$;
revoke all on function private.purge_rate_limits() from public, anon, authenticated;
grant execute on function private.purge_rate_limits() to service_role;

insert into private.scheduled_jobs (name, schedule, command, description) values
  ('purge-rate-limits', '17 3 * * *', 'select private.purge_rate_limits()',
   'daily: rate-limit windows older than a day are forgotten');
select private.schedule_jobs();
