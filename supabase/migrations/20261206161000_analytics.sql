-- analytics (issue 15; reference/storefront.md §3, §4.3): what only a visitor's
-- browser knows arrives as beacons through the analytics-ingest function; what the
-- database knows (purchases, bookings, enrolments, lessons) it writes itself, in the
-- transaction that makes it true, so the bottom of every funnel is exact whatever an
-- ad blocker drops. a coach's dashboard reads one synced row per day, never the raw
-- events.
--
-- schema    analytics (service role only): events (partitioned by month), event_ids
--           (exactly once), salts (one a day, forgotten after two), attributions
--           (which visitor made a purchase or booking), changed_days (what to refresh)
-- tables    public.analytics_funnels (funnels as data), public.coach_analytics_days
--           (a coach's figures per day, synced to the coach)
-- rpc       public.analytics_ingest, public.analytics_attribute (service role)
-- jobs      analytics-refresh (every minute), analytics-housekeeping (daily)
--
-- what is kept: an event's name, time, page path, offer, referrer domain, utm tags and,
-- for purchases, the amount. never an ip address, a user agent or a cookie: a visitor
-- is hmac(salt of the day, ip | user agent), and the salt is deleted after two days,
-- after which nobody (us included) can tell whether two days' visitors were the same
-- person. raw events are kept at least 90 days (whole months are dropped); the daily
-- figures stay.

create schema analytics;
comment on schema analytics is 'raw page events and what refreshes the coaches'' daily figures; service role only';
revoke all on schema analytics from public, anon, authenticated;
grant usage on schema analytics to service_role;

/**
  * -------------------------------------------------------
  * section - event names
  * -------------------------------------------------------
  */
-- what only the browser knows (the ingest takes these and nothing else)
create function analytics.browser_event_names()
returns text[]
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select array['page_view', 'offer_view', 'slot_selected', 'checkout_started']
$$;

-- what the database writes itself
create function analytics.database_event_names()
returns text[]
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select array['purchase', 'checkout_completed', 'booking_created', 'booking_cancelled',
                'course_enrolled', 'lesson_completed']
$$;

/**
  * -------------------------------------------------------
  * section - raw events, partitioned by month
  * -------------------------------------------------------
  */
create table analytics.events (
  event_id uuid not null,
  org_id uuid not null,
  -- the coach whose page or offer it concerns; null for a club's own product
  coach_id uuid,
  name text not null,
  source text not null check (source in ('beacon', 'database')),
  occurred_at timestamptz not null,
  received_at timestamptz not null default now(),
  -- hmac of the day's salt, ip and user agent (never the ip or agent themselves)
  visitor bigint,
  -- the purchase, booking or enrolment a database event is about
  subject_id uuid,
  path text check (char_length(path) <= 2000),
  offer_id uuid,
  referrer_domain text check (char_length(referrer_domain) <= 253),
  utm_source text check (char_length(utm_source) <= 100),
  utm_medium text check (char_length(utm_medium) <= 100),
  utm_campaign text check (char_length(utm_campaign) <= 100),
  amount_minor bigint check (amount_minor >= 0),
  currency text check (currency ~ '^[A-Z]{3}$'),
  constraint events_name_by_source check (
    (source = 'beacon' and name = any (analytics.browser_event_names()))
    or (source = 'database' and name = any (analytics.database_event_names())))
) partition by range (occurred_at);
comment on table analytics.events is
  'page events and database facts; partitioned by month, kept at least 90 days; nobody reads it through the api';
create index events_coach_time_idx on analytics.events (coach_id, occurred_at);
create index events_visitor_time_idx on analytics.events (visitor, occurred_at) where visitor is not null;
create index events_subject_idx on analytics.events (subject_id) where subject_id is not null;

-- an event whose month has no partition yet is still kept, never refused
create table analytics.events_default partition of analytics.events default;

alter table analytics.events enable row level security;
alter table analytics.events_default enable row level security;
revoke all on analytics.events, analytics.events_default from public, anon, authenticated;
grant select, insert, delete on analytics.events to service_role;

-- the months from p_from to p_to (inclusive) get their partition
create function analytics.ensure_partitions(p_from date, p_to date)
returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_month date := date_trunc('month', p_from)::date;
  v_name text;
  v_made integer := 0;
begin
  while v_month <= p_to loop
    v_name := 'events_' || to_char(v_month, 'YYYY_MM');
    if to_regclass('analytics.' || v_name) is null then
      execute format('create table analytics.%I partition of analytics.events for values from (%L) to (%L)',
        v_name, v_month::timestamp at time zone 'UTC', (v_month + interval '1 month')::timestamp at time zone 'UTC');
      execute format('alter table analytics.%I enable row level security', v_name);
      execute format('revoke all on analytics.%I from public, anon, authenticated', v_name);
      v_made := v_made + 1;
    end if;
    v_month := (v_month + interval '1 month')::date;
  end loop;
  return v_made;
end
$$;
revoke all on function analytics.ensure_partitions(date, date) from public, anon, authenticated;
grant execute on function analytics.ensure_partitions(date, date) to service_role;

select analytics.ensure_partitions((now() - interval '3 months')::date, (now() + interval '2 months')::date);

-- exactly once: an event id is taken here first, in the same statement as the event
create table analytics.event_ids (
  event_id uuid primary key,
  received_at timestamptz not null default now()
);
comment on table analytics.event_ids is
  'every event id ever taken (kept as long as the raw events): a repeat of one is a duplicate, however it arrives';
create index event_ids_received_at_idx on analytics.event_ids (received_at);
alter table analytics.event_ids enable row level security;
revoke all on analytics.event_ids from public, anon, authenticated;
grant select, insert, delete on analytics.event_ids to service_role;

/**
  * -------------------------------------------------------
  * section - cookieless visitors
  * -------------------------------------------------------
  * plausible's scheme: a salt per utc day, made on first use and deleted two days later
  */
create table analytics.salts (
  day date primary key,
  salt bytea not null check (octet_length(salt) = 32)
);
comment on table analytics.salts is 'one random salt per utc day; deleted after two days, so visitors cannot be followed across days';
alter table analytics.salts enable row level security;
revoke all on analytics.salts from public, anon, authenticated;

create function analytics.salt_for(p_day date)
returns bytea
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_salt bytea;
begin
  select s.salt into v_salt from analytics.salts s where s.day = p_day;
  if v_salt is null then
    insert into analytics.salts (day, salt) values (p_day, extensions.gen_random_bytes(32))
    on conflict (day) do nothing;
    select s.salt into v_salt from analytics.salts s where s.day = p_day;
  end if;
  return v_salt;
end
$$;
revoke all on function analytics.salt_for(date) from public, anon, authenticated;

-- a visitor: the first 8 bytes of hmac-sha256(ip | user agent) under the day's salt
create function analytics.visitor_of(p_salt bytea, p_ip text, p_user_agent text)
returns bigint
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select ('x' || encode(substring(extensions.hmac(
      convert_to(coalesce(p_ip, '') || '|' || left(coalesce(p_user_agent, ''), 1000), 'UTF8'), p_salt, 'sha256')
    from 1 for 8), 'hex'))::bit(64)::bigint
$$;
revoke all on function analytics.visitor_of(bytea, text, text) from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * section - limits
  * -------------------------------------------------------
  * like private.hit_rate_limit, but a batch takes what room is left in the window
  */
create function analytics.take(p_key text, p_wanted integer, p_cap integer, p_period interval,
                               out granted integer, out retry_after integer)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row private.rate_limits;
begin
  insert into private.rate_limits as r (key, window_start, hits)
  values (p_key, now(), 0)
  on conflict (key) do update
    set window_start = case when r.window_start + p_period <= now() then now() else r.window_start end,
        hits = case when r.window_start + p_period <= now() then 0 else r.hits end
  returning * into v_row;
  granted := least(p_wanted, greatest(0, p_cap - v_row.hits));
  if granted > 0 then
    update private.rate_limits set hits = hits + granted where key = p_key;
  end if;
  retry_after := case when granted < p_wanted
    then greatest(1, ceil(extract(epoch from (v_row.window_start + p_period - now())))::integer) end;
end
$$;
revoke all on function analytics.take(text, integer, integer, interval) from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * section - what to refresh
  * -------------------------------------------------------
  * every insert of events marks its coaches' days (in the club's zone); an event in
  * the first hours of a day may finish a funnel begun the day before, so that day too.
  * a log, not a set: a mark is only ever inserted, and the refresh deletes exactly the
  * marks it read, so an insert of events never waits for a refresh and a mark made
  * while a refresh runs is left for the next one
  */
