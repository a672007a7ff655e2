-- partner console (issue 16, reseller consoles): a reseller creates and manages
-- its client clubs, links an existing club only with its owner's time-limited
-- consent, and reads usage across its clients in one page.
--
-- builds on 20261206170000_partner_core.sql (partner_clients, partner_tiers,
-- partner_profiles, private.audit_append, the acting sessions).
--
-- tables    private.partner_link_requests (a link's token is kept only as its sha-256)
-- rpcs      public.partner_create_client, public.partner_update_client,
--           public.partner_set_client_status, public.partner_request_link,
--           public.partner_link_preview, public.partner_accept_link,
--           public.club_revoke_partner, public.club_set_partner_write,
--           public.club_partner, public.partner_client_usage
-- mail      a new outbox kind, partner_client_invitation: the contact of a club the
--           reseller created is invited as its owner (transactional, no switch)
--
-- every rpc is security definer and checks the caller itself: the partner's
-- owners and admins manage clients (the partner org must be a reseller); a club's
-- owners and admins see and revoke who manages it. every client-management action
-- appends to the audit in the same transaction, so an action whose entry cannot
-- be written does not happen. a client is named by its club's organization id
-- (partner_clients.client_org_id is unique), the same id start_acting takes.
--
-- the tier's client_limit is the core's trigger on partner_clients
-- (private.guard_partner_client), so the console and a link both meet it.

/**
  * -------------------------------------------------------
  * section - outbox kind
  * -------------------------------------------------------
  * the outbox's kind check is rebuilt from what it holds now, plus ours (and the
  * core's partner_welcome, which the core queues), so a kind another migration of
  * the same day added is kept.
  */
do $$
declare
  v_def text;
  v_kinds text[];
begin
  select pg_get_constraintdef(c.oid) into v_def
    from pg_catalog.pg_constraint c
   where c.conrelid = 'private.email_outbox'::regclass and c.conname = 'email_outbox_kind_check';
  -- the check reads either `kind = any (array['a'::text, …])` or, once rebuilt
  -- like this, `kind = any ('{a,b}'::text[])`: both spellings are read
  select array_agg(distinct k) into v_kinds
    from (select m[1] as k from regexp_matches(coalesce(v_def, ''), '''([a-z_]+)''', 'g') m
          union
          select unnest(string_to_array(m[1], ','))
            from regexp_matches(coalesce(v_def, ''), '''\{([a-z_,]*)\}''', 'g') m) found;
  v_kinds := array(select distinct k from unnest(coalesce(v_kinds, '{}') || array['partner_client_invitation', 'partner_welcome']) k order by k);
  execute 'alter table private.email_outbox drop constraint if exists email_outbox_kind_check';
  execute format('alter table private.email_outbox add constraint email_outbox_kind_check check (kind = any (%L::text[]))',
    v_kinds);
end
$$;

/**
  * -------------------------------------------------------
  * section - link requests
  * -------------------------------------------------------
  * a reseller asks an existing club to join: the link carries a one-time token,
  * valid 14 days, for a relationship of 1 to 24 months and with or without write
  * access. only the token's sha-256 is stored, so a leaked table links nothing.
  */
create table private.partner_link_requests (
  id uuid primary key default gen_random_uuid(),
  partner_org_id uuid not null references public.organizations (id) on delete cascade,
  token_hash bytea not null,
  months int not null,
  allow_write boolean not null default false,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '14 days',
  used_at timestamptz,
  used_by uuid references auth.users (id) on delete set null,
  client_org_id uuid references public.organizations (id) on delete set null,
  constraint partner_link_requests_token_hash_key unique (token_hash),
  constraint partner_link_requests_token_hash_check check (octet_length(token_hash) = 32),
  constraint partner_link_requests_months_check check (months between 1 and 24),
  constraint partner_link_requests_used_check check ((used_at is null) = (used_by is null))
);
comment on table private.partner_link_requests is
  'a reseller''s request to manage an existing club; token as sha-256 only, one use, 14 days';
create index partner_link_requests_partner_idx on private.partner_link_requests (partner_org_id);
create index partner_link_requests_created_by_idx on private.partner_link_requests (created_by);
create index partner_link_requests_used_by_idx on private.partner_link_requests (used_by);
create index partner_link_requests_client_idx on private.partner_link_requests (client_org_id);
alter table private.partner_link_requests enable row level security;
revoke all on private.partner_link_requests from public, anon, authenticated;
grant select, insert, update on private.partner_link_requests to service_role;

-- the console's page of usage reads the purchases of 50 clubs by (org, time)
create index if not exists purchases_org_paid_idx on public.purchases (org_id, paid_at) where paid_at is not null;

/**
  * -------------------------------------------------------
  * section - helpers
  * -------------------------------------------------------
  */

-- the caller is an owner or admin of p_partner, a live reseller; else 42501
create function private.assert_reseller_admin(p_partner uuid)
returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if auth.uid() is null then
    raise exception 'sign in to manage clients' using errcode = '42501';
  end if;
  if not exists (select from public.organizations o
                  where o.id = p_partner and o.kind = 'reseller' and o.deleted_at is null)
     or not private.is_active_member(p_partner, auth.uid(), 'admin') then
    raise exception 'only owners and admins of a reseller manage its clients' using errcode = '42501';
  end if;
end
$$;

-- the caller is an owner or admin of the reseller managing p_client; returns the row, locked
create function private.managed_client_for_update(p_client uuid)
returns public.partner_clients
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row public.partner_clients;
begin
  select * into v_row from public.partner_clients c where c.client_org_id = p_client for update;
  if not found then
    raise exception 'client not found' using errcode = 'P0001';
  end if;
  perform private.assert_reseller_admin(v_row.partner_org_id);
  if v_row.revoked_at is not null then
    raise exception 'the club revoked this partner''s access' using errcode = '42501';
  end if;
  return v_row;
end
$$;

-- shared input rules of the create and update rpcs (the zod schema in
-- src/domain/partner-client.ts agrees)
create function private.check_partner_client_contact(p_contact_name text, p_contact_email text,
  p_contact_phone text, p_subscription_tier text)
returns void
language plpgsql immutable security invoker set search_path = ''
as $$
begin
  if char_length(btrim(coalesce(p_contact_name, ''))) not between 1 and 120 then
    raise exception 'a contact name needs 1 to 120 characters' using errcode = 'P0001';
  end if;
  if coalesce(btrim(p_contact_email), '') !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' or char_length(p_contact_email) > 254 then
    raise exception 'the contact''s email address is not valid' using errcode = 'P0001';
  end if;
  if p_contact_phone is not null and btrim(p_contact_phone) <> ''
     and btrim(p_contact_phone) !~ '^\+?[0-9 ()-]{5,30}$' then
    raise exception 'a phone number has 5 to 30 digits, spaces, brackets or dashes' using errcode = 'P0001';
  end if;
  if p_subscription_tier is null or p_subscription_tier not in ('basic', 'standard', 'pro') then
    raise exception 'a subscription is basic, standard or pro' using errcode = 'P0001';
  end if;
end
$$;

-- ends the partner's open acting sessions for a club; returns how many
create function private.end_partner_acting(p_partner uuid, p_club uuid)
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_count int;
begin
  update private.acting_sessions s set ended_at = now(), ended_how = 'revoked'
   where s.partner_org_id = p_partner and s.client_org_id = p_club and s.ended_at is null;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

/**
  * -------------------------------------------------------
  * section - create and manage clients
  * -------------------------------------------------------
  */

-- a new club for a client: the organization, the relationship, an owner invitation
-- for the contact (14 days) and an email with its link. returns the club's id.
create function public.partner_create_client(
  p_partner uuid,
  p_name text,
  p_contact_name text,
  p_contact_email text,
  p_contact_phone text,
  p_subscription_tier text,
  p_billing_by_partner boolean,
  p_time_zone text
)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_partner public.organizations;
  v_org uuid;
  v_client public.partner_clients;
  v_inv public.invitations;
  v_email text := lower(btrim(coalesce(p_contact_email, '')));
  v_zone text := coalesce(nullif(btrim(p_time_zone), ''), 'Europe/Moscow');
begin
  perform private.assert_reseller_admin(p_partner);
  if char_length(btrim(coalesce(p_name, ''))) not between 1 and 200 then
    raise exception 'a club name needs 1 to 200 characters' using errcode = 'P0001';
  end if;
  perform private.check_partner_client_contact(p_contact_name, v_email, p_contact_phone, p_subscription_tier);
  if not exists (select from pg_catalog.pg_timezone_names z where z.name = v_zone) then
    raise exception 'unknown time zone "%"', v_zone using errcode = 'P0001';
  end if;
  select * into v_partner from public.organizations o where o.id = p_partner;

  insert into public.organizations (name, slug, kind, time_zone, locale)
  values (btrim(p_name), 'club-' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 12), 'club',
          v_zone, v_partner.locale)
  returning id into v_org;
  insert into public.partner_clients (partner_org_id, client_org_id, origin, contact_name, contact_email,
    contact_phone, subscription_tier, status, billing_by_partner, created_by)
  values (p_partner, v_org, 'created', btrim(p_contact_name), v_email, nullif(btrim(p_contact_phone), ''),
          p_subscription_tier, 'active', coalesce(p_billing_by_partner, false), v_uid)
  returning * into v_client;

  insert into public.invitations (org_id, role, code, token, expires_at, max_uses, created_by)
  values (v_org, 'owner', private.new_invitation_code(), private.new_invitation_token(),
          now() + interval '14 days', 1, v_uid)
  returning * into v_inv;
  perform private.enqueue_address_email('partner_client_invitation', v_email,
    case when left(v_partner.locale, 2) = 'en' then 'en' else 'ru' end, v_org,
    'partner_client_invitation:' || v_inv.id,
    jsonb_build_object('token', v_inv.token, 'clubName', btrim(p_name), 'partnerName', v_partner.name,
                       'contactName', btrim(p_contact_name), 'expiresAt', v_inv.expires_at));

  perform private.audit_append(v_org, p_partner, 'client.created', 'partner_clients', v_client.id::text, null,
    jsonb_build_object('name', btrim(p_name), 'contactEmail', v_email, 'subscriptionTier', p_subscription_tier,
                       'billingByPartner', v_client.billing_by_partner, 'invitationId', v_inv.id));
  return v_org;
