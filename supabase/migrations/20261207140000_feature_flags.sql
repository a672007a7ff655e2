-- feature flags (issue 18; seed 000's PARTNERSHIP_FEATURES, reference/partners.md §6,
-- §7.6): which partnership features an organization has, kept in the database and
-- enforced there. a disabled feature's tables and RPCs refuse; the app only hides
-- what is off.
--
--   feature_flags           one row per key, ever: a key is never deleted or reused
--                           (a retired flag stays as a tombstone and evaluates off).
--                           its own value and an optional percentage rollout
--   feature_flag_rules      the value per partnership type (the organization's kind),
--                           with its own optional rollout
--   feature_flag_overrides  the value for one organization
--
-- evaluation, in OpenFeature's terms (private.evaluate_flag): an unknown key is
-- ERROR / FLAG_NOT_FOUND and off (fail closed); a retired flag is DISABLED and off;
-- an organization's override is TARGETING_MATCH; then the rule for its kind
-- (TARGETING_MATCH), else the flag's own value (DEFAULT); an enabled value with a
-- rollout is SPLIT: on when the organization's bucket — MurmurHash3 (x86, 32-bit,
-- seed 0) of "key:org_id" in UTF-8, mod 100 — is below the percentage. the same
-- hash is src/domain/flag-bucket.ts (tests/db/flag-bucket-agreement.test.ts).
--
-- who sees what: the platform's admins read and write the three tables (every change
-- is audited in the platform's chain, an override also in the club's); a member
-- reads their organizations' enabled features only (public.my_feature_flags), so a
-- feature not yet rolled out to them is not named to them.

/**
  * -------------------------------------------------------
  * section - tables
  * -------------------------------------------------------
  */
create table public.feature_flags (
  key text primary key,
  description text not null default '',
  owner text not null default '',
  stability text not null default 'experimental',
  -- where the flag is enforced: a gated table's policies, a gated function, or only
  -- the interface (for what the database has nothing to refuse)
  enforcement text not null default 'rls',
  enabled boolean not null default false,
  rollout_percent int,
  retire_after date,
  retired_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid default auth.uid(),
  constraint feature_flags_key_check check (key ~ '^[a-z][a-z0-9_]{1,62}$'),
  constraint feature_flags_stability_check check (stability in ('experimental', 'beta', 'stable')),
  constraint feature_flags_enforcement_check check (enforcement in ('rls', 'rpc', 'ui')),
  constraint feature_flags_rollout_check check (rollout_percent between 0 and 100),
  constraint feature_flags_description_check check (char_length(description) <= 500),
  constraint feature_flags_owner_check check (char_length(owner) <= 100)
);
comment on table public.feature_flags is
  'feature flags: one row per key, ever (retired keys stay, so no key is reused)';

create table public.feature_flag_rules (
  flag_key text not null references public.feature_flags (key),
  org_kind text not null,
  enabled boolean not null,
  rollout_percent int,
  updated_at timestamptz not null default now(),
  updated_by uuid default auth.uid(),
  primary key (flag_key, org_kind),
  constraint feature_flag_rules_kind_check check (
    org_kind in ('school', 'club', 'coach_business', 'race', 'timing_company', 'reseller', 'partner', 'platform')),
  constraint feature_flag_rules_rollout_check check (rollout_percent between 0 and 100)
);
comment on table public.feature_flag_rules is 'a flag''s value for one partnership type (organization kind)';

create table public.feature_flag_overrides (
  flag_key text not null references public.feature_flags (key),
  org_id uuid not null references public.organizations (id) on delete cascade,
  enabled boolean not null,
  note text not null default '',
  updated_at timestamptz not null default now(),
  updated_by uuid default auth.uid(),
  primary key (flag_key, org_id),
  constraint feature_flag_overrides_note_check check (char_length(note) <= 500)
);
comment on table public.feature_flag_overrides is 'a flag''s value for one organization, above its kind''s';
create index feature_flag_overrides_org_idx on public.feature_flag_overrides (org_id);

-- like every table with org_id: a suspended club's rows do not change
select private.guard_tenant_table('public.feature_flag_overrides');

/**
  * -------------------------------------------------------
  * section - a key is never reused
  * -------------------------------------------------------
  * a flag is retired, never deleted; a retired flag no longer changes. its rules
  * and overrides stay as they were, for the record.
  */
