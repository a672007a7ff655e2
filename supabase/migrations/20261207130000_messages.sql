-- messages (issue 17, "Messages"): announcements to a group or the whole club, and
-- a conversation between an athlete (or the parent who uses the athlete's account)
-- and a coach of that athlete. everything is synced: read offline, written offline
-- through the outbox.
--
--   announcements           from a coach to a group they coach, or from an admin to
--                           any group or the whole club (group_id null). read by the
--                           group's athletes (whole club: every member), the group's
--                           coaches, the sender and the club's admins
--   announcement_reads      who has read what: one row per (announcement, user), its
--                           id the uuid v5 of the pair, so two devices converge. a
--                           member sees their own; the sender and admins see all of
--                           an announcement's reads
--   conversations           one per (athlete, coach), its id the uuid v5 of the pair.
--                           only between an athlete and a coach who coaches or
--                           consults them (a trigger holds it for every writer).
--                           read by the coach (while they coach the athlete), the
--                           athlete's account and — safeguarding — the club's admins
--                           when the athlete is a minor
--   conversation_messages   the messages of a conversation, written by its two sides
--   conversation_reads      how far each person has read a conversation: the
--                           server time of the newest message they saw; only ever
--                           moves forward
--
-- minors. an athlete is a minor when athlete_contacts.birth_date (staff-only, the
-- one birth date the schema has) says under 18, and also when no birth date is
-- recorded: the safe default is that admins can read. the verdict is stored on the
-- conversation (`minor`), not computed by the policy: a policy that read the clock
-- would make every device's pull recheck conversations each time (the access
-- epoch). it is set when the conversation is made, again when the birth date
-- changes, and by a daily job on the day the athlete turns 18.
--
-- email. unread announcements and messages are emailed once, 12 hours after they
-- were sent, through the email outbox and the person's switches
-- (announcement_unread, message_unread in email_preferences): at most one email per
-- announcement and one per conversation until it is read again. nothing else (no
-- push, no repeat) — reference/clubs.md §4.

/**
  * -------------------------------------------------------
  * section - ids
  * -------------------------------------------------------
  * uuid v5 of "<a>/<b>" in a namespace of its own (src/domain/message-ids.ts
  * derives the same): the row two devices create for one natural key is one row.
  */
create function private.uuid_v5(p_namespace uuid, p_name text)
returns uuid
language sql immutable security invoker set search_path = ''
as $$
  with h as (
    select extensions.digest(decode(replace(p_namespace::text, '-', ''), 'hex')
      || convert_to(p_name, 'UTF8'), 'sha1') as b
  )
  select encode(set_byte(set_byte(substring(h.b from 1 for 16),
           6, (get_byte(h.b, 6) & 15) | 80),
           8, (get_byte(h.b, 8) & 63) | 128), 'hex')::uuid
    from h
$$;
comment on function private.uuid_v5(uuid, text) is 'rfc 4122 version-5 uuid of p_name in p_namespace';

create function private.announcement_read_id(p_announcement uuid, p_user uuid)
returns uuid
language sql immutable security invoker set search_path = ''
as $$
  select private.uuid_v5('6a1d2f3e-8b4c-4e71-9d0a-5c3b2e1f4a60', p_announcement::text || '/' || p_user::text)
$$;

create function private.conversation_id(p_athlete uuid, p_coach uuid)
returns uuid
language sql immutable security invoker set search_path = ''
as $$
  select private.uuid_v5('2b7e9c41-5d3a-4f86-a0e2-7c9d1b3f5e27', p_athlete::text || '/' || p_coach::text)
$$;

create function private.conversation_read_id(p_conversation uuid, p_user uuid)
returns uuid
language sql immutable security invoker set search_path = ''
as $$
  select private.uuid_v5('9e4c2a17-3b6d-4d58-8f1e-4a7b6c2d9e83', p_conversation::text || '/' || p_user::text)
$$;

/**
  * -------------------------------------------------------
  * section - tables
  * -------------------------------------------------------
  */
