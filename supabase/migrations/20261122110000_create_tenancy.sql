-- tenancy: organizations, profiles and memberships.
--
-- tables    public.organizations, public.profiles, public.memberships
--           (training groups and athletes follow in 20261122110100_create_athletes.sql)
-- helpers   schema private (not exposed over the api): role ranks, the caller's
--           organizations and groups (security definer, `set search_path = ''`),
--           the trigger that stamps every synced row
-- rpcs      public.create_organization, public.change_member_role,
--           public.remove_member, public.leave_organization
--           (invitations follow in 20261122110200_create_invitations.sql)
--
-- authorization (ARCHITECTURE §4, reference/security.md §1):
--   * a membership is (org, user, role); roles rank owner > admin > coach >
--     athlete = member. a membership that has been left (left_at set) grants
--     nothing, and neither does a soft-deleted organization.
--   * nobody writes memberships directly: the api roles have no insert, update or
--     delete privilege on the table. joining, role changes, removal and leaving go
--     through the rpcs below, which are security definer and check the caller
--     themselves. so nobody can raise their own role or add themselves to an
--     organization by writing rows.
--   * policies are one per action, `to authenticated`, and call set-returning
--     helpers through `= any (array(select …))` so each helper runs once per
--     statement (an initplan), never once per row. every column a policy reads is
--     indexed.
--   * deletes are soft (sync tombstones, ARCHITECTURE §5): the api roles have no
--     delete privilege on synced tables; a delete is an update of deleted_at,
--     governed by the update policy.
--
-- sync: every synced table has `xid xid8` (the writing transaction), updated_at,
-- updated_by and deleted_at, all set by the before trigger private.stamp_synced_row
-- (clients cannot forge them: they have no privilege on those columns and the
-- trigger overwrites them anyway), and is registered in sync.tables.

/**
  * -------------------------------------------------------
  * section - private schema
  * -------------------------------------------------------
  * helpers live outside `public`, so postgrest cannot call them. the api roles
  * need usage to evaluate policies that call the helpers.
  */
create schema if not exists private;
comment on schema private is 'authorization helpers, triggers and jobs; never exposed over the api';
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

-- functions created here by this role are not executable by everyone by default
alter default privileges in schema private revoke execute on functions from public;

/**
  * -------------------------------------------------------
  * section - shared functions
  * -------------------------------------------------------
  */

-- the order of roles; athlete and member rank alike (neither manages anything)
create function private.role_rank(p_role text)
returns int
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select case p_role
    when 'owner' then 4
    when 'admin' then 3
    when 'coach' then 2
    when 'athlete' then 1
    when 'member' then 1
    else 0
  end
$$;
comment on function private.role_rank(text) is 'owner 4 > admin 3 > coach 2 > athlete 1 = member 1; unknown 0';

-- stamps every synced row: the writing transaction for the pull cursor, when and
-- by whom; a tombstone gets the server's time. it runs last among the before
-- triggers (they fire in name order), so nothing overwrites what it sets.
create function private.stamp_synced_row()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  new.xid := pg_current_xact_id();
  new.updated_at := now();
  new.updated_by := auth.uid();
  if tg_op = 'UPDATE' then
    new.created_at := old.created_at;
    if new.deleted_at is distinct from old.deleted_at and new.deleted_at is not null then
      new.deleted_at := now();
    end if;
  end if;
  return new;
end
$$;
comment on function private.stamp_synced_row() is
  'before insert/update on synced tables: sets xid, updated_at, updated_by; keeps created_at; dates tombstones';

-- time zones must be iana names the server knows (never fixed offsets)
create function private.check_time_zone()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if new.time_zone is not null
    and not exists (select from pg_catalog.pg_timezone_names z where z.name = new.time_zone)
  then
    raise exception 'unknown time zone "%": use an IANA name such as Europe/Moscow', new.time_zone
      using errcode = '22023';
  end if;
  return new;
end
$$;

/**
  * -------------------------------------------------------
  * section - tables
  * -------------------------------------------------------
  */

