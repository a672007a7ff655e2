-- results and rank suggestions (issue 17): an athlete's competition results and a
-- versioned table of ЕВСК athletics norms, from which the app suggests (never
-- assigns) a rank. ranks stay recorded by the coach as before (rank_start,
-- rank_end, rank_history).
--
--   competition_results  synced; read by the athlete, the coaches of the athlete
--                        (coached or consulted), the club's admins; written by
--                        the athlete, the coaches who coach them (not consulting
--                        coaches) and the club's admins. tenant guard on.
--   evsk_norms           synced reference data, one row per (edition, discipline,
--                        sex, timing, venue, rank): read by every signed-in
--                        person so suggestions work offline; written by nobody
--                        through the api (migrations only).
--   athletes.sex         'male' | 'female' | null, edited by the staff who edit
--                        the athlete (the norms differ by sex). the birth date
--                        already lives in public.athlete_contacts (staff only).
--
-- the rules (src/domain/competition-result.ts says the same; tests/db/
-- results-agreement.test.ts feeds both the same values):
--   competition   1–200 characters after trimming
--   level         school | city | regional | federal_district | national | international
--   discipline    a code: 2–40 of a-z 0-9 _ starting with a letter or digit ('60m', 'long_jump')
--   result_kind   time (seconds) | distance (metres) | height (metres) | points
--   value         > 0 and < 1 000 000, at most two decimals (hundredths of a second, centimetres)
--   timing        auto | hand for a time, null otherwise
--   venue         indoor | outdoor
--   place         null or 1–10 000
--   notes         ≤ 1000 characters
--   competed_on   1900-01-01 … today anywhere on earth (the utc date 14 hours ahead)
--
-- needs private.coached_athlete_ids() and private.consulted_athlete_ids() as the
-- core of issue 17 (20261207100000_coach_tools_core.sql) defines them.

/**
  * -------------------------------------------------------
  * section - the athlete's sex
  * -------------------------------------------------------
  * on public.athletes (not the staff-only contacts) because the athlete's own
  * device needs it to suggest a rank from their result; the athlete reads it, the
  * staff who edit the athlete write it (the existing policies).
  */
alter table public.athletes add column sex text;
alter table public.athletes add constraint athletes_sex_check check (sex in ('male', 'female'));
comment on column public.athletes.sex is 'male | female | null (unknown): which ЕВСК norms apply';
grant insert (sex) on public.athletes to authenticated;
grant update (sex) on public.athletes to authenticated;

/**
  * -------------------------------------------------------
  * section - competition results
  * -------------------------------------------------------
  */
create table public.competition_results (
  id uuid primary key,
  org_id uuid not null references public.organizations (id) on delete cascade,
  athlete_id uuid not null,
  competed_on date not null,
  competition text not null,
  level text not null,
  discipline text not null,
  result_kind text not null,
  value numeric not null,
  timing text,
  venue text not null,
  place integer,
  notes text not null default '',
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint competition_results_athlete_fkey foreign key (athlete_id, org_id)
    references public.athletes (id, org_id) on delete cascade,
  constraint competition_results_competition_check
    check (char_length(btrim(competition)) between 1 and 200 and char_length(competition) <= 200),
  constraint competition_results_level_check check (
    level in ('school', 'city', 'regional', 'federal_district', 'national', 'international')),
  constraint competition_results_discipline_check check (discipline ~ '^[a-z0-9][a-z0-9_]{1,39}$'),
  constraint competition_results_result_kind_check
    check (result_kind in ('time', 'distance', 'height', 'points')),
  constraint competition_results_value_check
    check (value > 0 and value < 1000000 and value = round(value, 2)),
  -- written so a null timing cannot slip through as an unknown (null) check
  constraint competition_results_timing_check check (
    (result_kind = 'time') = (timing is not null) and coalesce(timing in ('auto', 'hand'), true)),
  constraint competition_results_venue_check check (venue in ('indoor', 'outdoor')),
  constraint competition_results_place_check check (place between 1 and 10000),
  constraint competition_results_notes_check check (char_length(notes) <= 1000),
  constraint competition_results_competed_on_check check (
    competed_on >= date '1900-01-01'
    and competed_on <= ((now() at time zone 'utc') + interval '14 hours')::date)
);
comment on table public.competition_results is
  'an athlete''s competition results: the source of personal bests and rank suggestions';
comment on column public.competition_results.value is
  'seconds for a time, metres for a distance or height, points; at most two decimals';
comment on column public.competition_results.timing is 'auto | hand for a time, null otherwise';

create index competition_results_org_id_idx on public.competition_results (org_id);
create index competition_results_athlete_org_idx on public.competition_results (athlete_id, org_id);
create index competition_results_xid_idx on public.competition_results (xid, id);