create table analytics.changed_days (
  id bigint generated always as identity primary key,
  org_id uuid not null,
  coach_id uuid not null,
  day date not null
);
comment on table analytics.changed_days is 'coach days whose events changed since the last refresh';
alter table analytics.changed_days enable row level security;
revoke all on analytics.changed_days from public, anon, authenticated;

create function analytics.mark_changed_days()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into analytics.changed_days (org_id, coach_id, day)
  select distinct n.org_id, n.coach_id, d.day
    from new_events n
    join public.organizations o on o.id = n.org_id
   cross join lateral (values
     ((n.occurred_at at time zone o.time_zone)::date),
     (((n.occurred_at - interval '1 day') at time zone o.time_zone)::date)) as d(day)
   where n.coach_id is not null;
  return null;
end
$$;
create trigger mark_changed_days after insert on analytics.events
  referencing new table as new_events
  for each statement execute function analytics.mark_changed_days();

/**
  * -------------------------------------------------------
  * section - funnels as data
  * -------------------------------------------------------
  * a step counts every unit (a visitor, or the purchase or booking itself when no
  * page event is tied to it) that reached it or a later step within the window of
  * its first step: steps are monotone, and a purchase whose beacons an ad blocker
  * dropped still counts at every step above it. a visitor's id lives one day, so
  * a window is at most a day.
  */
create table public.analytics_funnels (
  id uuid primary key default gen_random_uuid(),
  key text not null constraint analytics_funnels_key_key unique
    constraint analytics_funnels_key_shape check (key ~ '^[a-z][a-z0-9_]{1,39}$'),
  steps text[] not null,
  window_minutes integer not null check (window_minutes between 1 and 1440),
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint analytics_funnels_steps_shape check (
    cardinality(steps) between 2 and 8
    and array_position(steps, null) is null
    and steps <@ (analytics.browser_event_names() || analytics.database_event_names()))
);
comment on table public.analytics_funnels is
  'ordered steps and a conversion window per funnel; the dashboards draw every funnel listed here';
