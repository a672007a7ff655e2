-- commitments: one ledger of every coach's promised time (issue 12 §1).
--
-- a coach's time is promised by a live session (a one-time booking, a group
-- session, a materialized occurrence) and by every future occurrence of an
-- active series — a recurring booking or a group timetable — up to its end
-- date or, open-ended, up to the coach's booking horizon. sessions are
-- materialized only six weeks ahead, so an exclusion constraint on sessions
-- could not see the rest: a series starting beyond the generated window, or a
-- one-time booking on a weekly member's ninth date, passed. this table holds
-- one row per commitment, and its exclusion constraint is the rule: no two of a
-- coach's commitments overlap, buffers included, in any organization.
--
-- every insert into it is `on conflict do nothing` (speculative insertion): of
-- two transactions claiming overlapping time, the later waits for the earlier
-- and then sees the conflict, and neither deadlocks — a plain exclusion check
-- lets each find the other's row and wait for it (40P01, which the gateway
-- answers with http 500). the writer compares what it claimed with what it
-- asked for and answers slot_taken (23P01, http 409) naming the dates. the
-- booking rpcs also serialize per coach (an advisory lock), so a loser's own
-- checks already see the winner.
--
-- who writes it
--   sessions      triggers on training_sessions: a live future session holds a
--                 claim; materializing an occurrence turns its series' claim into
--                 the session's; cancelling, deleting or moving it follows
--   occurrences   private.claim_series: when a series is created or changed, when
--                 a coach's settings change, and daily for the days that came into
--                 reach. an occurrence it cannot claim becomes an 'overlap' conflict
--                 (generation never places it)
--   history       the daily job drops claims that ended a day ago: bookings are only
--                 made in the future, so the ledger is the size of what lies ahead
--
-- this migration also makes every change that can move a session out of the
-- coach's bookable time flag it (settings too, not only windows and blocks), and
-- generation flag what it places outside availability.

-- the ledger ---------------------------------------------------------------------------
create table private.commitments (
  id bigint generated always as identity primary key,
  org_id uuid not null references public.organizations (id) on delete cascade,
  coach_id uuid not null references auth.users (id) on delete cascade,
  -- the session holding the time; null for an occurrence not materialized yet
  session_id uuid unique,
  -- the series and local date of an occurrence (kept once it is materialized)
  series_id uuid,
  local_date date,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  -- [starts − buffer before, ends + buffer after)
  reserved tstzrange not null,
  constraint commitments_source check (session_id is not null or (series_id is not null and local_date is not null)),
  constraint commitments_no_overlap exclude using gist (coach_id with =, reserved with &&)
);
comment on table private.commitments is
  'every live session and future series occurrence of a coach; no two overlap (the double-booking rule)';
create unique index commitments_occurrence_idx on private.commitments (series_id, local_date);
create index commitments_ends_idx on private.commitments (ends_at);
create index commitments_org_idx on private.commitments (org_id);

-- how far each series is claimed: the daily run starts after it, so its cost is
-- the days that came into reach, not every occurrence ahead
create table private.series_claims (
  series_id uuid primary key,
  claimed_through date not null
);
comment on table private.series_claims is 'the last local date through which a series'' occurrences are claimed';

alter table private.commitments enable row level security;
alter table private.series_claims enable row level security;
revoke all on private.commitments, private.series_claims from public, anon, authenticated;
grant select on private.commitments, private.series_claims to service_role;

-- the sessions' own constraint is replaced by the ledger's (a session holds its
-- claim); two plain exclusion checks on one insert could deadlock again
alter table public.training_sessions drop constraint training_sessions_no_overlap;

-- the coach's lock --------------------------------------------------------------------------
-- the booking rpcs take it before their checks, so bookings of one coach run one
-- after another and a loser's checks see the winner; other coaches are not held up
create function private.lock_coach(p_coach uuid)
returns void
language sql volatile security definer set search_path = ''
as $$
  select pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('commitments:' || p_coach::text, 0))
$$;

-- the answer a booking loser gets ------------------------------------------------------------
-- 23P01 with hint slot_taken (or recurring_conflicts) and the dates as json in the
-- detail. postgrest answers 23P01 with http 400, so through the api (postgrest
-- sets request.method) the same body is raised the way postgrest documents for
-- a chosen status: sqlstate 'PGRST', the body as json, {"status": 409} as detail.
create function private.raise_taken(p_message text, p_hint text, p_detail jsonb)
returns void
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  if coalesce(pg_catalog.current_setting('request.method', true), '') <> '' then
    raise sqlstate 'PGRST' using
      message = pg_catalog.jsonb_build_object('code', '23P01', 'message', p_message,
        'details', p_detail::text, 'hint', p_hint)::text,
      detail = '{"status": 409, "headers": {}}';
  end if;
  raise exception '%', p_message using errcode = '23P01', hint = p_hint, detail = p_detail::text;
