-- money: products and packages, discount codes, purchases, the credit ledger,
-- stripe event idempotency; the moyklass side: api keys (server-only) and
-- per-season subscription snapshots; the email outbox (ARCHITECTURE §7, issue 6).
--
-- who writes what
--   products, discount codes                   staff of the organization, through rls
--   email preferences                          each person their own, through rls
--   purchases, ledger, balances, snapshots     only the edge functions (service_role),
--                                              through the rpcs in this file
--   stripe events, moyklass api keys, outbox   private schema, service_role only; an admin
--                                              sets a key through set_moyklass_api_key and
--                                              can never read it back
-- an athlete's moyklass student id is athletes.moyklass_user_id (foundation).
-- helpers reused from the foundation: private.org_ids_with_role, is_active_member,
-- coached_athlete_ids, own_athlete_ids, stamp_synced_row, is_valid_season,
-- scheduled_jobs / schedule_jobs.
-- for the booking rpcs: private.spend_credit(org, user, booking) and
-- private.return_credit(booking).
--
-- credits. the ledger is append-only (a trigger refuses update and delete); the
-- balance of (org, user) is the sum of its deltas, kept in credit_balances by an
-- insert trigger whose update is checked `balance >= 0`: a spend that would go
-- negative fails on that check, and two concurrent spends serialize on the
-- balance row, so the balance can never go negative. a package's credits expire
-- valid_days after the payment (hourly job, and before every spend); credits are
-- taken from the lot that expires first.
--
-- stripe. every event is recorded in private.stripe_events in the same transaction
-- as its effect (insert … on conflict do nothing: a duplicate does nothing).
-- purchases carry unique business keys (checkout session, payment intent).
-- transitions are monotonic so events in any order end in the same state:
-- pending → paid | failed | canceled, failed → paid, paid → refunded, and a refund
-- that arrives before the completion leaves the purchase refunded with no credits.

-- products ------------------------------------------------------------------------------
-- product: a one-off item; package: `credits` sessions valid for `valid_days` days;
-- plan: a subscription billed every `billing_interval`.
create table public.products (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete restrict,
  kind text not null check (kind in ('product', 'package', 'plan')),
  name text not null check (char_length(name) between 1 and 200),
  description text check (char_length(description) <= 4000),
  price_minor integer not null check (price_minor between 0 and 100000000),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  credits integer check (credits between 1 and 1000),
  valid_days integer check (valid_days between 1 and 3660),
  billing_interval text check (billing_interval in ('month', 'year')),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint products_package_shape
    check ((kind = 'package') = (credits is not null and valid_days is not null)),
  constraint products_plan_shape check ((kind = 'plan') = (billing_interval is not null))
);
comment on table public.products is 'what an organization sells; prices in minor units';
create index products_org_id_idx on public.products (org_id);

-- discount codes --------------------------------------------------------------------------
create table public.discount_codes (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete restrict,
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9_-]{2,31}$'),
  percent_off integer not null check (percent_off between 1 and 100),
  active boolean not null default true,
  valid_until timestamptz,
  max_redemptions integer check (max_redemptions > 0),
  redemptions integer not null default 0 check (redemptions >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint discount_codes_org_code_key unique (org_id, code)
);
comment on table public.discount_codes is 'organization discount codes (percentage); stored upper-case';
create index discount_codes_org_id_idx on public.discount_codes (org_id);