create index analytics_funnels_xid_idx on public.analytics_funnels (xid, id);
create trigger stamp_synced_row before insert or update on public.analytics_funnels
  for each row execute function private.stamp_synced_row();

alter table public.analytics_funnels enable row level security;
revoke all on public.analytics_funnels from public, anon, authenticated;
grant select on public.analytics_funnels to authenticated;
grant all on public.analytics_funnels to service_role;

create policy "Signed-in people view the funnels" on public.analytics_funnels
  for select to authenticated using (deleted_at is null);

insert into public.analytics_funnels (id, key, steps, window_minutes, position) values
  ('af000000-0000-4000-8000-000000000001', 'buy',
   array['offer_view', 'checkout_started', 'purchase'], 1440, 1),
  ('af000000-0000-4000-8000-000000000002', 'book',
   array['page_view', 'slot_selected', 'booking_created'], 1440, 2),
  ('af000000-0000-4000-8000-000000000003', 'course',
   array['page_view', 'course_enrolled', 'lesson_completed'], 1440, 3);

/**
  * -------------------------------------------------------
  * section - a coach's figures per day
  * -------------------------------------------------------
  */
create table public.coach_analytics_days (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  coach_id uuid not null references auth.users (id) on delete cascade,
  -- the club's calendar day
  day date not null,
  page_views integer not null default 0,
  -- distinct visitors of that day; a sum over days is "daily visitors", never "unique"
  visitors integer not null default 0,
  offer_views integer not null default 0,
  slot_selections integer not null default 0,
  checkouts_started integer not null default 0,
  checkouts_completed integer not null default 0,
  purchases integer not null default 0,
  bookings_created integer not null default 0,
  bookings_cancelled integer not null default 0,
  enrollments integer not null default 0,
  lessons_completed integer not null default 0,
  -- minor units per currency: {"RUB": 250000}
  revenue jsonb not null default '{}',
  -- [{"id", "kind", "name", "views", "checkouts", "purchases", "bookings"}]
  offers jsonb not null default '[]',
  -- where the day's visitors came from: [{"domain", "visitors", "views"}], "" = direct
  sources jsonb not null default '[]',
  -- [{"source", "medium", "campaign", "visitors", "views"}]
  campaigns jsonb not null default '[]',
  -- {"buy": [units at step 1, 2, 3], …} by the day of each unit's first step
  funnels jsonb not null default '{}',
  refreshed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint coach_analytics_days_coach_day_key unique (coach_id, org_id, day),
  constraint coach_analytics_days_counts check (least(page_views, visitors, offer_views, slot_selections,
    checkouts_started, checkouts_completed, purchases, bookings_created, bookings_cancelled, enrollments,
    lessons_completed) >= 0),
  constraint coach_analytics_days_shapes check (jsonb_typeof(revenue) = 'object'
    and jsonb_typeof(offers) = 'array' and jsonb_typeof(sources) = 'array'
    and jsonb_typeof(campaigns) = 'array' and jsonb_typeof(funnels) = 'object')
);
comment on table public.coach_analytics_days is
  'a coach''s page and sales figures per day, rolled up from analytics.events; the coach reads their own';
create index coach_analytics_days_org_id_idx on public.coach_analytics_days (org_id);
create index coach_analytics_days_xid_idx on public.coach_analytics_days (xid, id);
create trigger stamp_synced_row before insert or update on public.coach_analytics_days
  for each row execute function private.stamp_synced_row();

alter table public.coach_analytics_days enable row level security;
revoke all on public.coach_analytics_days from public, anon, authenticated;
grant select on public.coach_analytics_days to authenticated;
grant all on public.coach_analytics_days to service_role;

create policy "Coaches view their own figures" on public.coach_analytics_days
  for select to authenticated using (coach_id = (select auth.uid()));

-- one coach day from the raw events: reads the day and a window either side, nothing else
create function analytics.coach_day(p_org uuid, p_coach uuid, p_day date)
returns public.coach_analytics_days
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_zone text;
  v_start timestamptz;
  v_end timestamptz;
  v_window interval;
  v_row public.coach_analytics_days;
