-- partner console (issue 16, 20261206172000_partner_console.sql): a reseller's
-- owners and admins create and manage client clubs, each action audited; reseller
-- A never sees reseller B's clients or audit; the tier's client limit holds in the
-- database; an existing club joins only through a link its owner accepts, sees
-- which partner manages it and can revoke it; a suspended club refuses its
-- members' writes and cancelling one club touches no other.
--
-- fixture: tests.create_tenancy_fixture() (club A, school B) plus two resellers,
-- RA (owner ra_owner, coach ra_coach) and RB (owner rb_owner), both tier silver,
-- whose client limit is set to 2 here.
begin;
select plan(41);
select tests.create_tenancy_fixture();
select tests.create_supabase_user('ra_owner');
select tests.create_supabase_user('ra_coach');
select tests.create_supabase_user('rb_owner');
insert into public.organizations (id, kind, name, slug) values
  ('98400000-0000-4000-8000-0000000000a0', 'reseller', 'Reseller A', 'reseller-a'),
  ('98400000-0000-4000-8000-0000000000b0', 'reseller', 'Reseller B', 'reseller-b');
insert into public.memberships (org_id, user_id, role) values
  ('98400000-0000-4000-8000-0000000000a0', tests.get_supabase_uid('ra_owner'), 'owner'),
  ('98400000-0000-4000-8000-0000000000a0', tests.get_supabase_uid('ra_coach'), 'coach'),
  ('98400000-0000-4000-8000-0000000000b0', tests.get_supabase_uid('rb_owner'), 'owner');
insert into public.partner_profiles (org_id, program, tier, referral_code) values
  ('98400000-0000-4000-8000-0000000000a0', 'reseller', 'silver', 'RESELLRA'),
  ('98400000-0000-4000-8000-0000000000b0', 'reseller', 'silver', 'RESELLRB');
update public.partner_tiers set client_limit = 2 where code = 'silver';

-- a client of RA, created through the console
select tests.authenticate_as('ra_owner');
select set_config('t.client', public.partner_create_client('98400000-0000-4000-8000-0000000000a0', 'Юность',
  'Ирина Петрова', 'Irina@Example.test', '+7 900 000-00-00', 'standard', true, 'Europe/Moscow')::text, true);
reset role;

select is((select kind from public.organizations where id = current_setting('t.client')::uuid), 'club',
  'creating a client makes a club');
select is((select origin || '/' || status || '/' || contact_email from public.partner_clients
            where client_org_id = current_setting('t.client')::uuid),
  'created/active/irina@example.test', 'the relationship is created and active, the address lower-cased');
select is((select count(*)::int from public.invitations
            where org_id = current_setting('t.client')::uuid and role = 'owner' and max_uses = 1
              and expires_at > now() + interval '13 days'),
  1, 'the contact is invited as the club''s owner for 14 days');
select is((select count(*)::int from private.email_outbox
            where kind = 'partner_client_invitation' and to_email = 'irina@example.test'
              and org_id = current_setting('t.client')::uuid and payload ? 'token'),
  1, 'an email with the invitation''s link goes to the contact');

-- who may create
select is(tests.try_as('ra_coach', $$select count(*) from public.partner_create_client('98400000-0000-4000-8000-0000000000a0',
  'X', 'Y', 'y@example.test', null, 'basic', false, 'Europe/Moscow')$$), '42501', 'a reseller''s coach cannot create clients');
select is(tests.try_as('owner', $$select count(*) from public.partner_create_client('10000000-0000-4000-8000-00000000000a',
  'X', 'Y', 'y@example.test', null, 'basic', false, 'Europe/Moscow')$$), '42501', 'a club''s owner cannot create clients for it');
select is(tests.try_as('rb_owner', $$select count(*) from public.partner_create_client('98400000-0000-4000-8000-0000000000a0',
  'X', 'Y', 'y@example.test', null, 'basic', false, 'Europe/Moscow')$$), '42501', 'reseller B cannot create clients for A');
select is(tests.try_as('ra_owner', $$select count(*) from public.partner_create_client('98400000-0000-4000-8000-0000000000a0',
  'X', 'Y', 'not an address', null, 'basic', false, 'Europe/Moscow')$$), 'P0001', 'a bad address is refused');
select is(tests.try_as('ra_owner', $$select count(*) from public.partner_create_client('98400000-0000-4000-8000-0000000000a0',
  'X', 'Y', 'y@example.test', null, 'gold', false, 'Europe/Moscow')$$), 'P0001', 'an unknown subscription is refused');