-- organizations: the tenants. every tenant-owned row carries org_id.
create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  kind text not null default 'club',
  name text not null,
  slug text not null,
  time_zone text not null default 'Europe/Moscow',
  locale text not null default 'ru',
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint organizations_kind_check check (
    kind in ('school', 'club', 'coach_business', 'race', 'timing_company', 'reseller', 'platform')
  ),
  constraint organizations_name_check check (char_length(btrim(name)) between 1 and 200),
  -- 3–63 lowercase letters, digits and inner hyphens: usable in urls as is
  constraint organizations_slug_check check (slug ~ '^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$'),
  constraint organizations_slug_key unique (slug),
  constraint organizations_locale_check check (locale ~ '^[a-z]{2}(-[A-Z]{2})?$')
);
comment on table public.organizations is
  'tenants: schools, clubs, coach businesses, races, timing companies, resellers, the platform';
comment on column public.organizations.kind is
  'school | club | coach_business | race | timing_company | reseller | platform (the last two only by the platform team)';
comment on column public.organizations.time_zone is 'IANA zone for schedules and sessions';
comment on column public.organizations.active is 'false: suspended (kept readable for its members)';
comment on column public.organizations.xid is 'transaction that last wrote the row (sync pull cursor)';

-- profiles: one per auth user, created by a trigger on auth.users. no email here:
-- fellow members see a display name, not contact details.
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null,
  locale text not null default 'ru',
  time_zone text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint profiles_display_name_check check (char_length(btrim(display_name)) between 1 and 100),
  constraint profiles_locale_check check (locale ~ '^[a-z]{2}(-[A-Z]{2})?$')
);
comment on table public.profiles is 'what fellow members see of a user; id = auth.users.id';
comment on column public.profiles.time_zone is 'IANA zone; null = the organization''s';

-- memberships: who belongs to which organization, in which role. one row per
-- (org, user): leaving sets left_at, joining again reactivates the row.
create table public.memberships (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null,
  joined_at timestamptz not null default now(),
  left_at timestamptz,
  invitation_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint memberships_role_check check (role in ('owner', 'admin', 'coach', 'athlete', 'member')),
  constraint memberships_left_after_joined check (left_at is null or left_at >= joined_at),
  constraint memberships_org_user_key unique (org_id, user_id)
);
comment on table public.memberships is
  'organization membership and role; written only by the membership rpcs';
comment on column public.memberships.left_at is 'set when the member left or was removed; such a row grants nothing';
comment on column public.memberships.invitation_id is 'the invitation accepted to join (last join)';

/**
  * -------------------------------------------------------
  * section - indexes
  * -------------------------------------------------------
  * every column a policy or helper filters on, every foreign key, and the sync
  * stamp (pull reads `xid` ranges in (xid, id) order).
  */
create index organizations_xid_idx on public.organizations (xid, id);

create index profiles_xid_idx on public.profiles (xid, id);

create index memberships_user_id_idx on public.memberships (user_id);
create index memberships_invitation_id_idx on public.memberships (invitation_id);
create index memberships_xid_idx on public.memberships (xid, id);

/**
  * -------------------------------------------------------
  * section - authorization helpers
  * -------------------------------------------------------
  * security definer so that policies can read memberships without recursing into
  * their own policies; `stable` and independent of the row, so a policy wraps
  * them in `(select …)` and postgres evaluates each once per statement.
  */

-- organizations where the caller holds an active membership ranked at least p_min_role
create function private.org_ids_with_role(p_min_role text default 'member')
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.org_id
    from public.memberships m
    join public.organizations o on o.id = m.org_id
   where m.user_id = (select auth.uid())
     and m.left_at is null
     and m.deleted_at is null
     and o.deleted_at is null
     and private.role_rank(m.role) >= private.role_rank(p_min_role)
$$;
comment on function private.org_ids_with_role(text) is
  'ids of live organizations where the caller is an active member ranked >= p_min_role';