create trigger stamp_synced_row before insert or update on public.competition_results
  for each row execute function private.stamp_synced_row();

select private.guard_tenant_table('public.competition_results');

/**
  * -------------------------------------------------------
  * section - competition results: row-level security
  * -------------------------------------------------------
  * reading: the club's admins, the coaches of the athlete (coached or consulted)
  * and the athlete. writing: the same less the consulting coaches. the write
  * checks pin the new row, so nobody files a result under an athlete they may
  * not write for.
  */
alter table public.competition_results enable row level security;

create policy "Admins, coaches and the athlete can view results"
  on public.competition_results for select to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or athlete_id = any (array(select private.coached_athlete_ids()))
    or athlete_id = any (array(select private.consulted_athlete_ids()))
    or athlete_id = any (array(select private.own_athlete_ids()))
  );

create policy "Admins, coaching coaches and the athlete can add results"
  on public.competition_results for insert to authenticated
  with check (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or athlete_id = any (array(select private.coached_athlete_ids()))
    or athlete_id = any (array(select private.own_athlete_ids()))
  );

create policy "Admins, coaching coaches and the athlete can edit results"
  on public.competition_results for update to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or athlete_id = any (array(select private.coached_athlete_ids()))
    or athlete_id = any (array(select private.own_athlete_ids()))
  )
  with check (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or athlete_id = any (array(select private.coached_athlete_ids()))
    or athlete_id = any (array(select private.own_athlete_ids()))
  );

/**
  * -------------------------------------------------------
  * section - competition results: grants
  * -------------------------------------------------------
  * the identity (id, club, athlete) and the author are fixed once written; no
  * delete privilege (tombstones); nothing for anon.
  */
revoke all on public.competition_results from public, anon, authenticated;
grant all on public.competition_results to service_role;
grant select on public.competition_results to authenticated;
grant insert (id, org_id, athlete_id, competed_on, competition, level, discipline, result_kind,
  value, timing, venue, place, notes) on public.competition_results to authenticated;
grant update (competed_on, competition, level, discipline, result_kind, value, timing, venue,
  place, notes, deleted_at) on public.competition_results to authenticated;

/**
  * -------------------------------------------------------
  * section - ЕВСК norms
  * -------------------------------------------------------
  * one row per rank of a grid, so each rank carries its own minimum age and
  * competition level. an edition applies to results dated from valid_from to
  * valid_to (inclusive; null = still in force). only rows whose figures are
  * cited in `source` are shipped: where no row covers a result the app says it
  * cannot suggest.
  */
