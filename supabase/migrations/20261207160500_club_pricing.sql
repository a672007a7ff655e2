-- club pricing (issue 18, running clubs): a club's partnership discount is its
-- members' price. the club names one of its own discount codes as its partner
-- discount (partnership_profiles.discount_code_id, 20261207160000_races.sql); a
-- member of the club buying one of the club's products pays that price without
-- typing the code, and a code they type counts only when it is the better one.
-- the same code handed out (a flyer, a race) stays an ordinary discount code for
-- anyone else: codes are discounts, never attribution (partners.md §5.1).
--
-- the running_clubs feature of the club: off, members pay the list price (or a
-- code they type), as before.

/**
  * -------------------------------------------------------
  * section - the member price
  * -------------------------------------------------------
  */
-- the partner discount p_user gets as a member of p_org, when there is one in force
create function private.member_discount(p_org uuid, p_user uuid)
returns public.discount_codes
language sql stable security definer set search_path = ''
as $$
  select d.*
    from public.partnership_profiles pp
    join public.discount_codes d on d.id = pp.discount_code_id and d.org_id = pp.org_id
   where pp.org_id = p_org and pp.active and d.active
     and (d.valid_until is null or d.valid_until > now())
     and (d.max_redemptions is null or d.redemptions < d.max_redemptions)
     and private.is_active_member(p_org, p_user, 'member')
     and private.flag_enabled('running_clubs', p_org)
$$;
comment on function private.member_discount(uuid, uuid) is
  'the club''s partner discount code when p_user is its member and running_clubs is on; else null';

-- the caller's member prices: for each of their clubs with one, the percentage
create function public.my_member_prices()
returns table (org_id uuid, percent_off int)
language sql stable security definer set search_path = ''
as $$
  select m.org_id, d.percent_off
    from (select distinct r.org_id from private.org_ids_with_role('member') r (org_id)) m
    cross join lateral private.member_discount(m.org_id, (select auth.uid())) d
   where d.id is not null
$$;
comment on function public.my_member_prices() is 'the percentage off each of the caller''s clubs gives its members';

/**
  * -------------------------------------------------------
  * section - the signed-in checkout applies it
  * -------------------------------------------------------
  * as 20261206154000_shop.sql, with the member price: the better of the member
  * discount and a code typed (a code that is not valid is still refused).
  */
create or replace function public.checkout_prepare(p_user uuid, p_product uuid, p_discount_code text default null)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_product public.products;
  v_code public.discount_codes;
  v_member public.discount_codes;
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
  end if;
  v_member := private.member_discount(v_product.org_id, p_user);
  if v_member.id is not null and (v_code.id is null or v_member.percent_off > v_code.percent_off) then
    v_code := v_member;
  end if;
  if v_code.id is not null then
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
    'memberPrice', coalesce(v_code.id = v_member.id, false),
    'billingInterval', v_product.billing_interval, 'credits', v_credits,
    'validDays', v_product.valid_days);
end
$$;

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  */
revoke all on function private.member_discount(uuid, uuid) from public, anon, authenticated;
grant execute on function private.member_discount(uuid, uuid) to service_role;
revoke all on function public.my_member_prices() from public, anon;
grant execute on function public.my_member_prices() to authenticated, service_role;
revoke all on function public.checkout_prepare(uuid, uuid, text) from public, anon, authenticated;
grant execute on function public.checkout_prepare(uuid, uuid, text) to service_role;