begin
  select o.time_zone into v_zone from public.organizations o where o.id = p_org;
  v_start := p_day::timestamp at time zone v_zone;
  v_end := (p_day + 1)::timestamp at time zone v_zone;
  select make_interval(mins => coalesce(max(f.window_minutes), 0)) into v_window
    from public.analytics_funnels f where f.deleted_at is null;
  v_row.org_id := p_org;
  v_row.coach_id := p_coach;
  v_row.day := p_day;

  with ev as (
    select e.name, e.occurred_at, e.offer_id, e.referrer_domain, e.utm_source, e.utm_medium,
           e.utm_campaign, e.amount_minor, e.currency, e.subject_id,
           coalesce(e.visitor, a.visitor) as visitor
      from analytics.events e
      left join analytics.attributions a on a.subject_id = e.subject_id
     where e.coach_id = p_coach and e.org_id = p_org
       and e.occurred_at >= v_start and e.occurred_at < v_end
  )
  select count(*) filter (where name = 'page_view'),
         count(distinct visitor) filter (where name = any (analytics.browser_event_names())),
         count(*) filter (where name = 'offer_view'),
         count(*) filter (where name = 'slot_selected'),
         count(*) filter (where name = 'checkout_started'),
         count(*) filter (where name = 'checkout_completed'),
         count(*) filter (where name = 'purchase'),
         count(*) filter (where name = 'booking_created'),
         count(*) filter (where name = 'booking_cancelled'),
         count(*) filter (where name = 'course_enrolled'),
         count(*) filter (where name = 'lesson_completed'),
         coalesce((select jsonb_object_agg(c.currency, c.total) from (
           select x.currency, sum(x.amount_minor) as total from ev x
            where x.name = 'purchase' and x.currency is not null group by x.currency) c), '{}'),
         coalesce((select jsonb_agg(jsonb_build_object('id', o.offer_id, 'kind', o.kind, 'name', o.title,
             'views', o.views, 'checkouts', o.checkouts, 'purchases', o.purchases, 'bookings', o.bookings)
             order by o.purchases desc, o.bookings desc, o.views desc, o.offer_id) from (
           select x.offer_id,
                  case when p.id is not null then 'product' when s.id is not null then 'session_type' else 'course' end as kind,
                  coalesce(p.name, s.name, c.title) as title,
                  count(*) filter (where x.name = 'offer_view') as views,
                  count(*) filter (where x.name = 'checkout_started') as checkouts,
                  count(*) filter (where x.name = 'purchase') as purchases,
                  count(*) filter (where x.name = 'booking_created') as bookings
             from ev x
             left join public.products p on p.id = x.offer_id
             left join public.session_types s on s.id = x.offer_id
             left join public.courses c on c.id = x.offer_id
            where x.offer_id is not null and coalesce(p.id, s.id, c.id) is not null
            group by x.offer_id, p.id, s.id, c.id, p.name, s.name, c.title
            order by count(*) filter (where x.name = 'purchase') desc, count(*) desc
            limit 20) o), '[]')
    into v_row.page_views, v_row.visitors, v_row.offer_views, v_row.slot_selections,
         v_row.checkouts_started, v_row.checkouts_completed, v_row.purchases,
         v_row.bookings_created, v_row.bookings_cancelled, v_row.enrollments,
         v_row.lessons_completed, v_row.revenue, v_row.offers
    from ev;

  -- where visitors came from: the first page view of each visitor that day
  with views as (
    select e.visitor, e.occurred_at, e.referrer_domain, e.utm_source, e.utm_medium, e.utm_campaign
      from analytics.events e
     where e.coach_id = p_coach and e.org_id = p_org and e.name = 'page_view'
       and e.occurred_at >= v_start and e.occurred_at < v_end and e.visitor is not null
  ), entries as (
    select distinct on (v.visitor) v.visitor, coalesce(v.referrer_domain, '') as domain,
           v.utm_source, v.utm_medium, v.utm_campaign
      from views v order by v.visitor, v.occurred_at
  ), per_visitor as (
    select en.*, (select count(*) from views v where v.visitor = en.visitor) as views from entries en
  )
  select coalesce((select jsonb_agg(jsonb_build_object('domain', s.domain, 'visitors', s.visitors, 'views', s.views)
                     order by s.visitors desc, s.domain)
                     from (select domain, count(*) as visitors, sum(views) as views from per_visitor
                            group by domain order by count(*) desc, domain limit 20) s), '[]'),
         coalesce((select jsonb_agg(jsonb_build_object('source', c.utm_source, 'medium', c.utm_medium,
                     'campaign', c.utm_campaign, 'visitors', c.visitors, 'views', c.views)
                     order by c.visitors desc, c.utm_source, c.utm_campaign)
                     from (select utm_source, utm_medium, utm_campaign, count(*) as visitors, sum(views) as views
                             from per_visitor
                            where coalesce(utm_source, utm_medium, utm_campaign) is not null
                            group by utm_source, utm_medium, utm_campaign
                            order by count(*) desc limit 20) c), '[]')
    into v_row.sources, v_row.campaigns;

  -- funnels: units whose first step falls on this day
  with ev as (
    select e.name, e.occurred_at,
           coalesce('v' || coalesce(e.visitor, a.visitor)::text, 's' || e.subject_id::text) as unit
      from analytics.events e
      left join analytics.attributions a on a.subject_id = e.subject_id
     where e.coach_id = p_coach and e.org_id = p_org
       and e.occurred_at >= v_start - v_window and e.occurred_at < v_end + v_window
  ), hits as (
    select f.key, f.window_minutes, s.k, ev.unit, ev.occurred_at
      from public.analytics_funnels f
     cross join lateral unnest(f.steps) with ordinality as s(name, k)
      join ev on ev.name = s.name
     where f.deleted_at is null and ev.unit is not null
  ), units as (
    select h.key, h.unit, min(h.occurred_at) as entry, min(h.window_minutes) as window_minutes
      from hits h group by h.key, h.unit
  ), reach as (
    select u.key, max(h.k) as reached
      from units u
      join hits h on h.key = u.key and h.unit = u.unit
                 and h.occurred_at <= u.entry + make_interval(mins => u.window_minutes)
     where u.entry >= v_start and u.entry < v_end
     group by u.key, u.unit
  )
  select coalesce(jsonb_object_agg(f.key, (
           select jsonb_agg((select count(*) from reach r where r.key = f.key and r.reached >= k) order by k)
             from generate_series(1, cardinality(f.steps)) as k)), '{}')
    into v_row.funnels
    from public.analytics_funnels f
   where f.deleted_at is null;

  v_row.refreshed_at := now();
  return v_row;
