/**
  * -------------------------------------------------------
  * section - the app's /plans
  * -------------------------------------------------------
  * the coach's training plans live at /plans (issue 17): no coach page may take
  * that address (mirrored by src/domain/reserved-slugs.ts). a page that holds it
  * already keeps it until its slug is next changed; the check runs on writes.
  */
create or replace function private.reserved_slugs()
returns text[]
language sql immutable parallel safe set search_path = ''
as $$
  select array[
    -- the app's routes and files
    'about', 'account', 'admin', 'api', 'app', 'assets', 'auth', 'availability', 'book',
    'booking', 'bookings', 'calendar', 'checkout', 'club', 'clubs', 'coach', 'coaches',
    'conflicts', 'course', 'courses', 'dashboard', 'functions', 'groups', 'help', 'icons',
    'invite', 'learn', 'login', 'logout', 'mailbox', 'manifest', 'me', 'new', 'org',
    'organizations', 'page', 'partner', 'partners', 'plans', 'platform', 'privacy', 'products',
    'purchases', 'rest', 'roster', 'season', 'settings', 'sign-in', 'sign-out', 'sign-up',
    'signin', 'signup', 'static', 'storage', 'storefront', 'support', 'sync', 'terms', 'today',
    'trackside', 'www'
  ]::text[]
$$;
