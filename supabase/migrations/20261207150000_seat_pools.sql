-- seat pools (issue 18, running clubs; reference/partners.md §7.5.18): a club buys
-- N seats of a coach's training plan at a volume price, and its members claim them.
--
--   seat_pools    the seats a club holds of one plan product of a seller (a coach's
--                 club or business): how many, how many are taken, the price per
--                 seat. made by the seller's admins for the buying club (a bulk sale
--                 is agreed and invoiced between the two); closed by either side
--   seat_claims   one member's seat: claimed by the member or assigned by the club's
--                 admins; revoking it frees the seat and withdraws the plan
--
-- a claimed seat is a purchase like the others: a paid purchase of the product at
-- zero (the club paid) in the seller's club, with the claimant made a member there,
-- so the buyer's own copy of the plan is made by the trigger that makes any sold
-- plan's copy (20261207111000_plan_sales.sql), and a revoked seat refunds it (the
-- copy is archived). the seat count is one conditional update, so concurrent claims
-- can never take more seats than the pool has (tests/db/seat-pool-race.test.ts).
--
-- everything here is the running_clubs feature: its functions call
-- private.require_feature and its policies private.flag_enabled, for the club.
--
-- who sees what: the club's admins see its pools and every claim; a member of the
-- club sees its pools (to claim one) and their own claim only; the seller's admins
-- see the pools of their products and how many seats are taken.

/**
  * -------------------------------------------------------
  * section - tables
  * -------------------------------------------------------
  */
create table public.seat_pools (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  seller_org_id uuid not null references public.organizations (id) on delete restrict,
  product_id uuid not null,
  seats int not null,
  claimed int not null default 0,
  price_per_seat_minor int not null,
  currency text not null,
  note text not null default '',
  status text not null default 'active',
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint seat_pools_seats_check check (seats between 1 and 10000),
  constraint seat_pools_claimed_check check (claimed between 0 and seats),
  constraint seat_pools_price_check check (price_per_seat_minor >= 0),
  constraint seat_pools_currency_check check (currency ~ '^[A-Z]{3}$'),
  constraint seat_pools_note_check check (char_length(note) <= 500),
  constraint seat_pools_status_check check (status in ('active', 'closed')),
  constraint seat_pools_other_club_check check (org_id <> seller_org_id),
  -- the one reference that crosses clubs by design names the club it crosses to
  constraint seat_pools_product_fkey foreign key (product_id, seller_org_id)
    references public.products (id, org_id) on delete restrict,
  constraint seat_pools_id_org_key unique (id, org_id)
);
comment on table public.seat_pools is 'seats of a seller''s plan a club holds for its members';
comment on column public.seat_pools.claimed is 'seats taken: maintained by claim_seat, assign_seat and revoke_seat';
create index seat_pools_org_idx on public.seat_pools (org_id);
create index seat_pools_seller_idx on public.seat_pools (seller_org_id);
create index seat_pools_product_idx on public.seat_pools (product_id, seller_org_id);

create table public.seat_claims (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  pool_id uuid not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  seller_org_id uuid not null references public.organizations (id) on delete restrict,
  purchase_id uuid,
  assigned_by uuid references auth.users (id) on delete set null,
  claimed_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by uuid references auth.users (id) on delete set null,
  constraint seat_claims_pool_fkey foreign key (pool_id, org_id)
    references public.seat_pools (id, org_id) on delete cascade,
  -- the seat's purchase is the seller's, and says so
  constraint seat_claims_purchase_fkey foreign key (purchase_id, seller_org_id)
    references public.purchases (id, org_id) on delete set null (purchase_id)
);
comment on table public.seat_claims is 'a member''s seat of a pool; written only by the seat functions';
comment on column public.seat_claims.assigned_by is 'the club admin who assigned it; null when the member claimed it';
create index seat_claims_org_idx on public.seat_claims (org_id);
create index seat_claims_user_idx on public.seat_claims (user_id);
create index seat_claims_pool_idx on public.seat_claims (pool_id, org_id);
create index seat_claims_purchase_idx on public.seat_claims (purchase_id, seller_org_id);
create unique index seat_claims_one_per_member on public.seat_claims (pool_id, user_id) where revoked_at is null;