-- purchases (synced: a buyer sees their purchases offline) -----------------------------------
create table public.purchases (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete restrict,
  user_id uuid not null references auth.users (id) on delete restrict,
  product_id uuid not null references public.products (id) on delete restrict,
  -- what was bought, as it was at checkout
  kind text not null check (kind in ('product', 'package', 'plan')),
  product_name text not null,
  credits integer check (credits > 0),
  valid_days integer check (valid_days > 0),
  amount_minor integer not null check (amount_minor >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  discount_code_id uuid references public.discount_codes (id) on delete set null,
  percent_off integer check (percent_off between 1 and 100),
  status text not null default 'pending'
    check (status in ('pending', 'paid', 'failed', 'refunded', 'canceled')),
  stripe_checkout_session_id text unique,
  stripe_payment_intent_id text unique,
  refunded_minor integer not null default 0 check (refunded_minor >= 0),
  failure_reason text,
  paid_at timestamptz,
  failed_at timestamptz,
  refunded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id()
);
comment on table public.purchases is 'checkouts and their outcome; written only by the checkout and stripe-webhook functions';
create index purchases_org_id_idx on public.purchases (org_id);
create index purchases_user_id_idx on public.purchases (user_id);
create index purchases_product_id_idx on public.purchases (product_id);
create index purchases_discount_code_id_idx on public.purchases (discount_code_id);
create index purchases_xid_idx on public.purchases (xid, id);
create trigger purchases_stamp before insert or update on public.purchases
  for each row execute function private.stamp_synced_row();

-- credit ledger (append-only) ------------------------------------------------------------------
create table public.credit_ledger (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete restrict,
  user_id uuid not null references auth.users (id) on delete restrict,
  -- an expiry that finds nothing left is recorded as 0, so the lot is settled
  delta integer not null check (delta <> 0 or kind = 'expiry'),
  kind text not null
    check (kind in ('purchase', 'refund', 'booking', 'booking_return', 'expiry', 'adjustment')),
  purchase_id uuid references public.purchases (id) on delete restrict,
  booking_id uuid,
  expires_at timestamptz,
  note text check (char_length(note) <= 500),
  created_at timestamptz not null default now(),
  created_by uuid default auth.uid(),
  constraint credit_ledger_purchase_shape
    check ((kind in ('purchase', 'refund', 'expiry')) = (purchase_id is not null)),
  constraint credit_ledger_booking_shape
    check ((kind in ('booking', 'booking_return')) = (booking_id is not null))
);
comment on table public.credit_ledger is 'every credit movement; balance = sum(delta); never updated or deleted';
-- a purchase grants once, is reversed once and expires once; a booking spends once
-- and returns once
create unique index credit_ledger_purchase_once on public.credit_ledger (purchase_id, kind)
  where purchase_id is not null;
create unique index credit_ledger_booking_once on public.credit_ledger (booking_id, kind)
  where booking_id is not null;
create index credit_ledger_org_user_idx on public.credit_ledger (org_id, user_id);
create index credit_ledger_user_id_idx on public.credit_ledger (user_id);

create function private.credit_ledger_append_only()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  raise exception 'the credit ledger is append-only' using errcode = '42501';
end
$$;
create trigger credit_ledger_append_only before update or delete on public.credit_ledger
  for each row execute function private.credit_ledger_append_only();
create trigger credit_ledger_no_truncate before truncate on public.credit_ledger
  for each statement execute function private.credit_ledger_append_only();

-- balances (synced: "credits left" offline) ------------------------------------------------------
create table public.credit_balances (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete restrict,
  user_id uuid not null references auth.users (id) on delete restrict,
  balance integer not null default 0 constraint credit_balances_never_negative check (balance >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint credit_balances_org_user_key unique (org_id, user_id)
);
comment on table public.credit_balances is 'sum of the ledger per (org, user), maintained by the ledger trigger';
create index credit_balances_user_id_idx on public.credit_balances (user_id);
create index credit_balances_xid_idx on public.credit_balances (xid, id);
create trigger credit_balances_stamp before insert or update on public.credit_balances
  for each row execute function private.stamp_synced_row();

-- the conditional update: an update that would go below zero (or a negative first
-- entry) violates credit_balances_never_negative and aborts the ledger entry
create function private.credit_ledger_apply()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- (an upsert would check the proposed row, a negative delta, before finding the
  -- existing one: update first, insert the first entry of a (org, user))
  update public.credit_balances b set balance = b.balance + new.delta
   where b.org_id = new.org_id and b.user_id = new.user_id;
  if not found then
    insert into public.credit_balances as b (org_id, user_id, balance)
    values (new.org_id, new.user_id, new.delta)
    on conflict (org_id, user_id) do update set balance = b.balance + excluded.balance;
  end if;
  return new;
exception when check_violation then
  raise exception 'not enough credits' using errcode = 'P0001', hint = 'insufficient_credits';
end
$$;
create trigger credit_ledger_apply after insert on public.credit_ledger
  for each row execute function private.credit_ledger_apply();

-- expiry: a package's credits are valid for valid_days from the payment. credits are
-- taken from the lot that expires first, so when a lot expires, what is left of it
-- is the balance minus the lots still valid (never more than the lot, never below
-- zero). each lot is settled once (an 'expiry' entry, 0 when nothing was left).
-- p_org/p_user narrow it to one balance (before a spend); null/null is the job.
create function private.expire_credits(p_org uuid default null, p_user uuid default null)
returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_lot record;
  v_balance integer;
  v_valid integer;
  v_take integer;
  v_settled integer := 0;
begin
  for v_lot in
    select g.org_id, g.user_id, g.purchase_id, g.delta
      from public.credit_ledger g
     where g.kind = 'purchase' and g.expires_at <= now()
       and (p_org is null or g.org_id = p_org)
       and (p_user is null or g.user_id = p_user)
       and not exists (select from public.credit_ledger x
                        where x.purchase_id = g.purchase_id and x.kind in ('expiry', 'refund'))
     order by g.expires_at, g.purchase_id
  loop
    select b.balance into v_balance from public.credit_balances b
     where b.org_id = v_lot.org_id and b.user_id = v_lot.user_id
     for update;
    select coalesce(sum(g.delta), 0) into v_valid from public.credit_ledger g
     where g.org_id = v_lot.org_id and g.user_id = v_lot.user_id and g.kind = 'purchase'
       and g.expires_at > now()
       and not exists (select from public.credit_ledger x
                        where x.purchase_id = g.purchase_id and x.kind in ('expiry', 'refund'));
    v_take := greatest(least(v_lot.delta, coalesce(v_balance, 0) - v_valid), 0);
    insert into public.credit_ledger (org_id, user_id, delta, kind, purchase_id, note)
    values (v_lot.org_id, v_lot.user_id, -v_take, 'expiry', v_lot.purchase_id,
            case when v_take = 0 then 'nothing left to expire' end)
    on conflict (purchase_id, kind) where purchase_id is not null do nothing;
    v_settled := v_settled + 1;
  end loop;
  return v_settled;
end
$$;

insert into private.scheduled_jobs (name, schedule, command, description) values
  ('expire-credits', '7 * * * *', 'select private.expire_credits()',
   'hourly at :07 utc: what is left of packages past their validity expires');
select private.schedule_jobs();

-- spending and returning credits (for the booking rpcs) ------------------------------------------
-- a user spends their own credit; staff may spend for a member of their org.
-- returns the balance after; raises P0001/insufficient_credits when none is left.
-- idempotent per booking: spending twice for one booking spends once.
create function private.spend_credit(p_org uuid, p_user uuid, p_booking uuid)
returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_balance integer;
begin
  if p_org is null or p_user is null or p_booking is null then
    raise exception 'org, user and booking are required' using errcode = '22023';
  end if;
  if (select auth.role()) is distinct from 'service_role'
     and (select auth.uid()) is distinct from p_user
     and not private.is_active_member(p_org, (select auth.uid()), 'coach') then
    raise exception 'you may not spend this credit' using errcode = '42501';
  end if;
  -- credits past their validity are gone before anything is spent
  perform private.expire_credits(p_org, p_user);
  insert into public.credit_ledger (org_id, user_id, delta, kind, booking_id)
  values (p_org, p_user, -1, 'booking', p_booking)
  on conflict (booking_id, kind) where booking_id is not null do nothing;
  select b.balance into v_balance from public.credit_balances b
   where b.org_id = p_org and b.user_id = p_user;
  return coalesce(v_balance, 0);
end
$$;

-- gives back the credit a booking spent (a cancellation inside the window); once.
-- returns whether a credit came back.
create function private.return_credit(p_booking uuid)
returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_spent public.credit_ledger;
  v_rows integer;
begin
  select * into v_spent from public.credit_ledger l
   where l.booking_id = p_booking and l.kind = 'booking';
  if not found then
    return false;
  end if;
  if (select auth.role()) is distinct from 'service_role'
     and (select auth.uid()) is distinct from v_spent.user_id
     and not private.is_active_member(v_spent.org_id, (select auth.uid()), 'coach') then
    raise exception 'you may not return this credit' using errcode = '42501';
  end if;
  insert into public.credit_ledger (org_id, user_id, delta, kind, booking_id)
  values (v_spent.org_id, v_spent.user_id, 1, 'booking_return', p_booking)
  on conflict (booking_id, kind) where booking_id is not null do nothing;
  get diagnostics v_rows = row_count;
  return v_rows = 1;
end
$$;

-- stripe events (idempotency and audit) ----------------------------------------------------------
create table private.stripe_events (
  id text primary key check (id ~ '^evt_[A-Za-z0-9_]+$'),
  type text not null,
  stripe_created timestamptz not null,
  received_at timestamptz not null default now(),
  outcome text not null check (outcome in ('applied', 'ignored', 'rejected')),
  purchase_id uuid,
  note text
);
comment on table private.stripe_events is 'every stripe event processed, recorded with its effect';
create index stripe_events_purchase_id_idx on private.stripe_events (purchase_id);

-- moyklass: api keys (never readable by a client) ----------------------------------------------
create table private.moyklass_credentials (
  org_id uuid primary key references public.organizations (id) on delete cascade,
  api_key text not null check (char_length(api_key) between 8 and 500),
  updated_at timestamptz not null default now(),
  updated_by uuid
);
comment on table private.moyklass_credentials is 'an organization''s moyklass api key; read only by the moyklass-proxy function';

-- moyklass: the subscriptions of an athlete overlapping a season (synced, server-written) ---------
-- season = 'YYYY-YYYY' (1 september → 31 august, as athletes.season); subscriptions = the proxy's
-- snapshot items [{moyklassId, typeId, status, beginDate, endDate, visitCount,
-- visitsLeft, price, paid, …}].
create table public.moyklass_snapshots (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete restrict,
  athlete_id uuid not null references public.athletes (id) on delete restrict,
  season text not null constraint moyklass_snapshots_season_check
    check (season is not null and private.is_valid_season(season)),
  subscriptions jsonb not null default '[]'::jsonb
    check (jsonb_typeof(subscriptions) = 'array'),
  has_subscription boolean not null default false,
  fetched_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint moyklass_snapshots_athlete_season_key unique (org_id, athlete_id, season)
);
comment on table public.moyklass_snapshots is 'moyklass subscriptions per athlete and season, as last fetched';
create index moyklass_snapshots_athlete_id_idx on public.moyklass_snapshots (athlete_id);
create index moyklass_snapshots_xid_idx on public.moyklass_snapshots (xid, id);
create trigger moyklass_snapshots_stamp before insert or update on public.moyklass_snapshots
  for each row execute function private.stamp_synced_row();

-- row-level security -------------------------------------------------------------------------
alter table public.products enable row level security;
alter table public.discount_codes enable row level security;
alter table public.purchases enable row level security;
alter table public.credit_ledger enable row level security;
alter table public.credit_balances enable row level security;
alter table public.moyklass_snapshots enable row level security;
alter table private.stripe_events enable row level security;
alter table private.moyklass_credentials enable row level security;

revoke all on public.products, public.discount_codes, public.purchases, public.credit_ledger,
  public.credit_balances, public.moyklass_snapshots
  from public, anon, authenticated;
revoke all on private.stripe_events, private.moyklass_credentials from public, anon, authenticated;

grant select, insert, update on public.products to authenticated;
grant select, insert, update, delete on public.discount_codes to authenticated;
grant select on public.purchases to authenticated;
grant select on public.credit_ledger to authenticated;
grant select on public.credit_balances to authenticated;
grant select on public.moyklass_snapshots to authenticated;

grant all on public.products, public.discount_codes, public.purchases, public.credit_balances,
  public.moyklass_snapshots to service_role;
grant select, insert on public.credit_ledger to service_role;
grant select, insert, update on private.stripe_events, private.moyklass_credentials to service_role;

-- products: anyone signed in sees what is on sale; staff see and edit their own
create policy products_select on public.products for select to authenticated
  using (active or org_id = any (array(select private.org_ids_with_role('coach'))));
create policy products_insert_staff on public.products for insert to authenticated
  with check (org_id = any (array(select private.org_ids_with_role('coach'))));
create policy products_update_staff on public.products for update to authenticated
  using (org_id = any (array(select private.org_ids_with_role('coach'))))
  with check (org_id = any (array(select private.org_ids_with_role('coach'))));

-- discount codes: owners and admins only (athletes cannot list codes)
create policy discount_codes_select_admin on public.discount_codes for select to authenticated
  using (org_id = any (array(select private.org_ids_with_role('admin'))));
create policy discount_codes_insert_admin on public.discount_codes for insert to authenticated
  with check (org_id = any (array(select private.org_ids_with_role('admin'))));
create policy discount_codes_update_admin on public.discount_codes for update to authenticated
  using (org_id = any (array(select private.org_ids_with_role('admin'))))
  with check (org_id = any (array(select private.org_ids_with_role('admin'))));
create policy discount_codes_delete_admin on public.discount_codes for delete to authenticated
  using (org_id = any (array(select private.org_ids_with_role('admin'))));

-- purchases, ledger, balances: the buyer, and the staff of the organization
create policy purchases_select on public.purchases for select to authenticated
  using (user_id = (select auth.uid())
         or org_id = any (array(select private.org_ids_with_role('coach'))));
create policy credit_ledger_select on public.credit_ledger for select to authenticated
  using (user_id = (select auth.uid())
         or org_id = any (array(select private.org_ids_with_role('coach'))));
create policy credit_balances_select on public.credit_balances for select to authenticated
  using (user_id = (select auth.uid())
         or org_id = any (array(select private.org_ids_with_role('coach'))));

-- moyklass snapshots: whoever may see the athlete (admins, the athlete's coaches, the athlete)
create policy moyklass_snapshots_select on public.moyklass_snapshots for select to authenticated
  using (org_id = any (array(select private.org_ids_with_role('admin')))
         or athlete_id = any (array(select private.coached_athlete_ids()))
         or athlete_id = any (array(select private.own_athlete_ids())));

-- synced tables -------------------------------------------------------------------------------
insert into sync.tables (table_name, stamp_column, pull_order) values
  ('moyklass_snapshots', 'xid', 6010),
  ('purchases', 'xid', 6020),
  ('credit_balances', 'xid', 6030);

-- an admin connects moyklass: sets (or replaces) the key, never reads it back ----------------
create function public.set_moyklass_api_key(p_org uuid, p_api_key text)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if not private.is_active_member(p_org, (select auth.uid()), 'admin') then
    raise exception 'only owners and admins connect moyklass' using errcode = '42501';
  end if;
  if p_api_key is null or char_length(btrim(p_api_key)) not between 8 and 500 then
    raise exception 'the api key looks wrong' using errcode = '22023';
  end if;
  insert into private.moyklass_credentials (org_id, api_key, updated_by)
  values (p_org, btrim(p_api_key), (select auth.uid()))
  on conflict (org_id) do update
    set api_key = excluded.api_key, updated_at = now(), updated_by = excluded.updated_by;
end
$$;

-- whether moyklass is connected (for the settings page), never the key
create function public.moyklass_connection(p_org uuid)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_updated timestamptz;
begin
  if not private.is_active_member(p_org, (select auth.uid()), 'coach') then
    raise exception 'not a member of the staff of this organization' using errcode = '42501';
  end if;
  select c.updated_at into v_updated from private.moyklass_credentials c where c.org_id = p_org;
  return jsonb_build_object('connected', v_updated is not null, 'updatedAt', v_updated);
end
$$;

-- service-role rpcs (the edge functions) ------------------------------------------------------
-- these run as service_role through postgrest: they take the caller's user id from
-- the function, which verified the caller's token, and check it themselves.

-- the athletes of p_org that p_user may sync: every athlete for admins and owners,
-- the athletes of the groups they coach for coaches (what the athletes policy shows them)
create function private.moyklass_athlete_scope(p_user uuid, p_org uuid)
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.id
    from public.athletes a
   where a.org_id = p_org
     and a.deleted_at is null
     and (private.is_active_member(p_org, p_user, 'admin')
          or (private.is_active_member(p_org, p_user, 'coach')
              and a.group_id in (select c.group_id from public.training_group_coaches c
                                  where c.user_id = p_user and c.org_id = p_org
                                    and c.deleted_at is null)))
$$;

-- moyklass-proxy, step 1: may p_user sync p_org, with which key, for which athletes.
-- returns {apiKey, athletes: [{athleteId, moyklassUserId}], unlinked: [athlete ids
-- without a moyklass id]}
create function public.moyklass_prepare(p_user uuid, p_org uuid, p_athlete_ids uuid[] default null)
returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_key text;
  v_scope uuid[];
  v_athletes jsonb;
  v_unlinked jsonb;
begin
  if not private.is_active_member(p_org, p_user, 'coach') then
    raise exception 'only coaches and admins of the organization may sync moyklass'
      using errcode = '42501';
  end if;
  v_scope := array(select private.moyklass_athlete_scope(p_user, p_org));
  if p_athlete_ids is not null and not (p_athlete_ids <@ v_scope) then
    raise exception 'some of these athletes are not yours to sync' using errcode = '42501',
      hint = 'athletes_not_in_scope';
  end if;
  select c.api_key into v_key from private.moyklass_credentials c where c.org_id = p_org;
  if v_key is null then
    raise exception 'moyklass is not connected for this organization'
      using errcode = 'P0001', hint = 'moyklass_not_connected';
  end if;
  select coalesce(jsonb_agg(jsonb_build_object('athleteId', a.id, 'moyklassUserId', a.moyklass_user_id)
                    order by a.id) filter (where a.moyklass_user_id is not null), '[]'::jsonb),
         coalesce(jsonb_agg(a.id order by a.id) filter (where a.moyklass_user_id is null), '[]'::jsonb)
    into v_athletes, v_unlinked
    from public.athletes a
   where a.id = any (v_scope)
     and (p_athlete_ids is null or a.id = any (p_athlete_ids));
  return jsonb_build_object('apiKey', v_key, 'athletes', v_athletes, 'unlinked', v_unlinked);
end
$$;

-- moyklass-proxy, step 2: store the season's snapshot of every athlete fetched, in one
-- transaction (an error anywhere stores nothing). p_payload = {athleteIds: [uuid],
-- snapshots: [{athleteId, moyklassId, …}]}; an athlete with no item gets an empty list.
create function public.moyklass_store_snapshot(
  p_user uuid, p_org uuid, p_season text, p_payload jsonb)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_ids uuid[];
  v_count integer;
begin
  if not private.is_active_member(p_org, p_user, 'coach') then
    raise exception 'only coaches and admins of the organization may sync moyklass'
      using errcode = '42501';
  end if;
  if p_season is null or not private.is_valid_season(p_season) then
    raise exception 'season must look like 2025-2026' using errcode = '22023';
  end if;
  if jsonb_typeof(p_payload -> 'athleteIds') is distinct from 'array'
     or jsonb_typeof(p_payload -> 'snapshots') is distinct from 'array' then
    raise exception 'payload needs athleteIds and snapshots arrays' using errcode = '22023';
  end if;
  select coalesce(array_agg(x::uuid), '{}') into v_ids
    from jsonb_array_elements_text(p_payload -> 'athleteIds') as x;
  if exists (
    select from jsonb_array_elements(p_payload -> 'snapshots') as s
     where jsonb_typeof(s) <> 'object' or not ((s ->> 'athleteId')::uuid = any (v_ids))
  ) then
    raise exception 'every snapshot item must belong to a listed athlete' using errcode = '22023';
  end if;
  insert into public.moyklass_snapshots as t
    (org_id, athlete_id, season, subscriptions, has_subscription, fetched_at)
  select p_org, a.id, p_season, coalesce(items.list, '[]'::jsonb),
         coalesce(jsonb_array_length(items.list), 0) > 0, now()
    from public.athletes a
    left join lateral (
      select jsonb_agg(s - 'athleteId' order by s ->> 'beginDate', (s ->> 'moyklassId')::bigint) as list
        from jsonb_array_elements(p_payload -> 'snapshots') as s
       where (s ->> 'athleteId')::uuid = a.id
    ) items on true
   where a.id = any (v_ids)
     and a.id in (select private.moyklass_athlete_scope(p_user, p_org))
  on conflict (org_id, athlete_id, season) do update
    set subscriptions = excluded.subscriptions,
        has_subscription = excluded.has_subscription,
        fetched_at = excluded.fetched_at,
        deleted_at = null;
  get diagnostics v_count = row_count;
  if v_count <> cardinality(v_ids) then
    raise exception 'some of these athletes are not yours to sync' using errcode = '42501';
  end if;
  return jsonb_build_object('stored', v_count);
end
$$;

-- checkout, step 1: price from the database, discount applied here, a pending purchase.
create function public.checkout_prepare(p_user uuid, p_product uuid, p_discount_code text default null)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_product public.products;
  v_code public.discount_codes;
  v_amount integer;
  v_purchase uuid;
begin
  if p_user is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  select * into v_product from public.products p where p.id = p_product and p.active;
  if not found then
    raise exception 'this product is not on sale' using errcode = 'P0002', hint = 'product_not_found';
  end if;
  v_amount := v_product.price_minor;
  if p_discount_code is not null and btrim(p_discount_code) <> '' then
    select * into v_code from public.discount_codes d
     where d.org_id = v_product.org_id and d.code = upper(btrim(p_discount_code))
       and d.active and (d.valid_until is null or d.valid_until > now())
       and (d.max_redemptions is null or d.redemptions < d.max_redemptions);
    if not found then
      raise exception 'this discount code is not valid' using errcode = '22023',
        hint = 'invalid_discount_code';
    end if;
    -- round half up in minor units: 1990 at 15 % → 1692 (1691.5)
    v_amount := v_product.price_minor - floor(v_product.price_minor * v_code.percent_off / 100.0)::integer;
  end if;
  insert into public.purchases (org_id, user_id, product_id, kind, product_name, credits, valid_days,
    amount_minor, currency, discount_code_id, percent_off)
  values (v_product.org_id, p_user, v_product.id, v_product.kind, v_product.name, v_product.credits,
    v_product.valid_days, v_amount, v_product.currency, v_code.id, v_code.percent_off)
  returning id into v_purchase;
  return jsonb_build_object(
    'purchaseId', v_purchase, 'orgId', v_product.org_id, 'productId', v_product.id,
    'kind', v_product.kind, 'name', v_product.name, 'description', v_product.description,
    'amountMinor', v_amount, 'listPriceMinor', v_product.price_minor,
    'currency', v_product.currency, 'percentOff', v_code.percent_off,
    'billingInterval', v_product.billing_interval, 'credits', v_product.credits,
    'validDays', v_product.valid_days);
end
$$;

-- checkout, step 2: the stripe session created for a pending purchase (or its failure)
create function public.checkout_attach(p_purchase uuid, p_session_id text)
returns void
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  if p_session_id is null then
    -- stripe refused to create the session: the purchase will never be paid
    update public.purchases set status = 'canceled', failure_reason = 'checkout not created'
     where id = p_purchase and status = 'pending';
    return;
  end if;
  update public.purchases set stripe_checkout_session_id = p_session_id
   where id = p_purchase and (stripe_checkout_session_id is null or stripe_checkout_session_id = p_session_id);
  if not found then
    raise exception 'purchase % has another checkout session', p_purchase using errcode = 'P0001';
  end if;
end
$$;

-- stripe-webhook: one verified event, applied exactly once.
-- p_event = {id, type, created (unix s), purchaseId?, sessionId?, paymentIntentId?,
--            amountTotal?, currency?, paymentStatus?, amountRefunded?, refunded?, failureMessage?}
-- returns {outcome: applied | duplicate | ignored | rejected, purchaseId?, note?}
create function public.stripe_apply_event(p_event jsonb)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_id text := p_event ->> 'id';
  v_type text := p_event ->> 'type';
  v_created timestamptz := to_timestamp((p_event ->> 'created')::double precision);
  v_purchase public.purchases;
  v_outcome text := 'applied';
  v_note text;
  v_balance integer;
  v_later integer;
  v_reverse integer;
  v_inserted integer;
begin
  if v_id is null or v_type is null or v_created is null then
    raise exception 'an event needs id, type and created' using errcode = '22023';
  end if;
  -- the idempotency key, in the same transaction as the effect: a concurrent
  -- delivery of the same event waits here for this one and then does nothing
  insert into private.stripe_events (id, type, stripe_created, outcome)
  values (v_id, v_type, v_created, 'applied')
  on conflict (id) do nothing;
  get diagnostics v_inserted = row_count;
  if v_inserted = 0 then
    return jsonb_build_object('outcome', 'duplicate');
  end if;

  if v_type not in ('checkout.session.completed', 'checkout.session.async_payment_succeeded',
                    'checkout.session.async_payment_failed', 'checkout.session.expired',
                    'payment_intent.payment_failed', 'charge.refunded') then
    update private.stripe_events set outcome = 'ignored', note = 'unhandled type' where id = v_id;
    return jsonb_build_object('outcome', 'ignored');
  end if;

  -- the purchase: by our id in the metadata, else by the stripe keys
  select * into v_purchase from public.purchases p
   where p.id = case when (p_event ->> 'purchaseId') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                     then (p_event ->> 'purchaseId')::uuid end
   for update;
  if not found then
    select * into v_purchase from public.purchases p
     where (p_event ->> 'sessionId' is not null and p.stripe_checkout_session_id = p_event ->> 'sessionId')
        or (p_event ->> 'paymentIntentId' is not null and p.stripe_payment_intent_id = p_event ->> 'paymentIntentId')
     limit 1
     for update;
  end if;
  if not found then
    -- permanent: retrying cannot help; keep it as a dead letter
    update private.stripe_events set outcome = 'rejected', note = 'no matching purchase' where id = v_id;
    return jsonb_build_object('outcome', 'rejected', 'note', 'no matching purchase');
  end if;

  -- the business keys, learned from whichever event comes first
  if p_event ->> 'sessionId' is not null and v_purchase.stripe_checkout_session_id is null then
    update public.purchases set stripe_checkout_session_id = p_event ->> 'sessionId'
     where id = v_purchase.id;
  end if;
  if p_event ->> 'paymentIntentId' is not null and v_purchase.stripe_payment_intent_id is null then
    update public.purchases set stripe_payment_intent_id = p_event ->> 'paymentIntentId'
     where id = v_purchase.id;
  end if;
  if (p_event ->> 'sessionId' is not null
      and v_purchase.stripe_checkout_session_id is distinct from p_event ->> 'sessionId'
      and v_purchase.stripe_checkout_session_id is not null) then
    v_outcome := 'rejected';
    v_note := 'checkout session does not match the purchase';
  elsif v_type in ('checkout.session.completed', 'checkout.session.async_payment_succeeded') then
    if v_type = 'checkout.session.completed'
       and coalesce(p_event ->> 'paymentStatus', '') not in ('paid', 'no_payment_required') then
      v_outcome := 'ignored';
      v_note := 'completed but not paid yet';
    elsif (p_event ->> 'amountTotal')::integer is distinct from v_purchase.amount_minor
       or upper(p_event ->> 'currency') is distinct from v_purchase.currency then
      v_outcome := 'rejected';
      v_note := 'amount or currency differs from the purchase';
    elsif v_purchase.status in ('pending', 'failed', 'canceled') then
      update public.purchases set status = 'paid', paid_at = v_created, failure_reason = null
       where id = v_purchase.id;
      if v_purchase.credits is not null then
        insert into public.credit_ledger (org_id, user_id, delta, kind, purchase_id, expires_at)
        values (v_purchase.org_id, v_purchase.user_id, v_purchase.credits, 'purchase', v_purchase.id,
                v_created + make_interval(days => v_purchase.valid_days))
        on conflict (purchase_id, kind) where purchase_id is not null do nothing;
      end if;
      if v_purchase.discount_code_id is not null then
        update public.discount_codes set redemptions = redemptions + 1
         where id = v_purchase.discount_code_id;
      end if;
    elsif v_purchase.status = 'refunded' then
      -- the refund overtook the completion: record the payment, grant nothing
      update public.purchases set paid_at = coalesce(paid_at, v_created) where id = v_purchase.id;
      v_note := 'already refunded';
    else
      v_note := 'already paid';
    end if;
  elsif v_type in ('payment_intent.payment_failed', 'checkout.session.async_payment_failed',
                   'checkout.session.expired') then
    -- a failure never undoes a payment or a refund
    if v_purchase.status = 'pending' then
      update public.purchases
         set status = case when v_type = 'checkout.session.expired' then 'canceled' else 'failed' end,
             failed_at = v_created,
             failure_reason = left(coalesce(p_event ->> 'failureMessage', v_type), 300)
       where id = v_purchase.id;
    else
      v_note := 'purchase is ' || v_purchase.status;
    end if;
  elsif v_type = 'charge.refunded' then
    update public.purchases
       set refunded_minor = greatest(refunded_minor, coalesce((p_event ->> 'amountRefunded')::integer, 0))
     where id = v_purchase.id;
    if coalesce((p_event ->> 'refunded')::boolean, false) and v_purchase.status <> 'refunded' then
      update public.purchases set status = 'refunded', refunded_at = v_created where id = v_purchase.id;
      if v_purchase.status = 'paid' and v_purchase.credits is not null
         and not exists (select from public.credit_ledger x
                          where x.purchase_id = v_purchase.id and x.kind = 'expiry') then
        -- take back what is left of this lot: credits go from the lot that expires
        -- first, so that is the balance minus the valid lots expiring after it
        -- (at most the lot, never below zero; see private.expire_credits)
        select b.balance into v_balance from public.credit_balances b
         where b.org_id = v_purchase.org_id and b.user_id = v_purchase.user_id
         for update;
        select coalesce(sum(g.delta), 0) into v_later from public.credit_ledger g
          join public.credit_ledger mine on mine.purchase_id = v_purchase.id and mine.kind = 'purchase'
         where g.org_id = v_purchase.org_id and g.user_id = v_purchase.user_id
           and g.kind = 'purchase' and g.purchase_id <> v_purchase.id
           and g.expires_at > now()
           and (g.expires_at, g.purchase_id) > (mine.expires_at, mine.purchase_id)
           and not exists (select from public.credit_ledger x
                            where x.purchase_id = g.purchase_id and x.kind in ('expiry', 'refund'));
        v_reverse := greatest(least(v_purchase.credits, coalesce(v_balance, 0) - v_later), 0);
        if v_reverse > 0 then
          insert into public.credit_ledger (org_id, user_id, delta, kind, purchase_id, note)
          values (v_purchase.org_id, v_purchase.user_id, -v_reverse, 'refund', v_purchase.id,
                  case when v_reverse < v_purchase.credits
                       then (v_purchase.credits - v_reverse) || ' credits were already spent' end)
          on conflict (purchase_id, kind) where purchase_id is not null do nothing;
        end if;
      end if;
    elsif not coalesce((p_event ->> 'refunded')::boolean, false) then
      v_note := 'partial refund: credits kept';
    end if;
  end if;

  update private.stripe_events set outcome = v_outcome, purchase_id = v_purchase.id, note = v_note
   where id = v_id;
  return jsonb_build_object('outcome', v_outcome, 'purchaseId', v_purchase.id, 'note', v_note);
end
$$;

-- email ---------------------------------------------------------------------------------------
-- an outbox of emails to send, filled by triggers and jobs in the same transaction as
-- what they announce, drained by the email-dispatch function (templates ru/en live
-- there). each person can switch each kind off (email_preferences, synced: absent
-- = on). a reminder is queued only shortly before it is due and every email is
-- re-checked when claimed, so a cancelled booking never gets a reminder.
create table public.email_preferences (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  kind text not null check (kind in ('booking_confirmation', 'booking_notification',
    'booking_cancellation', 'purchase_confirmation', 'session_reminder')),
  enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint email_preferences_user_kind_key unique (user_id, kind)
);
comment on table public.email_preferences is 'which kinds of email a person wants; no row = yes';
create index email_preferences_xid_idx on public.email_preferences (xid, id);
create trigger stamp_synced_row before insert or update on public.email_preferences
  for each row execute function private.stamp_synced_row();
alter table public.email_preferences enable row level security;
revoke all on public.email_preferences from public, anon, authenticated;
grant select on public.email_preferences to authenticated;
grant insert (id, user_id, kind, enabled) on public.email_preferences to authenticated;
grant update (enabled, deleted_at) on public.email_preferences to authenticated;
grant all on public.email_preferences to service_role;
create policy email_preferences_select_own on public.email_preferences for select to authenticated
  using (user_id = (select auth.uid()));
create policy email_preferences_insert_own on public.email_preferences for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy email_preferences_update_own on public.email_preferences for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
insert into sync.tables (table_name, stamp_column, pull_order) values ('email_preferences', 'xid', 6040);

create table private.email_outbox (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('booking_confirmation', 'booking_notification',
    'booking_cancellation', 'purchase_confirmation', 'session_reminder')),
  user_id uuid not null references auth.users (id) on delete cascade,
  org_id uuid references public.organizations (id) on delete cascade,
  locale text not null default 'ru' check (locale in ('ru', 'en')),
  -- one email per fact: 'purchase_confirmation:<purchase>', 'session_reminder:<booking>'
  dedupe_key text not null unique,
  payload jsonb not null default '{}'::jsonb check (jsonb_typeof(payload) = 'object'),
  booking_id uuid,
  send_after timestamptz not null default now(),
  status text not null default 'pending'
    check (status in ('pending', 'sending', 'sent', 'failed', 'skipped')),
  attempts integer not null default 0,
  locked_until timestamptz,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table private.email_outbox is 'emails to send; drained by the email-dispatch function';
create index email_outbox_due_idx on private.email_outbox (send_after) where status in ('pending', 'sending');
create index email_outbox_user_id_idx on private.email_outbox (user_id);
create index email_outbox_org_id_idx on private.email_outbox (org_id);
alter table private.email_outbox enable row level security;
revoke all on private.email_outbox from public, anon, authenticated;
grant select, insert, update on private.email_outbox to service_role;

-- does p_user want emails of p_kind (no preference row: yes)
create function private.wants_email(p_user uuid, p_kind text)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce((select p.enabled from public.email_preferences p
                    where p.user_id = p_user and p.kind = p_kind and p.deleted_at is null), true)
$$;

-- queues one email (once per dedupe key) unless the person switched the kind off
create function private.enqueue_email(p_kind text, p_user uuid, p_org uuid, p_dedupe text,
  p_payload jsonb, p_send_after timestamptz default now(), p_booking uuid default null)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if p_user is null or not private.wants_email(p_user, p_kind) then
    return;
  end if;
  insert into private.email_outbox (kind, user_id, org_id, locale, dedupe_key, payload, send_after, booking_id)
  select p_kind, p_user, p_org,
         case when left(coalesce(pr.locale, o.locale, 'ru'), 2) = 'en' then 'en' else 'ru' end,
         p_dedupe, coalesce(p_payload, '{}'::jsonb), coalesce(p_send_after, now()), p_booking
    from (select 1) one
    left join public.profiles pr on pr.id = p_user
    left join public.organizations o on o.id = p_org
  on conflict (dedupe_key) do nothing;
end
$$;

-- what an email about a booking says: the session's time, place and people
create function private.booking_email_payload(p_booking public.bookings)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'bookingId', p_booking.id, 'sessionId', s.id, 'startsAt', s.starts_at, 'endsAt', s.ends_at,
    'timeZone', s.time_zone, 'title', s.title, 'room', s.room, 'organization', o.name,
    'coachName', cp.display_name, 'memberName', mp.display_name)
    from public.training_sessions s
    join public.organizations o on o.id = s.org_id
    left join public.profiles cp on cp.id = p_booking.coach_id
    left join public.profiles mp on mp.id = p_booking.member_id
   where s.id = p_booking.session_id
$$;

-- a booking made: confirmation to the member, notification to the coach; a booking
-- cancelled: a cancellation email to the member (and to the coach when the member
-- cancelled)
create function private.booking_emails()
returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_payload jsonb := coalesce(private.booking_email_payload(new), '{}'::jsonb);
begin
  if tg_op = 'INSERT' and new.status = 'confirmed' then
    perform private.enqueue_email('booking_confirmation', new.member_id, new.org_id,
      'booking_confirmation:' || new.id, v_payload);
    if new.coach_id is distinct from new.member_id then
      perform private.enqueue_email('booking_notification', new.coach_id, new.org_id,
        'booking_notification:' || new.id, v_payload);
    end if;
  elsif tg_op = 'UPDATE' and new.status like 'cancelled%' and old.status not like 'cancelled%' then
    v_payload := v_payload || jsonb_build_object('cancelledBy', new.status);
    perform private.enqueue_email('booking_cancellation', new.member_id, new.org_id,
      'booking_cancellation:' || new.id || ':member', v_payload);
    if new.status = 'cancelled_by_member' and new.coach_id is distinct from new.member_id then
      perform private.enqueue_email('booking_cancellation', new.coach_id, new.org_id,
        'booking_cancellation:' || new.id || ':coach', v_payload);
    end if;
  end if;
  return null;
end
$$;
create trigger booking_emails after insert or update of status on public.bookings
  for each row execute function private.booking_emails();

-- reminders 24 h before a session, queued by a job only when due within the next 15
-- minutes (so one cancelled before then never gets one); the dispatcher re-checks
create function private.enqueue_session_reminders()
returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_booking public.bookings;
  v_starts timestamptz;
  v_count integer := 0;
begin
  for v_booking in
    select b.* from public.bookings b
      join public.training_sessions s on s.id = b.session_id
     where b.status = 'confirmed' and b.deleted_at is null and s.status = 'scheduled'
       and s.starts_at - interval '24 hours' between now() - interval '30 minutes'
                                                 and now() + interval '15 minutes'
       and b.created_at < s.starts_at - interval '24 hours'
  loop
    select s.starts_at into v_starts from public.training_sessions s where s.id = v_booking.session_id;
    perform private.enqueue_email('session_reminder', v_booking.member_id, v_booking.org_id,
      'session_reminder:' || v_booking.id, private.booking_email_payload(v_booking),
      v_starts - interval '24 hours', v_booking.id);
    v_count := v_count + 1;
  end loop;
  return v_count;
end
$$;

insert into private.scheduled_jobs (name, schedule, command, description) values
  ('enqueue-session-reminders', '*/10 * * * *', 'select private.enqueue_session_reminders()',
   'every 10 minutes: queue the reminders due within 15 minutes (24 h before each session)');
select private.schedule_jobs();

-- purchase confirmation: queued when a purchase becomes paid
create function private.purchase_emails()
returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if new.status = 'paid' and old.status is distinct from 'paid' then
    perform private.enqueue_email('purchase_confirmation', new.user_id, new.org_id,
      'purchase_confirmation:' || new.id,
      jsonb_build_object('purchaseId', new.id, 'productName', new.product_name, 'kind', new.kind,
        'amountMinor', new.amount_minor, 'currency', new.currency, 'credits', new.credits,
        'validDays', new.valid_days, 'percentOff', new.percent_off));
  end if;
  return null;
end
$$;
create trigger purchase_emails after update of status on public.purchases
  for each row execute function private.purchase_emails();

-- email-dispatch: claims due emails (skip locked, so two dispatchers never send one
-- twice), skipping those no longer wanted or whose booking is no longer on
create function public.email_claim_batch(p_limit integer default 20)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_rows jsonb;
begin
  update private.email_outbox e set status = 'skipped', last_error = 'no longer wanted or booking cancelled'
   where e.status = 'pending' and e.send_after <= now()
     and (not private.wants_email(e.user_id, e.kind)
          or (e.kind = 'session_reminder' and not exists (
                select from public.bookings b join public.training_sessions s on s.id = b.session_id
                 where b.id = e.booking_id and b.status = 'confirmed' and b.deleted_at is null
                   and s.status = 'scheduled' and s.starts_at > now())));
  with due as (
    select e.id from private.email_outbox e
     where (e.status = 'pending' and e.send_after <= now())
        or (e.status = 'sending' and e.locked_until < now())
     order by e.send_after, e.id
     limit least(greatest(coalesce(p_limit, 20), 1), 100)
     for update skip locked
  ), claimed as (
    update private.email_outbox e
       set status = 'sending', attempts = e.attempts + 1, locked_until = now() + interval '5 minutes'
      from due where e.id = due.id
    returning e.*
  )
  select coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'kind', c.kind, 'locale', c.locale,
           'to', u.email, 'attempts', c.attempts, 'payload', c.payload) order by c.send_after, c.id),
           '[]'::jsonb)
    into v_rows
    from claimed c join auth.users u on u.id = c.user_id;
  return v_rows;
