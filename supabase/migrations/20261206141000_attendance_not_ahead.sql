-- attendance: no mark ahead of the session's day (issue 13, «Сегодня»).
--
-- a coach could mark «Был» for next week's sessions, and the mark counted in the
-- season's percentage. the rule: a mark (a non-null status) may be written once
-- the session's day has come on the club's calendar — its local_date is today or
-- earlier in the session's own time zone. a session on a later day refuses it.
--
-- why the day and not the start time: coaches take the register before the
-- warm-up, and a register filled in on the morning of the day is normal. why
-- this holds offline: the rule only ever opens up as time passes, so a mark
-- queued on a device while the day had come is still accepted when it syncs
-- hours or days later. a refused mark (a device clock running ahead) comes back
-- as a rejected change with the reason 'rule' and stays on the device's /sync
-- page until the coach drops it.
--
-- clearing a mark (status null) is always allowed, so a mark written ahead
-- before this rule can still be taken back. the rule binds the service role too:
-- the seed writes past marks only.

/**
  * -------------------------------------------------------
  * section - helper
  * -------------------------------------------------------
  */

-- a session's day has come at an instant: its local date is that instant's date
-- or earlier in the session's zone (an unknown zone reads as utc). the instant is
-- a parameter so tests/db/attendance-agreement.test.ts can hold it against
-- src/domain/attendance-day.ts.
create function private.session_day_has_come(p_local_date date, p_zone text, p_at timestamptz)
returns boolean
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_today date;
begin
  begin
    v_today := (p_at at time zone p_zone)::date;
  exception when invalid_parameter_value then
    v_today := (p_at at time zone 'UTC')::date;
  end;
  return p_local_date <= v_today;
end
$$;
comment on function private.session_day_has_come(date, text, timestamptz) is
  'true once a session''s local date has come in its time zone at p_at: attendance may be marked';

revoke all on function private.session_day_has_come(date, text, timestamptz) from public, anon, authenticated;
grant execute on function private.session_day_has_come(date, text, timestamptz) to authenticated, service_role;

/**
  * -------------------------------------------------------
  * section - triggers
  * -------------------------------------------------------
  * private.guard_attendance (20261204121000_attendance.sql) with one more check:
  * a status written for a session whose day has not come is refused.
  */
create or replace function private.guard_attendance()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_session public.training_sessions;
begin
  if tg_op = 'INSERT' or new.session_id is distinct from old.session_id or new.org_id is distinct from old.org_id then
    select * into v_session from public.training_sessions s where s.id = new.session_id;
    if not found or v_session.org_id <> new.org_id or v_session.kind <> 'group' then
      raise exception 'attendance is marked for a group session of the same organization'
        using errcode = '23514', hint = 'invalid';
    end if;
  end if;
  if new.status is not null
     and (tg_op = 'INSERT' or new.status is distinct from old.status
          or new.session_id is distinct from old.session_id) then
    if v_session.id is null then
      select * into v_session from public.training_sessions s where s.id = new.session_id;
    end if;
    if not private.session_day_has_come(v_session.local_date, v_session.time_zone, pg_catalog.now()) then
      raise exception 'attendance can be marked from the session''s day (%), not before', v_session.local_date
        using errcode = 'P0001', hint = 'rule';
    end if;
  end if;
  if auth.uid() is not null then
    new.marked_by := auth.uid();
  end if;
  return new;
end
$$;
