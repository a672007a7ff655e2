-- sync retention: old bookkeeping goes, recent stays, and the window has a floor.
begin;
select plan(5);

select tests.create_supabase_user('retention_user');

insert into sync.rejections (user_id, client_id, seq, code, reason, message, created_at)
values
  (tests.get_supabase_uid('retention_user'), gen_random_uuid(), 1, '23514', 'constraint', 'old', now() - interval '100 days'),
  (tests.get_supabase_uid('retention_user'), gen_random_uuid(), 2, '23514', 'constraint', 'recent', now() - interval '1 day');

insert into sync.conflicts (user_id, client_id, seq, table_name, row_id, field, created_at)
values
  (tests.get_supabase_uid('retention_user'), gen_random_uuid(), 1, 'athletes', gen_random_uuid(), 'schedule', now() - interval '100 days'),
  (tests.get_supabase_uid('retention_user'), gen_random_uuid(), 2, 'athletes', gen_random_uuid(), 'schedule', now() - interval '1 hour');

select ok(
  exists (select from private.scheduled_jobs where name = 'purge-sync-history'),
  'the retention job is defined once, for pg_cron and the local scheduler');

select is(private.purge_sync_history(), 2, 'the 100-day-old rejection and conflict are deleted');

select is(
  (select array_agg(message) from sync.rejections where user_id = tests.get_supabase_uid('retention_user')),
  array['recent'], 'a recent rejection stays (a replayed batch still gets its verdict)');

select is(
  (select count(*)::int from sync.conflicts where user_id = tests.get_supabase_uid('retention_user')),
  1, 'a recent conflict notice stays until it is pulled');

select throws_ok(
  $$select private.purge_sync_history(interval '1 hour')$$,
  '22023', null, 'a window under 7 days is refused');

select * from finish();
rollback;