end
$$;
comment on function public.partner_create_client(uuid, text, text, text, text, text, boolean, text) is
  'rpc: a reseller''s owner/admin creates a client club and invites its contact as owner; returns the club id';

-- the contact, subscription and billing of a client; a canceled client is final
create function public.partner_update_client(
  p_client uuid,
  p_contact_name text,
  p_contact_email text,
  p_contact_phone text,
  p_subscription_tier text,
  p_billing_by_partner boolean
)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row public.partner_clients := private.managed_client_for_update(p_client);
  v_email text := lower(btrim(coalesce(p_contact_email, '')));
begin
  if v_row.status = 'canceled' then
    raise exception 'a canceled client cannot be changed' using errcode = 'P0001';
  end if;
  perform private.check_partner_client_contact(p_contact_name, v_email, p_contact_phone, p_subscription_tier);
  update public.partner_clients c
     set contact_name = btrim(p_contact_name), contact_email = v_email,
         contact_phone = nullif(btrim(p_contact_phone), ''), subscription_tier = p_subscription_tier,
         billing_by_partner = coalesce(p_billing_by_partner, false), updated_at = now()
   where c.id = v_row.id;
  perform private.audit_append(p_client, v_row.partner_org_id, 'client.updated', 'partner_clients', v_row.id::text,
    null, jsonb_build_object(
      'before', jsonb_build_object('contactName', v_row.contact_name, 'contactEmail', v_row.contact_email,
        'contactPhone', v_row.contact_phone, 'subscriptionTier', v_row.subscription_tier,
        'billingByPartner', v_row.billing_by_partner),
      'after', jsonb_build_object('contactName', btrim(p_contact_name), 'contactEmail', v_email,
        'contactPhone', nullif(btrim(p_contact_phone), ''), 'subscriptionTier', p_subscription_tier,
        'billingByPartner', coalesce(p_billing_by_partner, false))));
