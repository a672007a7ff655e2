-- season rollover (issue 4, seed 001: "historical data preserved when new season
-- starts (rank_start/rank_end reset for new season)").
--
-- rpcs      public.start_new_season
--
-- in september a club (its admins) or a group (its coaches, or the admins) starts
-- the new season: every athlete of the group or club still in an earlier season
-- moves to the new one. the ranks of the season that ends are kept by the
-- athletes' own trigger (private.archive_season_ranks, 20261122110100): one live
-- rank_history row per athlete and season, then rank_start/rank_end start empty.
-- the groups move to the new season too, so athletes added later default to it.
--
-- what is left alone, on purpose:
--   * archived athletes keep the season they were last active in;
--   * an athlete with no season yet has no finished season to archive: their
--     record is not touched (a coach sets the season when they know it);
--   * an athlete or group already in the new season (or a later one): running it
--     twice, or for the club after a group, changes nothing and writes no
--     history twice;
--   * a group whose name is already taken in the new season (someone created it
--     by hand) keeps its season; its athletes still move.
--
-- security definer, like the other rpcs that change many rows at once: coaches
-- cannot write training_groups under rls, and the caller is checked here
-- explicitly (admins and owners of the organization; coaches of the group when
-- a group is named). devices learn the result through sync like any other write.

/**
  * -------------------------------------------------------
  * section - rpcs
  * -------------------------------------------------------
  */

create function public.start_new_season(p_org uuid, p_season text, p_group uuid default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_admin boolean;
  v_athletes int;
  v_archived int;
  v_groups int;
begin
  if v_uid is null then
    raise exception 'sign in to start a new season' using errcode = '42501';
  end if;
  v_admin := private.is_active_member(p_org, v_uid, 'admin');
  if p_group is null and not v_admin then
    raise exception 'only admins and owners of the organization can start a new season for all of it'
      using errcode = '42501';
  end if;
  -- a coach's group must be one of this organization's: coaching a group
  -- elsewhere grants nothing here
  if p_group is not null and not v_admin and not exists (
    select from public.training_groups g
     where g.id = p_group and g.org_id = p_org
       and g.id = any (array(select private.coached_group_ids()))
  ) then
    raise exception 'only admins and the group''s coaches can start a new season for a group'
      using errcode = '42501';
  end if;
  if p_group is not null and not exists (
    select from public.training_groups g
     where g.id = p_group and g.org_id = p_org and g.deleted_at is null
  ) then
    raise exception 'that group is not in this organization' using errcode = 'P0001';
  end if;
  if p_season is null or not private.is_valid_season(p_season) then
    raise exception 'a season is written as two consecutive years, e.g. 2026-2027 (got %)',
      coalesce(p_season, 'nothing') using errcode = '22023', hint = 'invalid_season';
  end if;

  -- 'YYYY-YYYY' of consecutive years sorts as text in time order (byte order,
  -- whatever the database's collation does with the hyphen)
  select count(*) filter (where a.rank_start is not null or a.rank_end is not null)
    into v_archived
    from public.athletes a
   where a.org_id = p_org
     and (p_group is null or a.group_id = p_group)
     and a.deleted_at is null
     and a.status <> 'archived'
     and a.season collate "C" < p_season collate "C";

  update public.athletes a
     set season = p_season
   where a.org_id = p_org
     and (p_group is null or a.group_id = p_group)
     and a.deleted_at is null
     and a.status <> 'archived'
     and a.season collate "C" < p_season collate "C";
  get diagnostics v_athletes = row_count;

  update public.training_groups g
     set season = p_season
   where g.org_id = p_org
     and (p_group is null or g.id = p_group)
     and g.deleted_at is null
     and (g.season is null or g.season collate "C" < p_season collate "C")
     and not exists (
       select from public.training_groups o
        where o.org_id = g.org_id and o.season = p_season and lower(o.name) = lower(g.name)
          and o.deleted_at is null and o.id <> g.id
     );
  get diagnostics v_groups = row_count;

  return jsonb_build_object(
    'season', p_season, 'athletes', v_athletes, 'archived', v_archived, 'groups', v_groups
  );
end
$$;
comment on function public.start_new_season(uuid, text, uuid) is
  'rpc: admins (whole organization or one group) and a group''s coaches (their group) move athletes '
  'in earlier seasons to p_season; the finished season''s ranks go to rank_history (idempotent)';

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  */
revoke all on function public.start_new_season(uuid, text, uuid) from public, anon, authenticated;
grant execute on function public.start_new_season(uuid, text, uuid) to authenticated, service_role;
