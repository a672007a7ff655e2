-- guest booking: a visitor books a coach's free session type from the public
-- page without an account, and manages it through the link they are given
-- (issue 14, storefront.md §4.1 items 4–8).
--
--   public_slots            anon: the open start times of one session type of a
--                           published page, from the same rules book_slot obeys
--   guest_book              service role only (the public-booking Edge Function
--                           calls it after its honeypot and rate limits): books
--                           through the path book_slot takes — the coach's lock,
--                           the same checks, the session's claim in the
--                           commitments ledger — so there is no second way to
--                           double-book. a paid type is refused (hint
--                           payment_required) until the paid path takes it.
--   guest_booking_view      anon, with (booking, token): what the manage page
--   guest_booking_cancel    shows, and its two actions. a wrong token and an
--   guest_booking_reschedule unknown booking get the same answer (P0002,
--                           hint link_invalid), so the rpcs are no oracle.
--
-- who sees what: nothing new is stored; guests' contacts stay in
-- private.booking_guests (storefront core), read here only to match a retry.

-- open start times ---------------------------------------------------------------------------
-- the starts in [p_from, p_to) of a `p_duration`-minute session with the coach, as
-- src/domain/slots.ts cuts them: every slot interval (the coach's, else the
-- duration) from the start of each open segment, the session inside open time and
-- clear of blocked time, its buffered range clear of every commitment's, no
-- earlier than the minimum notice and no later than the horizon
create function private.open_starts(
  p_org uuid, p_coach uuid, p_settings public.coach_settings, p_duration int,
  p_from timestamptz, p_to timestamptz
)
returns setof timestamptz
language sql stable security definer set search_path = ''
as $$
  with bounds as (
    select greatest(p_from, now() + pg_catalog.make_interval(mins => p_settings.minimum_notice_minutes)) as lo,
           least(p_to, now() + pg_catalog.make_interval(days => p_settings.booking_horizon_days)
             + interval '1 microsecond') as hi,
           pg_catalog.make_interval(mins => p_duration) as len,
           pg_catalog.make_interval(mins => coalesce(p_settings.slot_interval_minutes, p_duration)) as step
  ), open as (
    select private.open_time(p_org, p_coach, p_settings.time_zone, b.lo, b.hi + b.len, true) as m
      from bounds b
  ), taken as (
    -- blocked time as it is; a commitment widened so the candidate's own buffers clear it
    select coalesce(pg_catalog.range_agg(r), '{}'::tstzmultirange) as m
      from (
        select pg_catalog.tstzrange(s.starts_at, s.ends_at, '[)') as r
          from public.blocked_slots s, bounds b
         where s.org_id = p_org and s.coach_id = p_coach and s.deleted_at is null
           and s.starts_at < b.hi + b.len and s.ends_at > b.lo
        union all
        select pg_catalog.tstzrange(
                 pg_catalog.lower(c.reserved) - pg_catalog.make_interval(mins => p_settings.buffer_after_minutes),
                 pg_catalog.upper(c.reserved) + pg_catalog.make_interval(mins => p_settings.buffer_before_minutes), '[)')
          from private.commitments c, bounds b
         where c.coach_id = p_coach
           and c.reserved && pg_catalog.tstzrange(b.lo - interval '1 day', b.hi + b.len + interval '1 day', '[)')
      ) t
  )
  select s
    from bounds b, open o, taken t,
         pg_catalog.unnest(o.m) seg,
         pg_catalog.generate_series(pg_catalog.lower(seg), pg_catalog.upper(seg) - b.len, b.step) s
   where s >= b.lo and s < b.hi
     and not (t.m && pg_catalog.tstzrange(s, s + b.len, '[)'))
   order by s
$$;

-- the bookable session type `p_type` of a published page (optionally the page at `p_slug`)
create function private.offered_type(p_type uuid, p_slug text default null)
returns public.session_types
language plpgsql stable security definer set search_path = ''
as $$
declare
  v public.session_types;
begin
  select st.* into v
    from public.session_types st
    join public.coach_pages p on p.org_id = st.org_id and p.coach_id = st.coach_id and p.published
   where st.id = p_type and st.active
     and (p_slug is null or p.slug = pg_catalog.lower(p_slug));
  if not found then
    raise exception 'no such session type on this page' using errcode = 'P0002', hint = 'not_found';
  end if;
  return v;
end
$$;

