-- invitations: how people join an organization.
--
-- tables    public.invitations
-- rpcs      public.create_invitation, public.accept_invitation, public.revoke_invitation
--
-- an invitation carries a role, an expiry and a number of uses, and two secrets:
--   * code  — 8 characters from a 32-symbol alphabet without look-alikes (no 0/O, 1/I),
--             shown as 'ABCD-EFGH', to read out or type on a phone; accepted in
--             any case, with or without the dash or spaces. 32^8 ≈ 10^12 values.
--   * token — 43 url-safe characters (256 random bits), for a link.
-- both come from pgcrypto's gen_random_bytes. only admins and owners of the
-- organization can read invitations; accepting goes through accept_invitation,
-- which needs only the secret. an athlete invitation may name an athlete record,
-- which accepting links to the new member's account.
--
-- invitations are not synced to devices (they are managed online); a daily job
-- (20261122110300_create_scheduled_jobs.sql) erases the secrets of invitations
-- that have been dead (expired, used up, revoked) for 30 days.

/**
  * -------------------------------------------------------
  * section - tables
  * -------------------------------------------------------
  */
create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  role text not null,
  code text,
  token text,
  athlete_id uuid,
  expires_at timestamptz not null,
  max_uses int not null default 1,
  use_count int not null default 0,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by uuid references auth.users (id) on delete set null,
  constraint invitations_role_check check (role in ('owner', 'admin', 'coach', 'athlete', 'member')),
  constraint invitations_code_check check (code ~ '^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$'),
  constraint invitations_token_check check (token ~ '^[A-Za-z0-9_-]{43}$'),
  constraint invitations_code_key unique (code),
  constraint invitations_token_key unique (token),
  constraint invitations_max_uses_check check (max_uses between 1 and 1000),
  constraint invitations_use_count_check check (use_count between 0 and max_uses),
  constraint invitations_athlete_role_check check (athlete_id is null or role = 'athlete'),
  constraint invitations_athlete_fkey foreign key (athlete_id, org_id)
    references public.athletes (id, org_id) on delete cascade
);
comment on table public.invitations is 'invitations to join an organization, by short code or link token';
comment on column public.invitations.code is 'short code ''ABCD-EFGH''; erased 30 days after the invitation died';
comment on column public.invitations.token is 'link token, 43 url-safe characters; erased 30 days after the invitation died';
comment on column public.invitations.athlete_id is 'athlete record to link to whoever accepts (athlete invitations)';

-- memberships remember which invitation let them in
alter table public.memberships
  add constraint memberships_invitation_fkey foreign key (invitation_id)
  references public.invitations (id) on delete set null;

/**
  * -------------------------------------------------------
  * section - indexes
  * -------------------------------------------------------
  */
create index invitations_org_id_idx on public.invitations (org_id);
create index invitations_athlete_org_idx on public.invitations (athlete_id, org_id);
create index invitations_created_by_idx on public.invitations (created_by);
create index invitations_revoked_by_idx on public.invitations (revoked_by);
create index invitations_expires_at_idx on public.invitations (expires_at) where code is not null or token is not null;

/**
  * -------------------------------------------------------
  * section - secrets
  * -------------------------------------------------------
  */

-- 'ABCD-EFGH': 8 symbols of a 32-symbol alphabet; 256 is a multiple of 32, so
-- byte % 32 is uniform
create function private.new_invitation_code()
returns text
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  -- a–z without i and o, 2–9 without 0 and 1: 24 + 8 = 32 symbols
  v_alphabet constant text := 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  v_bytes bytea := extensions.gen_random_bytes(8);
  v_code text := '';
begin
  for i in 0..7 loop
    v_code := v_code || substr(v_alphabet, (get_byte(v_bytes, i) % 32) + 1, 1);
    if i = 3 then
      v_code := v_code || '-';
    end if;
  end loop;
  return v_code;
end
$$;

-- 32 random bytes as unpadded base64url (43 characters)
create function private.new_invitation_token()
returns text
language sql volatile security invoker set search_path = ''
as $$
  select rtrim(translate(encode(extensions.gen_random_bytes(32), 'base64'), '+/', '-_'), '=')
$$;

/**
  * -------------------------------------------------------
  * section - rpcs
  * -------------------------------------------------------
  */

-- create an invitation. admins and owners only, for a role no higher than their
-- own. returns the row with its code and token.
create function public.create_invitation(
  p_org_id uuid,
  p_role text,
  p_expires_at timestamptz default now() + interval '7 days',
  p_max_uses int default 1,
  p_athlete_id uuid default null
)
returns public.invitations
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_caller_role text;
  v_inv public.invitations;
