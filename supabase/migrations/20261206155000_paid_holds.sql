-- paying for a booking (issue 14): a hold of 10 minutes, its release, late
-- payments and refunds.
--
--   hold      public.hold_paid_booking (service role: the public booking function
--             for a guest, the checkout function for a member) books like
--             book_slot — the coach's lock, the same notice/horizon/availability/
--             blocked checks, a live session whose claim in the commitments ledger
--             decides races (23P01 slot_taken, http 409) — but writes the booking
--             `pending_payment` with hold_until = now() + 10 min and a
--             private.booking_payments row priced from public.session_types. the
--             same person (member id, or the guest's email lowercased) asking for
--             the same coach and start while the hold lives gets that booking and
--             its checkout url back instead of a second hold.
--   checkout  public.attach_booking_checkout records the stripe checkout session
--             (supabase/functions/_shared/booking-checkout.ts creates it: payment
--             mode, expires_at = now + 30 min, the minimum stripe allows).
--   sweep     private.release_expired_holds(p_now), every minute: a hold past
--             hold_until → booking `expired`, its session cancelled (the ledger
--             lets the time go, so the slot is offered again), payment `expired`;
--             the stripe sessions are queued in private.checkout_expiries and the
--             booking-holds function expires them at stripe (pg_net pokes it where
--             it exists; the local stack calls it itself).
--   webhook   public.stripe_apply_event (re-stated: every purchase path as in
--             20261206145000_purchase_expiry.sql) hands a booking's events to
--             private.apply_booking_event:
--               completed + hold alive      → booking confirmed, payment paid
--               completed + hold released   → the slot is re-checked under the
--                 coach's lock: free → the session is live again, booking
--                 confirmed; gone → payment `refunded` (stripe_refund_id still
--                 null: the webhook issues the refund after commit with an
--                 Idempotency-Key, and booking-holds retries any left) and a
--                 booking_refunded email to both sides
--               expired                     → released as the sweep does
--             one payment row, locked, moves only forward: exactly one refund
--             whatever the order or duplication of events.
--   guard     a booking waiting for payment (pending_payment, expired) becomes
--             confirmed only inside apply_booking_event's paid path: a trigger
--             refuses it to everyone else, the table owner included.
--   mail      a new outbox kind, booking_refunded (transactional: no switch), to
--             the customer (member or guest, private.enqueue_customer_email) and
--             the coach. a late payment that is confirmed gets the usual
--             confirmation and notice (same dedupe keys as the booking_emails
--             trigger, which covers pending_payment → confirmed but not expired →
--             confirmed).

/**
  * -------------------------------------------------------
  * section - tables
  * -------------------------------------------------------
  */
alter table private.booking_payments
  -- the refund stripe made for a payment we had to give back (null: not yet issued)
  add column stripe_refund_id text unique;

-- stripe sessions of released holds that stripe must still be told to expire
create table private.checkout_expiries (
  stripe_checkout_session_id text primary key,
  booking_id uuid not null references public.bookings (id) on delete cascade,
  queued_at timestamptz not null default now(),
  attempts int not null default 0,
  done_at timestamptz,
  outcome text check (char_length(outcome) <= 200)
);
comment on table private.checkout_expiries is
  'checkout sessions of released booking holds, expired at stripe by the booking-holds function';
create index checkout_expiries_booking_id_idx on private.checkout_expiries (booking_id);
create index checkout_expiries_due_idx on private.checkout_expiries (queued_at) where done_at is null;
alter table private.checkout_expiries enable row level security;
revoke all on private.checkout_expiries from public, anon, authenticated;
grant all on private.checkout_expiries to service_role;

-- a booking's events are recorded against it
alter table private.stripe_events add column booking_id uuid;
create index stripe_events_booking_id_idx on private.stripe_events (booking_id);

-- a late payment given back is told to both sides (guests by address: to_email,
-- 20261206153000_storefront_emails.sql)
alter table private.email_outbox drop constraint email_outbox_kind_check;
alter table private.email_outbox add constraint email_outbox_kind_check check (kind in (
  'booking_confirmation', 'booking_notification', 'booking_cancellation', 'purchase_confirmation',
  'session_reminder', 'booking_refunded'));

create index bookings_pending_payment_idx on public.bookings (coach_id) where status = 'pending_payment';

/**
  * -------------------------------------------------------
  * section - the guard: only a payment confirms a booking that waits for one
  * -------------------------------------------------------
  */
create function private.bookings_paid_guard()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.status = 'confirmed' and old.status in ('pending_payment', 'expired')
     and (coalesce(pg_catalog.current_setting('trackside.paid_booking', true), '') <> new.id::text
          or not exists (select from private.booking_payments p
                          where p.booking_id = new.id and p.status = 'paid')) then
    raise exception 'a booking waiting for payment is confirmed only by its payment'
      using errcode = '42501', hint = 'payment_required';
  end if;
  return new;
end
$$;
create trigger bookings_paid_guard before update of status on public.bookings
  for each row execute function private.bookings_paid_guard();

/**
  * -------------------------------------------------------
  * section - mail to a booking's people
  * -------------------------------------------------------
  */

-- what a paid booking's emails say: the session, the people and the money
create function private.paid_booking_payload(p_booking public.bookings)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select coalesce(private.booking_email_payload(p_booking), '{}'::jsonb)
    || jsonb_build_object('amountMinor', p.amount_minor, 'currency', p.currency)
    from private.booking_payments p
   where p.booking_id = p_booking.id
$$;

/**
  * -------------------------------------------------------
  * section - hold
  * -------------------------------------------------------
  */

-- the hold's answer: enough for the checkout and for the page that shows it
create function private.hold_answer(p_booking uuid, p_replayed boolean)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'bookingId', b.id, 'orgId', b.org_id, 'coachId', b.coach_id, 'sessionTypeId', b.session_type_id,
    'sessionId', t.id, 'startsAt', t.starts_at, 'endsAt', t.ends_at, 'holdUntil', b.hold_until,
    'status', b.status, 'name', st.name, 'amountMinor', p.amount_minor, 'currency', p.currency,
    'checkoutSessionId', p.stripe_checkout_session_id, 'checkoutUrl', p.checkout_url,
    'guestEmail', g.email, 'replayed', p_replayed)
    from public.bookings b
    join public.training_sessions t on t.id = b.session_id
    join private.booking_payments p on p.booking_id = b.id
    left join public.session_types st on st.id = b.session_type_id
    left join private.booking_guests g on g.booking_id = b.id
   where b.id = p_booking
