-- feature flags (issue 18, 20261207140000_feature_flags.sql): only the platform's
-- admins read and write flags, rules and overrides; a member learns only the
-- features on for their own organizations; evaluation follows OpenFeature's
-- reasons (override and kind rules, rollout split by organization, retired,
-- unknown); a disabled feature answers with the one feature_disabled error; a key
-- is never deleted or reused; every change is audited.
--
-- fixture: tests.create_tenancy_fixture() (club A, school B) plus a platform
-- organization with an owner (`plat`) and a coach (`plat_coach`).
begin;
select plan(42);
select tests.create_tenancy_fixture();

select tests.create_supabase_user('plat');
select tests.create_supabase_user('plat_coach');
insert into public.organizations (id, kind, name, slug) values
  ('65000000-0000-4000-8000-0000000000f0', 'platform', 'Platform', 'platform-650');
insert into public.memberships (org_id, user_id, role) values
  ('65000000-0000-4000-8000-0000000000f0', tests.get_supabase_uid('plat'), 'owner'),
  ('65000000-0000-4000-8000-0000000000f0', tests.get_supabase_uid('plat_coach'), 'coach');

create function pg_temp.eval(p_key text, p_org text) returns text
language sql as $$
  select concat_ws('/', e.value::text, e.reason, e.variant, e.error_code)
    from private.evaluate_flag(p_key, ('10000000-0000-4000-8000-00000000000' || p_org)::uuid) e
$$;

-- reading ---------------------------------------------------------------------------------------------
select is(tests.try_as('plat', $$select count(*) from public.feature_flags$$),
  '3', 'a platform admin sees seed 000''s three flags');
select is(tests.try_as('plat_coach', $$select count(*) from public.feature_flags$$),
  '0', 'a coach of the platform does not');
select is(tests.try_as('owner', $$select count(*) from public.feature_flags$$),
  '0', 'nor a club''s owner');
select is(tests.try_as('anon', $$select count(*) from public.feature_flags$$),
  '42501', 'anon is refused outright');
select is(tests.try_as('owner', $$select count(*) from public.feature_flag_overrides$$),
  '0', 'a club''s owner reads no overrides');
select is(tests.try_as('admin', $$select count(*) from public.my_feature_flags()$$),
  '3', 'a club''s admin learns the three features on for the club');
select is(tests.try_as('outsider', $$select count(*) from public.my_feature_flags()$$),
  '0', 'someone in no organization learns none');
select is(tests.try_as('admin', $$select count(*) from public.feature_flags_for('10000000-0000-4000-8000-00000000000a')$$),
  '42501', 'only the platform''s admins list every flag of an organization');
select is(tests.try_as('plat', $$select count(*) from public.feature_flags_for('10000000-0000-4000-8000-00000000000a')$$),
  '3', 'the platform''s admins do');

-- writing ---------------------------------------------------------------------------------------------
select is(tests.try_as('owner', $$insert into public.feature_flags (key) values ('leaderboards')$$),
  '42501', 'a club''s owner cannot add a flag');
select is(tests.try_as('plat_coach', $$update public.feature_flags set enabled = false$$),
  '0', 'a coach of the platform changes nothing');
select is(tests.try_as('admin', $$insert into public.feature_flag_overrides (flag_key, org_id, enabled)
  values ('running_clubs', '10000000-0000-4000-8000-00000000000a', false)$$),
  '42501', 'a club''s admin cannot switch their own club''s feature');
select is(tests.try_as('plat', $$insert into public.feature_flags (key) values ('Bad-Key')$$),
  '23514', 'a key is lowercase letters, digits and underscores');

select tests.authenticate_as('plat');
insert into public.feature_flags (key, description, enforcement, enabled)
  values ('leaderboards', 'Challenge leaderboards', 'rpc', false);
insert into public.feature_flag_overrides (flag_key, org_id, enabled, note)
  values ('running_clubs', '10000000-0000-4000-8000-00000000000a', false, 'club asked to wait');
insert into public.feature_flag_rules (flag_key, org_kind, enabled) values ('coaches', 'school', false);
reset role;

-- evaluation ------------------------------------------------------------------------------------------
select is(pg_temp.eval('coaches', 'a'), 'true/DEFAULT/default', 'a flag with no rule for the kind: its own value');
select is(pg_temp.eval('coaches', 'b'), 'false/TARGETING_MATCH/kind', 'the school''s kind rule turns it off');
select is(pg_temp.eval('running_clubs', 'a'), 'false/TARGETING_MATCH/override', 'the club''s override turns it off');
select is(pg_temp.eval('running_clubs', 'b'), 'true/DEFAULT/default', 'for the other organization it stays on');
select is(pg_temp.eval('leaderboards', 'a'), 'false/DEFAULT/default', 'a new flag is off by default');
select is(pg_temp.eval('no_such_flag', 'a'), 'false/ERROR/FLAG_NOT_FOUND', 'an unknown key is an error, and off');
select is(tests.try_as('admin', $$select count(*) from public.my_feature_flags() where key = 'running_clubs'$$),
  '0', 'a feature turned off for the club is not named to its members');
