-- athlete contacts (issue 13, "athletes"): a parent's or guardian's contact, the
-- athlete's own phone and birth date. optional, and for the staff who look after
-- the athlete only — never for the athlete's own account nor anyone else.
--
--   athlete_contacts   one row per athlete (its id is the athlete's id), read and
--                      written by the organization's admins and owners and the
--                      coaches of the athlete's group: the athlete rule without
--                      the athlete. synced, so it is edited offline like the
--                      athlete record.
--
-- why a table and not columns of public.athletes: row-level security is per row,
-- and the athlete reads their own athlete row; a column the athlete must not see
-- cannot live on it.
--
-- convergence. two coaches who fill in an athlete's contacts offline both insert
-- the row with the same id (the athlete's); private.athlete_contacts_merge turns
-- the second insert into an update of the fields that differ (per-field
-- last-writer-wins, as attendance marks converge), never a refused duplicate.
--
-- the rules (src/domain/athlete-contact.ts says the same; tests/db/
-- athlete-contact-agreement.test.ts feeds both the same values):
--   guardian_name    a label (1–200 characters, visible, clean), or null
--   guardian_phone,  a phone as people type it: an optional leading +, digits,
--   phone            spaces, ( ) - and dots between them, 5–15 digits, ≤ 30
--                    characters, starting and ending with a digit (or the +)
--   guardian_email   local@domain.tld in latin letters, digits and . _ % + ' -,
--                    ≤ 254 characters
--   a guardian is a name with a phone or an email: all three empty, or the name
--   and at least one of the two
--   birth_date       from 1900-01-01 to today anywhere on earth: not after the
--                    utc date 14 hours ahead (utc+14 is the latest time zone), so
--                    a device in any zone and the server agree on "not in the
--                    future". the check reads now(): a date it passes once, it
--                    passes forever, so the constraint never turns false on a
--                    stored row.

/**
  * -------------------------------------------------------
  * section - validation
  * -------------------------------------------------------
  * a function rather than an inline check: two columns share it.
  * [0-9], not \d: \d may match other scripts' digits in some locales.
  */

-- null, or '+7 (916) 123-45-67', '8 916 123 45 67', '89161234567', '(495) 123.45.67'
create function private.is_valid_phone(p_phone text)
returns boolean
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select p_phone is null
    or (
      char_length(p_phone) <= 30
      and p_phone ~ '^\+?[0-9(][0-9 ().-]*[0-9]$'
      and char_length(regexp_replace(p_phone, '[^0-9]', '', 'g')) between 5 and 15
    )
$$;
comment on function private.is_valid_phone(text) is
  'null or a phone as typed: optional +, 5–15 digits with spaces ( ) - . between, ≤ 30 chars (src/domain/athlete-contact.ts)';

revoke all on function private.is_valid_phone(text) from public, anon, authenticated;
grant execute on function private.is_valid_phone(text) to authenticated, service_role;

/**
  * -------------------------------------------------------
  * section - table
  * -------------------------------------------------------
  */
create table public.athlete_contacts (
  id uuid primary key,
  org_id uuid not null references public.organizations (id) on delete cascade,
  athlete_id uuid not null,
  guardian_name text,
  guardian_phone text,
  guardian_email text,
  phone text,
  birth_date date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  -- same-club reference (20261206130000_same_club_references.sql)
  constraint athlete_contacts_athlete_fkey foreign key (athlete_id, org_id)
    references public.athletes (id, org_id) on delete cascade,
  -- one row per athlete, whose id every device knows
  constraint athlete_contacts_id_is_athlete check (id = athlete_id),
  constraint athlete_contacts_guardian_name_check
    check (char_length(btrim(guardian_name)) between 1 and 200),
  constraint athlete_contacts_guardian_name_clean_check check (private.is_clean_label(guardian_name)),
  constraint athlete_contacts_guardian_phone_check check (private.is_valid_phone(guardian_phone)),
  constraint athlete_contacts_phone_check check (private.is_valid_phone(phone)),
  constraint athlete_contacts_guardian_email_check check (
    char_length(guardian_email) <= 254
    and guardian_email ~ '^[A-Za-z0-9._%+''-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$'
  ),
  constraint athlete_contacts_guardian_check check (
    (guardian_name is null and guardian_phone is null and guardian_email is null)
    or (guardian_name is not null and (guardian_phone is not null or guardian_email is not null))
  ),
  constraint athlete_contacts_birth_date_check check (
    birth_date >= date '1900-01-01'
    and birth_date <= ((now() at time zone 'utc') + interval '14 hours')::date
  )
);
comment on table public.athlete_contacts is
  'an athlete''s guardian, phone and birth date: staff who see the athlete only, never the athlete';
comment on column public.athlete_contacts.id is 'the athlete''s id: one row per athlete';
comment on column public.athlete_contacts.birth_date is
  '1900-01-01 … today anywhere on earth (the utc date 14 hours ahead)';

create index athlete_contacts_org_id_idx on public.athlete_contacts (org_id);
create index athlete_contacts_athlete_org_idx on public.athlete_contacts (athlete_id, org_id);
create index athlete_contacts_xid_idx on public.athlete_contacts (xid, id);

create trigger stamp_synced_row before insert or update on public.athlete_contacts
  for each row execute function private.stamp_synced_row();

/**
  * -------------------------------------------------------
  * section - row-level security
  * -------------------------------------------------------
  * the athlete rule of public.athletes without its last part (the athlete's own
  * account): admins and owners of the organization, the coaches of the athlete's
  * group. the write checks pin the new row too, so a coach cannot file contacts
  * under an athlete they do not coach.
  */
alter table public.athlete_contacts enable row level security;

create policy "Admins and group coaches can view athlete contacts"
  on public.athlete_contacts for select to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or athlete_id = any (array(select private.coached_athlete_ids()))
  );

create policy "Admins and group coaches can add athlete contacts"
  on public.athlete_contacts for insert to authenticated
  with check (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or athlete_id = any (array(select private.coached_athlete_ids()))
  );

create policy "Admins and group coaches can edit athlete contacts"
  on public.athlete_contacts for update to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or athlete_id = any (array(select private.coached_athlete_ids()))
  )
  with check (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or athlete_id = any (array(select private.coached_athlete_ids()))
  );

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  * the row's identity (id, organization, athlete) is fixed once written; no
  * delete privilege (tombstones); nothing for anon.
  */
