-- membership management through the rpcs: create an organization, invite,
-- accept, revoke, change a role, remove, leave, link an athlete's account; plus
-- the triggers that keep rows honest (sync stamps, profiles, organization guards).
begin;
select plan(80);
select tests.create_tenancy_fixture();

-- create_organization ---------------------------------------------------------------------------
select tests.clear_authentication();
select throws_ok($$select public.create_organization('Anon club', 'anon-club')$$, '42501', null,
  'anon cannot create an organization');

select tests.authenticate_as('outsider');
select set_config('t.org', (public.create_organization('  Лёгкая атлетика  ', 'Legkaya-Atletika')).id::text, true);
select is((select name || ' ' || slug || ' ' || kind || ' ' || time_zone || ' ' || locale from public.organizations where id = current_setting('t.org')::uuid),
  'Лёгкая атлетика legkaya-atletika club Europe/Moscow ru', 'create_organization trims the name, lowercases the slug, applies defaults');
select is((select role from public.memberships where org_id = current_setting('t.org')::uuid and user_id = auth.uid()),
  'owner', 'the creator becomes the owner');
select is((select updated_by from public.organizations where id = current_setting('t.org')::uuid),
  tests.get_supabase_uid('outsider'), 'the rpc''s writes are stamped with the caller');
select throws_ok($$select public.create_organization('Again', 'club-a')$$, 'P0001',
  'the slug "club-a" is taken: choose another', 'a taken slug gives a clear error');
select throws_ok($$select public.create_organization('Platform', 'platform-x', 'platform')$$, '42501',
  'organizations of kind platform are set up by the platform team', 'nobody creates a platform organization');
select throws_ok($$select public.create_organization('Odd', 'odd-kind', 'circus')$$, 'P0001',
  'unknown organization kind "circus": use school, club, coach_business, race or timing_company', 'an unknown kind is refused');
select throws_ok($$select public.create_organization('Bad slug', 'a b')$$, 'P0001',
  'a slug needs 3 to 63 lowercase letters, digits or inner hyphens', 'a malformed slug is refused');
select throws_ok($$select public.create_organization('', 'empty-name')$$, 'P0001',
  'an organization name needs 1 to 200 characters', 'an empty name is refused');
select throws_ok($$select public.create_organization('Zone', 'bad-zone', 'club', 'Mars/Olympus')$$, '22023',
  'unknown time zone "Mars/Olympus": use an IANA name such as Europe/Moscow', 'an unknown time zone is refused');

-- create_invitation -----------------------------------------------------------------------------
select tests.authenticate_as('coach');
select throws_ok($$select public.create_invitation('10000000-0000-4000-8000-00000000000a', 'athlete')$$, '42501',
  'only admins and owners can invite people', 'a coach cannot invite');

select tests.authenticate_as('admin_b');
select throws_ok($$select public.create_invitation('10000000-0000-4000-8000-00000000000a', 'member')$$, '42501',
  'only admins and owners can invite people', 'an admin of another organization cannot invite into A');

select tests.authenticate_as('admin');
select throws_ok($$select public.create_invitation('10000000-0000-4000-8000-00000000000a', 'owner')$$, '42501',
  'you cannot invite someone with a role higher than your own (admin)', 'an admin cannot invite an owner');
select throws_ok($$select public.create_invitation('10000000-0000-4000-8000-00000000000a', 'boss')$$, 'P0001',
  'unknown role "boss": use owner, admin, coach, athlete or member', 'an unknown role is refused');
select throws_ok($$select public.create_invitation('10000000-0000-4000-8000-00000000000a', 'coach', now() - interval '1 minute')$$, 'P0001',
  'an invitation must expire in the future', 'an invitation cannot be born expired');
select throws_ok($$select public.create_invitation('10000000-0000-4000-8000-00000000000a', 'coach', now() + interval '1 year')$$, 'P0001',
  'an invitation can be valid for at most 90 days', 'an invitation lives at most 90 days');
select throws_ok($$select public.create_invitation('10000000-0000-4000-8000-00000000000a', 'coach', now() + interval '1 day', 0)$$, 'P0001',
  'an invitation can be used 1 to 1000 times', 'max uses must be positive');
