-- shop: the products dashboard and the public checkout (issue 14, "buy").
--
--   * who edits a product: the club's admins and owners every product of the club
--     (the club's own, coach_id null, and every coach's); a coach only their own
--     (coach_id = the coach). products_insert_staff / products_update_staff are
--     replaced accordingly, so a coach can no longer reprice the club's packages.
--   * a package is a bundle of session credits (credits, valid_days) and/or of
--     products (public.package_items, same club, quantity). a package always has a
--     validity; its credits are optional (a bundle of products only has none).
--     what a purchase grants is snapshotted at checkout: the package's own credits
--     plus those of the packages it contains (private.package_credits).
--   * a guest buys without an account: purchases.user_id may be null while the
--     purchase is not paid (purchases_buyer). the guest's email, name and locale
--     and the checkout's url stay in private.purchase_guests (never synced: the
--     club's staff see the purchase, not the stranger's email). the signed
--     webhook's paid event attaches the purchase to an account (found by email or
--     created by the webhook through the auth admin api) and makes it a member of
--     the club before the credits are granted to it (guest_purchase_buyer, then
--     guest_purchase_attach, then stripe_apply_event as before).
--   * the public checkout function (service role) gates on per-ip and per-email
--     limits (public_checkout_gate, its own transaction so a failed checkout still
--     counts), then public_checkout_prepare: the price from the database, a listed
--     product only, and the same email + product + code within the session's life
--     gets the checkout already open instead of a new one.
--   * the checkout page reads what it shows through public.checkout_offer, which the
--     public-checkout function serves (GET, json): it names the club and the items a
--     package bundles even when those are not listed themselves, which anon's own
--     reads (rls) cannot, and anon may run no security definer function.

/**
  * -------------------------------------------------------
  * section - products: shape and who edits them
  * -------------------------------------------------------
  */
-- a package needs a validity; its credits may come from the products it bundles
alter table public.products drop constraint products_package_shape;
alter table public.products add constraint products_package_shape
  check ((kind = 'package') = (valid_days is not null) and (kind = 'package' or credits is null));
-- (products_id_org_key, unique (id, org_id), is the key a package item's
-- same-club reference points at: 20261206130000_same_club_references.sql)

create function private.products_touch()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;
create trigger products_touch before update on public.products
  for each row execute function private.products_touch();

