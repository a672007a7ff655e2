-- the club dashboard (issue 18, running clubs; reference/partners.md §5): one read
-- for a club's owners and admins of what their club is — its members (how many,
-- by role, the newest), its seat pools (taken of total), the purchases its
-- members made through those pools (how many, the latest) and its activity over
-- the last 30 days of the club's own calendar.
--
--   club_dashboard(p_club)   security definer: the figures come from tables the
--                            admins may read only in part (a pool's seller and
--                            plan, seat purchases kept in the seller's club,
--                            workout logs kept in other clubs); it answers
--                            aggregates and the club's own people only, for the
--                            club's admins, while running_clubs is on for it.
--
-- activity is aggregates only. sessions marked are the club's own attendance,
-- which its admins read mark by mark anyway. workouts logged count the done logs
-- of the club's members wherever their plan lives (a plan bought through a
-- seat pool lives in the seller's club): the club's admins may not read those,
-- so the figure is given only when 5 people or more logged (k = 5, as the club's
-- analytics, 20261206162000_club_analytics.sql); below that it is null.

/**
  * -------------------------------------------------------
  * section - functions
  * -------------------------------------------------------
  */
create function public.club_dashboard(p_club uuid)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_org public.organizations;
  v_today date;
  v_since date;
  v_members jsonb;
  v_seats jsonb;
  v_purchases jsonb;
  v_activity jsonb;
  v_logged int;
  v_logged_people int;
begin
  select o.* into v_org from public.organizations o where o.id = p_club and o.deleted_at is null;
  if v_org.id is null or not private.is_active_member(p_club, (select auth.uid()), 'admin') then
    raise exception 'only the club''s admins see its dashboard' using errcode = '42501';
  end if;
  perform private.require_feature('running_clubs', p_club);
  v_today := (now() at time zone v_org.time_zone)::date;
  v_since := v_today - 29;

  -- members: how many by role, the five who joined last
  select coalesce(jsonb_object_agg(r.role, r.n), '{}'::jsonb)
    into v_members
    from (select m.role, count(*) as n from public.memberships m
           where m.org_id = p_club and m.left_at is null and m.deleted_at is null
           group by m.role) r;
  v_members := jsonb_build_object(
    'total', (select count(*) from public.memberships m
               where m.org_id = p_club and m.left_at is null and m.deleted_at is null),
    'by_role', v_members,
    'newest', coalesce((
      select jsonb_agg(jsonb_build_object('user_id', n.user_id, 'name', n.name, 'role', n.role,
                                          'joined_at', n.joined_at) order by n.joined_at desc, n.user_id)
        from (select m.user_id, coalesce(p.display_name, '') as name, m.role, m.joined_at
                from public.memberships m
                left join public.profiles p on p.id = m.user_id
               where m.org_id = p_club and m.left_at is null and m.deleted_at is null
               order by m.joined_at desc, m.user_id
               limit 5) n), '[]'::jsonb));

  -- seats: each pool with the seller's name and the plan's title
  select jsonb_build_object(
           'total', coalesce(sum(p.seats) filter (where p.status = 'active'), 0),
           'taken', coalesce(sum(p.claimed) filter (where p.status = 'active'), 0),
           'pools', coalesce(jsonb_agg(jsonb_build_object(
               'id', p.id, 'plan_title', coalesce(tp.title, pr.name), 'seller_name', o.name,
               'seats', p.seats, 'claimed', p.claimed, 'status', p.status) order by p.created_at, p.id), '[]'::jsonb))
    into v_seats
    from public.seat_pools p
    join public.organizations o on o.id = p.seller_org_id
    join public.products pr on pr.id = p.product_id
    left join public.training_plans tp on tp.id = pr.training_plan_id and tp.deleted_at is null
   where p.org_id = p_club;

  -- purchases through the pools: a seat held is a paid purchase at zero in the seller's club
  select jsonb_build_object(
           'count', (select count(*) from public.seat_claims c
                       join public.purchases pu on pu.id = c.purchase_id
                      where c.org_id = p_club and pu.status = 'paid'),
           'latest', (select jsonb_build_object('at', pu.paid_at, 'name', coalesce(pf.display_name, ''),
                                                'plan_title', pu.product_name)
                        from public.seat_claims c
                        join public.purchases pu on pu.id = c.purchase_id
                        left join public.profiles pf on pf.id = c.user_id
                       where c.org_id = p_club and pu.status = 'paid'
                       order by pu.paid_at desc nulls last, c.claimed_at desc, c.id
                       limit 1))
    into v_purchases;

  -- activity over the last 30 days of the club's calendar
  select count(*) filter (where l.id is not null), count(distinct a.user_id) filter (where l.id is not null)
    into v_logged, v_logged_people
    from public.athletes a
    join public.workout_logs l on l.athlete_id = a.id and l.org_id = a.org_id
   where a.user_id in (select m.user_id from public.memberships m
                        where m.org_id = p_club and m.left_at is null and m.deleted_at is null)
     and a.deleted_at is null
     and l.deleted_at is null and l.status = 'done'
     and l.logged_on between v_since and v_today;
  select jsonb_build_object(
           'since', v_since,
           'until', v_today,
           'sessions_marked', count(distinct s.id),
           'visits', count(*),
           'workouts_logged', case when v_logged_people >= 5 then v_logged end,
           'workouts_suppressed', v_logged_people < 5)
    into v_activity
    from public.attendance at
    join public.training_sessions s on s.id = at.session_id
   where at.org_id = p_club and s.org_id = p_club
     and at.deleted_at is null and at.status in ('present', 'trial')
     and s.local_date between v_since and v_today;

  return jsonb_build_object(
    'club', jsonb_build_object('id', v_org.id, 'name', v_org.name, 'time_zone', v_org.time_zone),
    'members', v_members,
    'seats', v_seats,
    'purchases', v_purchases,
    'activity', v_activity);
end
$$;
comment on function public.club_dashboard(uuid) is
  'security definer: a club''s admins read its members, seat pools, purchases through them and 30 days of activity (aggregates; workouts from 5 people up); refused to everyone else and while running_clubs is off';

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  */
revoke all on function public.club_dashboard(uuid) from public, anon;
grant execute on function public.club_dashboard(uuid) to authenticated, service_role;
