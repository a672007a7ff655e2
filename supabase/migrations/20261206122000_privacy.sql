-- privacy inside a club (issue 12, part 4; ARCHITECTURE §4).
--
-- two leaks inside one organization, closed here:
--
--   * money. purchases, the credit ledger and credit balances were readable by
--     every coach of the organization, so the coach of another group saw an
--     athlete's purchases, balance and every credit movement. they now follow the
--     rule of the athlete record itself (public.athletes, "Staff and the athlete
--     can view athletes": admins and owners of the organization, the coaches of
--     the athlete's group, the athlete) with the buyer in place of the athlete:
--     money rows are keyed by (org_id, user_id), an account, so the coaches' part
--     goes through the athlete record linked to that account in that organization.
--     moyklass_snapshots already had the athlete rule and is unchanged.
--   * blocked time. public.blocked_slots (with the coach's free-text reason) was
--     readable by every member. it is now read by the organization's staff
--     (coach, admin, owner) only; a member learns a coach's busy time, blocked
--     ranges included, from public.coach_busy_times (ranges, no reasons), which
--     the booking rpcs already check against the table as its owner.
--
-- devices that synced rows they may no longer read lose them at their next sync:
-- the access digest of the table changes and the engine's reconciliation drops
-- the ids the server no longer lists (src/data/reconcile-access.ts).
--
-- what each role sees of every table is the readme's "who sees what" table, held
-- to the database by supabase/tests/950-who-sees-what.sql and
-- tests/db/who-sees-what.test.ts.

/**
  * -------------------------------------------------------
  * section - authorization helpers
  * -------------------------------------------------------
  * security definer and independent of the row, like the foundation's helpers.
  * money rows name an account, not an athlete, and one account may be an athlete
  * in several organizations coached by different people: the helper answers
  * (organization, account) pairs, so coaching someone in one club shows nothing
  * of their money in another. a policy reads it through an uncorrelated
  * `(org_id, user_id) in (select …)`, which postgres runs once per statement as a
  * hashed subplan (the pair form of the `= any (array(select …))` initplan).
  */

-- the accounts linked to live athlete records of the groups the caller coaches,
-- with the organization of each record: the athletes policy's coach part
-- (group_id in coached_group_ids), by account
create function private.coached_athlete_accounts()
returns table (org_id uuid, user_id uuid)
language sql stable security definer set search_path = ''
as $$
  select a.org_id, a.user_id
    from public.athletes a
   where a.group_id in (select private.coached_group_ids())
     and a.user_id is not null
     and a.deleted_at is null
$$;
comment on function private.coached_athlete_accounts() is
  '(org, account) of the live, linked athletes in the groups the caller coaches';

revoke all on function private.coached_athlete_accounts() from public, anon, authenticated;
grant execute on function private.coached_athlete_accounts() to authenticated, service_role;

/**
  * -------------------------------------------------------
  * section - purchases, credit ledger, credit balances
  * -------------------------------------------------------
  * before: the buyer, or any coach, admin or owner of the organization.
  * after: the buyer, the organization's admins and owners, and the coaches of
  * the buyer's athlete record's group in that organization. writes stay with the
  * service role and the money rpcs (no policy for them).
  */
drop policy purchases_select on public.purchases;
create policy purchases_select on public.purchases for select to authenticated
  using (
    user_id = (select auth.uid())
    or org_id = any (array(select private.org_ids_with_role('admin')))
    or (org_id, user_id) in (select c.org_id, c.user_id from private.coached_athlete_accounts() c)
  );

drop policy credit_ledger_select on public.credit_ledger;
create policy credit_ledger_select on public.credit_ledger for select to authenticated
  using (
    user_id = (select auth.uid())
    or org_id = any (array(select private.org_ids_with_role('admin')))
    or (org_id, user_id) in (select c.org_id, c.user_id from private.coached_athlete_accounts() c)
  );

drop policy credit_balances_select on public.credit_balances;
create policy credit_balances_select on public.credit_balances for select to authenticated
  using (
    user_id = (select auth.uid())
    or org_id = any (array(select private.org_ids_with_role('admin')))
    or (org_id, user_id) in (select c.org_id, c.user_id from private.coached_athlete_accounts() c)
  );

/**
  * -------------------------------------------------------
  * section - blocked time
  * -------------------------------------------------------
  * before: "Members can view their coaches' blocked_slots", every member of the
  * organization. after: its staff (coach, admin, owner), who plan around each
  * other's absences; members get busy ranges from public.coach_busy_times.
  * insert and update are unchanged (the coach their own, an admin anyone's).
  */
drop policy "Members can view their coaches' blocked_slots" on public.blocked_slots;
create policy "Staff can view their organization's blocked_slots" on public.blocked_slots
  for select to authenticated
  using (org_id = any (array(select private.org_ids_with_role('coach'))));
