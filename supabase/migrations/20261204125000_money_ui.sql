-- money ui: the production schedule of email dispatch.
--
-- the email outbox (20261122300000_money.sql) is drained by the email-dispatch edge
-- function, which only the service role may call. in production pg_cron calls it
-- every minute through pg_net with the project's url and service role key kept in
-- supabase vault (readme, "deploying"); the job is a row of private.scheduled_jobs
-- like every other, so schedule_jobs() registers it with pg_cron. the local stack
-- (PGlite: no pg_net, no vault) reads the same row, the call finds no pg_net and
-- does nothing; the local stack drains the outbox itself
-- (supabase/local/local-functions.ts).

/**
  * -------------------------------------------------------
  * section - functions
  * -------------------------------------------------------
  */

-- posts to email-dispatch when something is due; returns pg_net's request id, or
-- null when nothing is due, pg_net or vault is missing, or a secret is not set
create function private.dispatch_emails()
returns bigint
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_url text;
  v_key text;
  v_request bigint;
begin
  -- nothing due: no call (the same condition email_claim_batch claims by)
  if not exists (
    select from private.email_outbox e
     where (e.status = 'pending' and e.send_after <= now())
        or (e.status = 'sending' and e.locked_until < now())
  ) then
    return null;
  end if;
  if not exists (select from pg_catalog.pg_extension where extname = 'pg_net')
     or to_regclass('vault.decrypted_secrets') is null then
    return null;
  end if;
  -- dynamic sql: neither schema exists where this migration also runs (PGlite, ci)
  execute 'select decrypted_secret from vault.decrypted_secrets where name = $1'
    into v_url using 'project_url';
  execute 'select decrypted_secret from vault.decrypted_secrets where name = $1'
    into v_key using 'service_role_key';
  if v_url is null or v_key is null then
    raise warning 'dispatch-emails: store project_url and service_role_key in supabase vault';
    return null;
  end if;
  execute 'select net.http_post(url := $1, body := $2, headers := $3, timeout_milliseconds := $4)'
    into v_request
    using rtrim(v_url, '/') || '/functions/v1/email-dispatch', '{}'::jsonb,
          jsonb_build_object('Authorization', 'Bearer ' || v_key, 'Content-Type', 'application/json'),
          30000;
  return v_request;
end
$$;
comment on function private.dispatch_emails() is
  'the dispatch-emails job: calls the email-dispatch edge function through pg_net when an email is due';
revoke all on function private.dispatch_emails() from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * section - jobs
  * -------------------------------------------------------
  */
insert into private.scheduled_jobs (name, schedule, command, description) values
  ('dispatch-emails', '* * * * *', 'select private.dispatch_emails()',
   'every minute: send the due emails (confirmations, reminders) through the email-dispatch function');
select private.schedule_jobs();
