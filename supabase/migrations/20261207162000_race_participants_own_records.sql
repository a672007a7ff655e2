-- a race plan's buyer reads their own copy (issue 18, races). a paid race plan makes
-- the buyer an athlete record and a plan copy in the organizer's organization
-- (20261207160000_races.sql), but the buyer does not join it: a race's participants are
-- private to the organizer, who would otherwise list them among its members with their
-- emails. own_athlete_ids asked for an active membership, so the buyer could read
-- neither the copy nor its workouts (my_race_plans answered nothing, the home page showed
-- no workout). now a person's own records in a race's or a timing company's
-- organization count as theirs without a membership: the record exists only because
-- they bought a plan there, and a refund archives the copy. every other organization
-- still asks for an active membership, so a member who leaves a club loses its rows.
create or replace function private.own_athlete_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.id
    from public.athletes a
   where a.user_id = (select auth.uid())
     and a.deleted_at is null
     and (a.org_id in (select private.org_ids_with_role('member'))
          or exists (select from public.organizations o
                      where o.id = a.org_id and o.kind in ('race', 'timing_company')))
$$;
comment on function private.own_athlete_ids() is
  'the caller''s own athlete records: an active membership required, except a race''s or a timing company''s (a bought race plan)';

select sync.watch_access();
