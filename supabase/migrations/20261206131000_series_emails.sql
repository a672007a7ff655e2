-- series emails: a recurring booking announces itself, once (issue 13).
--
-- booking one slot emails the member («Запись подтверждена») and the coach: the
-- trigger on public.bookings (private.booking_emails, 20261122300000_money.sql).
-- a weekly or bi-weekly booking has no booking row, so it emailed neither. now a
-- series, however it is created (create_recurring_booking by the member or by a
-- coach for an athlete, or any other insert), queues one confirmation to the
-- member and one notification to the coach, each listing every date the series
-- holds — its generated sessions and the occurrences claimed ahead in
-- private.commitments, up to its end date or the coach's horizon — and the dates
-- it skips. ending a series (cancel_recurring_booking) tells the other side once,
-- with the sessions that still stand (a member cannot cancel those inside the
-- coach's cancellation window); it never emails once per session: the rpc
-- cancels the sessions directly, and occurrences have no booking rows.
--
--   kinds        the existing ones — booking_confirmation (member),
--                booking_notification (coach), booking_cancellation — so a
--                person's email preferences apply exactly as to one-time bookings
--                (private.enqueue_email checks them, email_claim_batch re-checks)
--                and the outbox needs no new kind. `series` in the payload tells
--                the email-dispatch templates to list dates.
--   language     private.enqueue_email's: the person's profile, else the club's
--   times        the series' zone (the coach's, copied when it was booked)
--   dedupe keys  series_confirmation:<id>, series_notification:<id>,
--                series_cancellation:<id>:member | :coach — a replayed rpc, or a
--                second run of a trigger, queues nothing more
--
-- when: deferred constraint triggers, run at commit, so an email tells what the
-- transaction left — the sessions create_recurring_booking generates after its
-- insert, the sessions cancel_recurring_booking cancels after its update. a
-- transaction that fails (a series refused as slot_taken) queues nothing. tests
-- that run inside one transaction fire them with `set constraints … immediate`.

/**
  * -------------------------------------------------------
  * section - what a series email says
  * -------------------------------------------------------
  * the series, its people and place, and its dates: every future date the series
  * holds (a live session of it, or its claim in the ledger, which a session
  * keeps only while it is live; one row per local date, the session first) and
  * the dates it skips (those the booker chose to skip because they clashed, and
  * occurrences the ledger refused or blocked time took). at a cancellation the
  * dates it still holds are the sessions that stand.
  */
create function private.series_email_payload(p_series public.recurring_bookings)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'series', true,
    'seriesId', p_series.id,
    'organization', o.name,
    'coachName', cp.display_name,
    'memberName', mp.display_name,
    'timeZone', p_series.time_zone,
    'weekday', p_series.weekday,
    'startTime', left(p_series.start_time::text, 5),
    'durationMinutes', p_series.duration_minutes,
    'everyWeeks', p_series.every_weeks,
    'startDate', p_series.start_date,
    'endDate', p_series.end_date,
    'dates', (
      select coalesce(jsonb_agg(jsonb_build_object('date', h.local_date, 'startsAt', h.starts_at,
               'endsAt', h.ends_at) order by h.starts_at), '[]'::jsonb)
        from (
          select distinct on (x.local_date) x.local_date, x.starts_at, x.ends_at
            from (
              select t.local_date, t.starts_at, t.ends_at, 0 as pref
                from public.training_sessions t
               where t.recurring_booking_id = p_series.id and t.status = 'scheduled'
                 and t.deleted_at is null and t.ends_at > now()
              union all
              select c.local_date, c.starts_at, c.ends_at, 1
                from private.commitments c
               where c.series_id = p_series.id and c.ends_at > now()
            ) x
           order by x.local_date, x.pref
        ) h),
    'skipped', (
      select coalesce(jsonb_agg(s.local_date order by s.local_date), '[]'::jsonb)
        from (
          select e.d as local_date
            from unnest(p_series.excluded_dates) e(d)
           where e.d >= (now() at time zone p_series.time_zone)::date
          union
          select c.local_date
            from public.session_conflicts c
           where c.recurring_booking_id = p_series.id and c.session_id is null
             and c.kind in ('overlap', 'blocked') and c.status = 'open' and c.deleted_at is null
             and c.starts_at > now()
        ) s))
    from public.organizations o
    left join public.profiles cp on cp.id = p_series.coach_id
    left join public.profiles mp on mp.id = p_series.member_id
   where o.id = p_series.org_id