select throws_ok($$select public.create_invitation('10000000-0000-4000-8000-00000000000a', 'coach', now() + interval '1 day', 1, '30000000-0000-4000-8000-0000000000a2')$$, 'P0001',
  'only an athlete invitation can name an athlete record', 'only athlete invitations name an athlete');

select set_config('t.inv1', row_to_json(public.create_invitation('10000000-0000-4000-8000-00000000000a', 'coach'))::text, true);
select matches(current_setting('t.inv1')::jsonb ->> 'code', '^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$', 'the code is 8 unambiguous characters with a dash');
select matches(current_setting('t.inv1')::jsonb ->> 'token', '^[A-Za-z0-9_-]{43}$', 'the token is 43 url-safe characters');
select is((current_setting('t.inv1')::jsonb ->> 'max_uses')::int, 1, 'one use by default');
select ok((current_setting('t.inv1')::jsonb ->> 'expires_at')::timestamptz between now() + interval '6 days 23 hours' and now() + interval '7 days 1 hour',
  'valid for 7 days by default');
select isnt(
  (public.create_invitation('10000000-0000-4000-8000-00000000000a', 'coach')).code,
  current_setting('t.inv1')::jsonb ->> 'code', 'every invitation gets its own code');
-- an athlete invitation for a2 (links the record on acceptance), and a 2-use member invitation
select set_config('t.inv_a2', row_to_json(public.create_invitation('10000000-0000-4000-8000-00000000000a', 'athlete', now() + interval '3 days', 1, '30000000-0000-4000-8000-0000000000a2'))::text, true);
select set_config('t.inv_m', row_to_json(public.create_invitation('10000000-0000-4000-8000-00000000000a', 'member', now() + interval '3 days', 2))::text, true);

-- accept_invitation --------------------------------------------------------------------------------
select tests.clear_authentication();
select throws_ok(format('select public.accept_invitation(%L)', current_setting('t.inv1')::jsonb ->> 'code'), '42501', null,
  'anon cannot accept an invitation');

select tests.authenticate_as('outsider');
select throws_ok($$select public.accept_invitation('ZZZZ-ZZZZ')$$, 'P0001',
  'invitation not found: check the code or ask for a new link', 'an unknown code gives a clear error');
-- typed by hand: lower case, no dash, spaces around
select set_config('t.m1', row_to_json(public.accept_invitation(
  '  ' || lower(replace(current_setting('t.inv1')::jsonb ->> 'code', '-', '')) || ' '))::text, true);
select is(current_setting('t.m1')::jsonb ->> 'role', 'coach', 'accepting by code joins with the invitation''s role');
select is((select count(*)::int from public.organizations where id = '10000000-0000-4000-8000-00000000000a'), 1,
  'the new member sees the organization');
select is((public.accept_invitation(current_setting('t.inv1')::jsonb ->> 'code')).id::text, current_setting('t.m1')::jsonb ->> 'id',
  'accepting the same invitation again returns the same membership');

select tests.authenticate_as('admin_b');
select throws_ok(format('select public.accept_invitation(%L)', current_setting('t.inv1')::jsonb ->> 'token'), 'P0001',
  'this invitation has already been used 1 of 1 times: ask for a new one', 'a used-up invitation gives a clear error');

select tests.authenticate_as('coach');
select throws_ok(format('select public.accept_invitation(%L)', current_setting('t.inv_m')::jsonb ->> 'code'), 'P0001',
  'you are already a member of this organization', 'a member cannot accept another invitation to the same organization');

-- a member who left comes back through an invitation: the same row, active again
select tests.authenticate_as('left_coach');
select set_config('t.m2', row_to_json(public.accept_invitation(current_setting('t.inv_m')::jsonb ->> 'token'))::text, true);
select is(current_setting('t.m2')::jsonb ->> 'id', tests.membership_id('10000000-0000-4000-8000-00000000000a', 'left_coach')::text,
  'a returning member gets their membership back');
select ok((current_setting('t.m2')::jsonb ->> 'left_at') is null and current_setting('t.m2')::jsonb ->> 'role' = 'member',
  'active again, with the invitation''s role');

