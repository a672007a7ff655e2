-- the partner dashboard: referrals, commissions, deal registration, marketing
-- materials and white-label (issue 16, "tiers, dashboard, white-label").
-- builds on 20261206170000_partner_core.sql (partner_tiers, partner_profiles,
-- partner_clients, private.is_platform_admin).
--
-- tables    public.partner_referrals (a club that signed up with a partner's code)
--           public.partner_deals (a partner's claim on a prospect club, 90 days)
--           public.partner_materials (files for partners, by minimum tier)
-- rpcs      public.redeem_referral_code, public.partner_referred_clubs, public.partner_commissions,
--           public.register_partner_deal, public.close_partner_deal, public.club_brand,
--           public.public_coach_brand (anon), public.email_sender_names (service role)
-- jobs      expire-partner-deals (hourly)
--
-- rules:
--   * referral: the new club's owner names the code within 30 days of the club's
--     creation, once (the club is the primary key); a partner org cannot refer itself
--     and partner, reseller and platform orgs cannot be referred.
--   * tier score (private.partner_score, replacing the core's): active managed
--     clients + active referred clubs, each club once.
--   * commission: for each referred club and calendar month (utc), revenue = the
--     club's purchases paid in that month after the referral, amount minus what was
--     refunded, per currency in minor units; commission = round(revenue ×
--     commission_rate of the partner's current tier). nothing is paid here: the
--     figures are what the partner is owed.
--   * deal registration: one active claim per prospect email across all partners,
--     held by a partial unique index (the first insert wins, a concurrent second one
--     fails on the index, never both); a claim expires after 90 days (the hourly job,
--     and any new claim on the same email expires a stale one first).
--   * white-label: a club managed by a partner (partner_clients, not revoked, not
--     canceled) whose tier has white_label shows the partner's brand to its members
--     (club_brand), on its coaches' public pages (public_coach_brand: only name,
--     logo and colours) and as the display name of its emails' From
--     (email_sender_names). demoting the partner removes it at the next read: the
--     tier is read each time, nothing is copied.
--
-- every public rpc a signed-in user runs is security invoker; the few that must
-- read across organizations call a security definer helper in private that checks
-- the caller itself (010-security-guards.sql lists the definer rpcs of public).

/**
  * -------------------------------------------------------
  * section - helpers
  * -------------------------------------------------------
  */

-- partner organizations the caller belongs to (any role), as ids
create function private.my_partner_org_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select pp.org_id
    from public.partner_profiles pp
   where pp.org_id in (select private.org_ids_with_role('member'))
$$;
comment on function private.my_partner_org_ids() is
  'partner organizations (with a partner profile) where the caller is an active member';

-- the highest tier rank among the caller's partner organizations (0: none)
create function private.my_partner_tier_rank()
returns int
language sql stable security definer set search_path = ''
as $$
  select coalesce(max(t.rank), 0)
    from public.partner_profiles pp
    join public.partner_tiers t on t.code = pp.tier
   where pp.org_id in (select private.org_ids_with_role('member'))
$$;

-- the brand shown for a club: its managing partner's, when that partner's tier
-- has white_label and a brand name is set; else null. only the four public fields.
create function private.brand_of_club(p_org uuid)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
           'name', pp.brand_name,
           'logoUrl', pp.brand_logo_url,
           'color', pp.brand_color,
           'accentColor', pp.brand_accent_color)
    from public.partner_clients pc
    join public.partner_profiles pp on pp.org_id = pc.partner_org_id
    join public.partner_tiers t on t.code = pp.tier
   where pc.client_org_id = p_org
     and pc.revoked_at is null
     and pc.status in ('active', 'suspended')
     and (pc.consent_expires_at is null or pc.consent_expires_at > now())
     and t.white_label
     and coalesce(btrim(pp.brand_name), '') <> ''
   limit 1
$$;
comment on function private.brand_of_club(uuid) is
  'the white-label brand {name, logoUrl, color, accentColor} of the partner managing a club, or null';

/**
  * -------------------------------------------------------
  * section - referrals
  * -------------------------------------------------------
  */
create table public.partner_referrals (
  club_org_id uuid primary key references public.organizations (id) on delete cascade,
  partner_org_id uuid not null references public.organizations (id) on delete cascade,
  code text not null check (code ~ '^[A-Z0-9]{8}$'),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint partner_referrals_not_self check (club_org_id <> partner_org_id)
);
comment on table public.partner_referrals is
  'clubs that signed up with a partner''s referral code; written only by redeem_referral_code';
create index partner_referrals_partner_idx on public.partner_referrals (partner_org_id, created_at);

alter table public.partner_referrals enable row level security;

-- the partner's members, the referred club's owners and admins, platform admins
create policy "Partners, the club and platform admins view a referral" on public.partner_referrals
  for select to authenticated
  using (
    partner_org_id in (select private.my_partner_org_ids())
    or club_org_id in (select private.org_ids_with_role('admin'))
    or (select private.is_platform_admin())
  );

-- names the partner whose code p_code is as the referrer of club p_org. the caller
-- must own p_org, a club created at most 30 days ago with no referral yet.
create function private.redeem_referral_code(p_org uuid, p_code text)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_code text := upper(btrim(coalesce(p_code, '')));
  v_org public.organizations;
  v_partner public.partner_profiles;
  v_partner_name text;
begin
  if v_uid is null then
    raise exception 'sign in to use a referral code' using errcode = '42501';
  end if;
  if v_code !~ '^[A-Z0-9]{8}$' then
    raise exception 'a referral code is 8 letters or digits' using errcode = 'P0001',
      hint = 'referral_code_unknown';
  end if;
  select * into v_org from public.organizations o where o.id = p_org and o.deleted_at is null
    for update;
  if not found or not private.is_active_member(p_org, v_uid, 'owner') then
    raise exception 'only the club''s owner may name who referred it' using errcode = '42501';
  end if;
  if v_org.kind in ('reseller', 'platform', 'partner')
     or exists (select from public.partner_profiles pp where pp.org_id = p_org) then
    raise exception 'a partner organization cannot be referred' using errcode = 'P0001',
      hint = 'referral_not_a_club';
  end if;
  if exists (select from public.partner_referrals r where r.club_org_id = p_org) then
    raise exception 'this club already names who referred it' using errcode = 'P0001',
      hint = 'referral_exists';
  end if;
  if v_org.created_at < now() - interval '30 days' then
    raise exception 'a referral code is accepted within 30 days of the club''s creation'
      using errcode = 'P0001', hint = 'referral_too_late';
  end if;
  select * into v_partner from public.partner_profiles pp where pp.referral_code = v_code;
  if not found or v_partner.org_id = p_org then
    raise exception 'no partner has the referral code %', v_code using errcode = 'P0001',
      hint = 'referral_code_unknown';
  end if;
  insert into public.partner_referrals (club_org_id, partner_org_id, code, created_by)
  values (p_org, v_partner.org_id, v_code, v_uid);
  select o.name into v_partner_name from public.organizations o where o.id = v_partner.org_id;
  return jsonb_build_object('partnerName', v_partner_name);
end
$$;

create function public.redeem_referral_code(p_org uuid, p_code text)
returns jsonb
language sql volatile security invoker set search_path = ''
as $$
  select private.redeem_referral_code(p_org, p_code)
$$;
comment on function public.redeem_referral_code(uuid, text) is
  'the new club''s owner names the partner that referred it (within 30 days, once); {partnerName}';

-- the partner's referred clubs with their names (partners may not read other
-- organizations: only the name of a club that came with their code)
create function private.partner_referred_clubs(p_partner uuid)
returns table (club_org_id uuid, club_name text, created_at timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not (p_partner in (select private.my_partner_org_ids()) or private.is_platform_admin()) then
    raise exception 'only the partner''s members see its referrals' using errcode = '42501';
  end if;
  return query
  select r.club_org_id, o.name, r.created_at
    from public.partner_referrals r
    join public.organizations o on o.id = r.club_org_id
   where r.partner_org_id = p_partner
   order by r.created_at desc;
end
$$;

create function public.partner_referred_clubs(p_partner uuid)
returns table (club_org_id uuid, club_name text, created_at timestamptz)
language sql stable security invoker set search_path = ''
as $$
  select * from private.partner_referred_clubs(p_partner)
$$;
comment on function public.partner_referred_clubs(uuid) is
  'the clubs that came with the partner''s code, newest first; for the partner''s members';

-- the tier metric of the contract: active managed clients plus referred clubs
-- that are active (live, not deactivated). the core counted clients only, for
-- want of this table; the partner-tiers job reads it from here on.
create or replace function private.partner_score(p_partner uuid)
returns int
language sql stable security definer set search_path = ''
as $$
  select (select count(*)::int from public.partner_clients c
           where c.partner_org_id = p_partner and c.status = 'active' and c.revoked_at is null)
       + (select count(*)::int from public.partner_referrals r
            join public.organizations o on o.id = r.club_org_id
           where r.partner_org_id = p_partner and o.active and o.deleted_at is null
             -- a club both referred and managed counts once
             and not exists (select from public.partner_clients c
                              where c.client_org_id = r.club_org_id and c.partner_org_id = p_partner
                                and c.status = 'active' and c.revoked_at is null))
$$;

/**
  * -------------------------------------------------------
  * section - commissions
  * -------------------------------------------------------
  */
create function private.partner_commissions(p_partner uuid, p_from date, p_to date)
returns table (
  club_org_id uuid, club_name text, month date, currency text,
  revenue_minor bigint, commission_rate numeric, commission_minor bigint
)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not (p_partner in (select private.my_partner_org_ids()) or private.is_platform_admin()) then
    raise exception 'only the partner''s members see its commissions' using errcode = '42501';
  end if;
  if p_from is null or p_to is null or p_to < p_from or p_to - p_from > 3660 then
    raise exception 'choose a period of at most ten years, its end not before its start'
      using errcode = 'P0001';
  end if;
  return query
  select r.club_org_id, o.name,
         (date_trunc('month', p.paid_at at time zone 'utc'))::date as month,
         p.currency,
         sum(p.amount_minor - p.refunded_minor)::bigint,
         t.commission_rate,
         round(sum(p.amount_minor - p.refunded_minor) * t.commission_rate)::bigint
    from public.partner_referrals r
    join public.organizations o on o.id = r.club_org_id
    join public.partner_profiles pp on pp.org_id = r.partner_org_id
    join public.partner_tiers t on t.code = pp.tier
    join public.purchases p on p.org_id = r.club_org_id
   where r.partner_org_id = p_partner
     and p.status in ('paid', 'refunded')
     and p.deleted_at is null
     and p.paid_at >= r.created_at
     and (p.paid_at at time zone 'utc')::date between p_from and p_to
   group by r.club_org_id, o.name, 3, p.currency, t.commission_rate
   order by 3 desc, o.name, p.currency;
end
$$;

create function public.partner_commissions(p_partner uuid, p_from date, p_to date)
returns table (
  club_org_id uuid, club_name text, month date, currency text,
  revenue_minor bigint, commission_rate numeric, commission_minor bigint
)
language sql stable security invoker set search_path = ''
as $$
  select * from private.partner_commissions(p_partner, p_from, p_to)
$$;
comment on function public.partner_commissions(uuid, date, date) is
  'per referred club, month (utc) and currency: paid revenue after the referral minus refunds, and round(revenue × the tier''s commission_rate)';

/**
  * -------------------------------------------------------
  * section - deal registration
  * -------------------------------------------------------
  */
create table public.partner_deals (
  id uuid primary key default gen_random_uuid(),
  partner_org_id uuid not null references public.organizations (id) on delete cascade,
  prospect_name text not null,
  prospect_email text not null,
  prospect_city text,
  note text,
  status text not null default 'registered',
  expires_at timestamptz not null default now() + interval '90 days',
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  constraint partner_deals_status_check check (status in ('registered', 'won', 'lost', 'expired')),
  constraint partner_deals_name_check check (
    char_length(prospect_name) between 1 and 200 and private.is_clean_label(prospect_name)),
  -- the same shape as src/domain/partner-deal.ts
  constraint partner_deals_email_check check (
    char_length(prospect_email) <= 254
    and prospect_email ~ '^[^[:space:]@]+@[^[:space:]@]+\.[^[:space:]@]+$'),
  constraint partner_deals_city_check check (
    prospect_city is null
    or (char_length(prospect_city) between 1 and 100 and private.is_clean_label(prospect_city))),
  constraint partner_deals_note_check check (
    note is null or (char_length(note) <= 1000 and private.is_clean_note(note)))
);
comment on table public.partner_deals is
  'a partner''s claim on a prospect club; one registered claim per email across partners, 90 days';
-- first claim wins: a second registered row for the same address cannot exist
create unique index partner_deals_one_claim_idx on public.partner_deals (lower(prospect_email))
  where status = 'registered';
create index partner_deals_partner_idx on public.partner_deals (partner_org_id, created_at desc);
create index partner_deals_expiry_idx on public.partner_deals (expires_at) where status = 'registered';

alter table public.partner_deals enable row level security;

create policy "Partners view their deals, platform admins all" on public.partner_deals
  for select to authenticated
  using (
    partner_org_id in (select private.my_partner_org_ids())
    or (select private.is_platform_admin())
  );

create policy "Partner staff register deals for their partner" on public.partner_deals
  for insert to authenticated
  with check (
    partner_org_id in (select private.org_ids_with_role('coach'))
    and partner_org_id in (select private.my_partner_org_ids())
    and created_by = (select auth.uid())
  );

create policy "Partner staff close their deals" on public.partner_deals
  for update to authenticated
  using (
    partner_org_id in (select private.org_ids_with_role('coach'))
    and partner_org_id in (select private.my_partner_org_ids())
  )
  with check (
    partner_org_id in (select private.org_ids_with_role('coach'))
    and partner_org_id in (select private.my_partner_org_ids())
  );

-- a registered deal may become won or lost (by its partner) or expired (by the job);
-- nothing else about a deal changes after it is registered
create function private.guard_partner_deal()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  -- the api roles; the job and the platform team (table owner, service role) may correct a row
  if current_user in ('authenticated', 'anon') and (new.partner_org_id is distinct from old.partner_org_id
     or new.prospect_name is distinct from old.prospect_name
     or new.prospect_email is distinct from old.prospect_email
     or new.prospect_city is distinct from old.prospect_city
     or new.note is distinct from old.note
     or new.expires_at is distinct from old.expires_at
     or new.created_by is distinct from old.created_by
     or new.created_at is distinct from old.created_at) then
    raise exception 'a registered deal cannot be edited; register a new one' using errcode = '42501';
  end if;
  if new.status is distinct from old.status then
    if old.status <> 'registered' and current_user in ('authenticated', 'anon') then
      raise exception 'this deal is already %', old.status using errcode = 'P0001',
        hint = 'deal_closed';
    end if;
    new.closed_at := now();
  end if;
  return new;
end
$$;
create trigger partner_deals_guard before update on public.partner_deals
  for each row execute function private.guard_partner_deal();

-- ends claims past their 90 days (all, or only those on one address); returns how many
create function private.expire_partner_deals(p_email text default null)
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_count int;
begin
  update public.partner_deals d
     set status = 'expired'
   where d.status = 'registered' and d.expires_at <= now()
     and (p_email is null or lower(d.prospect_email) = lower(p_email));
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

-- registers a claim; a prospect someone else holds is refused with hint prospect_claimed
-- (the partner's name is not told: partners do not learn each other's pipeline)
create function public.register_partner_deal(
  p_partner uuid,
  p_name text,
  p_email text,
  p_city text default null,
  p_note text default null
)
returns public.partner_deals
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_deal public.partner_deals;
  -- trimmed of any white space, as the form's String.trim does
  v_email text := lower(regexp_replace(coalesce(p_email, ''), '^[[:space:]]+|[[:space:]]+$', '', 'g'));
begin
  perform private.expire_partner_deals(v_email);
  begin
    insert into public.partner_deals (partner_org_id, prospect_name, prospect_email, prospect_city, note)
    values (p_partner, btrim(coalesce(p_name, '')), v_email,
            nullif(btrim(coalesce(p_city, '')), ''), nullif(btrim(coalesce(p_note, '')), ''))
    returning * into v_deal;
  exception when unique_violation then
    raise exception 'this prospect is already registered by a partner until the claim ends'
      using errcode = 'P0001', hint = 'prospect_claimed';
  end;
  return v_deal;
end
$$;
comment on function public.register_partner_deal(uuid, text, text, text, text) is
  'claims a prospect club for 90 days; refused (hint prospect_claimed) while another claim holds its email';

-- marks the partner's registered deal won or lost
create function public.close_partner_deal(p_deal uuid, p_won boolean)
returns public.partner_deals
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_deal public.partner_deals;
begin
  update public.partner_deals d
     set status = case when p_won then 'won' else 'lost' end
   where d.id = p_deal
  returning * into v_deal;
  if not found then
    raise exception 'no such deal of your partner organization' using errcode = 'P0002';
  end if;
  return v_deal;
end
$$;

insert into private.scheduled_jobs (name, schedule, command, description) values
  ('expire-partner-deals', '41 * * * *', 'select private.expire_partner_deals()',
   'hourly: deal registrations past their 90 days expire, freeing the prospect');
select private.schedule_jobs();

/**
  * -------------------------------------------------------
  * section - marketing materials
  * -------------------------------------------------------
  */
create table public.partner_materials (
  id uuid primary key default gen_random_uuid(),
  title_ru text not null check (char_length(title_ru) between 1 and 200),
  title_en text not null check (char_length(title_en) between 1 and 200),
  url text not null check (url ~ '^(/|https://)[^[:space:]]+$'),
  kind text not null check (kind in ('one_pager', 'logo_pack', 'presentation', 'guide')),
  min_tier text not null references public.partner_tiers (code),
  position int not null default 0,
  created_at timestamptz not null default now()
);
comment on table public.partner_materials is
  'files for partners; a partner member reads those whose min_tier ranks at most their tier';

alter table public.partner_materials enable row level security;

create policy "Partners view materials of their tier and below" on public.partner_materials
  for select to authenticated
  using (
    (select private.is_platform_admin())
    or (select t.rank from public.partner_tiers t where t.code = min_tier)
       <= (select private.my_partner_tier_rank())
  );

insert into public.partner_materials (title_ru, title_en, url, kind, min_tier, position) values
  ('Trackside на одной странице', 'Trackside on one page',
   '/partners/trackside-one-pager.pdf', 'one_pager', 'silver', 1),
  ('Логотипы Trackside (SVG и PNG)', 'Trackside logo pack (SVG and PNG)',
   '/partners/trackside-logo-pack.zip', 'logo_pack', 'silver', 2),
  ('Презентация для клубов', 'Presentation for clubs',
   '/partners/trackside-club-presentation.pdf', 'presentation', 'gold', 3),
  ('Руководство по white-label', 'White-label guide',
   '/partners/trackside-white-label-guide.pdf', 'guide', 'platinum', 4);

/**
  * -------------------------------------------------------
  * section - white-label
  * -------------------------------------------------------
  */

-- the brand a club's members see: only for members of p_org
create function private.club_brand(p_org uuid)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
begin
  if p_org is null or p_org not in (select private.org_ids_with_role('member')) then
    return null;
  end if;
  return private.brand_of_club(p_org);
end
$$;

create function public.club_brand(p_org uuid)
returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select private.club_brand(p_org)
$$;
comment on function public.club_brand(uuid) is
  'for members of a club managed by a white-label partner: {name, logoUrl, color, accentColor}; else null';

-- the brand on a published coach page: the four public fields, nothing else
create function public_site.coach_brand(p_slug text)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select private.brand_of_club(p.org_id)
    from public.coach_pages p
   where p.slug = pg_catalog.lower(pg_catalog.btrim(p_slug)) and p.published
$$;
revoke all on function public_site.coach_brand(text) from public;
grant execute on function public_site.coach_brand(text) to anon, authenticated, service_role;

create function public.public_coach_brand(p_slug text)
returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select public_site.coach_brand(p_slug)
$$;
comment on function public.public_coach_brand(text) is
  'the white-label brand {name, logoUrl, color, accentColor} shown on a published coach page, or null';

-- the From display name of queued emails: the managing partner's email_sender_name
-- for emails of a club it white-labels; rows without one are left out
create function public.email_sender_names(p_ids uuid[])
returns table (id uuid, sender_name text)
language sql stable security definer set search_path = ''
as $$
  select e.id, pp.email_sender_name
    from private.email_outbox e
    join public.partner_clients pc on pc.client_org_id = e.org_id
    join public.partner_profiles pp on pp.org_id = pc.partner_org_id
    join public.partner_tiers t on t.code = pp.tier
   where e.id = any (p_ids)
     and pc.revoked_at is null
     and pc.status in ('active', 'suspended')
     and t.white_label
     and coalesce(btrim(pp.email_sender_name), '') <> ''
$$;
comment on function public.email_sender_names(uuid[]) is
  'for email-dispatch: the white-label sender display name of each queued email that has one';

/**
  * -------------------------------------------------------
  * section - the app's /partner
  * -------------------------------------------------------
  * the dashboard lives at /partner: no coach page may take that address
  * (mirrored by src/domain/reserved-slugs.ts)
  */
create or replace function private.reserved_slugs()
returns text[]
language sql immutable parallel safe set search_path = ''
as $$
  select array[
    -- the app's routes and files
    'about', 'account', 'admin', 'api', 'app', 'assets', 'auth', 'availability', 'book',
    'booking', 'bookings', 'calendar', 'checkout', 'club', 'clubs', 'coach', 'coaches',
    'conflicts', 'course', 'courses', 'dashboard', 'functions', 'groups', 'help', 'icons',
    'invite', 'learn', 'login', 'logout', 'mailbox', 'manifest', 'me', 'new', 'org',
    'organizations', 'page', 'partner', 'partners', 'platform', 'privacy', 'products', 'purchases', 'rest',
    'roster', 'season', 'settings', 'sign-in', 'sign-out', 'sign-up', 'signin', 'signup',
    'static', 'storage', 'storefront', 'support', 'sync', 'terms', 'today', 'trackside',
    'www'
  ]::text[]
$$;

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  */
revoke all on public.partner_referrals, public.partner_deals, public.partner_materials
  from public, anon, authenticated;
grant select on public.partner_referrals to authenticated;
grant select on public.partner_deals to authenticated;
grant insert (partner_org_id, prospect_name, prospect_email, prospect_city, note)
  on public.partner_deals to authenticated;
grant update (status) on public.partner_deals to authenticated;
grant select on public.partner_materials to authenticated;
grant select, insert, update, delete
  on public.partner_referrals, public.partner_deals, public.partner_materials to service_role;

revoke all on function private.my_partner_org_ids() from public, anon;
revoke all on function private.my_partner_tier_rank() from public, anon;
revoke all on function private.brand_of_club(uuid) from public, anon, authenticated;
revoke all on function private.redeem_referral_code(uuid, text) from public, anon;
revoke all on function private.partner_commissions(uuid, date, date) from public, anon;
revoke all on function private.partner_referred_clubs(uuid) from public, anon;
revoke all on function private.expire_partner_deals(text) from public, anon;
revoke all on function private.club_brand(uuid) from public, anon;
revoke all on function private.guard_partner_deal() from public, anon, authenticated;
grant execute on function private.my_partner_org_ids() to authenticated, service_role;
grant execute on function private.my_partner_tier_rank() to authenticated, service_role;
grant execute on function private.brand_of_club(uuid) to service_role;
grant execute on function private.redeem_referral_code(uuid, text) to authenticated;
grant execute on function private.partner_commissions(uuid, date, date) to authenticated, service_role;
grant execute on function private.partner_referred_clubs(uuid) to authenticated, service_role;
grant execute on function private.expire_partner_deals(text) to authenticated, service_role;
grant execute on function private.club_brand(uuid) to authenticated;

revoke all on function public.redeem_referral_code(uuid, text) from public, anon;
revoke all on function public.partner_commissions(uuid, date, date) from public, anon;
revoke all on function public.partner_referred_clubs(uuid) from public, anon;
revoke all on function public.register_partner_deal(uuid, text, text, text, text) from public, anon;
revoke all on function public.close_partner_deal(uuid, boolean) from public, anon;
revoke all on function public.club_brand(uuid) from public, anon;
revoke all on function public.public_coach_brand(text) from public;
revoke all on function public.email_sender_names(uuid[]) from public, anon, authenticated;
grant execute on function public.redeem_referral_code(uuid, text) to authenticated;
grant execute on function public.partner_commissions(uuid, date, date) to authenticated, service_role;
grant execute on function public.partner_referred_clubs(uuid) to authenticated, service_role;
grant execute on function public.register_partner_deal(uuid, text, text, text, text) to authenticated;
grant execute on function public.close_partner_deal(uuid, boolean) to authenticated;
grant execute on function public.club_brand(uuid) to authenticated;
grant execute on function public.public_coach_brand(text) to anon, authenticated, service_role;
grant execute on function public.email_sender_names(uuid[]) to service_role;
