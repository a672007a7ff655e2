-- security guards over the whole schema (reference/security.md §1.3–1.4, the
-- splinter lints they mirror in brackets). they look at the catalog, so a table,
-- function or view added by any later migration is checked too.
begin;
select plan(15);

-- rls everywhere (lint 0013) ------------------------------------------------------------
select tests.rls_enabled('public');
select tests.rls_enabled('private');
select tests.rls_enabled('sync');

-- a table under rls with no policy is either a mistake or a table nobody should
-- read through the api; in public it is a mistake (lint 0008)
select is(
  array(
    select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
       and not exists (select from pg_policy p where p.polrelid = c.oid)
     order by 1
  ),
  '{}'::text[],
  'every table in public has at least one policy'
);

-- one permissive policy per table, role and action (lint 0006)
select is(
  array(
    select format('%s %s %s', c.relname, p.polcmd, r.rolname)
      from pg_policy p
      join pg_class c on c.oid = p.polrelid
      join pg_namespace n on n.oid = c.relnamespace
      cross join lateral unnest(p.polroles) as pr(oid)
      join pg_roles r on r.oid = pr.oid
     where n.nspname = 'public' and p.polpermissive
     group by c.relname, p.polcmd, r.rolname
    having count(*) > 1
     order by 1
  ),
  '{}'::text[],
  'at most one permissive policy per table, role and action in public'
);

-- policies name their role; none applies to public (everyone, anon included)
select is(
  array(
    select format('%s: %s', c.relname, p.polname) from pg_policy p
      join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and p.polroles @> array[0::oid]
     order by 1
  ),
  '{}'::text[],
  'every policy in public names its role (no policy for public)'
);