-- users whose memberships and profiles the caller may see: everyone in an
-- organization where the caller is staff (coach and up), and the staff of an
-- organization where the caller is an athlete or member (their coaches and
-- admins; athletes do not see each other).
create function private.visible_user_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.user_id
    from public.memberships m
   where m.left_at is null
     and m.deleted_at is null
     and (
       m.org_id in (select private.org_ids_with_role('coach'))
       or (m.org_id in (select private.org_ids_with_role('member')) and private.role_rank(m.role) >= 2)
     )
$$;
comment on function private.visible_user_ids() is
  'fellow members the caller may see: all of them where the caller is staff, the staff elsewhere';

-- is p_user an active member of p_org ranked at least p_min_role (for triggers)
create function private.is_active_member(p_org_id uuid, p_user_id uuid, p_min_role text default 'member')
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select from public.memberships m
     where m.org_id = p_org_id
       and m.user_id = p_user_id
       and m.left_at is null
       and m.deleted_at is null
       and private.role_rank(m.role) >= private.role_rank(p_min_role)
  )
$$;

-- a profile for a user who has none yet, named from their sign-up data.
-- user_metadata is the user's own input: fine for a display name, never for
-- authorization (reference/security.md §1.1).
create function private.ensure_profile(p_user_id uuid)
returns void
language sql volatile security definer set search_path = ''
as $$
  insert into public.profiles (id, display_name)
  select u.id,
         left(coalesce(
           nullif(btrim(u.raw_user_meta_data ->> 'display_name'), ''),
           nullif(btrim(u.raw_user_meta_data ->> 'full_name'), ''),
           nullif(btrim(u.raw_user_meta_data ->> 'name'), ''),
           nullif(btrim(split_part(u.email, '@', 1)), ''),
           'user'
         ), 100)
    from auth.users u
   where u.id = p_user_id
  on conflict (id) do nothing
$$;

-- every new auth user gets a profile
create function private.handle_new_user()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.ensure_profile(new.id);
  return new;
end
$$;

/**
  * -------------------------------------------------------
  * section - guard triggers
  * -------------------------------------------------------
  * column privileges already keep the api roles away from ids, org_id and the
  * sync columns; these triggers add the rules a privilege cannot express. they
  * apply to the api roles only: rpcs run as their owner and check the caller
  * themselves, and service_role is trusted.
  */

-- organizations: reseller and platform are granted by the platform team; only an
-- owner deletes an organization
create function private.guard_organization_write()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if current_user in ('authenticated', 'anon') then
    if new.kind in ('reseller', 'platform') and (tg_op = 'INSERT' or new.kind is distinct from old.kind) then
      raise exception 'only the platform team can make an organization a %', new.kind
        using errcode = '42501';
    end if;
    if tg_op = 'UPDATE' and new.deleted_at is distinct from old.deleted_at
      and not (old.id = any (array(select private.org_ids_with_role('owner'))))
    then
      raise exception 'only an owner can delete or restore an organization' using errcode = '42501';
    end if;
  end if;
  return new;
end
$$;

/**
  * -------------------------------------------------------
  * section - triggers
  * -------------------------------------------------------
  */
create trigger check_time_zone before insert or update of time_zone on public.organizations
  for each row execute function private.check_time_zone();
create trigger guard_organization_write before insert or update on public.organizations
  for each row execute function private.guard_organization_write();
create trigger stamp_synced_row before insert or update on public.organizations
  for each row execute function private.stamp_synced_row();

create trigger check_time_zone before insert or update of time_zone on public.profiles
  for each row execute function private.check_time_zone();
create trigger stamp_synced_row before insert or update on public.profiles
  for each row execute function private.stamp_synced_row();

create trigger stamp_synced_row before insert or update on public.memberships
  for each row execute function private.stamp_synced_row();

-- supabase's usual hook: a profile for every new user
create trigger on_auth_user_created_profile after insert on auth.users
  for each row execute function private.handle_new_user();

-- users who signed up before this migration
select private.ensure_profile(u.id) from auth.users u;

/**
  * -------------------------------------------------------
  * section - rpcs
  * -------------------------------------------------------
  * security definer, in `public` so the api can call them, and each checks the
  * caller itself. business-rule errors are P0001 (http 400), "not allowed" is
  * 42501 (http 403 / 401), with plain english messages the ui can show.
  */