create function private.guard_feature_flag()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'flag % cannot be deleted: retire it, and its key stays taken', old.key
      using errcode = '42501';
  end if;
  if old.retired_at is not null then
    raise exception 'flag % is retired and no longer changes', old.key using errcode = '42501';
  end if;
  if new.key is distinct from old.key then
    raise exception 'a flag''s key never changes' using errcode = '42501';
  end if;
  -- retired now, by the server's clock, whatever time the caller sent
  if new.retired_at is not null then
    new.retired_at := now();
  end if;
  new.updated_at := now();
  new.updated_by := auth.uid();
  return new;
end
$$;
create trigger guard_feature_flag before update or delete on public.feature_flags
  for each row execute function private.guard_feature_flag();

create function private.guard_feature_flag_target()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
declare
  v_key text := case when tg_op = 'DELETE' then old.flag_key else new.flag_key end;
begin
  if exists (select from public.feature_flags f where f.key = v_key and f.retired_at is not null) then
    raise exception 'flag % is retired and no longer changes', v_key using errcode = '42501';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  new.updated_at := now();
  new.updated_by := auth.uid();
  return new;
end
$$;
create trigger guard_feature_flag_target before insert or update or delete on public.feature_flag_rules
  for each row execute function private.guard_feature_flag_target();
create trigger guard_feature_flag_target before insert or update or delete on public.feature_flag_overrides
  for each row execute function private.guard_feature_flag_target();

/**
  * -------------------------------------------------------
  * section - bucketing
  * -------------------------------------------------------
  * MurmurHash3 x86_32 over the UTF-8 bytes, in bigint arithmetic masked to 32 bits
  * (a 32 × 32-bit product is taken in 16-bit halves so it never leaves bigint).
  */
create function private.mul32(a bigint, b bigint)
returns bigint
language sql immutable strict parallel safe security invoker set search_path = ''
as $$
  select ((a * (b & 65535)) + (((a * (b >> 16)) & 65535) << 16)) & 4294967295
$$;

create function private.rotl32(x bigint, r int)
returns bigint
language sql immutable strict parallel safe security invoker set search_path = ''
as $$
  select ((x << r) | (x >> (32 - r))) & 4294967295
$$;

create function private.murmur3_32(p_text text, p_seed bigint default 0)
returns bigint
language plpgsql immutable strict parallel safe security invoker set search_path = ''
as $$
declare
  v_bytes bytea := convert_to(p_text, 'UTF8');
  v_len int := length(v_bytes);
  v_blocks int := v_len / 4;
  v_h bigint := p_seed & 4294967295;
  v_k bigint;
  v_tail int := v_len & 3;
begin
  for v_i in 0 .. v_blocks - 1 loop
    v_k := get_byte(v_bytes, v_i * 4)::bigint
         | (get_byte(v_bytes, v_i * 4 + 1)::bigint << 8)
         | (get_byte(v_bytes, v_i * 4 + 2)::bigint << 16)
         | (get_byte(v_bytes, v_i * 4 + 3)::bigint << 24);
    v_k := private.mul32(v_k, 3432918353);  -- 0xcc9e2d51
    v_k := private.rotl32(v_k, 15);
    v_k := private.mul32(v_k, 461845907);   -- 0x1b873593
    v_h := v_h # v_k;
    v_h := private.rotl32(v_h, 13);
    v_h := (private.mul32(v_h, 5) + 3864292196) & 4294967295;  -- 0xe6546b64
  end loop;
  if v_tail > 0 then
    v_k := 0;
    if v_tail >= 3 then
      v_k := v_k # (get_byte(v_bytes, v_blocks * 4 + 2)::bigint << 16);
    end if;
    if v_tail >= 2 then
      v_k := v_k # (get_byte(v_bytes, v_blocks * 4 + 1)::bigint << 8);
    end if;
    v_k := v_k # get_byte(v_bytes, v_blocks * 4)::bigint;
    v_k := private.mul32(v_k, 3432918353);
    v_k := private.rotl32(v_k, 15);
    v_k := private.mul32(v_k, 461845907);
    v_h := v_h # v_k;
  end if;
  v_h := v_h # v_len;
  v_h := v_h # (v_h >> 16);
  v_h := private.mul32(v_h, 2246822507);  -- 0x85ebca6b
  v_h := v_h # (v_h >> 13);
  v_h := private.mul32(v_h, 3266489909);  -- 0xc2b2ae35
  v_h := v_h # (v_h >> 16);
  return v_h;
end
$$;
comment on function private.murmur3_32(text, bigint) is
  'MurmurHash3 x86_32 of the text''s UTF-8 bytes, as an unsigned 32-bit value (src/domain/flag-bucket.ts)';

create function private.flag_bucket(p_key text, p_org uuid)
returns int
language sql immutable strict parallel safe security invoker set search_path = ''
as $$
  select (private.murmur3_32(p_key || ':' || p_org::text, 0) % 100)::int
