-- a club buys a seat pool through checkout (issue 18, running clubs; reference/
-- partners.md §5.1 and §7.5.18). until now only the seller's admins made a pool
-- (create_seat_pool, a bulk sale agreed offline); here the club's admins buy one
-- themselves, at a volume price per seat like TrainingPeaks' coach-paid seats:
--
--   seats      < 10   10–19  20–49  50–99  100–199  200+
--   off list     0 %    5 %   10 %   15 %    20 %    30 %
--
-- the price per seat is rounded down in minor units (290 000 at 10 % → 261 000);
-- the total is the price per seat times the seats. the same tiers live in
-- src/domain/seat-volume-price.ts (tests/db/seat-volume-price-agreement.test.ts).
--
--   seat_pool_quote               any signed-in user: the price of n seats of a plan
--   seat_pool_checkout_prepare    the checkout function (service role): a pending
--                                 purchase of the plan product in the seller's
--                                 club, by the paying admin, for the total, and
--                                 the order that ties it to the club and the seats
--   private.seat_pool_orders      that order; written only here
--
-- when the purchase becomes paid (whatever makes it so, as many times as the
-- webhook repeats) the pool is made for the club, once; a refund closes it. the
-- paying admin bought seats, not the plan: the trigger that gives a plan's buyer
-- their copy (private.plan_purchase_copies) skips a pool's purchase.

/**
  * -------------------------------------------------------
  * section - the volume price
  * -------------------------------------------------------
  */
create function private.seat_volume_percent(p_seats int)
returns int
language sql immutable strict parallel safe security invoker set search_path = ''
as $$
  select case
    when p_seats >= 200 then 30
    when p_seats >= 100 then 20
    when p_seats >= 50 then 15
    when p_seats >= 20 then 10
    when p_seats >= 10 then 5
    else 0
  end
$$;
comment on function private.seat_volume_percent(int) is
  'the volume discount for n seats, in percent (src/domain/seat-volume-price.ts)';

create function private.seat_volume_price(p_list_minor int, p_seats int)
returns int
language sql immutable strict parallel safe security invoker set search_path = ''
as $$
  select floor(p_list_minor::numeric * (100 - private.seat_volume_percent(p_seats)) / 100)::int
$$;
comment on function private.seat_volume_price(int, int) is
  'the price of one seat when n are bought: the list price less the volume discount, rounded down';

-- the price of p_seats seats of an active plan product, for any signed-in user
create function public.seat_pool_quote(p_product uuid, p_seats int)
returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_product public.products;
  v_each int;
begin
  if (select auth.uid()) is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  if p_seats is null or p_seats not between 1 and 10000 then
    raise exception 'a pool has 1 to 10 000 seats' using errcode = '22023', hint = 'invalid_seats';
  end if;
  select pr.* into v_product from public.products pr where pr.id = p_product and pr.active;
  if v_product.id is null then
    raise exception 'no such product on sale' using errcode = 'P0002', hint = 'product_not_found';
  end if;
  if v_product.training_plan_id is null then
    raise exception 'seats are sold of a product that gives a training plan' using errcode = '22023',
      hint = 'not_a_plan';
  end if;
  v_each := private.seat_volume_price(v_product.price_minor, p_seats);
  return jsonb_build_object(
    'productId', v_product.id, 'sellerOrgId', v_product.org_id, 'name', v_product.name,
    'seats', p_seats, 'listPriceMinor', v_product.price_minor,
    'percentOff', private.seat_volume_percent(p_seats), 'perSeatMinor', v_each,
    'totalMinor', v_each::bigint * p_seats, 'currency', v_product.currency);
end
$$;
comment on function public.seat_pool_quote(uuid, int) is
  'the volume price of n seats of a plan product: per seat, total, the percent off';

-- what a club's admins may buy seats of: the active plan products other clubs show
-- on a published coach page (listed), and those the club already holds a pool of;
-- with the seller's name (shown on the coach page, or on the club's own pool)
create function public.seat_pool_offers(p_club uuid)
returns table (product_id uuid, seller_org_id uuid, seller_name text, name text, description text,
  price_minor int, currency text, weeks int, held boolean)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not private.is_active_member(p_club, (select auth.uid()), 'admin') then
    raise exception 'only the club''s admins buy seats for it' using errcode = '42501';
  end if;
  perform private.require_feature('running_clubs', p_club);
  return query
    select pr.id, pr.org_id, o.name, pr.name, pr.description, pr.price_minor, pr.currency, tp.weeks,
           exists (select from public.seat_pools sp where sp.org_id = p_club and sp.product_id = pr.id)
      from public.products pr
      join public.organizations o on o.id = pr.org_id and o.deleted_at is null
      join public.training_plans tp on tp.id = pr.training_plan_id and tp.deleted_at is null
     where pr.active and pr.org_id <> p_club
       and ((pr.listed and exists (
              select from public.coach_pages cp
               where cp.org_id = pr.org_id and cp.published
                 and (pr.coach_id is null or pr.coach_id = cp.coach_id)))
         or exists (select from public.seat_pools sp where sp.org_id = p_club and sp.product_id = pr.id))
     order by o.name, pr.name, pr.id;