create function public.public_slots(p_slug text, p_session_type uuid, p_from timestamptz, p_to timestamptz)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_type public.session_types;
  v_settings public.coach_settings;
begin
  if p_from is null or p_to is null or p_to <= p_from or p_to - p_from > interval '31 days' then
    raise exception 'the range must be non-empty and at most 31 days' using errcode = '22023', hint = 'invalid';
  end if;
  v_type := private.offered_type(p_session_type, p_slug);
  select * into v_settings from public.coach_settings s
   where s.org_id = v_type.org_id and s.coach_id = v_type.coach_id and s.deleted_at is null;
  return jsonb_build_object(
    'time_zone', coalesce(v_settings.time_zone, 'UTC'),
    'duration_minutes', v_type.duration_minutes,
    'slots', coalesce((
      select jsonb_agg(s order by s)
        from private.open_starts(v_type.org_id, v_type.coach_id, v_settings, v_type.duration_minutes,
          p_from, p_to) s
       where v_settings.id is not null), '[]'::jsonb));
end
$$;
comment on function public.public_slots(text, uuid, timestamptz, timestamptz) is
  'open start times (at most 31 days) of a session type on a published coach page; for anyone';

-- booking as a guest ------------------------------------------------------------------------------
-- the checks book_slot makes of a new time, for the coach's settings
create function private.check_bookable(p_org uuid, p_coach uuid, p_settings public.coach_settings,
  p_starts timestamptz, p_ends timestamptz)
returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if p_starts < now() + pg_catalog.make_interval(mins => p_settings.minimum_notice_minutes) then
    raise exception 'too late to book this time' using hint = 'too_soon';
  end if;
  if p_starts > now() + pg_catalog.make_interval(days => p_settings.booking_horizon_days) then
    raise exception 'this time is too far ahead to book' using hint = 'beyond_horizon';
  end if;
  if not private.fits_availability(p_org, p_coach, p_settings.time_zone, p_starts, p_ends) then
    raise exception 'the coach is not available at this time' using hint = 'outside_availability';
  end if;
  if private.is_blocked(p_org, p_coach, p_starts, p_ends) then
    raise exception 'the coach has blocked this time' using hint = 'blocked';
  end if;
end
$$;

-- the one-to-one session of a booking of `p_type` at `p_starts`: its claim in the
-- commitments ledger is what decides a race; a loser reads 23P01 slot_taken with
-- the clashing date, as from book_slot. shared by guest_book and hold_paid_booking.
create function private.place_one_to_one_session(p_type public.session_types,
  p_settings public.coach_settings, p_member uuid, p_starts timestamptz, p_ends timestamptz)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_session uuid;
  v_detail text;
begin
  insert into public.training_sessions (
    org_id, coach_id, member_id, kind, origin, local_date, time_zone, starts_at, ends_at,
    buffer_before_minutes, buffer_after_minutes, room, title, booked_count)
  values (
    p_type.org_id, p_type.coach_id, p_member, 'one_to_one', 'one_time_booking',
    (p_starts at time zone p_settings.time_zone)::date, p_settings.time_zone, p_starts, p_ends,
    p_settings.buffer_before_minutes, p_settings.buffer_after_minutes, p_settings.default_room,
    p_type.name, 1)
  returning id into v_session;
  return v_session;
exception when exclusion_violation or deadlock_detected then
  get stacked diagnostics v_detail = pg_exception_detail;
  perform private.raise_taken('this time is no longer available', 'slot_taken',
    case when v_detail like '[%' then v_detail::jsonb
         else pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
           'date', (p_starts at time zone p_settings.time_zone)::date,
           'starts_at', p_starts, 'problem', 'taken')) end);
  return null;
end
$$;

create function public.guest_book(
  p_session_type uuid,
  p_starts_at timestamptz,
  p_name text,
  p_email text,
  p_phone text default null,
  p_time_zone text default 'UTC',
  p_locale text default 'ru'
)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_type public.session_types;
  v_settings public.coach_settings;
  v_name text := pg_catalog.btrim(p_name);
  v_email text := pg_catalog.lower(pg_catalog.btrim(p_email));
  v_phone text := nullif(pg_catalog.btrim(p_phone), '');
  -- the zone's own spelling; browsers accept any case, as zod does
  v_zone text := (select z.name from pg_catalog.pg_timezone_names z
                   where pg_catalog.lower(z.name) = pg_catalog.lower(p_time_zone) limit 1);
  v_ends timestamptz;
  v_session uuid;
  v_booking uuid := gen_random_uuid();
  v_existing public.bookings;
