-- scheduled jobs: one table for pg_cron and the local scheduler; the invitation
-- housekeeping job does what it says.
begin;
select plan(10);
select tests.create_tenancy_fixture();

select ok(
  exists (select from private.scheduled_jobs where name = 'purge-dead-invitation-secrets' and schedule = '17 3 * * *'),
  'the invitation housekeeping job is defined (daily, 03:17 utc)');

-- every job's command runs (as pg_cron would run it)
create function pg_temp.failing_jobs()
returns text[]
language plpgsql volatile set search_path = ''
as $$
declare
  v_job record;
  v_failed text[] := '{}';
begin
  for v_job in select name, command from private.scheduled_jobs order by name loop
    begin
      execute v_job.command;
    exception when others then
      v_failed := v_failed || (v_job.name || ': ' || sqlerrm);
    end;
  end loop;
  return v_failed;
end
$$;
select is(pg_temp.failing_jobs(), '{}'::text[], 'every scheduled job''s command runs');

-- where pg_cron is installed (ci's postgresql 15, supabase), it runs the same jobs
create function pg_temp.jobs_missing_from_cron()
returns text[]
language plpgsql stable set search_path = ''
as $$
declare
  v_missing text[];
begin
  execute $q$
    select coalesce(array_agg(j.name order by j.name), '{}') from private.scheduled_jobs j
     where not exists (select from cron.job c where c.jobname = j.name and c.schedule = j.schedule and c.command = j.command)
  $q$ into v_missing;
  return v_missing;
end
$$;
select case
  when exists (select from pg_extension where extname = 'pg_cron')
    then is(pg_temp.jobs_missing_from_cron(), '{}'::text[], 'pg_cron runs every scheduled job, as defined')
  else skip('pg_cron is not installed on this server (PGlite): the local scheduler reads private.scheduled_jobs', 1)
end;

-- the api never sees the job table
select is(tests.try_as('anon', 'select count(*) from private.scheduled_jobs'), '42501',
  'anon is refused the job table');
select is(tests.try_as('admin', 'select count(*) from private.scheduled_jobs'), '42501',
  'signed-in users are refused the job table');

-- purge-dead-invitation-secrets ------------------------------------------------------------------
-- dead for more than 30 days: expired, revoked, used up; dead recently or alive: kept
insert into public.invitations (org_id, role, code, token, expires_at, revoked_at, max_uses, use_count, created_at) values
  ('10000000-0000-4000-8000-00000000000a', 'member', 'CCCC-CCC2', repeat('c', 43), now() - interval '31 days', null, 1, 0, now() - interval '40 days'),
  ('10000000-0000-4000-8000-00000000000a', 'member', 'CCCC-CCC3', repeat('d', 43), now() + interval '10 days', now() - interval '31 days', 1, 0, now() - interval '40 days'),
  ('10000000-0000-4000-8000-00000000000a', 'member', 'CCCC-CCC4', repeat('e', 43), now() + interval '10 days', null, 1, 1, now() - interval '40 days'),
  ('10000000-0000-4000-8000-00000000000a', 'member', 'CCCC-CCC5', repeat('f', 43), now() - interval '1 day', null, 1, 0, now() - interval '8 days'),
  ('10000000-0000-4000-8000-00000000000a', 'member', 'CCCC-CCC6', repeat('g', 43), now() + interval '1 day', null, 5, 1, now() - interval '6 days');
-- the used-up one was used 35 days ago
insert into public.memberships (org_id, user_id, role, joined_at, invitation_id)
select '10000000-0000-4000-8000-00000000000a', tests.create_supabase_user('joined_long_ago'), 'member', now() - interval '35 days', i.id
  from public.invitations i where i.code = 'CCCC-CCC4';

select is(private.purge_dead_invitation_secrets(), 3, 'the job erases the secrets of three invitations dead for 30 days');
select is(
  array(select code || ' ' || left(token, 1) from public.invitations
         where created_at < now() - interval '1 day' and code is not null and token is not null order by code),
  array['CCCC-CCC5 f', 'CCCC-CCC6 g'],
  'recently dead and live invitations keep their code and token');
select is(
  (select count(*)::int from public.invitations where created_at < now() - interval '1 day' and code is null and token is null),
  3, 'the purged rows stay, without their secrets');
select is(private.purge_dead_invitation_secrets(), 0, 'running it again changes nothing');

select tests.authenticate_as('admin_b');
select throws_ok($$select public.accept_invitation('CCCC-CCC2')$$, 'P0001',
  'invitation not found: check the code or ask for a new link', 'an erased code no longer finds its invitation');
reset role;

select * from finish();
rollback;