$$;

-- holds a slot for a paid session type: a member's (p_member_id) or a guest's
-- (p_guest_name + p_guest_email). the price is the session type's.
create function public.hold_paid_booking(
  p_session_type_id uuid,
  p_starts_at timestamptz,
  p_member_id uuid default null,
  p_guest_name text default null,
  p_guest_email text default null,
  p_guest_phone text default null,
  p_guest_time_zone text default 'UTC',
  p_guest_locale text default 'ru',
  p_booking_id uuid default null
)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_type public.session_types;
  v_settings public.coach_settings;
  v_email text := pg_catalog.lower(p_guest_email);
  v_name text := pg_catalog.btrim(p_guest_name);
  v_ends timestamptz;
  v_session uuid;
  v_booking uuid := coalesce(p_booking_id, gen_random_uuid());
  v_existing uuid;
begin
  -- who: exactly one of a member and a guest
  if p_session_type_id is null or p_starts_at is null then
    raise exception 'a session type and a start are required' using errcode = '22023', hint = 'invalid';
  end if;
  if (p_member_id is null) = (v_name is null or v_name = '') then
    raise exception 'a booking is for a member or for a named guest' using errcode = '22023', hint = 'invalid';
  end if;
  if p_member_id is null then
    if char_length(v_name) > 120 then
      raise exception 'the name is too long' using errcode = '22023', hint = 'invalid';
    end if;
    if v_email is null or v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' or char_length(v_email) > 254 then
      raise exception 'a valid email is required' using errcode = '22023', hint = 'invalid';
    end if;
    if coalesce(p_guest_locale, 'ru') not in ('ru', 'en') or char_length(p_guest_phone) > 40 then
      raise exception 'invalid contact details' using errcode = '22023', hint = 'invalid';
    end if;
  end if;

  -- what: an offered, paid session type; its price is the one charged
  select * into v_type from public.session_types st where st.id = p_session_type_id and st.active;
  if not found then
    raise exception 'no such session type' using errcode = 'P0002', hint = 'session_type_not_found';
  end if;
  if v_type.price_minor <= 0 then
    raise exception 'this session is free: book it without payment' using errcode = '22023', hint = 'not_paid';
  end if;
  if p_member_id is not null and not private.is_active_member(v_type.org_id, p_member_id, 'member') then
    raise exception 'not a member of this organization' using errcode = '42501';
  end if;
  if p_member_id is null and not exists (
    select from public.coach_pages cp
     where cp.org_id = v_type.org_id and cp.coach_id = v_type.coach_id and cp.published) then
    raise exception 'no such session type' using errcode = 'P0002', hint = 'session_type_not_found';
  end if;
  v_settings := private.sched_settings(v_type.org_id, v_type.coach_id);

  -- one booking of this coach at a time, before any check (as book_slot)
  perform private.lock_coach(v_type.coach_id);

  -- a retry: the same booking id, or the same person for the same slot while held
  if p_booking_id is not null and exists (select from public.bookings b where b.id = p_booking_id) then
    select b.id into v_existing from public.bookings b
      left join private.booking_guests g on g.booking_id = b.id
     where b.id = p_booking_id
       and (b.member_id = p_member_id or pg_catalog.lower(g.email) = v_email);
    if v_existing is null then
      raise exception 'booking id already used' using errcode = '42501';
    end if;
    return private.hold_answer(v_existing, true);
  end if;
  select b.id into v_existing
    from public.bookings b
    join public.training_sessions t on t.id = b.session_id
    left join private.booking_guests g on g.booking_id = b.id
   where b.coach_id = v_type.coach_id and b.org_id = v_type.org_id
     and b.status = 'pending_payment' and b.hold_until > now()
     and t.starts_at = p_starts_at
     and (b.member_id = p_member_id or (p_member_id is null and pg_catalog.lower(g.email) = v_email))
   limit 1;
  if v_existing is not null then
    return private.hold_answer(v_existing, true);
  end if;

  -- when: what book_slot checks
  v_ends := p_starts_at + pg_catalog.make_interval(mins => v_type.duration_minutes);
  perform private.check_bookable(v_type.org_id, v_type.coach_id, v_settings, p_starts_at, v_ends);

  -- the session holds the time in the ledger (the one rule against double booking)
  v_session := private.place_one_to_one_session(v_type, v_settings, p_member_id, p_starts_at, v_ends);

  insert into public.bookings (id, org_id, session_id, coach_id, member_id, guest_name, session_type_id,
    status, hold_until)
  values (v_booking, v_type.org_id, v_session, v_type.coach_id, p_member_id,
    case when p_member_id is null then v_name end, v_type.id,
    'pending_payment', now() + interval '10 minutes');
  if p_member_id is null then
    insert into private.booking_guests (booking_id, email, phone, time_zone, locale)
    values (v_booking, v_email, nullif(pg_catalog.btrim(p_guest_phone), ''),
      coalesce(p_guest_time_zone, 'UTC'), coalesce(p_guest_locale, 'ru'));
  end if;
  insert into private.booking_payments (booking_id, amount_minor, currency)
  values (v_booking, v_type.price_minor, v_type.currency);
  return private.hold_answer(v_booking, false);