end
$$;
comment on function public.seat_pool_offers(uuid) is
  'for a club''s admins: the plan products of other clubs on coach pages or already pooled, to buy seats of';

/**
  * -------------------------------------------------------
  * section - the order
  * -------------------------------------------------------
  * one row per pool purchase: the club it is for, the seats, the price per seat,
  * and the pool once the purchase is paid. nobody reads it through the api.
  */
create table private.seat_pool_orders (
  purchase_id uuid primary key references public.purchases (id) on delete cascade,
  club_org_id uuid not null references public.organizations (id) on delete cascade,
  seller_org_id uuid not null references public.organizations (id) on delete restrict,
  product_id uuid not null,
  seats int not null,
  price_per_seat_minor int not null,
  percent_off int not null,
  pool_id uuid references public.seat_pools (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint seat_pool_orders_seats_check check (seats between 1 and 10000),
  constraint seat_pool_orders_price_check check (price_per_seat_minor >= 0),
  constraint seat_pool_orders_percent_check check (percent_off between 0 and 100),
  constraint seat_pool_orders_other_club_check check (club_org_id <> seller_org_id),
  constraint seat_pool_orders_product_fkey foreign key (product_id, seller_org_id)
    references public.products (id, org_id) on delete restrict
);
comment on table private.seat_pool_orders is
  'a club''s seat pool bought through checkout: the purchase, the club, the seats; the pool once paid';
create index seat_pool_orders_club_idx on private.seat_pool_orders (club_org_id);
create index seat_pool_orders_seller_idx on private.seat_pool_orders (seller_org_id);
create index seat_pool_orders_product_idx on private.seat_pool_orders (product_id, seller_org_id);
create unique index seat_pool_orders_pool_key on private.seat_pool_orders (pool_id);
alter table private.seat_pool_orders enable row level security;

-- whether a purchase is a seat pool's (the plan-copy trigger's condition)
create function private.is_seat_pool_order(p_purchase uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select from private.seat_pool_orders o where o.purchase_id = p_purchase)
$$;

/**
  * -------------------------------------------------------
  * section - the checkout
  * -------------------------------------------------------
  * for the checkout function (service role), with the caller's id from their jwt;
  * the same answer as checkout_prepare, with the seats and the price of one.
  */
create function public.seat_pool_checkout_prepare(p_user uuid, p_club uuid, p_product uuid, p_seats int)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_product public.products;
  v_percent int;
  v_each int;
  v_total bigint;
  v_purchase uuid;
begin
  if p_user is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  if not exists (select from public.organizations o where o.id = p_club and o.deleted_at is null) then
    raise exception 'no such club' using errcode = 'P0002', hint = 'club_not_found';
  end if;
  if not private.is_active_member(p_club, p_user, 'admin') then
    raise exception 'only the club''s admins buy seats for it' using errcode = '42501';
  end if;
  perform private.require_feature('running_clubs', p_club);
  if p_seats is null or p_seats not between 1 and 10000 then
    raise exception 'a pool has 1 to 10 000 seats' using errcode = '22023', hint = 'invalid_seats';
  end if;
  select pr.* into v_product from public.products pr where pr.id = p_product and pr.active;
  if v_product.id is null then
    raise exception 'this product is not on sale' using errcode = 'P0002', hint = 'product_not_found';
  end if;
  if v_product.training_plan_id is null then
    raise exception 'seats are sold of a product that gives a training plan' using errcode = '22023',
      hint = 'not_a_plan';
  end if;
  if v_product.org_id = p_club then
    raise exception 'a club does not buy seats of its own plans' using errcode = '22023', hint = 'own_product';
  end if;
  v_percent := private.seat_volume_percent(p_seats);
  v_each := private.seat_volume_price(v_product.price_minor, p_seats);
  v_total := v_each::bigint * p_seats;
  if v_total > 2147483647 then
    raise exception 'the total is too large for one checkout' using errcode = '22023', hint = 'invalid_seats';
  end if;
  -- the admin's purchase in the seller's club, for the total; no credits, no code
  insert into public.purchases (org_id, user_id, product_id, kind, product_name, amount_minor, currency,
    percent_off)
  values (v_product.org_id, p_user, v_product.id, v_product.kind, v_product.name || ' × ' || p_seats,
    v_total::int, v_product.currency, nullif(v_percent, 0))
  returning id into v_purchase;
  insert into private.seat_pool_orders (purchase_id, club_org_id, seller_org_id, product_id, seats,
    price_per_seat_minor, percent_off)
  values (v_purchase, p_club, v_product.org_id, v_product.id, p_seats, v_each, v_percent);
  return jsonb_build_object(
    'purchaseId', v_purchase, 'orgId', v_product.org_id, 'productId', v_product.id,
    'kind', v_product.kind, 'name', v_product.name, 'description', v_product.description,
    'amountMinor', v_total, 'listPriceMinor', v_product.price_minor,
    'currency', v_product.currency, 'percentOff', nullif(v_percent, 0),
    'memberPrice', false, 'billingInterval', null, 'credits', null, 'validDays', null,
    'clubId', p_club, 'seats', p_seats, 'perSeatMinor', v_each);
