-- club analytics (issue 15): aggregate figures of a club for its owners and admins.
--
-- tables    public.club_analytics_cells (synced, read by the club's owners and admins)
-- functions private.club_suppression(int[], boolean[], int)
--           private.club_analytics_figures(uuid, timestamptz)
--           private.refresh_club_analytics(uuid, timestamptz)
-- jobs      refresh-club-analytics (hourly)
--
-- four figures, each a set of cells keyed by (figure, period, dimension):
--   members          athletes on the club's roster (status active, record created by then and not
--                    deleted by then) at each month's end, last 12 months; one cell per month.
--                    an athlete's status has no history: one who is inactive today is left out
--                    of the past months too.
--   attendance_rate  present (a trial counts) / marked, percent, per group and month of the
--                    session's local date, last 12 months; dimension 'none' for sessions without a
--                    group, '' for the club; people = distinct athletes marked.
--   rank_progression athletes who reached a new rank (rank_end above rank_start) in the current
--                    season and the one before it, per rank reached; the current season's ranks
--                    live on the athlete, earlier ones in rank_history.
--   revenue          paid purchases minus what was refunded of them, per product and month paid
--                    (the club's zone), minor units of `currency`; people = distinct buyers (an
--                    account, a guest's email, or the purchase itself).
--   ('members' is the figure name the ui reads; the check lists the four.)
--
-- k-anonymity with complementary suppression (storefront.md §3.2, §4.3 item 20): a cell from
-- fewer than k = 5 distinct people is stored with value and people null and suppressed = true.
-- in every family — one figure and period (and currency), whose parts add up to its total
-- (dimension '') — once a part is suppressed, the next smallest parts are suppressed too until
-- at least two parts of at least k people together are hidden, or the total when no part is left;
-- a total under k hides every part. so no hidden part can be recovered as total minus the shown
-- parts; the "club versus club-minus-one" pair (a group that is everyone but one athlete) shows
-- one of the two at most. src/domain/club-analytics.ts is the same rule (agreement test).
--
-- what this does not protect against, stated so nobody relies on it: differences over time (the
-- same group last month and this month when one athlete joined), differences between figures of
-- other kinds, and a person who already knows everyone else's values. it does not need to protect
-- the club from itself either: owners and admins already read every athlete's marks and purchases;
-- the point is that these figures can be shown and exported without naming anyone.
--
-- the refresh writes only cells whose figures changed (sync does not churn) and marks the ones
-- that vanished deleted; computed_at is when a cell's figures were last computed to a new value.

/**
  * -------------------------------------------------------
  * section - table
  * -------------------------------------------------------
  */
create table public.club_analytics_cells (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  figure text not null
    constraint club_analytics_cells_figure_check
    check (figure in ('members', 'attendance_rate', 'rank_progression', 'revenue')),
  -- 'YYYY-MM' in the club's zone, or a season 'YYYY-YYYY' for rank progression
  period text not null
    constraint club_analytics_cells_period_check
    check (period ~ '^[0-9]{4}-([0-9]{2}|[0-9]{4})$'),
  -- '' = the club; a group id or 'none', a rank, a product id, 'total:<currency>'
  dimension text not null default ''
    constraint club_analytics_cells_dimension_check check (char_length(dimension) <= 100),
  label text not null default ''
    constraint club_analytics_cells_label_check check (char_length(label) <= 200),
  value numeric,
  people int,
  suppressed boolean not null,
  currency text
    constraint club_analytics_cells_currency_check check (currency ~ '^[A-Z]{3}$'),
  computed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint club_analytics_cells_key unique (org_id, figure, period, dimension),
  -- the guarantee the whole table exists for: nothing shown comes from fewer than 5 people
  constraint club_analytics_cells_k_check check (
    case when suppressed then value is null and people is null
         else value is not null and people >= 5 end),
  constraint club_analytics_cells_currency_shape check ((figure = 'revenue') = (currency is not null))
);
comment on table public.club_analytics_cells is
  'a club''s aggregate figures, k = 5 with complementary suppression; read by its owners and admins';
comment on column public.club_analytics_cells.people is
  'distinct people the cell was computed from (null when suppressed)';
create index club_analytics_cells_xid_idx on public.club_analytics_cells (xid, id);
create trigger stamp_synced_row before insert or update on public.club_analytics_cells
  for each row execute function private.stamp_synced_row();

/**
  * -------------------------------------------------------
  * section - suppression
  * -------------------------------------------------------
  * one family's cells as parallel arrays (people, and which one is the total),
  * in the order ties are broken (the caller sorts by people, value, dimension);
  * answers which are suppressed. src/domain/club-analytics.ts suppressedCells is
  * the same rule.
  */
create function private.club_suppression(p_people int[], p_is_total boolean[], p_k int default 5)
returns boolean[]
language plpgsql immutable security invoker set search_path = ''
as $$
declare
  v_n int := coalesce(array_length(p_people, 1), 0);
  v_out boolean[] := array[]::boolean[];
  v_total int;
  v_hidden int := 0;
  v_hidden_people int := 0;
  v_next int;
begin
  for i in 1 .. v_n loop
    v_out := v_out || (coalesce(p_people[i], 0) < p_k);
    if p_is_total[i] then
      v_total := i;
    end if;
  end loop;
  -- a total under k: every part of it is smaller still
  if v_total is not null and v_out[v_total] then
    return array_fill(true, array[v_n]);
  end if;
  for i in 1 .. v_n loop
    if i is distinct from v_total and v_out[i] then
      v_hidden := v_hidden + 1;
      v_hidden_people := v_hidden_people + coalesce(p_people[i], 0);
    end if;
  end loop;
  while v_hidden > 0 and (v_hidden < 2 or v_hidden_people < p_k) loop
    v_next := null;
    for i in 1 .. v_n loop
      if i is distinct from v_total and not v_out[i]
         and (v_next is null or p_people[i] < p_people[v_next]) then
        v_next := i;
      end if;
    end loop;
    if v_next is null then
      if v_total is not null then
        v_out[v_total] := true;
      end if;
      exit;
    end if;
    v_out[v_next] := true;
    v_hidden := v_hidden + 1;
    v_hidden_people := v_hidden_people + p_people[v_next];
  end loop;
  return v_out;
end
$$;
comment on function private.club_suppression(int[], boolean[], int) is
  'k-anonymity with complementary suppression for one family of cells (src/domain/club-analytics.ts)';

/**
  * -------------------------------------------------------
  * section - figures
  * -------------------------------------------------------
  * the raw figures of one club at an instant, before suppression. family groups
  * the cells that add up to a total (figure, period and, for revenue, currency).
  */
create function private.club_analytics_figures(p_org uuid, p_now timestamptz default now())
returns table (
  figure text, period text, dimension text, label text, value numeric, people int,
  currency text, family text, is_total boolean
)
language sql stable security definer set search_path = ''
as $$
  with club as (
    select o.id, o.time_zone, t.today, o.created_at,
           (date_trunc('month', t.today::timestamp) - interval '11 months')::date as first_month
      from public.organizations o
     cross join lateral (select (p_now at time zone o.time_zone)::date as today) t
     where o.id = p_org and o.deleted_at is null
  ),
  months as (
    select to_char(m, 'YYYY-MM') as period, m::date as first_day,
           least((m + interval '1 month') at time zone c.time_zone, p_now) as ends_at
      from club c
     cross join generate_series(c.first_month::timestamp, date_trunc('month', c.today::timestamp),
                                interval '1 month') m
  ),
  -- members: the roster at each month's end, from the month the club or its first athlete began
  members as (
    select 'members'::text as figure, mo.period, ''::text as dimension, ''::text as label,
           count(a.id)::numeric as value, count(a.id)::int as people,
           null::text as currency, 'members/' || mo.period as family, true as is_total
      from months mo
      cross join club c
      left join public.athletes a
        on a.org_id = c.id and a.status = 'active' and a.created_at <= mo.ends_at
       and (a.deleted_at is null or a.deleted_at > mo.ends_at)
     where mo.ends_at >= least(c.created_at,
                               coalesce((select min(a2.created_at) from public.athletes a2 where a2.org_id = c.id),
                                        c.created_at))
     group by mo.period
  ),
  marks as (
    select to_char(s.local_date, 'YYYY-MM') as period, s.group_id, m.athlete_id,
           m.status in ('present', 'trial') as came
      from public.attendance m
      join public.training_sessions s on s.id = m.session_id and s.org_id = m.org_id
      join club c on c.id = m.org_id
     where m.deleted_at is null and s.deleted_at is null and s.status <> 'cancelled'
       and s.local_date >= c.first_month
       and s.local_date <= c.today
  ),
  attendance as (
    select 'attendance_rate'::text, k.period,
           case when grouping(k.group_key) = 1 then '' else k.group_key end,
           case when grouping(k.group_key) = 1 or k.group_key = 'none' then ''
                else coalesce((select g.name from public.training_groups g where g.id::text = k.group_key), '') end,
           round(100.0 * count(*) filter (where k.came) / count(*), 1),
           count(distinct k.athlete_id)::int,
           null::text, 'attendance_rate/' || k.period, grouping(k.group_key) = 1
      from (select mk.*, coalesce(mk.group_id::text, 'none') as group_key from marks mk) k
     group by grouping sets ((k.period, k.group_key), (k.period))
  ),
  seasons as (
    select (y + shift)::text || '-' || (y + shift + 1)::text as season
      from club c
     cross join lateral (select extract(year from c.today)::int
                                - case when extract(month from c.today) >= 9 then 0 else 1 end as y) sy
     cross join (values (0), (-1)) as s(shift)
  ),
  season_ranks as (
    -- the current season's ranks are on the athlete; rank_history keeps the ones before
    select distinct on (r.athlete_id, r.season) r.athlete_id, r.season, r.rank_start, r.rank_end
      from (
        select a.id as athlete_id, a.season, a.rank_start, a.rank_end, 0 as pref
          from public.athletes a
         where a.org_id = p_org and a.deleted_at is null
        union all
        select h.athlete_id, h.season, h.rank_start, h.rank_end, 1
          from public.rank_history h
          join public.athletes a on a.id = h.athlete_id and a.deleted_at is null
         where h.org_id = p_org and h.deleted_at is null
      ) r
      join seasons s on s.season = r.season
     order by r.athlete_id, r.season, r.pref
  ),
  reached as (
    select sr.season, sr.athlete_id, sr.rank_end
      from season_ranks sr
     where sr.rank_end is not null
       and (sr.rank_start is null
            or private.rank_position(sr.rank_end) > private.rank_position(sr.rank_start))
  ),
  ranks as (
    select 'rank_progression'::text, r.season,
           case when grouping(r.rank_end) = 1 then '' else r.rank_end end,
           case when grouping(r.rank_end) = 1 then '' else r.rank_end end,
           count(distinct r.athlete_id)::numeric, count(distinct r.athlete_id)::int,
           null::text, 'rank_progression/' || r.season, grouping(r.rank_end) = 1
      from reached r
     group by grouping sets ((r.season, r.rank_end), (r.season))
  ),
  sales as (
    select to_char(p.paid_at at time zone c.time_zone, 'YYYY-MM') as period, p.product_id, p.currency,
           p.amount_minor - p.refunded_minor as net,
           coalesce(p.user_id::text, 'guest:' || lower(g.email), 'purchase:' || p.id::text) as buyer
      from public.purchases p
      join club c on c.id = p.org_id
      left join private.purchase_guests g on g.purchase_id = p.id
     where p.status in ('paid', 'refunded') and p.paid_at is not null and p.deleted_at is null
       and (p.paid_at at time zone c.time_zone)::date >= c.first_month
       and p.paid_at <= p_now
  ),
  currencies as (
    select s.period, count(distinct s.currency) as n from sales s group by s.period
  ),
  revenue as (
    select 'revenue'::text, s.period,
           case when grouping(s.product_id) = 0 then s.product_id::text
                when cu.n = 1 then ''
                else 'total:' || s.currency end,
           case when grouping(s.product_id) = 1 then ''
                else coalesce((select pr.name from public.products pr where pr.id = s.product_id),
                              (select min(s2.product_name) from public.purchases s2 where s2.product_id = s.product_id),
                              '') end,
           sum(s.net)::numeric, count(distinct s.buyer)::int,
           s.currency, 'revenue/' || s.period || '/' || s.currency, grouping(s.product_id) = 1
      from sales s
      join currencies cu on cu.period = s.period
     group by grouping sets ((s.period, s.currency, cu.n, s.product_id), (s.period, s.currency, cu.n))
  )
  select * from members
  union all select * from attendance
  union all select * from ranks
  union all select * from revenue
$$;
comment on function private.club_analytics_figures(uuid, timestamptz) is
  'a club''s figures before suppression (never exposed: the cells table holds only suppressed ones)';

/**
  * -------------------------------------------------------
  * section - refresh
  * -------------------------------------------------------
  * for one club or all of them: computes, suppresses, writes the cells whose
  * figures changed and marks the vanished ones deleted. returns the cells written.
  */
create function private.refresh_club_analytics(p_org uuid default null, p_now timestamptz default now())
returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_org uuid;
  v_written int := 0;
  v_count int;
begin
  for v_org in
    select o.id from public.organizations o
     where o.deleted_at is null and (p_org is null or o.id = p_org)
     order by o.id
  loop
    with raw as (
      select f.*, row_number() over (partition by f.family
                                     order by f.people, f.value, f.dimension) as pos
        from private.club_analytics_figures(v_org, p_now) f
    ),
    verdicts as (
      select r.family, private.club_suppression(array_agg(r.people order by r.pos),
                                                array_agg(r.is_total order by r.pos)) as hidden
        from raw r
       group by r.family
    ),
    cells as (
      select r.figure, r.period, r.dimension, r.label, r.currency, v.hidden[r.pos] as suppressed,
             case when v.hidden[r.pos] then null else r.value end as value,
             case when v.hidden[r.pos] then null else r.people end as people
        from raw r
        join verdicts v on v.family = r.family
    ),
    written as (
      insert into public.club_analytics_cells as t
        (org_id, figure, period, dimension, label, value, people, suppressed, currency, computed_at)
      select v_org, c.figure, c.period, c.dimension, c.label, c.value, c.people, c.suppressed,
             c.currency, p_now
        from cells c
      on conflict (org_id, figure, period, dimension) do update
        set label = excluded.label, value = excluded.value, people = excluded.people,
            suppressed = excluded.suppressed, currency = excluded.currency,
            computed_at = excluded.computed_at, deleted_at = null
        where (t.label, t.value, t.people, t.suppressed, t.currency, t.deleted_at is null)
              is distinct from
              (excluded.label, excluded.value, excluded.people, excluded.suppressed,
               excluded.currency, true)
      returning 1
    )
    select count(*) into v_count from written;
    v_written := v_written + v_count;

    update public.club_analytics_cells t
       set deleted_at = p_now
     where t.org_id = v_org and t.deleted_at is null
       and not exists (
         select from private.club_analytics_figures(v_org, p_now) f
          where f.figure = t.figure and f.period = t.period and f.dimension = t.dimension);
    get diagnostics v_count = row_count;
    v_written := v_written + v_count;
  end loop;
  return v_written;
end
$$;
comment on function private.refresh_club_analytics(uuid, timestamptz) is
  'recomputes club_analytics_cells for one club (or every club); writes only what changed';

/**
  * -------------------------------------------------------
  * section - row-level security
  * -------------------------------------------------------
  * owners and admins of the club read its cells; nobody writes them through the
  * api (only the refresh, as the table's owner).
  */
alter table public.club_analytics_cells enable row level security;

create policy "Owners and admins view their club's figures" on public.club_analytics_cells
  for select to authenticated
  using (org_id in (select private.org_ids_with_role('admin')));

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  */
revoke all on public.club_analytics_cells from public, anon, authenticated;
grant select on public.club_analytics_cells to authenticated;
grant all on public.club_analytics_cells to service_role;

revoke all on function private.club_suppression(int[], boolean[], int) from public, anon, authenticated;
revoke all on function private.club_analytics_figures(uuid, timestamptz) from public, anon, authenticated;
revoke all on function private.refresh_club_analytics(uuid, timestamptz) from public, anon, authenticated;
grant execute on function private.club_suppression(int[], boolean[], int) to service_role;
grant execute on function private.club_analytics_figures(uuid, timestamptz) to service_role;
grant execute on function private.refresh_club_analytics(uuid, timestamptz) to service_role;

/**
  * -------------------------------------------------------
  * section - the hourly job
  * -------------------------------------------------------
  */
insert into private.scheduled_jobs (name, schedule, command, description) values
  ('refresh-club-analytics', '23 * * * *', 'select private.refresh_club_analytics()',
   'hourly at :23 utc: recompute the clubs'' aggregate figures (only changed cells are written)')
on conflict (name) do update
  set schedule = excluded.schedule, command = excluded.command, description = excluded.description;

select private.schedule_jobs();

/**
  * -------------------------------------------------------
  * section - sync registration
  * -------------------------------------------------------
  * after the policy: registering reads it (the access epoch).
  */
insert into sync.tables (table_name, pull_order) values ('club_analytics_cells', 7120);

select sync.watch_access();
