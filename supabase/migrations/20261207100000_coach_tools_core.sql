-- LOCAL STUB (not committed): stands in for the lead's core until it lands on main
create table public.coach_athletes (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  coach_id uuid not null,
  athlete_id uuid not null,
  kind text not null default 'coaching',
  status text not null default 'active',
  deleted_at timestamptz
);
create function private.consulted_athlete_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select r.athlete_id from public.coach_athletes r
   where r.coach_id = (select auth.uid()) and r.kind = 'consulting' and r.status = 'active' and r.deleted_at is null
$$;
grant execute on function private.consulted_athlete_ids() to authenticated, service_role;