select private.guard_tenant_table('public.seat_pools');
select private.guard_tenant_table('public.seat_claims');

/**
  * -------------------------------------------------------
  * section - making a pool
  * -------------------------------------------------------
  * by the seller's admins, for a club, of an active plan product of theirs that
  * gives a training plan.
  */
create function public.create_seat_pool(p_club uuid, p_product uuid, p_seats int,
  p_price_per_seat_minor int, p_note text default '')
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_product public.products;
  v_id uuid;
begin
  select pr.* into v_product from public.products pr where pr.id = p_product and pr.active;
  if v_product.id is null then
    raise exception 'no such product on sale' using errcode = 'P0002', hint = 'product_not_found';
  end if;
  if not private.is_active_member(v_product.org_id, (select auth.uid()), 'admin') then
    raise exception 'only the seller''s admins sell seats of its plans' using errcode = '42501';
  end if;
  if v_product.training_plan_id is null then
    raise exception 'seats are sold of a product that gives a training plan' using errcode = '22023',
      hint = 'not_a_plan';
  end if;
  if not exists (select from public.organizations o where o.id = p_club and o.deleted_at is null) then
    raise exception 'no such club' using errcode = 'P0002', hint = 'club_not_found';
  end if;
  perform private.require_feature('running_clubs', p_club);
  insert into public.seat_pools (org_id, seller_org_id, product_id, seats, price_per_seat_minor, currency, note)
  values (p_club, v_product.org_id, v_product.id, p_seats, p_price_per_seat_minor, v_product.currency,
          coalesce(p_note, ''))
  returning id into v_id;
  return v_id;
end
$$;
comment on function public.create_seat_pool(uuid, uuid, int, int, text) is
  'the seller''s admins sell a club p_seats seats of a plan product at a price per seat';

/**
  * -------------------------------------------------------
  * section - taking and freeing a seat
  * -------------------------------------------------------
  */
-- gives p_user a seat of p_pool: the seat is counted by one conditional update (a
-- full pool refuses, however many ask at once), then the plan is bought at zero
create function private.take_seat(p_pool uuid, p_user uuid, p_assigned_by uuid)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_pool public.seat_pools;
  v_product public.products;
  v_purchase uuid;
  v_claim uuid;
begin
  select p.* into v_pool from public.seat_pools p where p.id = p_pool;
  if v_pool.id is null then
    raise exception 'no such seat pool' using errcode = 'P0002', hint = 'pool_not_found';
  end if;
  perform private.require_feature('running_clubs', v_pool.org_id);
  if not private.is_active_member(v_pool.org_id, p_user, 'member') then
    raise exception 'a seat is for a member of the club' using errcode = '42501', hint = 'not_a_member';
  end if;
  if exists (select from public.seat_claims c where c.pool_id = p_pool and c.user_id = p_user and c.revoked_at is null) then
    raise exception 'this member already has a seat of this pool' using errcode = '23505', hint = 'seat_taken';
  end if;
  update public.seat_pools p set claimed = p.claimed + 1, updated_at = now()
   where p.id = p_pool and p.status = 'active' and p.claimed < p.seats;
  if not found then
    raise exception 'no seats are left in this pool' using errcode = 'P0001', hint = 'pool_full';
  end if;
  select pr.* into v_product from public.products pr where pr.id = v_pool.product_id;
  -- the claimant joins the seller's club as a member, as a buyer does
  insert into public.memberships (org_id, user_id, role)
  values (v_pool.seller_org_id, p_user, 'member')
  on conflict (org_id, user_id) do update set left_at = null
    where public.memberships.left_at is not null;
  insert into public.purchases (org_id, user_id, product_id, kind, product_name, amount_minor, currency,
    status, paid_at)
  values (v_pool.seller_org_id, p_user, v_product.id, v_product.kind, v_product.name, 0, v_product.currency,
    'paid', now())
  returning id into v_purchase;
  insert into public.seat_claims (org_id, pool_id, user_id, seller_org_id, purchase_id, assigned_by)
  values (v_pool.org_id, p_pool, p_user, v_pool.seller_org_id, v_purchase, p_assigned_by)
  returning id into v_claim;
  return v_claim;
end
$$;