end
$$;
comment on function public.partner_update_client(uuid, text, text, text, text, boolean) is
  'rpc: a reseller''s owner/admin edits a client''s contact, subscription and billing';

-- suspend (read-only for the club's members), reactivate, or cancel (members keep
-- reading for p_access_days, then nothing). canceled is final. only that club changes.
create function public.partner_set_client_status(p_client uuid, p_status text, p_access_days int default 30)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row public.partner_clients := private.managed_client_for_update(p_client);
  v_ends timestamptz;
  v_action text;
begin
  if p_status is null or p_status not in ('active', 'suspended', 'canceled') then
    raise exception 'a client''s status is active, suspended or canceled' using errcode = 'P0001';
  end if;
  if v_row.status = 'canceled' then
    raise exception 'a canceled client stays canceled' using errcode = 'P0001';
  end if;
  if v_row.status = p_status then
    raise exception 'the client is already %', p_status using errcode = 'P0001';
  end if;
  if p_status = 'canceled' then
    if p_access_days is null or p_access_days not between 0 and 365 then
      raise exception 'members keep reading for 0 to 365 days after a cancellation' using errcode = 'P0001';
    end if;
    v_ends := now() + make_interval(days => p_access_days);
  end if;
  v_action := case p_status when 'suspended' then 'client.suspended' when 'active' then 'client.reactivated'
                            else 'client.canceled' end;
  update public.partner_clients c
     set status = p_status, access_ends_at = v_ends, updated_at = now()
   where c.id = v_row.id;
  perform private.audit_append(p_client, v_row.partner_org_id, v_action, 'partner_clients', v_row.id::text, null,
    jsonb_build_object('from', v_row.status, 'to', p_status, 'accessEndsAt', v_ends));
