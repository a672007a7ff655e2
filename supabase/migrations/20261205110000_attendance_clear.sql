-- attendance: a mark can be cleared.
--
-- a coach who tapped the wrong athlete needs to take the mark back, not only to
-- change it. clearing sets the status to null rather than deleting the row: the
-- row's id is derived from (session, athlete), so two coaches clearing and
-- marking offline still meet on one row, and per-field last-writer-wins decides
-- between them as it does for any other change. a tombstone could not be marked
-- again through the same insert-or-merge path.
--
-- readers treat a null status as no mark: the percentage, the register export
-- and «Сегодня» skip it.

/**
  * -------------------------------------------------------
  * section - table
  * -------------------------------------------------------
  */
alter table public.attendance alter column status drop not null;
comment on column public.attendance.status is
  'present | excused | absent | trial (a trial lesson); null: the mark was cleared';