-- a member of the club claims a seat for themselves
create function public.claim_seat(p_pool uuid)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
begin
  return private.take_seat(p_pool, (select auth.uid()), null);
end
$$;
comment on function public.claim_seat(uuid) is 'the caller takes a seat of a pool of their club (pool_full when none is left)';

-- the club's admins give a seat to a member
create function public.assign_seat(p_pool uuid, p_user uuid)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid := (select p.org_id from public.seat_pools p where p.id = p_pool);
begin
  if v_org is null or not private.is_active_member(v_org, (select auth.uid()), 'admin') then
    raise exception 'only the club''s admins assign its seats' using errcode = '42501';
  end if;
  return private.take_seat(p_pool, p_user, (select auth.uid()));
end
$$;
comment on function public.assign_seat(uuid, uuid) is 'a club admin gives a member a seat of the club''s pool';

-- the club's admins free a seat: the seat goes back to the pool, the plan is refunded
-- (the member's copy archived); reassigning is revoking and assigning
create function public.revoke_seat(p_claim uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_claim public.seat_claims;
begin
  select c.* into v_claim from public.seat_claims c where c.id = p_claim for update;
  if v_claim.id is null or not private.is_active_member(v_claim.org_id, (select auth.uid()), 'admin') then
    raise exception 'only the club''s admins revoke its seats' using errcode = '42501';
  end if;
  perform private.require_feature('running_clubs', v_claim.org_id);
  if v_claim.revoked_at is not null then
    return;
  end if;
  update public.seat_claims c set revoked_at = now(), revoked_by = (select auth.uid()) where c.id = p_claim;
  update public.seat_pools p set claimed = p.claimed - 1, updated_at = now() where p.id = v_claim.pool_id;
  update public.purchases p set status = 'refunded', refunded_at = now()
   where p.id = v_claim.purchase_id and p.status = 'paid';
end
$$;
comment on function public.revoke_seat(uuid) is 'a club admin frees a seat; the member''s plan is refunded and archived';

-- either side closes a pool: no new seats are taken, those taken stay
create function public.close_seat_pool(p_pool uuid)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_pool public.seat_pools;
begin
  select p.* into v_pool from public.seat_pools p where p.id = p_pool;
  if v_pool.id is null or not (private.is_active_member(v_pool.org_id, (select auth.uid()), 'admin')
      or private.is_active_member(v_pool.seller_org_id, (select auth.uid()), 'admin')) then
    raise exception 'only the club''s or the seller''s admins close a pool' using errcode = '42501';
  end if;
  update public.seat_pools p set status = 'closed', updated_at = now() where p.id = p_pool;
end
$$;

/**
  * -------------------------------------------------------
  * section - policies and grants
  * -------------------------------------------------------
  * read only; every write goes through the functions above. nothing of a club whose
  * running_clubs feature is off.
  */
alter table public.seat_pools enable row level security;
alter table public.seat_claims enable row level security;

create policy "Club members and the seller's admins can view seat pools"
  on public.seat_pools for select to authenticated
  using (
    (org_id in (select private.org_ids_with_role('member'))
      or seller_org_id in (select private.org_ids_with_role('admin')))
    and private.flag_enabled('running_clubs', org_id)
  );

create policy "Club admins and the member can view seat claims"
  on public.seat_claims for select to authenticated
  using (
    (user_id = (select auth.uid()) or org_id in (select private.org_ids_with_role('admin')))
    and private.flag_enabled('running_clubs', org_id)
  );

revoke all on public.seat_pools, public.seat_claims from public, anon, authenticated;
grant all on public.seat_pools, public.seat_claims to service_role;
grant select on public.seat_pools, public.seat_claims to authenticated;

revoke all on function private.take_seat(uuid, uuid, uuid) from public, anon, authenticated;
revoke all on function public.create_seat_pool(uuid, uuid, int, int, text), public.claim_seat(uuid),
  public.assign_seat(uuid, uuid), public.revoke_seat(uuid), public.close_seat_pool(uuid) from public, anon;
grant execute on function public.create_seat_pool(uuid, uuid, int, int, text), public.claim_seat(uuid),
  public.assign_seat(uuid, uuid), public.revoke_seat(uuid), public.close_seat_pool(uuid)
  to authenticated, service_role;