$$;
comment on function private.series_email_payload(public.recurring_bookings) is
  'what an email about a recurring booking says: the series, its people and every date it holds and skips';

/**
  * -------------------------------------------------------
  * section - a series booked
  * -------------------------------------------------------
  * a confirmation to the member and a notification to the coach (none when they
  * are one person, as for one-time bookings). read at commit: a series ended in
  * the transaction that made it, or holding no date, announces nothing.
  */
create function private.series_created_emails()
returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_series public.recurring_bookings;
  v_payload jsonb;
begin
  select * into v_series from public.recurring_bookings r where r.id = new.id;
  if not found or v_series.status <> 'active' or v_series.deleted_at is not null then
    return null;
  end if;
  v_payload := private.series_email_payload(v_series);
  if v_payload is null or jsonb_array_length(v_payload -> 'dates') = 0 then
    return null;
  end if;
  perform private.enqueue_email('booking_confirmation', v_series.member_id, v_series.org_id,
    'series_confirmation:' || v_series.id, v_payload);
  if v_series.coach_id is distinct from v_series.member_id then
    perform private.enqueue_email('booking_notification', v_series.coach_id, v_series.org_id,
      'series_notification:' || v_series.id, v_payload);
  end if;
  return null;
end
$$;

create constraint trigger series_created_emails after insert on public.recurring_bookings
  deferrable initially deferred
  for each row when (new.status = 'active' and new.deleted_at is null)
  execute function private.series_created_emails();

/**
  * -------------------------------------------------------
  * section - a series ended
  * -------------------------------------------------------
  * the other side is told, once: the coach when the member ended it, the member
  * when the coach did, both when someone else did (an admin of the club, or the
  * system). who ended it is the caller (auth.uid(), still the request's at
  * commit). the email lists the sessions that still stand.
  */
create function private.series_ended_emails()
returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_series public.recurring_bookings;
  v_actor uuid := auth.uid();
  v_payload jsonb;
begin
  select * into v_series from public.recurring_bookings r where r.id = new.id;
  if not found or v_series.status <> 'cancelled' then
    return null;
  end if;
  v_payload := (private.series_email_payload(v_series) - 'skipped')
    || jsonb_build_object('cancelledBy',
         case when v_actor = v_series.member_id then 'member'
              when v_actor = v_series.coach_id then 'coach'
              else 'organization' end);
  if v_actor is distinct from v_series.member_id then
    perform private.enqueue_email('booking_cancellation', v_series.member_id, v_series.org_id,
      'series_cancellation:' || v_series.id || ':member', v_payload);
  end if;
  if v_actor is distinct from v_series.coach_id and v_series.coach_id is distinct from v_series.member_id then
    perform private.enqueue_email('booking_cancellation', v_series.coach_id, v_series.org_id,
      'series_cancellation:' || v_series.id || ':coach', v_payload);
  end if;
  return null;
end
$$;

create constraint trigger series_ended_emails after update of status on public.recurring_bookings
  deferrable initially deferred
  for each row when (old.status = 'active' and new.status = 'cancelled')
  execute function private.series_ended_emails();

/**
  * -------------------------------------------------------
  * section - privileges
  * -------------------------------------------------------
  * server-side only, like the other email functions
  */
revoke all on function private.series_email_payload(public.recurring_bookings) from public, anon, authenticated;
revoke all on function private.series_created_emails() from public, anon, authenticated;
revoke all on function private.series_ended_emails() from public, anon, authenticated;
