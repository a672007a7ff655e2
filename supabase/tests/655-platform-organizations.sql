-- organizations for the platform's pages (issue 18,
-- 20261207141000_platform_organizations.sql): the platform's owners and admins find
-- any organization by a piece of its name (any case, «ё» as «е», 2 characters or
-- more, at most 20, by name) and name organizations by id; everyone else — a coach
-- of the platform, a club's owner, someone in no organization, anon — is refused.
--
-- fixture: tests.create_tenancy_fixture() (Club A, School B) plus a platform
-- organization with an owner (`plat`), an admin (`plat_admin`) and a coach
-- (`plat_coach`), a club with a Cyrillic name, one with a % in it, a deleted one,
-- and 25 branches of one network.
begin;
select plan(31);
select tests.create_tenancy_fixture();

select tests.create_supabase_user('plat');
select tests.create_supabase_user('plat_admin');
select tests.create_supabase_user('plat_coach');
insert into public.organizations (id, kind, name, slug) values
  ('65500000-0000-4000-8000-0000000000f0', 'platform', 'Platform 655', 'platform-655'),
  ('65500000-0000-4000-8000-0000000000c1', 'club', 'Лёгкоатлетический клуб «Восход»', 'voskhod-655'),
  ('65500000-0000-4000-8000-0000000000c2', 'club', 'Клуб 100% бега', 'sto-655'),
  ('65500000-0000-4000-8000-0000000000c3', 'club', 'Закрытый клуб Восход-2', 'closed-655');
update public.organizations set deleted_at = now() where id = '65500000-0000-4000-8000-0000000000c3';
insert into public.organizations (kind, name, slug)
  select 'club', format('Сеть 655, филиал %s', lpad(n::text, 2, '0')), format('branch-655-%s', n)
    from generate_series(1, 25) n;
insert into public.memberships (org_id, user_id, role) values
  ('65500000-0000-4000-8000-0000000000f0', tests.get_supabase_uid('plat'), 'owner'),
  ('65500000-0000-4000-8000-0000000000f0', tests.get_supabase_uid('plat_admin'), 'admin'),
  ('65500000-0000-4000-8000-0000000000f0', tests.get_supabase_uid('plat_coach'), 'coach');

-- the hint a statement raises with, or 'none'
create function pg_temp.hint_of(p_sql text) returns text
language plpgsql as $$
declare
  v_hint text;
begin
  execute p_sql;
  return 'none';
exception when others then
  get stacked diagnostics v_hint = pg_exception_hint;
  return coalesce(v_hint, '');
end
$$;

-- the shape of the functions ------------------------------------------------------------------------
select ok((select p.prosecdef and p.proconfig @> array['search_path=""']
             from pg_proc p where p.oid = 'public.platform_find_organizations(text)'::regprocedure),
  'finding is security definer with an empty search_path');
select ok((select p.prosecdef and p.proconfig @> array['search_path=""']
             from pg_proc p where p.oid = 'public.platform_organizations(uuid[])'::regprocedure),
  'naming is too');
select ok(not has_function_privilege('anon', 'public.platform_find_organizations(text)', 'execute')
          and not has_function_privilege('anon', 'public.platform_organizations(uuid[])', 'execute'),
  'anon may run neither');
select ok(has_function_privilege('authenticated', 'public.platform_find_organizations(text)', 'execute')
          and has_function_privilege('authenticated', 'public.platform_organizations(uuid[])', 'execute'),
  'a signed-in user may call both (and each checks who they are)');
select ok(not has_function_privilege('authenticated', 'private.search_fold(text)', 'execute'),
  'the folding helper is not callable on its own');

-- allowed: the platform's owners and admins ---------------------------------------------------------
select is(tests.try_as('plat', $$select count(*) from public.platform_find_organizations('club a')$$),
  '1', 'an owner of the platform finds Club A in any case, though not a member of it');
select is(tests.try_as('plat_admin', $$select count(*) from public.platform_find_organizations('School')$$),
  '1', 'so does an admin of the platform');
select is(tests.try_as('plat', $$select count(*) from public.platform_find_organizations('ВОСХОД')$$),
  '1', 'Cyrillic in any case, whatever the database''s locale');
