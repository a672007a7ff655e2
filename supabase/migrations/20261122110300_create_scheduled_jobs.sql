-- scheduled jobs: one definition for pg_cron and the local stack's scheduler.
--
-- tables    private.scheduled_jobs (name, 5-field cron schedule in utc, sql command)
--
-- production: when pg_cron is available (supabase: enable it under database →
-- extensions before `db push`), every row is registered with cron.schedule, which
-- replaces a job of the same name, so re-running is harmless. the local stack
-- (PGlite has no pg_cron) reads the same table and runs the same commands.
-- a later migration that adds a job inserts a row and calls
-- private.schedule_jobs() again.
--
-- every command must be idempotent: overlapping or repeated runs are harmless.

/**
  * -------------------------------------------------------
  * section - tables
  * -------------------------------------------------------
  */
create table private.scheduled_jobs (
  name text primary key,
  schedule text not null,
  command text not null,
  description text,
  constraint scheduled_jobs_name_check check (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  -- five space-separated fields of digits, ranges, lists, steps and '*'
  constraint scheduled_jobs_schedule_check check (
    schedule ~ '^[0-9*,/-]+ [0-9*,/-]+ [0-9*,/-]+ [0-9*,/-]+ [0-9*,/-]+$'
  )
);
comment on table private.scheduled_jobs is
  'jobs pg_cron runs in production and the local scheduler runs in development (times in utc)';

alter table private.scheduled_jobs enable row level security;
revoke all on private.scheduled_jobs from public, anon, authenticated;
grant select on private.scheduled_jobs to service_role;

/**
  * -------------------------------------------------------
  * section - jobs
  * -------------------------------------------------------
  */
insert into private.scheduled_jobs (name, schedule, command, description) values
  ('purge-dead-invitation-secrets', '17 3 * * *',
   'select private.purge_dead_invitation_secrets()',
   'daily 03:17 utc: erase codes and tokens of invitations expired, revoked or used up for 30 days');

/**
  * -------------------------------------------------------
  * section - pg_cron
  * -------------------------------------------------------
  */

-- registers every job with pg_cron when it is installed; returns how many
create function private.schedule_jobs()
returns int
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_job private.scheduled_jobs;
  v_count int := 0;
begin
  if not exists (select from pg_catalog.pg_extension where extname = 'pg_cron') then
    return 0;
  end if;
  for v_job in select * from private.scheduled_jobs order by name loop
    execute 'select cron.schedule($1, $2, $3)' using v_job.name, v_job.schedule, v_job.command;
    v_count := v_count + 1;
  end loop;
  return v_count;
end
$$;
revoke all on function private.schedule_jobs() from public, anon, authenticated;

-- install pg_cron where the server preloads it (ci's postgresql 15; supabase has
-- it once enabled). elsewhere (PGlite, a server without it) nothing happens.
-- in pg_catalog, as supabase's documentation and dashboard install it: its
-- objects live in schema cron either way, and an extension in public is what
-- supabase's database linter flags (extension_in_public).
do $$
begin
  if not exists (select from pg_catalog.pg_extension where extname = 'pg_cron')
    and coalesce(current_setting('shared_preload_libraries', true), '') like '%pg_cron%'
    and current_database() = coalesce(current_setting('cron.database_name', true), 'postgres')
  then
    create extension if not exists pg_cron with schema pg_catalog;
  end if;
exception
  when insufficient_privilege then
    raise notice 'pg_cron is not installed: enable it, then run select private.schedule_jobs()';
end
$$;

select private.schedule_jobs();