select is(tests.try_as('anon', $$select count(*) from public.partner_create_client('98400000-0000-4000-8000-0000000000a0',
  'X', 'Y', 'y@example.test', null, 'basic', false, 'Europe/Moscow')$$), '42501', 'anon cannot create clients');

-- the audit: RA's entry, readable by RA and the club, not by B
select tests.authenticate_as('ra_coach');
select is((select count(*)::int from public.partner_audit('98400000-0000-4000-8000-0000000000a0')
            where action = 'client.created' and client_org_id = current_setting('t.client')::uuid),
  1, 'the reseller''s members read the creation in its audit');
select is((select count(*)::int from public.partner_clients), 1, 'the reseller''s members see its client');
reset role;
select tests.authenticate_as('rb_owner');
select is((select count(*)::int from public.partner_clients), 0, 'reseller B never sees A''s clients');
reset role;
select is(tests.try_as('rb_owner', $$select count(*) from public.partner_audit('98400000-0000-4000-8000-0000000000a0')$$),
  '42501', 'reseller B never reads A''s audit');
select is(tests.try_as('rb_owner', format($$select count(*) from public.partner_audit(%L)$$, current_setting('t.client'))),
  '42501', 'reseller B never reads A''s client''s audit');
select is(tests.try_as('rb_owner', $$select count(*) from public.partner_client_usage('98400000-0000-4000-8000-0000000000a0')$$),
  '42501', 'reseller B cannot list A''s usage');
select is(tests.try_as('rb_owner', format($$select count(*) from public.partner_set_client_status(%L, 'suspended')$$,
  current_setting('t.client'))), '42501', 'reseller B cannot suspend A''s client');

-- the limit: a second client fits, a third does not
select is(tests.try_as('ra_owner', $$select count(*) from public.partner_create_client('98400000-0000-4000-8000-0000000000a0',
  'Second', 'Y', 'y@example.test', null, 'basic', false, 'Europe/Moscow')$$), '1', 'a second client fits the limit of 2');
select tests.authenticate_as('ra_owner');
select set_config('t.client2', public.partner_create_client('98400000-0000-4000-8000-0000000000a0', 'Second',
  'Y', 'y@example.test', null, 'basic', false, 'Europe/Moscow')::text, true);
reset role;
select is(tests.try_as('ra_owner', $$select count(*) from public.partner_create_client('98400000-0000-4000-8000-0000000000a0',
  'Third', 'Y', 'y@example.test', null, 'basic', false, 'Europe/Moscow')$$), '23514', 'a third client is over the tier''s limit');

-- usage: one page, with the figures
select tests.authenticate_as('ra_coach');
select is((select string_agg(name || ':' || total_count, ',' order by name)
             from public.partner_client_usage('98400000-0000-4000-8000-0000000000a0', null, null, 'name', false, 1, 0)),
  'Second:2', 'usage pages by name and tells the total');
select is((select members || '/' || active_athletes || '/' || sessions_30d || '/' || revenue_30d::text
             from public.partner_client_usage('98400000-0000-4000-8000-0000000000a0', 'active', 'юнОсть')),
  '0/0/0/{}', 'a search finds the client; a new club has no usage yet');
reset role;

-- suspend: the club's members cannot write, another club can
insert into public.memberships (org_id, user_id, role)
  values (current_setting('t.client')::uuid, tests.get_supabase_uid('member'), 'admin');
select is(tests.try_as('ra_owner', format($$select count(*) from public.partner_set_client_status(%L, 'suspended')$$,
  current_setting('t.client'))), '1', 'the reseller''s owner suspends a client');
select tests.authenticate_as('ra_owner');
select public.partner_set_client_status(current_setting('t.client')::uuid, 'suspended');
reset role;
select is(tests.try_as('member', format($$insert into public.training_groups (org_id, name, season) values (%L, 'G', '2025-2026')$$,
  current_setting('t.client'))), '42501', 'a suspended club refuses its members'' writes');
select is(tests.try_as('member', format($$select count(*) from public.organizations where id = %L$$,
  current_setting('t.client'))), '1', 'a suspended club''s members still read it');
select is(tests.try_as('owner', $$insert into public.training_groups (org_id, name, season)
  values ('10000000-0000-4000-8000-00000000000a', 'G', '2025-2026')$$), '1', 'another club still writes');

-- cancel: an access period, final, nothing else changes
select tests.authenticate_as('ra_owner');
select public.partner_set_client_status(current_setting('t.client')::uuid, 'canceled', 7);
reset role;
select ok((select access_ends_at between now() + interval '6 days 23 hours' and now() + interval '7 days 1 hour'
             from public.partner_clients where client_org_id = current_setting('t.client')::uuid),
  'cancelling keeps access for the stated days');