-- create an organization; the caller becomes its owner
create function public.create_organization(
  p_name text,
  p_slug text,
  p_kind text default 'club',
  p_time_zone text default 'Europe/Moscow',
  p_locale text default 'ru'
)
returns public.organizations
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_slug text := lower(btrim(coalesce(p_slug, '')));
  v_org public.organizations;
begin
  if v_uid is null then
    raise exception 'sign in to create an organization' using errcode = '42501';
  end if;
  if p_kind in ('reseller', 'platform') then
    raise exception 'organizations of kind % are set up by the platform team', p_kind
      using errcode = '42501';
  end if;
  if p_kind is null or p_kind not in ('school', 'club', 'coach_business', 'race', 'timing_company') then
    raise exception 'unknown organization kind "%": use school, club, coach_business, race or timing_company',
      coalesce(p_kind, '') using errcode = 'P0001';
  end if;
  if char_length(btrim(coalesce(p_name, ''))) not between 1 and 200 then
    raise exception 'an organization name needs 1 to 200 characters' using errcode = 'P0001';
  end if;
  if v_slug !~ '^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$' then
    raise exception 'a slug needs 3 to 63 lowercase letters, digits or inner hyphens' using errcode = 'P0001';
  end if;
  if exists (select from public.organizations o where o.slug = v_slug) then
    raise exception 'the slug "%" is taken: choose another', v_slug using errcode = 'P0001';
  end if;

  perform private.ensure_profile(v_uid);
  insert into public.organizations (name, slug, kind, time_zone, locale)
  values (btrim(p_name), v_slug, p_kind, coalesce(p_time_zone, 'Europe/Moscow'), coalesce(p_locale, 'ru'))
  returning * into v_org;
  insert into public.memberships (org_id, user_id, role) values (v_org.id, v_uid, 'owner');
  return v_org;
exception
  when unique_violation then
    -- two people racing for one slug
    raise exception 'the slug "%" is taken: choose another', v_slug using errcode = 'P0001';
end
$$;
comment on function public.create_organization(text, text, text, text, text) is
  'rpc: creates an organization; the caller becomes its owner';

-- the caller's role in an organization while an active member, else null
create function private.caller_role(p_org_id uuid)
returns text
language sql stable security definer set search_path = ''
as $$
  select m.role from public.memberships m
   where m.org_id = p_org_id and m.user_id = auth.uid() and m.left_at is null and m.deleted_at is null
$$;

-- shared by change_member_role and remove_member: the target membership, locked
-- together with its organization so that membership changes in one organization
-- happen one at a time (the last-owner rule counts owners), once the caller is
-- known to be an admin or owner there. p_action completes the message "only
-- admins and owners can …". the rpcs check that a user is signed in first.
create function private.lock_membership_for_admin(p_membership_id uuid, p_action text)
returns public.memberships
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_target public.memberships;
begin
  select * into v_target from public.memberships m where m.id = p_membership_id;
  if not found then
    raise exception 'membership not found' using errcode = 'P0001';
  end if;
  perform from public.organizations o where o.id = v_target.org_id for update;
  select * into v_target from public.memberships m where m.id = p_membership_id for update;

  if private.role_rank(private.caller_role(v_target.org_id)) < private.role_rank('admin') then
    raise exception 'only admins and owners can %', p_action using errcode = '42501';
  end if;
  return v_target;
end
$$;

-- an owner's membership may end or change role only while another owner remains
create function private.assert_keeps_an_owner(p_membership public.memberships)
returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if p_membership.role = 'owner' and (
    select count(*) from public.memberships m
     where m.org_id = p_membership.org_id and m.role = 'owner' and m.left_at is null and m.deleted_at is null
  ) <= 1 then
    raise exception 'an organization needs at least one owner: make someone else an owner first'
      using errcode = 'P0001';
  end if;
end
$$;

-- change a member's role. admins and owners only; nobody grants a role above
-- their own or touches someone ranked above them; the last owner stays an owner.
create function public.change_member_role(p_membership_id uuid, p_role text)
returns public.memberships
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_target public.memberships;
  v_caller_role text;
