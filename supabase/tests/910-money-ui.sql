-- money ui: the dispatch-emails job that drains the email outbox in production
-- (pg_cron → pg_net → the email-dispatch function), harmless where pg_net is absent.
begin;
select plan(7);
select tests.create_tenancy_fixture();

select ok(
  exists (select from private.scheduled_jobs
           where name = 'dispatch-emails' and schedule = '* * * * *'
             and command = 'select private.dispatch_emails()'),
  'the email dispatch job is defined (every minute)');

select is(private.dispatch_emails(), null::bigint, 'nothing due: no call is made');

-- an email due now
insert into private.email_outbox (kind, user_id, dedupe_key)
select 'purchase_confirmation', u.id, 'test-910:due' from auth.users u order by u.id limit 1;

select case
  when exists (select from pg_extension where extname = 'pg_net')
    then skip('pg_net is installed: the call is made (needs the vault secrets)', 1)
  else is(private.dispatch_emails(), null::bigint,
          'without pg_net (PGlite, ci) the job does nothing: the local stack dispatches itself')
end;

select is((select status from private.email_outbox where dedupe_key = 'test-910:due'), 'pending',
  'the job never claims an email itself: the function does');

select is(tests.try_as('anon', 'select private.dispatch_emails()'), '42501',
  'anon may not trigger a dispatch');
select is(tests.try_as('admin', 'select private.dispatch_emails()'), '42501',
  'signed-in users may not trigger a dispatch');

select ok(
  not has_function_privilege('authenticated', 'private.dispatch_emails()', 'execute'),
  'only the job (the database owner) runs the dispatch');

select * from finish();
rollback;