begin
  -- what the function's zod schema also checks
  if p_starts_at is null or v_name is null or char_length(v_name) not between 1 and 120
     or v_email is null or char_length(v_email) > 254 or v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'
     or char_length(v_phone) > 40 or p_locale is null or p_locale not in ('ru', 'en')
     or v_zone is null then
    raise exception 'name, email, time zone or language is invalid' using errcode = '22023', hint = 'invalid';
  end if;
  v_type := private.offered_type(p_session_type);
  -- the paid path (hold + checkout, pending_payment) takes these
  if v_type.price_minor > 0 then
    raise exception 'this session type is paid' using errcode = '22023', hint = 'payment_required';
  end if;
  v_settings := private.sched_settings(v_type.org_id, v_type.coach_id);
  v_ends := p_starts_at + pg_catalog.make_interval(mins => v_type.duration_minutes);

  -- one booking at a time per coach, as book_slot: a loser's checks see the winner
  perform private.lock_coach(v_type.coach_id);

  -- the same person retrying the same slot gets their booking back, with a new link
  select b.* into v_existing
    from public.bookings b
    join private.booking_guests g on g.booking_id = b.id
    join public.training_sessions t on t.id = b.session_id
   where b.coach_id = v_type.coach_id and b.session_type_id = v_type.id
     and b.status in ('confirmed', 'pending_payment') and b.deleted_at is null
     and t.starts_at = p_starts_at and pg_catalog.lower(g.email) = v_email
   limit 1;
  if found then
    return (select jsonb_build_object('booking_id', v_existing.id, 'token', private.mint_booking_link(v_existing.id),
      'status', v_existing.status, 'starts_at', t.starts_at, 'ends_at', t.ends_at, 'replayed', true)
      from public.training_sessions t where t.id = v_existing.session_id);
  end if;

  perform private.check_bookable(v_type.org_id, v_type.coach_id, v_settings, p_starts_at, v_ends);
  v_session := private.place_one_to_one_session(v_type, v_settings, null, p_starts_at, v_ends);
  insert into public.bookings (id, org_id, session_id, coach_id, member_id, guest_name, session_type_id, status)
  values (v_booking, v_type.org_id, v_session, v_type.coach_id, null, v_name, v_type.id, 'confirmed');
  insert into private.booking_guests (booking_id, email, phone, time_zone, locale)
  values (v_booking, v_email, v_phone, v_zone, p_locale);
  return jsonb_build_object('booking_id', v_booking, 'token', private.mint_booking_link(v_booking),
    'status', 'confirmed', 'starts_at', p_starts_at, 'ends_at', v_ends, 'replayed', false);
end
$$;
comment on function public.guest_book(uuid, timestamptz, text, text, text, text, text) is
  'books a free session type for a guest (service role: the public-booking function); returns the manage link''s token';

-- managing through the link ------------------------------------------------------------------------
-- the booking of a valid link, or the one answer every invalid link gets
create function private.guest_link(p_booking uuid, p_token text)
returns public.bookings
language plpgsql stable security definer set search_path = ''
as $$
declare
  v public.bookings;
begin
  v := private.booking_for_link(p_booking, p_token);
  if v.id is null or v.deleted_at is not null then
    raise exception 'this link is not valid' using errcode = 'P0002', hint = 'link_invalid';
  end if;
  return v;
end
$$;

-- whether the guest may still cancel or move it: confirmed, upcoming, before the window
create function private.guest_may_change(p_booking public.bookings, p_session public.training_sessions)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select p_booking.status = 'confirmed' and p_session.status = 'scheduled' and p_session.deleted_at is null
     and now() <= p_session.starts_at - pg_catalog.make_interval(mins => coalesce((
       select s.cancellation_window_minutes from public.coach_settings s
        where s.org_id = p_session.org_id and s.coach_id = p_session.coach_id), 0))
$$;

create function public.guest_booking_view(p_booking uuid, p_token text)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_booking public.bookings := private.guest_link(p_booking, p_token);
  v_session public.training_sessions;
  v_window int;