-- functions -----------------------------------------------------------------------------------
-- a fixed search_path on every function of ours (lint 0011); extension functions
-- are the extension's business
select is(
  array(
    select format('%s.%s(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ('public', 'private', 'sync', 'tests')
       and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')
       and not exists (select from unnest(coalesce(p.proconfig, '{}')) as c(setting) where c.setting like 'search_path=%')
     order by 1
  ),
  '{}'::text[],
  'every function in public, private, sync and tests fixes its search_path'
);

-- security definer functions fix it to '' (fully qualified names inside)
select is(
  array(
    select format('%s.%s', n.nspname, p.proname)
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ('public', 'private', 'sync') and p.prosecdef
       and not (coalesce(p.proconfig, '{}') @> array['search_path=""'])
     order by 1
  ),
  '{}'::text[],
  'every security definer function sets search_path = '''''
);

-- in the exposed schema, a security definer function is reachable over
-- /rest/v1/rpc (lints 0028/0029): anon may never run one, but for the few a
-- visitor with no account needs, each validating its input and limiting what it
-- does (lint 0028's exception), added here on purpose ...
select is(
  array(
    select p.proname::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public' and p.prosecdef and has_function_privilege('anon', p.oid, 'execute')
       and p.proname not in (
         -- guest booking (20261206152000): open times of a published page; a
         -- manage link's own booking, only with its token
         'public_slots', 'guest_booking_view', 'guest_booking_cancel', 'guest_booking_reschedule',
         -- races (20261207160000): a published race and the list of them, read only; a
         -- sponsor banner's view or click, counted per day under a daily cap
         'race_page', 'upcoming_races', 'race_placement_event'
       )
     order by 1
  ),
  '{}'::text[],
  'anon can run no security definer function in public'
);

-- ... and those signed-in users may run are the intended rpcs, each of which
-- checks its caller. a new one must be added here on purpose.
select is(
  array(
    select p.proname::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public' and p.prosecdef and has_function_privilege('authenticated', p.oid, 'execute')
       and p.proname not in (
         -- tenancy (20261122110000, 20261122110100, 20261122110200)
         'create_organization', 'change_member_role', 'remove_member', 'leave_organization',
         'create_invitation', 'accept_invitation', 'revoke_invitation', 'link_athlete_account',
         -- scheduling (20261122200000)
         'book_slot', 'book_group_session', 'create_recurring_booking', 'cancel_booking',
         'cancel_recurring_booking', 'cancel_session', 'mark_no_show', 'resolve_conflict',
         -- money and moyklass (20261122300000)
         'moyklass_connection', 'set_moyklass_api_key',
         -- season rollover (20261204123000)
         'start_new_season',
         -- booking screens (20261204124000)
         'coach_busy_times',
         -- rescheduling (20261206142000)
         'reschedule_booking',
         -- member emails for admins (20261206144000)
         'member_emails',
         -- mini-courses (20261206156000)
         'enroll_course', 'leave_course', 'course_outline', 'complete_lesson', 'set_lesson_quiz_key',
         -- the course builder (20261206159000)
         'save_course_product', 'lesson_quiz_key',
         -- acting for a client club and its audit (20261206170000)
         'start_acting', 'stop_acting', 'acting_status', 'partner_audit', 'verify_audit_chain',
         -- reviewing partner applications, platform admins only (20261206171000)
         'add_partner_application_note', 'set_partner_application_status', 'partner_application_stats',
         -- the reseller console and the club's side of its partner (20261206172000)
         'partner_create_client', 'partner_update_client', 'partner_set_client_status',
         'partner_request_link', 'partner_link_preview', 'partner_accept_link', 'partner_client_usage',
         'club_revoke_partner', 'club_set_partner_write', 'club_partner',
         -- feature flags: a member's own features; every flag of an org, platform admins only (20261207140000)
         'my_feature_flags', 'feature_flags_for',
         -- organizations by name or id, platform admins only (20261207141000)
         'platform_find_organizations', 'platform_organizations',
         -- seat pools of running clubs (20261207150000)
         'create_seat_pool', 'claim_seat', 'assign_seat', 'revoke_seat', 'close_seat_pool',
         -- the names of a club's seat pools, for its members (20261207151000)
         'seat_pool_names',
         -- a club's dashboard, for its admins (20261207170000)
         'club_dashboard',
         -- club challenges: set, join, the leaderboard and the member's own standing (20261207171000)
         'create_club_challenge', 'delete_club_challenge', 'join_club_challenge',
         'set_club_challenge_leaderboard', 'leave_club_challenge', 'my_club_challenges', 'club_challenge_leaderboard',
         -- races: the public page, the list, a participant's plans, placement counts, the organizer's figures (20261207160000)
         'race_page', 'upcoming_races', 'my_race_plans', 'race_placement_event', 'race_placement_stats',
         'race_participant_stats',
         -- club pricing: the caller's member prices (20261207160500)
         'my_member_prices',
         -- seat pools bought through checkout: what a club's admins may buy seats of (20261207180000)
         'seat_pool_offers'
       )
     order by 1
  ),
  '{}'::text[],
  'every security definer function signed-in users can run in public is an intended rpc'
);

-- the tenancy rpcs read the caller from the jwt themselves
select is(
  array(
    select p.proname::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public'
       and p.proname in ('create_organization', 'change_member_role', 'remove_member', 'leave_organization',
                         'create_invitation', 'accept_invitation', 'revoke_invitation', 'link_athlete_account')
       and (not p.prosecdef or position('auth.uid()' in p.prosrc) = 0)
     order by 1
  ),
  '{}'::text[],
  'each tenancy rpc is security definer and checks auth.uid() itself'
);

-- helpers are never anon's
select is(
  array(
    select format('%s.%s', n.nspname, p.proname) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'private' and has_function_privilege('anon', p.oid, 'execute')
     order by 1
  ),
  '{}'::text[],
  'anon can run no function in private'
);

-- views (lint 0010) ----------------------------------------------------------------------------
-- a view runs as its owner unless security_invoker is on, and so bypasses rls
create function pg_temp.views_without_invoker()
returns text[]
language sql stable set search_path = ''
as $$
  select coalesce(array_agg(c.relname::text order by c.relname), '{}')
    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relkind in ('v', 'm')
     and not coalesce(c.reloptions @> array['security_invoker=true'] or c.reloptions @> array['security_invoker=on'], false)
$$;

-- the check finds such a view (so it can fail) ...
create view public.guard_probe_view as select 1 as one;
select ok('guard_probe_view' = any (pg_temp.views_without_invoker()), 'the view guard detects a view without security_invoker');
drop view public.guard_probe_view;

-- ... and the schema has none
select is(pg_temp.views_without_invoker(), '{}'::text[], 'every view in public runs with security_invoker');

-- extensions (lint 0014) ----------------------------------------------------------------------
-- none lives in public, where its objects would be exposed with the api schema:
-- pgcrypto, btree_gist and pgtap go to extensions, pg_cron to pg_catalog
select is(
  array(
    select e.extname::text from pg_extension e
     where e.extnamespace = 'public'::regnamespace
     order by 1
  ),
  '{}'::text[],
  'no extension is installed in public'
);

select * from finish();
rollback;
