-- storefront emails: every booking email reaches guests as it reaches members, with a
-- manage link and a calendar file that stays one event across reschedules (issue 14).
--
--   recipients   an outbox row addresses a person (user_id, as before: their sign-in
--                email, their profile's language, their per-kind switches) or an
--                address (to_email, a guest of private.booking_guests, in the
--                guest's language and time zone). guests get transactional mail
--                only — every booking kind is transactional — and have no switches.
--   kinds        the five that exist cover the storefront: a guest's confirmation,
--                cancellation, reschedule and reminder are booking_confirmation,
--                booking_cancellation, booking_confirmation with `rescheduled`, and
--                session_reminder; the coach's notice is booking_notification.
--                `audience` in the payload (guest | member | coach) tells the
--                email-dispatch function which link to put in the email.
--   links        a guest's manage token is never stored in clear, so it is minted
--                when the email is sent, not when it is queued: email-dispatch calls
--                public.email_booking_link(outbox id) for a claimed guest row and
--                writes `${SITE_URL}/booking/<id>?t=<token>`. members' emails link to
--                /bookings, the coach's to /calendar/session/<session>.
--   calendar     private.booking_calendar keeps each booking's iCalendar SEQUENCE:
--                the .ics of every email about a booking has UID booking-<id>@trackside
--                and this sequence, bumped when the booking moves or is cancelled, so
--                a calendar updates the one event instead of adding another.
--   reschedule   moving a booked session's time (reschedule_booking or the guest's
--                manage page) supersedes a reminder queued for the old time and
--                queues the one for the new time when it is already due (reminders
--                are keyed per sequence, so a reminder sent for the old time does not
--                stop the new one). guests hear of the move here; members from
--                reschedule_booking, as before.
--   dedupe       booking_confirmation:<booking>, booking_notification:<booking>,
--                booking_cancellation:<booking>:member | :coach,
--                booking_reschedule:<booking>:<sequence>:guest | :coach,
--                session_reminder:<booking>[:<sequence>] — a trigger run twice, or a
--                retried request, queues nothing more.
--
-- who sees what: private.booking_calendar is server-only like the outbox.

/**
  * -------------------------------------------------------
  * section - outbox rows addressed to an email address
  * -------------------------------------------------------
  */
alter table private.email_outbox alter column user_id drop not null;
alter table private.email_outbox
  add column to_email text
    constraint email_outbox_to_email_shape
    check (to_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(to_email) <= 254),
  add constraint email_outbox_one_recipient check ((user_id is null) <> (to_email is null));
comment on column private.email_outbox.to_email is
  'the address of a recipient without an account (a guest); null when user_id names a person';

/**
  * -------------------------------------------------------
  * section - a booking's calendar sequence
  * -------------------------------------------------------
  */
create table private.booking_calendar (
  booking_id uuid primary key references public.bookings (id) on delete cascade,
  sequence integer not null default 0 check (sequence >= 0),
  updated_at timestamptz not null default now()
);
comment on table private.booking_calendar is
  'the iCalendar SEQUENCE of each booking''s event; no row = 0';
alter table private.booking_calendar enable row level security;
revoke all on private.booking_calendar from public, anon, authenticated;
grant all on private.booking_calendar to service_role;

create function private.booking_ics_sequence(p_booking uuid)
returns integer
language sql stable security definer set search_path = ''
as $$
  select coalesce((select c.sequence from private.booking_calendar c where c.booking_id = p_booking), 0)
$$;

-- the event changed (moved, cancelled): its next version
create function private.bump_booking_ics_sequence(p_booking uuid)
returns integer
language sql volatile security definer set search_path = ''
as $$
  insert into private.booking_calendar as c (booking_id, sequence) values (p_booking, 1)
  on conflict (booking_id) do update set sequence = c.sequence + 1, updated_at = now()
  returning sequence
$$;

/**
  * -------------------------------------------------------
  * section - queueing
  * -------------------------------------------------------
  * an address's email (a guest's, or a guest buyer's): once per dedupe key. no
  * switches: what reaches an address is transactional.
  */
create function private.enqueue_address_email(p_kind text, p_email text, p_locale text, p_org uuid,
  p_dedupe text, p_payload jsonb, p_send_after timestamptz default now(), p_booking uuid default null)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if p_email is null or p_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    return;
  end if;
  insert into private.email_outbox (kind, user_id, to_email, org_id, locale, dedupe_key, payload,
    send_after, booking_id)
  values (p_kind, null, p_email, p_org, case when p_locale = 'en' then 'en' else 'ru' end, p_dedupe,
    coalesce(p_payload, '{}'::jsonb), coalesce(p_send_after, now()), p_booking)
  on conflict (dedupe_key) do nothing;
end
$$;

-- a guest's email about their booking: to the guest's address, in their language and
-- zone (a zone postgres does not know keeps the session's)
create function private.enqueue_guest_email(p_kind text, p_booking uuid, p_dedupe text,
  p_payload jsonb, p_send_after timestamptz default now())
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_guest private.booking_guests;
  v_org uuid;
  v_payload jsonb := coalesce(p_payload, '{}'::jsonb) || jsonb_build_object('audience', 'guest');
begin
  select * into v_guest from private.booking_guests g where g.booking_id = p_booking;
  if not found then
    return;
  end if;
  select b.org_id into v_org from public.bookings b where b.id = p_booking;
  if exists (select from pg_catalog.pg_timezone_names z where z.name = v_guest.time_zone) then
    v_payload := v_payload || jsonb_build_object('timeZone', v_guest.time_zone);
  end if;
  perform private.enqueue_address_email(p_kind, v_guest.email, v_guest.locale, v_org, p_dedupe,
    v_payload, p_send_after, p_booking);
end
$$;

-- the customer's email about a booking: the member (their switches apply) or the guest
create function private.enqueue_customer_email(p_kind text, p_booking public.bookings, p_dedupe text,
  p_payload jsonb, p_send_after timestamptz default now(), p_outbox_booking uuid default null)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if p_booking.member_id is not null then
    perform private.enqueue_email(p_kind, p_booking.member_id, p_booking.org_id, p_dedupe,
      coalesce(p_payload, '{}'::jsonb) || jsonb_build_object('audience', 'member'),
      p_send_after, p_outbox_booking);
  else
    perform private.enqueue_guest_email(p_kind, p_booking.id, p_dedupe, p_payload, p_send_after);
  end if;
end
$$;

/**
  * -------------------------------------------------------
  * section - what an email about a booking says
  * -------------------------------------------------------
  * as before, plus: a guest's name where a member's would be (for the coach; never
  * the guest's address), the coach's place from their public page (the .ics
  * LOCATION), the session type and the calendar sequence. nothing about any other
  * attendee of the session.
  */
create or replace function private.booking_email_payload(p_booking public.bookings)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'bookingId', p_booking.id, 'sessionId', s.id, 'startsAt', s.starts_at, 'endsAt', s.ends_at,
    'timeZone', s.time_zone, 'title', s.title, 'room', s.room, 'organization', o.name,
    'coachName', coalesce(cp.display_name, pg.display_name),
    'memberName', coalesce(mp.display_name, p_booking.guest_name),
    'guest', p_booking.member_id is null,
    'place', pg.place,
    'sessionType', st.name,
    'icsSequence', private.booking_ics_sequence(p_booking.id))
    from public.training_sessions s
    join public.organizations o on o.id = s.org_id
    left join public.profiles cp on cp.id = p_booking.coach_id
    left join public.profiles mp on mp.id = p_booking.member_id
    left join public.coach_pages pg on pg.org_id = p_booking.org_id and pg.coach_id = p_booking.coach_id
    left join public.session_types st on st.id = p_booking.session_type_id
   where s.id = p_booking.session_id
$$;

/**
  * -------------------------------------------------------
  * section - a booking made, confirmed or cancelled
  * -------------------------------------------------------
  * confirmed (inserted so, or a paid hold becoming confirmed): the customer's
  * confirmation and the coach's notice. cancelled after it was on: the customer
  * is told (whoever cancelled, `cancelledBy` says who), and the coach when the
  * customer cancelled. a hold that lapses unpaid was never on: no email here.
  */
create or replace function private.booking_emails()
returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_payload jsonb;
begin
  if new.status = 'confirmed'
     and (tg_op = 'INSERT' or old.status = 'pending_payment') then
    v_payload := coalesce(private.booking_email_payload(new), '{}'::jsonb);
    perform private.enqueue_customer_email('booking_confirmation', new,
      'booking_confirmation:' || new.id, v_payload);
    if new.coach_id is distinct from new.member_id then
      perform private.enqueue_email('booking_notification', new.coach_id, new.org_id,
        'booking_notification:' || new.id, v_payload || jsonb_build_object('audience', 'coach'));
    end if;
  elsif tg_op = 'UPDATE' and new.status like 'cancelled%' and old.status not like 'cancelled%'
        and old.status not in ('pending_payment', 'expired') then
    perform private.bump_booking_ics_sequence(new.id);
    v_payload := coalesce(private.booking_email_payload(new), '{}'::jsonb)
      || jsonb_build_object('cancelledBy', new.status);
    perform private.enqueue_customer_email('booking_cancellation', new,
      'booking_cancellation:' || new.id || ':member', v_payload);
    if new.status = 'cancelled_by_member' and new.coach_id is distinct from new.member_id then
      perform private.enqueue_email('booking_cancellation', new.coach_id, new.org_id,
        'booking_cancellation:' || new.id || ':coach', v_payload || jsonb_build_object('audience', 'coach'));
    end if;
  end if;
  return null;
end
$$;

-- a guest's contact is written after their booking (it references it): a booking
-- already confirmed by then is confirmed to the guest now (same dedupe key)
create function private.booking_guest_emails()
returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_booking public.bookings;
begin
  select * into v_booking from public.bookings b where b.id = new.booking_id;
  if found and v_booking.status = 'confirmed' and v_booking.member_id is null then
    perform private.enqueue_guest_email('booking_confirmation', v_booking.id,
      'booking_confirmation:' || v_booking.id,
      coalesce(private.booking_email_payload(v_booking), '{}'::jsonb));
  end if;
  return null;
end
$$;
create trigger booking_guest_emails after insert on private.booking_guests
  for each row execute function private.booking_guest_emails();

/**
  * -------------------------------------------------------
  * section - reminders
  * -------------------------------------------------------
  * one booking's reminder, 24 h before its session: to the member (their switch
  * applies) or the guest. keyed per calendar sequence: after a move the reminder
  * for the new time is a new email even if the old time's was already sent.
  */
create function private.enqueue_booking_reminder(p_booking public.bookings)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_starts timestamptz;
  v_sequence integer := private.booking_ics_sequence(p_booking.id);
begin
  select s.starts_at into v_starts from public.training_sessions s where s.id = p_booking.session_id;
  perform private.enqueue_customer_email('session_reminder', p_booking,
    'session_reminder:' || p_booking.id || case when v_sequence > 0 then ':' || v_sequence else '' end,
    private.booking_email_payload(p_booking), v_starts - interval '24 hours', p_booking.id);
end
$$;

-- the job (every 10 minutes): the reminders due within the next 15 minutes
create or replace function private.enqueue_session_reminders()
returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_booking public.bookings;
  v_count integer := 0;
begin
  for v_booking in
    select b.* from public.bookings b
      join public.training_sessions s on s.id = b.session_id
     where b.status = 'confirmed' and b.deleted_at is null and s.status = 'scheduled'
       and s.starts_at - interval '24 hours' between now() - interval '30 minutes'
                                                 and now() + interval '15 minutes'
       and b.created_at < s.starts_at - interval '24 hours'
  loop
    perform private.enqueue_booking_reminder(v_booking);
    v_count := v_count + 1;
  end loop;
  return v_count;
end
$$;

/**
  * -------------------------------------------------------
  * section - a booked session moved
  * -------------------------------------------------------
  * for each booking on it: a new calendar sequence, the queued reminder for the
  * old time superseded and the new one queued when already due. a guest is told
  * here (reschedule_booking tells members, and queues nothing for a guest); the
  * coach too when the guest moved it from the manage page (no signed-in caller:
  * the page acts through the service role) — a signed-in mover went through
  * reschedule_booking, which tells the coach itself.
  */
create function private.session_moved_emails()
returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_booking public.bookings;
  v_sequence integer;
  v_payload jsonb;
  v_by text;
begin
  for v_booking in
    select b.* from public.bookings b
     where b.session_id = new.id and b.status = 'confirmed' and b.deleted_at is null
  loop
    v_sequence := private.bump_booking_ics_sequence(v_booking.id);
    update private.email_outbox e
       set status = 'skipped', last_error = 'superseded: the booking moved'
     where e.booking_id = v_booking.id and e.kind = 'session_reminder' and e.status = 'pending';
    if v_booking.member_id is null then
      v_by := case when auth.uid() is null then 'member'
                   when auth.uid() = v_booking.coach_id then 'coach'
                   else 'organization' end;
      v_payload := coalesce(private.booking_email_payload(v_booking), '{}'::jsonb)
        || jsonb_build_object('rescheduled', true, 'previousStartsAt', old.starts_at,
             'previousEndsAt', old.ends_at, 'rescheduledBy', v_by);
      perform private.enqueue_guest_email('booking_confirmation', v_booking.id,
        'booking_reschedule:' || v_booking.id || ':' || v_sequence || ':guest', v_payload);
      if auth.uid() is null then
        perform private.enqueue_email('booking_notification', v_booking.coach_id, v_booking.org_id,
          'booking_reschedule:' || v_booking.id || ':' || v_sequence || ':coach',
          v_payload || jsonb_build_object('audience', 'coach'));
      end if;
    end if;
    if new.status = 'scheduled'
       and new.starts_at - interval '24 hours' between now() - interval '30 minutes'
                                                   and now() + interval '15 minutes'
       and v_booking.created_at < new.starts_at - interval '24 hours' then
      perform private.enqueue_booking_reminder(v_booking);
    end if;
  end loop;
  return null;
end
$$;
create trigger session_moved_emails after update of starts_at on public.training_sessions
  for each row when (old.starts_at is distinct from new.starts_at)
  execute function private.session_moved_emails();

/**
  * -------------------------------------------------------
  * section - purchases by guests
  * -------------------------------------------------------
  * a purchase without a person (a guest's checkout) is confirmed to the address it
  * carries — `guest_email` or `buyer_email` or `email`, in `guest_locale` or
  * `locale` — read from the row as json, so the purchase's own columns stay its
  * migration's business. a member's purchase is confirmed as before.
  */
create or replace function private.purchase_emails()
returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row jsonb;
  v_payload jsonb;
begin
  if new.status = 'paid' and old.status is distinct from 'paid' then
    v_payload := jsonb_build_object('purchaseId', new.id, 'productName', new.product_name,
      'kind', new.kind, 'amountMinor', new.amount_minor, 'currency', new.currency,
      'credits', new.credits, 'validDays', new.valid_days, 'percentOff', new.percent_off);
    if new.user_id is not null then
      perform private.enqueue_email('purchase_confirmation', new.user_id, new.org_id,
        'purchase_confirmation:' || new.id, v_payload);
    else
      v_row := pg_catalog.to_jsonb(new);
      perform private.enqueue_address_email('purchase_confirmation',
        coalesce(v_row ->> 'guest_email', v_row ->> 'buyer_email', v_row ->> 'email'),
        coalesce(v_row ->> 'guest_locale', v_row ->> 'locale'), new.org_id,
        'purchase_confirmation:' || new.id, v_payload || jsonb_build_object('audience', 'guest'));
    end if;
  end if;
  return null;
end
$$;

/**
  * -------------------------------------------------------
  * section - dispatch
  * -------------------------------------------------------
  * claiming hands out the address (the person's, or the row's own) and the booking
  * an email is about; an address's row has no switches to re-check.
  */
create or replace function public.email_claim_batch(p_limit integer default 20)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_rows jsonb;
begin
  update private.email_outbox e set status = 'skipped', last_error = 'no longer wanted or booking cancelled'
   where e.status = 'pending' and e.send_after <= now()
     and ((e.user_id is not null and not private.wants_email(e.user_id, e.kind))
          or (e.kind = 'session_reminder' and not exists (
                select from public.bookings b join public.training_sessions s on s.id = b.session_id
                 where b.id = e.booking_id and b.status = 'confirmed' and b.deleted_at is null
                   and s.status = 'scheduled' and s.starts_at > now())));
  with due as (
    select e.id from private.email_outbox e
     where (e.status = 'pending' and e.send_after <= now())
        or (e.status = 'sending' and e.locked_until < now())
     order by e.send_after, e.id
     limit least(greatest(coalesce(p_limit, 20), 1), 100)
     for update skip locked
  ), claimed as (
    update private.email_outbox e
       set status = 'sending', attempts = e.attempts + 1, locked_until = now() + interval '5 minutes'
      from due where e.id = due.id
    returning e.*
  )
  select coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'kind', c.kind, 'locale', c.locale,
           'to', coalesce(c.to_email, u.email), 'attempts', c.attempts, 'payload', c.payload,
           'guest', c.user_id is null,
           'bookingId', coalesce(c.booking_id::text, case
             when c.payload ->> 'bookingId' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
             then c.payload ->> 'bookingId' end))
           order by c.send_after, c.id), '[]'::jsonb)
    into v_rows
    from claimed c left join auth.users u on u.id = c.user_id;
  return v_rows;