end
$$;

-- sessions hold their time ---------------------------------------------------------------
-- brings the claims of some sessions in line with them: a session that is no
-- longer live (cancelled, tombstoned, gone) lets its time go, a moved one moves
-- its claim, a materialized occurrence takes over its series' claim, and any
-- other live future session claims its time. raises slot_taken (23P01) naming
-- the dates it could not claim.
create function private.hold_session_time(p_ids uuid[])
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_taken jsonb;
begin
  delete from private.commitments c
   using pg_catalog.unnest(p_ids) i(id)
   where c.session_id = i.id
     and not exists (
       select from public.training_sessions t
        where t.id = i.id and t.status <> 'cancelled' and t.deleted_at is null);

  update private.commitments c
     set starts_at = t.starts_at, ends_at = t.ends_at, reserved = t.reserved
    from pg_catalog.unnest(p_ids) i(id)
    join public.training_sessions t on t.id = i.id
   where c.session_id = t.id and c.reserved <> t.reserved;

  update private.commitments c
     set session_id = t.id, starts_at = t.starts_at, ends_at = t.ends_at, reserved = t.reserved
    from pg_catalog.unnest(p_ids) i(id)
    join public.training_sessions t on t.id = i.id
   where t.status <> 'cancelled' and t.deleted_at is null and t.ends_at > now()
     and c.series_id = coalesce(t.recurring_booking_id, t.timetable_id)
     and c.local_date = t.local_date and c.session_id is null;

  with wanted as (
    select t.*
      from pg_catalog.unnest(p_ids) i(id)
      join public.training_sessions t on t.id = i.id
     where t.status <> 'cancelled' and t.deleted_at is null and t.ends_at > now()
       and not exists (select from private.commitments c where c.session_id = t.id)
  ), claimed as (
    insert into private.commitments (org_id, coach_id, session_id, series_id, local_date, starts_at, ends_at, reserved)
    select w.org_id, w.coach_id, w.id, coalesce(w.recurring_booking_id, w.timetable_id), w.local_date,
           w.starts_at, w.ends_at, w.reserved
      from wanted w
     order by w.starts_at
    on conflict do nothing
    returning session_id
  )
  select jsonb_agg(jsonb_build_object('date', w.local_date, 'starts_at', w.starts_at, 'problem', 'taken')
           order by w.starts_at)
    into v_taken
    from wanted w
   where not exists (select from claimed c where c.session_id = w.id);
  if v_taken is not null then
    raise exception 'this time is no longer available: %',
      (select string_agg(e ->> 'date', ', ') from jsonb_array_elements(v_taken) e)
      using errcode = '23P01', hint = 'slot_taken', detail = v_taken::text;
  end if;
end
$$;

create function private.sessions_inserted()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.hold_session_time(array(select a.id from added a));
  return null;
end
$$;

create function private.sessions_updated()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- only what changes the time held: liveness and the reserved range
  perform private.hold_session_time(array(
    select n.id from changed n join previous o on o.id = n.id
     where (n.status = 'cancelled') is distinct from (o.status = 'cancelled')
        or (n.deleted_at is null) is distinct from (o.deleted_at is null)
        or n.reserved is distinct from o.reserved));
  return null;
end
$$;

create function private.sessions_deleted()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  delete from private.commitments c using gone g where c.session_id = g.id;
  return null;
end
$$;

create trigger training_sessions_hold_time after insert on public.training_sessions
  referencing new table as added for each statement execute function private.sessions_inserted();
create trigger training_sessions_move_time after update on public.training_sessions
  referencing old table as previous new table as changed
  for each statement execute function private.sessions_updated();
create trigger training_sessions_free_time after delete on public.training_sessions
  referencing old table as gone for each statement execute function private.sessions_deleted();