begin
  select * into v_session from public.training_sessions t where t.id = v_booking.session_id;
  select s.cancellation_window_minutes into v_window from public.coach_settings s
   where s.org_id = v_booking.org_id and s.coach_id = v_booking.coach_id;
  -- the attendee's own booking only: no email, no other person
  return (
    select jsonb_build_object(
      'booking_id', v_booking.id,
      'status', v_booking.status,
      'guest_name', v_booking.guest_name,
      'starts_at', v_session.starts_at,
      'ends_at', v_session.ends_at,
      'coach_time_zone', v_session.time_zone,
      'time_zone', coalesce(g.time_zone, v_session.time_zone),
      'locale', g.locale,
      'coach_name', coalesce(p.display_name, ''),
      'slug', p.slug,
      'place', coalesce(p.place, v_session.room),
      'session_type_id', v_booking.session_type_id,
      'session_type', coalesce(st.name, v_session.title),
      'duration_minutes', (extract(epoch from v_session.ends_at - v_session.starts_at) / 60)::int,
      'price_minor', coalesce(st.price_minor, 0),
      'currency', coalesce(st.currency, 'RUB'),
      'cancellation_window_minutes', coalesce(v_window, 0),
      'change_until', v_session.starts_at - pg_catalog.make_interval(mins => coalesce(v_window, 0)),
      'can_cancel', private.guest_may_change(v_booking, v_session),
      'can_reschedule', private.guest_may_change(v_booking, v_session) and v_session.kind = 'one_to_one')
    from (select 1) one
    left join private.booking_guests g on g.booking_id = v_booking.id
    left join public.coach_pages p on p.org_id = v_booking.org_id and p.coach_id = v_booking.coach_id
    left join public.session_types st on st.id = v_booking.session_type_id);
end
$$;
comment on function public.guest_booking_view(uuid, text) is
  'what a manage link shows of its own booking; P0002 link_invalid for any wrong link';

create function public.guest_booking_cancel(p_booking uuid, p_token text)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_booking public.bookings := private.guest_link(p_booking, p_token);
  v_session public.training_sessions;
begin
  perform private.lock_coach(v_booking.coach_id);
  select * into v_booking from public.bookings b where b.id = v_booking.id for update;
  select * into v_session from public.training_sessions t where t.id = v_booking.session_id for update;
  if v_booking.status like 'cancelled%' then
    return jsonb_build_object('booking_id', v_booking.id, 'status', v_booking.status, 'replayed', true);
  end if;
  if not private.guest_may_change(v_booking, v_session) then
    if v_booking.status = 'confirmed' and v_session.status = 'scheduled' then
      raise exception 'too late to cancel; ask your coach' using hint = 'cancellation_window_passed';
    end if;
    raise exception 'this booking can no longer be cancelled' using hint = 'invalid';
  end if;
  -- the bookings trigger tells the coach (private.booking_emails)
  update public.bookings set status = 'cancelled_by_member', cancelled_at = now() where id = v_booking.id;
  if v_session.kind = 'group' then
    update public.training_sessions set booked_count = booked_count - 1 where id = v_session.id;
  else
    update public.training_sessions set status = 'cancelled', cancelled_at = now() where id = v_session.id;
  end if;
  return jsonb_build_object('booking_id', v_booking.id, 'status', 'cancelled_by_member', 'replayed', false);
end
$$;
comment on function public.guest_booking_cancel(uuid, text) is
  'cancels the booking of a manage link before the coach''s cancellation window';

create function public.guest_booking_reschedule(p_booking uuid, p_token text, p_starts_at timestamptz)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_booking public.bookings := private.guest_link(p_booking, p_token);
  v_session public.training_sessions;
  v_settings public.coach_settings;
  v_ends timestamptz;