create table public.announcements (
  id uuid primary key,
  org_id uuid not null references public.organizations (id) on delete cascade,
  group_id uuid,
  sender_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  title text not null,
  body text not null default '',
  event_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint announcements_group_fkey foreign key (group_id, org_id)
    references public.training_groups (id, org_id) on delete cascade,
  constraint announcements_title_check check (char_length(btrim(title)) between 1 and 200),
  constraint announcements_body_check check (char_length(body) <= 4000),
  constraint announcements_event_on_check check (event_on between date '2000-01-01' and date '2100-12-31'),
  constraint announcements_id_org_key unique (id, org_id)
);
comment on table public.announcements is 'a coach''s or admin''s announcement to a group (group_id) or the whole club (null)';
comment on column public.announcements.event_on is 'an optional day the announcement is about (a meet, a change of schedule)';

create table public.announcement_reads (
  id uuid primary key,
  org_id uuid not null references public.organizations (id) on delete cascade,
  announcement_id uuid not null,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  read_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint announcement_reads_announcement_fkey foreign key (announcement_id, org_id)
    references public.announcements (id, org_id) on delete cascade,
  constraint announcement_reads_id_check check (id = private.announcement_read_id(announcement_id, user_id)),
  constraint announcement_reads_key unique (announcement_id, user_id)
);
comment on table public.announcement_reads is 'who has read an announcement; id = uuid v5 of (announcement, user)';
comment on column public.announcement_reads.read_at is 'when it was first opened, by the device clock (display only)';

create table public.conversations (
  id uuid primary key,
  org_id uuid not null references public.organizations (id) on delete cascade,
  athlete_id uuid not null,
  coach_id uuid not null references auth.users (id) on delete cascade,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  minor boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint conversations_athlete_fkey foreign key (athlete_id, org_id)
    references public.athletes (id, org_id) on delete cascade,
  constraint conversations_id_check check (id = private.conversation_id(athlete_id, coach_id)),
  constraint conversations_key unique (athlete_id, coach_id),
  constraint conversations_id_org_key unique (id, org_id)
);
comment on table public.conversations is 'an athlete''s (or their parent''s) conversation with one of their coaches';
comment on column public.conversations.minor is
  'the athlete is under 18 or of unknown age: the club''s admins read it (kept by the server)';

create table public.conversation_messages (
  id uuid primary key,
  org_id uuid not null references public.organizations (id) on delete cascade,
  conversation_id uuid not null,
  sender_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  body text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint conversation_messages_conversation_fkey foreign key (conversation_id, org_id)
    references public.conversations (id, org_id) on delete cascade,
  constraint conversation_messages_body_check check (char_length(btrim(body)) between 1 and 4000)
);
comment on table public.conversation_messages is 'a message of a conversation; created_at (server time) orders the thread';

create table public.conversation_reads (
  id uuid primary key,
  org_id uuid not null references public.organizations (id) on delete cascade,
  conversation_id uuid not null,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  read_through timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  xid xid8 not null default pg_current_xact_id(),
  constraint conversation_reads_conversation_fkey foreign key (conversation_id, org_id)
    references public.conversations (id, org_id) on delete cascade,
  constraint conversation_reads_id_check check (id = private.conversation_read_id(conversation_id, user_id)),
  constraint conversation_reads_key unique (conversation_id, user_id)
);
comment on table public.conversation_reads is 'how far a person has read a conversation; id = uuid v5 of (conversation, user)';
comment on column public.conversation_reads.read_through is
  'created_at (server time) of the newest message the person has seen; never moves back';

