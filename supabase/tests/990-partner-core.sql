-- partner core (issue 16, 20261206170000_partner_core.sql): resellers see only
-- their own clients and audit; a reseller reads a client's data only while acting
-- in a session the token names and the club still consents to; a read-only or
-- expired session writes nothing; the audit log refuses update, delete and
-- truncate from every role; the access-token hook adds act_as only for an open
-- session and strips a forged one; tiers gate white-label and the client limit.
--
-- fixture: tests.create_tenancy_fixture() (club A, school B) and two resellers:
-- R1 (silver) manages club A, R2 (gold) manages school B.
begin;
select plan(43);
select tests.create_tenancy_fixture();

select tests.create_supabase_user('reseller1');
select tests.create_supabase_user('reseller2');
insert into public.organizations (id, kind, name, slug) values
  ('99000000-0000-4000-8000-0000000000f1', 'reseller', 'Reseller One', 'reseller-one'),
  ('99000000-0000-4000-8000-0000000000f2', 'reseller', 'Reseller Two', 'reseller-two');
insert into public.memberships (org_id, user_id, role) values
  ('99000000-0000-4000-8000-0000000000f1', tests.get_supabase_uid('reseller1'), 'owner'),
  ('99000000-0000-4000-8000-0000000000f2', tests.get_supabase_uid('reseller2'), 'owner');
insert into public.partner_profiles (org_id, program, tier, referral_code) values
  ('99000000-0000-4000-8000-0000000000f1', 'reseller', 'silver', 'RONE2345'),
  ('99000000-0000-4000-8000-0000000000f2', 'reseller', 'gold', 'RTWO2345');
insert into public.partner_clients (partner_org_id, client_org_id, origin, status) values
  ('99000000-0000-4000-8000-0000000000f1', '10000000-0000-4000-8000-00000000000a', 'created', 'active'),
  ('99000000-0000-4000-8000-0000000000f2', '10000000-0000-4000-8000-00000000000b', 'created', 'active');

-- the guard is on every tenant table ----------------------------------------------------------
select is_empty($$
  select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
     and (c.relname = 'organizations' or exists (select from pg_attribute a
            where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped))
     and not exists (select from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'tenant_write_guard')
$$, 'every public table with org_id (and organizations) carries tenant_write_guard');

-- resellers see their own clients only ----------------------------------------------------------
select tests.authenticate_as('reseller1');
select results_eq($$ select client_org_id from public.partner_clients $$,
  $$ values ('10000000-0000-4000-8000-00000000000a'::uuid) $$, 'reseller 1 sees its client only');
select is_empty($$ select id from public.athletes where org_id = '10000000-0000-4000-8000-00000000000a' $$,
  'not acting: none of the client''s athletes');
select throws_ok($$ select public.start_acting('10000000-0000-4000-8000-00000000000b', 'looking at a club that is not ours', false) $$,
  '42501', null, 'acting for another reseller''s client is refused');
select throws_ok($$ select public.start_acting('10000000-0000-4000-8000-00000000000a', 'short', false) $$,
  '22023', null, 'a reason under 10 characters is refused');
select throws_ok($$ select public.start_acting('10000000-0000-4000-8000-00000000000a', 'fixing the timetable for them', true) $$,
  '42501', null, 'write access the club has not allowed is refused');
select throws_ok($$ select * from public.partner_audit('99000000-0000-4000-8000-0000000000f2') $$,
  '42501', null, 'reseller 1 cannot read reseller 2''s audit');
select throws_ok($$ select * from public.partner_audit('10000000-0000-4000-8000-00000000000b') $$,
  '42501', null, 'reseller 1 cannot read the audit of reseller 2''s client');

select tests.authenticate_as('reseller2');
select results_eq($$ select client_org_id from public.partner_clients $$,
  $$ values ('10000000-0000-4000-8000-00000000000b'::uuid) $$, 'reseller 2 sees its client only');

-- acting, read-only --------------------------------------------------------------------------------
select tests.authenticate_as('reseller1');
select lives_ok($$ select public.start_acting('10000000-0000-4000-8000-00000000000a', 'checking the roster with the club', false) $$,
  'reseller 1 starts a read-only session for its client');