end
$$;
comment on function public.partner_set_client_status(uuid, text, int) is
  'rpc: a reseller''s owner/admin suspends, reactivates or cancels (with an access period) one client';

/**
  * -------------------------------------------------------
  * section - linking an existing club
  * -------------------------------------------------------
  */

-- a one-time link token for an existing club's owner (valid 14 days)
create function public.partner_request_link(p_partner uuid, p_months int, p_write boolean)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_token text := private.new_invitation_token();
  v_id uuid;
begin
  perform private.assert_reseller_admin(p_partner);
  if p_months is null or p_months not between 1 and 24 then
    raise exception 'a partner manages a club for 1 to 24 months' using errcode = 'P0001';
  end if;
  insert into private.partner_link_requests (partner_org_id, token_hash, months, allow_write, created_by)
  values (p_partner, extensions.digest(v_token, 'sha256'), p_months, coalesce(p_write, false), auth.uid())
  returning id into v_id;
  perform private.audit_append(null, p_partner, 'link.requested', 'partner_link_requests', v_id::text, null,
    jsonb_build_object('months', p_months, 'write', coalesce(p_write, false)));
  return v_token;
end
$$;
comment on function public.partner_request_link(uuid, int, boolean) is
  'rpc: a reseller''s owner/admin makes a one-time link (14 days) asking a club to be managed';