end
$$;

-- a guest's manage link for the email being sent: a fresh token for the booking the
-- claimed row is about (only its hash is stored). refused for any row not being
-- sent right now, and for a person's email (members manage bookings in the app).
create function public.email_booking_link(p_outbox_id uuid)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row private.email_outbox;
  v_booking uuid;
begin
  select * into v_row from private.email_outbox e where e.id = p_outbox_id;
  if not found or v_row.status <> 'sending' then
    raise exception 'no email is being sent with this id' using hint = 'not_found';
  end if;
  if v_row.user_id is not null then
    raise exception 'only a guest''s email carries a manage link' using hint = 'invalid';
  end if;
  v_booking := coalesce(v_row.booking_id, case
    when v_row.payload ->> 'bookingId' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    then (v_row.payload ->> 'bookingId')::uuid end);
  if v_booking is null or not exists (select from public.bookings b where b.id = v_booking) then
    raise exception 'this email is not about a booking' using hint = 'invalid';
  end if;
  return private.mint_booking_link(v_booking);
end
$$;
comment on function public.email_booking_link(uuid) is
  'email-dispatch: a fresh manage-link token for the guest booking a claimed email is about';

/**
  * -------------------------------------------------------
  * section - privileges
  * -------------------------------------------------------
  */
revoke all on function private.booking_ics_sequence(uuid) from public, anon, authenticated;
revoke all on function private.bump_booking_ics_sequence(uuid) from public, anon, authenticated;
revoke all on function private.enqueue_address_email(text, text, text, uuid, text, jsonb, timestamptz, uuid)
  from public, anon, authenticated;
revoke all on function private.enqueue_guest_email(text, uuid, text, jsonb, timestamptz) from public, anon, authenticated;
revoke all on function private.enqueue_customer_email(text, public.bookings, text, jsonb, timestamptz, uuid)
  from public, anon, authenticated;
revoke all on function private.enqueue_booking_reminder(public.bookings) from public, anon, authenticated;
revoke all on function private.session_moved_emails() from public, anon, authenticated;
revoke all on function private.booking_guest_emails() from public, anon, authenticated;
revoke all on function public.email_booking_link(uuid) from public, anon, authenticated;
grant execute on function private.enqueue_address_email(text, text, text, uuid, text, jsonb, timestamptz, uuid)
  to service_role;
grant execute on function private.enqueue_guest_email(text, uuid, text, jsonb, timestamptz) to service_role;
grant execute on function public.email_booking_link(uuid) to service_role;
