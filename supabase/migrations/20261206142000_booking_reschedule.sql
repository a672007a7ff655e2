-- rescheduling a booking: the same booking, another time (issue 13).
--
-- a one-to-one booking moves to a new start keeping its id, its session (and
-- so its attendance, credit and history), and its length. the move goes
-- through the commitments ledger (20261206120000_booking_commitments.sql): the
-- session's update moves its claim (private.hold_session_time, on the
-- sessions' update trigger), and a claim that would overlap another is refused
-- by the ledger's exclusion constraint — a loser gets the same answer as
-- book_slot's: 23P01 with hint slot_taken and the date as json in the detail
-- (http 409 through the api, private.raise_taken). the rpc takes the coach's
-- lock first, so it runs one after another with book_slot and
-- create_recurring_booking for that coach.
--
--   who     the coach of the session or an admin of the club, at any time; the
--           member until the coach's cancellation window before the current
--           start (private.sched_canceller: hint cancellation_window_passed)
--   where   the new time obeys what book_slot checks: the coach's notice,
--           horizon, availability and blocked time
--   what    a confirmed booking of a scheduled one-to-one session; a group
--           seat is cancelled and booked again instead (hint invalid)
--   emails  both sides are told, whoever moved it, through the kinds a booking
--           already uses (booking_confirmation to the member,
--           booking_notification to the coach) so a person's email
--           preferences apply; `rescheduled` and the previous times in the
--           payload tell the email-dispatch templates to say «перенесена».
--           dedupe key booking_reschedule:<booking>:<transaction time>:<side>
--
-- who sees what: nothing new is stored; the rpc is for signed-in users only.

/**
  * -------------------------------------------------------
  * section - reschedule_booking
  * -------------------------------------------------------
  */
create function public.reschedule_booking(p_booking uuid, p_starts_at timestamptz)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_booking public.bookings;
  v_session public.training_sessions;
  v_settings public.coach_settings;
  v_ends timestamptz;
  v_by text;
  v_payload jsonb;
  v_stamp text := pg_catalog.to_char(pg_catalog.now() at time zone 'UTC', 'YYYYMMDDHH24MISSUS');
begin
  if p_booking is null or p_starts_at is null then
    raise exception 'a booking and a new start are required' using hint = 'invalid';
  end if;
  select * into v_booking from public.bookings b where b.id = p_booking;
  if not found then
    raise exception 'no such booking' using hint = 'not_found';
  end if;
  -- one move at a time per coach, before any check: a loser's checks see the winner
  perform private.lock_coach(v_booking.coach_id);
  select * into v_booking from public.bookings b where b.id = p_booking for update;
  select * into v_session from public.training_sessions t where t.id = v_booking.session_id for update;
  -- the rights of a cancellation: a member only before the coach's window
  v_by := private.sched_canceller(v_session, v_booking.member_id);
  if v_booking.status <> 'confirmed' or v_session.status <> 'scheduled' or v_session.deleted_at is not null then
    raise exception 'only a confirmed upcoming booking can be moved' using hint = 'invalid';
  end if;
  if v_session.kind <> 'one_to_one' then
    raise exception 'a seat in a group session cannot be moved' using hint = 'invalid';
  end if;
  v_ends := p_starts_at + (v_session.ends_at - v_session.starts_at);
  if p_starts_at = v_session.starts_at then
    return jsonb_build_object('booking_id', p_booking, 'session_id', v_session.id,
      'starts_at', v_session.starts_at, 'ends_at', v_session.ends_at, 'replayed', true);
  end if;

  -- the new time obeys the rules of booking it
  v_settings := private.sched_settings(v_session.org_id, v_session.coach_id);
  if p_starts_at < now() + pg_catalog.make_interval(mins => v_settings.minimum_notice_minutes) then
    raise exception 'too late to book this time' using hint = 'too_soon';
  end if;
  if p_starts_at > now() + pg_catalog.make_interval(days => v_settings.booking_horizon_days) then
    raise exception 'this time is too far ahead to book' using hint = 'beyond_horizon';
  end if;
  if not private.fits_availability(v_session.org_id, v_session.coach_id, v_settings.time_zone, p_starts_at, v_ends) then
    raise exception 'the coach is not available at this time' using hint = 'outside_availability';
  end if;
  if private.is_blocked(v_session.org_id, v_session.coach_id, p_starts_at, v_ends) then
    raise exception 'the coach has blocked this time' using hint = 'blocked';
  end if;

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

  -- a flag about the old time no longer applies: the new one was checked above
  update public.session_conflicts
     set status = 'resolved', resolution = 'fits_again', resolved_at = now(), resolved_by = auth.uid()
   where session_id = v_session.id and status = 'open' and kind = 'outside_availability';

  -- both sides hear of it
  v_payload := coalesce(private.booking_email_payload(v_booking), '{}'::jsonb)
    || jsonb_build_object('rescheduled', true, 'previousStartsAt', v_session.starts_at,
         'previousEndsAt', v_session.ends_at, 'rescheduledBy', v_by);
  perform private.enqueue_email('booking_confirmation', v_booking.member_id, v_booking.org_id,
    'booking_reschedule:' || p_booking || ':' || v_stamp || ':member', v_payload);
  if v_booking.coach_id is distinct from v_booking.member_id then
    perform private.enqueue_email('booking_notification', v_booking.coach_id, v_booking.org_id,
      'booking_reschedule:' || p_booking || ':' || v_stamp || ':coach', v_payload);
  end if;

  return jsonb_build_object('booking_id', p_booking, 'session_id', v_session.id,
    'starts_at', p_starts_at, 'ends_at', v_ends, 'replayed', false);
end
$$;
comment on function public.reschedule_booking(uuid, timestamptz) is
  'moves a one-to-one booking to a new start, keeping its id and length; 23P01/slot_taken when the time is held';

/**
  * -------------------------------------------------------
  * section - privileges
  * -------------------------------------------------------
  */
revoke all on function public.reschedule_booking(uuid, timestamptz) from public, anon, authenticated;
grant execute on function public.reschedule_booking(uuid, timestamptz) to authenticated, service_role;
