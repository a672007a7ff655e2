-- same-club references (issue 13): a row that names another org-scoped row — a
-- group, a session, a timetable, a series, a product, an athlete — names one of
-- its own organization, or the database refuses it.
--
-- how. the referenced table has a unique (id, org_id), and the reference is a
-- composite foreign key (ref_id, org_id) → (id, org_id): a row of another
-- organization does not exist for it, so the write fails with 23503 (the sync
-- core files such a refused offline edit under `reference`, and /sync lists it
-- with the values the user typed). match simple: a null reference passes, as
-- before. `on delete set null (column)` empties the reference only, never org_id.
--
-- already so before this migration (and asserted by supabase/tests/
-- 135-same-club-references.sql): athletes → training_groups,
-- training_group_coaches → training_groups, group_timetables → training_groups,
-- rank_history, attendance and invitations → athletes; the coach named by the
-- scheduling tables is staff of the row's organization (private.guard_schedule_coach),
-- a group's coach too (private.guard_group_coach_write), and an attendance mark's
-- session is checked by private.guard_attendance (23514) — now backed by a key.
--
-- what this migration adds: the references that named a bare id.
--
--   training_sessions    group_id, timetable_id, recurring_booking_id
--   bookings             session_id
--   session_conflicts    session_id, recurring_booking_id, timetable_id
--   attendance           session_id
--   purchases            product_id, discount_code_id
--   credit_ledger        purchase_id
--   moyklass_snapshots   athlete_id
--   memberships          invitation_id
--
-- the keys are added not valid and validated at the end, each table scanned
-- once: a row that already crosses clubs stops the migration there, to be
-- looked at by hand (nothing is rewritten silently). no policy or helper
-- changes, so the sync core's access bookkeeping is left as it is.

/**
  * -------------------------------------------------------
  * section - keys to reference
  * -------------------------------------------------------
  * unique (id, org_id) on each referenced table that lacks one (training_groups
  * and athletes have theirs): what a composite foreign key points at.
  */

alter table public.training_sessions
  add constraint training_sessions_id_org_key unique (id, org_id);
alter table public.group_timetables
  add constraint group_timetables_id_org_key unique (id, org_id);
alter table public.recurring_bookings
  add constraint recurring_bookings_id_org_key unique (id, org_id);
alter table public.products
  add constraint products_id_org_key unique (id, org_id);
alter table public.discount_codes
  add constraint discount_codes_id_org_key unique (id, org_id);
alter table public.purchases
  add constraint purchases_id_org_key unique (id, org_id);
alter table public.invitations
  add constraint invitations_id_org_key unique (id, org_id);

/**
  * -------------------------------------------------------
  * section - sessions
  * -------------------------------------------------------
  * a session's group, timetable and series are its organization's; deleting one
  * empties the reference (as before), never the session's org_id.
  */

alter table public.training_sessions
  drop constraint training_sessions_group_id_fkey,
  drop constraint training_sessions_timetable_id_fkey,
  drop constraint training_sessions_recurring_booking_id_fkey,
  add constraint training_sessions_group_fkey foreign key (group_id, org_id)
    references public.training_groups (id, org_id) on delete set null (group_id) not valid,
  add constraint training_sessions_timetable_fkey foreign key (timetable_id, org_id)
    references public.group_timetables (id, org_id) on delete set null (timetable_id) not valid,
  add constraint training_sessions_recurring_booking_fkey foreign key (recurring_booking_id, org_id)
    references public.recurring_bookings (id, org_id) on delete set null (recurring_booking_id) not valid;

/**
  * -------------------------------------------------------
  * section - bookings and conflicts
  * -------------------------------------------------------
  * a seat is in a session of its organization; a conflict names a session,
  * series or timetable of its organization.
  */

alter table public.bookings
  drop constraint bookings_session_id_fkey,
  add constraint bookings_session_fkey foreign key (session_id, org_id)
    references public.training_sessions (id, org_id) on delete cascade not valid;

