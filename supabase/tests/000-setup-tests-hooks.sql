-- test helpers, committed once before the other files run (they roll back).
-- basejump's supabase-test-helpers, written out here so `supabase test db`, the
-- PGlite runner and CI's PostgreSQL 15 all get the same ones:
--   tests.create_supabase_user(identifier[, email, phone, metadata, id])
--   tests.get_supabase_uid(identifier)
--   tests.authenticate_as(identifier)        role authenticated + request.jwt.claims
--   tests.authenticate_as_service_role()
--   tests.clear_authentication()             role anon
--   tests.rls_enabled(schema[, table])       a pgTAP assertion
-- plus what the tenancy suites share:
--   tests.try_as(actor, sql)                 runs sql as an actor and undoes it;
--                                            returns the row count or the sqlstate
--   tests.create_tenancy_fixture()           two organizations, their people and athletes
-- idempotent: create or replace everywhere.
begin;

-- the runners install pgTAP already; `supabase test db` on a fresh project may not
create extension if not exists pgtap with schema extensions;

create schema if not exists tests;
grant usage on schema tests to anon, authenticated, service_role;

-- users ---------------------------------------------------------------------------
create or replace function tests.create_supabase_user(
  identifier text,
  email text default null,
  phone text default null,
  metadata jsonb default null,
  id uuid default null
)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_id uuid := coalesce(id, gen_random_uuid());
begin
  insert into auth.users (id, aud, role, email, phone, raw_user_meta_data, raw_app_meta_data, created_at, updated_at)
  values (
    v_id, 'authenticated', 'authenticated',
    coalesce(email, identifier || '@test.local'), phone,
    jsonb_build_object('test_identifier', identifier, 'display_name', identifier) || coalesce(metadata, '{}'::jsonb),
    '{"provider": "email", "providers": ["email"]}'::jsonb,
    now(), now()
  );
  return v_id;
end
$$;

create or replace function tests.get_supabase_uid(identifier text)
returns uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_id uuid;
begin
  select u.id into v_id from auth.users u where u.raw_user_meta_data ->> 'test_identifier' = identifier limit 1;
  if v_id is null then
    raise exception 'no test user "%": create it with tests.create_supabase_user', identifier;
  end if;
  return v_id;
end
$$;

-- the claims supabase's auth would put in the user's access token
create or replace function tests.user_claims(identifier text)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'sub', u.id, 'role', 'authenticated', 'aud', 'authenticated', 'email', u.email, 'phone', u.phone,
    'app_metadata', u.raw_app_meta_data, 'user_metadata', u.raw_user_meta_data,
    'exp', extract(epoch from now() + interval '1 hour')::bigint
  )
  from auth.users u where u.id = tests.get_supabase_uid(identifier)
$$;

-- security invoker: `role` cannot be set inside a security definer function
create or replace function tests.authenticate_as(identifier text)
returns void
language plpgsql security invoker set search_path = ''
as $$
declare
  v_claims jsonb := tests.user_claims(identifier);
begin
  perform set_config('role', 'authenticated', true);
  perform set_config('request.jwt.claims', v_claims::text, true);
end
$$;

create or replace function tests.authenticate_as_service_role()
returns void
language plpgsql security invoker set search_path = ''
as $$
begin
  perform set_config('role', 'service_role', true);
  perform set_config('request.jwt.claims', '{"role": "service_role"}', true);
end
$$;

create or replace function tests.clear_authentication()
returns void
language plpgsql security invoker set search_path = ''
as $$
begin
  perform set_config('role', 'anon', true);
  perform set_config('request.jwt.claims', '{"role": "anon"}', true);
end
$$;

-- pgTAP assertions ------------------------------------------------------------------
-- pgTAP lives wherever it was installed (`extensions` here and on supabase);
-- the assertion helpers put that schema on their own search_path while they run
create or replace function tests.pgtap_schema()
returns text
language sql stable security invoker set search_path = ''
as $$
  select n.nspname::text from pg_catalog.pg_extension e
    join pg_catalog.pg_namespace n on n.oid = e.extnamespace
   where e.extname = 'pgtap'
$$;

-- every table of a schema has row level security on (names the ones that do not)
create or replace function tests.rls_enabled(testing_schema text)
returns text
language plpgsql security invoker set search_path = ''
as $$
declare
  v_missing text[];
  v_result text;
begin
  select coalesce(array_agg(c.relname::text order by c.relname), '{}') into v_missing
    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
   where n.nspname = testing_schema and c.relkind in ('r', 'p') and not c.relrowsecurity;
  -- pgTAP calls itself unqualified: put it on the path for this function's duration
  perform set_config('search_path', quote_ident(tests.pgtap_schema()), true);
  execute 'select is($1, $2, $3)' into v_result
    using v_missing, '{}'::text[], format('every table in schema %s has row level security enabled', testing_schema);
  return v_result;