-- the open request a token names, locked; clear messages for the dead ones
create function private.open_link_request(p_token text)
returns private.partner_link_requests
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_req private.partner_link_requests;
begin
  if auth.uid() is null then
    raise exception 'sign in to answer a partner''s request' using errcode = '42501';
  end if;
  select * into v_req from private.partner_link_requests r
   where r.token_hash = extensions.digest(coalesce(p_token, ''), 'sha256')
     for update;
  if not found then
    raise exception 'this link is not valid' using errcode = 'P0001';
  end if;
  if v_req.used_at is not null then
    raise exception 'this link has already been used' using errcode = 'P0001';
  end if;
  if v_req.expires_at <= now() then
    raise exception 'this link has expired: ask the partner for a new one' using errcode = 'P0001';
  end if;
  return v_req;
end
$$;

-- what a link asks, for the club owner who opened it
create function public.partner_link_preview(p_token text)
returns table (partner_org_id uuid, partner_name text, months int, allow_write boolean, expires_at timestamptz)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_req private.partner_link_requests := private.open_link_request(p_token);
begin
  return query
    select o.id, coalesce(nullif(p.brand_name, ''), o.name), v_req.months, v_req.allow_write, v_req.expires_at
      from public.organizations o
      left join public.partner_profiles p on p.org_id = o.id
     where o.id = v_req.partner_org_id;
end
$$;
comment on function public.partner_link_preview(text) is
  'rpc: the partner, term and access a link asks for (any signed-in holder of the link)';

-- the club's owner accepts: the partner manages p_club until the term ends
create function public.partner_accept_link(p_token text, p_club uuid)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_req private.partner_link_requests := private.open_link_request(p_token);
  v_existing public.partner_clients;
  v_client public.partner_clients;
  v_name text;
  v_email text;
begin
  if not exists (select from public.organizations o
                  where o.id = p_club and o.deleted_at is null
                    and o.kind in ('school', 'club', 'coach_business', 'race', 'timing_company'))
     or not private.is_active_member(p_club, v_uid, 'owner') then
    raise exception 'only an owner of the club can accept a partner' using errcode = '42501';
  end if;
  if p_club = v_req.partner_org_id then
    raise exception 'a partner cannot manage itself' using errcode = 'P0001';
  end if;
  select * into v_existing from public.partner_clients c where c.client_org_id = p_club for update;
  if found and v_existing.revoked_at is null and v_existing.status <> 'canceled' then
    raise exception 'this club is already managed by a partner' using errcode = 'P0001';
  end if;
  select left(coalesce(nullif(btrim(pr.display_name), ''), u.email), 120), lower(u.email) into v_name, v_email
    from auth.users u left join public.profiles pr on pr.id = u.id where u.id = v_uid;

  if v_existing.id is not null then
    -- a past relationship (revoked or canceled; its audit stays in the club's
    -- chain) gives way to the new one: the core keeps a canceled row canceled
    delete from public.partner_clients c where c.id = v_existing.id;
  end if;
  insert into public.partner_clients (partner_org_id, client_org_id, origin, contact_name, contact_email,
    subscription_tier, status, billing_by_partner, consent_expires_at, allow_write, created_by)
  values (v_req.partner_org_id, p_club, 'linked', v_name, v_email, 'basic', 'active', false,
          now() + make_interval(months => v_req.months), v_req.allow_write, v_uid)
  returning * into v_client;
  update private.partner_link_requests r
     set used_at = now(), used_by = v_uid, client_org_id = p_club
   where r.id = v_req.id;
  perform private.audit_append(p_club, v_req.partner_org_id, 'client.linked', 'partner_clients', v_client.id::text,
    null, jsonb_build_object('months', v_req.months, 'write', v_req.allow_write,
                             'consentExpiresAt', v_client.consent_expires_at, 'requestId', v_req.id));
  return p_club;
end
$$;
comment on function public.partner_accept_link(text, uuid) is
  'rpc: a club''s owner lets the partner of a link manage the club for the link''s term';