end
$$;
comment on function public.hold_paid_booking(uuid, timestamptz, uuid, text, text, text, text, text, uuid) is
  'holds a slot of a paid session type for 10 minutes (pending_payment); a retry returns the same hold';

-- the checkout session created for a hold; the first one stays
create function public.attach_booking_checkout(p_booking uuid, p_session_id text, p_url text)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_payment private.booking_payments;
begin
  if p_session_id is null or p_session_id !~ '^cs_[A-Za-z0-9_]+$' or p_url is null
     or p_url !~ '^https?://' or char_length(p_url) > 2000 then
    raise exception 'a checkout session id and url are required' using errcode = '22023', hint = 'invalid';
  end if;
  update private.booking_payments p
     set stripe_checkout_session_id = p_session_id, checkout_url = p_url
   where p.booking_id = p_booking and p.stripe_checkout_session_id is null
  returning * into v_payment;
  if not found then
    select * into v_payment from private.booking_payments p where p.booking_id = p_booking;
    if not found then
      raise exception 'no such booking' using errcode = 'P0002', hint = 'booking_not_found';
    end if;
  end if;
  return jsonb_build_object('bookingId', p_booking, 'checkoutSessionId', v_payment.stripe_checkout_session_id,
    'checkoutUrl', v_payment.checkout_url, 'status', v_payment.status);
end
$$;

/**
  * -------------------------------------------------------
  * section - release
  * -------------------------------------------------------
  */

-- releases the holds among p_ids still waiting: booking expired, session cancelled
-- (its claim goes), payment expired. the caller holds their coaches' locks.
-- p_queue: whether stripe must still be told (not when stripe told us).
-- returns the stripe sessions of the released holds.
create function private.release_holds(p_ids uuid[], p_queue boolean)
returns text[]
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_released uuid[];
  v_sessions text[];
begin
  with released as (
    update public.bookings b
       set status = 'expired', cancelled_at = now()
     where b.id = any (p_ids) and b.status = 'pending_payment'
    returning b.id, b.session_id
  ), sessions as (
    update public.training_sessions t
       set status = 'cancelled', cancelled_at = now(), booked_count = 0
      from released r
     where t.id = r.session_id and t.status = 'scheduled'
    returning t.id
  )
  -- (a data-modifying cte runs whether or not it is read)
  select array_agg(r.id) into v_released from released r;
  if v_released is null then
    return '{}'::text[];
  end if;
  update private.booking_payments p
     set status = 'expired', expired_at = now()
   where p.booking_id = any (v_released) and p.status = 'pending';
  select coalesce(array_agg(p.stripe_checkout_session_id order by p.booking_id), '{}')
    into v_sessions
    from private.booking_payments p
   where p.booking_id = any (v_released) and p.stripe_checkout_session_id is not null;
  if p_queue then
    insert into private.checkout_expiries (stripe_checkout_session_id, booking_id)
    select p.stripe_checkout_session_id, p.booking_id
      from private.booking_payments p
     where p.booking_id = any (v_released) and p.stripe_checkout_session_id is not null
    on conflict do nothing;
  end if;
  return v_sessions;
