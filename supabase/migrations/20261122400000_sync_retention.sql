-- sync retention: the sync bookkeeping that grows with every push is trimmed
-- daily, from the one job definition (private.scheduled_jobs).
--
-- sync.rejections   kept so a replayed batch gets its original verdicts; a device
--                   never replays a batch older than its acknowledged sequence, so
--                   rows older than the retention window serve nobody.
-- sync.conflicts    "your value was overwritten" notices, delivered on the next
--                   pull; a device that has not pulled for the window is stale anyway.
-- sync.field_writers is bounded by the data itself (one row per row and field)
-- and is not trimmed here.

/**
  * -------------------------------------------------------
  * section - functions
  * -------------------------------------------------------
  */
create function private.purge_sync_history(p_keep interval default interval '90 days')
returns int
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_rejections int;
  v_conflicts int;
begin
  if p_keep < interval '7 days' then
    raise exception 'keep at least 7 days of sync history (asked for %)', p_keep
      using errcode = '22023';
  end if;
  delete from sync.rejections where created_at < now() - p_keep;
  get diagnostics v_rejections = row_count;
  delete from sync.conflicts where created_at < now() - p_keep;
  get diagnostics v_conflicts = row_count;
  return v_rejections + v_conflicts;
end
$$;
comment on function private.purge_sync_history(interval) is
  'deletes sync rejections and conflict notices older than p_keep (≥ 7 days); returns rows deleted';
revoke all on function private.purge_sync_history(interval) from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * section - jobs
  * -------------------------------------------------------
  */
insert into private.scheduled_jobs (name, schedule, command, description) values
  ('purge-sync-history', '41 3 * * *', 'select private.purge_sync_history()',
   'daily 03:41 utc: drop sync rejections and conflict notices older than 90 days')
on conflict (name) do update
  set schedule = excluded.schedule, command = excluded.command, description = excluded.description;

select private.schedule_jobs();
