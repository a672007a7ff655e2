-- partner applications (issue 16, 20261206171000_partner_applications.sql): anonymous
-- visitors reach nothing (the partner-apply function submits and confirms with the
-- service role); no application exists before its email is confirmed; only platform
-- admins read and review; the status machine refuses what it must; notes are
-- append-only; a partner reads its own application and never another's.
--
-- fixture: tests.create_tenancy_fixture() plus a platform organization (owner
-- `plat`, coach `plat_coach`) and a reseller `reseller_b` with member `rb`.
begin;
select plan(49);
select tests.create_tenancy_fixture();

select tests.create_supabase_user('plat');
select tests.create_supabase_user('plat_coach');
select tests.create_supabase_user('rb');
select tests.create_supabase_user('pa');
insert into public.organizations (id, kind, name, slug) values
  ('98200000-0000-4000-8000-0000000000f0', 'platform', 'Platform', 'platform-982'),
  ('98200000-0000-4000-8000-0000000000b0', 'reseller', 'Reseller B', 'reseller-b-982');
insert into public.memberships (org_id, user_id, role) values
  ('98200000-0000-4000-8000-0000000000f0', tests.get_supabase_uid('plat'), 'owner'),
  ('98200000-0000-4000-8000-0000000000f0', tests.get_supabase_uid('plat_coach'), 'coach'),
  ('98200000-0000-4000-8000-0000000000b0', tests.get_supabase_uid('rb'), 'owner');

create function pg_temp.fields(p_email text, p_company text default 'Тайминг Плюс') returns jsonb
language sql immutable as $$
  select jsonb_build_object('company_name', p_company, 'contact_name', 'Анна Смирнова',
    'contact_email', p_email, 'contact_phone', '+7 900 000-00-00', 'website', 'https://timing.example',
    'partnership_type', 'technology', 'company_size', '11-50', 'industry', 'Хронометраж',
    'current_solutions', null, 'target_market', 'Беговые клубы', 'motivation',
    'Хотим подключать наши датчики к тренировкам клубов', 'additional_information', null)
$$;

-- the confirmation email of a draft, as email-dispatch claims it: a fresh token
create function pg_temp.token_for(p_email text) returns text
language plpgsql volatile as $$
declare
  v_id uuid;
begin
  select e.id into v_id from private.email_outbox e
   where e.kind = 'partner_application_confirm' and e.to_email = p_email order by e.created_at desc limit 1;
  update private.email_outbox set status = 'sending' where id = v_id;
  perform tests.authenticate_as_service_role();
  return public.partner_application_confirm_link(v_id);
end
$$;

-- anonymous visitors -------------------------------------------------------------------
select tests.clear_authentication();
select throws_ok($$ select * from public.partner_applications $$, '42501', null, 'anon reads no application');
select throws_ok($$ select * from public.partner_application_notes $$, '42501', null, 'anon reads no note');
select throws_ok($$ insert into public.partner_applications (company_name) values ('x') $$, '42501', null,
  'anon inserts no application');
select throws_ok($$ select public.submit_partner_application(pg_temp.fields('a@b.cc'), 'ru') $$, '42501', null,
  'anon cannot call the submit rpc itself (the function does, with the service role)');
select throws_ok($$ select public.confirm_partner_application(repeat('a', 43)) $$, '42501', null,
  'anon cannot call the confirm rpc itself');
select throws_ok($$ select * from private.partner_application_drafts $$, '42501', null, 'anon reads no draft');
select throws_ok($$ select public.set_partner_application_status(gen_random_uuid(), 'reviewing') $$, '42501', null,
  'anon changes no status');

-- a signed-in club owner is no reviewer and no submitter
select tests.authenticate_as('owner');
select throws_ok($$ select public.submit_partner_application(pg_temp.fields('a@b.cc'), 'ru') $$, '42501', null,
  'a signed-in user cannot call the submit rpc');
select throws_ok($$ select * from private.partner_application_drafts $$, '42501', null, 'a user reads no draft');

-- submitting --------------------------------------------------------------------------
select tests.authenticate_as_service_role();
select is((public.submit_partner_application(pg_temp.fields('anna@timing.example'), 'ru') ->> 'queued'), 'true',
  'a submission is kept as a draft and its confirmation queued');
select is((public.submit_partner_application(pg_temp.fields('anna@timing.example', 'Тайминг Про'), 'ru') ->> 'queued'),
  'false', 'a second submission from the address within 24 hours queues no second email');
select is((select count(*)::int from private.email_outbox where to_email = 'anna@timing.example'), 1,
  'one email to the address, the confirmation');
select is((select company_name from private.partner_application_drafts where email_key = 'anna@timing.example'),
  'Тайминг Про', 'the newest answers replace the draft''s');
select is((select count(*)::int from public.partner_applications), 0, 'no application before the email is confirmed');
select throws_ok($$ select public.submit_partner_application(pg_temp.fields('not-an-email'), 'ru') $$, '23514', null,
  'a bad address is refused by the table''s check');
select throws_ok($$ select public.submit_partner_application(pg_temp.fields('x@y.zz') || '{"website": "javascript:alert(1)"}', 'en') $$,
  '23514', null, 'a site that is no http(s) address is refused');

-- confirming ----------------------------------------------------------------------------
select set_config('t.token', pg_temp.token_for('anna@timing.example'), true);
select is((select token_hash is not null from private.partner_application_drafts where email_key = 'anna@timing.example'),
  true, 'the draft keeps the token''s hash');