end
$$;

-- the sweep: every hold past its hold_until at p_now is released; returns the
-- stripe sessions to expire (also queued for the booking-holds function, which
-- pg_net is asked to call where it exists)
create function private.release_expired_holds(p_now timestamptz default now())
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_ids uuid[];
  v_sessions text[];
begin
  -- the coaches' locks first, in one order: the webhook and new holds take them too
  perform private.lock_coach(c.coach_id)
     from (select distinct b.coach_id from public.bookings b
            where b.status = 'pending_payment' and b.hold_until <= p_now
            order by b.coach_id) c;
  select coalesce(array_agg(b.id), '{}') into v_ids
    from public.bookings b
   where b.status = 'pending_payment' and b.hold_until <= p_now;
  if cardinality(v_ids) = 0 then
    return '[]'::jsonb;
  end if;
  v_sessions := private.release_holds(v_ids, true);
  perform private.call_booking_holds();
  return to_jsonb(v_sessions);
end
$$;

-- asks the booking-holds function (through pg_net) to expire the queued sessions
-- at stripe and to issue the refunds still owed; null where pg_net or the vault
-- secrets are missing (PGlite, ci: the local stack calls the function itself)
create function private.call_booking_holds()
returns bigint
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_url text;
  v_key text;
  v_request bigint;
begin
  if not exists (select from pg_catalog.pg_extension where extname = 'pg_net')
     or to_regclass('vault.decrypted_secrets') is null then
    return null;
  end if;
  execute 'select decrypted_secret from vault.decrypted_secrets where name = $1'
    into v_url using 'project_url';
  execute 'select decrypted_secret from vault.decrypted_secrets where name = $1'
    into v_key using 'service_role_key';
  if v_url is null or v_key is null then
    return null;
  end if;
  execute 'select net.http_post(url := $1, body := $2, headers := $3, timeout_milliseconds := $4)'
    into v_request
    using rtrim(v_url, '/') || '/functions/v1/booking-holds', '{}'::jsonb,
          jsonb_build_object('Authorization', 'Bearer ' || v_key, 'Content-Type', 'application/json'),
          30000;
  return v_request;
end
$$;

-- the booking-holds function: sweeps, then lists what stripe must still be told
-- (sessions to expire, refunds to issue)
create function public.booking_holds_due(p_limit int default 50)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_limit int := least(greatest(coalesce(p_limit, 50), 1), 200);
begin
  perform private.release_expired_holds(now());
  return jsonb_build_object(
    'expire', coalesce((select jsonb_agg(q.stripe_checkout_session_id order by q.queued_at)
                          from (select e.stripe_checkout_session_id, e.queued_at
                                  from private.checkout_expiries e
                                 where e.done_at is null and e.attempts < 20
                                 order by e.queued_at limit v_limit) q), '[]'::jsonb),
    'refunds', coalesce((select jsonb_agg(jsonb_build_object('bookingId', q.booking_id,
                            'paymentIntentId', q.stripe_payment_intent_id,
                            'amountMinor', q.amount_minor, 'currency', q.currency) order by q.refunded_at)
                           from (select p.* from private.booking_payments p
                                  where p.status = 'refunded' and p.stripe_refund_id is null
                                    and p.stripe_payment_intent_id is not null
                                  order by p.refunded_at limit v_limit) q), '[]'::jsonb));
end
$$;

-- what stripe said to an expire call: done (expired, or no longer open), or try again
create function public.booking_checkout_expire_done(p_session_id text, p_done boolean, p_outcome text default null)
returns void
language sql volatile security definer set search_path = ''
as $$
  update private.checkout_expiries e
     set attempts = e.attempts + 1,
         done_at = case when p_done then now() end,
         outcome = left(p_outcome, 200)
   where e.stripe_checkout_session_id = p_session_id and e.done_at is null
$$;

-- the refund stripe made for a booking's payment
create function public.booking_refund_issued(p_booking uuid, p_refund_id text)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if p_refund_id is null or p_refund_id !~ '^(re|pyr)_[A-Za-z0-9_]+$' then
    raise exception 'a refund id is required' using errcode = '22023', hint = 'invalid';
  end if;
  update private.booking_payments p
     set stripe_refund_id = p_refund_id
   where p.booking_id = p_booking and p.status = 'refunded' and p.stripe_refund_id is null;
end
$$;

/**
  * -------------------------------------------------------
  * section - stripe events for a booking
  * -------------------------------------------------------
  */