-- may the caller edit a product of p_org owned by p_coach (null = the club's)
create function private.can_edit_product(p_org uuid, p_coach uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select p_org = any (array(select private.org_ids_with_role('admin')))
      or (p_coach = (select auth.uid())
          and p_org = any (array(select private.org_ids_with_role('coach'))))
$$;

drop policy products_insert_staff on public.products;
drop policy products_update_staff on public.products;
create policy products_insert_staff on public.products for insert to authenticated
  with check (private.can_edit_product(org_id, coach_id));
create policy products_update_staff on public.products for update to authenticated
  using (private.can_edit_product(org_id, coach_id))
  with check (private.can_edit_product(org_id, coach_id));

-- ids, the club and timestamps are not the client's to change
revoke insert, update on public.products from authenticated;
grant insert (id, org_id, coach_id, kind, name, description, price_minor, currency, credits,
  valid_days, billing_interval, active, listed) on public.products to authenticated;
grant update (coach_id, kind, name, description, price_minor, currency, credits, valid_days,
  billing_interval, active, listed) on public.products to authenticated;

/**
  * -------------------------------------------------------
  * section - package items
  * -------------------------------------------------------
  */
create table public.package_items (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  package_id uuid not null,
  product_id uuid not null,
  quantity integer not null default 1 constraint package_items_quantity_check
    check (quantity between 1 and 100),
  created_at timestamptz not null default now(),
  constraint package_items_package_product_key unique (package_id, product_id),
  constraint package_items_not_itself check (package_id <> product_id),
  -- both ends in the same club
  constraint package_items_package_fkey foreign key (package_id, org_id)
    references public.products (id, org_id) on delete cascade,
  constraint package_items_product_fkey foreign key (product_id, org_id)
    references public.products (id, org_id) on delete restrict
);
comment on table public.package_items is
  'what a package bundles: products of the same club, each with a quantity';
create index package_items_org_id_idx on public.package_items (org_id);
create index package_items_product_id_idx on public.package_items (product_id);

-- only a package bundles, and a bundle holds no plan and no other bundle of products
create function private.package_items_shape()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if not exists (select from public.products p where p.id = new.package_id and p.kind = 'package') then
    raise exception 'only a package bundles products' using errcode = '23514',
      constraint = 'package_items_package_kind';
  end if;
  if exists (select from public.products p where p.id = new.product_id and p.kind = 'plan')
     or exists (select from public.package_items i where i.package_id = new.product_id) then
    raise exception 'a package bundles products and packages of credits, not plans or bundles'
      using errcode = '23514', constraint = 'package_items_item_kind';
  end if;
  return new;
end
$$;
create trigger package_items_shape before insert or update on public.package_items
  for each row execute function private.package_items_shape();

alter table public.package_items enable row level security;
revoke all on public.package_items from public, anon, authenticated;
grant select on public.package_items to anon, authenticated;
grant insert (id, org_id, package_id, product_id, quantity) on public.package_items to authenticated;
grant update (quantity) on public.package_items to authenticated;
grant delete on public.package_items to authenticated;
grant all on public.package_items to service_role;

-- read with the package (products' own policies decide, for anon and members alike)
create policy package_items_select_anon on public.package_items for select to anon
  using (exists (select from public.products p where p.id = package_id));
create policy package_items_select on public.package_items for select to authenticated
  using (exists (select from public.products p where p.id = package_id));
-- written by whoever may edit the package
create policy package_items_insert on public.package_items for insert to authenticated
  with check (exists (select from public.products p
                       where p.id = package_id and private.can_edit_product(p.org_id, p.coach_id)));
create policy package_items_update on public.package_items for update to authenticated
  using (exists (select from public.products p
                  where p.id = package_id and private.can_edit_product(p.org_id, p.coach_id)))
  with check (exists (select from public.products p
                       where p.id = package_id and private.can_edit_product(p.org_id, p.coach_id)));
create policy package_items_delete on public.package_items for delete to authenticated
  using (exists (select from public.products p
                  where p.id = package_id and private.can_edit_product(p.org_id, p.coach_id)));

-- the credits a purchase of p_product grants: its own and those of what it bundles
create function private.package_credits(p_product uuid)
returns integer
language sql stable security definer set search_path = ''
as $$
  select nullif(coalesce(p.credits, 0)
           + coalesce((select sum(i.quantity * coalesce(c.credits, 0))::integer
                         from public.package_items i
                         join public.products c on c.id = i.product_id
                        where i.package_id = p.id), 0), 0)
    from public.products p where p.id = p_product
$$;

/**
  * -------------------------------------------------------
  * section - guest purchases
  * -------------------------------------------------------
  */
alter table public.purchases alter column user_id drop not null;
-- money that moved always belongs to an account
alter table public.purchases add constraint purchases_buyer
  check (user_id is not null or status in ('pending', 'failed', 'canceled', 'expired'));

create table private.purchase_guests (
  purchase_id uuid primary key references public.purchases (id) on delete cascade,
  email text not null constraint purchase_guests_email_check
    check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(email) <= 254),
  name text not null constraint purchase_guests_name_check
    check (char_length(btrim(name)) between 1 and 120),
  locale text not null default 'ru' check (locale in ('ru', 'en')),
  checkout_url text check (char_length(checkout_url) <= 2000),
  created_at timestamptz not null default now()
);
comment on table private.purchase_guests is
  'a guest buyer''s contact and open checkout; read only by the checkout and webhook functions';
create index purchase_guests_email_idx on private.purchase_guests (lower(email));
alter table private.purchase_guests enable row level security;
revoke all on private.purchase_guests from public, anon, authenticated;
grant all on private.purchase_guests to service_role;

/**
  * -------------------------------------------------------
  * section - the public checkout (service role: the public-checkout function)
  * -------------------------------------------------------
  */
-- per ip and per email, before anything is written: 0, or the seconds to wait
create function public.public_checkout_gate(p_ip text, p_email text)
returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_wait integer;
begin
  v_wait := private.hit_rate_limit('checkout:ip:' || left(coalesce(p_ip, 'unknown'), 100), 10,
    interval '10 minutes');
  if v_wait > 0 then
    return v_wait;
  end if;
  return private.hit_rate_limit('checkout:email:' || left(lower(btrim(coalesce(p_email, ''))), 254), 5,
    interval '1 hour');
end
$$;

-- step 1: a listed product at the database's price, a pending guest purchase, or
-- the open checkout of the same email, product and code
create function public.public_checkout_prepare(p_product uuid, p_email text, p_name text,
  p_discount_code text default null, p_locale text default 'ru')
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_product public.products;
  v_code public.discount_codes;
  v_amount integer;
  v_purchase uuid;
  v_email text := btrim(coalesce(p_email, ''));
  v_name text := btrim(coalesce(p_name, ''));
  v_existing record;
  v_credits integer;
begin
  if v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' or char_length(v_email) > 254 then
    raise exception 'enter a valid email' using errcode = '22023', hint = 'invalid_email';
  end if;
  if char_length(v_name) not between 1 and 120 then
    raise exception 'enter your name (up to 120 characters)' using errcode = '22023', hint = 'invalid_name';
  end if;
  select * into v_product from public.products p
   where p.id = p_product and p.active and p.listed and p.kind <> 'plan';
  if not found then
    raise exception 'this product is not on sale' using errcode = 'P0002', hint = 'product_not_found';
  end if;
  v_credits := private.package_credits(v_product.id);
  if v_product.kind = 'package' and v_credits is null
     and not exists (select from public.package_items i where i.package_id = v_product.id) then
    raise exception 'this package is empty' using errcode = 'P0002', hint = 'product_not_found';
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
    v_amount := v_product.price_minor - floor(v_product.price_minor * v_code.percent_off / 100.0)::integer;
  end if;

  -- a retry (a double click, a back button) gets the checkout already open; stripe
  -- keeps a session 24 h, so one a little younger is still payable
  select p.id, g.checkout_url into v_existing
    from public.purchases p
    join private.purchase_guests g on g.purchase_id = p.id
   where p.product_id = v_product.id and p.user_id is null and p.status = 'pending'
     and lower(g.email) = lower(v_email) and g.checkout_url is not null
     and p.discount_code_id is not distinct from v_code.id
     and p.amount_minor = v_amount and p.currency = v_product.currency
     and p.created_at > now() - interval '23 hours'
   order by p.created_at desc
   limit 1;
  if found then
    return jsonb_build_object('purchaseId', v_existing.id, 'checkoutUrl', v_existing.checkout_url,
      'amountMinor', v_amount, 'currency', v_product.currency);
  end if;

  insert into public.purchases (org_id, user_id, product_id, kind, product_name, credits, valid_days,
    amount_minor, currency, discount_code_id, percent_off)
  values (v_product.org_id, null, v_product.id, v_product.kind, v_product.name, v_credits,
    case when v_credits is not null then v_product.valid_days end, v_amount, v_product.currency,
    v_code.id, v_code.percent_off)
  returning id into v_purchase;
  insert into private.purchase_guests (purchase_id, email, name, locale)
  values (v_purchase, v_email, v_name, case when p_locale = 'en' then 'en' else 'ru' end);
  return jsonb_build_object(
    'purchaseId', v_purchase, 'checkoutUrl', null, 'orgId', v_product.org_id,
    'productId', v_product.id, 'kind', v_product.kind, 'name', v_product.name,
    'description', v_product.description, 'amountMinor', v_amount,
    'listPriceMinor', v_product.price_minor, 'currency', v_product.currency,
    'percentOff', v_code.percent_off, 'email', v_email);
end
$$;

-- step 2: the session stripe created (or null: none, the purchase is canceled)
create function public.public_checkout_attach(p_purchase uuid, p_session_id text, p_url text)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform public.checkout_attach(p_purchase, p_session_id);
  if p_session_id is not null then
    update private.purchase_guests set checkout_url = p_url where purchase_id = p_purchase;
  end if;
end
$$;

-- what the public checkout page shows of a listed product (service role: public-checkout)
create function public.checkout_offer(p_product uuid)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'id', p.id, 'kind', p.kind, 'name', p.name, 'description', p.description,
    'priceMinor', p.price_minor, 'currency', p.currency,
    'credits', private.package_credits(p.id), 'validDays', p.valid_days,
    'organization', o.name,
    'coachName', cp.display_name, 'coachSlug', cp.slug,
    'items', coalesce((select jsonb_agg(jsonb_build_object('name', c.name, 'quantity', i.quantity,
                                          'credits', c.credits) order by c.name)
                         from public.package_items i join public.products c on c.id = i.product_id
                        where i.package_id = p.id), '[]'::jsonb))
    from public.products p
    join public.organizations o on o.id = p.org_id
    left join public.coach_pages cp on cp.org_id = p.org_id and cp.coach_id = p.coach_id and cp.published
   where p.id = p_product and p.active and p.listed and p.kind <> 'plan'
$$;

/**
  * -------------------------------------------------------
  * section - the webhook: a paid guest purchase gets an account
  * -------------------------------------------------------
  */
-- for a paid checkout event (p_event as stripe_apply_event takes it): the guest
-- to attach, with the account their email already has ({} when there is nothing
-- to do: not a guest purchase, already attached, or not a payment that will apply)
create function public.guest_purchase_buyer(p_event jsonb)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_purchase public.purchases;
  v_guest private.purchase_guests;
  v_user uuid;
begin
  if p_event ->> 'type' not in ('checkout.session.completed', 'checkout.session.async_payment_succeeded')
     or coalesce(p_event ->> 'paymentStatus', 'paid') not in ('paid', 'no_payment_required')
     or coalesce(p_event ->> 'purchaseId', '') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return '{}'::jsonb;
  end if;
  select * into v_purchase from public.purchases p where p.id = (p_event ->> 'purchaseId')::uuid;
  if not found or v_purchase.user_id is not null
     or (p_event ->> 'amountTotal')::integer is distinct from v_purchase.amount_minor
     or upper(p_event ->> 'currency') is distinct from v_purchase.currency
     or (v_purchase.stripe_checkout_session_id is not null
         and v_purchase.stripe_checkout_session_id is distinct from p_event ->> 'sessionId') then
    return '{}'::jsonb;
  end if;
  select * into v_guest from private.purchase_guests g where g.purchase_id = v_purchase.id;
  if not found then
    return '{}'::jsonb;
  end if;
  select u.id into v_user from auth.users u
   where lower(u.email) = lower(v_guest.email) and u.deleted_at is null
   order by u.created_at limit 1;
  return jsonb_build_object('purchaseId', v_purchase.id, 'email', v_guest.email,
    'name', v_guest.name, 'locale', v_guest.locale, 'userId', v_user);
end
$$;

-- the purchase becomes p_user's and p_user a member of its club; idempotent (a
-- purchase already attached keeps its buyer, a membership keeps its role)
create function public.guest_purchase_attach(p_purchase uuid, p_user uuid)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_purchase public.purchases;
begin
  if p_user is null or not exists (select from auth.users u where u.id = p_user) then
    raise exception 'no such user' using errcode = '22023';
  end if;
  update public.purchases p set user_id = p_user
   where p.id = p_purchase and p.user_id is null
     and exists (select from private.purchase_guests g where g.purchase_id = p.id)
  returning * into v_purchase;
  if not found then
    select * into v_purchase from public.purchases p where p.id = p_purchase;
    if not found then
      raise exception 'no such purchase' using errcode = 'P0002', hint = 'purchase_not_found';
    end if;
    return jsonb_build_object('purchaseId', p_purchase, 'userId', v_purchase.user_id, 'attached', false);
  end if;
  -- an account made for this guest (never signed in) speaks the checkout's language,
  -- so the purchase email that follows does too
  update public.profiles pr set locale = g.locale
    from private.purchase_guests g, auth.users u
   where pr.id = p_user and g.purchase_id = p_purchase and u.id = p_user
     and u.last_sign_in_at is null and pr.locale is distinct from g.locale;
  insert into public.memberships (org_id, user_id, role)
  values (v_purchase.org_id, p_user, 'member')
  on conflict (org_id, user_id) do update set left_at = null
    where public.memberships.left_at is not null;
  return jsonb_build_object('purchaseId', p_purchase, 'userId', p_user, 'attached', true);