-- expired and revoked invitations
reset role;
update public.invitations set expires_at = now() - interval '1 hour' where code = current_setting('t.inv_m')::jsonb ->> 'code';
select tests.authenticate_as('admin_b');
select throws_matching(format('select public.accept_invitation(%L)', current_setting('t.inv_m')::jsonb ->> 'code'),
  '^this invitation expired on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC: ask for a new one$', 'an expired invitation says when it expired');

select tests.authenticate_as('coach');
select throws_ok($$select public.revoke_invitation('60000000-0000-4000-8000-00000000000a')$$, '42501',
  'only admins and owners can revoke invitations', 'a coach cannot revoke');
select tests.authenticate_as('admin');
select lives_ok($$select public.revoke_invitation('60000000-0000-4000-8000-00000000000a')$$, 'an admin revokes an invitation');
select lives_ok($$select public.revoke_invitation('60000000-0000-4000-8000-00000000000a')$$, 'revoking twice is done, not an error');
select tests.authenticate_as('admin_b');
select throws_ok($$select public.accept_invitation('aaaa-aaaa')$$, 'P0001',
  'this invitation has been revoked: ask for a new one', 'a revoked invitation gives a clear error');
select throws_ok($$select public.revoke_invitation('60000000-0000-4000-8000-00000000000a')$$, '42501',
  'only admins and owners can revoke invitations', 'an admin of another organization cannot revoke');

-- an athlete invitation links the athlete record to whoever accepts
reset role;
select tests.create_supabase_user('newcomer');
select tests.authenticate_as('newcomer');
select lives_ok(format('select public.accept_invitation(%L)', current_setting('t.inv_a2')::jsonb ->> 'token'), 'accepting an athlete invitation');
select is((select array_agg(id) from public.athletes), array['30000000-0000-4000-8000-0000000000a2'::uuid],
  'the new athlete sees exactly their own record');
reset role;
select is((select use_count from public.invitations where token = current_setting('t.inv_a2')::jsonb ->> 'token'), 1,
  'acceptance counts a use');

-- change_member_role --------------------------------------------------------------------------------
select tests.authenticate_as('coach');
select throws_ok(format('select public.change_member_role(%L, %L)', tests.membership_id('10000000-0000-4000-8000-00000000000a', 'member'), 'coach'), '42501',
  'only admins and owners can change roles', 'a coach cannot change roles');
select throws_ok(format('select public.change_member_role(%L, %L)', tests.membership_id('10000000-0000-4000-8000-00000000000a', 'coach'), 'admin'), '42501',
  'only admins and owners can change roles', 'a coach cannot promote themself');

select tests.authenticate_as('admin');
select throws_ok(format('select public.change_member_role(%L, %L)', tests.membership_id('10000000-0000-4000-8000-00000000000a', 'admin'), 'owner'), '42501',
  'you cannot grant a role higher than your own (admin)', 'an admin cannot make themself owner');
select throws_ok(format('select public.change_member_role(%L, %L)', tests.membership_id('10000000-0000-4000-8000-00000000000a', 'owner'), 'member'), '42501',
  'you cannot change the role of someone ranked above you', 'an admin cannot demote the owner');
select throws_ok(format('select public.change_member_role(%L, %L)', tests.membership_id('10000000-0000-4000-8000-00000000000a', 'member'), 'chief'), 'P0001',
  'unknown role "chief": use owner, admin, coach, athlete or member', 'an unknown role is refused');
select is((public.change_member_role(tests.membership_id('10000000-0000-4000-8000-00000000000a', 'member'), 'coach')).role, 'coach',
  'an admin promotes a member to coach');

select tests.authenticate_as('admin_b');
select throws_ok(format('select public.change_member_role(%L, %L)', tests.membership_id('10000000-0000-4000-8000-00000000000a', 'member'), 'athlete'), '42501',
  'only admins and owners can change roles', 'an admin of another organization cannot change roles in A');