-- {refund} when a booking's payment still owes one (the webhook issues it after
-- commit), else {}
create function private.booking_refund_due(p_booking uuid)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select coalesce((
    select jsonb_build_object('refund', jsonb_build_object('bookingId', p.booking_id,
             'paymentIntentId', p.stripe_payment_intent_id, 'amountMinor', p.amount_minor,
             'currency', p.currency))
      from private.booking_payments p
     where p.booking_id = p_booking and p.status = 'refunded' and p.stripe_refund_id is null
       and p.stripe_payment_intent_id is not null), '{}'::jsonb)
$$;

-- the booking an event is about: the id in its metadata, else the stripe keys
create function private.booking_of_event(p_event jsonb)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select coalesce(
    (select p.booking_id from private.booking_payments p
      where (p_event ->> 'bookingId') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        and p.booking_id = (p_event ->> 'bookingId')::uuid),
    (select p.booking_id from private.booking_payments p
      where (p_event ->> 'sessionId' is not null and p.stripe_checkout_session_id = p_event ->> 'sessionId')
         or (p_event ->> 'paymentIntentId' is not null and p.stripe_payment_intent_id = p_event ->> 'paymentIntentId')
      limit 1))
$$;

-- applies one (new) stripe event to a booking's payment. returns {outcome, bookingId,
-- note, refund?}: `refund` is what the webhook must ask stripe for after commit.
create function private.apply_booking_event(p_event jsonb, p_booking uuid)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_type text := p_event ->> 'type';
  v_created timestamptz := to_timestamp((p_event ->> 'created')::double precision);
  v_booking public.bookings;
  v_payment private.booking_payments;
  v_session public.training_sessions;
  v_settings public.coach_settings;
  v_outcome text := 'applied';
  v_note text;
  v_free boolean;
