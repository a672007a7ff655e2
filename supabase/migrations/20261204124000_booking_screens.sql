-- booking screens (issue 5, screens): what a booker needs that row-level security
-- rightly hides.
--
-- a member computes a coach's free slots on the device (src/domain/slots.ts) from
-- the coach's synced rules: weekly windows, additions, blocked time, settings. the
-- coach's other sessions are not theirs to read (other members' names and times),
-- yet a slot that overlaps one is not free. coach_busy_times answers only the
-- busy ranges, with no names, ids or kinds, to a signed-in member of an
-- organization where the coach is staff.

-- busy ranges ------------------------------------------------------------------------
-- every active session of the coach (in any organization: the exclusion
-- constraint compares a coach's sessions across all of them) that overlaps
-- [p_from, p_to), unbuffered — the slot computation widens them by the coach's
-- buffers. at most 400 days per call.
create function public.coach_busy_times(p_coach uuid, p_from timestamptz, p_to timestamptz)
returns table (starts_at timestamptz, ends_at timestamptz)
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
    select t.starts_at, t.ends_at
      from public.training_sessions t
     where t.coach_id = p_coach and t.status <> 'cancelled' and t.deleted_at is null
       and t.starts_at < p_to and t.ends_at > p_from
     order by t.starts_at;
end
$$;
comment on function public.coach_busy_times(uuid, timestamptz, timestamptz) is
  'a coach''s busy time (active sessions, no details) for members of the coach''s organizations';

revoke all on function public.coach_busy_times(uuid, timestamptz, timestamptz) from public, anon, authenticated;
grant execute on function public.coach_busy_times(uuid, timestamptz, timestamptz) to authenticated, service_role;