end
$$;

create or replace function tests.rls_enabled(testing_schema text, testing_table text)
returns text
language plpgsql security invoker set search_path = ''
as $$
declare
  v_result text;
begin
  perform set_config('search_path', quote_ident(tests.pgtap_schema()), true);
  execute 'select ok($1, $2)' into v_result
    using coalesce((
      select c.relrowsecurity from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       where n.nspname = testing_schema and c.relname = testing_table
    ), false),
    format('table %s.%s has row level security enabled', testing_schema, testing_table);
  return v_result;
end
$$;

-- running as someone -----------------------------------------------------------------
-- runs p_sql as p_actor ('anon' or a test user identifier) inside a
-- subtransaction that is always rolled back, so cases never affect each other.
-- returns the number of rows (a select's first column when it is a count, else
-- the rows affected) or the sqlstate it failed with: '1', '0', '42501', …
create or replace function tests.try_as(p_actor text, p_sql text)
returns text
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_rows bigint;
  v_result text;
begin
  begin
    if p_actor = 'anon' then
      perform tests.clear_authentication();
    else
      perform tests.authenticate_as(p_actor);
    end if;
    if p_sql ~* '^\s*select' then
      execute p_sql into v_rows;
    else
      execute p_sql;
      get diagnostics v_rows = row_count;
    end if;
    v_result := v_rows::text;
    raise exception using errcode = 'TSTRB', message = 'undo the case';
  exception
    when sqlstate 'TSTRB' then
      null;
    when others then
      v_result := sqlstate;
  end;
  -- the subtransaction's rollback also restored role and claims
  return v_result;
end
$$;

-- the hint p_sql fails with, as the current role ('' for a failure without one),
-- or 'none' when it succeeds; like try_as, whatever it did is rolled back. the
-- app words a refusal by its hint (src/data/describe-error.ts)
create or replace function tests.hint_of(p_sql text)
returns text
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_hint text;
begin
  begin
    execute p_sql;
    v_hint := 'none';
    raise exception using errcode = 'TSTRB', message = 'undo the case';
  exception
    when sqlstate 'TSTRB' then
      null;
    when others then
      get stacked diagnostics v_hint = pg_exception_hint;
      v_hint := coalesce(v_hint, '');
  end;
  return v_hint;
end
$$;

-- the id of a user's membership in an organization (tests name rows, not guess them)
create or replace function tests.membership_id(p_org_id uuid, identifier text)
returns uuid
language sql stable security definer set search_path = ''
as $$
  select m.id from public.memberships m
   where m.org_id = p_org_id and m.user_id = tests.get_supabase_uid(identifier)
$$;

-- the fixture ----------------------------------------------------------------------------
-- organization A (club-a, Europe/Moscow):
--   owner, admin, coach (coaches group A1), coach2 (coaches group A2), athlete
--   (athlete member linked to athlete a1), member, left_coach (left A; still
--   listed as a coach of A1)
--   groups A1, A2; athletes a1 (A1, linked to `athlete`), a2 (A1), a3 (A2), a4 (no group)
--   rank history of a1 and a3; an open invitation
-- organization B (club-b): owner_b, admin_b, coach_b (group B1); athlete b1; an invitation
-- outsider: signed in, no membership
-- ids: orgs 10…0a/0b, groups 20…a1/a2/b1, athletes 30…a1–a4/b1, rank history
-- 40…a1/a3/b1, invitations 60…0a/0b, coach assignments 70…a1 (coach→A1), a2
-- (coach2→A2), a9 (left_coach→A1), b1 (coach_b→B1) (all '…-0000-4000-8000-…');
-- memberships by tests.membership_id(org, identifier).
create or replace function tests.create_tenancy_fixture()
returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  org_a constant uuid := '10000000-0000-4000-8000-00000000000a';
  org_b constant uuid := '10000000-0000-4000-8000-00000000000b';
  g_a1 constant uuid := '20000000-0000-4000-8000-0000000000a1';
  g_a2 constant uuid := '20000000-0000-4000-8000-0000000000a2';
  g_b1 constant uuid := '20000000-0000-4000-8000-0000000000b1';
  v_users text[] := array['owner', 'admin', 'coach', 'coach2', 'athlete', 'member', 'left_coach',
                          'owner_b', 'admin_b', 'coach_b', 'outsider'];
  v_user text;
  v_left uuid;
