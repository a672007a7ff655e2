-- seat pools' names for the club's screens (issue 18, 20261207150000_seat_pools.sql).
--
-- a club's members and admins see its pools (seat_pools' policy), but the seller is
-- another organization and the plan a template of it: the club's people may read
-- neither (organizations and training_plans show only to their own members). the
-- screens still need to say whose plan a pool holds. this function gives exactly
-- that, and nothing else of the seller: per pool of one club, the seller's name and
-- the plan's title, for the club's members, only while running_clubs is on for it —
-- the same rows seat_pools' policy shows them. and /seats, the member's page, is reserved
-- from coach pages' addresses.

create function public.seat_pool_names(p_club uuid)
returns table (pool_id uuid, seller_name text, plan_title text)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not (p_club = any (array(select private.org_ids_with_role('member')))) then
    raise exception 'only the club''s members see its seat pools' using errcode = '42501';
  end if;
  return query
    select p.id, o.name, coalesce(tp.title, pr.name)
      from public.seat_pools p
      join public.organizations o on o.id = p.seller_org_id
      join public.products pr on pr.id = p.product_id
      left join public.training_plans tp on tp.id = pr.training_plan_id and tp.deleted_at is null
     where p.org_id = p_club and private.flag_enabled('running_clubs', p.org_id)
     order by p.created_at, p.id;
end
$$;
comment on function public.seat_pool_names(uuid) is
  'security definer: the club''s members read the seller''s name and the plan''s title of its seat pools, which their own policies would not show them; nothing while running_clubs is off';

revoke all on function public.seat_pool_names(uuid) from public, anon;
grant execute on function public.seat_pool_names(uuid) to authenticated, service_role;

/**
  * -------------------------------------------------------
  * section - the app's /seats
  * -------------------------------------------------------
  * a member's seats live at /seats: no coach page may take that address
  * (mirrored by src/domain/reserved-slugs.ts). rebuilt from the list as it is
  * now, so a segment another migration reserved is kept.
  */
do $$
declare
  v_slugs text[];
begin
  v_slugs := array(select distinct s from unnest(private.reserved_slugs() || array['seats']) s order by s);
  execute format($f$
    create or replace function private.reserved_slugs()
    returns text[]
    language sql immutable parallel safe set search_path = ''
    as $body$ select %L::text[] $body$ $f$, v_slugs);
end
$$;