revoke all on public.athlete_contacts from public, anon, authenticated;
grant all on public.athlete_contacts to service_role;
grant select on public.athlete_contacts to authenticated;
grant insert (id, org_id, athlete_id, guardian_name, guardian_phone, guardian_email, phone, birth_date)
  on public.athlete_contacts to authenticated;
grant update (guardian_name, guardian_phone, guardian_email, phone, birth_date, deleted_at)
  on public.athlete_contacts to authenticated;

/**
  * -------------------------------------------------------
  * section - merge rule
  * -------------------------------------------------------
  * an insert of contacts that already exist (another coach filled them in first,
  * offline too) writes the fields that differ, as an update; the core then
  * applies its per-field last-writer-wins. as private.attendance_merge
  * (20261206123000_sync_core.sql).
  */
create function private.athlete_contacts_merge(p_reg sync.tables, p_id uuid, p_m jsonb)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_fields jsonb := coalesce(p_m -> 'fields', '{}'::jsonb);
  v_before jsonb;
  v_given jsonb;
begin
  -- the rule is this table's: registered on another, it changes nothing
  if p_m ->> 'op' is distinct from 'insert' or p_reg.table_name is distinct from 'athlete_contacts' then
    return p_m;
  end if;
  select to_jsonb(c) into v_before from public.athlete_contacts c where c.id = p_id;
  if v_before is null then
    return p_m; -- the first contacts of this athlete (or ones the caller may not see: rls refuses)
  end if;
  -- the fields as the columns' own types, compared with the row as stored
  v_given := to_jsonb(jsonb_populate_record(null::public.athlete_contacts, v_fields));
  return p_m || jsonb_build_object('op', 'update', 'fields', (
    select coalesce(jsonb_object_agg(k, v_fields -> k), '{}'::jsonb)
      from jsonb_object_keys(v_fields) as k
     where k not in ('org_id', 'athlete_id')
       and (v_given -> k) is distinct from (v_before -> k)));
end
$$;
comment on function private.athlete_contacts_merge(sync.tables, uuid, jsonb) is
  'athlete_contacts'' merge hook: an insert of existing contacts writes only the fields that differ, as an update';

revoke all on function private.athlete_contacts_merge(sync.tables, uuid, jsonb) from public, anon, authenticated;
grant execute on function private.athlete_contacts_merge(sync.tables, uuid, jsonb) to authenticated, service_role;

/**
  * -------------------------------------------------------
  * section - sync registration
  * -------------------------------------------------------
  * after the policies: registering reads them (the access epoch); pulled after
  * athletes (150) and rank history (160).
  */
insert into sync.tables (table_name, pull_order, merge_hook) values
  ('athlete_contacts', 165, 'private.athlete_contacts_merge(sync.tables, uuid, jsonb)'::regprocedure);

select sync.watch_access();