create index announcements_org_id_idx on public.announcements (org_id);
create index announcements_group_org_idx on public.announcements (group_id, org_id);
create index announcements_sender_id_idx on public.announcements (sender_id);
create index announcements_created_at_idx on public.announcements (created_at);
create index announcements_xid_idx on public.announcements (xid, id);
create index announcement_reads_org_id_idx on public.announcement_reads (org_id);
create index announcement_reads_announcement_org_idx on public.announcement_reads (announcement_id, org_id);
create index announcement_reads_user_id_idx on public.announcement_reads (user_id);
create index announcement_reads_xid_idx on public.announcement_reads (xid, id);
create index conversations_org_id_idx on public.conversations (org_id);
create index conversations_athlete_org_idx on public.conversations (athlete_id, org_id);
create index conversations_coach_id_idx on public.conversations (coach_id);
create index conversations_created_by_idx on public.conversations (created_by);
create index conversations_xid_idx on public.conversations (xid, id);
create index conversation_messages_org_id_idx on public.conversation_messages (org_id);
create index conversation_messages_conversation_org_idx on public.conversation_messages (conversation_id, org_id);
create index conversation_messages_sender_id_idx on public.conversation_messages (sender_id);
create index conversation_messages_created_at_idx on public.conversation_messages (created_at);
create index conversation_messages_xid_idx on public.conversation_messages (xid, id);
create index conversation_reads_org_id_idx on public.conversation_reads (org_id);
create index conversation_reads_conversation_org_idx on public.conversation_reads (conversation_id, org_id);
create index conversation_reads_user_id_idx on public.conversation_reads (user_id);
create index conversation_reads_xid_idx on public.conversation_reads (xid, id);

/**
  * -------------------------------------------------------
  * section - authorization helpers
  * -------------------------------------------------------
  * definer rights: they read rows the caller's own policies may hide (another
  * coach's group link, an athlete's birth date), and only answer yes or no, or
  * give ids the caller's policies then use.
  */

-- whether p_coach coaches or consults p_athlete now: a coach of the athlete's group
-- (an active coach of the club), or an active coach_athletes relationship
create function private.coaches_athlete(p_coach uuid, p_athlete uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
      select from public.athletes a
        join public.training_group_coaches c on c.group_id = a.group_id and c.deleted_at is null
        join public.memberships m on m.org_id = a.org_id and m.user_id = c.user_id
       where a.id = p_athlete and a.deleted_at is null and c.user_id = p_coach
         and m.left_at is null and m.deleted_at is null
         and private.role_rank(m.role) >= private.role_rank('coach'))
    or exists (
      select from public.coach_athletes r
        join public.memberships m on m.org_id = r.org_id and m.user_id = r.coach_id
       where r.athlete_id = p_athlete and r.coach_id = p_coach
         and r.status = 'active' and r.deleted_at is null
         and m.left_at is null and m.deleted_at is null
         and private.role_rank(m.role) >= private.role_rank('coach'))
$$;
comment on function private.coaches_athlete(uuid, uuid) is
  'whether the user coaches (group or individual, coaching or consulting) the athlete now';