alter table public.session_conflicts
  drop constraint session_conflicts_session_id_fkey,
  drop constraint session_conflicts_recurring_booking_id_fkey,
  drop constraint session_conflicts_timetable_id_fkey,
  add constraint session_conflicts_session_fkey foreign key (session_id, org_id)
    references public.training_sessions (id, org_id) on delete cascade not valid,
  add constraint session_conflicts_recurring_booking_fkey foreign key (recurring_booking_id, org_id)
    references public.recurring_bookings (id, org_id) on delete cascade not valid,
  add constraint session_conflicts_timetable_fkey foreign key (timetable_id, org_id)
    references public.group_timetables (id, org_id) on delete cascade not valid;

/**
  * -------------------------------------------------------
  * section - attendance
  * -------------------------------------------------------
  * a mark's athlete was already its organization's (attendance_athlete_fkey) and
  * private.guard_attendance checks its session; the key makes the session's
  * organization a guarantee of the schema as well, so session and athlete are
  * always of one club.
  */

alter table public.attendance
  drop constraint attendance_session_id_fkey,
  add constraint attendance_session_fkey foreign key (session_id, org_id)
    references public.training_sessions (id, org_id) on delete cascade not valid;

/**
  * -------------------------------------------------------
  * section - money
  * -------------------------------------------------------
  * a purchase is of a product and a discount code of the selling club; a ledger
  * entry's purchase, and a moyklass snapshot's athlete, are of its club.
  */

alter table public.purchases
  drop constraint purchases_product_id_fkey,
  drop constraint purchases_discount_code_id_fkey,
  add constraint purchases_product_fkey foreign key (product_id, org_id)
    references public.products (id, org_id) on delete restrict not valid,
  add constraint purchases_discount_code_fkey foreign key (discount_code_id, org_id)
    references public.discount_codes (id, org_id) on delete set null (discount_code_id) not valid;

alter table public.credit_ledger
  drop constraint credit_ledger_purchase_id_fkey,
  add constraint credit_ledger_purchase_fkey foreign key (purchase_id, org_id)
    references public.purchases (id, org_id) on delete restrict not valid;

alter table public.moyklass_snapshots
  drop constraint moyklass_snapshots_athlete_id_fkey,
  add constraint moyklass_snapshots_athlete_fkey foreign key (athlete_id, org_id)
    references public.athletes (id, org_id) on delete restrict not valid;

/**
  * -------------------------------------------------------
  * section - memberships
  * -------------------------------------------------------
  * the invitation a membership came from is an invitation to that organization.
  */

alter table public.memberships
  drop constraint memberships_invitation_fkey,
  add constraint memberships_invitation_fkey foreign key (invitation_id, org_id)
    references public.invitations (id, org_id) on delete set null (invitation_id) not valid;

/**
  * -------------------------------------------------------
  * section - validation
  * -------------------------------------------------------
  * existing rows must agree too.
  */

alter table public.training_sessions validate constraint training_sessions_group_fkey;
alter table public.training_sessions validate constraint training_sessions_timetable_fkey;
alter table public.training_sessions validate constraint training_sessions_recurring_booking_fkey;
alter table public.bookings validate constraint bookings_session_fkey;
alter table public.session_conflicts validate constraint session_conflicts_session_fkey;
alter table public.session_conflicts validate constraint session_conflicts_recurring_booking_fkey;
alter table public.session_conflicts validate constraint session_conflicts_timetable_fkey;
alter table public.attendance validate constraint attendance_session_fkey;
alter table public.purchases validate constraint purchases_product_fkey;
alter table public.purchases validate constraint purchases_discount_code_fkey;
alter table public.credit_ledger validate constraint credit_ledger_purchase_fkey;
alter table public.moyklass_snapshots validate constraint moyklass_snapshots_athlete_fkey;
alter table public.memberships validate constraint memberships_invitation_fkey;
