-- clean text (issue 12 §3): names and notes that look like what they are.
--
-- helpers   private.is_clean_label(text), private.is_clean_note(text): the one
--           definition of the rules, mirrored by src/domain/clean-text.ts and
--           proven equal on arbitrary unicode by tests/db/clean-text-agreement.test.ts
-- checks    `<table>_<column>_clean_check` on every label and note column
-- profiles  private.ensure_profile names a new user from the first clean
--           candidate of their sign-up data, so a dirty name never fails a sign-up
--
-- a label is a short text the app shows as a name: athletes, training groups,
-- organizations, products (and the name a purchase copies), profiles' display
-- names, rooms, session titles and the reason of blocked or added time. a note
-- is free text: athletes' and sessions' notes, product descriptions, the
-- ledger's note.
--
-- both refuse: c0 controls u+0001–u+001f (a note keeps u+0009 tab and u+000a
-- line feed; a carriage return is refused, the device writes line breaks as
-- u+000a), del and c1 controls u+007f–u+009f, line and paragraph separators
-- u+2028–u+2029, bidirectional embeddings and overrides u+202a–u+202e and
-- isolates u+2066–u+2069, and text not in nfc (the device composes before it
-- saves; the server refuses rather than rewrites, so what a device sent is what
-- is stored). nul and lone surrogates cannot be held by text at all.
-- a label must also show something: whitespace, zero-width and format
-- characters removed (the class in is_clean_label), something must remain.
-- null passes (a column's own not null says whether it may be missing).

/**
  * -------------------------------------------------------
  * section - rules
  * -------------------------------------------------------
  * explicit code points, not unicode properties: postgresql's regular
  * expressions have none, and node's tables differ by version anyway.
  */

create function private.is_clean_note(p_text text)
returns boolean
language sql immutable strict parallel safe security invoker set search_path = ''
as $$
  select p_text is nfc normalized
     and p_text !~ '[\u0001-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]'
$$;
comment on function private.is_clean_note(text) is
  'free text: nfc, no control or bidi character but tab and line feed (src/domain/clean-text.ts)';

create function private.is_clean_label(p_text text)
returns boolean
language sql immutable strict parallel safe security invoker set search_path = ''
as $$
  select p_text is nfc normalized
     and p_text !~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]'
     and pg_catalog.regexp_replace(
           p_text,
           '[\u0009-\u000d\u0020\u0085\u00a0\u00ad\u034f\u061c\u115f\u1160\u1680\u17b4\u17b5\u180b-\u180f\u2000-\u200f\u2028-\u202f\u205f-\u206f\u2800\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]',
           '', 'g') <> ''
$$;
comment on function private.is_clean_label(text) is
  'a name the app shows: nfc, no control or bidi character, something visible (src/domain/clean-text.ts)';

revoke all on function private.is_clean_note(text) from public, anon, authenticated;
revoke all on function private.is_clean_label(text) from public, anon, authenticated;
-- a check constraint runs its functions as the writer
grant execute on function private.is_clean_note(text) to authenticated, service_role;
grant execute on function private.is_clean_label(text) to authenticated, service_role;

/**
  * -------------------------------------------------------
  * section - sign-up names
  * -------------------------------------------------------
  * a profile's display name comes from the user's own sign-up data; the first
  * candidate that is a clean label once composed and trimmed wins, else 'user',
  * so a sign-up never fails on its name (same candidates and order as before).
  */

create or replace function private.ensure_profile(p_user_id uuid)
returns void
language sql volatile security definer set search_path = ''
as $$
  insert into public.profiles (id, display_name)
  select u.id,
         coalesce(
           (select c.name
              from unnest(array[
                     u.raw_user_meta_data ->> 'display_name',
                     u.raw_user_meta_data ->> 'full_name',
                     u.raw_user_meta_data ->> 'name',
                     split_part(u.email, '@', 1)
                   ]) with ordinality as a(raw, o)
             cross join lateral (
               select pg_catalog.left(pg_catalog.btrim(normalize(a.raw, nfc)), 100) as name
             ) as c
             where pg_catalog.char_length(pg_catalog.btrim(c.name)) >= 1
               and private.is_clean_label(c.name)
             order by a.o
             limit 1),
           'user')
    from auth.users u
   where u.id = p_user_id
  on conflict (id) do nothing