begin
  if p_starts_at is null then
    raise exception 'a new start is required' using errcode = '22023', hint = 'invalid';
  end if;
  -- as reschedule_booking: the coach's lock before any check
  perform private.lock_coach(v_booking.coach_id);
  select * into v_booking from public.bookings b where b.id = v_booking.id for update;
  select * into v_session from public.training_sessions t where t.id = v_booking.session_id for update;
  if v_session.kind <> 'one_to_one' then
    raise exception 'a seat in a group session cannot be moved' using hint = 'invalid';
  end if;
  if not private.guest_may_change(v_booking, v_session) then
    if v_booking.status = 'confirmed' and v_session.status = 'scheduled' then
      raise exception 'too late to move; ask your coach' using hint = 'cancellation_window_passed';
    end if;
    raise exception 'only a confirmed upcoming booking can be moved' using hint = 'invalid';
  end if;
  if p_starts_at = v_session.starts_at then
    return jsonb_build_object('booking_id', v_booking.id, 'starts_at', v_session.starts_at,
      'ends_at', v_session.ends_at, 'replayed', true);
  end if;
  v_ends := p_starts_at + (v_session.ends_at - v_session.starts_at);
  v_settings := private.sched_settings(v_session.org_id, v_session.coach_id);
  perform private.check_bookable(v_session.org_id, v_session.coach_id, v_settings, p_starts_at, v_ends);

  -- the session moves; its claim in the ledger follows (or the ledger refuses)
  begin
    update public.training_sessions
       set starts_at = p_starts_at, ends_at = v_ends,
           local_date = (p_starts_at at time zone v_session.time_zone)::date
     where id = v_session.id;
  exception when exclusion_violation or deadlock_detected then
    perform private.raise_taken('this time is no longer available', 'slot_taken',
      pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
        'date', (p_starts_at at time zone v_session.time_zone)::date,
        'starts_at', p_starts_at, 'problem', 'taken')));
  end;
  update public.session_conflicts
     set status = 'resolved', resolution = 'fits_again', resolved_at = now()
   where session_id = v_session.id and status = 'open' and kind = 'outside_availability';

  -- the guest and the coach hear of it from the session's move (private.session_moved_emails)

  return jsonb_build_object('booking_id', v_booking.id, 'starts_at', p_starts_at, 'ends_at', v_ends,
    'replayed', false);
end
$$;
comment on function public.guest_booking_reschedule(uuid, text, timestamptz) is
  'moves the booking of a manage link to a new start, keeping its id; before the coach''s window';

-- rate limits for the function ----------------------------------------------------------------------
-- every limit of one request in one call ([{key, cap, seconds}]), each counted
-- atomically by private.hit_rate_limit; 0 when all let it through, else the
-- longest wait in seconds (the Retry-After). the public-booking function calls
-- it before anything else is written.
create function public.hit_public_limits(p_limits jsonb)
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_wait int := 0;
  v_limit jsonb;
begin
  if jsonb_typeof(p_limits) <> 'array' or jsonb_array_length(p_limits) not between 1 and 10 then
    raise exception 'between one and ten limits' using errcode = '22023', hint = 'invalid';
  end if;
  for v_limit in select * from jsonb_array_elements(p_limits) loop
    v_wait := greatest(v_wait, private.hit_rate_limit(v_limit ->> 'key', (v_limit ->> 'cap')::int,
      pg_catalog.make_interval(secs => (v_limit ->> 'seconds')::int)));
  end loop;
  return v_wait;
end
$$;
comment on function public.hit_public_limits(jsonb) is
  'counts one request against several rate limits; the seconds to wait, or 0 (service role)';

-- privileges ---------------------------------------------------------------------------------------
revoke all on function
  public.hit_public_limits(jsonb),
  private.place_one_to_one_session(public.session_types, public.coach_settings, uuid, timestamptz, timestamptz),
  private.open_starts(uuid, uuid, public.coach_settings, int, timestamptz, timestamptz),
  private.offered_type(uuid, text),
  private.check_bookable(uuid, uuid, public.coach_settings, timestamptz, timestamptz),
  private.guest_link(uuid, text),
  private.guest_may_change(public.bookings, public.training_sessions),
  public.public_slots(text, uuid, timestamptz, timestamptz),
  public.guest_book(uuid, timestamptz, text, text, text, text, text),
  public.guest_booking_view(uuid, text),
  public.guest_booking_cancel(uuid, text),
  public.guest_booking_reschedule(uuid, text, timestamptz)
  from public, anon, authenticated;
-- the public pages call these with the anon key whoever is signed in; signed-in
-- users' own rpcs stay the ones supabase/tests/010-security-guards.sql lists
grant execute on function public.public_slots(text, uuid, timestamptz, timestamptz)
  to anon, service_role;
grant execute on function public.guest_book(uuid, timestamptz, text, text, text, text, text) to service_role;
grant execute on function public.hit_public_limits(jsonb) to service_role;
grant execute on function
  public.guest_booking_view(uuid, text),
  public.guest_booking_cancel(uuid, text),
  public.guest_booking_reschedule(uuid, text, timestamptz)
  to anon, service_role;