-- series hold their future -----------------------------------------------------------------
-- claims the occurrences of the active series (all, one coach's, or one) after
-- what each has claimed, through its end date or the coach's booking horizon
-- plus a day (at least the six generated weeks; p_until reaches further). the
-- extra day keeps a horizon that rolls at local midnight inside what is claimed
-- until the daily run. an occurrence someone else holds is recorded as an
-- 'overlap' conflict and never placed. returns how many were refused.
create function private.claim_series(p_series uuid default null, p_coach uuid default null, p_until date default null)
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_refused int;
begin
  with series as (
    select 'recurring_booking'::text as origin, r.id, r.org_id, r.coach_id, r.weekday, r.start_time,
           r.duration_minutes, r.time_zone, r.every_weeks, r.start_date, r.end_date, r.excluded_dates
      from public.recurring_bookings r
     where r.status = 'active' and r.deleted_at is null
       and (p_series is null or r.id = p_series) and (p_coach is null or r.coach_id = p_coach)
    union all
    select 'group_timetable', g.id, g.org_id, g.coach_id, g.weekday, g.start_time, g.duration_minutes,
           g.time_zone, g.every_weeks, g.start_date, g.end_date, '{}'::date[]
      from public.group_timetables g
     where g.status = 'active' and g.deleted_at is null
       and (p_series is null or g.id = p_series) and (p_coach is null or g.coach_id = p_coach)
  ), bounds as (
    select s.*,
           coalesce(cs.buffer_before_minutes, 0) as buffer_before,
           coalesce(cs.buffer_after_minutes, 0) as buffer_after,
           s.start_date + ((s.weekday - extract(dow from s.start_date)::int + 7) % 7) as first_date,
           7 * s.every_weeks as step,
           greatest((now() at time zone s.time_zone)::date, st.claimed_through + 1) as from_date,
           least(s.end_date, greatest(p_until,
             (now() at time zone s.time_zone)::date + greatest(coalesce(cs.booking_horizon_days, 60) + 1, 42)))
             as last_date
      from series s
      left join public.coach_settings cs
        on cs.org_id = s.org_id and cs.coach_id = s.coach_id and cs.deleted_at is null
      left join private.series_claims st on st.series_id = s.id
  ), placed as (
    select b.origin, b.id, b.org_id, b.coach_id, o.local_date, o.starts_at,
           o.starts_at + pg_catalog.make_interval(mins => b.duration_minutes) as ends_at,
           b.buffer_before, b.buffer_after
      from bounds b
      cross join lateral pg_catalog.generate_series(
        greatest(0, ceil((b.from_date - b.first_date)::numeric / b.step)::int),
        floor((b.last_date - b.first_date)::numeric / b.step)::int) k
      cross join lateral (
        select b.first_date + k * b.step as local_date,
               private.zoned_instant(b.first_date + k * b.step, b.start_time, b.time_zone) as starts_at
      ) o
     where not (o.local_date = any (b.excluded_dates))
       and o.starts_at > now()
       and not exists (select from private.commitments c where c.series_id = b.id and c.local_date = o.local_date)
       and not exists (
         select from public.training_sessions t
          where b.origin = 'recurring_booking' and t.recurring_booking_id = b.id and t.local_date = o.local_date)
       and not exists (
         select from public.training_sessions t
          where b.origin = 'group_timetable' and t.timetable_id = b.id and t.local_date = o.local_date)
       and not exists (
         select from public.session_conflicts c
          where c.series_id = b.id and c.local_date = o.local_date and c.session_id is null)
  ), claimed as (
    insert into private.commitments (org_id, coach_id, series_id, local_date, starts_at, ends_at, reserved)
    select p.org_id, p.coach_id, p.id, p.local_date, p.starts_at, p.ends_at,
           pg_catalog.tstzrange(p.starts_at - pg_catalog.make_interval(mins => p.buffer_before),
                                p.ends_at + pg_catalog.make_interval(mins => p.buffer_after), '[)')
      from placed p
     order by p.starts_at
    on conflict do nothing
    returning series_id, local_date
  ), refused as (
    insert into public.session_conflicts
      (org_id, coach_id, kind, recurring_booking_id, timetable_id, local_date, starts_at, ends_at)
    select p.org_id, p.coach_id, 'overlap',
           case p.origin when 'recurring_booking' then p.id end,
           case p.origin when 'group_timetable' then p.id end,
           p.local_date, p.starts_at, p.ends_at
      from placed p
     where not exists (select from claimed c where c.series_id = p.id and c.local_date = p.local_date)
    on conflict do nothing
    returning 1
  ), advanced as (
    insert into private.series_claims (series_id, claimed_through)
    select b.id, b.last_date from bounds b where b.last_date is not null
    on conflict (series_id) do update
      set claimed_through = greatest(private.series_claims.claimed_through, excluded.claimed_through)
    returning 1
  )
  select (select count(*) from refused)::int into v_refused;
  return v_refused;
end
$$;

-- a series whose occurrences change (time, weekday, dates, zone, status, coach,
-- skipped dates) gives back the claims of what it has not materialized and
-- claims again from today; an insert claims from today
create function private.series_changed()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_ignored constant text[] := array['updated_at', 'updated_by', 'xid', 'created_at', 'room', 'title',
    'capacity', 'cancelled_at'];
begin
  if tg_op = 'UPDATE' and (pg_catalog.to_jsonb(new) - v_ignored) = (pg_catalog.to_jsonb(old) - v_ignored) then
    return null;
  end if;
  if tg_op = 'UPDATE' then
    delete from private.commitments c where c.series_id = new.id and c.session_id is null;
    delete from private.series_claims s where s.series_id = new.id;
  end if;
  perform private.claim_series(new.id);
  return null;
end
$$;

create trigger recurring_bookings_claim after insert or update on public.recurring_bookings
  for each row execute function private.series_changed();
create trigger group_timetables_claim after insert or update on public.group_timetables
  for each row execute function private.series_changed();

-- settings move bookable time ----------------------------------------------------------------
-- the windows mean other instants in another zone; without settings the coach
-- takes no bookings at all
create or replace function private.flag_availability(p_org uuid, p_coach uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_tz text;
begin
  select s.time_zone into v_tz from public.coach_settings s
    where s.org_id = p_org and s.coach_id = p_coach and s.deleted_at is null;
  with future as (
    select t.id, t.local_date, t.starts_at, t.ends_at, t.recurring_booking_id,
           coalesce(private.fits_availability(p_org, p_coach, v_tz, t.starts_at, t.ends_at)
             and not private.is_blocked(p_org, p_coach, t.starts_at, t.ends_at), false) as fits
    from public.training_sessions t
    where t.org_id = p_org and t.coach_id = p_coach and t.kind = 'one_to_one'
      and t.status = 'scheduled' and t.deleted_at is null and t.starts_at > now()
  ), flagged as (
    insert into public.session_conflicts
      (org_id, coach_id, kind, session_id, recurring_booking_id, local_date, starts_at, ends_at)
    select p_org, p_coach, 'outside_availability', f.id, f.recurring_booking_id, f.local_date,
           f.starts_at, f.ends_at
    from future f where not f.fits
    on conflict do nothing
    returning 1
  )
  update public.session_conflicts c
     set status = 'resolved', resolution = 'fits_again', resolved_at = now()
    from future f
   where c.session_id = f.id and f.fits and c.kind = 'outside_availability' and c.status = 'open';
end
$$;

-- any change of a coach's settings re-checks their sessions; a change of the
-- horizon or the buffers also claims what came into reach
create function private.settings_changed()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.flag_availability(old.org_id, old.coach_id);
  end if;
  if tg_op = 'INSERT' or (new.org_id, new.coach_id) is distinct from (old.org_id, old.coach_id) then
    perform private.flag_availability(new.org_id, new.coach_id);
  end if;
  -- what is not materialized yet is claimed again with the new buffers (what
  -- now clashes becomes a conflict); sessions keep the buffers they were made with
  if tg_op = 'UPDATE' and (new.buffer_before_minutes, new.buffer_after_minutes)
       is distinct from (old.buffer_before_minutes, old.buffer_after_minutes) then
    delete from private.series_claims s
     where s.series_id in (
       select c.series_id from private.commitments c
        where c.org_id = new.org_id and c.coach_id = new.coach_id and c.session_id is null);
    delete from private.commitments c
     where c.org_id = new.org_id and c.coach_id = new.coach_id and c.session_id is null;
  end if;
  if tg_op <> 'DELETE' then
    perform private.claim_series(null, new.coach_id);
  end if;
  return null;
end
$$;

create trigger coach_settings_changed after insert or update or delete on public.coach_settings
  for each row execute function private.settings_changed();

-- generation places what the ledger holds --------------------------------------------------------
-- materializes the claimed occurrences through p_until (default six weeks) of
-- every active series (or one). claiming comes first, so an occurrence someone
-- else holds is an 'overlap' conflict and is never placed; one in blocked time
-- is a 'blocked' conflict and gives its claim back; a one-to-one occurrence
-- placed outside the coach's availability is placed and flagged, as an
-- availability change flags existing sessions. idempotent: (series, local date)
-- is unique and an existing row, even a cancelled one, is never recreated.
create or replace function private.generate(p_until date default null, p_series uuid default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_refused int := private.claim_series(p_series, null, p_until);
  v_created int;
  v_conflicts int;
begin
  with missing as (
    -- the claim is what is placed: its instants and buffers, so taking it over
    -- can never clash
    select d.*, c.starts_at, c.ends_at,
           (extract(epoch from c.starts_at - lower(c.reserved)) / 60)::int as buffer_before,
           (extract(epoch from upper(c.reserved) - c.ends_at) / 60)::int as buffer_after
      from private.series_dates(p_until, p_series) d
      join private.commitments c
        on c.series_id = d.series_id and c.local_date = d.local_date and c.session_id is null
  ), classified as (
    select m.*, private.is_blocked(m.org_id, m.coach_id, m.starts_at, m.ends_at) as blocked,
           case
             when m.origin <> 'recurring_booking' then true
             -- the common case first: one weekly window holds the occurrence (a
             -- subset of what private.fits_availability accepts, at a fraction of
             -- its cost); otherwise the full rule, windows merged and additions
             when exists (
               select from public.weekly_availability w
                cross join lateral (select (m.starts_at at time zone cs.time_zone)::date as day) l
                where w.org_id = m.org_id and w.coach_id = m.coach_id and w.deleted_at is null
                  and w.is_individual and w.weekday = extract(dow from l.day)
                  and private.zoned_instant(l.day, w.start_time, cs.time_zone) <= m.starts_at
                  and private.zoned_instant(l.day, w.end_time, cs.time_zone) >= m.ends_at
             ) then true
             else coalesce(private.fits_availability(m.org_id, m.coach_id, cs.time_zone, m.starts_at, m.ends_at), false)
           end as fits
    from missing m
    left join public.coach_settings cs
      on cs.org_id = m.org_id and cs.coach_id = m.coach_id and cs.deleted_at is null
    where m.starts_at > now()
  ), released as (
    -- an occurrence in blocked time gives its claim back
    delete from private.commitments c
     using classified k
     where k.blocked and c.series_id = k.series_id and c.local_date = k.local_date and c.session_id is null
    returning 1
  ), inserted as (
    insert into public.training_sessions (
      org_id, coach_id, member_id, group_id, kind, origin, timetable_id, recurring_booking_id,
      local_date, time_zone, starts_at, ends_at, buffer_before_minutes, buffer_after_minutes,
      capacity, room, title)
    select c.org_id, c.coach_id, c.member_id, c.group_id,
           case c.origin when 'group_timetable' then 'group' else 'one_to_one' end,
           c.origin,
           case c.origin when 'group_timetable' then c.series_id end,
           case c.origin when 'recurring_booking' then c.series_id end,
           c.local_date, c.time_zone, c.starts_at, c.ends_at, c.buffer_before, c.buffer_after,
           c.capacity, c.room, c.title
    from classified c
    where not c.blocked
    order by c.starts_at
    returning id, coalesce(recurring_booking_id, timetable_id) as series_id, local_date
  ), blocked as (
    insert into public.session_conflicts (
      org_id, coach_id, kind, recurring_booking_id, timetable_id, local_date, starts_at, ends_at)
    select c.org_id, c.coach_id, 'blocked',
           case c.origin when 'recurring_booking' then c.series_id end,
           case c.origin when 'group_timetable' then c.series_id end,
           c.local_date, c.starts_at, c.ends_at
    from classified c
    where c.blocked
    on conflict do nothing
    returning 1
  ), flagged as (
    insert into public.session_conflicts
      (org_id, coach_id, kind, session_id, recurring_booking_id, local_date, starts_at, ends_at)
    select c.org_id, c.coach_id, 'outside_availability', i.id, c.series_id, c.local_date, c.starts_at, c.ends_at
    from inserted i
    join classified c on c.series_id = i.series_id and c.local_date = i.local_date
    where not c.fits
    on conflict do nothing
    returning 1
  )
  select (select count(*) from inserted)::int,
         (select count(*) from blocked)::int + (select count(*) from flagged)::int
    into v_created, v_conflicts;
  -- after a large run, fresh statistics: with the table still believed small, the
  -- next run's "already generated?" probe would be planned as a scan per occurrence
  if v_created >= 1000 then
    analyze public.training_sessions;
    analyze private.commitments;
  end if;
  return jsonb_build_object('created', v_created, 'conflicts', v_conflicts + v_refused);
end
$$;

-- the daily job: complete what is over, forget claims that ended, claim the days
-- that came into reach and materialize six weeks ahead. serialized, so two
-- overlapping runs cannot race on a key.
create or replace function public.generate_sessions(p_until date default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_completed int;
  v_result jsonb;
begin
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('public.generate_sessions'));
  update public.training_sessions
     set status = 'completed'
   where status = 'scheduled' and ends_at <= now() and deleted_at is null;
  get diagnostics v_completed = row_count;
  delete from private.commitments where ends_at < now() - interval '1 day';
  v_result := private.generate(p_until, null);
  return v_result || jsonb_build_object('completed', v_completed);
end
$$;

-- booking one slot -------------------------------------------------------------------------------
-- the session and the booking in one transaction; the session's claim decides
-- races (a plain check could pass for two at once). a loser gets 23P01 with hint
-- slot_taken and the date in the detail, as json [{date, starts_at, problem}].
create or replace function public.book_slot(
  p_org_id uuid,
  p_coach_id uuid,
  p_starts_at timestamptz,
  p_duration_minutes int default null,
  p_booking_id uuid default null,
  p_member_id uuid default null
)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_member uuid := private.sched_booker(p_org_id, p_member_id);
  v_settings public.coach_settings := private.sched_settings(p_org_id, p_coach_id);
  v_ends timestamptz;
  v_session uuid;
  v_booking uuid := coalesce(p_booking_id, gen_random_uuid());
  v_existing public.bookings;
  v_detail text;
begin
  perform private.lock_coach(p_coach_id);
  -- a retried request (same booking id) returns what the first one did
  select * into v_existing from public.bookings b where b.id = v_booking;
  if found then
    if v_existing.member_id <> v_member then
      raise exception 'booking id already used' using errcode = '42501';
    end if;
    return (select jsonb_build_object('booking_id', v_existing.id, 'session_id', t.id,
      'starts_at', t.starts_at, 'ends_at', t.ends_at, 'replayed', true)
      from public.training_sessions t where t.id = v_existing.session_id);
  end if;
  if p_duration_minutes is not null and p_duration_minutes not between 5 and 720 then
    raise exception 'duration must be 5–720 minutes' using hint = 'invalid';
  end if;
  v_ends := p_starts_at + pg_catalog.make_interval(mins => coalesce(p_duration_minutes, v_settings.default_duration_minutes));
  if p_starts_at < now() + pg_catalog.make_interval(mins => v_settings.minimum_notice_minutes) then
    raise exception 'too late to book this time' using hint = 'too_soon';
  end if;
  if p_starts_at > now() + pg_catalog.make_interval(days => v_settings.booking_horizon_days) then
    raise exception 'this time is too far ahead to book' using hint = 'beyond_horizon';
  end if;
  if not private.fits_availability(p_org_id, p_coach_id, v_settings.time_zone, p_starts_at, v_ends) then
    raise exception 'the coach is not available at this time' using hint = 'outside_availability';
  end if;
  if private.is_blocked(p_org_id, p_coach_id, p_starts_at, v_ends) then
    raise exception 'the coach has blocked this time' using hint = 'blocked';
  end if;
  begin
    insert into public.training_sessions (
      org_id, coach_id, member_id, kind, origin, local_date, time_zone, starts_at, ends_at,
      buffer_before_minutes, buffer_after_minutes, room, booked_count)
    values (
      p_org_id, p_coach_id, v_member, 'one_to_one', 'one_time_booking',
      (p_starts_at at time zone v_settings.time_zone)::date, v_settings.time_zone, p_starts_at, v_ends,
      v_settings.buffer_before_minutes, v_settings.buffer_after_minutes, v_settings.default_room, 1)
    returning id into v_session;
  exception when exclusion_violation or deadlock_detected then
    get stacked diagnostics v_detail = pg_exception_detail;
    perform private.raise_taken('this time is no longer available', 'slot_taken',
      case when v_detail like '[%' then v_detail::jsonb
           else pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
             'date', (p_starts_at at time zone v_settings.time_zone)::date,
             'starts_at', p_starts_at, 'problem', 'taken')) end);
  end;
  insert into public.bookings (id, org_id, session_id, coach_id, member_id)
  values (v_booking, p_org_id, v_session, p_coach_id, v_member);
  return jsonb_build_object('booking_id', v_booking, 'session_id', v_session,
    'starts_at', p_starts_at, 'ends_at', v_ends, 'replayed', false);
end
$$;

-- recurring bookings -----------------------------------------------------------------------------------
-- the problems of each occurrence of a prospective series from its start to the
-- coach's booking horizon: outside availability, blocked, or taken — by anything
-- the ledger holds (sessions and every other series' future occurrences)
create or replace function private.recurring_problems(
  p_org uuid, p_coach uuid, p_settings public.coach_settings, p_weekday int, p_start_time time,
  p_duration int, p_every int, p_start date, p_end date
)
returns table (local_date date, starts_at timestamptz, ends_at timestamptz, problem text)
language sql stable security definer set search_path = ''
as $$
  with bounds as (
    select p_start + ((p_weekday - extract(dow from p_start)::int + 7) % 7) as first_date,
           greatest(p_start, (now() at time zone p_settings.time_zone)::date) as from_date,
           least(p_end, (now() at time zone p_settings.time_zone)::date + p_settings.booking_horizon_days) as last_date
  ), occ as (
    select o.d as local_date, o.s as starts_at, o.s + pg_catalog.make_interval(mins => p_duration) as ends_at
    from bounds b
    cross join lateral pg_catalog.generate_series(0, floor((b.last_date - b.first_date)::numeric / (7 * p_every))::int) k
    cross join lateral (
      select b.first_date + k * 7 * p_every as d,
             private.zoned_instant(b.first_date + k * 7 * p_every, p_start_time, p_settings.time_zone) as s
    ) o
    where o.d >= b.from_date and o.s > now()
  )
  select o.local_date, o.starts_at, o.ends_at,
    case
      when not private.fits_availability(p_org, p_coach, p_settings.time_zone, o.starts_at, o.ends_at)
        then 'outside_availability'
      when private.is_blocked(p_org, p_coach, o.starts_at, o.ends_at) then 'blocked'
      when exists (
        select from private.commitments c
        where c.coach_id = p_coach
          and c.reserved && pg_catalog.tstzrange(
            o.starts_at - pg_catalog.make_interval(mins => p_settings.buffer_before_minutes),
            o.ends_at + pg_catalog.make_interval(mins => p_settings.buffer_after_minutes))
      ) then 'taken'
    end
  from occ o
  order by o.local_date
$$;

-- a weekly or bi-weekly booking. EVERY occurrence from the start date to the
-- coach's horizon is checked (not just the first, Cal.com #11654/#15997). with
-- clashes the call fails listing them (detail = json [{date, starts_at,
-- problem}]) unless p_skip_conflicts, which books around them and records them
-- as excluded dates; p_dry_run only reports. a clash with time someone holds is
-- a conflict with the current state: 23P01 (http 409), hint slot_taken when
-- every problem is 'taken', recurring_conflicts when some date is also outside
-- availability or blocked (P0001 when none is taken). the series then claims
-- all its occurrences; one a concurrent booking took first fails the call with
-- slot_taken naming it. the first six weeks are generated at once; the daily
-- job extends the series.
create or replace function public.create_recurring_booking(
  p_org_id uuid,
  p_coach_id uuid,
  p_weekday int,
  p_start_time time,
  p_start_date date,
  p_every_weeks int default 1,
  p_end_date date default null,
  p_duration_minutes int default null,
  p_skip_conflicts boolean default false,
  p_dry_run boolean default false,
  p_id uuid default null,
  p_member_id uuid default null
)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_member uuid := private.sched_booker(p_org_id, p_member_id);
  v_settings public.coach_settings := private.sched_settings(p_org_id, p_coach_id);
  v_id uuid := coalesce(p_id, gen_random_uuid());
  v_duration int := coalesce(p_duration_minutes, v_settings.default_duration_minutes);
  v_problems jsonb;
  v_ok int;
  v_excluded date[];
  v_taken int;
  v_skipped jsonb;
  v_expected int;
  v_made int;
begin
  if exists (select from public.recurring_bookings r where r.id = v_id) then
    if not exists (select from public.recurring_bookings r where r.id = v_id and r.member_id = v_member) then
      raise exception 'booking id already used' using errcode = '42501';
    end if;
    return jsonb_build_object('id', v_id, 'replayed', true);
  end if;
  if p_weekday not between 0 and 6 or p_every_weeks not in (1, 2)
     or v_duration not between 5 and 720 or (p_end_date is not null and p_end_date < p_start_date) then
    raise exception 'invalid recurring booking' using hint = 'invalid';
  end if;
  if p_start_date < (now() at time zone v_settings.time_zone)::date then
    raise exception 'a recurring booking cannot start in the past' using hint = 'invalid';
  end if;
  if not p_dry_run then
    perform private.lock_coach(p_coach_id);
  end if;

  select coalesce(jsonb_agg(jsonb_build_object('date', p.local_date, 'starts_at', p.starts_at,
           'problem', p.problem) order by p.local_date) filter (where p.problem is not null), '[]'),
         count(*) filter (where p.problem is null),
         coalesce(array_agg(p.local_date) filter (where p.problem is not null), '{}'),
         count(*) filter (where p.problem = 'taken')
    into v_problems, v_ok, v_excluded, v_taken
    from private.recurring_problems(p_org_id, p_coach_id, v_settings, p_weekday, p_start_time,
      v_duration, p_every_weeks, p_start_date, p_end_date) p;

  if p_dry_run then
    return jsonb_build_object('id', null, 'bookable', v_ok, 'conflicts', v_problems);
  end if;
  if v_ok = 0 or (jsonb_array_length(v_problems) > 0 and not p_skip_conflicts) then
    if v_taken > 0 then
      perform private.raise_taken(
        pg_catalog.format('the series clashes on %s date(s): %s', jsonb_array_length(v_problems),
          (select string_agg(e ->> 'date', ', ') from jsonb_array_elements(v_problems) e)),
        case when v_taken = jsonb_array_length(v_problems) then 'slot_taken' else 'recurring_conflicts' end,
        v_problems);
    elsif v_ok = 0 then
      raise exception 'no occurrence of this series can be booked'
        using hint = 'recurring_conflicts', detail = v_problems::text;
    end if;
    raise exception 'the series clashes on % date(s): %', jsonb_array_length(v_problems),
      (select string_agg(e ->> 'date', ', ') from jsonb_array_elements(v_problems) e)
      using hint = 'recurring_conflicts', detail = v_problems::text;
  end if;
  v_skipped := v_problems;

  -- the insert claims every occurrence (private.series_changed); what it could not
  -- claim became an overlap conflict of this series: a booking that got there first
  insert into public.recurring_bookings (id, org_id, coach_id, member_id, weekday, start_time,
    duration_minutes, time_zone, every_weeks, start_date, end_date, excluded_dates)
  values (v_id, p_org_id, p_coach_id, v_member, p_weekday, p_start_time, v_duration,
    v_settings.time_zone, p_every_weeks, p_start_date, p_end_date, v_excluded);
  select jsonb_agg(jsonb_build_object('date', c.local_date, 'starts_at', c.starts_at, 'problem', 'taken')
           order by c.local_date)
    into v_problems
    from public.session_conflicts c
   where c.recurring_booking_id = v_id and c.kind = 'overlap';
  if v_problems is not null then
    perform private.raise_taken(
      pg_catalog.format('part of this series was just booked by someone else: %s',
        (select string_agg(e ->> 'date', ', ') from jsonb_array_elements(v_problems) e)),
      'slot_taken', v_problems);
  end if;

  -- six weeks now
  select count(*) into v_expected from private.series_dates(null, v_id) d
   where private.zoned_instant(d.local_date, d.start_time, d.time_zone) > now();
  perform private.generate(null, v_id);
  select count(*) into v_made from public.training_sessions t where t.recurring_booking_id = v_id;
  if v_made < v_expected then
    perform private.raise_taken('part of this series was just booked by someone else', 'slot_taken',
      (select coalesce(jsonb_agg(jsonb_build_object('date', d.local_date, 'problem', 'taken')), '[]')
         from private.series_dates(null, v_id) d
        where not exists (select from public.training_sessions t
                           where t.recurring_booking_id = v_id and t.local_date = d.local_date)));
  end if;
  return jsonb_build_object('id', v_id, 'sessions_created', v_made, 'skipped', v_skipped,
    'replayed', false);
end
$$;

-- busy time ------------------------------------------------------------------------------------------------
-- what a booker may know of a coach's time: every commitment (sessions in any
-- organization, and every future occurrence of the coach's series) and blocked
-- time, as ranges only — no names, ids or reasons — unbuffered. `blocked` tells
-- the slot computation which ranges are blocked time, which a session may touch,
-- from sessions, which it keeps the coach's buffers away from. at most 400 days
-- per call. the result gains a column, so the function is created anew.
drop function public.coach_busy_times(uuid, timestamptz, timestamptz);
create function public.coach_busy_times(p_coach uuid, p_from timestamptz, p_to timestamptz)
returns table (starts_at timestamptz, ends_at timestamptz, blocked boolean)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
begin
  if v_uid is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  if p_from is null or p_to is null or p_to <= p_from or p_to - p_from > interval '400 days' then
    raise exception 'the range must be non-empty and at most 400 days' using hint = 'invalid';
  end if;
  -- the caller is an active member, and the coach staff, of one same organization
  if not exists (
    select from public.memberships m
     where m.user_id = v_uid and m.left_at is null and m.deleted_at is null
       and private.is_active_member(m.org_id, p_coach, 'coach')
  ) then
    raise exception 'not a coach of your organization' using errcode = '42501';
  end if;
  return query
    select b.starts_at, b.ends_at, b.blocked
      from (
        select c.starts_at, c.ends_at, false as blocked
          from private.commitments c
         where c.coach_id = p_coach
           and c.reserved && pg_catalog.tstzrange(p_from, p_to, '[)')
        union all
        -- a live session the ledger no longer holds (over)
        select t.starts_at, t.ends_at, false
          from public.training_sessions t
         where t.coach_id = p_coach and t.status <> 'cancelled' and t.deleted_at is null
           and t.starts_at < p_to and t.ends_at > p_from
           and not exists (select from private.commitments c where c.session_id = t.id)
        union all
        select s.starts_at, s.ends_at, true
          from public.blocked_slots s
         where s.coach_id = p_coach and s.deleted_at is null
           and s.starts_at < p_to and s.ends_at > p_from
      ) b
     where b.starts_at < p_to and b.ends_at > p_from
     order by b.starts_at;
end
$$;
comment on function public.coach_busy_times(uuid, timestamptz, timestamptz) is
  'a coach''s busy time (commitments and blocked time, no details) for members of the coach''s organizations';
revoke all on function public.coach_busy_times(uuid, timestamptz, timestamptz) from public, anon, authenticated;
grant execute on function public.coach_busy_times(uuid, timestamptz, timestamptz) to authenticated, service_role;

-- function privileges ------------------------------------------------------------------------------------------
revoke all on function
  private.lock_coach(uuid), private.raise_taken(text, text, jsonb), private.hold_session_time(uuid[]), private.sessions_inserted(),
  private.sessions_updated(), private.sessions_deleted(), private.claim_series(uuid, uuid, date),
  private.series_changed(), private.settings_changed()
  from public, anon, authenticated;

-- what is already there --------------------------------------------------------------------------------------
-- live future sessions hold their time, then every active series claims ahead
select private.hold_session_time(array(
  select t.id from public.training_sessions t
   where t.status <> 'cancelled' and t.deleted_at is null and t.ends_at > now()));
select private.claim_series();
