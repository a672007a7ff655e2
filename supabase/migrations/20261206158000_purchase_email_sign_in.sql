/**
  * -------------------------------------------------------
  * section - a buyer who cannot sign in yet
  * -------------------------------------------------------
  * a guest's purchase makes an account with no password (stripe-webhook's
  * guest-buyer.ts) before it is paid; its confirmation then says how to sign in:
  * `needsSignIn` in the payload has email-dispatch add a link to
  * <SITE_URL>/sign-in?email=<address>, where a code by email signs them in. an
  * account with a password is told nothing new. otherwise as 20261206153000.
  */
create or replace function private.purchase_emails()
returns trigger
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row jsonb;
  v_payload jsonb;
begin
  if new.status = 'paid' and old.status is distinct from 'paid' then
    v_payload := jsonb_build_object('purchaseId', new.id, 'productName', new.product_name,
      'kind', new.kind, 'amountMinor', new.amount_minor, 'currency', new.currency,
      'credits', new.credits, 'validDays', new.valid_days, 'percentOff', new.percent_off);
    if new.user_id is not null then
      if exists (select 1 from auth.users u
                  where u.id = new.user_id and coalesce(u.encrypted_password, '') = '') then
        v_payload := v_payload || jsonb_build_object('needsSignIn', true);
      end if;
      perform private.enqueue_email('purchase_confirmation', new.user_id, new.org_id,
        'purchase_confirmation:' || new.id, v_payload);
    else
      v_row := pg_catalog.to_jsonb(new);
      perform private.enqueue_address_email('purchase_confirmation',
        coalesce(v_row ->> 'guest_email', v_row ->> 'buyer_email', v_row ->> 'email'),
        coalesce(v_row ->> 'guest_locale', v_row ->> 'locale'), new.org_id,
        'purchase_confirmation:' || new.id, v_payload || jsonb_build_object('audience', 'guest'));
    end if;
  end if;
  return null;
end
$$;