-- under 18 by the recorded birth date; no birth date counts as a minor (safe default)
create function private.is_minor_athlete(p_athlete uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce((
    select c.birth_date > (current_date - interval '18 years')::date
      from public.athlete_contacts c
     where c.id = p_athlete and c.deleted_at is null), true)
$$;
comment on function private.is_minor_athlete(uuid) is
  'under 18 by athlete_contacts.birth_date; unknown birth date = minor';

-- announcements the caller may read (the select policy, for the reads' checks)
create function private.visible_announcement_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.id from public.announcements a
   where a.org_id in (select private.org_ids_with_role('admin'))
      or a.sender_id = (select auth.uid())
      or (a.group_id is null and a.org_id in (select private.org_ids_with_role('member')))
      or a.group_id in (select private.coached_group_ids())
      or a.group_id in (select private.own_athlete_group_ids())
$$;

-- announcements the caller sent (they see who has read them)
create function private.sent_announcement_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select a.id from public.announcements a where a.sender_id = (select auth.uid())
$$;

-- conversations the caller takes part in: as the coach who still coaches or
-- consults the athlete, or as the athlete's account
create function private.party_conversation_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select v.id from public.conversations v
   where (v.coach_id = (select auth.uid())
          and (v.athlete_id in (select private.coached_athlete_ids())
               or v.athlete_id in (select private.consulted_athlete_ids())))
      or v.athlete_id in (select private.own_athlete_ids())
$$;

-- conversations the caller may read: their own, and a minor's for the club's admins
create function private.visible_conversation_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select p.id from private.party_conversation_ids() as p (id)
  union
  select v.id from public.conversations v
   where v.minor and v.org_id in (select private.org_ids_with_role('admin'))
$$;

/**
  * -------------------------------------------------------
  * section - triggers
  * -------------------------------------------------------
  * the caller is the sender (a service-role write keeps what it names); a
  * conversation is only ever between an athlete and a coach of theirs, whoever
  * writes it; a read only moves forward.
  */
create function private.guard_announcement()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' and auth.uid() is not null then
    new.sender_id := auth.uid();
  end if;
  return new;
end
$$;

create function private.guard_conversation()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.minor := private.is_minor_athlete(new.athlete_id);
    if auth.uid() is not null then
      new.created_by := auth.uid();
    end if;
  end if;
  if not private.coaches_athlete(new.coach_id, new.athlete_id) then
    raise exception 'a conversation is between an athlete and a coach who coaches them'
      using errcode = '42501', hint = 'forbidden';
  end if;
  return new;
end
$$;

create function private.guard_conversation_message()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' and auth.uid() is not null then
    new.sender_id := auth.uid();
  end if;
  return new;
end
$$;

create function private.keep_read_forward()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if tg_table_name = 'conversation_reads' then
    new.read_through := greatest(old.read_through, new.read_through);
  elsif tg_table_name = 'announcement_reads' then
    new.read_at := least(old.read_at, new.read_at);
  end if;
  return new;
end
$$;

-- the minor flag follows the birth date: when staff record or change it, and each
-- day for those who turn 18 (private.refresh_conversation_minors, scheduled below)
create function private.refresh_conversation_minors(p_athlete uuid default null)
returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_count integer;
begin
  update public.conversations v set minor = private.is_minor_athlete(v.athlete_id)
   where (p_athlete is null or v.athlete_id = p_athlete)
     and v.minor is distinct from private.is_minor_athlete(v.athlete_id);
  get diagnostics v_count = row_count;
  return v_count;
end
$$;
comment on function private.refresh_conversation_minors(uuid) is
  'sets conversations.minor from the birth date: one athlete''s, or everyone''s (the daily job)';

create function private.birth_date_changed()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.refresh_conversation_minors(new.athlete_id);
  return null;
end
$$;

create trigger conversation_minors after insert or update of birth_date, deleted_at on public.athlete_contacts
  for each row execute function private.birth_date_changed();

create trigger guard_announcement before insert on public.announcements
  for each row execute function private.guard_announcement();
create trigger guard_conversation before insert on public.conversations
  for each row execute function private.guard_conversation();
create trigger guard_conversation_message before insert on public.conversation_messages
  for each row execute function private.guard_conversation_message();
create trigger keep_read_forward before update on public.announcement_reads
  for each row execute function private.keep_read_forward();
create trigger keep_read_forward before update on public.conversation_reads
  for each row execute function private.keep_read_forward();

-- the foundation's sync stamp (runs after the guards: triggers fire in name order)
create trigger stamp_synced_row before insert or update on public.announcements
  for each row execute function private.stamp_synced_row();
create trigger stamp_synced_row before insert or update on public.announcement_reads
  for each row execute function private.stamp_synced_row();
create trigger stamp_synced_row before insert or update on public.conversations
  for each row execute function private.stamp_synced_row();
create trigger stamp_synced_row before insert or update on public.conversation_messages
  for each row execute function private.stamp_synced_row();
create trigger stamp_synced_row before insert or update on public.conversation_reads
  for each row execute function private.stamp_synced_row();

/**
  * -------------------------------------------------------
  * section - row-level security: announcements
  * -------------------------------------------------------
  * read: the club's admins, the sender, every member for a whole-club one, the
  * group's coaches and athletes for a group one. write: a coach to a group they
  * coach, an admin to any group or the club; edit: the sender or an admin.
  */
alter table public.announcements enable row level security;

create policy "Members of the audience, the sender and admins can view announcements"
  on public.announcements for select to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or sender_id = (select auth.uid())
    or (group_id is null and org_id = any (array(select private.org_ids_with_role('member'))))
    or group_id = any (array(select private.coached_group_ids()))
    or group_id = any (array(select private.own_athlete_group_ids()))
  );

create policy "Group coaches and admins can post announcements"
  on public.announcements for insert to authenticated
  with check (
    sender_id = (select auth.uid())
    and (org_id = any (array(select private.org_ids_with_role('admin')))
         or group_id = any (array(select private.coached_group_ids())))
  );

create policy "The sender and admins can edit announcements"
  on public.announcements for update to authenticated
  using (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or sender_id = (select auth.uid())
  )
  with check (
    org_id = any (array(select private.org_ids_with_role('admin')))
    or (sender_id = (select auth.uid()) and group_id = any (array(select private.coached_group_ids())))
  );

/**
  * -------------------------------------------------------
  * section - row-level security: announcement reads
  * -------------------------------------------------------
  * a member writes and sees their own reads of what they may read; the sender and
  * the club's admins see everyone's.
  */
alter table public.announcement_reads enable row level security;

create policy "Members see their reads; senders and admins see who has read"
  on public.announcement_reads for select to authenticated
  using (
    user_id = (select auth.uid())
    or announcement_id = any (array(select private.sent_announcement_ids()))
    or org_id = any (array(select private.org_ids_with_role('admin')))
  );

create policy "Members can mark an announcement they see as read"
  on public.announcement_reads for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and announcement_id = any (array(select private.visible_announcement_ids()))
  );