select is((public.confirm_partner_application(current_setting('t.token')) ->> 'status'), 'confirmed',
  'the link confirms the application');
select is((select company_name from public.partner_applications), 'Тайминг Про', 'the application exists, pending');
select is((public.confirm_partner_application(current_setting('t.token')) ->> 'status'), 'already_confirmed',
  'a second confirmation says it is already confirmed');
select is((select count(*)::int from public.partner_applications), 1, 'and makes no second application');
select is((select count(*)::int from private.email_outbox where kind = 'partner_application_received'), 1,
  'the applicant is told it was received');
select is((select count(*)::int from private.email_outbox
            where kind = 'partner_application_internal' and user_id = tests.get_supabase_uid('plat')), 1,
  'the platform''s owner gets the internal notice');
select is((select count(*)::int from private.email_outbox
            where kind = 'partner_application_internal' and user_id = tests.get_supabase_uid('plat_coach')), 0,
  'a platform coach does not');
select throws_ok($$ select public.confirm_partner_application(repeat('z', 43)) $$, 'P0001', 'this link is not valid',
  'an unknown token is refused');
select public.submit_partner_application(pg_temp.fields('late@timing.example'), 'en');
select set_config('t.late', pg_temp.token_for('late@timing.example'), true);
update private.partner_application_drafts set expires_at = now() - interval '1 minute'
 where email_key = 'late@timing.example';
select throws_ok($$ select public.confirm_partner_application(current_setting('t.late')) $$, 'P0001',
  'this link has expired', 'an expired link says so');
select throws_ok($$ insert into public.partner_applications (company_name, contact_name, contact_email, partnership_type,
    company_size, industry, target_market, motivation, status, decided_at)
  values ('Acme', 'Ann', 'a@b.cc', 'referral', '1-10', 'IT', 'Clubs', 'We want to help clubs grow', 'approved', now()) $$,
  'P0001', 'a new application is pending', 'no application is born decided');
select set_config('t.app', (select id::text from public.partner_applications), true);
select throws_ok($$ update public.partner_applications set company_name = 'Other' where id = current_setting('t.app')::uuid $$,
  '42501', null, 'an applicant''s answers never change');

-- only platform admins review -------------------------------------------------------------
select tests.authenticate_as('owner');
select is((select count(*)::int from public.partner_applications), 0, 'a club owner sees no application');
select throws_ok($$ select public.set_partner_application_status(current_setting('t.app')::uuid, 'reviewing') $$,
  '42501', null, 'a club owner cannot review');
select throws_ok($$ select public.add_partner_application_note(current_setting('t.app')::uuid, 'hi') $$,
  '42501', null, 'nor write a note');
select throws_ok($$ select public.partner_application_stats('2020-01-01', '2030-01-01') $$, '42501', null,
  'nor read the statistics');
select tests.authenticate_as('plat_coach');
select is((select count(*)::int from public.partner_applications), 0, 'a platform coach sees none either');

select tests.authenticate_as('plat');
select is((select count(*)::int from public.partner_applications), 1, 'a platform admin sees the application');
select throws_ok($$ update public.partner_applications set status = 'reviewing' $$, '42501', null,
  'no direct update of the status, even by a platform admin');
select throws_ok($$ select public.set_partner_application_status(current_setting('t.app')::uuid, 'approved') $$,
  'P0001', 'an application cannot go from pending to approved', 'pending cannot jump to approved');
select throws_ok($$ select public.set_partner_application_status(current_setting('t.app')::uuid, 'rejected', '  ') $$,
  '22023', null, 'a rejection needs a reason');
select is((public.set_partner_application_status(current_setting('t.app')::uuid, 'reviewing')).status, 'reviewing',
  'pending → reviewing');
select is((public.add_partner_application_note(current_setting('t.app')::uuid, 'Позвонить во вторник')).author_name,
  'plat', 'a note carries its author''s name');
select throws_ok($$ update public.partner_application_notes set body = 'edited' $$, '42501', null,
  'a note cannot be edited');
select is((public.set_partner_application_status(current_setting('t.app')::uuid, 'approved')).status, 'approved',
  'reviewing → approved');
select isnt((select partner_org_id from public.partner_applications), null, 'approval made the partner organization');
select throws_ok($$ select public.set_partner_application_status(current_setting('t.app')::uuid, 'rejected', 'changed mind') $$,
  'P0001', 'an application cannot go from approved to rejected', 'a decision is final');
select is((public.partner_application_stats('2000-01-01', '2100-01-01') -> 'byStatus' ->> 'approved'), '1',
  'the statistics count the approval');

select tests.authenticate_as_service_role();
select is((select count(*)::int from public.invitations i join public.partner_applications a on a.partner_org_id = i.org_id
            where i.role = 'owner'), 1, 'and invited its owner');
select throws_ok($$ delete from public.partner_application_notes $$, '42501', null,
  'notes cannot be deleted, even by the service role');

-- partners read their own application, never another's --------------------------------------
insert into public.memberships (org_id, user_id, role)
select partner_org_id, tests.get_supabase_uid('pa'), 'owner' from public.partner_applications;
select tests.authenticate_as('pa');
select is((select count(*)::int from public.partner_applications), 1, 'the partner reads its own application');
select is((select count(*)::int from public.partner_application_notes), 0, 'but not the internal notes');
select tests.authenticate_as('rb');
select is((select count(*)::int from public.partner_applications), 0, 'another partner reads nothing');

select * from finish();
rollback;