begin
  select * into v_booking from public.bookings b where b.id = p_booking;
  if not found then
    return jsonb_build_object('outcome', 'rejected', 'note', 'no matching booking');
  end if;
  -- the coach's lock, then the rows: the sweep and new holds take them in this order
  perform private.lock_coach(v_booking.coach_id);
  select * into v_booking from public.bookings b where b.id = p_booking for update;
  select * into v_payment from private.booking_payments p where p.booking_id = p_booking for update;

  if p_event ->> 'sessionId' is not null and v_payment.stripe_checkout_session_id is not null
     and v_payment.stripe_checkout_session_id <> p_event ->> 'sessionId' then
    return jsonb_build_object('outcome', 'rejected', 'bookingId', p_booking,
      'note', 'checkout session does not match the booking');
  end if;
  if p_event ->> 'sessionId' is not null and v_payment.stripe_checkout_session_id is null then
    update private.booking_payments set stripe_checkout_session_id = p_event ->> 'sessionId'
     where booking_id = p_booking;
  end if;

  if v_type in ('checkout.session.completed', 'checkout.session.async_payment_succeeded') then
    if v_type = 'checkout.session.completed'
       and coalesce(p_event ->> 'paymentStatus', '') <> 'paid' then
      return jsonb_build_object('outcome', 'ignored', 'bookingId', p_booking, 'note', 'completed but not paid yet');
    end if;
    if (p_event ->> 'amountTotal')::integer is distinct from v_payment.amount_minor
       or upper(p_event ->> 'currency') is distinct from v_payment.currency then
      return jsonb_build_object('outcome', 'rejected', 'bookingId', p_booking,
        'note', 'amount or currency differs from the booking');
    end if;
    if v_payment.status in ('paid', 'refunded') then
      return jsonb_build_object('outcome', 'applied', 'bookingId', p_booking,
        'note', 'already ' || v_payment.status) || private.booking_refund_due(p_booking);
    end if;
    if p_event ->> 'paymentIntentId' is not null then
      update private.booking_payments set stripe_payment_intent_id = p_event ->> 'paymentIntentId'
       where booking_id = p_booking and stripe_payment_intent_id is null;
    end if;

    if v_booking.status = 'pending_payment' then
      -- the hold is alive (the sweep has not released it): the slot is still ours
      v_free := true;
      v_note := 'paid within the hold';
    elsif v_booking.status = 'expired' then
      -- released: the slot is re-checked under the coach's lock
      select * into v_session from public.training_sessions t where t.id = v_booking.session_id for update;
      v_settings := private.sched_settings(v_booking.org_id, v_booking.coach_id);
      v_free := v_session.starts_at > now()
        and v_session.deleted_at is null
        and private.fits_availability(v_booking.org_id, v_booking.coach_id, v_settings.time_zone,
              v_session.starts_at, v_session.ends_at)
        and not private.is_blocked(v_booking.org_id, v_booking.coach_id, v_session.starts_at, v_session.ends_at);
      if v_free then
        begin
          -- live again: its claim in the ledger is refused if the time was taken
          update public.training_sessions
             set status = 'scheduled', cancelled_at = null, booked_count = 1
           where id = v_session.id;
        exception when exclusion_violation then
          v_free := false;
        end;
      end if;
      v_note := case when v_free then 'paid after the hold; the slot was still free'
                     else 'paid after the hold; the slot is gone: refunded' end;
    else
      -- cancelled while waiting: nothing to give for the money
      v_free := false;
      v_note := 'paid for a booking that is ' || v_booking.status || ': refunded';
    end if;

    if v_free then
      update private.booking_payments set status = 'paid', paid_at = v_created where booking_id = p_booking;
      perform pg_catalog.set_config('trackside.paid_booking', p_booking::text, true);
      update public.bookings set status = 'confirmed', hold_until = null, cancelled_at = null
       where id = p_booking;
      perform pg_catalog.set_config('trackside.paid_booking', '', true);
      select * into v_booking from public.bookings b where b.id = p_booking;
      -- (the booking_emails trigger has queued these for a hold paid in time; the
      -- same keys queue nothing twice, and a late one gets them here)
      perform private.enqueue_customer_email('booking_confirmation', v_booking,
        'booking_confirmation:' || p_booking, private.paid_booking_payload(v_booking));
      perform private.enqueue_email('booking_notification', v_booking.coach_id, v_booking.org_id,
        'booking_notification:' || p_booking,
        private.paid_booking_payload(v_booking) || jsonb_build_object('audience', 'coach'));
      return jsonb_build_object('outcome', v_outcome, 'bookingId', p_booking, 'note', v_note,
        'status', 'confirmed');
    end if;

    update private.booking_payments set status = 'refunded', paid_at = v_created, refunded_at = now()
     where booking_id = p_booking;
    perform private.enqueue_customer_email('booking_refunded', v_booking,
      'booking_refunded:' || p_booking || ':customer',
      private.paid_booking_payload(v_booking) || jsonb_build_object('recipient', 'customer'),
      now(), p_booking);
    perform private.enqueue_email('booking_refunded', v_booking.coach_id, v_booking.org_id,
      'booking_refunded:' || p_booking || ':coach',
      private.paid_booking_payload(v_booking)
        || jsonb_build_object('recipient', 'coach', 'audience', 'coach'), now(), p_booking);
    return jsonb_build_object('outcome', v_outcome, 'bookingId', p_booking, 'note', v_note,
      'status', v_booking.status) || private.booking_refund_due(p_booking);
  elsif v_type = 'checkout.session.expired' then
    -- stripe expired the session (its 30 min ran out, or we asked): release like the sweep
    if v_booking.status = 'pending_payment' then
      perform private.release_holds(array[p_booking], false);
    else
      v_note := 'booking is ' || v_booking.status;
    end if;
    update private.checkout_expiries set done_at = coalesce(done_at, now()), outcome = coalesce(outcome, 'expired')
     where booking_id = p_booking;
  elsif v_type = 'charge.refunded' then
    v_note := case when v_payment.status = 'refunded' then 'refund recorded' else 'refunded at stripe' end;
  else
    -- a failed attempt: the hold stays until it ends; the buyer may try again
    v_outcome := 'ignored';
    v_note := v_type || ': the hold stays';
  end if;
  return jsonb_build_object('outcome', v_outcome, 'bookingId', p_booking, 'note', v_note);
end
$$;

/**
  * -------------------------------------------------------
  * section - stripe events (a booking's go to apply_booking_event)
  * -------------------------------------------------------
  */
create or replace function public.stripe_apply_event(p_event jsonb)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_id text := p_event ->> 'id';
  v_type text := p_event ->> 'type';
  v_created timestamptz := to_timestamp((p_event ->> 'created')::double precision);
  v_purchase public.purchases;
  v_outcome text := 'applied';
  v_note text;
  v_balance integer;
  v_later integer;
  v_reverse integer;
  v_inserted integer;
  v_booking uuid;
  v_result jsonb;
