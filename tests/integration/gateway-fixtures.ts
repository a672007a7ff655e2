// Throwaway tables and functions, created as the owner in each test database, so
// the gateway's tests do not depend on the product schema. Every error mapping
// has a cause here: a check, a unique key, a foreign key, RLS, a RAISE.
export const gatewayFixtureSql = `
create table public.gw_items (
  id int primary key,
  name text not null,
  qty int check (qty >= 0),
  tags text[],
  data jsonb,
  note text
);

create table public.gw_categories (
  code text primary key,
  label text not null unique
);

create table public.gw_products (
  id int primary key,
  sku text not null unique,
  category text references public.gw_categories (code),
  price numeric check (price > 0)
);

create table public.gw_defaults (
  id serial primary key,
  label text default 'unnamed',
  n int
);

create table public.gw_private (
  id int primary key,
  owner uuid not null default auth.uid(),
  note text
);
alter table public.gw_private enable row level security;
create policy gw_private_read on public.gw_private for select to authenticated using (owner = auth.uid());
create policy gw_private_write on public.gw_private for insert to authenticated with check (owner = auth.uid());
revoke all on public.gw_private from anon;

create function public.gw_add(a int, b int default 1) returns int
  language sql immutable as $$ select a + b $$;

create function public.gw_fail(msg text) returns void language plpgsql as $$
begin
  raise exception '%', msg using detail = 'it failed on purpose', hint = 'try again';
end $$;

create function public.gw_whoami() returns json language sql stable as $$
  select json_build_object(
    'uid', auth.uid(),
    'role', current_user,
    'claims_role', auth.jwt() ->> 'role',
    'method', current_setting('request.method', true),
    'path', current_setting('request.path', true),
    'client', current_setting('request.headers', true)::json ->> 'x-test-client')
$$;

create function public.gw_items_over(min_qty int) returns setof public.gw_items
  language sql stable as $$ select * from public.gw_items where qty > min_qty order by id $$;

create function public.gw_series(n int) returns setof int
  language sql immutable as $$ select generate_series(1, n) $$;

create function public.gw_pair(x text) returns table (k text, v int)
  language sql immutable as $$ values (x, 1), (x || x, 2) $$;

create function public.gw_noop() returns void language sql as $$ select $$;

create function public.gw_echo_tags(tags text[]) returns int
  language sql immutable as $$ select cardinality(tags) $$;

create function public.gw_touch() returns int language sql volatile as $$
  insert into public.gw_items (id, name, qty) values (999, 'touched', 1) returning id
$$;

create function public.gw_item(p_id int) returns public.gw_items
  language sql stable as $$ select * from public.gw_items where id = p_id $$;

create function public.gw_json_keys(jsonb) returns int
  language sql immutable as $$ select count(*)::int from jsonb_object_keys($1) $$;

create function public.gw_secret() returns int language sql as $$ select 42 $$;
revoke execute on function public.gw_secret() from public, anon;
`;