select is((select status from public.partner_clients where client_org_id = current_setting('t.client2')::uuid),
  'active', 'cancelling one client leaves the other active');
select is(tests.try_as('ra_owner', format($$select count(*) from public.partner_set_client_status(%L, 'active')$$,
  current_setting('t.client'))), 'P0001', 'canceled is final');
select tests.authenticate_as('ra_owner');
select is((select string_agg(action, ',' order by id) from public.partner_audit('98400000-0000-4000-8000-0000000000a0') a
            where a.client_org_id = current_setting('t.client')::uuid),
  'client.created,client.suspended,client.canceled', 'create, suspend and cancel are in the audit in order');
reset role;

-- a link for club A (an existing club): only its owner accepts
select tests.authenticate_as('rb_owner');
select set_config('t.token', public.partner_request_link('98400000-0000-4000-8000-0000000000b0', 12, true), true);
reset role;
select ok((select count(*) = 1 from private.partner_link_requests
             where token_hash = extensions.digest(current_setting('t.token'), 'sha256'))
          and not exists (select from information_schema.columns
                           where table_schema = 'private' and table_name = 'partner_link_requests'
                             and data_type = 'text'),
  'the link is stored as its sha-256 only');
select is(tests.try_as('rb_owner', $$select count(*) from public.partner_request_link('98400000-0000-4000-8000-0000000000b0', 25, false)$$),
  'P0001', 'a link asks for at most 24 months');
select is(tests.try_as('owner', format($$select count(*) from public.partner_link_preview(%L) where partner_name = 'Reseller B' and months = 12$$,
  current_setting('t.token'))), '1', 'the club''s owner previews who asks and for how long');
select is(tests.try_as('admin', format($$select count(*) from public.partner_accept_link(%L, '10000000-0000-4000-8000-00000000000a')$$,
  current_setting('t.token'))), '42501', 'an admin (not an owner) cannot accept a link');
select is(tests.try_as('owner_b', format($$select count(*) from public.partner_accept_link(%L, '10000000-0000-4000-8000-00000000000a')$$,
  current_setting('t.token'))), '42501', 'the owner of another club cannot accept for club A');
select tests.authenticate_as('owner');
select public.partner_accept_link(current_setting('t.token'), '10000000-0000-4000-8000-00000000000a');
reset role;
select ok((select origin = 'linked' and allow_write and consent_expires_at between now() + interval '11 months'
                  and now() + interval '13 months'
             from public.partner_clients where client_org_id = '10000000-0000-4000-8000-00000000000a'),
  'accepting links the club for the link''s months, with its write access');
select is(tests.try_as('owner', format($$select count(*) from public.partner_accept_link(%L, '10000000-0000-4000-8000-00000000000a')$$,
  current_setting('t.token'))), 'P0001', 'a link works once');
select is(tests.try_as('athlete', $$select count(*) from public.club_partner('10000000-0000-4000-8000-00000000000a')
  where partner_name = 'Reseller B'$$), '1', 'the club''s members see which partner manages it');
select is(tests.try_as('ra_owner', $$select count(*) from public.club_partner('10000000-0000-4000-8000-00000000000a')$$),
  '0', 'nobody outside the club reads it');
select is(tests.try_as('coach', $$select count(*) from public.club_revoke_partner('10000000-0000-4000-8000-00000000000a')$$),
  '42501', 'a coach cannot revoke the partner');
select tests.authenticate_as('admin');
select public.club_revoke_partner('10000000-0000-4000-8000-00000000000a');
reset role;
select is((select count(*)::int from public.partner_clients
            where client_org_id = '10000000-0000-4000-8000-00000000000a' and revoked_at is not null),
  1, 'the club''s admin revokes the partner at any time');

-- the outbox's kinds: every earlier one kept, the console's added
select ok((select pg_get_constraintdef(c.oid) ~ 'booking_confirmation' and pg_get_constraintdef(c.oid) ~ 'course_access'
             and pg_get_constraintdef(c.oid) ~ 'partner_application_status'
             and pg_get_constraintdef(c.oid) ~ 'partner_client_invitation'
             from pg_constraint c
            where c.conrelid = 'private.email_outbox'::regclass and c.conname = 'email_outbox_kind_check'),
  'the outbox keeps every earlier kind and allows the console''s invitation');

select * from finish();
rollback;