begin
  if v_uid is null then
    raise exception 'sign in to invite people' using errcode = '42501';
  end if;
  select m.role into v_caller_role
    from public.memberships m
    join public.organizations o on o.id = m.org_id
   where m.org_id = p_org_id and m.user_id = v_uid
     and m.left_at is null and m.deleted_at is null and o.deleted_at is null;
  if private.role_rank(v_caller_role) < private.role_rank('admin') then
    raise exception 'only admins and owners can invite people' using errcode = '42501';
  end if;
  if p_role is null or private.role_rank(p_role) = 0 then
    raise exception 'unknown role "%": use owner, admin, coach, athlete or member', coalesce(p_role, '')
      using errcode = 'P0001';
  end if;
  if private.role_rank(p_role) > private.role_rank(v_caller_role) then
    raise exception 'you cannot invite someone with a role higher than your own (%)', v_caller_role
      using errcode = '42501';
  end if;
  if p_expires_at is null or p_expires_at <= now() then
    raise exception 'an invitation must expire in the future' using errcode = 'P0001';
  end if;
  if p_expires_at > now() + interval '90 days' then
    raise exception 'an invitation can be valid for at most 90 days' using errcode = 'P0001';
  end if;
  if p_max_uses is null or p_max_uses not between 1 and 1000 then
    raise exception 'an invitation can be used 1 to 1000 times' using errcode = 'P0001';
  end if;
  if p_athlete_id is not null then
    if p_role <> 'athlete' then
      raise exception 'only an athlete invitation can name an athlete record' using errcode = 'P0001';
    end if;
    if p_max_uses <> 1 then
      raise exception 'an invitation for an athlete record can be used once' using errcode = 'P0001';
    end if;
    if not exists (
      select from public.athletes a where a.id = p_athlete_id and a.org_id = p_org_id and a.deleted_at is null
    ) then
      raise exception 'athlete not found in this organization' using errcode = 'P0001';
    end if;
    if exists (select from public.athletes a where a.id = p_athlete_id and a.user_id is not null) then
      raise exception 'this athlete record is already linked to an account' using errcode = 'P0001';
    end if;
  end if;

  -- a fresh code collides with a live one about once in 10^12 tries; retry anyway
  for attempt in 1..5 loop
    begin
      insert into public.invitations (org_id, role, code, token, athlete_id, expires_at, max_uses, created_by)
      values (p_org_id, p_role, private.new_invitation_code(), private.new_invitation_token(),
              p_athlete_id, p_expires_at, p_max_uses, v_uid)
      returning * into v_inv;
      return v_inv;
    exception when unique_violation then
      if attempt = 5 then
        raise;
      end if;
    end;
  end loop;
  return v_inv;
end
$$;
comment on function public.create_invitation(uuid, text, timestamptz, int, uuid) is
  'rpc: admins/owners invite for a role up to their own; returns the invitation with code and token';

-- accept an invitation by code or token; returns the caller's membership
create function public.accept_invitation(p_code_or_token text)
returns public.memberships
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_key text := btrim(coalesce(p_code_or_token, ''));
  v_code text := upper(regexp_replace(coalesce(p_code_or_token, ''), '[[:space:]-]', '', 'g'));
  v_inv public.invitations;
  v_member public.memberships;
