-- analytics (issue 15, 20261206161000_analytics.sql): the ingest keeps an event
-- exactly once, refuses what it cannot place with a reason, clamps and limits; the
-- database writes its own facts once; a coach's daily row counts both, its funnels
-- count a purchase whose beacons were blocked, its purchase step equals the
-- purchases; nobody but the service role touches raw events, a coach reads only
-- their own figures.
--
-- fixture: tests.create_tenancy_fixture(); `coach` (club A) has the published page
-- `trainer` and sells product P1; `coach2` has the unpublished page `hidden`.
begin;
select plan(43);
select tests.create_tenancy_fixture();

insert into public.coach_pages (org_id, coach_id, slug, published, display_name) values
  ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'), 'trainer', true, 'Coach One'),
  ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach2'), 'hidden', false, 'Coach Two');
insert into public.products (id, org_id, kind, name, price_minor, currency, coach_id, listed) values
  ('98000000-0000-4000-8000-0000000000f1', '10000000-0000-4000-8000-00000000000a', 'product', 'P1', 250000, 'RUB',
   tests.get_supabase_uid('coach'), true);

-- what a call answers as `p_actor` (anon, a user, or service_role), or its sqlstate
create function pg_temp.call_as(p_actor text, p_sql text)
returns jsonb
language plpgsql volatile
as $$
declare
  v jsonb;
begin
  if p_actor = 'anon' then perform tests.clear_authentication();
  elsif p_actor = 'service_role' then perform tests.authenticate_as_service_role();
  else perform tests.authenticate_as(p_actor); end if;
  execute p_sql into v;
  perform set_config('role', 'postgres', true);
  return v;
exception when others then
  perform set_config('role', 'postgres', true);
  return jsonb_build_object('sqlstate', sqlstate);
end
$$;

-- a batch of events on `trainer` from one address
create function pg_temp.ingest(p_events jsonb, p_ip text default '203.0.113.1')
returns jsonb
language sql volatile
as $$
  select pg_temp.call_as('service_role',
    format('select public.analytics_ingest(%L::jsonb, %L, %L)', p_events, p_ip, 'Mozilla/5.0 test'))
$$;

create function pg_temp.ev(p_id text, p_name text, p_extra jsonb default '{}')
returns jsonb
language sql immutable
as $$
  select jsonb_build_object('id', '98000000-0000-4000-8000-' || lpad(p_id, 12, '0'), 'name', p_name,
    'page', 'trainer', 'path', '/trainer', 'at', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) || p_extra
$$;

-- nobody but the service role -----------------------------------------------------------------------------
select tests.rls_enabled('analytics');
select is(pg_temp.call_as('anon', $$select to_jsonb(count(*)) from analytics.events$$) ->> 'sqlstate', '42501',
  'anon cannot read raw events');
select is(pg_temp.call_as('coach', $$select to_jsonb(count(*)) from analytics.events$$) ->> 'sqlstate', '42501',
  'a coach cannot read raw events, visitor hashes included');
select is(pg_temp.call_as('admin', $$select to_jsonb(count(*)) from analytics.attributions$$) ->> 'sqlstate', '42501',
  'an admin cannot read which visitor bought what');
select is(pg_temp.call_as('anon', $$select public.analytics_ingest('[]', '1.1.1.1', 'x')$$) ->> 'sqlstate', '42501',
  'anon cannot call the ingest directly (only through the function)');
select is(pg_temp.call_as('coach', $$select public.analytics_ingest('[]', '1.1.1.1', 'x')$$) ->> 'sqlstate', '42501',
  'nor can a signed-in user');
select is(pg_temp.call_as('coach', $$select to_jsonb(public.analytics_attribute(gen_random_uuid(), '1.1.1.1', 'x'))$$) ->> 'sqlstate', '42501',
  'nor attribute a purchase to a visitor');
select is(
  (select count(*)::int from information_schema.columns
    where table_schema = 'analytics' and column_name in ('ip', 'ip_address', 'user_agent', 'ua', 'ip_hash')),
  0, 'no column keeps an address or a user agent');