/**
  * -------------------------------------------------------
  * section - the club's side
  * -------------------------------------------------------
  */

-- the club's owners and admins end the partner's access at any time, and any
-- acting session of that partner for the club with it
create function public.club_revoke_partner(p_club uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row public.partner_clients;
  v_ended int := 0;
begin
  if auth.uid() is null or not private.is_active_member(p_club, auth.uid(), 'admin') then
    raise exception 'only owners and admins of the club can revoke its partner' using errcode = '42501';
  end if;
  select * into v_row from public.partner_clients c
   where c.client_org_id = p_club and c.revoked_at is null for update;
  if not found then
    raise exception 'no partner manages this club' using errcode = 'P0001';
  end if;
  update public.partner_clients c set revoked_at = now(), updated_at = now() where c.id = v_row.id;
  v_ended := private.end_partner_acting(v_row.partner_org_id, p_club);
  perform private.audit_append(p_club, v_row.partner_org_id, 'client.revoked', 'partner_clients', v_row.id::text,
    null, jsonb_build_object('endedActingSessions', v_ended));
end
$$;
comment on function public.club_revoke_partner(uuid) is
  'rpc: a club''s owner/admin ends its partner''s access and any acting session for the club';

-- the club's setting: may its partner act with write access (audited)
create function public.club_set_partner_write(p_club uuid, p_allow boolean)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row public.partner_clients;
begin
  if auth.uid() is null or not private.is_active_member(p_club, auth.uid(), 'admin') then
    raise exception 'only owners and admins of the club can change what its partner may do' using errcode = '42501';
  end if;
  if p_allow is null then
    raise exception 'say whether the partner may write' using errcode = 'P0001';
  end if;
  select * into v_row from public.partner_clients c
   where c.client_org_id = p_club and c.revoked_at is null for update;
  if not found then
    raise exception 'no partner manages this club' using errcode = 'P0001';
  end if;
  update public.partner_clients c set allow_write = p_allow, updated_at = now() where c.id = v_row.id;
  perform private.audit_append(p_club, v_row.partner_org_id, 'client.allow_write', 'partner_clients',
    v_row.id::text, null, jsonb_build_object('from', v_row.allow_write, 'to', p_allow));
end
$$;
comment on function public.club_set_partner_write(uuid, boolean) is
  'rpc: a club''s owner/admin allows or forbids its partner to act with write access';

-- who manages the club, since when, until when, with write access or not: any
-- member of the club reads it (no row: nobody)
create function public.club_partner(p_club uuid)
returns table (partner_org_id uuid, partner_name text, origin text, status text, since timestamptz,
  consent_expires_at timestamptz, access_ends_at timestamptz, allow_write boolean)
language sql stable security definer set search_path = ''
as $$
  select c.partner_org_id, coalesce(nullif(p.brand_name, ''), o.name), c.origin, c.status, c.created_at,
         c.consent_expires_at, c.access_ends_at, c.allow_write
    from public.partner_clients c
    join public.organizations o on o.id = c.partner_org_id
    left join public.partner_profiles p on p.org_id = c.partner_org_id
   where c.client_org_id = p_club and c.revoked_at is null
     and private.is_active_member(p_club, (select auth.uid()), 'member')
$$;
comment on function public.club_partner(uuid) is
  'rpc: the partner managing a club, for the club''s members';

/**
  * -------------------------------------------------------
  * section - usage across clients
  * -------------------------------------------------------
  * one page of a reseller's clients (or the one p_client names), filtered, searched and sorted on the
  * relationship and the club's name; the figures (members, active athletes,
  * sessions and revenue of the last 30 days) are counted for that page's clubs
  * only, so 50 of 10,000 clients read 50 clubs' rows. sorting by a figure would
  * need every club's figures, so the list sorts by name, creation, status or
  * subscription. a club that revoked the partner, or whose consent ran out,
  * shows no figures.
  */
create function public.partner_client_usage(
  p_partner uuid,
  p_status text default null,
  p_search text default null,
  p_sort text default 'name',
  p_desc boolean default false,
  p_limit int default 50,
  p_offset int default 0,
  p_client uuid default null
)
returns table (client_org_id uuid, name text, origin text, status text, subscription_tier text,
  contact_name text, contact_email text, contact_phone text, billing_by_partner boolean, allow_write boolean,
  consent_expires_at timestamptz, access_ends_at timestamptz, revoked_at timestamptz, created_at timestamptz,
  members int, active_athletes int, sessions_30d int, revenue_30d jsonb, total_count bigint)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_search text := nullif(btrim(coalesce(p_search, '')), '');
  v_since timestamptz := now() - interval '30 days';
begin
  if auth.uid() is null or not exists (
       select from public.organizations o where o.id = p_partner and o.kind = 'reseller' and o.deleted_at is null)
     or not private.is_active_member(p_partner, auth.uid(), 'coach') then
    raise exception 'only members of a reseller see its clients' using errcode = '42501';
  end if;
  if p_status is not null and p_status not in ('active', 'suspended', 'canceled', 'revoked') then
    raise exception 'filter by active, suspended, canceled or revoked' using errcode = 'P0001';
  end if;
  if coalesce(p_sort, 'name') not in ('name', 'created_at', 'status', 'subscription_tier') then
    raise exception 'sort by name, created_at, status or subscription_tier' using errcode = 'P0001';
  end if;
  if p_limit is null or p_limit not between 1 and 200 or p_offset is null or p_offset < 0 then
    raise exception 'a page holds 1 to 200 clients from offset 0' using errcode = 'P0001';
  end if;
  if v_search is not null then
    v_search := '%' || replace(replace(replace(v_search, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  end if;
  return query
  with filtered as (
    select c.*, o.name as club_name
      from public.partner_clients c
      join public.organizations o on o.id = c.client_org_id
     where c.partner_org_id = p_partner
       and (p_client is null or c.client_org_id = p_client)
       and (p_status is null
            or (p_status = 'revoked' and c.revoked_at is not null)
            or (p_status <> 'revoked' and c.status = p_status and c.revoked_at is null))
       and (v_search is null or o.name ilike v_search or c.contact_name ilike v_search
            or c.contact_email ilike v_search)
  ), page as (
    select f.*, count(*) over () as total
      from filtered f
     order by
       case when coalesce(p_sort, 'name') = 'name' and not coalesce(p_desc, false) then lower(f.club_name) end asc,
       case when coalesce(p_sort, 'name') = 'name' and coalesce(p_desc, false) then lower(f.club_name) end desc,
       case when p_sort = 'created_at' and not coalesce(p_desc, false) then f.created_at end asc,
       case when p_sort = 'created_at' and coalesce(p_desc, false) then f.created_at end desc,
       case when p_sort = 'status' and not coalesce(p_desc, false) then f.status end asc,
       case when p_sort = 'status' and coalesce(p_desc, false) then f.status end desc,
       case when p_sort = 'subscription_tier' and not coalesce(p_desc, false) then f.subscription_tier end asc,
       case when p_sort = 'subscription_tier' and coalesce(p_desc, false) then f.subscription_tier end desc,
       f.id
     limit p_limit offset p_offset
  )
  select p.client_org_id, p.club_name, p.origin, p.status, p.subscription_tier, p.contact_name, p.contact_email,
         p.contact_phone, p.billing_by_partner, p.allow_write, p.consent_expires_at, p.access_ends_at,
         p.revoked_at, p.created_at, u.members, u.active_athletes, u.sessions_30d, u.revenue_30d, p.total
    from page p
    left join lateral (
      select
        (select count(*)::int from public.memberships m
          where m.org_id = p.client_org_id and m.left_at is null and m.deleted_at is null) as members,
        (select count(*)::int from public.athletes a
          where a.org_id = p.client_org_id and a.status = 'active' and a.deleted_at is null) as active_athletes,
        (select count(*)::int from public.training_sessions s
          where s.org_id = p.client_org_id and s.starts_at >= v_since and s.starts_at < now()
            and s.status <> 'cancelled' and s.deleted_at is null) as sessions_30d,
        (select coalesce(jsonb_object_agg(r.currency, r.amount), '{}'::jsonb)
           from (select pu.currency, sum(pu.amount_minor - pu.refunded_minor) as amount
                   from public.purchases pu
                  where pu.org_id = p.client_org_id and pu.paid_at >= v_since
                    and pu.status in ('paid', 'refunded') and pu.deleted_at is null
                  group by pu.currency) r) as revenue_30d
       where p.revoked_at is null and (p.consent_expires_at is null or p.consent_expires_at > now())
    ) u on true
   order by
     case when coalesce(p_sort, 'name') = 'name' and not coalesce(p_desc, false) then lower(p.club_name) end asc,
     case when coalesce(p_sort, 'name') = 'name' and coalesce(p_desc, false) then lower(p.club_name) end desc,
     case when p_sort = 'created_at' and not coalesce(p_desc, false) then p.created_at end asc,
     case when p_sort = 'created_at' and coalesce(p_desc, false) then p.created_at end desc,
     case when p_sort = 'status' and not coalesce(p_desc, false) then p.status end asc,
     case when p_sort = 'status' and coalesce(p_desc, false) then p.status end desc,
     case when p_sort = 'subscription_tier' and not coalesce(p_desc, false) then p.subscription_tier end asc,
     case when p_sort = 'subscription_tier' and coalesce(p_desc, false) then p.subscription_tier end desc,
     p.id;
end
$$;
comment on function public.partner_client_usage(uuid, text, text, text, boolean, int, int, uuid) is
  'rpc: one page of a reseller''s clients with members, active athletes, sessions and revenue (30 days)';

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  */
revoke all on function private.assert_reseller_admin(uuid) from public;
revoke all on function private.managed_client_for_update(uuid) from public;
revoke all on function private.check_partner_client_contact(text, text, text, text) from public;
revoke all on function private.open_link_request(text) from public;
revoke all on function private.end_partner_acting(uuid, uuid) from public;
revoke all on function public.partner_create_client(uuid, text, text, text, text, text, boolean, text) from public, anon;
revoke all on function public.partner_update_client(uuid, text, text, text, text, boolean) from public, anon;
revoke all on function public.partner_set_client_status(uuid, text, int) from public, anon;
revoke all on function public.partner_request_link(uuid, int, boolean) from public, anon;
revoke all on function public.partner_link_preview(text) from public, anon;
revoke all on function public.partner_accept_link(text, uuid) from public, anon;
revoke all on function public.club_revoke_partner(uuid) from public, anon;
revoke all on function public.club_set_partner_write(uuid, boolean) from public, anon;
revoke all on function public.club_partner(uuid) from public, anon;
revoke all on function public.partner_client_usage(uuid, text, text, text, boolean, int, int, uuid) from public, anon;
grant execute on function public.partner_create_client(uuid, text, text, text, text, text, boolean, text) to authenticated;
grant execute on function public.partner_update_client(uuid, text, text, text, text, boolean) to authenticated;
grant execute on function public.partner_set_client_status(uuid, text, int) to authenticated;
grant execute on function public.partner_request_link(uuid, int, boolean) to authenticated;
grant execute on function public.partner_link_preview(text) to authenticated;
grant execute on function public.partner_accept_link(text, uuid) to authenticated;
grant execute on function public.club_revoke_partner(uuid) to authenticated;
grant execute on function public.club_set_partner_write(uuid, boolean) to authenticated;
grant execute on function public.club_partner(uuid) to authenticated;
grant execute on function public.partner_client_usage(uuid, text, text, text, boolean, int, int, uuid) to authenticated;