end
$$;
revoke all on function analytics.coach_day(uuid, uuid, date) from public, anon, authenticated;

-- the days marked since the last run, each written and its marks deleted in turn; a day
-- that is still all zero is not stored
create function analytics.refresh_coach_days()
returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_day record;
  v_row public.coach_analytics_days;
  v_done integer := 0;
begin
  for v_day in
    select c.org_id, c.coach_id, c.day, array_agg(c.id) as marks
      from analytics.changed_days c group by c.org_id, c.coach_id, c.day
  loop
    v_row := analytics.coach_day(v_day.org_id, v_day.coach_id, v_day.day);
    delete from analytics.changed_days c where c.id = any (v_day.marks);
    if v_row.page_views + v_row.offer_views + v_row.slot_selections + v_row.checkouts_started
       + v_row.checkouts_completed + v_row.purchases + v_row.bookings_created
       + v_row.bookings_cancelled + v_row.enrollments + v_row.lessons_completed = 0
       and v_row.funnels::text !~ '[1-9]' then
      update public.coach_analytics_days d set deleted_at = now()
       where d.coach_id = v_day.coach_id and d.org_id = v_day.org_id and d.day = v_day.day
         and d.deleted_at is null;
      continue;
    end if;
    insert into public.coach_analytics_days as d (org_id, coach_id, day, page_views, visitors,
      offer_views, slot_selections, checkouts_started, checkouts_completed, purchases,
      bookings_created, bookings_cancelled, enrollments, lessons_completed, revenue, offers,
      sources, campaigns, funnels, refreshed_at)
    values (v_row.org_id, v_row.coach_id, v_row.day, v_row.page_views, v_row.visitors,
      v_row.offer_views, v_row.slot_selections, v_row.checkouts_started, v_row.checkouts_completed,
      v_row.purchases, v_row.bookings_created, v_row.bookings_cancelled, v_row.enrollments,
      v_row.lessons_completed, v_row.revenue, v_row.offers, v_row.sources, v_row.campaigns,
      v_row.funnels, v_row.refreshed_at)
    on conflict (coach_id, org_id, day) do update
      set page_views = excluded.page_views, visitors = excluded.visitors,
          offer_views = excluded.offer_views, slot_selections = excluded.slot_selections,
          checkouts_started = excluded.checkouts_started,
          checkouts_completed = excluded.checkouts_completed, purchases = excluded.purchases,
          bookings_created = excluded.bookings_created,
          bookings_cancelled = excluded.bookings_cancelled, enrollments = excluded.enrollments,
          lessons_completed = excluded.lessons_completed, revenue = excluded.revenue,
          offers = excluded.offers, sources = excluded.sources, campaigns = excluded.campaigns,
          funnels = excluded.funnels, refreshed_at = excluded.refreshed_at, deleted_at = null;
    v_done := v_done + 1;
  end loop;
  return v_done;
end
$$;
revoke all on function analytics.refresh_coach_days() from public, anon, authenticated;
grant execute on function analytics.refresh_coach_days() to service_role;

/**
  * -------------------------------------------------------
  * section - which visitor made a purchase or booking
  * -------------------------------------------------------
  */
create table analytics.attributions (
  subject_id uuid primary key,
  visitor bigint not null,
  coach_id uuid,
  created_at timestamptz not null default now()
);
comment on table analytics.attributions is
  'the visitor (a daily hash) behind a purchase or booking made on a public page; ties database events to page events';
alter table analytics.attributions enable row level security;
revoke all on analytics.attributions from public, anon, authenticated;

create function public.analytics_attribute(p_subject uuid, p_ip text, p_user_agent text)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_visitor bigint := analytics.visitor_of(
    analytics.salt_for((now() at time zone 'UTC')::date), p_ip, p_user_agent);
  v_coach uuid;
begin
  select coalesce(
    (select b.coach_id from public.bookings b where b.id = p_subject),
    (select pr.coach_id from public.purchases pu join public.products pr on pr.id = pu.product_id
      where pu.id = p_subject),
    -- a club's product: the coach whose page the visitor was on last
    (select e.coach_id from analytics.events e
      where e.visitor = v_visitor and e.occurred_at > now() - interval '1 day' and e.coach_id is not null
      order by e.occurred_at desc limit 1))
    into v_coach;
  insert into analytics.attributions (subject_id, visitor, coach_id)
  values (p_subject, v_visitor, v_coach)
  on conflict (subject_id) do nothing;
  -- events already written about it (a booking is made before it is attributed) are recounted
  insert into analytics.changed_days (org_id, coach_id, day)
  select distinct e.org_id, e.coach_id, (e.occurred_at at time zone o.time_zone)::date
    from analytics.events e join public.organizations o on o.id = e.org_id
   where e.subject_id = p_subject and e.coach_id is not null;
end
$$;
revoke all on function public.analytics_attribute(uuid, text, text) from public, anon, authenticated;
grant execute on function public.analytics_attribute(uuid, text, text) to service_role;