create policy "Members can change their own reads"
  on public.announcement_reads for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

/**
  * -------------------------------------------------------
  * section - row-level security: conversations and messages
  * -------------------------------------------------------
  * a conversation is started by the coach (for an athlete they coach or consult)
  * or by the athlete's account (with one of their coaches: the trigger checks
  * that side). its two sides write messages; a minor's is read by the admins,
  * who do not write in it.
  */
alter table public.conversations enable row level security;

create policy "The two sides, and admins for a minor, can view conversations"
  on public.conversations for select to authenticated
  using (id = any (array(select private.visible_conversation_ids())));

create policy "A coach or the athlete can start a conversation"
  on public.conversations for insert to authenticated
  with check (
    (coach_id = (select auth.uid())
     and (athlete_id = any (array(select private.coached_athlete_ids()))
          or athlete_id = any (array(select private.consulted_athlete_ids()))))
    or athlete_id = any (array(select private.own_athlete_ids()))
  );

alter table public.conversation_messages enable row level security;

create policy "Whoever sees the conversation can view its messages"
  on public.conversation_messages for select to authenticated
  using (conversation_id = any (array(select private.visible_conversation_ids())));

create policy "The two sides can write messages"
  on public.conversation_messages for insert to authenticated
  with check (
    sender_id = (select auth.uid())
    and conversation_id = any (array(select private.party_conversation_ids()))
  );

create policy "The sender can edit or withdraw a message"
  on public.conversation_messages for update to authenticated
  using (sender_id = (select auth.uid()))
  with check (
    sender_id = (select auth.uid())
    and conversation_id = any (array(select private.party_conversation_ids()))
  );

alter table public.conversation_reads enable row level security;

create policy "People see how far they have read"
  on public.conversation_reads for select to authenticated
  using (user_id = (select auth.uid()));

create policy "People can mark a conversation they see as read"
  on public.conversation_reads for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and conversation_id = any (array(select private.visible_conversation_ids()))
  );

create policy "People can move their own read mark"
  on public.conversation_reads for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

/**
  * -------------------------------------------------------
  * section - tenant guard
  * -------------------------------------------------------
  * a suspended club is read-only; a partner acting for a club is audited.
  */
select private.guard_tenant_table('public.announcements');
select private.guard_tenant_table('public.announcement_reads');
select private.guard_tenant_table('public.conversations');
select private.guard_tenant_table('public.conversation_messages');
select private.guard_tenant_table('public.conversation_reads');

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  * identity columns (id, organization, audience, the two sides, the sender) are
  * fixed once written; no delete privilege (tombstones); nothing for anon.
  */