begin
  if auth.uid() is null then
    raise exception 'sign in to change roles' using errcode = '42501';
  end if;
  v_target := private.lock_membership_for_admin(p_membership_id, 'change roles');
  v_caller_role := private.caller_role(v_target.org_id);
  if p_role is null or private.role_rank(p_role) = 0 then
    raise exception 'unknown role "%": use owner, admin, coach, athlete or member', coalesce(p_role, '')
      using errcode = 'P0001';
  end if;
  if v_target.left_at is not null or v_target.deleted_at is not null then
    raise exception 'this person is no longer a member of the organization' using errcode = 'P0001';
  end if;
  if private.role_rank(v_target.role) > private.role_rank(v_caller_role) then
    raise exception 'you cannot change the role of someone ranked above you' using errcode = '42501';
  end if;
  if private.role_rank(p_role) > private.role_rank(v_caller_role) then
    raise exception 'you cannot grant a role higher than your own (%)', v_caller_role using errcode = '42501';
  end if;
  if v_target.role = p_role then
    return v_target;
  end if;
  perform private.assert_keeps_an_owner(v_target);

  update public.memberships m set role = p_role where m.id = v_target.id returning * into v_target;
  return v_target;
end
$$;
comment on function public.change_member_role(uuid, text) is
  'rpc: admins/owners change a role up to their own; the last owner cannot be demoted';

-- shared by remove_member and leave_organization: ends a membership
create function private.end_membership(p_membership public.memberships)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform private.assert_keeps_an_owner(p_membership);
  update public.memberships m set left_at = now() where m.id = p_membership.id;
end
$$;

