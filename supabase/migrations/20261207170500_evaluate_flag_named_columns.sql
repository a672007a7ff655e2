-- the flag evaluation names the columns it reads (issue 18; before
-- 20261207171000_club_challenges.sql). private.evaluate_flag read its flag with
-- `select f.*`, and the sync core's access plan (sync.access_plan,
-- 20261206123000_sync_core.sql) takes a whole-row read anywhere in what a synced
-- table's policy calls as a reason to watch every column of every relation the
-- policies read. club challenges are the first synced tables gated by a flag
-- (private.flag_enabled in their policies): with `f.*` every update of an
-- athlete's schedule or a member's name would have moved the access epoch. the
-- same evaluation, same answers, reading the four columns it uses.

create or replace function private.evaluate_flag(p_key text, p_org uuid,
  out value boolean, out reason text, out variant text, out error_code text)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_flag_enabled boolean;
  v_flag_rollout int;
  v_retired_at timestamptz;
  v_exists boolean;
  v_enabled boolean;
  v_rollout int;
  v_override boolean;
begin
  error_code := null;
  select true, f.enabled, f.rollout_percent, f.retired_at
    into v_exists, v_flag_enabled, v_flag_rollout, v_retired_at
    from public.feature_flags f where f.key = p_key;
  if v_exists is null then
    value := false; reason := 'ERROR'; variant := null; error_code := 'FLAG_NOT_FOUND';
    return;
  end if;
  if v_retired_at is not null then
    value := false; reason := 'DISABLED'; variant := 'retired';
    return;
  end if;
  select o.enabled into v_override
    from public.feature_flag_overrides o where o.flag_key = p_key and o.org_id = p_org;
  if found then
    value := v_override; reason := 'TARGETING_MATCH'; variant := 'override';
    return;
  end if;
  select r.enabled, r.rollout_percent into v_enabled, v_rollout
    from public.feature_flag_rules r
    join public.organizations org on org.kind = r.org_kind
   where r.flag_key = p_key and org.id = p_org;
  if found then
    reason := 'TARGETING_MATCH'; variant := 'kind';
  else
    v_enabled := v_flag_enabled; v_rollout := v_flag_rollout;
    reason := 'DEFAULT'; variant := 'default';
  end if;
  if v_enabled and v_rollout is not null then
    value := private.flag_bucket(p_key, p_org) < v_rollout;
    reason := 'SPLIT'; variant := case when value then 'rollout_in' else 'rollout_out' end;
    return;
  end if;
  value := v_enabled;
end
$$;
comment on function private.evaluate_flag(text, uuid) is
  'a flag for an organization: its value, OpenFeature reason (DEFAULT, TARGETING_MATCH, SPLIT, DISABLED, ERROR), variant, error code';

select sync.watch_access();