begin
  foreach v_user in array v_users loop
    perform tests.create_supabase_user(v_user);
  end loop;

  insert into public.organizations (id, kind, name, slug) values
    (org_a, 'club', 'Club A', 'club-a'),
    (org_b, 'school', 'School B', 'school-b');

  insert into public.memberships (org_id, user_id, role) values
    (org_a, tests.get_supabase_uid('owner'), 'owner'),
    (org_a, tests.get_supabase_uid('admin'), 'admin'),
    (org_a, tests.get_supabase_uid('coach'), 'coach'),
    (org_a, tests.get_supabase_uid('coach2'), 'coach'),
    (org_a, tests.get_supabase_uid('athlete'), 'athlete'),
    (org_a, tests.get_supabase_uid('member'), 'member'),
    (org_a, tests.get_supabase_uid('left_coach'), 'coach'),
    (org_b, tests.get_supabase_uid('owner_b'), 'owner'),
    (org_b, tests.get_supabase_uid('admin_b'), 'admin'),
    (org_b, tests.get_supabase_uid('coach_b'), 'coach');

  insert into public.training_groups (id, org_id, name, season) values
    (g_a1, org_a, 'Group A1', '2025-2026'),
    (g_a2, org_a, 'Group A2', '2025-2026'),
    (g_b1, org_b, 'Group B1', '2025-2026');

  insert into public.training_group_coaches (id, org_id, group_id, user_id) values
    ('70000000-0000-4000-8000-0000000000a1', org_a, g_a1, tests.get_supabase_uid('coach')),
    ('70000000-0000-4000-8000-0000000000a2', org_a, g_a2, tests.get_supabase_uid('coach2')),
    ('70000000-0000-4000-8000-0000000000a9', org_a, g_a1, tests.get_supabase_uid('left_coach')),
    ('70000000-0000-4000-8000-0000000000b1', org_b, g_b1, tests.get_supabase_uid('coach_b'));

  -- left_coach leaves after being assigned; the assignment is kept to prove a
  -- left membership grants nothing even when a stale link survives
  v_left := tests.get_supabase_uid('left_coach');
  alter table public.memberships disable trigger release_coach_assignments;
  update public.memberships set left_at = now() where org_id = org_a and user_id = v_left;
  alter table public.memberships enable trigger release_coach_assignments;

  insert into public.athletes (id, org_id, group_id, user_id, name, season, schedule, rank_start, rank_end) values
    ('30000000-0000-4000-8000-0000000000a1', org_a, g_a1, tests.get_supabase_uid('athlete'), 'Иванов Иван',
     '2025-2026', 'Пн 18:00, Ср 19:00', 'III юношеский разряд', null),
    ('30000000-0000-4000-8000-0000000000a2', org_a, g_a1, null, 'Петров Пётр', '2025-2026', 'Самозапись', null, null),
    ('30000000-0000-4000-8000-0000000000a3', org_a, g_a2, null, 'Сидорова Анна', '2025-2026', null, 'КМС', null),
    ('30000000-0000-4000-8000-0000000000a4', org_a, null, null, 'Без Группы', null, null, null, null),
    ('30000000-0000-4000-8000-0000000000b1', org_b, g_b1, null, 'Смирнов Олег', '2025-2026', 'Вт 17:30', 'МС', null);

  insert into public.rank_history (id, org_id, athlete_id, season, rank_start, rank_end) values
    ('40000000-0000-4000-8000-0000000000a1', org_a, '30000000-0000-4000-8000-0000000000a1',
     '2024-2025', 'Без разряда', 'III юношеский разряд'),
    ('40000000-0000-4000-8000-0000000000a3', org_a, '30000000-0000-4000-8000-0000000000a3',
     '2024-2025', 'I взрослый разряд', 'КМС'),
    ('40000000-0000-4000-8000-0000000000b1', org_b, '30000000-0000-4000-8000-0000000000b1',
     '2024-2025', 'КМС', 'МС');

  insert into public.invitations (id, org_id, role, code, token, expires_at, created_by) values
    ('60000000-0000-4000-8000-00000000000a', org_a, 'coach', 'AAAA-AAAA', repeat('a', 43),
     now() + interval '7 days', tests.get_supabase_uid('admin')),
    ('60000000-0000-4000-8000-00000000000b', org_b, 'coach', 'BBBB-BBBB', repeat('b', 43),
     now() + interval '7 days', tests.get_supabase_uid('admin_b'));
end
$$;

-- the api roles call these inside tests; nobody else has the tests schema
revoke all on all functions in schema tests from public;
grant execute on all functions in schema tests to anon, authenticated, service_role;

commit;

-- a no-op test, so every file of the suite reports a plan
begin;
select plan(2);
select has_function('tests', 'authenticate_as', array['text'], 'the test helpers are installed');
select has_function('tests', 'create_tenancy_fixture', array[]::text[], 'the tenancy fixture is installed');
select * from finish();
rollback;
