-- stand-ins for supabase vault and pg_net: CI's PostgreSQL 15 only, never a
-- migration or the bootstrap. every supabase project has both (pg_net once
-- enabled); private.dispatch_emails (20261204125000_money_ui.sql) reads
-- vault.decrypted_secrets and calls net.http_post. `supabase db lint`
-- (plpgsql_check) resolves every relation and function a function names, even in
-- its constant dynamic sql, so on a plain server it reports them missing. these
-- give them their supabase shape. they are schemas, not the extensions:
-- dispatch_emails asks for the pg_net extension, so it still does nothing here.

-- vault ---------------------------------------------------------------------
-- like vault's schema, not usable by the api roles
create schema if not exists vault;
revoke all on schema vault from public;

-- the columns of vault.secrets (vault encrypts `secret`; here it is the text)
create table if not exists vault.secrets (
  id uuid primary key default gen_random_uuid(),
  name text unique,
  description text not null default '',
  secret text not null,
  key_id uuid,
  nonce bytea,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- the view dispatch_emails reads: every secret with its decrypted value
create or replace view vault.decrypted_secrets as
  select s.id, s.name, s.description, s.secret, s.secret as decrypted_secret,
         s.key_id, s.nonce, s.created_at, s.updated_at
    from vault.secrets s;

-- pg_net ----------------------------------------------------------------------
create schema if not exists net;
revoke all on schema net from public;

-- pg_net's queue: http_post only records a request; its background worker sends
-- it after the commit. there is no worker here, so requests stay queued.
create table if not exists net.http_request_queue (
  id bigserial primary key,
  method text not null,
  url text not null,
  headers jsonb not null,
  body bytea,
  timeout_milliseconds int not null
);

-- pg_net's signature and defaults; queues the request and returns its id
create or replace function net.http_post(
  url text,
  body jsonb default '{}'::jsonb,
  params jsonb default '{}'::jsonb,
  headers jsonb default '{"Content-Type": "application/json"}'::jsonb,
  timeout_milliseconds int default 5000
)
returns bigint
language plpgsql volatile set search_path = ''
as $$
declare
  v_id bigint;
begin
  -- url parameters would need pg_net's encoding; nothing of ours passes any
  if params is not null and params <> '{}'::jsonb then
    raise exception 'the pg_net stand-in takes no url params';
  end if;
  insert into net.http_request_queue (method, url, headers, body, timeout_milliseconds)
  values ('POST', url, headers, pg_catalog.convert_to(body::text, 'UTF8'), timeout_milliseconds)
  returning id into v_id;
  return v_id;
end
$$;