-- exactly once ----------------------------------------------------------------------------------------------
select is(pg_temp.ingest(jsonb_build_array(pg_temp.ev('1', 'page_view'), pg_temp.ev('2', 'offer_view',
            '{"offer": "98000000-0000-4000-8000-0000000000f1", "path": "/trainer#offers"}'))) -> 'accepted',
  '2', 'a batch is kept');
select is(pg_temp.ingest(jsonb_build_array(pg_temp.ev('1', 'page_view'), pg_temp.ev('2', 'offer_view',
            '{"offer": "98000000-0000-4000-8000-0000000000f1", "path": "/trainer#offers"}'))),
  '{"accepted": 0, "duplicates": 2, "refused": [], "retryAfter": null}'::jsonb, 'the same batch again adds nothing');
select is(pg_temp.ingest(jsonb_build_array(pg_temp.ev('3', 'slot_selected'), pg_temp.ev('3', 'slot_selected')),
            '203.0.113.2') -> 'accepted',
  '1', 'an id twice in one batch is kept once');
select is((select count(*)::int from analytics.events where name in ('page_view', 'offer_view', 'slot_selected')), 3,
  'three events stored for the three ids');

-- refused with a reason, the rest kept -----------------------------------------------------------------------
select is(pg_temp.ingest(jsonb_build_array(
    pg_temp.ev('10', 'page_view', '{"path": "/trainer?a"}'),
    pg_temp.ev('11', 'purchase'),
    pg_temp.ev('12', 'page_view', '{"page": "nobody"}'),
    pg_temp.ev('13', 'page_view', '{"page": "hidden"}'),
    pg_temp.ev('14', 'page_view', jsonb_build_object('path', '/trainer?old', 'at', to_char((now() - interval '8 days') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))),
    pg_temp.ev('15', 'page_view', jsonb_build_object('path', '/trainer?future', 'at', to_char((now() + interval '10 minutes') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))),
    pg_temp.ev('16', 'offer_view', '{"offer": "98000000-0000-4000-8000-0000000000ff"}'),
    '{"id": "not-a-uuid", "name": "page_view", "page": "trainer"}'::jsonb,
    pg_temp.ev('17', 'page_view', '{"at": "2026-02-30T10:00:00Z", "path": "/x"}'),
    pg_temp.ev('18', 'page_view', jsonb_build_object('path', '/trainer?soon', 'at', to_char((now() + interval '2 minutes') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))
  ), '203.0.113.3') -> 'refused',
  '[{"index": 1, "reason": "invalid_name"}, {"index": 2, "reason": "unknown_page"},
    {"index": 3, "reason": "unknown_page"}, {"index": 4, "reason": "too_old"},
    {"index": 5, "reason": "in_future"}, {"index": 6, "reason": "unknown_offer"},
    {"index": 7, "reason": "invalid_id"}, {"index": 8, "reason": "invalid_time"}]'::jsonb,
  'each bad event is refused with its reason');
select is((select count(*)::int from analytics.events where event_id in (
    '98000000-0000-4000-8000-000000000010', '98000000-0000-4000-8000-000000000018')), 2,
  'and the good ones in the same batch are kept');
select is((select occurred_at from analytics.events where event_id = '98000000-0000-4000-8000-000000000018'), now(),
  'a time a little ahead is clamped to the server''s');
select is((select count(*)::int from analytics.events where name = 'purchase' and source = 'beacon'), 0,
  'a browser cannot report a purchase');

-- limits -----------------------------------------------------------------------------------------------------
create temp table limited as
  select pg_temp.ingest((select jsonb_agg(pg_temp.ev((100 + i)::text, 'slot_selected')) from generate_series(1, 40) i),
    '198.51.100.7') as answer;
select is((select answer -> 'accepted' from limited), '30', 'one address gets 30 events a minute');
select is((select jsonb_path_query_array(answer -> 'refused', '$[*].reason') from limited),
  (select jsonb_agg('rate_limited'::text) from generate_series(1, 10)), 'the rest of its batch is refused as rate limited');
select ok((pg_temp.ingest(jsonb_build_array(pg_temp.ev('200', 'slot_selected')), '198.51.100.7') ->> 'retryAfter')::int > 0,
  'a full address gets a wait for Retry-After and nothing is written');