-- remove a member. admins and owners only, never someone ranked above them, never
-- the last owner. removing someone who already left is done, not an error.
create function public.remove_member(p_membership_id uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_target public.memberships;
  v_caller_role text;
begin
  if auth.uid() is null then
    raise exception 'sign in to remove members' using errcode = '42501';
  end if;
  v_target := private.lock_membership_for_admin(p_membership_id, 'remove members');
  v_caller_role := private.caller_role(v_target.org_id);
  if v_target.left_at is not null then
    return;
  end if;
  if private.role_rank(v_target.role) > private.role_rank(v_caller_role) then
    raise exception 'you cannot remove someone ranked above you' using errcode = '42501';
  end if;
  perform private.end_membership(v_target);
end
$$;
comment on function public.remove_member(uuid) is
  'rpc: admins/owners remove a member ranked no higher than themselves; never the last owner';

-- leave an organization (the last owner must hand over first)
create function public.leave_organization(p_org_id uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_mine public.memberships;
begin
  if v_uid is null then
    raise exception 'sign in to leave an organization' using errcode = '42501';
  end if;
  perform from public.organizations o where o.id = p_org_id for update;
  select * into v_mine from public.memberships m
   where m.org_id = p_org_id and m.user_id = v_uid and m.left_at is null and m.deleted_at is null
   for update;
  if not found then
    raise exception 'you are not a member of this organization' using errcode = 'P0001';
  end if;
  perform private.end_membership(v_mine);
end
$$;
comment on function public.leave_organization(uuid) is 'rpc: the caller leaves; the last owner cannot';

/**
  * -------------------------------------------------------
  * section - row level security
  * -------------------------------------------------------
  */
alter table public.organizations enable row level security;
alter table public.profiles enable row level security;
alter table public.memberships enable row level security;

-- organizations ---------------------------------------------------------------
-- members see their organizations; admins and owners edit them; creating goes
-- through create_organization (no insert privilege), deleting is an owner's
-- tombstone (guard trigger).
create policy "Members can view their organizations"
  on public.organizations for select to authenticated
  using (id = any (array(select private.org_ids_with_role('member'))));

create policy "Admins can edit their organizations"
  on public.organizations for update to authenticated
  using (id = any (array(select private.org_ids_with_role('admin'))))
  with check (id = any (array(select private.org_ids_with_role('admin'))));

-- profiles ----------------------------------------------------------------------
-- a user sees their own profile and those of fellow members (private.visible_user_ids);
-- each edits only their own.
create policy "Users can view their own and fellow members' profiles"
  on public.profiles for select to authenticated
  using (
    id = (select auth.uid())
    or id = any (array(select private.visible_user_ids()))
  );

create policy "Users can create their own profile"
  on public.profiles for insert to authenticated
  with check (id = (select auth.uid()));

create policy "Users can edit their own profile"
  on public.profiles for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

-- memberships -------------------------------------------------------------------
-- read-only for the api: everyone sees their own memberships (also past ones);
-- staff see all memberships of their organization; athletes and members see the
-- active staff of theirs. writes only through the rpcs.
create policy "Members can view memberships they may know about"
  on public.memberships for select to authenticated
  using (
    user_id = (select auth.uid())
    or org_id = any (array(select private.org_ids_with_role('coach')))
    or (
      org_id = any (array(select private.org_ids_with_role('member')))
      and role in ('owner', 'admin', 'coach')
      and left_at is null
    )
  );

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  * supabase grants the api roles everything on new objects in public; take it
  * all back and grant exactly what the policies above expect. anon gets nothing.
  */
revoke all on public.organizations, public.profiles, public.memberships from public, anon, authenticated;
grant all on public.organizations, public.profiles, public.memberships to service_role;

grant select on public.organizations to authenticated;
grant update (name, slug, kind, time_zone, locale, active, deleted_at) on public.organizations to authenticated;

grant select on public.profiles to authenticated;
grant insert (id, display_name, locale, time_zone) on public.profiles to authenticated;
grant update (display_name, locale, time_zone) on public.profiles to authenticated;

grant select on public.memberships to authenticated;


-- helpers: callable by the roles whose policies and triggers use them, by nobody else
revoke all on function private.role_rank(text) from public, anon, authenticated;
revoke all on function private.stamp_synced_row() from public, anon, authenticated;
revoke all on function private.check_time_zone() from public, anon, authenticated;
revoke all on function private.org_ids_with_role(text) from public, anon, authenticated;
revoke all on function private.visible_user_ids() from public, anon, authenticated;
revoke all on function private.is_active_member(uuid, uuid, text) from public, anon, authenticated;
revoke all on function private.ensure_profile(uuid) from public, anon, authenticated;
revoke all on function private.handle_new_user() from public, anon, authenticated;
revoke all on function private.caller_role(uuid) from public, anon, authenticated;
revoke all on function private.lock_membership_for_admin(uuid, text) from public, anon, authenticated;
revoke all on function private.assert_keeps_an_owner(public.memberships) from public, anon, authenticated;
revoke all on function private.guard_organization_write() from public, anon, authenticated;
revoke all on function private.end_membership(public.memberships) from public, anon, authenticated;

grant execute on function private.role_rank(text) to authenticated, service_role;
grant execute on function private.org_ids_with_role(text) to authenticated, service_role;
grant execute on function private.visible_user_ids() to authenticated, service_role;
grant execute on function private.is_active_member(uuid, uuid, text) to authenticated, service_role;

-- rpcs: signed-in users only
revoke all on function public.create_organization(text, text, text, text, text) from public, anon, authenticated;
revoke all on function public.change_member_role(uuid, text) from public, anon, authenticated;
revoke all on function public.remove_member(uuid) from public, anon, authenticated;
revoke all on function public.leave_organization(uuid) from public, anon, authenticated;
grant execute on function public.create_organization(text, text, text, text, text) to authenticated;
grant execute on function public.change_member_role(uuid, text) to authenticated;
grant execute on function public.remove_member(uuid) to authenticated;
grant execute on function public.leave_organization(uuid) to authenticated;

/**
  * -------------------------------------------------------
  * section - sync registration
  * -------------------------------------------------------
  * devices replicate these tables (src/data/synced-tables.ts); pull order follows
  * the references.
  */
insert into sync.tables (table_name, pull_order) values
  ('organizations', 100),
  ('profiles', 110),
  ('memberships', 120);