end
$$;
comment on function public.seat_pool_checkout_prepare(uuid, uuid, uuid, int) is
  'the checkout function: a club admin''s pending purchase of n seats of a plan at the volume price';

/**
  * -------------------------------------------------------
  * section - paid makes the pool, refunded closes it
  * -------------------------------------------------------
  */
create function private.seat_pool_order_outcome()
returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_order private.seat_pool_orders;
  v_pool uuid;
begin
  select o.* into v_order from private.seat_pool_orders o where o.purchase_id = new.id for update;
  if v_order.purchase_id is null then
    return null;
  end if;
  if new.status = 'paid' and v_order.pool_id is null then
    -- the club paid: the pool is made whatever the flag says now (off, it is hidden)
    insert into public.seat_pools (org_id, seller_org_id, product_id, seats, price_per_seat_minor, currency,
      created_by)
    values (v_order.club_org_id, v_order.seller_org_id, v_order.product_id, v_order.seats,
      v_order.price_per_seat_minor, new.currency, new.user_id)
    returning id into v_pool;
    update private.seat_pool_orders o set pool_id = v_pool where o.purchase_id = new.id;
  elsif new.status = 'refunded' and v_order.pool_id is not null then
    -- seats already taken stay; no new one is taken
    update public.seat_pools p set status = 'closed', updated_at = now()
     where p.id = v_order.pool_id and p.status <> 'closed';
  end if;
  return null;
end
$$;
create trigger seat_pool_order_outcome after insert or update of status on public.purchases
  for each row when (new.status in ('paid', 'refunded'))
  execute function private.seat_pool_order_outcome();

-- the paying admin gets no copy of the plan: the trigger that makes a buyer's copy
-- (20261207111000_plan_sales.sql, its function re-created by 20261207160000_races.sql)
-- now skips a pool's purchase
drop trigger plan_purchase_copies on public.purchases;
create trigger plan_purchase_copies after insert or update of status on public.purchases
  for each row when (new.status in ('paid', 'refunded') and not private.is_seat_pool_order(new.id))
  execute function private.plan_purchase_copies();

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  */
revoke all on private.seat_pool_orders from public, anon, authenticated;
grant all on private.seat_pool_orders to service_role;
revoke all on function private.seat_volume_percent(int), private.seat_volume_price(int, int)
  from public, anon;
grant execute on function private.seat_volume_percent(int), private.seat_volume_price(int, int)
  to authenticated, service_role;
revoke all on function private.is_seat_pool_order(uuid) from public, anon;
-- a trigger's condition runs as whoever writes the purchase
grant execute on function private.is_seat_pool_order(uuid) to authenticated, service_role;
revoke all on function private.seat_pool_order_outcome() from public, anon, authenticated;
revoke all on function public.seat_pool_offers(uuid) from public, anon;
grant execute on function public.seat_pool_offers(uuid) to authenticated, service_role;
revoke all on function public.seat_pool_quote(uuid, int) from public, anon;
grant execute on function public.seat_pool_quote(uuid, int) to authenticated, service_role;
revoke all on function public.seat_pool_checkout_prepare(uuid, uuid, uuid, int) from public, anon, authenticated;
grant execute on function public.seat_pool_checkout_prepare(uuid, uuid, uuid, int) to service_role;