select is((select count(*)::int from analytics.events where event_id = '98000000-0000-4000-8000-000000000200'), 0,
  'the refused batch wrote nothing');
select is(pg_temp.ingest(jsonb_build_array(pg_temp.ev('201', 'page_view', '{"path": "/trainer?a"}')), '203.0.113.3') -> 'refused',
  '[{"index": 0, "reason": "rate_limited"}]'::jsonb, 'a visitor''s repeated view of a page within 10 s is not counted again');

-- what the database writes itself ---------------------------------------------------------------------------
-- a guest buys P1 on the page (attributed to visitor .1), another person buys with every beacon blocked
insert into public.purchases (id, org_id, user_id, product_id, kind, product_name, amount_minor, currency, status, stripe_checkout_session_id) values
  ('98000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('member'), '98000000-0000-4000-8000-0000000000f1',
   'product', 'P1', 250000, 'RUB', 'pending', 'cs_test_980_1'),
  ('98000000-0000-4000-8000-0000000000b2', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('athlete'), '98000000-0000-4000-8000-0000000000f1',
   'product', 'P1', 250000, 'RUB', 'pending', null);
select is(pg_temp.call_as('service_role', $$select to_jsonb(true) from (select public.analytics_attribute('98000000-0000-4000-8000-0000000000b1', '203.0.113.1', 'Mozilla/5.0 test')) x$$),
  'true'::jsonb, 'the checkout function ties the purchase to its visitor');
select is(pg_temp.ingest(jsonb_build_array(pg_temp.ev('300', 'checkout_started', '{"offer": "98000000-0000-4000-8000-0000000000f1", "path": "/checkout/x"}'))) -> 'accepted',
  '1', 'the visitor''s checkout page reports the start');
select is((select count(*)::int from analytics.events where name = 'purchase'), 0, 'a pending purchase is no fact yet');
update public.purchases set status = 'paid', paid_at = now() where id in ('98000000-0000-4000-8000-0000000000b1', '98000000-0000-4000-8000-0000000000b2');
update public.purchases set status = 'paid' where id = '98000000-0000-4000-8000-0000000000b1';
select is((select jsonb_agg(jsonb_build_array(name, amount_minor, coach_id = tests.get_supabase_uid('coach')) order by name, subject_id)
             from analytics.events where source = 'database'),
  '[["checkout_completed", null, true], ["purchase", 250000, true], ["purchase", 250000, true]]'::jsonb,
  'payment writes each purchase once with its amount, and the stripe one''s checkout_completed');

insert into public.training_sessions (id, org_id, coach_id, member_id, kind, origin, local_date, time_zone, starts_at, ends_at) values
  ('98000000-0000-4000-8000-0000000000e1', '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'),
   tests.get_supabase_uid('athlete'), 'one_to_one', 'one_time_booking', (now() at time zone 'Europe/Moscow')::date + 3,
   'Europe/Moscow', now() + interval '3 days', now() + interval '3 days 1 hour');
insert into public.bookings (id, org_id, session_id, coach_id, member_id, status) values
  ('98000000-0000-4000-8000-0000000000d1', '10000000-0000-4000-8000-00000000000a', '98000000-0000-4000-8000-0000000000e1',
   tests.get_supabase_uid('coach'), tests.get_supabase_uid('athlete'), 'confirmed');
update public.bookings set status = 'cancelled_by_member', cancelled_at = now() where id = '98000000-0000-4000-8000-0000000000d1';
update public.bookings set status = 'cancelled_by_member' where id = '98000000-0000-4000-8000-0000000000d1';
select is((select jsonb_agg(name order by name) from analytics.events where subject_id = '98000000-0000-4000-8000-0000000000d1'),
  '["booking_cancelled", "booking_created"]'::jsonb, 'a booking is a fact when made and when cancelled, once each');

-- a coach's day ---------------------------------------------------------------------------------------------
select ok(pg_temp.call_as('service_role', $$select to_jsonb(analytics.refresh_coach_days())$$)::int >= 1,
  'the refresh writes the marked days');