-- demoting a coach ends their coaching: the assignment becomes a tombstone
select tests.authenticate_as('admin');
select is((public.change_member_role(tests.membership_id('10000000-0000-4000-8000-00000000000a', 'coach2'), 'athlete')).role, 'athlete',
  'an admin demotes a coach');
select isnt((select deleted_at from public.training_group_coaches where id = '70000000-0000-4000-8000-0000000000a2'), null,
  'the demoted coach''s group assignment is tombstoned');
select is(tests.try_as('coach2', $$select count(*) from public.athletes$$), '0', 'and they no longer see the group''s athletes');

-- the last owner stays an owner
select tests.authenticate_as('owner');
select throws_ok(format('select public.change_member_role(%L, %L)', tests.membership_id('10000000-0000-4000-8000-00000000000a', 'owner'), 'admin'), 'P0001',
  'an organization needs at least one owner: make someone else an owner first', 'the last owner cannot be demoted');
select is((public.change_member_role(tests.membership_id('10000000-0000-4000-8000-00000000000a', 'admin'), 'owner')).role, 'owner',
  'an owner makes an admin an owner');
select is((public.change_member_role(tests.membership_id('10000000-0000-4000-8000-00000000000a', 'owner'), 'admin')).role, 'admin',
  'with a second owner, the first may step down');
select throws_ok(format('select public.change_member_role(%L, %L)', tests.membership_id('10000000-0000-4000-8000-00000000000a', 'owner'), 'owner'), '42501',
  'you cannot grant a role higher than your own (admin)', 'and cannot raise themself back');

-- remove_member ------------------------------------------------------------------------------------
-- now: `admin` is the only owner of A, `owner` is an admin
select throws_ok(format('select public.remove_member(%L)', tests.membership_id('10000000-0000-4000-8000-00000000000a', 'admin')), '42501',
  'you cannot remove someone ranked above you', 'an admin cannot remove an owner');
select tests.authenticate_as('athlete');
select throws_ok(format('select public.remove_member(%L)', tests.membership_id('10000000-0000-4000-8000-00000000000a', 'member')), '42501',
  'only admins and owners can remove members', 'an athlete cannot remove members');
select tests.authenticate_as('admin');
select throws_ok(format('select public.remove_member(%L)', tests.membership_id('10000000-0000-4000-8000-00000000000a', 'admin')), 'P0001',
  'an organization needs at least one owner: make someone else an owner first', 'the last owner cannot be removed');
select lives_ok(format('select public.remove_member(%L)', tests.membership_id('10000000-0000-4000-8000-00000000000a', 'coach')), 'an owner removes a coach');
select lives_ok(format('select public.remove_member(%L)', tests.membership_id('10000000-0000-4000-8000-00000000000a', 'coach')), 'removing again is done, not an error');
select isnt((select left_at from public.memberships where id = tests.membership_id('10000000-0000-4000-8000-00000000000a', 'coach')), null,
  'removal keeps the membership as history (left_at)');
select isnt((select deleted_at from public.training_group_coaches where id = '70000000-0000-4000-8000-0000000000a1'), null,
  'and tombstones the removed coach''s assignments');
select is(tests.try_as('coach', $$select count(*) from public.organizations$$), '0', 'a removed coach no longer sees the organization');
select throws_ok(format('select public.change_member_role(%L, %L)', tests.membership_id('10000000-0000-4000-8000-00000000000a', 'coach'), 'admin'), 'P0001',
  'this person is no longer a member of the organization', 'a removed member''s role cannot be changed');

-- leave_organization --------------------------------------------------------------------------------
select tests.authenticate_as('admin');
select throws_ok($$select public.leave_organization('10000000-0000-4000-8000-00000000000a')$$, 'P0001',
  'an organization needs at least one owner: make someone else an owner first', 'the last owner cannot leave');
select tests.authenticate_as('athlete');
select lives_ok($$select public.leave_organization('10000000-0000-4000-8000-00000000000a')$$, 'an athlete leaves');
select is((select count(*)::int from public.organizations), 0, 'and no longer sees the organization');
select throws_ok($$select public.leave_organization('10000000-0000-4000-8000-00000000000a')$$, 'P0001',
  'you are not a member of this organization', 'leaving twice says so');