begin
  if v_id is null or v_type is null or v_created is null then
    raise exception 'an event needs id, type and created' using errcode = '22023';
  end if;
  -- the idempotency key, in the same transaction as the effect: a concurrent
  -- delivery of the same event waits here for this one and then does nothing
  insert into private.stripe_events (id, type, stripe_created, outcome)
  values (v_id, v_type, v_created, 'applied')
  on conflict (id) do nothing;
  get diagnostics v_inserted = row_count;
  if v_inserted = 0 then
    -- a redelivery after the refund call failed: the refund is still owed
    v_booking := private.booking_of_event(p_event);
    return jsonb_build_object('outcome', 'duplicate') || private.booking_refund_due(v_booking);
  end if;

  if v_type not in ('checkout.session.completed', 'checkout.session.async_payment_succeeded',
                    'checkout.session.async_payment_failed', 'checkout.session.expired',
                    'payment_intent.payment_failed', 'charge.refunded') then
    update private.stripe_events set outcome = 'ignored', note = 'unhandled type' where id = v_id;
    return jsonb_build_object('outcome', 'ignored');
  end if;

  -- a booking's payment (20261206155000_paid_holds.sql)
  v_booking := private.booking_of_event(p_event);
  if v_booking is not null then
    v_result := private.apply_booking_event(p_event, v_booking);
    update private.stripe_events
       set outcome = v_result ->> 'outcome', booking_id = v_booking, note = v_result ->> 'note'
     where id = v_id;
    return v_result;
  end if;

  -- the purchase: by our id in the metadata, else by the stripe keys
  select * into v_purchase from public.purchases p
   where p.id = case when (p_event ->> 'purchaseId') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                     then (p_event ->> 'purchaseId')::uuid end
   for update;
  if not found then
    select * into v_purchase from public.purchases p
     where (p_event ->> 'sessionId' is not null and p.stripe_checkout_session_id = p_event ->> 'sessionId')
        or (p_event ->> 'paymentIntentId' is not null and p.stripe_payment_intent_id = p_event ->> 'paymentIntentId')
     limit 1
     for update;
  end if;
  if not found then
    -- permanent: retrying cannot help; keep it as a dead letter
    update private.stripe_events set outcome = 'rejected', note = 'no matching purchase' where id = v_id;
    return jsonb_build_object('outcome', 'rejected', 'note', 'no matching purchase');
  end if;

  -- the business keys, learned from whichever event comes first
  if p_event ->> 'sessionId' is not null and v_purchase.stripe_checkout_session_id is null then
    update public.purchases set stripe_checkout_session_id = p_event ->> 'sessionId'
     where id = v_purchase.id;
  end if;
  if p_event ->> 'paymentIntentId' is not null and v_purchase.stripe_payment_intent_id is null then
    update public.purchases set stripe_payment_intent_id = p_event ->> 'paymentIntentId'
     where id = v_purchase.id;
  end if;
  if (p_event ->> 'sessionId' is not null
      and v_purchase.stripe_checkout_session_id is distinct from p_event ->> 'sessionId'
      and v_purchase.stripe_checkout_session_id is not null) then
    v_outcome := 'rejected';
    v_note := 'checkout session does not match the purchase';
  elsif v_type in ('checkout.session.completed', 'checkout.session.async_payment_succeeded') then
    if v_type = 'checkout.session.completed'
       and coalesce(p_event ->> 'paymentStatus', '') not in ('paid', 'no_payment_required') then
      v_outcome := 'ignored';
      v_note := 'completed but not paid yet';
    elsif (p_event ->> 'amountTotal')::integer is distinct from v_purchase.amount_minor
       or upper(p_event ->> 'currency') is distinct from v_purchase.currency then
      v_outcome := 'rejected';
      v_note := 'amount or currency differs from the purchase';
    elsif v_purchase.status in ('pending', 'failed', 'canceled', 'expired') then
      update public.purchases set status = 'paid', paid_at = v_created, failure_reason = null
       where id = v_purchase.id;
      if v_purchase.credits is not null then
        insert into public.credit_ledger (org_id, user_id, delta, kind, purchase_id, expires_at)
        values (v_purchase.org_id, v_purchase.user_id, v_purchase.credits, 'purchase', v_purchase.id,
                v_created + make_interval(days => v_purchase.valid_days))
        on conflict (purchase_id, kind) where purchase_id is not null do nothing;
      end if;
      if v_purchase.discount_code_id is not null then
        update public.discount_codes set redemptions = redemptions + 1
         where id = v_purchase.discount_code_id;
      end if;
    elsif v_purchase.status = 'refunded' then
      -- the refund overtook the completion: record the payment, grant nothing
      update public.purchases set paid_at = coalesce(paid_at, v_created) where id = v_purchase.id;
      v_note := 'already refunded';
    else
      v_note := 'already paid';
    end if;
  elsif v_type in ('payment_intent.payment_failed', 'checkout.session.async_payment_failed',
                   'checkout.session.expired') then
    -- a failure never undoes a payment or a refund
    if v_purchase.status = 'pending' then
      update public.purchases
         set status = case when v_type = 'checkout.session.expired' then 'expired' else 'failed' end,
             failed_at = v_created,
             failure_reason = left(coalesce(p_event ->> 'failureMessage', v_type), 300)
       where id = v_purchase.id;
    else
      v_note := 'purchase is ' || v_purchase.status;
    end if;
  elsif v_type = 'charge.refunded' then
    update public.purchases
       set refunded_minor = greatest(refunded_minor, coalesce((p_event ->> 'amountRefunded')::integer, 0))
     where id = v_purchase.id;
    if coalesce((p_event ->> 'refunded')::boolean, false) and v_purchase.status <> 'refunded' then
      update public.purchases set status = 'refunded', refunded_at = v_created where id = v_purchase.id;
      if v_purchase.status = 'paid' and v_purchase.credits is not null
         and not exists (select from public.credit_ledger x
                          where x.purchase_id = v_purchase.id and x.kind = 'expiry') then
        -- take back what is left of this lot: credits go from the lot that expires
        -- first, so that is the balance minus the valid lots expiring after it
        -- (at most the lot, never below zero; see private.expire_credits)
        select b.balance into v_balance from public.credit_balances b
         where b.org_id = v_purchase.org_id and b.user_id = v_purchase.user_id
         for update;
        select coalesce(sum(g.delta), 0) into v_later from public.credit_ledger g
          join public.credit_ledger mine on mine.purchase_id = v_purchase.id and mine.kind = 'purchase'
         where g.org_id = v_purchase.org_id and g.user_id = v_purchase.user_id
           and g.kind = 'purchase' and g.purchase_id <> v_purchase.id
           and g.expires_at > now()
           and (g.expires_at, g.purchase_id) > (mine.expires_at, mine.purchase_id)
           and not exists (select from public.credit_ledger x
                            where x.purchase_id = g.purchase_id and x.kind in ('expiry', 'refund'));
        v_reverse := greatest(least(v_purchase.credits, coalesce(v_balance, 0) - v_later), 0);
        if v_reverse > 0 then
          insert into public.credit_ledger (org_id, user_id, delta, kind, purchase_id, note)
          values (v_purchase.org_id, v_purchase.user_id, -v_reverse, 'refund', v_purchase.id,
                  case when v_reverse < v_purchase.credits
                       then (v_purchase.credits - v_reverse) || ' credits were already spent' end)
          on conflict (purchase_id, kind) where purchase_id is not null do nothing;
        end if;
      end if;
    elsif not coalesce((p_event ->> 'refunded')::boolean, false) then
      v_note := 'partial refund: credits kept';
    end if;
  end if;

  update private.stripe_events set outcome = v_outcome, purchase_id = v_purchase.id, note = v_note
   where id = v_id;
  return jsonb_build_object('outcome', v_outcome, 'purchaseId', v_purchase.id, 'note', v_note);