select is(tests.try_as('admin_b', $$select count(*) from public.my_feature_flags() where key = 'running_clubs'$$),
  '1', 'while the other organization''s members learn it is on');
select is(tests.try_as('admin', $$select count(*) from public.my_feature_flags() where key = 'leaderboards'$$),
  '0', 'nor is a flag that is off for everyone (the roadmap stays private)');

-- a rollout: the organization's bucket decides, the same bucket as the app's
select tests.authenticate_as('plat');
update public.feature_flags set enabled = true, rollout_percent = 50 where key = 'leaderboards';
reset role;
select is(pg_temp.eval('leaderboards', 'a'),
  case when private.flag_bucket('leaderboards', '10000000-0000-4000-8000-00000000000a') < 50
    then 'true/SPLIT/rollout_in' else 'false/SPLIT/rollout_out' end,
  'at 50 % the club is in exactly when its bucket is below 50');
select ok(private.flag_bucket('leaderboards', '10000000-0000-4000-8000-00000000000a') between 0 and 99,
  'a bucket is 0 to 99');
select tests.authenticate_as('plat');
update public.feature_flags set rollout_percent = 0 where key = 'leaderboards';
reset role;
select is(pg_temp.eval('leaderboards', 'a'), 'false/SPLIT/rollout_out', 'at 0 % nobody is in');
select tests.authenticate_as('plat');
update public.feature_flags set rollout_percent = 100 where key = 'leaderboards';
reset role;
select is(pg_temp.eval('leaderboards', 'a'), 'true/SPLIT/rollout_in', 'at 100 % everybody is');
select is(private.murmur3_32('The quick brown fox jumps over the lazy dog', 0), 776992547::bigint,
  'MurmurHash3 x86_32 gives the reference value (0x2e4ff723)');

-- the one refusal ------------------------------------------------------------------------------------
select throws_ok($$ select private.require_feature('running_clubs', '10000000-0000-4000-8000-00000000000a') $$,
  'P0001', 'the feature running_clubs is turned off for this organization',
  'a disabled feature refuses with one message');
select is(tests.hint_of($$ select private.require_feature('running_clubs', '10000000-0000-4000-8000-00000000000a') $$),
  'feature_disabled', 'and the hint the app translates');
select lives_ok($$ select private.require_feature('running_clubs', '10000000-0000-4000-8000-00000000000b') $$,
  'an enabled feature lets the call through');
select is(tests.hint_of($$ select private.require_feature('no_such_flag', '10000000-0000-4000-8000-00000000000b') $$),
  'feature_disabled', 'an unknown flag fails closed');

-- a key is never reused ------------------------------------------------------------------------------
select tests.authenticate_as('plat');
update public.feature_flags set retired_at = now() where key = 'leaderboards';
reset role;
select is(pg_temp.eval('leaderboards', 'a'), 'false/DISABLED/retired', 'a retired flag is disabled for everyone');
select is(tests.try_as('plat', $$update public.feature_flags set enabled = true where key = 'leaderboards'$$),
  '42501', 'a retired flag no longer changes');
select is(tests.try_as('plat', $$update public.feature_flags set retired_at = null where key = 'leaderboards'$$),
  '42501', 'nor comes back');
select is(tests.try_as('plat', $$insert into public.feature_flag_overrides (flag_key, org_id, enabled)
  values ('leaderboards', '10000000-0000-4000-8000-00000000000b', true)$$),
  '42501', 'nor gets new overrides');
select is(tests.try_as('plat', $$delete from public.feature_flags where key = 'leaderboards'$$),
  '42501', 'a platform admin cannot delete a flag');
select throws_ok($$ delete from public.feature_flags where key = 'coaches' $$,
  '42501', 'flag coaches cannot be deleted: retire it, and its key stays taken',
  'not even the table''s owner');
select is(tests.try_as('plat', $$insert into public.feature_flags (key) values ('leaderboards')$$),
  '23505', 'and its key cannot be taken again');
select is(tests.try_as('admin', $$select count(*) from public.my_feature_flags() where key = 'leaderboards'$$),
  '0', 'a retired flag is named to nobody');

-- audit -----------------------------------------------------------------------------------------------
select is((select count(*)::int from audit.entries
            where chain_org_id = '65000000-0000-4000-8000-0000000000f0' and action like 'flag.%'),
  7, 'every change is in the platform''s chain: the new flag, the override, the rule, four updates');
select is((select count(*)::int from audit.entries
            where chain_org_id = '10000000-0000-4000-8000-00000000000a' and action = 'flag.insert'
              and target_table = 'feature_flag_overrides' and actor_id = tests.get_supabase_uid('plat')),
  1, 'and the override also in the club''s own chain, with who made it');
select is((select detail -> 'after' ->> 'enabled' from audit.entries
            where chain_org_id = '10000000-0000-4000-8000-00000000000a' and action = 'flag.insert'),
  'false', 'with what it set');

select * from finish();
rollback;
