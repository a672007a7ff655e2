-- partner applications: a company applies on a public form, confirms its email, and
-- the platform's admins review it (issue 16, "Applications"). builds on the partner
-- core (20261206170000_partner_core.sql: private.is_platform_admin(),
-- private.create_partner_org()).
--
--   drafts        what the form sent waits in private.partner_application_drafts until
--                 the address is confirmed: no application exists before that, so the
--                 form cannot make anyone a partner applicant or mail strangers more
--                 than a confirmation. one live draft per address: a second submission
--                 within its 24 hours replaces the fields and queues no second email.
--                 the confirmation token is minted when the email is sent
--                 (public.partner_application_confirm_link, as guests' manage links
--                 are) and only its sha-256 is kept; a draft lives 24 hours.
--   confirming    public.confirm_partner_application(token) turns the draft into
--                 public.partner_applications (same id) once; a second call answers
--                 "already confirmed", an expired link raises link_expired.
--   review        status machine, enforced by a trigger: pending → reviewing →
--                 approved | rejected, and pending → rejected (spam needs no review);
--                 a rejection needs a reason; approved and rejected are final.
--                 only platform admins change it, through
--                 public.set_partner_application_status; approval calls
--                 private.create_partner_org (org, profile, owner invitation, welcome
--                 email) and keeps its id. every change is also a note.
--   notes         public.partner_application_notes: append-only (no update or delete
--                 from any role; a trigger refuses them even to the table's owner).
--   emails        partner_application_confirm (the link), partner_application_received
--                 (to the applicant once confirmed), partner_application_internal (to
--                 every owner/admin of a platform organization) and
--                 partner_application_status (each change; the reason when rejected),
--                 in the applicant's language.
--   who sees what applications and notes: platform admins; a partner org's members read
--                 their own application (partner_org_id = their org), never its notes;
--                 anon nothing. drafts: server only.

/**
  * -------------------------------------------------------
  * section - applications
  * -------------------------------------------------------
  * the bounds agree with src/domain/partner-application.ts
  * (tests/db/partner-application-agreement.test.ts). emails, phones and sites are
  * printable ascii: the same classes in both languages, whatever the locale.
  */
create table public.partner_applications (
  id uuid primary key default gen_random_uuid(),
  company_name text not null
    constraint partner_applications_company_name_check
    check (char_length(company_name) between 2 and 200 and private.is_clean_label(company_name)),
  contact_name text not null
    constraint partner_applications_contact_name_check
    check (char_length(contact_name) between 2 and 120 and private.is_clean_label(contact_name)),
  contact_email text not null
    constraint partner_applications_contact_email_check
    check (char_length(contact_email) between 6 and 254
           and contact_email ~ '^[!-?A-~]+@[!-?A-~]+\.[!-?A-~]+$'),
  contact_phone text
    constraint partner_applications_contact_phone_check
    check (char_length(contact_phone) between 5 and 40 and contact_phone ~ '^\+?[0-9 ()-]{5,40}$'),
  website text
    constraint partner_applications_website_check
    check (char_length(website) between 8 and 300
           and website ~ '^https?://[-A-Za-z0-9]+(\.[-A-Za-z0-9]+)*\.[A-Za-z]{2,63}(:[0-9]{1,5})?([/?#][!-~]*)?$'),
  partnership_type text not null
    constraint partner_applications_partnership_type_check
    check (partnership_type in ('reseller', 'referral', 'technology')),
  company_size text not null
    constraint partner_applications_company_size_check
    check (company_size in ('1-10', '11-50', '51-200', '201-500', '501+')),
  industry text not null
    constraint partner_applications_industry_check
    check (char_length(industry) between 2 and 120 and private.is_clean_label(industry)),
  current_solutions text
    constraint partner_applications_current_solutions_check
    check (char_length(current_solutions) between 1 and 1000 and private.is_clean_note(current_solutions)),
  target_market text not null
    constraint partner_applications_target_market_check
    check (char_length(target_market) between 2 and 1000 and private.is_clean_note(target_market)),
  motivation text not null
    constraint partner_applications_motivation_check
    check (char_length(motivation) between 20 and 2000 and private.is_clean_note(motivation)),
  additional_information text
    constraint partner_applications_additional_information_check
    check (char_length(additional_information) between 1 and 2000
           and private.is_clean_note(additional_information)),
  locale text not null default 'ru' check (locale in ('ru', 'en')),
  status text not null default 'pending'
    check (status in ('pending', 'reviewing', 'approved', 'rejected')),
  rejection_reason text
    constraint partner_applications_rejection_reason_check
    check (char_length(rejection_reason) between 3 and 2000 and private.is_clean_note(rejection_reason)),
  decided_at timestamptz,
  decided_by uuid references auth.users (id) on delete set null,
  partner_org_id uuid references public.organizations (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint partner_applications_reason_when_rejected
    check ((status = 'rejected') = (rejection_reason is not null)),
  constraint partner_applications_decided_when_final
    check ((status in ('approved', 'rejected')) = (decided_at is not null)),
  constraint partner_applications_org_when_approved
    check (partner_org_id is null or status = 'approved')
);
comment on table public.partner_applications is
  'confirmed applications to the partner program; reviewed by platform admins';
create index partner_applications_status_created_idx on public.partner_applications (status, created_at desc);
create index partner_applications_type_created_idx on public.partner_applications (partnership_type, created_at desc);
create index partner_applications_created_idx on public.partner_applications (created_at desc);
create index partner_applications_partner_org_idx on public.partner_applications (partner_org_id);
create index partner_applications_decided_by_idx on public.partner_applications (decided_by);

/**
  * -------------------------------------------------------
  * section - notes
  * -------------------------------------------------------
  */
create table public.partner_application_notes (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references public.partner_applications (id) on delete cascade,
  author_id uuid references auth.users (id) on delete set null,
  -- kept as written: the note still says who wrote it after they leave
  author_name text not null check (char_length(author_name) between 1 and 200),
  body text not null
    constraint partner_application_notes_body_check
    check (char_length(body) between 1 and 4000 and private.is_clean_note(body)),
  created_at timestamptz not null default now()
);
comment on table public.partner_application_notes is
  'internal notes on an application (append-only): author, text, time';
create index partner_application_notes_application_idx
  on public.partner_application_notes (application_id, created_at);
create index partner_application_notes_author_idx on public.partner_application_notes (author_id);

-- append-only, even for the owner role: a deleted application takes its notes
-- (the cascade runs as the application's delete, which only the owner role can do)
create function private.partner_application_notes_append_only()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and not exists (
    select from public.partner_applications a where a.id = old.application_id) then
    return old;
  end if;
  raise exception 'notes on an application cannot be changed or deleted'
    using errcode = '42501', hint = 'append_only';
end
$$;
create trigger partner_application_notes_append_only
  before update or delete on public.partner_application_notes
  for each row execute function private.partner_application_notes_append_only();

/**
  * -------------------------------------------------------
  * section - drafts (before the email is confirmed)
  * -------------------------------------------------------
  * the application's own columns and checks (like … including constraints), plus
  * the link: its hash, its expiry, and the application it became.
  */
create table private.partner_application_drafts (
  like public.partner_applications including defaults including constraints,
  email_key text not null check (email_key = lower(email_key)),
  token_hash bytea unique,
  expires_at timestamptz not null default now() + interval '24 hours',
  confirmed_at timestamptz,
  application_id uuid,
  primary key (id)
);
comment on table private.partner_application_drafts is
  'submitted applications waiting for their email to be confirmed (24 h); server only';
create index partner_application_drafts_email_idx on private.partner_application_drafts (email_key, expires_at);
create index partner_application_drafts_expires_idx on private.partner_application_drafts (expires_at);

/**
  * -------------------------------------------------------
  * section - the status machine
  * -------------------------------------------------------
  * the applicant's answers never change; the status moves along the machine; the
  * decision's time and author are stamped here.
  */
create function private.partner_application_transition(p_from text, p_to text)
returns boolean
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select (p_from, p_to) in (('pending', 'reviewing'), ('pending', 'rejected'),
                            ('reviewing', 'approved'), ('reviewing', 'rejected'))
$$;

create function private.partner_applications_guard()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if (new.company_name, new.contact_name, new.contact_email, new.contact_phone, new.website,
      new.partnership_type, new.company_size, new.industry, new.current_solutions,
      new.target_market, new.motivation, new.additional_information, new.locale, new.created_at)
     is distinct from
     (old.company_name, old.contact_name, old.contact_email, old.contact_phone, old.website,
      old.partnership_type, old.company_size, old.industry, old.current_solutions,
      old.target_market, old.motivation, old.additional_information, old.locale, old.created_at) then
    raise exception 'an application''s answers cannot be changed' using errcode = '42501', hint = 'read_only';
  end if;
  if new.status is distinct from old.status then
    if not private.partner_application_transition(old.status, new.status) then
      raise exception 'an application cannot go from % to %', old.status, new.status
        using errcode = 'P0001', hint = 'invalid_transition';
    end if;
    if new.status = 'rejected' and new.rejection_reason is null then
      raise exception 'a rejection needs a reason' using errcode = '22023', hint = 'reason_required';
    end if;
    if new.status in ('approved', 'rejected') then
      new.decided_at := now();
      new.decided_by := (select auth.uid());
    end if;
  elsif old.status in ('approved', 'rejected')
        and (new.rejection_reason, new.decided_at, new.decided_by)
            is distinct from (old.rejection_reason, old.decided_at, old.decided_by) then
    raise exception 'a decided application is final' using errcode = 'P0001', hint = 'invalid_transition';
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger partner_applications_guard before update on public.partner_applications
  for each row execute function private.partner_applications_guard();

-- an application is born pending (drafts become applications; nothing skips review)
create function private.partner_applications_insert_guard()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.status <> 'pending' or new.decided_at is not null or new.partner_org_id is not null then
    raise exception 'a new application is pending' using errcode = 'P0001', hint = 'invalid_transition';
  end if;
  return new;
end
$$;
create trigger partner_applications_insert_guard before insert on public.partner_applications
  for each row execute function private.partner_applications_insert_guard();

/**
  * -------------------------------------------------------
  * section - who sees what
  * -------------------------------------------------------
  */
alter table public.partner_applications enable row level security;
alter table public.partner_application_notes enable row level security;
alter table private.partner_application_drafts enable row level security;

revoke all on public.partner_applications from public, anon, authenticated;
revoke all on public.partner_application_notes from public, anon, authenticated;
revoke all on private.partner_application_drafts from public, anon, authenticated;
grant select on public.partner_applications to authenticated;
grant select on public.partner_application_notes to authenticated;
grant select, insert, update on public.partner_applications to service_role;
grant select, insert on public.partner_application_notes to service_role;
grant select, insert, update, delete on private.partner_application_drafts to service_role;

create policy partner_applications_select_reviewers_and_own on public.partner_applications
  for select to authenticated
  using ((select private.is_platform_admin())
         or (partner_org_id is not null
             and partner_org_id in (select private.org_ids_with_role('member'))));

create policy partner_application_notes_select_reviewers on public.partner_application_notes
  for select to authenticated
  using ((select private.is_platform_admin()));

/**
  * -------------------------------------------------------
  * section - the email kinds
  * -------------------------------------------------------
  * added to whatever the outbox's check allows by now (other migrations add theirs).
  * partner_welcome too: private.create_partner_org (partner core) queues it on
  * approval and the check did not allow it yet.
  */
do $$
declare
  v_kinds text[];
begin
  select array_agg(distinct m[1] order by m[1]) into v_kinds
    from pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([a-z_]+)''', 'g') m
   where c.conrelid = 'private.email_outbox'::regclass and c.conname = 'email_outbox_kind_check';
  v_kinds := array(select distinct k from unnest(coalesce(v_kinds, '{}') || array[
    'partner_application_confirm', 'partner_application_received', 'partner_application_internal',
    'partner_application_status', 'partner_welcome']) k order by k);
  alter table private.email_outbox drop constraint email_outbox_kind_check;
  execute format('alter table private.email_outbox add constraint email_outbox_kind_check check (kind = any (%L::text[]))',
    v_kinds);
end
$$;

-- what every email about an application says
create function private.partner_application_email_payload(p_app public.partner_applications)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object('applicationId', p_app.id, 'companyName', p_app.company_name,
    'contactName', p_app.contact_name, 'partnershipType', p_app.partnership_type,
    'status', p_app.status, 'reason', p_app.rejection_reason, 'audience', 'guest')
$$;

-- the applicant's emails go to the address; the platform's admins get theirs as people
create function private.enqueue_partner_application_internal(p_app public.partner_applications)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_admin record;
begin
  for v_admin in
    select distinct m.user_id, m.org_id
      from public.memberships m
      join public.organizations o on o.id = m.org_id
     where o.kind = 'platform' and o.deleted_at is null
       and m.role in ('owner', 'admin') and m.left_at is null and m.deleted_at is null
  loop
    perform private.enqueue_email('partner_application_internal', v_admin.user_id, v_admin.org_id,
      'partner_application_internal:' || p_app.id || ':' || v_admin.user_id,
      private.partner_application_email_payload(p_app) || jsonb_build_object('audience', 'staff',
        'contactEmail', p_app.contact_email, 'companySize', p_app.company_size));
  end loop;
end
$$;

/**
  * -------------------------------------------------------
  * section - submitting and confirming (the partner-apply function, service role)
  * -------------------------------------------------------
  */
-- p_fields: the columns the form fills, already checked by the function's zod schema;
-- the table's checks check them again. answers {draftId, queued}
create function public.submit_partner_application(p_fields jsonb, p_locale text)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row private.partner_application_drafts;
  v_email text := p_fields ->> 'contact_email';
  v_key text := lower(coalesce(p_fields ->> 'contact_email', ''));
  v_locale text := case when p_locale = 'en' then 'en' else 'ru' end;
begin
  -- one live draft per address: the newest answers replace it, no second email
  select * into v_row from private.partner_application_drafts d
   where d.email_key = v_key and d.expires_at > now() and d.application_id is null
   order by d.created_at desc limit 1 for update;
  if found then
    update private.partner_application_drafts d set
      company_name = p_fields ->> 'company_name', contact_name = p_fields ->> 'contact_name',
      contact_email = v_email, contact_phone = p_fields ->> 'contact_phone',
      website = p_fields ->> 'website', partnership_type = p_fields ->> 'partnership_type',
      company_size = p_fields ->> 'company_size', industry = p_fields ->> 'industry',
      current_solutions = p_fields ->> 'current_solutions', target_market = p_fields ->> 'target_market',
      motivation = p_fields ->> 'motivation', additional_information = p_fields ->> 'additional_information',
      locale = v_locale, updated_at = now()
     where d.id = v_row.id;
    return jsonb_build_object('draftId', v_row.id, 'queued', false);
  end if;
  insert into private.partner_application_drafts (company_name, contact_name, contact_email,
    contact_phone, website, partnership_type, company_size, industry, current_solutions,
    target_market, motivation, additional_information, locale, email_key)
  values (p_fields ->> 'company_name', p_fields ->> 'contact_name', v_email,
    p_fields ->> 'contact_phone', p_fields ->> 'website', p_fields ->> 'partnership_type',
    p_fields ->> 'company_size', p_fields ->> 'industry', p_fields ->> 'current_solutions',
    p_fields ->> 'target_market', p_fields ->> 'motivation', p_fields ->> 'additional_information',
    v_locale, v_key)
  returning * into v_row;
  perform private.enqueue_address_email('partner_application_confirm', v_email, v_locale, null,
    'partner_application_confirm:' || v_row.id,
    jsonb_build_object('draftId', v_row.id, 'companyName', v_row.company_name,
      'contactName', v_row.contact_name, 'audience', 'guest'));
  return jsonb_build_object('draftId', v_row.id, 'queued', true);
end
$$;
comment on function public.submit_partner_application(jsonb, text) is
  'partner-apply: keeps a submitted application as a draft and queues its confirmation email';

-- email-dispatch: a fresh confirmation token for the draft a claimed email is about
-- (only its hash is kept; a retried email gets a new one, the unsent one is void)
create function public.partner_application_confirm_link(p_outbox_id uuid)
returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row private.email_outbox;
  v_draft uuid;
  v_token text := pg_catalog.rtrim(pg_catalog.translate(
    pg_catalog.encode(extensions.gen_random_bytes(32), 'base64'), '+/', '-_'), '=');
begin
  select * into v_row from private.email_outbox e where e.id = p_outbox_id;
  if not found or v_row.status <> 'sending' or v_row.kind <> 'partner_application_confirm' then
    raise exception 'no confirmation email is being sent with this id' using hint = 'not_found';
  end if;
  v_draft := case when v_row.payload ->> 'draftId'
    ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    then (v_row.payload ->> 'draftId')::uuid end;
  update private.partner_application_drafts d
     set token_hash = pg_catalog.sha256(pg_catalog.convert_to(v_token, 'UTF8'))
   where d.id = v_draft and d.application_id is null and d.expires_at > now();
  if not found then
    raise exception 'the application is confirmed or expired' using hint = 'not_found';
  end if;
  return v_token;
end
$$;

-- the link was followed and the button pressed: the draft becomes the application,
-- once. answers {applicationId, status: confirmed | already_confirmed, locale}
create function public.confirm_partner_application(p_token text)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_draft private.partner_application_drafts;
  v_app public.partner_applications;
begin
  if p_token is null or p_token !~ '^[A-Za-z0-9_-]{32,128}$' then
    raise exception 'this link is not valid' using hint = 'link_invalid';
  end if;
  select * into v_draft from private.partner_application_drafts d
   where d.token_hash = pg_catalog.sha256(pg_catalog.convert_to(p_token, 'UTF8'))
   for update;
  if not found then
    raise exception 'this link is not valid' using hint = 'link_invalid';
  end if;
  if v_draft.application_id is not null then
    return jsonb_build_object('applicationId', v_draft.application_id, 'status', 'already_confirmed',
      'locale', v_draft.locale);
  end if;
  if v_draft.expires_at <= now() then
    raise exception 'this link has expired' using hint = 'link_expired';
  end if;
  insert into public.partner_applications (id, company_name, contact_name, contact_email,
    contact_phone, website, partnership_type, company_size, industry, current_solutions,
    target_market, motivation, additional_information, locale)
  values (v_draft.id, v_draft.company_name, v_draft.contact_name, v_draft.contact_email,
    v_draft.contact_phone, v_draft.website, v_draft.partnership_type, v_draft.company_size,
    v_draft.industry, v_draft.current_solutions, v_draft.target_market, v_draft.motivation,
    v_draft.additional_information, v_draft.locale)
  returning * into v_app;
  update private.partner_application_drafts d set confirmed_at = now(), application_id = v_app.id
   where d.id = v_draft.id;
  perform private.enqueue_address_email('partner_application_received', v_app.contact_email,
    v_app.locale, null, 'partner_application_received:' || v_app.id,
    private.partner_application_email_payload(v_app));
  perform private.enqueue_partner_application_internal(v_app);
  return jsonb_build_object('applicationId', v_app.id, 'status', 'confirmed', 'locale', v_app.locale);
end
$$;
comment on function public.confirm_partner_application(text) is
  'partner-apply: a confirmation link''s token makes its draft an application (once)';

-- drafts a week past their expiry are forgotten with the other housekeeping
create function private.purge_partner_application_drafts()
returns void
language sql volatile security definer set search_path = ''
as $$
  delete from private.partner_application_drafts where expires_at < now() - interval '7 days'
$$;
insert into private.scheduled_jobs (name, schedule, command, description) values
  ('purge-partner-application-drafts', '27 3 * * *', 'select private.purge_partner_application_drafts()',
   'daily: partner application drafts a week past their 24-hour link are forgotten');
select private.schedule_jobs();

/**
  * -------------------------------------------------------
  * section - review (platform admins)
  * -------------------------------------------------------
  */
create function private.require_platform_admin()
returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not coalesce(private.is_platform_admin(), false) then
    raise exception 'only the platform''s admins review partner applications'
      using errcode = '42501', hint = 'forbidden';
  end if;
end
$$;

-- who wrote a note: the profile's name, else the address
create function private.partner_note_author_name()
returns text
language sql stable security definer set search_path = ''
as $$
  select left(coalesce(
    (select p.display_name from public.profiles p where p.id = (select auth.uid())),
    (select u.email from auth.users u where u.id = (select auth.uid())),
    '?'), 200)
$$;

create function public.add_partner_application_note(p_id uuid, p_text text)
returns public.partner_application_notes
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_note public.partner_application_notes;
  v_text text := btrim(coalesce(p_text, ''));
begin
  perform private.require_platform_admin();
  if not exists (select from public.partner_applications a where a.id = p_id) then
    raise exception 'no such application' using errcode = 'P0002', hint = 'not_found';
  end if;
  if char_length(v_text) not between 1 and 4000 or not private.is_clean_note(v_text) then
    raise exception 'a note is 1–4000 characters of visible text' using errcode = '22023', hint = 'invalid';
  end if;
  insert into public.partner_application_notes (application_id, author_id, author_name, body)
  values (p_id, (select auth.uid()), private.partner_note_author_name(), v_text)
  returning * into v_note;
  return v_note;
end
$$;

create function public.set_partner_application_status(p_id uuid, p_status text, p_reason text default null)
returns public.partner_applications
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_app public.partner_applications;
  v_from text;
  v_reason text := nullif(btrim(coalesce(p_reason, '')), '');
  v_org uuid;
begin
  perform private.require_platform_admin();
  select * into v_app from public.partner_applications a where a.id = p_id for update;
  if not found then
    raise exception 'no such application' using errcode = 'P0002', hint = 'not_found';
  end if;
  if p_status = 'rejected' and (v_reason is null or char_length(v_reason) < 3) then
    raise exception 'a rejection needs a reason (at least 3 characters)'
      using errcode = '22023', hint = 'reason_required';
  end if;
  v_from := v_app.status;
  update public.partner_applications a
     set status = p_status,
         rejection_reason = case when p_status = 'rejected' then v_reason else a.rejection_reason end
   where a.id = p_id
  returning * into v_app;
  if p_status = 'approved' then
    v_org := private.create_partner_org(v_app.company_name, v_app.partnership_type, 'silver',
      v_app.id, v_app.contact_email, v_app.locale);
    update public.partner_applications a set partner_org_id = v_org where a.id = p_id
    returning * into v_app;
  end if;
  insert into public.partner_application_notes (application_id, author_id, author_name, body)
  values (p_id, (select auth.uid()), private.partner_note_author_name(),
    v_from || ' → ' || p_status || coalesce(': ' || v_reason, ''));
  perform private.enqueue_address_email('partner_application_status', v_app.contact_email,
    v_app.locale, v_org, 'partner_application_status:' || v_app.id || ':' || p_status,
    private.partner_application_email_payload(v_app));
  return v_app;
end
$$;
comment on function public.set_partner_application_status(uuid, text, text) is
  'platform admins: moves an application along pending → reviewing → approved | rejected (reason)';

/**
  * -------------------------------------------------------
  * section - statistics
  * -------------------------------------------------------
  * applications created from p_from to p_to (whole UTC days, inclusive): counts by
  * status and by type, per ISO week, the approval rate among decided ones and the
  * median hours from confirmation to decision.
  */
create function public.partner_application_stats(p_from date, p_to date)
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_from timestamptz := (p_from::timestamp at time zone 'UTC');
  v_to timestamptz := ((p_to + 1)::timestamp at time zone 'UTC');
  v_out jsonb;
begin
  perform private.require_platform_admin();
  if p_from is null or p_to is null or p_to < p_from or p_to - p_from > 36600 then
    raise exception 'a period of at most a hundred years, from before to' using errcode = '22023', hint = 'invalid';
  end if;
  with apps as (
    select * from public.partner_applications a where a.created_at >= v_from and a.created_at < v_to
  )
  select jsonb_build_object(
    'total', (select count(*) from apps),
    'byStatus', (select coalesce(jsonb_object_agg(s, (select count(*) from apps where status = s)), '{}')
                   from unnest(array['pending', 'reviewing', 'approved', 'rejected']) s),
    'byType', (select coalesce(jsonb_object_agg(t, (select count(*) from apps where partnership_type = t)), '{}')
                 from unnest(array['reseller', 'referral', 'technology']) t),
    'weekly', (select coalesce(jsonb_agg(w order by w ->> 'week'), '[]') from (
                 select jsonb_build_object(
                   'week', to_char(date_trunc('week', created_at at time zone 'UTC'), 'YYYY-MM-DD'),
                   'submitted', count(*),
                   'approved', count(*) filter (where status = 'approved'),
                   'rejected', count(*) filter (where status = 'rejected')) w
                   from apps group by date_trunc('week', created_at at time zone 'UTC')) weeks),
    'approvalRate', (select case when count(*) = 0 then null
                       else round(count(*) filter (where status = 'approved')::numeric / count(*), 4) end
                       from apps where status in ('approved', 'rejected')),
    'medianHoursToDecision', (select round((percentile_cont(0.5) within group (
                                order by extract(epoch from decided_at - created_at)) / 3600)::numeric, 1)
                                from apps where decided_at is not null))
  into v_out;
  return v_out;
end
$$;

/**
  * -------------------------------------------------------
  * section - reserved first path segments
  * -------------------------------------------------------
  * the review pages live under /platform: no coach page may take it
  * (mirrored by src/domain/reserved-slugs.ts)
  */
create or replace function private.reserved_slugs()
returns text[]
language sql immutable parallel safe set search_path = ''
as $$
  select array[
    -- the app's routes and files
    'about', 'account', 'admin', 'api', 'app', 'assets', 'auth', 'availability', 'book',
    'booking', 'bookings', 'calendar', 'checkout', 'club', 'clubs', 'coach', 'coaches',
    'conflicts', 'course', 'courses', 'dashboard', 'functions', 'groups', 'help', 'icons',
    'invite', 'learn', 'login', 'logout', 'mailbox', 'manifest', 'me', 'new', 'org',
    'organizations', 'page', 'partner', 'partners', 'platform', 'privacy', 'products', 'purchases', 'rest',
    'roster', 'season', 'settings', 'sign-in', 'sign-out', 'sign-up', 'signin', 'signup',
    'static', 'storage', 'storefront', 'support', 'sync', 'terms', 'today', 'trackside',
    'www'
  ]::text[]
$$;

/**
  * -------------------------------------------------------
  * section - privileges
  * -------------------------------------------------------
  */
revoke all on function private.partner_application_notes_append_only() from public, anon, authenticated;
revoke all on function private.partner_application_transition(text, text) from public, anon, authenticated;
revoke all on function private.partner_applications_guard() from public, anon, authenticated;
revoke all on function private.partner_applications_insert_guard() from public, anon, authenticated;
revoke all on function private.partner_application_email_payload(public.partner_applications) from public, anon, authenticated;
revoke all on function private.enqueue_partner_application_internal(public.partner_applications) from public, anon, authenticated;
revoke all on function private.purge_partner_application_drafts() from public, anon, authenticated;
revoke all on function private.require_platform_admin() from public, anon, authenticated;
revoke all on function private.partner_note_author_name() from public, anon, authenticated;
revoke all on function public.submit_partner_application(jsonb, text) from public, anon, authenticated;
revoke all on function public.partner_application_confirm_link(uuid) from public, anon, authenticated;
revoke all on function public.confirm_partner_application(text) from public, anon, authenticated;
revoke all on function public.add_partner_application_note(uuid, text) from public, anon;
revoke all on function public.set_partner_application_status(uuid, text, text) from public, anon;
revoke all on function public.partner_application_stats(date, date) from public, anon;
grant execute on function public.submit_partner_application(jsonb, text) to service_role;
grant execute on function public.partner_application_confirm_link(uuid) to service_role;
grant execute on function public.confirm_partner_application(text) to service_role;
grant execute on function private.purge_partner_application_drafts() to service_role;
grant execute on function public.add_partner_application_note(uuid, text) to authenticated;
grant execute on function public.set_partner_application_status(uuid, text, text) to authenticated;
grant execute on function public.partner_application_stats(date, date) to authenticated;