begin
  if v_uid is null then
    raise exception 'sign in to accept an invitation' using errcode = '42501';
  end if;
  if char_length(v_code) = 8 then
    select * into v_inv from public.invitations i
     where i.code = substr(v_code, 1, 4) || '-' || substr(v_code, 5, 4)
     for update;
  elsif char_length(v_key) = 43 then
    select * into v_inv from public.invitations i where i.token = v_key for update;
  end if;
  if v_inv.id is null then
    raise exception 'invitation not found: check the code or ask for a new link' using errcode = 'P0001';
  end if;

  select * into v_member from public.memberships m
   where m.org_id = v_inv.org_id and m.user_id = v_uid
   for update;
  -- accepting twice (a retried request) returns the same membership
  if v_member.id is not null and v_member.left_at is null and v_member.invitation_id = v_inv.id then
    return v_member;
  end if;

  if v_inv.revoked_at is not null then
    raise exception 'this invitation has been revoked: ask for a new one' using errcode = 'P0001';
  end if;
  if v_inv.expires_at <= now() then
    raise exception 'this invitation expired on %: ask for a new one',
      to_char(v_inv.expires_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"') using errcode = 'P0001';
  end if;
  if v_inv.use_count >= v_inv.max_uses then
    raise exception 'this invitation has already been used % of % times: ask for a new one',
      v_inv.use_count, v_inv.max_uses using errcode = 'P0001';
  end if;
  if exists (select from public.organizations o where o.id = v_inv.org_id and o.deleted_at is not null) then
    raise exception 'this organization no longer exists' using errcode = 'P0001';
  end if;
  if v_member.id is not null and v_member.left_at is null and v_member.deleted_at is null then
    raise exception 'you are already a member of this organization' using errcode = 'P0001';
  end if;
  if v_inv.athlete_id is not null and exists (
    select from public.athletes a where a.id = v_inv.athlete_id and a.user_id is not null and a.user_id <> v_uid
  ) then
    raise exception 'this athlete record is already linked to another account' using errcode = 'P0001';
  end if;

  perform private.ensure_profile(v_uid);
  if v_member.id is null then
    insert into public.memberships (org_id, user_id, role, invitation_id)
    values (v_inv.org_id, v_uid, v_inv.role, v_inv.id)
    returning * into v_member;
  else
    -- coming back: the same row, active again, with the invitation's role
    update public.memberships m
       set role = v_inv.role, left_at = null, deleted_at = null, joined_at = now(), invitation_id = v_inv.id
     where m.id = v_member.id
    returning * into v_member;
  end if;
  update public.invitations i set use_count = i.use_count + 1 where i.id = v_inv.id;
  if v_inv.athlete_id is not null then
    update public.athletes a set user_id = v_uid where a.id = v_inv.athlete_id;
  end if;
  return v_member;
end
$$;
comment on function public.accept_invitation(text) is
  'rpc: joins the caller to the invitation''s organization; clear errors when revoked, expired or used up';

-- revoke an invitation (admins and owners; not one for a role above their own)
create function public.revoke_invitation(p_invitation_id uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_inv public.invitations;
  v_caller_role text;
begin
  if v_uid is null then
    raise exception 'sign in to revoke invitations' using errcode = '42501';
  end if;
  select * into v_inv from public.invitations i where i.id = p_invitation_id for update;
  if not found then
    raise exception 'invitation not found' using errcode = 'P0001';
  end if;
  select m.role into v_caller_role from public.memberships m
   where m.org_id = v_inv.org_id and m.user_id = v_uid and m.left_at is null and m.deleted_at is null;
  if private.role_rank(v_caller_role) < private.role_rank('admin') then
    raise exception 'only admins and owners can revoke invitations' using errcode = '42501';
  end if;
  if private.role_rank(v_inv.role) > private.role_rank(v_caller_role) then
    raise exception 'you cannot revoke an invitation for a role higher than your own' using errcode = '42501';
  end if;
  update public.invitations i
     set revoked_at = now(), revoked_by = v_uid
   where i.id = v_inv.id and i.revoked_at is null;
end
$$;
comment on function public.revoke_invitation(uuid) is 'rpc: admins/owners revoke an invitation; revoking twice is done';

-- housekeeping (scheduled daily): erase the secrets of invitations dead for 30
-- days. the rows stay, for the record of who invited whom; accept_invitation
-- still explains a dead invitation for those 30 days.
create function private.purge_dead_invitation_secrets()
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_count int;
begin
  update public.invitations i
     set code = null, token = null
   where (i.code is not null or i.token is not null)
     and (
       i.expires_at < now() - interval '30 days'
       or i.revoked_at < now() - interval '30 days'
       or (i.use_count >= i.max_uses and exists (
         select from public.memberships m
          where m.invitation_id = i.id and m.joined_at < now() - interval '30 days'
       ))
     );
  get diagnostics v_count = row_count;
  return v_count;
end
$$;
comment on function private.purge_dead_invitation_secrets() is
  'job: erases code and token of invitations expired, revoked or used up for 30 days; returns how many';

/**
  * -------------------------------------------------------
  * section - row level security
  * -------------------------------------------------------
  * admins and owners read their organization's invitations; every write goes
  * through the rpcs above (no insert, update or delete privilege).
  */
alter table public.invitations enable row level security;

create policy "Admins can view their organization's invitations"
  on public.invitations for select to authenticated
  using (org_id = any (array(select private.org_ids_with_role('admin'))));

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  */
revoke all on public.invitations from public, anon, authenticated;
grant all on public.invitations to service_role;
grant select on public.invitations to authenticated;

revoke all on function private.new_invitation_code() from public, anon, authenticated;
revoke all on function private.new_invitation_token() from public, anon, authenticated;
revoke all on function private.purge_dead_invitation_secrets() from public, anon, authenticated;

revoke all on function public.create_invitation(uuid, text, timestamptz, int, uuid) from public, anon, authenticated;
revoke all on function public.accept_invitation(text) from public, anon, authenticated;
revoke all on function public.revoke_invitation(uuid) from public, anon, authenticated;
grant execute on function public.create_invitation(uuid, text, timestamptz, int, uuid) to authenticated;
grant execute on function public.accept_invitation(text) to authenticated;
grant execute on function public.revoke_invitation(uuid) to authenticated;