end
$$;

/**
  * -------------------------------------------------------
  * section - the job
  * -------------------------------------------------------
  */
insert into private.scheduled_jobs (name, schedule, command, description) values
  ('release-expired-holds', '* * * * *', 'select private.release_expired_holds()',
   'every minute: paid bookings past their 10-minute hold are released and their checkouts expired');
select private.schedule_jobs();

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  */
revoke all on function private.bookings_paid_guard() from public, anon, authenticated;
revoke all on function private.paid_booking_payload(public.bookings) from public, anon, authenticated;
revoke all on function private.hold_answer(uuid, boolean) from public, anon, authenticated;
revoke all on function public.hold_paid_booking(uuid, timestamptz, uuid, text, text, text, text, text, uuid)
  from public, anon, authenticated;
revoke all on function public.attach_booking_checkout(uuid, text, text) from public, anon, authenticated;
revoke all on function private.release_holds(uuid[], boolean) from public, anon, authenticated;
revoke all on function private.release_expired_holds(timestamptz) from public, anon, authenticated;
revoke all on function private.call_booking_holds() from public, anon, authenticated;
revoke all on function public.booking_holds_due(int) from public, anon, authenticated;
revoke all on function public.booking_checkout_expire_done(text, boolean, text) from public, anon, authenticated;
revoke all on function public.booking_refund_issued(uuid, text) from public, anon, authenticated;
revoke all on function private.booking_refund_due(uuid) from public, anon, authenticated;
revoke all on function private.booking_of_event(jsonb) from public, anon, authenticated;
revoke all on function private.apply_booking_event(jsonb, uuid) from public, anon, authenticated;
revoke all on function public.stripe_apply_event(jsonb) from public, anon, authenticated;
grant execute on function public.hold_paid_booking(uuid, timestamptz, uuid, text, text, text, text, text, uuid)
  to service_role;
grant execute on function public.attach_booking_checkout(uuid, text, text) to service_role;
grant execute on function private.release_expired_holds(timestamptz) to service_role;
grant execute on function public.booking_holds_due(int) to service_role;
grant execute on function public.booking_checkout_expire_done(text, boolean, text) to service_role;
grant execute on function public.booking_refund_issued(uuid, text) to service_role;
-- stripe_apply_event runs as its caller (service_role) and reaches these
grant execute on function private.booking_refund_due(uuid) to service_role;
grant execute on function private.booking_of_event(jsonb) to service_role;
grant execute on function private.apply_booking_event(jsonb, uuid) to service_role;
grant execute on function public.stripe_apply_event(jsonb) to service_role;