$$;

/**
  * -------------------------------------------------------
  * section - labels
  * -------------------------------------------------------
  * added not valid, then validated below: each table is scanned once, after
  * every constraint is in place.
  */

alter table public.organizations
  add constraint organizations_name_clean_check check (private.is_clean_label(name)) not valid;
alter table public.profiles
  add constraint profiles_display_name_clean_check check (private.is_clean_label(display_name)) not valid;
alter table public.training_groups
  add constraint training_groups_name_clean_check check (private.is_clean_label(name)) not valid;
alter table public.athletes
  add constraint athletes_name_clean_check check (private.is_clean_label(name)) not valid;
alter table public.products
  add constraint products_name_clean_check check (private.is_clean_label(name)) not valid;
alter table public.purchases
  add constraint purchases_product_name_clean_check check (private.is_clean_label(product_name)) not valid;
alter table public.coach_settings
  add constraint coach_settings_default_room_clean_check check (private.is_clean_label(default_room)) not valid;
alter table public.weekly_availability
  add constraint weekly_availability_room_clean_check check (private.is_clean_label(room)) not valid;
alter table public.blocked_slots
  add constraint blocked_slots_reason_clean_check check (private.is_clean_label(reason)) not valid;
alter table public.availability_additions
  add constraint availability_additions_room_clean_check check (private.is_clean_label(room)) not valid,
  add constraint availability_additions_reason_clean_check check (private.is_clean_label(reason)) not valid;
alter table public.group_timetables
  add constraint group_timetables_room_clean_check check (private.is_clean_label(room)) not valid,
  add constraint group_timetables_title_clean_check check (private.is_clean_label(title)) not valid;
alter table public.training_sessions
  add constraint training_sessions_room_clean_check check (private.is_clean_label(room)) not valid,
  add constraint training_sessions_title_clean_check check (private.is_clean_label(title)) not valid;

/**
  * -------------------------------------------------------
  * section - notes
  * -------------------------------------------------------
  */

alter table public.athletes
  add constraint athletes_notes_clean_check check (private.is_clean_note(notes)) not valid;
alter table public.training_sessions
  add constraint training_sessions_notes_clean_check check (private.is_clean_note(notes)) not valid;
alter table public.products
  add constraint products_description_clean_check check (private.is_clean_note(description)) not valid;
alter table public.credit_ledger
  add constraint credit_ledger_note_clean_check check (private.is_clean_note(note)) not valid;

/**
  * -------------------------------------------------------
  * section - validation
  * -------------------------------------------------------
  * existing rows must pass too: a dirty row stops the migration here, to be
  * cleaned by hand (the text is the user's: nothing rewrites it silently).
  */

alter table public.organizations validate constraint organizations_name_clean_check;
alter table public.profiles validate constraint profiles_display_name_clean_check;
alter table public.training_groups validate constraint training_groups_name_clean_check;
alter table public.athletes validate constraint athletes_name_clean_check;
alter table public.athletes validate constraint athletes_notes_clean_check;
alter table public.products validate constraint products_name_clean_check;
alter table public.products validate constraint products_description_clean_check;
alter table public.purchases validate constraint purchases_product_name_clean_check;
alter table public.coach_settings validate constraint coach_settings_default_room_clean_check;
alter table public.weekly_availability validate constraint weekly_availability_room_clean_check;
alter table public.blocked_slots validate constraint blocked_slots_reason_clean_check;
alter table public.availability_additions validate constraint availability_additions_room_clean_check;
alter table public.availability_additions validate constraint availability_additions_reason_clean_check;
alter table public.group_timetables validate constraint group_timetables_room_clean_check;
alter table public.group_timetables validate constraint group_timetables_title_clean_check;
alter table public.training_sessions validate constraint training_sessions_room_clean_check;
alter table public.training_sessions validate constraint training_sessions_title_clean_check;
alter table public.training_sessions validate constraint training_sessions_notes_clean_check;
alter table public.credit_ledger validate constraint credit_ledger_note_clean_check;