revoke all on public.announcements from public, anon, authenticated;
revoke all on public.announcement_reads from public, anon, authenticated;
revoke all on public.conversations from public, anon, authenticated;
revoke all on public.conversation_messages from public, anon, authenticated;
revoke all on public.conversation_reads from public, anon, authenticated;
grant all on public.announcements, public.announcement_reads, public.conversations,
  public.conversation_messages, public.conversation_reads to service_role;
grant select on public.announcements, public.announcement_reads, public.conversations,
  public.conversation_messages, public.conversation_reads to authenticated;

grant insert (id, org_id, group_id, sender_id, title, body, event_on) on public.announcements to authenticated;
grant update (title, body, event_on, deleted_at) on public.announcements to authenticated;
grant insert (id, org_id, announcement_id, user_id, read_at) on public.announcement_reads to authenticated;
grant update (read_at) on public.announcement_reads to authenticated;
grant insert (id, org_id, athlete_id, coach_id) on public.conversations to authenticated;
grant insert (id, org_id, conversation_id, sender_id, body) on public.conversation_messages to authenticated;
grant update (body, deleted_at) on public.conversation_messages to authenticated;
grant insert (id, org_id, conversation_id, user_id, read_through) on public.conversation_reads to authenticated;
grant update (read_through) on public.conversation_reads to authenticated;

revoke all on function private.uuid_v5(uuid, text) from public, anon, authenticated;
revoke all on function private.announcement_read_id(uuid, uuid) from public, anon;
revoke all on function private.conversation_id(uuid, uuid) from public, anon;
revoke all on function private.conversation_read_id(uuid, uuid) from public, anon;
grant execute on function private.uuid_v5(uuid, text) to authenticated, service_role;
grant execute on function private.announcement_read_id(uuid, uuid) to authenticated, service_role;
grant execute on function private.conversation_id(uuid, uuid) to authenticated, service_role;
grant execute on function private.conversation_read_id(uuid, uuid) to authenticated, service_role;

revoke all on function private.coaches_athlete(uuid, uuid) from public, anon, authenticated;
revoke all on function private.is_minor_athlete(uuid) from public, anon, authenticated;
revoke all on function private.visible_announcement_ids() from public, anon, authenticated;
revoke all on function private.sent_announcement_ids() from public, anon, authenticated;
revoke all on function private.party_conversation_ids() from public, anon, authenticated;
revoke all on function private.visible_conversation_ids() from public, anon, authenticated;
grant execute on function private.coaches_athlete(uuid, uuid) to authenticated, service_role;
grant execute on function private.is_minor_athlete(uuid) to authenticated, service_role;
grant execute on function private.visible_announcement_ids() to authenticated, service_role;
grant execute on function private.sent_announcement_ids() to authenticated, service_role;
grant execute on function private.party_conversation_ids() to authenticated, service_role;
grant execute on function private.visible_conversation_ids() to authenticated, service_role;

revoke all on function private.guard_announcement() from public, anon, authenticated;
revoke all on function private.guard_conversation() from public, anon, authenticated;
revoke all on function private.guard_conversation_message() from public, anon, authenticated;
revoke all on function private.keep_read_forward() from public, anon, authenticated;
revoke all on function private.refresh_conversation_minors(uuid) from public, anon, authenticated;
grant execute on function private.refresh_conversation_minors(uuid) to service_role;
revoke all on function private.birth_date_changed() from public, anon, authenticated;

/**
  * -------------------------------------------------------
  * section - merge rule
  * -------------------------------------------------------
  * the three tables whose ids derive from a natural key: an insert of a row that
  * exists (another device, or the other side, wrote it first) writes only the
  * fields that differ, as an update; the update triggers keep a read moving
  * forward. as private.athlete_contacts_merge.
  */
create function private.messages_merge(p_reg sync.tables, p_id uuid, p_m jsonb)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_fields jsonb := coalesce(p_m -> 'fields', '{}'::jsonb);
  v_before jsonb;
  v_given jsonb;