$$;
comment on function private.flag_bucket(text, uuid) is
  'an organization''s rollout bucket for a flag, 0–99: a rollout of n percent takes buckets below n';

/**
  * -------------------------------------------------------
  * section - evaluation
  * -------------------------------------------------------
  */
create function private.evaluate_flag(p_key text, p_org uuid,
  out value boolean, out reason text, out variant text, out error_code text)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_flag public.feature_flags;
  v_enabled boolean;
  v_rollout int;
  v_override boolean;
begin
  error_code := null;
  select f.* into v_flag from public.feature_flags f where f.key = p_key;
  if v_flag.key is null then
    value := false; reason := 'ERROR'; variant := null; error_code := 'FLAG_NOT_FOUND';
    return;
  end if;
  if v_flag.retired_at is not null then
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
    v_enabled := v_flag.enabled; v_rollout := v_flag.rollout_percent;
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

-- the check a gated table's policies and a gated function's body call; fails closed
create function private.flag_enabled(p_key text, p_org uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce((select e.value from private.evaluate_flag(p_key, p_org) e), false)
$$;
comment on function private.flag_enabled(text, uuid) is 'the flag is on for the organization (off when unknown)';

-- the one error a disabled feature answers with, whatever refuses it
create function private.require_feature(p_key text, p_org uuid)
returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not private.flag_enabled(p_key, p_org) then
    raise exception 'the feature % is turned off for this organization', p_key
      using errcode = 'P0001', hint = 'feature_disabled', detail = p_key;
  end if;
end
$$;
comment on function private.require_feature(text, uuid) is
  'raises feature_disabled (P0001, hint feature_disabled, detail the key) unless the flag is on';

-- what a member's app may know: the features on for each of their organizations
create function public.my_feature_flags()
returns table (org_id uuid, key text, reason text)
language sql stable security definer set search_path = ''
as $$
  select o.id, f.key, e.reason
    from private.org_ids_with_role('member') o(id)
    cross join public.feature_flags f
    cross join lateral private.evaluate_flag(f.key, o.id) e
   where f.retired_at is null and e.value
   order by 1, 2
$$;
comment on function public.my_feature_flags() is
  'the features turned on for each organization the caller belongs to (those off are not named)';

-- what the platform's page shows for one organization: every flag, on or off, and why
create function public.feature_flags_for(p_org uuid)
returns table (key text, value boolean, reason text, variant text, bucket int)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not private.is_platform_admin() then
    raise exception 'only the platform''s admins see every flag of an organization' using errcode = '42501';
  end if;
  return query
    select f.key, e.value, e.reason, e.variant, private.flag_bucket(f.key, p_org)
      from public.feature_flags f
     cross join lateral private.evaluate_flag(f.key, p_org) e
     order by f.key;
end
$$;

/**
  * -------------------------------------------------------
  * section - audit
  * -------------------------------------------------------
  * every change, by any path, in the platform organization's chain (the nil
  * uuid's before a platform organization exists); an override also in the club's
  * own chain, so its admins see who switched what for them.
  */
create function private.platform_chain()
returns uuid
language sql stable security definer set search_path = ''
as $$
  select coalesce(
    (select o.id from public.organizations o
      where o.kind = 'platform' and o.deleted_at is null order by o.created_at, o.id limit 1),
    '00000000-0000-0000-0000-000000000000'::uuid)
$$;

create function private.audit_feature_flag_change()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_row jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
  v_old jsonb := case when tg_op = 'INSERT' then null else to_jsonb(old) end;
  v_key text := coalesce(v_row ->> 'key', v_row ->> 'flag_key');
  v_target text := case tg_table_name
    when 'feature_flags' then v_key
    when 'feature_flag_rules' then v_key || ':' || (v_row ->> 'org_kind')
    else v_key || ':' || (v_row ->> 'org_id') end;
  v_detail jsonb := jsonb_build_object('key', v_key, 'before', v_old,
    'after', case when tg_op = 'DELETE' then null else v_row end);
  v_action text := 'flag.' || lower(tg_op);
  v_platform uuid := private.platform_chain();
begin
  perform private.audit_write(null, v_platform, v_action, tg_table_name, v_target, null, v_detail, null);
  if tg_table_name = 'feature_flag_overrides' then
    perform private.audit_write((v_row ->> 'org_id')::uuid, v_platform, v_action, tg_table_name,
      v_target, null, v_detail, null);
  end if;
  return null;
end
$$;
create trigger audit_change after insert or update or delete on public.feature_flags
  for each row execute function private.audit_feature_flag_change();
create trigger audit_change after insert or update or delete on public.feature_flag_rules
  for each row execute function private.audit_feature_flag_change();
create trigger audit_change after insert or update or delete on public.feature_flag_overrides
  for each row execute function private.audit_feature_flag_change();

/**
  * -------------------------------------------------------
  * section - policies and grants
  * -------------------------------------------------------
  * only the platform's admins read or write the flags themselves.
  */
alter table public.feature_flags enable row level security;
alter table public.feature_flag_rules enable row level security;
alter table public.feature_flag_overrides enable row level security;

create policy "Platform admins can view feature flags"
  on public.feature_flags for select to authenticated
  using ((select private.is_platform_admin()));
create policy "Platform admins can add feature flags"
  on public.feature_flags for insert to authenticated
  with check ((select private.is_platform_admin()));
create policy "Platform admins can change feature flags"
  on public.feature_flags for update to authenticated
  using ((select private.is_platform_admin()))
  with check ((select private.is_platform_admin()));

create policy "Platform admins can view flag rules"
  on public.feature_flag_rules for select to authenticated
  using ((select private.is_platform_admin()));
create policy "Platform admins can add flag rules"
  on public.feature_flag_rules for insert to authenticated
  with check ((select private.is_platform_admin()));
create policy "Platform admins can change flag rules"
  on public.feature_flag_rules for update to authenticated
  using ((select private.is_platform_admin()))
  with check ((select private.is_platform_admin()));
create policy "Platform admins can remove flag rules"
  on public.feature_flag_rules for delete to authenticated
  using ((select private.is_platform_admin()));

create policy "Platform admins can view flag overrides"
  on public.feature_flag_overrides for select to authenticated
  using ((select private.is_platform_admin()));
create policy "Platform admins can add flag overrides"
  on public.feature_flag_overrides for insert to authenticated
  with check ((select private.is_platform_admin()));
create policy "Platform admins can change flag overrides"
  on public.feature_flag_overrides for update to authenticated
  using ((select private.is_platform_admin()))
  with check ((select private.is_platform_admin()));
create policy "Platform admins can remove flag overrides"
  on public.feature_flag_overrides for delete to authenticated
  using ((select private.is_platform_admin()));

revoke all on public.feature_flags, public.feature_flag_rules, public.feature_flag_overrides
  from public, anon, authenticated;
grant all on public.feature_flags, public.feature_flag_rules, public.feature_flag_overrides to service_role;
grant select, insert on public.feature_flags to authenticated;
grant update (description, owner, stability, enforcement, enabled, rollout_percent, retire_after, retired_at)
  on public.feature_flags to authenticated;
grant select, insert, delete on public.feature_flag_rules to authenticated;
grant update (enabled, rollout_percent) on public.feature_flag_rules to authenticated;
grant select, insert, delete on public.feature_flag_overrides to authenticated;
grant update (enabled, note) on public.feature_flag_overrides to authenticated;

revoke all on function private.mul32(bigint, bigint), private.rotl32(bigint, int),
  private.murmur3_32(text, bigint), private.flag_bucket(text, uuid),
  private.evaluate_flag(text, uuid), private.flag_enabled(text, uuid),
  private.require_feature(text, uuid), private.platform_chain(),
  private.guard_feature_flag(), private.guard_feature_flag_target(),
  private.audit_feature_flag_change()
  from public, anon, authenticated;
-- policies and gated functions of later migrations call these as the caller
grant execute on function private.mul32(bigint, bigint), private.rotl32(bigint, int),
  private.murmur3_32(text, bigint), private.flag_bucket(text, uuid),
  private.evaluate_flag(text, uuid), private.flag_enabled(text, uuid),
  private.require_feature(text, uuid)
  to authenticated, service_role;
revoke all on function public.my_feature_flags(), public.feature_flags_for(uuid) from public, anon;
grant execute on function public.my_feature_flags(), public.feature_flags_for(uuid) to authenticated, service_role;

/**
  * -------------------------------------------------------
  * section - seed 000's flags
  * -------------------------------------------------------
  * on everywhere until the platform rolls one back; each gates its feature's tables
  * and functions as they arrive.
  */
insert into public.feature_flags (key, description, owner, stability, enforcement, enabled) values
  ('running_clubs', 'Running clubs: club pricing, seat pools, challenges', 'partnerships', 'beta', 'rls', true),
  ('coaches', 'Coaches as partners', 'partnerships', 'beta', 'rls', true),
  ('race_partnerships', 'Races with their own plans, perks and sponsor placements', 'partnerships', 'beta',
   'rls', true);