-- what the access-token hook puts in the next token
reset role;
create temp table hooked on commit drop as
  select public.custom_access_token_hook(jsonb_build_object('user_id', tests.get_supabase_uid('reseller1'),
    'claims', tests.user_claims('reseller1'), 'authentication_method', 'token_refresh')) -> 'claims' as claims;
grant select on hooked to authenticated;
select ok((select claims -> 'act_as' ->> 'client_org_id' from hooked) = '10000000-0000-4000-8000-00000000000a',
  'the hook adds act_as naming the client');
select is((select (claims -> 'act_as' ->> 'write')::boolean from hooked), false, 'act_as says read-only');
select is(public.custom_access_token_hook(jsonb_build_object('user_id', tests.get_supabase_uid('reseller2'),
    'claims', tests.user_claims('reseller2') || '{"act_as": {"session_id": "forged"}}'::jsonb)) -> 'claims' -> 'act_as',
  null, 'the hook strips an act_as it did not issue');
select ok(has_function_privilege('supabase_auth_admin', 'public.custom_access_token_hook(jsonb)', 'execute')
          and not has_function_privilege('authenticated', 'public.custom_access_token_hook(jsonb)', 'execute')
          and not has_function_privilege('anon', 'public.custom_access_token_hook(jsonb)', 'execute'),
  'only supabase_auth_admin may run the hook');

select tests.authenticate_as('reseller1');
select set_config('request.jwt.claims', (select (tests.user_claims('reseller1') || jsonb_build_object('act_as', claims -> 'act_as'))::text from hooked), true);
select isnt_empty($$ select id from public.athletes where org_id = '10000000-0000-4000-8000-00000000000a' $$,
  'acting: the client''s athletes are readable');
select is_empty($$ select id from public.athletes where org_id = '10000000-0000-4000-8000-00000000000b' $$,
  'acting: nothing of any other club');
select is((public.acting_status() ->> 'clientOrgId'), '10000000-0000-4000-8000-00000000000a', 'acting_status names the client');
select throws_ok($$ update public.athletes set notes = 'x' where org_id = '10000000-0000-4000-8000-00000000000a' $$,
  '42501', 'this acting session is read-only', 'a read-only session cannot write');
select is_empty($$ select id from public.invitations where org_id = '10000000-0000-4000-8000-00000000000a' $$,
  'acting: the club''s invitations are not readable');
select throws_ok($$ select public.start_acting('10000000-0000-4000-8000-00000000000a', 'a second session while acting', false) $$,
  '42501', null, 'an acting session cannot start another');
select throws_ok($$ update public.partner_clients set allow_write = true $$,
  '42501', null, 'acting cannot grant itself write access');

-- another user presenting reseller 1's session
select tests.authenticate_as('reseller2');
select set_config('request.jwt.claims', (select (tests.user_claims('reseller2') || jsonb_build_object('act_as', claims -> 'act_as'))::text from hooked), true);
select is_empty($$ select id from public.athletes where org_id = '10000000-0000-4000-8000-00000000000a' $$,
  'a copied act_as claim grants another user nothing');

-- write sessions, audited -------------------------------------------------------------------------
select tests.authenticate_as('owner');
select results_eq($$ update public.partner_clients set allow_write = true returning allow_write $$,
  $$ values (true) $$, 'the club''s owner allows its partner to write');
select throws_ok($$ update public.partner_clients set status = 'canceled' $$,
  '42501', null, 'the club changes nothing else of the link');

reset role;
update private.acting_sessions set ended_at = now(), ended_how = 'stopped' where actor_id = tests.get_supabase_uid('reseller1');
select tests.authenticate_as('reseller1');
select lives_ok($$ select public.start_acting('10000000-0000-4000-8000-00000000000a', 'fixing a note the club asked about', true) $$,
  'a write session, now that the club allows it');
reset role;
create temp table hooked2 on commit drop as
  select public.custom_access_token_hook(jsonb_build_object('user_id', tests.get_supabase_uid('reseller1'),
    'claims', tests.user_claims('reseller1'))) -> 'claims' as claims;
grant select on hooked2 to authenticated;
select tests.authenticate_as('reseller1');
select set_config('request.jwt.claims', (select claims::text from hooked2), true);
select results_eq($$ update public.athletes set notes = 'через партнёра' where id = '30000000-0000-4000-8000-0000000000a1' returning notes $$,
  $$ values ('через партнёра'::text) $$, 'a write session writes to the client');