begin
  if p_m ->> 'op' is distinct from 'insert'
     or p_reg.table_name not in ('announcement_reads', 'conversations', 'conversation_reads') then
    return p_m;
  end if;
  execute format('select to_jsonb(t) from public.%I t where t.id = $1', p_reg.table_name)
    into v_before using p_id;
  if v_before is null then
    return p_m; -- the first of its key (or one the caller may not see: rls refuses)
  end if;
  execute format('select to_jsonb(r) from jsonb_populate_record(null::public.%I, $1) as r', p_reg.table_name)
    into v_given using v_fields;
  return p_m || jsonb_build_object('op', 'update', 'fields', (
    select coalesce(jsonb_object_agg(k, v_fields -> k), '{}'::jsonb)
      from jsonb_object_keys(v_fields) as k
     where k in ('read_at', 'read_through')
       and (v_given -> k) is distinct from (v_before -> k)));
end
$$;
comment on function private.messages_merge(sync.tables, uuid, jsonb) is
  'merge hook of announcement_reads, conversations, conversation_reads: a second insert of a key is an update';
revoke all on function private.messages_merge(sync.tables, uuid, jsonb) from public, anon, authenticated;
grant execute on function private.messages_merge(sync.tables, uuid, jsonb) to authenticated, service_role;

/**
  * -------------------------------------------------------
  * section - unread email
  * -------------------------------------------------------
  * two switchable kinds: the outbox's and the switches' checks are rebuilt from
  * what they hold now plus ours, so a kind another migration added is kept.
  */
do $$
declare
  v_table text;
  v_con text;
  v_def text;
  v_kinds text[];
begin
  foreach v_table in array array['private.email_outbox', 'public.email_preferences'] loop
    v_con := case when v_table = 'private.email_outbox' then 'email_outbox_kind_check'
                  else 'email_preferences_kind_check' end;
    select pg_get_constraintdef(c.oid) into v_def
      from pg_catalog.pg_constraint c
     where c.conrelid = v_table::regclass and c.conname = v_con;
    select array_agg(distinct k) into v_kinds
      from (select m[1] as k from regexp_matches(coalesce(v_def, ''), '''([a-z_]+)''', 'g') m
            union
            select unnest(string_to_array(m[1], ','))
              from regexp_matches(coalesce(v_def, ''), '''\{([a-z_,]*)\}''', 'g') m) found;
    v_kinds := array(select distinct k from unnest(coalesce(v_kinds, '{}')
      || array['announcement_unread', 'message_unread']) k order by k);
    execute format('alter table %s drop constraint if exists %I', v_table, v_con);
    execute format('alter table %s add constraint %I check (kind = any (%L::text[]))', v_table, v_con, v_kinds);
  end loop;
end
$$;

-- each run queues, for what was sent 12–36 hours ago and is still unread, one
-- email per (announcement, person) and one per (conversation, person, read mark):
-- the dedupe keys make a second run, and a second message in an unread
-- conversation, queue nothing more. enqueue_email drops a kind switched off, and
-- the dispatcher checks the switch again when it sends.
create function private.enqueue_unread_message_emails()
returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row record;
  v_count integer := 0;