/**
  * -------------------------------------------------------
  * section - ingest
  * -------------------------------------------------------
  * the function has parsed and validated each event; this resolves its page, clamps
  * its time, applies the limits and keeps it exactly once. limits: 30 events a minute
  * per ip (keyed by an hmac, no ip stored), 6000 a minute per coach's site, one
  * page_view or offer_view per visitor, page and offer in 10 seconds.
  */
create type analytics.incoming as (
  idx integer,
  event_id uuid,
  name text,
  org_id uuid,
  coach_id uuid,
  occurred_at timestamptz,
  path text,
  offer_id uuid,
  referrer_domain text,
  utm_source text,
  utm_medium text,
  utm_campaign text,
  reason text
);

-- the same event, refused for a reason
create function analytics.refused(p_event analytics.incoming, p_reason text)
returns analytics.incoming
language plpgsql immutable security invoker set search_path = ''
as $$
begin
  p_event.reason := p_reason;
  return p_event;
end
$$;

create function analytics.try_timestamptz(p_text text)
returns timestamptz
language plpgsql immutable security invoker set search_path = ''
as $$
begin
  if p_text is null or p_text !~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$' then
    return null;
  end if;
  return p_text::timestamptz;
exception when others then
  return null;
end
$$;

create function analytics.try_uuid(p_text text)
returns uuid
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select case when p_text ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
              then p_text::uuid end
$$;

-- the host of a referrer url, without a leading www.
create function analytics.referrer_domain(p_url text)
returns text
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select nullif(regexp_replace(lower(substring(p_url from '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/@]*@)?([^/:?#]+)')),
    '^www\.', ''), '')
$$;

create function public.analytics_ingest(p_events jsonb, p_ip text, p_user_agent text)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_now timestamptz := now();
  v_salt bytea;
  v_visitor bigint;
  v_rows analytics.incoming[];
  v_ok analytics.incoming[];
  v_take record;
  v_coach uuid;
  v_wait integer;
  v_accepted integer := 0;
  v_valid integer;
