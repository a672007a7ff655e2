-- purchase expiry: an abandoned checkout no longer waits for payment forever.
--
--   * a new status, expired: stripe's checkout.session.expired (the session's
--     24 h ran out, or we expired it) now ends a pending purchase as expired, not
--     canceled; canceled is what the buyer chose.
--   * public.purchase_checkout (service role, the checkout function): the buyer's
--     own pending purchase and its checkout session, to resume or cancel it.
--   * public.purchase_close (service role): ends the buyer's pending purchase as
--     canceled or expired; the checkout function calls it only after stripe has
--     expired the session, so a late payment cannot land on it.
--   * private.expire_stale_purchases, every 15 minutes: a pending purchase older
--     than stripe's session lifetime (24 h) is expired even when no webhook came.
--   * a payment that stripe did take for an expired purchase is still recorded
--     (money moved; the record must say so), as it already was for a canceled one.

/**
  * -------------------------------------------------------
  * section - status
  * -------------------------------------------------------
  */
alter table public.purchases drop constraint purchases_status_check;
alter table public.purchases add constraint purchases_status_check
  check (status in ('pending', 'paid', 'failed', 'refunded', 'canceled', 'expired'));

/**
  * -------------------------------------------------------
  * section - stripe events (checkout.session.expired → expired)
  * -------------------------------------------------------
  */
create or replace function public.stripe_apply_event(p_event jsonb)
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
    elsif v_purchase.status in ('pending', 'failed', 'canceled', 'expired') then
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
         set status = case when v_type = 'checkout.session.expired' then 'expired' else 'failed' end,
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


/**
  * -------------------------------------------------------
  * section - resume and cancel (the checkout function, for the signed-in buyer)
  * -------------------------------------------------------
  */

-- the buyer's own purchase and its checkout session; anyone else's is not found
create function public.purchase_checkout(p_user uuid, p_purchase uuid)
returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_purchase public.purchases;
begin
  select * into v_purchase from public.purchases p
   where p.id = p_purchase and p.user_id = p_user and p.deleted_at is null;
  if p_user is null or not found then
    raise exception 'no such purchase' using errcode = 'P0002', hint = 'purchase_not_found';
  end if;
  return jsonb_build_object('purchaseId', v_purchase.id, 'status', v_purchase.status,
    'sessionId', v_purchase.stripe_checkout_session_id);
end
$$;

-- ends the buyer's pending purchase (canceling also overrides an expiry, which
-- stripe reports for the session the cancel expired); a purchase that is paid,
-- failed or refunded keeps its status (the answer says which)
create function public.purchase_close(p_user uuid, p_purchase uuid, p_status text)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_status text;
begin
  if p_status is null or p_status not in ('canceled', 'expired') then
    raise exception 'a purchase closes as canceled or expired' using errcode = '22023',
      hint = 'invalid_status';
  end if;
  update public.purchases p
     set status = p_status, failed_at = now(),
         failure_reason = case when p_status = 'canceled' then 'canceled by the buyer'
                               else 'checkout session expired' end
   where p.id = p_purchase and p.user_id = p_user and p.deleted_at is null
     and (p.status = 'pending'
          -- the checkout.session.expired of our own expire call may come first
          or (p.status = 'expired' and p_status = 'canceled'))
  returning p.status into v_status;
  if not found then
    select p.status into v_status from public.purchases p
     where p.id = p_purchase and p.user_id = p_user and p.deleted_at is null;
    if not found then
      raise exception 'no such purchase' using errcode = 'P0002', hint = 'purchase_not_found';
    end if;
  end if;
  return jsonb_build_object('purchaseId', p_purchase, 'status', v_status);
end
$$;

/**
  * -------------------------------------------------------
  * section - the sweep
  * -------------------------------------------------------
  */

-- stripe expires a checkout session 24 h after it was created unless told
-- otherwise, and cannot be paid after that: a purchase still pending by then
-- missed its checkout.session.expired event. returns how many were expired.
create function private.expire_stale_purchases()
returns integer
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_count integer;
begin
  update public.purchases p
     set status = 'expired', failed_at = now(), failure_reason = 'checkout session expired'
   where p.status = 'pending' and p.created_at < now() - interval '24 hours';
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

insert into private.scheduled_jobs (name, schedule, command, description) values
  ('expire-stale-purchases', '*/15 * * * *', 'select private.expire_stale_purchases()',
   'every 15 minutes: pending purchases older than a checkout session (24 h) expire');
select private.schedule_jobs();

-- an index for the sweep: only pending purchases, which are few
create index purchases_pending_created_idx on public.purchases (created_at)
  where status = 'pending';

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  */
revoke all on function public.stripe_apply_event(jsonb) from public, anon, authenticated;
revoke all on function public.purchase_checkout(uuid, uuid) from public, anon, authenticated;
revoke all on function public.purchase_close(uuid, uuid, text) from public, anon, authenticated;
revoke all on function private.expire_stale_purchases() from public, anon, authenticated;
grant execute on function public.stripe_apply_event(jsonb) to service_role;
grant execute on function public.purchase_checkout(uuid, uuid) to service_role;
grant execute on function public.purchase_close(uuid, uuid, text) to service_role;
grant execute on function private.expire_stale_purchases() to service_role;