create table public.evsk_norms (
  id uuid primary key,
  edition text not null check (char_length(edition) between 1 and 200),
  discipline text not null check (discipline ~ '^[a-z0-9][a-z0-9_]{1,39}$'),
  sex text not null check (sex in ('male', 'female')),
  result_kind text not null check (result_kind in ('time', 'distance', 'height', 'points')),
  timing text,
  venue text not null check (venue in ('indoor', 'outdoor')),
  rank text not null,
  threshold numeric not null check (threshold > 0),
  min_age integer check (min_age between 5 and 100),
  min_level text check (
    min_level in ('school', 'city', 'regional', 'federal_district', 'national', 'international')),
  valid_from date not null,
  valid_to date,
  source text not null check (char_length(source) between 1 and 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint evsk_norms_rank_check
    check (private.is_valid_rank(rank) and rank <> 'Без разряда'),
  constraint evsk_norms_timing_check check (
    (result_kind = 'time') = (timing is not null) and coalesce(timing in ('auto', 'hand'), true)),
  constraint evsk_norms_validity_check check (valid_to is null or valid_to >= valid_from),
  constraint evsk_norms_row_key unique (edition, discipline, sex, timing, venue, rank)
);
comment on table public.evsk_norms is
  'ЕВСК athletics norms by edition: threshold, minimum age and competition level per rank, with the cited source';
comment on column public.evsk_norms.rank is 'the project''s rank label (src/domain/rank.ts), never Без разряда';
comment on column public.evsk_norms.min_age is 'null: the cited source states no minimum age for this rank';
comment on column public.evsk_norms.min_level is 'null: the cited source states no minimum competition level';

create index evsk_norms_xid_idx on public.evsk_norms (xid, id);
create trigger stamp_synced_row before insert or update on public.evsk_norms
  for each row execute function private.stamp_synced_row();

alter table public.evsk_norms enable row level security;
revoke all on public.evsk_norms from public, anon, authenticated;
grant select on public.evsk_norms to authenticated;
grant all on public.evsk_norms to service_role;

create policy "Signed-in people view the norms" on public.evsk_norms
  for select to authenticated using (deleted_at is null);

/**
  * -------------------------------------------------------
  * section - ЕВСК norms: the shipped rows
  * -------------------------------------------------------
  * men's 60 m (indoor and outdoor: the table names no venue for it), 100 m and
  * 200 m (outdoor), automatic and hand timing, from the 2017 athletics table as
  * published by СДЮСШОР № 5 Воронеж (the copy cited; the order's own number is
  * not on it). hand timing has no МСМК/МС column there; its figures are the auto
  * ones less 0.24 s, as printed. the table's conditions are not in the copy: the
  * minimum levels for МСМК, МС, КМС are those of the current athletics norms
  * (consultant.ru LAW_490959, Приказ Минспорта № 244 of 10.04.2023, № 1092 of
  * 06.11.2024); no minimum age is cited, so none is shipped.
  * validity: from 2017-01-01 (the table's year) until 2023-03-15, the day before
  * Приказ № 1255 (the new Положение о ЕВСК, which replaced the 2017 one) was
  * registered. results after that get no suggestion until the current grid is
  * shipped with its citation.
  */
with grid (discipline, timing, venue, figures) as (
  values
    ('60m', 'auto', 'outdoor', array[6.68, 6.84, 7.04, 7.34, 7.64, 8.04, 8.44, 8.94, 9.54]),
    ('60m', 'auto', 'indoor', array[6.68, 6.84, 7.04, 7.34, 7.64, 8.04, 8.44, 8.94, 9.54]),
    ('60m', 'hand', 'outdoor', array[null, null, 6.8, 7.1, 7.4, 7.8, 8.2, 8.7, 9.3]),
    ('60m', 'hand', 'indoor', array[null, null, 6.8, 7.1, 7.4, 7.8, 8.2, 8.7, 9.3]),
    ('100m', 'auto', 'outdoor', array[10.28, 10.64, 10.94, 11.44, 12.04, 12.84, 13.74, 14.64, 15.64]),
    ('100m', 'hand', 'outdoor', array[null, null, 10.7, 11.2, 11.8, 12.6, 13.5, 14.4, 15.4]),
    ('200m', 'auto', 'outdoor', array[20.72, 21.30, 22.24, 23.24, 24.54, 26.24, 28.24, 30.74, 34.24]),
    ('200m', 'hand', 'outdoor', array[null, null, 22.0, 23.0, 24.3, 26.0, 28.0, 30.5, 34.0])
),
ranks (position, rank, min_level) as (
  values
    (1, 'МСМК', 'national'),
    (2, 'МС', 'federal_district'),
    (3, 'КМС', 'regional'),
    (4, 'I взрослый разряд', null),
    (5, 'II взрослый разряд', null),
    (6, 'III взрослый разряд', null),
    (7, 'I юношеский разряд', null),
    (8, 'II юношеский разряд', null),
    (9, 'III юношеский разряд', null)
)
insert into public.evsk_norms (id, edition, discipline, sex, result_kind, timing, venue, rank,
  threshold, min_age, min_level, valid_from, valid_to, source)
select
  ('c7e00000-0000-4000-8000-' || lpad(to_hex(row_number() over (order by g.discipline, g.timing, g.venue, r.position)::int), 12, '0'))::uuid,
  'ЕВСК 2017, лёгкая атлетика',
  g.discipline, 'male', 'time', g.timing, g.venue, r.rank,
  g.figures[r.position], null, r.min_level, date '2017-01-01', date '2023-03-15',
  'Таблица норм и условий их выполнения для присвоения спортивных званий и разрядов в лёгкой атлетике 2017, '
  || 'мужчины, «Бег ' || replace(g.discipline, 'm', ' м') || '», '
  || case g.timing when 'auto' then 'авто хроном.' else 'ручной хроном.' end
  || '. Копия: https://sdusshor5vrn.ru/news/tablica-norm-i-usloviy-ih-vypolneniya-dlya-prisvoeniya-sportivnyh-zvaniy-i-razryadov-v-legkoy-atletike-2017-82510.html. '
  || 'Уровень соревнований для МСМК, МС, КМС: нормы ЕВСК по виду спорта «лёгкая атлетика» '
  || '(в ред. Приказов Минспорта России от 10.04.2023 № 244 и от 06.11.2024 № 1092), '
  || 'https://consultant.ru/document/cons_doc_LAW_490959/'
from grid g
cross join ranks r
where g.figures[r.position] is not null;

/**
  * -------------------------------------------------------
  * section - sync registration
  * -------------------------------------------------------
  * after the policies: registering reads them (the access epoch); both after
  * the athletes (150) they refer to.
  */
insert into sync.tables (table_name, pull_order) values
  ('evsk_norms', 7200),
  ('competition_results', 7210);

select sync.watch_access();