begin
  if jsonb_typeof(p_events) is distinct from 'array' then
    raise exception 'events must be an array' using errcode = '22023', hint = 'invalid_batch';
  end if;
  if jsonb_array_length(p_events) > 50 then
    raise exception 'at most 50 events a batch' using errcode = '22023', hint = 'batch_too_large';
  end if;
  v_salt := analytics.salt_for((v_now at time zone 'UTC')::date);
  v_visitor := analytics.visitor_of(v_salt, p_ip, p_user_agent);

  -- each event: its page's coach and club, its time, or why it is refused
  select array_agg(row(r.idx, r.event_id, r.name, pg.org_id, pg.coach_id,
           case when r.at > v_now then v_now else r.at end,
           r.path, r.offer_id, r.referrer_domain, r.utm_source, r.utm_medium, r.utm_campaign,
           case when r.event_id is null then 'invalid_id'
                when r.name is null or not (r.name = any (analytics.browser_event_names())) then 'invalid_name'
                when r.at is null then 'invalid_time'
                when pg.coach_id is null then 'unknown_page'
                when r.at < v_now - interval '7 days' then 'too_old'
                when r.at > v_now + interval '5 minutes' then 'in_future'
                when r.offer_raw is not null and not exists (
                  select from public.products p where p.id = r.offer_id and p.org_id = pg.org_id
                  union all select from public.session_types s where s.id = r.offer_id and s.org_id = pg.org_id
                  union all select from public.courses c where c.id = r.offer_id and c.org_id = pg.org_id)
                  then 'unknown_offer'
           end)::analytics.incoming order by r.idx)
    into v_rows
    from (
      select (e.ordinality - 1)::integer as idx,
             analytics.try_uuid(e.value ->> 'id') as event_id,
             e.value ->> 'name' as name,
             coalesce(analytics.try_timestamptz(e.value ->> 'at'), case when e.value -> 'at' is null then v_now end) as at,
             left(e.value ->> 'path', 2000) as path,
             nullif(e.value ->> 'offer', '') as offer_raw,
             analytics.try_uuid(e.value ->> 'offer') as offer_id,
             nullif(lower(btrim(e.value ->> 'page')), '') as page,
             analytics.try_uuid(e.value ->> 'coach') as coach,
             analytics.referrer_domain(e.value ->> 'referrer') as referrer_domain,
             nullif(left(btrim(e.value #>> '{utm,source}'), 100), '') as utm_source,
             nullif(left(btrim(e.value #>> '{utm,medium}'), 100), '') as utm_medium,
             nullif(left(btrim(e.value #>> '{utm,campaign}'), 100), '') as utm_campaign
        from jsonb_array_elements(p_events) with ordinality as e
    ) r
    left join lateral (
      select cp.org_id, cp.coach_id from public.coach_pages cp
       where cp.published
         and (cp.slug = r.page
              or cp.id = (select h.page_id from public.coach_slug_history h where h.slug = r.page limit 1)
              or (r.page is null and cp.coach_id = r.coach))
       order by (cp.slug = r.page) desc nulls last, cp.created_at
       limit 1
    ) pg on true;

  select count(*) into v_valid from unnest(v_rows) u where u.reason is null;

  -- per ip, then per coach's site: what does not fit is refused, and if nothing fits the
  -- caller waits
  if v_valid > 0 then
    select * into v_take from analytics.take(
      'analytics:ip:' || encode(extensions.hmac(convert_to(coalesce(p_ip, ''), 'UTF8'), v_salt, 'sha256'), 'hex'),
      v_valid, 30, interval '1 minute');
    v_wait := v_take.retry_after;
    select array_agg(case when (w.ev).reason is null and w.n > v_take.granted
                          then analytics.refused(w.ev, 'rate_limited') else w.ev end order by (w.ev).idx)
      into v_rows
      from (select u::analytics.incoming as ev, count(*) filter (where u.reason is null) over (order by u.idx) as n
              from unnest(v_rows) u) w;
    for v_coach in select distinct u.coach_id from unnest(v_rows) u where u.reason is null loop
      select * into v_take from analytics.take('analytics:site:' || v_coach,
        (select count(*)::integer from unnest(v_rows) u where u.reason is null and u.coach_id = v_coach),
        6000, interval '1 minute');
      v_wait := greatest(v_wait, v_take.retry_after);
      select array_agg(case when (w.ev).reason is null and (w.ev).coach_id = v_coach and w.n > v_take.granted
                            then analytics.refused(w.ev, 'rate_limited') else w.ev end order by (w.ev).idx)
        into v_rows
        from (select u::analytics.incoming as ev,
                     count(*) filter (where u.reason is null and u.coach_id = v_coach) over (order by u.idx) as n
                from unnest(v_rows) u) w;
    end loop;
    if not exists (select from unnest(v_rows) u where u.reason is null) then
      return jsonb_build_object('accepted', 0, 'duplicates', 0, 'refused', '[]'::jsonb,
        'retryAfter', coalesce(v_wait, 60));
    end if;
  end if;

  -- a view repeated within 10 seconds (in the batch or already stored) is not counted again
  select array_agg(case when u.reason is null and u.name in ('page_view', 'offer_view') and (
                          exists (select from unnest(v_rows) w
                                   where w.reason is null and w.idx < u.idx and w.name = u.name
                                     and w.coach_id = u.coach_id and w.path is not distinct from u.path
                                     and w.offer_id is not distinct from u.offer_id
                                     and w.event_id <> u.event_id
                                     and abs(extract(epoch from (w.occurred_at - u.occurred_at))) < 10)
                          or exists (select from analytics.events e
                                      where e.visitor = v_visitor and e.occurred_at > u.occurred_at - interval '10 seconds'
                                        and e.occurred_at < u.occurred_at + interval '10 seconds'
                                        and e.name = u.name and e.coach_id = u.coach_id
                                        and e.path is not distinct from u.path
                                        and e.offer_id is not distinct from u.offer_id
                                        and e.event_id <> u.event_id))
                        then analytics.refused(u::analytics.incoming, 'rate_limited')
                        else u::analytics.incoming end order by u.idx)
    into v_rows
    from unnest(v_rows) u;

  -- exactly once: an id is kept the first time, whatever batch or connection repeats it
  select array_agg(u::analytics.incoming order by u.idx) into v_ok
    from (select distinct on (u.event_id) u.* from unnest(v_rows) u where u.reason is null
           order by u.event_id, u.idx) u;
  with taken as (
    insert into analytics.event_ids (event_id)
    select u.event_id from unnest(v_ok) u
    on conflict (event_id) do nothing
    returning event_id
  )
  insert into analytics.events (event_id, org_id, coach_id, name, source, occurred_at, received_at,
    visitor, path, offer_id, referrer_domain, utm_source, utm_medium, utm_campaign)
  select u.event_id, u.org_id, u.coach_id, u.name, 'beacon', u.occurred_at, v_now, v_visitor, u.path,
         u.offer_id, u.referrer_domain, u.utm_source, u.utm_medium, u.utm_campaign
    from unnest(v_ok) u join taken t on t.event_id = u.event_id;
  get diagnostics v_accepted = row_count;

  return jsonb_build_object(
    'accepted', v_accepted,
    'duplicates', (select count(*) from unnest(v_rows) u where u.reason is null) - v_accepted,
    'refused', coalesce((select jsonb_agg(jsonb_build_object('index', u.idx, 'reason', u.reason) order by u.idx)
                           from unnest(v_rows) u where u.reason is not null), '[]'::jsonb),
    'retryAfter', null);
end
$$;
revoke all on function public.analytics_ingest(jsonb, text, text) from public, anon, authenticated;
grant execute on function public.analytics_ingest(jsonb, text, text) to service_role;

/**
  * -------------------------------------------------------
  * section - what the database writes itself
  * -------------------------------------------------------
  * each fact once: its event id is derived from what it is about, so a retried
  * webhook or a status set twice writes nothing more
  */
create function analytics.fact_id(p_name text, p_subject uuid)
returns uuid
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select md5('trackside-analytics:' || p_name || ':' || p_subject::text)::uuid
$$;

create function analytics.record_fact(p_name text, p_subject uuid, p_org uuid, p_coach uuid,
                                      p_offer uuid, p_amount bigint default null, p_currency text default null,
                                      p_unit uuid default null)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_id uuid := analytics.fact_id(p_name, p_subject);
begin
  insert into analytics.event_ids (event_id) values (v_id) on conflict (event_id) do nothing;
  if not found then
    return;
  end if;
  insert into analytics.events (event_id, org_id, coach_id, name, source, occurred_at, subject_id,
    offer_id, amount_minor, currency)
  values (v_id, p_org, p_coach, p_name, 'database', now(), coalesce(p_unit, p_subject), p_offer,
    p_amount, p_currency);
end
$$;
revoke all on function analytics.record_fact(text, uuid, uuid, uuid, uuid, bigint, text, uuid)
  from public, anon, authenticated;

-- a purchase is a fact when it is paid (checkout_completed when stripe's checkout paid it)
create function analytics.purchase_facts()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_coach uuid;
begin
  if new.status <> 'paid' or (tg_op = 'UPDATE' and old.status = 'paid') then
    return null;
  end if;
  select coalesce(p.coach_id, (select a.coach_id from analytics.attributions a where a.subject_id = new.id))
    into v_coach
    from public.products p where p.id = new.product_id;
  perform analytics.record_fact('purchase', new.id, new.org_id, v_coach, new.product_id,
    new.amount_minor, new.currency);
  if new.stripe_checkout_session_id is not null then
    perform analytics.record_fact('checkout_completed', new.id, new.org_id, v_coach, new.product_id);
  end if;
  return null;
end
$$;
create trigger analytics_purchase_facts after insert or update of status on public.purchases
  for each row execute function analytics.purchase_facts();

-- a booking is a fact once confirmed, and again when cancelled
create function analytics.booking_facts()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.status = 'confirmed' and (tg_op = 'INSERT' or old.status is distinct from 'confirmed') then
    perform analytics.record_fact('booking_created', new.id, new.org_id, new.coach_id, new.session_type_id);
  elsif new.status in ('cancelled_by_member', 'cancelled_by_coach') and tg_op = 'UPDATE'
        and old.status in ('confirmed', 'no_show') then
    perform analytics.record_fact('booking_cancelled', new.id, new.org_id, new.coach_id, new.session_type_id);
  end if;
  return null;
end
$$;
create trigger analytics_booking_facts after insert or update of status on public.bookings
  for each row execute function analytics.booking_facts();

-- an enrolment, and each lesson completed in it (the enrolment is the funnel's unit)
create function analytics.course_facts()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_course public.courses;
begin
  if tg_table_name = 'course_enrollments' then
    select * into v_course from public.courses c where c.id = new.course_id;
    perform analytics.record_fact('course_enrolled', new.id, new.org_id, v_course.coach_id, new.course_id,
      null, null, coalesce(new.purchase_id, new.id));
  elsif new.completed_at is not null and (tg_op = 'INSERT' or old.completed_at is null) then
    select c.* into v_course from public.courses c
      join public.course_enrollments ce on ce.course_id = c.id
     where ce.id = new.enrollment_id;
    perform analytics.record_fact('lesson_completed', new.id, new.org_id, v_course.coach_id, v_course.id,
      null, null, (select coalesce(ce.purchase_id, ce.id) from public.course_enrollments ce
                    where ce.id = new.enrollment_id));
  end if;
  return null;
end
$$;
create trigger analytics_course_facts after insert on public.course_enrollments
  for each row execute function analytics.course_facts();
create trigger analytics_course_facts after insert or update of completed_at on public.lesson_progress
  for each row execute function analytics.course_facts();

/**
  * -------------------------------------------------------
  * section - housekeeping
  * -------------------------------------------------------
  * partitions two months ahead; raw events dropped a whole month at a time once the
  * month is more than 90 days past; salts deleted after two days
  */
create function analytics.housekeeping()
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_part record;
  v_cutoff timestamptz := now() - interval '90 days';
begin
  perform analytics.ensure_partitions(now()::date, (now() + interval '2 months')::date);
  for v_part in
    select c.relname from pg_catalog.pg_inherits i
      join pg_catalog.pg_class c on c.oid = i.inhrelid
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
     where i.inhparent = 'analytics.events'::regclass and n.nspname = 'analytics'
       and c.relname ~ '^events_\d{4}_\d{2}$'
       and (to_date(substring(c.relname from 8), 'YYYY_MM') + interval '1 month') < v_cutoff
  loop
    execute format('drop table analytics.%I', v_part.relname);
  end loop;
  delete from analytics.events_default where occurred_at < v_cutoff;
  delete from analytics.event_ids where received_at < v_cutoff - interval '31 days';
  delete from analytics.salts where day < (now() at time zone 'UTC')::date - 1;
  delete from analytics.attributions where created_at < v_cutoff - interval '31 days';
end
$$;
revoke all on function analytics.housekeeping() from public, anon, authenticated;
grant execute on function analytics.housekeeping() to service_role;

insert into private.scheduled_jobs (name, schedule, command, description) values
  ('analytics-refresh', '* * * * *', 'select analytics.refresh_coach_days()',
   'every minute: coaches'' daily figures for the days that got events'),
  ('analytics-housekeeping', '23 2 * * *', 'select analytics.housekeeping()',
   'daily: next months'' event partitions, raw events past 90 days and old salts dropped');
select private.schedule_jobs();

/**
  * -------------------------------------------------------
  * section - sync
  * -------------------------------------------------------
  */
insert into sync.tables (table_name, pull_order) values
  ('analytics_funnels', 7100),
  ('coach_analytics_days', 7110);

select sync.watch_access();