select throws_ok($$ insert into public.training_groups (id, org_id, name, season)
                   values (gen_random_uuid(), '10000000-0000-4000-8000-00000000000b', 'X', '2025-2026') $$,
  '42501', null, 'not to another club');
select tests.authenticate_as('owner');
select results_eq($$ select action, reason, target_id from public.partner_audit('10000000-0000-4000-8000-00000000000a') where action = 'acting.update' $$,
  $$ values ('acting.update'::text, 'fixing a note the club asked about'::text, '30000000-0000-4000-8000-0000000000a1'::text) $$,
  'the club''s owner reads the write in its audit, with the reason');
select results_eq($$ select ok from public.verify_audit_chain('10000000-0000-4000-8000-00000000000a') $$,
  $$ values (true) $$, 'the chain verifies');
select tests.authenticate_as('coach');
select throws_ok($$ select * from public.partner_audit('10000000-0000-4000-8000-00000000000a') $$,
  '42501', null, 'a coach of the club does not read the audit');

-- expiry ----------------------------------------------------------------------------------------------
reset role;
update private.acting_sessions set started_at = now() - interval '2 hours', expires_at = now() - interval '1 hour'
 where actor_id = tests.get_supabase_uid('reseller1') and ended_at is null;
select tests.authenticate_as('reseller1');
select set_config('request.jwt.claims', (select claims::text from hooked2), true);
select throws_ok($$ update public.athletes set notes = 'late' where id = '30000000-0000-4000-8000-0000000000a1' $$,
  '42501', null, 'an expired session cannot write');
reset role;
select private.end_partner_access();
select tests.authenticate_as('reseller1');
select set_config('request.jwt.claims', (select claims::text from hooked2), true);
select is_empty($$ select id from public.athletes where org_id = '10000000-0000-4000-8000-00000000000a' $$,
  'once the minute job closes it, an expired session reads nothing');

-- the audit log is append-only for everyone ------------------------------------------------------
select tests.authenticate_as('owner');
select throws_ok($$ update audit.entries set reason = 'x' $$, '42501', null, 'authenticated cannot update the audit');
select tests.authenticate_as_service_role();
select throws_ok($$ delete from audit.entries $$, '42501', null, 'service_role cannot delete from the audit');
select tests.clear_authentication();
select throws_ok($$ select public.start_acting('10000000-0000-4000-8000-00000000000a', 'anonymous visitor here', false) $$,
  '42501', null, 'anon cannot start acting');
reset role;
select throws_ok($$ update audit.entries set reason = 'x' $$, '42501', null, 'the table owner cannot update the audit');
select throws_ok($$ delete from audit.entries $$, '42501', null, 'the table owner cannot delete from the audit');
select throws_ok($$ truncate audit.entries $$, '42501', null, 'the table owner cannot truncate the audit');

-- tiers: white-label and the client limit ---------------------------------------------------------
select tests.authenticate_as('reseller1');
select throws_ok($$ update public.partner_profiles set brand_name = 'R1 Brand' $$,
  '42501', null, 'silver has no white-label: the brand is refused');
select tests.authenticate_as('reseller2');
select results_eq($$ update public.partner_profiles set brand_name = 'R2 Brand', brand_color = '#112233' returning brand_name $$,
  $$ values ('R2 Brand'::text) $$, 'gold sets its brand');
reset role;
insert into public.organizations (id, kind, name, slug)
select ('99100000-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid, 'club', 'Club ' || n, 'limit-club-' || n
  from generate_series(1, 10) n;
insert into public.partner_clients (partner_org_id, client_org_id, origin)
select '99000000-0000-4000-8000-0000000000f1', ('99100000-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid, 'created'
  from generate_series(1, 9) n;
select throws_ok($$ insert into public.partner_clients (partner_org_id, client_org_id, origin)
                   values ('99000000-0000-4000-8000-0000000000f1', '99100000-0000-4000-8000-000000000010', 'created') $$,
  '23514', null, 'an eleventh client is over the silver limit of 10');
select is(private.recalculate_partner_tiers() >= 1, true, 'the tier job re-evaluates the partners');
select is((select tier from public.partner_profiles where org_id = '99000000-0000-4000-8000-0000000000f1'), 'gold',
  'ten active clients make reseller 1 gold');

select * from finish();
rollback;