begin
  for v_row in
    select a.id, a.org_id, a.title, a.event_on, o.name as organization, sp.display_name as sender_name,
           aud.user_id
      from public.announcements a
      join public.organizations o on o.id = a.org_id
      left join public.profiles sp on sp.id = a.sender_id
      cross join lateral (
        select m.user_id from public.memberships m
         where a.group_id is null and m.org_id = a.org_id and m.left_at is null and m.deleted_at is null
        union
        select t.user_id from public.athletes t
         where a.group_id is not null and t.group_id = a.group_id and t.user_id is not null
           and t.deleted_at is null and t.status = 'active'
      ) aud
     where a.deleted_at is null
       and a.created_at between now() - interval '36 hours' and now() - interval '12 hours'
       and aud.user_id <> a.sender_id
       and not exists (select from public.announcement_reads r
                        where r.announcement_id = a.id and r.user_id = aud.user_id and r.deleted_at is null)
  loop
    perform private.enqueue_email('announcement_unread', v_row.user_id, v_row.org_id,
      'announcement_unread:' || v_row.id || ':' || v_row.user_id,
      jsonb_build_object('announcementId', v_row.id, 'title', v_row.title, 'eventOn', v_row.event_on,
        'organization', v_row.organization, 'senderName', v_row.sender_name, 'audience', 'member'));
    v_count := v_count + 1;
  end loop;

  for v_row in
    select v.id, v.org_id, o.name as organization, x.recipient, r.read_through,
           count(*) as unread, max(sp.display_name) as sender_name
      from public.conversation_messages cm
      join public.conversations v on v.id = cm.conversation_id and v.deleted_at is null
      join public.athletes t on t.id = v.athlete_id
      join public.organizations o on o.id = v.org_id
      left join public.profiles sp on sp.id = cm.sender_id
      cross join lateral (select case when cm.sender_id = v.coach_id then t.user_id else v.coach_id end
                            as recipient) x
      left join public.conversation_reads r on r.conversation_id = v.id and r.user_id = x.recipient
     where cm.deleted_at is null
       and cm.created_at between now() - interval '36 hours' and now() - interval '12 hours'
       and x.recipient is not null and x.recipient <> cm.sender_id
       and (r.read_through is null or r.read_through < cm.created_at)
     group by v.id, v.org_id, o.name, x.recipient, r.read_through
  loop
    perform private.enqueue_email('message_unread', v_row.recipient, v_row.org_id,
      'message_unread:' || v_row.id || ':' || v_row.recipient || ':'
        || coalesce(to_char(v_row.read_through at time zone 'utc', 'YYYYMMDDHH24MISSUS'), 'never'),
      jsonb_build_object('conversationId', v_row.id, 'organization', v_row.organization,
        'senderName', v_row.sender_name, 'unread', v_row.unread, 'audience', 'member'));
    v_count := v_count + 1;
  end loop;
  return v_count;
end
$$;
comment on function private.enqueue_unread_message_emails() is
  'queues one email per announcement or conversation still unread 12 hours after it was sent';
revoke all on function private.enqueue_unread_message_emails() from public, anon, authenticated;
grant execute on function private.enqueue_unread_message_emails() to service_role;

insert into private.scheduled_jobs (name, schedule, command, description) values
  ('enqueue-unread-message-emails', '*/15 * * * *', 'select private.enqueue_unread_message_emails()',
   'every 15 minutes: email what is still unread 12 hours after it was sent (once each)'),
  ('refresh-conversation-minors', '7 0 * * *', 'select private.refresh_conversation_minors()',
   'daily: an athlete who turned 18 has their conversations leave the admins'' view');
select private.schedule_jobs();

/**
  * -------------------------------------------------------
  * section - the app's /messages
  * -------------------------------------------------------
  * the messages live at /messages: no coach page may take that address
  * (mirrored by src/domain/reserved-slugs.ts). rebuilt from the list as it is
  * now, so a segment another migration of the day reserved is kept.
  */
do $$
declare
  v_slugs text[];
begin
  v_slugs := array(select distinct s from unnest(private.reserved_slugs() || array['messages']) s order by s);
  execute format($f$
    create or replace function private.reserved_slugs()
    returns text[]
    language sql immutable parallel safe set search_path = ''
    as $body$ select %L::text[] $body$ $f$, v_slugs);
end
$$;

/**
  * -------------------------------------------------------
  * section - sync registration
  * -------------------------------------------------------
  * after the policies: registering reads them (the access epoch).
  */
insert into sync.tables (table_name, pull_order) values
  ('announcements', 7640),
  ('conversation_messages', 7643);
insert into sync.tables (table_name, pull_order, merge_hook) values
  ('announcement_reads', 7641, 'private.messages_merge(sync.tables, uuid, jsonb)'::regprocedure),
  ('conversations', 7642, 'private.messages_merge(sync.tables, uuid, jsonb)'::regprocedure),
  ('conversation_reads', 7644, 'private.messages_merge(sync.tables, uuid, jsonb)'::regprocedure);

select sync.watch_access();
