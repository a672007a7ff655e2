-- member emails: admins and owners read their own organization's member emails;
-- coaches, athletes, outsiders and another club's admins do not.
begin;
select plan(9);
select tests.create_tenancy_fixture();

-- allowed: an admin and an owner of club A, for club A's current members only
select is(tests.try_as('admin', $$select count(*) from public.member_emails('10000000-0000-4000-8000-00000000000a')$$),
  (select count(*)::text from public.memberships
    where org_id = '10000000-0000-4000-8000-00000000000a' and left_at is null and deleted_at is null),
  'an admin sees one email per current member');
select is(tests.try_as('owner', $$select count(*) from public.member_emails('10000000-0000-4000-8000-00000000000a')
                                   where email = 'coach@test.local'$$),
  '1', 'an owner sees a coach''s email');
select is(tests.try_as('admin', $$select count(*) from public.member_emails('10000000-0000-4000-8000-00000000000a')
                                   where email = 'left_coach@test.local'$$),
  '0', 'a member who left is not listed');

-- denied: below admin, another club's admin, outsiders, anon
select is(tests.try_as('coach', $$select count(*) from public.member_emails('10000000-0000-4000-8000-00000000000a')$$),
  '42501', 'a coach may not read member emails');
select is(tests.try_as('athlete', $$select count(*) from public.member_emails('10000000-0000-4000-8000-00000000000a')$$),
  '42501', 'an athlete may not read member emails');
select is(tests.try_as('admin_b', $$select count(*) from public.member_emails('10000000-0000-4000-8000-00000000000a')$$),
  '42501', 'another club''s admin may not read them');
select is(tests.try_as('outsider', $$select count(*) from public.member_emails('10000000-0000-4000-8000-00000000000a')$$),
  '42501', 'an outsider may not read them');
select is(tests.try_as('anon', $$select count(*) from public.member_emails('10000000-0000-4000-8000-00000000000a')$$),
  '42501', 'anon may not call it');
select ok(not has_function_privilege('anon', 'public.member_emails(uuid)', 'execute'),
  'anon holds no execute grant');

select * from finish();
rollback;