end
$$;

-- email-dispatch: the outcome of one send. a retryable failure waits 1, 2, 4 … minutes
-- (at most 6 hours) and gives up after 8 attempts; a permanent one fails at once.
create function public.email_mark(p_id uuid, p_sent boolean, p_error text default null,
  p_retryable boolean default true)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  update private.email_outbox e
     set status = case when p_sent then 'sent'
                       when not p_retryable or e.attempts >= 8 then 'failed'
                       else 'pending' end,
         sent_at = case when p_sent then now() end,
         last_error = case when p_sent then null else left(p_error, 500) end,
         locked_until = null,
         send_after = case when p_sent then e.send_after
                           else now() + least(interval '1 minute' * power(2, e.attempts - 1), interval '6 hours') end
   where e.id = p_id and e.status = 'sending';
end
$$;

-- grants on functions ------------------------------------------------------------------------
revoke all on function private.credit_ledger_append_only() from public, anon, authenticated;
revoke all on function private.credit_ledger_apply() from public, anon, authenticated;
revoke all on function private.expire_credits(uuid, uuid) from public, anon, authenticated;
revoke all on function private.spend_credit(uuid, uuid, uuid) from public, anon;
revoke all on function private.return_credit(uuid) from public, anon;
revoke all on function public.set_moyklass_api_key(uuid, text) from public, anon;
revoke all on function public.moyklass_connection(uuid) from public, anon;
revoke all on function private.moyklass_athlete_scope(uuid, uuid) from public, anon, authenticated;
revoke all on function public.moyklass_prepare(uuid, uuid, uuid[]) from public, anon, authenticated;
revoke all on function public.moyklass_store_snapshot(uuid, uuid, text, jsonb) from public, anon, authenticated;
revoke all on function public.checkout_prepare(uuid, uuid, text) from public, anon, authenticated;
revoke all on function public.checkout_attach(uuid, text) from public, anon, authenticated;
revoke all on function public.stripe_apply_event(jsonb) from public, anon, authenticated;