end
$$;

/**
  * -------------------------------------------------------
  * section - members' checkout: bundles grant their products' credits too
  * -------------------------------------------------------
  */
create or replace function public.checkout_prepare(p_user uuid, p_product uuid, p_discount_code text default null)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_product public.products;
  v_code public.discount_codes;
  v_amount integer;
  v_purchase uuid;
  v_credits integer;
begin
  if p_user is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  select * into v_product from public.products p where p.id = p_product and p.active;
  if not found then
    raise exception 'this product is not on sale' using errcode = 'P0002', hint = 'product_not_found';
  end if;
  v_credits := private.package_credits(v_product.id);
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
  values (v_product.org_id, p_user, v_product.id, v_product.kind, v_product.name, v_credits,
    case when v_credits is not null then v_product.valid_days end, v_amount, v_product.currency,
    v_code.id, v_code.percent_off)
  returning id into v_purchase;
  return jsonb_build_object(
    'purchaseId', v_purchase, 'orgId', v_product.org_id, 'productId', v_product.id,
    'kind', v_product.kind, 'name', v_product.name, 'description', v_product.description,
    'amountMinor', v_amount, 'listPriceMinor', v_product.price_minor,
    'currency', v_product.currency, 'percentOff', v_code.percent_off,
    'billingInterval', v_product.billing_interval, 'credits', v_credits,
    'validDays', v_product.valid_days);