select is(tests.try_as('plat', $$select count(*) from public.platform_find_organizations('легкоатлетический')$$),
  '1', '«е» finds «ё»');
select is(tests.try_as('plat', $$select count(*) from public.platform_find_organizations('  восход  ')$$),
  '1', 'spaces around the query do not count, and a deleted organization is not found');
select is(tests.try_as('plat', $$select count(*) from public.platform_find_organizations('0% б')$$),
  '1', 'a % is a letter, not a wildcard');
select is(tests.try_as('plat', $$select count(*) from public.platform_find_organizations('__')$$),
  '0', 'and so is an underscore');
select is(tests.try_as('plat', $$select count(*) from public.platform_find_organizations('к')$$),
  '0', 'one character finds nothing');
select is(tests.try_as('plat', $$select count(*) from public.platform_find_organizations(' к ')$$),
  '0', 'nor does one character in spaces');
select is(tests.try_as('plat', $$select count(*) from public.platform_find_organizations('')$$),
  '0', 'nor an empty query');
select is(tests.try_as('plat', $$select count(*) from public.platform_find_organizations(null)$$),
  '0', 'nor none');
select is(tests.try_as('plat', $$select count(*) from public.platform_find_organizations('филиал')$$),
  '20', 'at most 20 of the 25 branches');
select is(tests.try_as('plat', $$select count(*) from public.platform_find_organizations('нет такого')$$),
  '0', 'a name nobody has finds nothing');

select tests.authenticate_as('plat');
select results_eq(
  $$ select name from public.platform_find_organizations('филиал') limit 3 $$,
  $$ values ('Сеть 655, филиал 01'), ('Сеть 655, филиал 02'), ('Сеть 655, филиал 03') $$,
  'in the order of their names');
select results_eq(
  $$ select id, name, kind, slug from public.platform_find_organizations('school b') $$,
  $$ values ('10000000-0000-4000-8000-00000000000b'::uuid, 'School B', 'school', 'school-b') $$,
  'with the id, name, kind and slug');
select results_eq(
  $$ select name from public.platform_organizations(array[
       '10000000-0000-4000-8000-00000000000a', '65500000-0000-4000-8000-0000000000c3',
       '65500000-0000-4000-8000-0000000000ff']::uuid[]) $$,
  $$ values ('Club A'), ('Закрытый клуб Восход-2') $$,
  'organizations are named by id, a deleted one too; an unknown id is left out');
select is((select count(*)::int from public.platform_organizations('{}')), 0, 'no ids, no names');
select is((select count(*)::int from public.organizations), 1,
  'the table itself still shows the platform admin only their own organization');
reset role;

-- denied: everyone else -----------------------------------------------------------------------------
select is(tests.try_as('plat_coach', $$select count(*) from public.platform_find_organizations('club')$$),
  '42501', 'a coach of the platform is refused');
select is(tests.try_as('owner', $$select count(*) from public.platform_find_organizations('club')$$),
  '42501', 'a club''s owner is refused');
select is(tests.try_as('outsider', $$select count(*) from public.platform_find_organizations('club')$$),
  '42501', 'someone in no organization is refused');
select is(tests.try_as('anon', $$select count(*) from public.platform_find_organizations('club')$$),
  '42501', 'anon is refused outright');
select is(tests.try_as('owner', $$select count(*) from public.platform_find_organizations('к')$$),
  '42501', 'refused before the query is even looked at');
select is(tests.try_as('plat_coach',
    $$select count(*) from public.platform_organizations(array['10000000-0000-4000-8000-00000000000a']::uuid[])$$),
  '42501', 'a coach of the platform cannot name organizations by id');
select is(tests.try_as('anon',
    $$select count(*) from public.platform_organizations(array['10000000-0000-4000-8000-00000000000a']::uuid[])$$),
  '42501', 'nor can anon');

select tests.authenticate_as('owner');
select is(pg_temp.hint_of($$ select * from public.platform_find_organizations('club') $$),
  'forbidden', 'the refusal carries the hint the app translates');
reset role;

select * from finish();
rollback;