grant execute on function private.expire_credits(uuid, uuid) to service_role;
grant execute on function private.spend_credit(uuid, uuid, uuid) to authenticated, service_role;
grant execute on function private.return_credit(uuid) to authenticated, service_role;
grant execute on function public.set_moyklass_api_key(uuid, text) to authenticated;
grant execute on function public.moyklass_connection(uuid) to authenticated;
grant execute on function private.moyklass_athlete_scope(uuid, uuid) to service_role;
grant execute on function public.moyklass_prepare(uuid, uuid, uuid[]) to service_role;
grant execute on function public.moyklass_store_snapshot(uuid, uuid, text, jsonb) to service_role;
grant execute on function public.checkout_prepare(uuid, uuid, text) to service_role;
grant execute on function public.checkout_attach(uuid, text) to service_role;
grant execute on function public.stripe_apply_event(jsonb) to service_role;

revoke all on function private.wants_email(uuid, text) from public, anon, authenticated;
revoke all on function private.enqueue_email(text, uuid, uuid, text, jsonb, timestamptz, uuid) from public, anon, authenticated;
revoke all on function private.booking_email_payload(public.bookings) from public, anon, authenticated;
revoke all on function private.booking_emails() from public, anon, authenticated;
revoke all on function private.enqueue_session_reminders() from public, anon, authenticated;
revoke all on function private.purchase_emails() from public, anon, authenticated;
revoke all on function public.email_claim_batch(integer) from public, anon, authenticated;
revoke all on function public.email_mark(uuid, boolean, text, boolean) from public, anon, authenticated;
grant execute on function private.enqueue_email(text, uuid, uuid, text, jsonb, timestamptz, uuid) to service_role;
grant execute on function private.enqueue_session_reminders() to service_role;
grant execute on function public.email_claim_batch(integer) to service_role;
grant execute on function public.email_mark(uuid, boolean, text, boolean) to service_role;