-- link_athlete_account ---------------------------------------------------------------------------------
select tests.authenticate_as('coach_b');
select throws_ok($$select public.link_athlete_account('30000000-0000-4000-8000-0000000000b1', auth.uid())$$, '42501',
  'only admins and owners of the athlete''s organization can link accounts', 'a coach cannot link accounts');
select tests.authenticate_as('admin_b');
select throws_ok($$select public.link_athlete_account('30000000-0000-4000-8000-0000000000b1', tests.get_supabase_uid('member'))$$, 'P0001',
  'that account is not a member of the organization: invite them first', 'only members can be linked');
select is((public.link_athlete_account('30000000-0000-4000-8000-0000000000b1', tests.get_supabase_uid('coach_b'))).user_id,
  tests.get_supabase_uid('coach_b'), 'an admin links an athlete record to a member');
select is(tests.try_as('coach_b', $$select count(*) from public.athletes where user_id = auth.uid()$$), '1',
  'the linked account sees the record');

-- organizations: deleting and kinds ---------------------------------------------------------------------
select tests.authenticate_as('admin_b');
select throws_ok($$update public.organizations set deleted_at = now() where id = '10000000-0000-4000-8000-00000000000b'$$, '42501',
  'only an owner can delete or restore an organization', 'an admin cannot delete the organization');
select throws_ok($$update public.organizations set kind = 'reseller' where id = '10000000-0000-4000-8000-00000000000b'$$, '42501',
  'only the platform team can make an organization a reseller', 'nobody makes their organization a reseller');
select tests.authenticate_as('owner_b');
select lives_ok($$update public.organizations set deleted_at = now() where id = '10000000-0000-4000-8000-00000000000b'$$, 'an owner deletes the organization (tombstone)');
select is((select count(*)::int from public.organizations where id = '10000000-0000-4000-8000-00000000000b'), 0,
  'a deleted organization grants its members nothing');

-- triggers keep rows honest ----------------------------------------------------------------------------------
reset role;
select tests.create_supabase_user('newbie', metadata => '{"display_name": "Новичок"}');
select is((select display_name from public.profiles where id = tests.get_supabase_uid('newbie')),
  'Новичок', 'a new auth user gets a profile named from their sign-up data');
select tests.authenticate_as('newbie');
select throws_ok($$update public.profiles set time_zone = 'UTC+3' where id = auth.uid()$$, '22023',
  'unknown time zone "UTC+3": use an IANA name such as Europe/Moscow', 'profiles take IANA zones only');
-- the sync columns are the server's: a tombstone is dated by the server, whatever
-- the client sent, and stamped with the writer and the transaction
select tests.authenticate_as('owner');  -- an admin of A since stepping down
update public.athletes set deleted_at = '2000-01-01', notes = 'gone' where id = '30000000-0000-4000-8000-0000000000a3';
reset role;
select ok((select deleted_at >= now() and updated_by = tests.get_supabase_uid('owner') and xid = pg_current_xact_id()
             from public.athletes where id = '30000000-0000-4000-8000-0000000000a3'),
  'a tombstone is dated by the server and stamped with the writer and the transaction');

-- every synced table of this feature is registered and carries the sync columns and stamp trigger
select is(
  array(
    select t.table_name from sync.tables t
     where t.table_name in ('organizations', 'profiles', 'memberships', 'training_groups',
                            'training_group_coaches', 'athletes', 'rank_history')
       and t.stamp_column = 'xid'
       and (select count(*) from information_schema.columns c
             where c.table_schema = 'public' and c.table_name = t.table_name
               and c.column_name in ('id', 'xid', 'updated_at', 'updated_by', 'deleted_at', 'created_at')) = 6
       and exists (select from pg_trigger g where g.tgrelid = ('public.' || t.table_name)::regclass
                     and g.tgname = 'stamp_synced_row' and not g.tgisinternal)
     order by 1
  ),
  array['athletes', 'memberships', 'organizations', 'profiles', 'rank_history', 'training_group_coaches', 'training_groups'],
  'every synced tenancy table is registered, has the sync columns and the stamp trigger'
);

select * from finish();
rollback;