select is((select jsonb_build_object('views', page_views, 'offers', offer_views, 'slots', slot_selections,
                  'checkouts', checkouts_started, 'completed', checkouts_completed, 'purchases', purchases,
                  'bookings', bookings_created, 'cancelled', bookings_cancelled, 'revenue', revenue)
             from public.coach_analytics_days
            where coach_id = tests.get_supabase_uid('coach') and day = (now() at time zone 'Europe/Moscow')::date),
  '{"views": 3, "offers": 1, "slots": 31, "checkouts": 1, "completed": 1, "purchases": 2, "bookings": 1,
    "cancelled": 1, "revenue": {"RUB": 500000}}'::jsonb,
  'the day counts beacons and database facts');
select is((select funnels -> 'buy' from public.coach_analytics_days
            where coach_id = tests.get_supabase_uid('coach') and day = (now() at time zone 'Europe/Moscow')::date),
  '[2, 2, 2]'::jsonb,
  'the buy funnel: the visitor went view → checkout → purchase, and the blocked buyer counts at every step');
select is((select (funnels -> 'buy' ->> 2)::int from public.coach_analytics_days
            where coach_id = tests.get_supabase_uid('coach') and day = (now() at time zone 'Europe/Moscow')::date),
  (select count(*)::int from public.purchases where product_id = '98000000-0000-4000-8000-0000000000f1' and status = 'paid'),
  'the purchase step equals the paid purchases exactly');
select is((select sources from public.coach_analytics_days
            where coach_id = tests.get_supabase_uid('coach') and day = (now() at time zone 'Europe/Moscow')::date) -> 0 ->> 'domain',
  '', 'visitors who came with no referrer are direct');
select is(pg_temp.call_as('service_role', $$select to_jsonb(analytics.refresh_coach_days())$$), '0'::jsonb,
  'a refresh with nothing new does nothing');

-- who reads the figures ---------------------------------------------------------------------------------------
select is(pg_temp.call_as('coach', $$select to_jsonb(count(*)) from public.coach_analytics_days$$), '1'::jsonb,
  'a coach reads their own day');
select is(pg_temp.call_as('coach2', $$select to_jsonb(count(*)) from public.coach_analytics_days$$), '0'::jsonb,
  'another coach of the club reads none of it');
select is(pg_temp.call_as('admin', $$select to_jsonb(count(*)) from public.coach_analytics_days$$), '0'::jsonb,
  'nor does the club''s admin (they get the club''s aggregates)');
select is(pg_temp.call_as('anon', $$select to_jsonb(count(*)) from public.coach_analytics_days$$) ->> 'sqlstate', '42501',
  'anon reads no figures');
select is(pg_temp.call_as('coach', $$select to_jsonb(count(*)) from public.analytics_funnels$$), '3'::jsonb,
  'signed-in people read the funnels');
select throws_ok($$insert into public.analytics_funnels (key, steps, window_minutes) values ('one', array['page_view'], 60)$$,
  '23514', null, 'a funnel has at least two steps');
select throws_ok($$insert into public.analytics_funnels (key, steps, window_minutes) values ('odd', array['page_view', 'signup'], 60)$$,
  '23514', null, 'and only known events');

-- housekeeping ------------------------------------------------------------------------------------------------
select analytics.ensure_partitions('2025-01-01', '2025-01-31');
insert into analytics.events (event_id, org_id, coach_id, name, source, occurred_at, visitor, path)
values (gen_random_uuid(), '10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach'), 'page_view', 'beacon',
        '2025-01-15 12:00+00', 1, '/trainer');
insert into analytics.salts (day, salt) values ((now() at time zone 'UTC')::date - 3, extensions.gen_random_bytes(32));
select analytics.housekeeping();
select is(to_regclass('analytics.events_2025_01'), null, 'a month of raw events past 90 days is dropped whole');
select isnt(to_regclass('analytics.events_' || to_char(now() + interval '1 month', 'YYYY_MM')), null,
  'next month''s partition is ready before it starts');
select is((select count(*)::int from analytics.salts where day < (now() at time zone 'UTC')::date - 1), 0,
  'salts older than yesterday are forgotten');
select ok(exists (select from public.coach_analytics_days where coach_id = tests.get_supabase_uid('coach')),
  'the daily figures outlive the raw events');

select * from finish();
rollback;
