-- partner core: tiers, partner profiles, managed clients, acting for a client,
-- and the append-only, hash-chained audit log (issue 16; reference/partners.md,
-- security.md §3).
--
-- tables    public.partner_tiers        silver / gold / platinum and what each grants
--           public.partner_profiles     a partner organization's program, tier, code, brand
--           public.partner_clients      which partner manages which club, with the club's consent
--           private.acting_sessions     a partner user acting for a client club (≤ 60 min)
--           audit.entries               the audit log, one hash chain per club
-- helpers   private.is_platform_admin, private.acting_session, private.audit_append,
--           private.create_partner_org, private.tenant_write_guard, private.recalculate_partner_tiers
-- rpcs      public.start_acting, public.stop_acting, public.acting_status,
--           public.partner_audit, public.verify_audit_chain
-- hook      public.custom_access_token_hook (Supabase Auth's custom access-token hook)
--
-- acting is delegation, not impersonation (RFC 8693): the partner keeps their own
-- identity (auth.uid() is theirs) and their token carries `act_as`, added by the
-- access-token hook while they have an open acting session. while the session
-- row is open the partner reads the club as one of its admins
-- (private.org_ids_with_role, through private.acting_org_id: the row only, no
-- clock, so the sync's access epoch still follows writes); stopping or revoking
-- closes it at once, and the partner-access job closes it within the minute its
-- hour or the club's consent ends. every write is checked against the token's
-- claim and the clock as well (private.acting_session): a token copied to another
-- user, an expired, stopped or revoked session writes nothing. the guard trigger
-- on every tenant table refuses writes unless the session was
-- started with write access (which only the club can allow), refuses any write to
-- another organization, to memberships, invitations or the partner link, and
-- writes an audit entry for each write it lets through, in the same transaction:
-- if the entry cannot be written, the write does not happen.
--
-- the audit log lives in schema `audit`, which no api role can read or write; a
-- trigger refuses update, delete and truncate from every role, the table owner
-- included (only a superuser disabling triggers gets past, hence the daily verify).
-- each entry's hash is sha256(previous hash | its canonical fields), per club, so
-- an edited entry or a gap shows in public.verify_audit_chain.

/**
  * -------------------------------------------------------
  * section - organizations of kind partner
  * -------------------------------------------------------
  * referral and technology partners are organizations too; like resellers and the
  * platform, only the platform team makes one (approval of an application).
  */
alter table public.organizations drop constraint organizations_kind_check;
alter table public.organizations add constraint organizations_kind_check check (
  kind in ('school', 'club', 'coach_business', 'race', 'timing_company', 'reseller', 'partner', 'platform')
);
comment on column public.organizations.kind is
  'school | club | coach_business | race | timing_company | reseller | partner | platform (the last three only by the platform team)';

create or replace function private.guard_organization_write()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if current_user in ('authenticated', 'anon') then
    if new.kind in ('reseller', 'partner', 'platform') and (tg_op = 'INSERT' or new.kind is distinct from old.kind) then
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
  * section - tiers
  * -------------------------------------------------------
  * tiers are rows: what a tier grants is read from here by every check, so a
  * change of terms is an update, not a release. the score that places a partner
  * (private.recalculate_partner_tiers) is its active clients plus its referred
  * clubs that are active; min_score is the threshold.
  */
create table public.partner_tiers (
  code text primary key,
  rank int not null unique,
  label_ru text not null,
  label_en text not null,
  client_limit int,
  white_label boolean not null default false,
  custom_pricing boolean not null default false,
  commission_rate numeric(5, 4) not null,
  min_score int not null,
  constraint partner_tiers_code_check check (code in ('silver', 'gold', 'platinum')),
  constraint partner_tiers_client_limit_check check (client_limit is null or client_limit >= 0),
  constraint partner_tiers_commission_rate_check check (commission_rate between 0 and 1),
  constraint partner_tiers_min_score_check check (min_score >= 0)
);
comment on table public.partner_tiers is 'partner tiers and their entitlements (client limit null = no limit)';

insert into public.partner_tiers (code, rank, label_ru, label_en, client_limit, white_label, custom_pricing,
  commission_rate, min_score) values
  ('silver', 1, 'Серебряный', 'Silver', 10, false, false, 0.1000, 0),
  ('gold', 2, 'Золотой', 'Gold', 50, true, false, 0.1500, 10),
  ('platinum', 3, 'Платиновый', 'Platinum', null, true, true, 0.2000, 25);

/**
  * -------------------------------------------------------
  * section - partner profiles
  * -------------------------------------------------------
  */
create table public.partner_profiles (
  org_id uuid primary key references public.organizations (id) on delete cascade,
  program text not null,
  tier text not null default 'silver' references public.partner_tiers (code),
  tier_score int not null default 0,
  tier_evaluated_at timestamptz,
  referral_code text not null,
  application_id uuid,
  website text,
  contact_email text,
  contact_phone text,
  brand_name text,
  brand_logo_url text,
  brand_color text,
  brand_accent_color text,
  email_sender_name text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint partner_profiles_program_check check (program in ('reseller', 'referral', 'technology')),
  constraint partner_profiles_referral_code_check check (referral_code ~ '^[A-Z0-9]{8}$'),
  constraint partner_profiles_referral_code_key unique (referral_code),
  constraint partner_profiles_website_check check (website is null or (website ~ '^https?://[^\s]+$' and char_length(website) <= 300)),
  constraint partner_profiles_contact_email_check check (
    contact_email is null or (contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(contact_email) <= 254)),
  constraint partner_profiles_contact_phone_check check (contact_phone is null or contact_phone ~ '^\+?[0-9 ()-]{5,30}$'),
  constraint partner_profiles_brand_name_check check (brand_name is null or char_length(btrim(brand_name)) between 1 and 80),
  constraint partner_profiles_brand_logo_url_check check (
    brand_logo_url is null or (brand_logo_url ~ '^https://[^\s]+$' and char_length(brand_logo_url) <= 500)),
  constraint partner_profiles_brand_color_check check (brand_color is null or brand_color ~ '^#[0-9a-f]{6}$'),
  constraint partner_profiles_brand_accent_color_check check (
    brand_accent_color is null or brand_accent_color ~ '^#[0-9a-f]{6}$'),
  constraint partner_profiles_email_sender_name_check check (
    email_sender_name is null or email_sender_name ~ '^[^"<>@\r\n]{1,60}$')
);
comment on table public.partner_profiles is 'a partner organization: program, tier, referral code, company details, brand';
comment on column public.partner_profiles.tier_score is 'active clients + active referred clubs at the last evaluation';
create index partner_profiles_tier_idx on public.partner_profiles (tier);

/**
  * -------------------------------------------------------
  * section - managed clients
  * -------------------------------------------------------
  * one managing partner per club. a club the partner created is managed while
  * the row lives; a club that existed before joined by its owner's consent, which
  * lasts at most two years and which the club can revoke at any time.
  */
create table public.partner_clients (
  id uuid primary key default gen_random_uuid(),
  partner_org_id uuid not null references public.organizations (id) on delete cascade,
  client_org_id uuid not null references public.organizations (id) on delete cascade,
  origin text not null,
  contact_name text,
  contact_email text,
  contact_phone text,
  subscription_tier text not null default 'standard',
  status text not null default 'active',
  billing_by_partner boolean not null default true,
  price_minor bigint,
  price_currency text,
  access_ends_at timestamptz,
  access_ended_at timestamptz,
  consent_expires_at timestamptz,
  allow_write boolean not null default false,
  revoked_at timestamptz,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint partner_clients_client_org_id_key unique (client_org_id),
  constraint partner_clients_not_self_check check (partner_org_id <> client_org_id),
  constraint partner_clients_origin_check check (origin in ('created', 'linked')),
  constraint partner_clients_contact_name_check check (
    contact_name is null or char_length(btrim(contact_name)) between 1 and 120),
  constraint partner_clients_contact_email_check check (
    contact_email is null or (contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(contact_email) <= 254)),
  constraint partner_clients_contact_phone_check check (contact_phone is null or contact_phone ~ '^\+?[0-9 ()-]{5,30}$'),
  constraint partner_clients_subscription_tier_check check (subscription_tier in ('basic', 'standard', 'pro')),
  constraint partner_clients_status_check check (status in ('active', 'suspended', 'canceled')),
  constraint partner_clients_canceled_check check ((status = 'canceled') = (access_ends_at is not null)),
  constraint partner_clients_price_check check (
    (price_minor is null and price_currency is null)
    or (price_minor between 0 and 100000000 and price_currency ~ '^[A-Z]{3}$')),
  -- at most two years of consent from the moment it is given (GDAP's longest term)
  constraint partner_clients_consent_check check (
    consent_expires_at is null or consent_expires_at <= created_at + interval '2 years 1 day'),
  constraint partner_clients_linked_consent_check check (origin = 'created' or consent_expires_at is not null)
);
comment on table public.partner_clients is 'which partner manages which club, on what terms, with what consent';
comment on column public.partner_clients.allow_write is 'the club''s setting: may the partner act for it with write access';
comment on column public.partner_clients.access_ends_at is 'canceled: members read until then, and nothing after';
comment on column public.partner_clients.access_ended_at is 'set by the partner-access job once access_ends_at has passed: from then on members read nothing';
comment on column public.partner_clients.consent_expires_at is 'linked clubs: the consent''s end (≤ 2 years); null: a club the partner created';
create index partner_clients_partner_idx on public.partner_clients (partner_org_id, status, created_at);

-- what only the club may change (allow_write, revoking) and what only the partner
-- may (the rest) is kept apart here, whoever calls: direct updates come from the
-- club's side through row-level security, the partner's through its rpcs.
create function private.guard_partner_client()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_tier public.partner_tiers;
  v_count int;
begin
  if (select auth.jwt()) ? 'act_as' or exists (select from private.acting_org_id()) then
    raise exception 'acting for a club cannot change its partner link' using errcode = '42501';
  end if;
  if tg_op = 'UPDATE' and old.status = 'canceled' and new.status <> 'canceled' then
    raise exception 'a canceled client cannot be reactivated' using errcode = '22023';
  end if;
  select t.* into v_tier
    from public.partner_profiles p join public.partner_tiers t on t.code = p.tier
   where p.org_id = new.partner_org_id
     for update of p;
  if not found then
    raise exception 'organization % is not a partner', new.partner_org_id using errcode = '22023';
  end if;
  if new.price_minor is not null and not v_tier.custom_pricing
    and (tg_op = 'INSERT' or new.price_minor is distinct from old.price_minor)
  then
    raise exception 'custom pricing needs the platinum tier' using errcode = '42501';
  end if;
  -- the client limit counts clubs that are managed now (active or suspended); the
  -- profile row locked above makes two concurrent additions take turns
  if v_tier.client_limit is not null and new.status <> 'canceled' and new.revoked_at is null
    and (tg_op = 'INSERT' or old.status = 'canceled' or old.revoked_at is not null)
  then
    select count(*) into v_count from public.partner_clients c
     where c.partner_org_id = new.partner_org_id and c.status <> 'canceled' and c.revoked_at is null
       and c.id <> new.id;
    if v_count >= v_tier.client_limit then
      raise exception 'the % tier allows % clients: this partner has reached the limit', v_tier.code, v_tier.client_limit
        using errcode = '23514';
    end if;
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger guard_partner_client before insert or update on public.partner_clients
  for each row execute function private.guard_partner_client();

-- a direct update through the api (the club's side) changes allow_write only;
-- security invoker, so current_user tells the api apart from the partner's rpcs
create function private.guard_partner_client_columns()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if current_user in ('authenticated', 'anon')
    and (to_jsonb(new) - array['allow_write', 'updated_at']) <> (to_jsonb(old) - array['allow_write', 'updated_at'])
  then
    raise exception 'a club may change only whether its partner may write' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger guard_partner_client_columns before update on public.partner_clients
  for each row execute function private.guard_partner_client_columns();

-- brand columns only for tiers with white-label; the rest of the profile is the
-- partner's own company details
create function private.guard_partner_profile()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  -- through the api (not the platform's own functions) only company details and brand change
  if current_user in ('authenticated', 'anon') then
    if new.program is distinct from old.program or new.tier is distinct from old.tier
      or new.tier_score is distinct from old.tier_score or new.referral_code is distinct from old.referral_code
      or new.application_id is distinct from old.application_id or new.org_id is distinct from old.org_id
      or new.tier_evaluated_at is distinct from old.tier_evaluated_at
    then
      raise exception 'program, tier and referral code are set by the platform' using errcode = '42501';
    end if;
  end if;
  -- by any path: a brand needs a tier that includes white-label
  if (new.brand_name, new.brand_logo_url, new.brand_color, new.brand_accent_color, new.email_sender_name)
       is distinct from
     (old.brand_name, old.brand_logo_url, old.brand_color, old.brand_accent_color, old.email_sender_name)
    and not exists (select from public.partner_tiers t where t.code = new.tier and t.white_label)
  then
    raise exception 'white-label needs the gold or platinum tier' using errcode = '42501';
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger guard_partner_profile before update on public.partner_profiles
  for each row execute function private.guard_partner_profile();

/**
  * -------------------------------------------------------
  * section - the platform
  * -------------------------------------------------------
  */
create function private.is_platform_admin()
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select from public.memberships m
      join public.organizations o on o.id = m.org_id
     where m.user_id = (select auth.uid())
       and m.left_at is null and m.deleted_at is null and o.deleted_at is null
       and o.kind = 'platform'
       and private.role_rank(m.role) >= private.role_rank('admin'))
$$;
comment on function private.is_platform_admin() is 'the caller is an owner or admin of the platform organization';

/**
  * -------------------------------------------------------
  * section - acting sessions
  * -------------------------------------------------------
  */
create table private.acting_sessions (
  id uuid primary key default gen_random_uuid(),
  actor_id uuid not null references auth.users (id) on delete cascade,
  partner_org_id uuid not null references public.organizations (id) on delete cascade,
  client_org_id uuid not null references public.organizations (id) on delete cascade,
  reason text not null,
  write boolean not null,
  started_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ended_at timestamptz,
  ended_how text,
  constraint acting_sessions_reason_check check (char_length(btrim(reason)) between 10 and 500),
  constraint acting_sessions_length_check check (expires_at > started_at and expires_at <= started_at + interval '60 minutes'),
  constraint acting_sessions_ended_how_check check (ended_how in ('stopped', 'replaced', 'revoked', 'expired'))
);
comment on table private.acting_sessions is 'a partner user acting for a client club: who, for whom, why, until when';
create index acting_sessions_actor_idx on private.acting_sessions (actor_id) where ended_at is null;
create index acting_sessions_client_idx on private.acting_sessions (client_org_id) where ended_at is null;
alter table private.acting_sessions enable row level security;
revoke all on private.acting_sessions from public, anon, authenticated;
grant select on private.acting_sessions to service_role;

-- the session the caller's token names, if it still counts: theirs, open,
-- unexpired, and the club still consents
create function private.acting_session()
returns setof private.acting_sessions
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_claim text := (select auth.jwt()) -> 'act_as' ->> 'session_id';
begin
  if v_claim is null or v_claim !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return;
  end if;
  return query
    select s.*
      from private.acting_sessions s
      join public.partner_clients c
        on c.client_org_id = s.client_org_id and c.partner_org_id = s.partner_org_id
     where s.id = v_claim::uuid
       and s.actor_id = (select auth.uid())
       and s.ended_at is null
       and s.expires_at > now()
       and c.revoked_at is null
       and c.status <> 'canceled'
       and (c.consent_expires_at is null or c.consent_expires_at > now());
end
$$;
comment on function private.acting_session() is
  'the acting session named by the token''s act_as claim, while it is the caller''s, open, unexpired and consented';

/**
  * -------------------------------------------------------
  * section - who is in which organization, with acting and cancellation
  * -------------------------------------------------------
  * the one helper the policies share: a canceled club's members see nothing once
  * its access period is over, and a partner acting for a club counts as an admin
  * of it for as long as the session does.
  */
-- the club the caller has an open acting session for. no clock and no claims
-- here, so the sync's access epoch keeps following writes (20261206123000): the
-- session row decides, and the partner-access job closes a session the minute it
-- expires or its club's consent ends. writes check the clock and the token's
-- act_as claim themselves (private.tenant_write_guard).
create function private.acting_org_id()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select s.client_org_id
    from private.acting_sessions s
   where s.actor_id = (select auth.uid()) and s.ended_at is null
   limit 1
$$;
comment on function private.acting_org_id() is 'the club the caller acts for now (an open acting session), if any';

create or replace function private.org_ids_with_role(p_min_role text default 'member')
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
     and not exists (
       select from public.partner_clients c
        where c.client_org_id = m.org_id and c.access_ended_at is not null)
  union
  select a.org_id
    from private.acting_org_id() as a (org_id)
   where private.role_rank('admin') >= private.role_rank(p_min_role)
$$;
comment on function private.org_ids_with_role(text) is
  'ids of live organizations where the caller is an active member ranked >= p_min_role (not a canceled club whose access ended), and the club the caller acts for, as an admin';

/**
  * -------------------------------------------------------
  * section - audit log
  * -------------------------------------------------------
  */
create schema if not exists audit;
comment on schema audit is 'the append-only audit log; never exposed over the api';
revoke all on schema audit from public;

create table audit.entries (
  id bigint generated always as identity primary key,
  chain_org_id uuid not null,
  seq bigint not null,
  occurred_at timestamptz not null,
  actor_id uuid,
  partner_org_id uuid,
  client_org_id uuid,
  acting_session_id uuid,
  action text not null,
  target_table text,
  target_id text,
  reason text,
  detail jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null,
  constraint entries_chain_seq_key unique (chain_org_id, seq),
  constraint entries_action_check check (action ~ '^[a-z_]+(\.[a-z_]+)*$')
);
comment on table audit.entries is 'who did what, for whom, when and why; one hash chain per club (chain_org_id)';
create index entries_partner_idx on audit.entries (partner_org_id, id) where partner_org_id is not null;
create index entries_client_idx on audit.entries (client_org_id, id) where client_org_id is not null;

revoke all on audit.entries from public, anon, authenticated, service_role;
alter table audit.entries enable row level security;

-- nobody edits history: not the api roles (no privilege), not the table's owner
create function audit.refuse_change()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  raise exception 'the audit log is append-only: % is not allowed', lower(tg_op) using errcode = '42501';
end
$$;
create trigger refuse_update_delete before update or delete on audit.entries
  for each row execute function audit.refuse_change();
create trigger refuse_truncate before truncate on audit.entries
  for each statement execute function audit.refuse_change();

-- the fields a hash covers, in one fixed text form
create function audit.canonical(p_seq bigint, p_occurred_at timestamptz, p_actor uuid, p_partner uuid,
  p_client uuid, p_session uuid, p_action text, p_table text, p_target text, p_reason text, p_detail jsonb)
returns text
language sql immutable security invoker set search_path = ''
as $$
  select concat_ws('|', p_seq::text, to_char(p_occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(p_actor::text, '-'), coalesce(p_partner::text, '-'), coalesce(p_client::text, '-'),
    coalesce(p_session::text, '-'), p_action, coalesce(p_table, '-'), coalesce(p_target, '-'),
    coalesce(replace(p_reason, '|', '\|'), '-'), p_detail::text)
$$;

create function audit.link_hash(p_prev text, p_canonical text)
returns text
language sql immutable security invoker set search_path = ''
as $$
  select encode(pg_catalog.sha256(convert_to(p_prev || '|' || p_canonical, 'UTF8')), 'hex')
$$;

-- appends one entry to a chain. one writer per chain at a time (an advisory lock
-- on the chain), so each entry links to the one before it; the last entry is
-- found through the (chain_org_id, seq) key. raises rather than skips: the
-- caller's action fails with it.
create function private.audit_write(p_client_org uuid, p_partner_org uuid, p_action text,
  p_target_table text, p_target_id text, p_reason text, p_detail jsonb, p_session uuid)
returns bigint
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_chain uuid := coalesce(p_client_org, p_partner_org);
  v_at timestamptz := clock_timestamp();
  v_detail jsonb := coalesce(p_detail, '{}'::jsonb);
  v_seq bigint := 0;
  v_prev text := repeat('0', 64);
  v_id bigint;
begin
  if v_chain is null then
    raise exception 'an audit entry needs a club or a partner' using errcode = '22023';
  end if;
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('audit:' || v_chain::text, 0));
  select e.seq, e.hash into v_seq, v_prev
    from audit.entries e where e.chain_org_id = v_chain order by e.seq desc limit 1;
  if not found then
    v_seq := 0;
    v_prev := repeat('0', 64);
  end if;
  insert into audit.entries (chain_org_id, seq, occurred_at, actor_id, partner_org_id, client_org_id,
    acting_session_id, action, target_table, target_id, reason, detail, prev_hash, hash)
  values (v_chain, v_seq + 1, v_at, auth.uid(), p_partner_org, p_client_org, p_session, p_action,
    p_target_table, p_target_id, p_reason, v_detail, v_prev,
    audit.link_hash(v_prev, audit.canonical(v_seq + 1, v_at, auth.uid(), p_partner_org, p_client_org, p_session,
      p_action, p_target_table, p_target_id, p_reason, v_detail)))
  returning id into v_id;
  return v_id;
end
$$;

-- the contract every client-management rpc calls: the actor is auth.uid(), and
-- the acting session, if the caller is in one, is recorded with the entry
create function private.audit_append(p_client_org uuid, p_partner_org uuid, p_action text,
  p_target_table text, p_target_id text, p_reason text, p_detail jsonb)
returns bigint
language sql volatile security definer set search_path = ''
as $$
  select private.audit_write(p_client_org, p_partner_org, p_action, p_target_table, p_target_id, p_reason,
    p_detail, (select s.id from private.acting_session() s))
$$;
comment on function private.audit_append(uuid, uuid, text, text, text, text, jsonb) is
  'appends an entry to the club''s hash chain, actor = auth.uid(); raises if it cannot (the action fails with it)';

-- may the caller read the chain of p_org: its owners and admins, the members of a
-- partner that manages or managed it, the platform's admins
create function private.can_read_audit(p_org uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select p_org = any (array(select private.org_ids_with_role('admin')))
      or private.is_platform_admin()
      or exists (
        select from public.partner_clients c
         where c.client_org_id = p_org
           and c.partner_org_id = any (array(select private.org_ids_with_role('coach'))))
$$;

/**
  * -------------------------------------------------------
  * section - the guard on every tenant table
  * -------------------------------------------------------
  * one trigger, attached to every table of `public` that has org_id (and to
  * organizations itself): while acting it keeps writes to the club and to write
  * sessions, and audits them; for members it keeps a suspended or canceled club
  * read-only. private.guard_tenant_table attaches it to a table a later migration
  * creates (supabase/tests/990-partner-core.sql checks none is missing).
  */
create function private.tenant_write_guard()
returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
  v_org uuid := (case when tg_table_name = 'organizations' then v_row ->> 'id' else v_row ->> 'org_id' end)::uuid;
  v_claim jsonb := (select auth.jwt()) -> 'act_as';
  v_session private.acting_sessions;
  v_old jsonb;
  v_changed text[];
begin
  -- in plpgsql, not through the sql helpers: its queries' plans are kept, and
  -- this runs for every row anybody writes
  select s.* into v_session from private.acting_sessions s
   where s.actor_id = (select auth.uid()) and s.ended_at is null
   limit 1;
  if v_session.id is not null or v_claim is not null then
    if v_session.id is null or v_claim ->> 'session_id' is distinct from v_session.id::text
      or v_session.expires_at <= now()
      or not exists (
        select from public.partner_clients c
         where c.client_org_id = v_session.client_org_id and c.partner_org_id = v_session.partner_org_id
           and c.revoked_at is null and c.status <> 'canceled'
           and (c.consent_expires_at is null or c.consent_expires_at > now()))
    then
      raise exception 'this acting session has ended: sign in again as yourself' using errcode = '42501';
    end if;
    if v_org is distinct from v_session.client_org_id then
      raise exception 'while acting for a club you can change only that club''s data' using errcode = '42501';
    end if;
    if not v_session.write then
      raise exception 'this acting session is read-only' using errcode = '42501';
    end if;
    if tg_table_name in ('memberships', 'invitations', 'organizations') then
      raise exception 'acting for a club cannot change its members, invitations or settings' using errcode = '42501';
    end if;
    if tg_op = 'UPDATE' then
      v_old := to_jsonb(old);
      select array_agg(n.key order by n.key) into v_changed
        from jsonb_each(v_row) n
       where n.key not in ('xid', 'updated_at', 'updated_by')
         and n.value is distinct from (v_old -> n.key);
    end if;
    perform private.audit_write(v_org, v_session.partner_org_id, 'acting.' || lower(tg_op), tg_table_name,
      v_row ->> 'id', v_session.reason, jsonb_build_object('columns', coalesce(to_jsonb(v_changed), '[]'::jsonb)),
      v_session.id);
  elsif v_org is not null and (select auth.role()) = 'authenticated' and exists (
    select from public.partner_clients c
     where c.client_org_id = v_org and c.status in ('suspended', 'canceled') and c.revoked_at is null)
  then
    raise exception 'this club is suspended or canceled: its data can be read but not changed' using errcode = '42501';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
comment on function private.tenant_write_guard() is
  'acting: only the club, only write sessions, audited; members: a suspended or canceled club is read-only';

create function private.guard_tenant_table(p_table regclass)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  execute format('create trigger tenant_write_guard before insert or update or delete on %s '
                 'for each row execute function private.tenant_write_guard()', p_table);
end
$$;
revoke all on function private.guard_tenant_table(regclass) from public, anon, authenticated, service_role;

do $$
declare
  v_table regclass;
begin
  for v_table in
    select c.oid::regclass
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
       and not c.relispartition
       and (c.relname = 'organizations' or exists (
         select from pg_catalog.pg_attribute a
          where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped))
  loop
    perform private.guard_tenant_table(v_table);
  end loop;
end
$$;

/**
  * -------------------------------------------------------
  * section - making a partner
  * -------------------------------------------------------
  */
-- the partner organization an approved application becomes, its profile, and its
-- owner's invitation: the applicant signs up through Supabase Auth from the link
-- (the app never stores a password) and joins as the owner
create function private.create_partner_org(p_name text, p_program text, p_tier text, p_application uuid,
  p_contact_email text, p_locale text)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid;
  v_base text := trim(both '-' from regexp_replace(lower(coalesce(p_name, '')), '[^a-z0-9]+', '-', 'g'));
  v_slug text;
  v_code text;
  v_token text;
  v_locale text := case when p_locale = 'en' then 'en' else 'ru' end;
begin
  if p_program not in ('reseller', 'referral', 'technology') then
    raise exception 'unknown partner program "%"', p_program using errcode = '22023';
  end if;
  v_slug := left(case when char_length(v_base) >= 3 then v_base else 'partner' end, 50) || '-'
            || lower(substr(replace(gen_random_uuid()::text, '-', ''), 1, 6));
  insert into public.organizations (kind, name, slug, locale)
  values (case when p_program = 'reseller' then 'reseller' else 'partner' end, btrim(p_name), v_slug, v_locale)
  returning id into v_org;
  loop
    -- the invitation code's alphabet, without look-alikes, less its dash: 32^8 codes
    v_code := replace(private.new_invitation_code(), '-', '');
    exit when not exists (select from public.partner_profiles p where p.referral_code = v_code);
  end loop;
  insert into public.partner_profiles (org_id, program, tier, referral_code, application_id, contact_email)
  values (v_org, p_program, coalesce(p_tier, 'silver'), v_code, p_application, p_contact_email);
  v_token := private.new_invitation_token();
  insert into public.invitations (org_id, role, token, expires_at, max_uses)
  values (v_org, 'owner', v_token, now() + interval '14 days', 1);
  perform private.enqueue_address_email('partner_welcome', p_contact_email, v_locale, v_org,
    'partner_welcome:' || v_org, jsonb_build_object('partnerName', btrim(p_name), 'inviteToken', v_token,
      'program', p_program, 'tier', coalesce(p_tier, 'silver')));
  perform private.audit_append(null, v_org, 'partner.created', 'organizations', v_org::text, null,
    jsonb_build_object('program', p_program, 'tier', coalesce(p_tier, 'silver'), 'application', p_application));
  return v_org;
end
$$;
revoke all on function private.create_partner_org(text, text, text, uuid, text, text) from public, anon, authenticated;
grant execute on function private.create_partner_org(text, text, text, uuid, text, text) to service_role;

/**
  * -------------------------------------------------------
  * section - tiers, recalculated
  * -------------------------------------------------------
  * the metric: clubs the partner manages now (active, not revoked). a partner
  * moves to the highest tier whose min_score it reaches, up or down, never below
  * silver; every change is audited on the partner's chain.
  */
create function private.partner_score(p_partner uuid)
returns int
language sql stable security definer set search_path = ''
as $$
  select count(*)::int from public.partner_clients c
   where c.partner_org_id = p_partner and c.status = 'active' and c.revoked_at is null
$$;

create function private.recalculate_partner_tiers()
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_profile record;
  v_changed int := 0;
begin
  for v_profile in
    select p.org_id, p.tier, s.score,
           (select t.code from public.partner_tiers t where t.min_score <= s.score order by t.rank desc limit 1) as due
      from public.partner_profiles p
      cross join lateral (select private.partner_score(p.org_id) as score) s
  loop
    update public.partner_profiles
       set tier_score = v_profile.score, tier_evaluated_at = now(), tier = coalesce(v_profile.due, 'silver')
     where org_id = v_profile.org_id;
    if coalesce(v_profile.due, 'silver') <> v_profile.tier then
      v_changed := v_changed + 1;
      perform private.audit_append(null, v_profile.org_id, 'partner.tier_changed', 'partner_profiles',
        v_profile.org_id::text, null,
        jsonb_build_object('from', v_profile.tier, 'to', coalesce(v_profile.due, 'silver'), 'score', v_profile.score));
    end if;
  end loop;
  return v_changed;
end
$$;
revoke all on function private.recalculate_partner_tiers() from public, anon, authenticated;
grant execute on function private.recalculate_partner_tiers() to service_role;

insert into private.scheduled_jobs (name, schedule, command, description) values
  ('partner-tiers', '40 2 * * *', 'select private.recalculate_partner_tiers()',
   'daily: each partner''s tier from its score (active managed clubs)');

/**
  * -------------------------------------------------------
  * section - access that ends by the clock
  * -------------------------------------------------------
  * every minute: acting sessions past their hour, or whose club withdrew or let
  * its consent lapse, are closed; a linked club's lapsed consent ends the link; a
  * canceled club's access period ends. each is audited on the club's chain.
  */
create function private.end_partner_access()
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_session private.acting_sessions;
  v_client public.partner_clients;
  v_count int := 0;
begin
  for v_client in
    update public.partner_clients set revoked_at = consent_expires_at
     where revoked_at is null and consent_expires_at <= now()
    returning *
  loop
    v_count := v_count + 1;
    perform private.audit_append(v_client.client_org_id, v_client.partner_org_id, 'client.consent_lapsed',
      'partner_clients', v_client.id::text, null, jsonb_build_object('expiredAt', v_client.consent_expires_at));
  end loop;
  for v_client in
    update public.partner_clients set access_ended_at = now()
     where status = 'canceled' and access_ended_at is null and access_ends_at <= now()
    returning *
  loop
    v_count := v_count + 1;
    perform private.audit_append(v_client.client_org_id, v_client.partner_org_id, 'client.access_ended',
      'partner_clients', v_client.id::text, null, jsonb_build_object('accessEndsAt', v_client.access_ends_at));
  end loop;
  for v_session in
    update private.acting_sessions s
       set ended_at = now(),
           ended_how = case when s.expires_at <= now() then 'expired' else 'revoked' end
     where s.ended_at is null
       and (s.expires_at <= now() or not exists (
         select from public.partner_clients c
          where c.client_org_id = s.client_org_id and c.partner_org_id = s.partner_org_id
            and c.revoked_at is null and c.status <> 'canceled'))
    returning *
  loop
    v_count := v_count + 1;
    perform private.audit_append(v_session.client_org_id, v_session.partner_org_id, 'acting.end',
      'acting_sessions', v_session.id::text, v_session.reason, jsonb_build_object('how', v_session.ended_how));
  end loop;
  return v_count;
end
$$;
revoke all on function private.end_partner_access() from public, anon, authenticated;
grant execute on function private.end_partner_access() to service_role;

insert into private.scheduled_jobs (name, schedule, command, description) values
  ('partner-access', '* * * * *', 'select private.end_partner_access()',
   'every minute: close expired or unconsented acting sessions, end lapsed links and canceled clubs'' access');

/**
  * -------------------------------------------------------
  * section - acting rpcs
  * -------------------------------------------------------
  */
create function public.start_acting(p_client_org uuid, p_reason text, p_write boolean default false)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_client public.partner_clients;
  v_session private.acting_sessions;
  v_old private.acting_sessions;
begin
  if (select auth.jwt()) ? 'act_as' then
    raise exception 'you are already acting for a club: stop first' using errcode = '42501';
  end if;
  if char_length(btrim(coalesce(p_reason, ''))) < 10 then
    raise exception 'say why you act for the club (at least 10 characters)' using errcode = '22023';
  end if;
  if char_length(btrim(p_reason)) > 500 then
    raise exception 'the reason is longer than 500 characters' using errcode = '22023';
  end if;
  select c.* into v_client from public.partner_clients c
   where c.client_org_id = p_client_org
     and c.partner_org_id = any (array(select private.org_ids_with_role('admin')))
     and c.revoked_at is null and c.status <> 'canceled'
     and (c.consent_expires_at is null or c.consent_expires_at > now());
  if not found then
    raise exception 'you do not manage this club, or its consent has ended' using errcode = '42501';
  end if;
  if coalesce(p_write, false) and not v_client.allow_write then
    raise exception 'the club has not allowed its partner to make changes' using errcode = '42501';
  end if;
  -- a session left open on another device ends here: one at a time
  for v_old in
    update private.acting_sessions set ended_at = now(), ended_how = 'replaced'
     where actor_id = auth.uid() and ended_at is null and expires_at > now()
    returning *
  loop
    perform private.audit_append(v_old.client_org_id, v_old.partner_org_id, 'acting.end', 'acting_sessions',
      v_old.id::text, v_old.reason, jsonb_build_object('how', 'replaced'));
  end loop;
  insert into private.acting_sessions (actor_id, partner_org_id, client_org_id, reason, write, expires_at)
  values (auth.uid(), v_client.partner_org_id, p_client_org, btrim(p_reason), coalesce(p_write, false),
    now() + interval '60 minutes')
  returning * into v_session;
  perform private.audit_append(p_client_org, v_client.partner_org_id, 'acting.start', 'acting_sessions',
    v_session.id::text, v_session.reason,
    jsonb_build_object('write', v_session.write, 'expiresAt', v_session.expires_at));
  return jsonb_build_object('sessionId', v_session.id, 'expiresAt', v_session.expires_at, 'write', v_session.write);
end
$$;
comment on function public.start_acting(uuid, text, boolean) is
  'starts acting for a managed club: a reason, ≤ 60 minutes, write only if the club allows; refresh the session after';

create function public.stop_acting()
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_old private.acting_sessions;
  v_count int := 0;
begin
  for v_old in
    update private.acting_sessions set ended_at = now(), ended_how = 'stopped'
     where actor_id = auth.uid() and ended_at is null
    returning *
  loop
    v_count := v_count + 1;
    perform private.audit_append(v_old.client_org_id, v_old.partner_org_id, 'acting.end', 'acting_sessions',
      v_old.id::text, v_old.reason, jsonb_build_object('how', 'stopped'));
  end loop;
  return v_count;
end
$$;
comment on function public.stop_acting() is 'ends the caller''s acting sessions; refresh the session after';

create function public.acting_status()
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object('sessionId', s.id, 'clientOrgId', s.client_org_id, 'clientName', c.name,
           'partnerOrgId', s.partner_org_id, 'partnerName', p.name, 'write', s.write,
           'expiresAt', s.expires_at, 'reason', s.reason)
    from private.acting_session() s
    join public.organizations c on c.id = s.client_org_id
    join public.organizations p on p.id = s.partner_org_id
$$;
comment on function public.acting_status() is 'the session the caller acts in, or null';

/**
  * -------------------------------------------------------
  * section - the access-token hook
  * -------------------------------------------------------
  * Supabase Auth calls it for every access token it issues (sign-in, refresh);
  * the local stack's Auth does the same. it adds `act_as` while the user has an
  * open acting session, and strips any `act_as` it did not put there.
  */
create function public.custom_access_token_hook(event jsonb)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_claims jsonb := coalesce(event -> 'claims', '{}'::jsonb) - 'act_as';
  v_session private.acting_sessions;
begin
  select s.* into v_session
    from private.acting_sessions s
   where s.actor_id = (event ->> 'user_id')::uuid and s.ended_at is null and s.expires_at > now()
   order by s.started_at desc
   limit 1;
  if found then
    v_claims := v_claims || jsonb_build_object('act_as', jsonb_build_object(
      'session_id', v_session.id, 'client_org_id', v_session.client_org_id,
      'partner_org_id', v_session.partner_org_id, 'write', v_session.write,
      'expires_at', extract(epoch from v_session.expires_at)::bigint));
  end if;
  return jsonb_build_object('claims', v_claims);
end
$$;
revoke all on function public.custom_access_token_hook(jsonb) from public, anon, authenticated, service_role;
grant usage on schema public to supabase_auth_admin;
grant execute on function public.custom_access_token_hook(jsonb) to supabase_auth_admin;

/**
  * -------------------------------------------------------
  * section - reading the audit
  * -------------------------------------------------------
  */
create function public.partner_audit(p_org uuid, p_limit int default 50, p_before bigint default null)
returns table (id bigint, occurred_at timestamptz, actor_id uuid, actor_name text, partner_org_id uuid,
  partner_name text, client_org_id uuid, client_name text, action text, target_table text, target_id text,
  reason text, detail jsonb, acting_session_id uuid, hash text)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_partner boolean := p_org = any (array(select private.org_ids_with_role('coach')))
    and exists (select from public.partner_profiles p where p.org_id = p_org);
begin
  if not (v_partner or private.can_read_audit(p_org)) then
    raise exception 'you may not read this organization''s audit log' using errcode = '42501';
  end if;
  return query
    select e.id, e.occurred_at, e.actor_id, pr.display_name, e.partner_org_id, po.name, e.client_org_id, co.name,
           e.action, e.target_table, e.target_id, e.reason, e.detail, e.acting_session_id, e.hash
      from audit.entries e
      left join public.profiles pr on pr.id = e.actor_id
      left join public.organizations po on po.id = e.partner_org_id
      left join public.organizations co on co.id = e.client_org_id
     where (case when v_partner then e.partner_org_id = p_org else e.chain_org_id = p_org end)
       and (p_before is null or e.id < p_before)
     order by e.id desc
     limit least(greatest(coalesce(p_limit, 50), 1), 200);
end
$$;
comment on function public.partner_audit(uuid, int, bigint) is
  'audit entries: a club''s chain for its owners and admins, a partner''s entries for its members';

create function public.verify_audit_chain(p_org uuid)
returns table (ok boolean, checked int, broken_at bigint)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_prev text := repeat('0', 64);
  v_seq bigint := 0;
  v_count int := 0;
  e audit.entries;
begin
  if not private.can_read_audit(p_org) and current_user not in ('postgres', 'service_role') then
    raise exception 'you may not read this organization''s audit log' using errcode = '42501';
  end if;
  for e in select * from audit.entries a where a.chain_org_id = p_org order by a.seq loop
    v_count := v_count + 1;
    if e.seq <> v_seq + 1 or e.prev_hash <> v_prev
      or e.hash <> audit.link_hash(v_prev, audit.canonical(e.seq, e.occurred_at, e.actor_id, e.partner_org_id,
           e.client_org_id, e.acting_session_id, e.action, e.target_table, e.target_id, e.reason, e.detail))
    then
      return query select false, v_count, e.id;
      return;
    end if;
    v_prev := e.hash;
    v_seq := e.seq;
  end loop;
  return query select true, v_count, null::bigint;
end
$$;
comment on function public.verify_audit_chain(uuid) is
  'recomputes a club''s chain: ok, entries checked, the first entry whose sequence or hash does not follow';

-- every chain, daily: a break is logged where the operators look
create function private.verify_audit_chains()
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid;
  v_broken int := 0;
  v record;
begin
  for v_org in select distinct e.chain_org_id from audit.entries e loop
    select * into v from public.verify_audit_chain(v_org);
    if not v.ok then
      v_broken := v_broken + 1;
      raise warning 'audit chain of % is broken at entry %', v_org, coalesce(v.broken_at::text, 'its head');
    end if;
  end loop;
  return v_broken;
end
$$;
revoke all on function private.verify_audit_chains() from public, anon, authenticated;
grant execute on function private.verify_audit_chains() to service_role;

insert into private.scheduled_jobs (name, schedule, command, description) values
  ('verify-audit-chains', '50 3 * * *', 'select private.verify_audit_chains()',
   'daily: recompute every audit hash chain and warn at the first break');

/**
  * -------------------------------------------------------
  * section - row level security
  * -------------------------------------------------------
  */
alter table public.partner_tiers enable row level security;
alter table public.partner_profiles enable row level security;
alter table public.partner_clients enable row level security;

create policy "Signed-in users can view the tiers"
  on public.partner_tiers for select to authenticated
  using (true);

create policy "Partner members and platform admins can view partner profiles"
  on public.partner_profiles for select to authenticated
  using (org_id = any (array(select private.org_ids_with_role('member'))) or (select private.is_platform_admin()));

create policy "Partner admins can edit their profile"
  on public.partner_profiles for update to authenticated
  using (org_id = any (array(select private.org_ids_with_role('admin'))))
  with check (org_id = any (array(select private.org_ids_with_role('admin'))));

create policy "Partner staff, club admins and platform admins can view managed clients"
  on public.partner_clients for select to authenticated
  using (
    partner_org_id = any (array(select private.org_ids_with_role('coach')))
    or client_org_id = any (array(select private.org_ids_with_role('admin')))
    or (select private.is_platform_admin()));

create policy "Club admins can set whether their partner may write"
  on public.partner_clients for update to authenticated
  using (client_org_id = any (array(select private.org_ids_with_role('admin'))))
  with check (client_org_id = any (array(select private.org_ids_with_role('admin'))));

-- an invitation is a key to the club: a partner acting as an admin must not
-- read one and later accept it as itself
create policy "Nobody acting for a club reads its invitations"
  on public.invitations as restrictive for select to authenticated
  using (not exists (select from private.acting_org_id()));

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  */
revoke all on public.partner_tiers, public.partner_profiles, public.partner_clients from anon, authenticated;
grant select on public.partner_tiers to authenticated, service_role;
grant select on public.partner_profiles to authenticated;
grant update (website, contact_email, contact_phone, brand_name, brand_logo_url, brand_color, brand_accent_color,
  email_sender_name) on public.partner_profiles to authenticated;
grant all on public.partner_profiles to service_role;
grant select on public.partner_clients to authenticated;
grant update (allow_write) on public.partner_clients to authenticated;
grant all on public.partner_clients to service_role;

revoke all on function private.acting_org_id() from public, anon;
grant execute on function private.acting_org_id() to authenticated, service_role;
revoke all on function private.acting_session() from public, anon;
grant execute on function private.acting_session() to authenticated, service_role;
revoke all on function private.is_platform_admin() from public, anon;
grant execute on function private.is_platform_admin() to authenticated, service_role;
revoke all on function private.can_read_audit(uuid) from public, anon;
grant execute on function private.can_read_audit(uuid) to authenticated, service_role;
revoke all on function private.audit_write(uuid, uuid, text, text, text, text, jsonb, uuid) from public, anon, authenticated;
revoke all on function private.audit_append(uuid, uuid, text, text, text, text, jsonb) from public, anon, authenticated;
grant execute on function private.audit_append(uuid, uuid, text, text, text, text, jsonb) to service_role;
revoke all on function private.tenant_write_guard() from public, anon;
revoke all on function private.guard_partner_client() from public, anon;
revoke all on function private.guard_partner_client_columns() from public, anon;
revoke all on function private.guard_partner_profile() from public, anon;
revoke all on function private.partner_score(uuid) from public, anon, authenticated;

revoke all on function public.start_acting(uuid, text, boolean) from public, anon;
grant execute on function public.start_acting(uuid, text, boolean) to authenticated;
revoke all on function public.stop_acting() from public, anon;
grant execute on function public.stop_acting() to authenticated;
revoke all on function public.acting_status() from public, anon;
grant execute on function public.acting_status() to authenticated;
revoke all on function public.partner_audit(uuid, int, bigint) from public, anon;
grant execute on function public.partner_audit(uuid, int, bigint) to authenticated;
revoke all on function public.verify_audit_chain(uuid) from public, anon;
grant execute on function public.verify_audit_chain(uuid) to authenticated, service_role;

-- the helper the policies share now reads partner_clients and the acting sessions
select sync.watch_access();