end
$$;

/**
  * -------------------------------------------------------
  * section - grants on functions
  * -------------------------------------------------------
  */
revoke all on function private.products_touch() from public, anon, authenticated;
revoke all on function private.can_edit_product(uuid, uuid) from public, anon;
revoke all on function private.package_items_shape() from public, anon, authenticated;
revoke all on function private.package_credits(uuid) from public, anon, authenticated;
revoke all on function public.public_checkout_gate(text, text) from public, anon, authenticated;
revoke all on function public.public_checkout_prepare(uuid, text, text, text, text) from public, anon, authenticated;
revoke all on function public.public_checkout_attach(uuid, text, text) from public, anon, authenticated;
revoke all on function public.checkout_offer(uuid) from public, anon, authenticated;
revoke all on function public.guest_purchase_buyer(jsonb) from public, anon, authenticated;
revoke all on function public.guest_purchase_attach(uuid, uuid) from public, anon, authenticated;
revoke all on function public.checkout_prepare(uuid, uuid, text) from public, anon, authenticated;
grant execute on function private.can_edit_product(uuid, uuid) to authenticated, service_role;
grant execute on function private.package_credits(uuid) to service_role;
grant execute on function public.public_checkout_gate(text, text) to service_role;
grant execute on function public.public_checkout_prepare(uuid, text, text, text, text) to service_role;
grant execute on function public.public_checkout_attach(uuid, text, text) to service_role;
grant execute on function public.checkout_offer(uuid) to service_role;
grant execute on function public.guest_purchase_buyer(jsonb) to service_role;
grant execute on function public.guest_purchase_attach(uuid, uuid) to service_role;
grant execute on function public.checkout_prepare(uuid, uuid, text) to service_role;
