-- messages (issue 17, 20261207130000_messages.sql): announcements and who read
-- them, conversations between an athlete and their coach, read marks, and the
-- unread email. who reads and writes each table, denials included.
--
-- fixture: tests.create_tenancy_fixture() — `coach` coaches A1 (a1 linked to
-- `athlete`, a2), `coach2` coaches A2 (a3; here linked to `member`), club B apart.
begin;
select plan(59);
select tests.create_tenancy_fixture();

-- `member` is the account of a3, an athlete of group A2
update public.athletes set user_id = tests.get_supabase_uid('member')
 where id = '30000000-0000-4000-8000-0000000000a3';

-- rows the cases read: an announcement to A1 by coach, one to the club by admin,
-- a conversation of coach2 with a3
insert into public.announcements (id, org_id, group_id, sender_id, title, body) values
  ('d7000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-00000000000a',
   '20000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach'), 'Сбор в субботу', 'В 10:00 у стадиона'),
  ('d7000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-00000000000a',
   null, tests.get_supabase_uid('admin'), 'Клуб закрыт 31 декабря', '');
insert into public.conversations (id, org_id, athlete_id, coach_id) values
  (private.conversation_id('30000000-0000-4000-8000-0000000000a3', tests.get_supabase_uid('coach2')),
   '10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a3', tests.get_supabase_uid('coach2'));
select set_config('t.conv_a3', private.conversation_id('30000000-0000-4000-8000-0000000000a3',
  tests.get_supabase_uid('coach2'))::text, true);
select set_config('t.conv_a1', private.conversation_id('30000000-0000-4000-8000-0000000000a1',
  tests.get_supabase_uid('coach'))::text, true);

-- announcements: reading -----------------------------------------------------------------------------
select is(tests.try_as('athlete', $$select count(*) from public.announcements$$),
  '2', 'an athlete of A1 reads the A1 announcement and the club''s');
select is(tests.try_as('member', $$select count(*) from public.announcements$$),
  '1', 'an athlete of another group reads only the club''s, not A1''s');
select is(tests.try_as('coach2', $$select count(*) from public.announcements where group_id is not null$$),
  '0', 'the coach of another group does not read A1''s');
select is(tests.try_as('coach', $$select count(*) from public.announcements$$),
  '2', 'the sender reads theirs, and the club''s');
select is(tests.try_as('admin', $$select count(*) from public.announcements$$),
  '2', 'an admin reads every announcement of the club');
select is(tests.try_as('coach_b', $$select count(*) from public.announcements$$),
  '0', 'a coach of another club reads none');
select is(tests.try_as('outsider', $$select count(*) from public.announcements$$),
  '0', 'someone of no club reads none');
select is(tests.try_as('anon', $$select count(*) from public.announcements$$),
  '42501', 'anon is refused');

-- announcements: writing -----------------------------------------------------------------------------
select is(tests.try_as('coach', $$insert into public.announcements (id, org_id, group_id, title) values ('d7000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-0000000000a1', 'Форма на зиму')$$),
  '1', 'a coach posts to a group they coach');
select tests.authenticate_as('coach');
insert into public.announcements (id, org_id, group_id, title, sender_id) values ('d7000000-0000-4000-8000-0000000000b9', '10000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-0000000000a1', 'От имени админа?', tests.get_supabase_uid('admin'));
select tests.clear_authentication();
reset role;
select is((select sender_id from public.announcements where id = 'd7000000-0000-4000-8000-0000000000b9'),
  tests.get_supabase_uid('coach'), 'a coach''s announcement is in their own name, whatever it says');
delete from public.announcements where id = 'd7000000-0000-4000-8000-0000000000b9';
select is(tests.try_as('coach', $$insert into public.announcements (id, org_id, group_id, title) values ('d7000000-0000-4000-8000-0000000000b2', '10000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-0000000000a2', 'Чужая группа')$$),
  '42501', 'a coach does not post to a group they do not coach');
select is(tests.try_as('coach', $$insert into public.announcements (id, org_id, group_id, title) values ('d7000000-0000-4000-8000-0000000000b3', '10000000-0000-4000-8000-00000000000a', null, 'Всему клубу')$$),
  '42501', 'a coach does not post to the whole club');
select is(tests.try_as('admin', $$insert into public.announcements (id, org_id, group_id, title, event_on) values ('d7000000-0000-4000-8000-0000000000b4', '10000000-0000-4000-8000-00000000000a', null, 'Собрание клуба', '2026-12-20')$$),
  '1', 'an admin posts to the whole club, with a date');
select is(tests.try_as('athlete', $$insert into public.announcements (id, org_id, group_id, title) values ('d7000000-0000-4000-8000-0000000000b5', '10000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-0000000000a1', 'От спортсмена')$$),
  '42501', 'an athlete posts nothing');
select is(tests.try_as('admin_b', $$insert into public.announcements (id, org_id, group_id, title) values ('d7000000-0000-4000-8000-0000000000b6', '10000000-0000-4000-8000-00000000000a', null, 'Чужой клуб')$$),
  '42501', 'an admin of another club posts nothing here');
select is(tests.try_as('coach', $$update public.announcements set body = 'В 11:00' where id = 'd7000000-0000-4000-8000-0000000000a1'$$),
  '1', 'the sender edits their announcement');
select is(tests.try_as('coach2', $$update public.announcements set body = 'x'$$),
  '0', 'another coach edits none');
select is(tests.try_as('athlete', $$update public.announcements set body = 'x'$$),
  '0', 'an athlete edits none');
select is(tests.try_as('coach', $$update public.announcements set title = ' ' where id = 'd7000000-0000-4000-8000-0000000000a1'$$),
  '23514', 'an empty title is refused');
select is(tests.try_as('coach', $$insert into public.announcements (id, org_id, group_id, title, body) values ('d7000000-0000-4000-8000-0000000000b7', '10000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-0000000000a1', 'Длинное', repeat('я', 4001))$$),
  '23514', 'a body over 4000 characters is refused');

-- announcement reads ---------------------------------------------------------------------------------
select is(tests.try_as('athlete', $$insert into public.announcement_reads (id, org_id, announcement_id) values (private.announcement_read_id('d7000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('athlete')), '10000000-0000-4000-8000-00000000000a', 'd7000000-0000-4000-8000-0000000000a1')$$),
  '1', 'an athlete marks the group announcement read');
select is(tests.try_as('athlete', $$insert into public.announcement_reads (id, org_id, announcement_id) values (gen_random_uuid(), '10000000-0000-4000-8000-00000000000a', 'd7000000-0000-4000-8000-0000000000a1')$$),
  '23514', 'a read''s id is the uuid v5 of (announcement, user)');
select is(tests.try_as('member', $$insert into public.announcement_reads (id, org_id, announcement_id) values (private.announcement_read_id('d7000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('member')), '10000000-0000-4000-8000-00000000000a', 'd7000000-0000-4000-8000-0000000000a1')$$),
  '42501', 'an athlete of another group cannot mark it read');
select is(tests.try_as('athlete', $$insert into public.announcement_reads (id, org_id, announcement_id, user_id) values (private.announcement_read_id('d7000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach2')), '10000000-0000-4000-8000-00000000000a', 'd7000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach2'))$$),
  '42501', 'nor can anyone mark it read for someone else');

-- the athlete's read, on two devices: the second insert converges
select tests.authenticate_as('athlete');
select set_config('t.r1', public.sync_push('00000000-0000-4000-c000-0000000064d1', jsonb_build_array(
  jsonb_build_object('seq', 1, 'table', 'announcement_reads', 'op', 'insert',
    'id', private.announcement_read_id('d7000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('athlete')),
    'fields', jsonb_build_object('org_id', '10000000-0000-4000-8000-00000000000a',
      'announcement_id', 'd7000000-0000-4000-8000-0000000000a1', 'read_at', '2026-12-07T08:00:00Z'))))::text, true);
select set_config('t.r2', public.sync_push('00000000-0000-4000-c000-0000000064d2', jsonb_build_array(
  jsonb_build_object('seq', 1, 'table', 'announcement_reads', 'op', 'insert',
    'id', private.announcement_read_id('d7000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('athlete')),
    'fields', jsonb_build_object('org_id', '10000000-0000-4000-8000-00000000000a',
      'announcement_id', 'd7000000-0000-4000-8000-0000000000a1', 'read_at', '2026-12-07T09:00:00Z'))))::text, true);
select tests.clear_authentication();
reset role;
select is(jsonb_path_query_array(current_setting('t.r1')::jsonb || current_setting('t.r2')::jsonb, '$.results[*].status'),
  '["applied"]', 'the second device''s read is applied too');
select is((select count(*)::text || ' ' || min(read_at)::text from public.announcement_reads
            where announcement_id = 'd7000000-0000-4000-8000-0000000000a1'),
  '1 2026-12-07 08:00:00+00', 'one read, and the first reading time is kept');

select is(tests.try_as('coach', $$select count(*) from public.announcement_reads$$),
  '1', 'the sender sees who has read their announcement');
select is(tests.try_as('admin', $$select count(*) from public.announcement_reads$$),
  '1', 'an admin sees it too');
select is(tests.try_as('coach2', $$select count(*) from public.announcement_reads$$),
  '0', 'another coach does not');
select is(tests.try_as('member', $$select count(*) from public.announcement_reads$$),
  '0', 'another member does not');
select is(tests.try_as('athlete', $$select count(*) from public.announcement_reads$$),
  '1', 'the athlete sees their own read');

-- conversations --------------------------------------------------------------------------------------
select is(tests.try_as('coach', $$insert into public.conversations (id, org_id, athlete_id, coach_id) values (current_setting('t.conv_a1')::uuid, '10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach'))$$),
  '1', 'a coach starts a conversation with an athlete they coach');
select is(tests.try_as('athlete', $$insert into public.conversations (id, org_id, athlete_id, coach_id) values (current_setting('t.conv_a1')::uuid, '10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach'))$$),
  '1', 'the athlete starts one with their coach («Напишите тренеру»)');
select is(tests.try_as('coach', $$insert into public.conversations (id, org_id, athlete_id, coach_id) values (private.conversation_id('30000000-0000-4000-8000-0000000000a3', tests.get_supabase_uid('coach')), '10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a3', tests.get_supabase_uid('coach'))$$),
  '42501', 'a coach cannot start one with an athlete they do not coach');
select is(tests.try_as('athlete', $$insert into public.conversations (id, org_id, athlete_id, coach_id) values (private.conversation_id('30000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach2')), '10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach2'))$$),
  '42501', 'an athlete cannot open one with a coach who does not coach them');
select is(tests.try_as('coach', $$insert into public.conversations (id, org_id, athlete_id, coach_id) values (private.conversation_id('30000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach2')), '10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach2'))$$),
  '42501', 'nor can a coach open one for a colleague');
select throws_ok($$insert into public.conversations (id, org_id, athlete_id, coach_id) values (private.conversation_id('30000000-0000-4000-8000-0000000000a2', tests.get_supabase_uid('coach2')), '10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a2', tests.get_supabase_uid('coach2'))$$,
  '42501', null, 'even the service role cannot pair an athlete with a coach who does not coach them');

-- an individual relationship (the coach tools core) opens a conversation too: coach2 consults a1
insert into public.coach_athletes (org_id, coach_id, athlete_id, kind) values
  ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('coach2'),
   '30000000-0000-4000-8000-0000000000a1', 'consulting');
select is(tests.try_as('coach2', $$insert into public.conversations (id, org_id, athlete_id, coach_id) values (private.conversation_id('30000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach2')), '10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach2'))$$),
  '1', 'a coach who consults the athlete individually may start a conversation');
select is(tests.try_as('athlete', $$insert into public.conversations (id, org_id, athlete_id, coach_id) values (private.conversation_id('30000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach2')), '10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach2'))$$),
  '1', 'and the athlete may write to that coach');
delete from public.coach_athletes where coach_id = tests.get_supabase_uid('coach2');

insert into public.conversations (id, org_id, athlete_id, coach_id) values
  (current_setting('t.conv_a1')::uuid, '10000000-0000-4000-8000-00000000000a',
   '30000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach'));

-- messages -------------------------------------------------------------------------------------------
select is(tests.try_as('coach', $$insert into public.conversation_messages (id, org_id, conversation_id, body) values ('d7000000-0000-4000-8000-0000000000c1', '10000000-0000-4000-8000-00000000000a', current_setting('t.conv_a1')::uuid, 'Как колено?')$$),
  '1', 'the coach writes in the conversation');
select is(tests.try_as('athlete', $$insert into public.conversation_messages (id, org_id, conversation_id, body) values ('d7000000-0000-4000-8000-0000000000c2', '10000000-0000-4000-8000-00000000000a', current_setting('t.conv_a1')::uuid, 'Лучше, спасибо')$$),
  '1', 'the athlete writes in it');
select is(tests.try_as('coach', $$insert into public.conversation_messages (id, org_id, conversation_id, body) values ('d7000000-0000-4000-8000-0000000000c3', '10000000-0000-4000-8000-00000000000a', current_setting('t.conv_a3')::uuid, 'Привет')$$),
  '42501', 'a coach cannot message an athlete they do not coach');
select is(tests.try_as('admin', $$insert into public.conversation_messages (id, org_id, conversation_id, body) values ('d7000000-0000-4000-8000-0000000000c4', '10000000-0000-4000-8000-00000000000a', current_setting('t.conv_a1')::uuid, 'Админ')$$),
  '42501', 'an admin reads a minor''s conversation but does not write in it');
select is(tests.try_as('coach', $$insert into public.conversation_messages (id, org_id, conversation_id, body) values ('d7000000-0000-4000-8000-0000000000c5', '10000000-0000-4000-8000-00000000000a', current_setting('t.conv_a1')::uuid, '   ')$$),
  '23514', 'an empty message is refused');

insert into public.conversation_messages (id, org_id, conversation_id, sender_id, body) values
  ('d7000000-0000-4000-8000-0000000000c1', '10000000-0000-4000-8000-00000000000a', current_setting('t.conv_a1')::uuid,
   tests.get_supabase_uid('coach'), 'Как колено?');

select is(tests.try_as('athlete', $$select count(*) from public.conversation_messages$$),
  '1', 'the athlete reads their conversation');
select is(tests.try_as('member', $$select count(*) from public.conversations$$),
  '1', 'another athlete reads only their own conversation');
select is(tests.try_as('coach2', $$select count(*) from public.conversation_messages$$),
  '0', 'another coach does not read it');
select is(tests.try_as('admin', $$select count(*) from public.conversation_messages$$),
  '1', 'an admin reads a minor''s conversation (no birth date recorded: a minor)');
select is(tests.try_as('coach_b', $$select count(*) from public.conversations$$),
  '0', 'a coach of another club reads none');
select is(tests.try_as('admin_b', $$select count(*) from public.conversation_messages$$),
  '0', 'nor does an admin of another club');

insert into public.athlete_contacts (id, org_id, athlete_id, birth_date) values
  ('30000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-00000000000a',
   '30000000-0000-4000-8000-0000000000a1', current_date - interval '30 years');
select is(tests.try_as('admin', $$select count(*) from public.conversations where athlete_id = '30000000-0000-4000-8000-0000000000a1'$$),
  '0', 'an adult''s conversation is not the admins''');
select is(tests.try_as('coach', $$select count(*) from public.conversations$$),
  '1', 'the coach still reads it');

-- read marks -----------------------------------------------------------------------------------------
select is(tests.try_as('athlete', $$insert into public.conversation_reads (id, org_id, conversation_id, read_through) values (private.conversation_read_id(current_setting('t.conv_a1')::uuid, tests.get_supabase_uid('athlete')), '10000000-0000-4000-8000-00000000000a', current_setting('t.conv_a1')::uuid, now())$$),
  '1', 'the athlete marks the conversation read');
select is(tests.try_as('coach2', $$insert into public.conversation_reads (id, org_id, conversation_id, read_through) values (private.conversation_read_id(current_setting('t.conv_a1')::uuid, tests.get_supabase_uid('coach2')), '10000000-0000-4000-8000-00000000000a', current_setting('t.conv_a1')::uuid, now())$$),
  '42501', 'someone who does not see a conversation cannot mark it');

insert into public.conversation_reads (id, org_id, conversation_id, user_id, read_through) values
  (private.conversation_read_id(current_setting('t.conv_a1')::uuid, tests.get_supabase_uid('athlete')),
   '10000000-0000-4000-8000-00000000000a', current_setting('t.conv_a1')::uuid, tests.get_supabase_uid('athlete'),
   '2026-12-07T10:00:00Z');
update public.conversation_reads set read_through = '2026-12-07T09:00:00Z'
 where conversation_id = current_setting('t.conv_a1')::uuid;
select is((select read_through::text from public.conversation_reads where conversation_id = current_setting('t.conv_a1')::uuid),
  '2026-12-07 10:00:00+00', 'a read mark never moves back');

-- unread email ---------------------------------------------------------------------------------------
-- everything above was sent 13 hours ago; the athlete has read A1's announcement
alter table public.announcements disable trigger stamp_synced_row;
alter table public.conversation_messages disable trigger stamp_synced_row;
update public.announcements set created_at = now() - interval '13 hours';
update public.conversation_messages set created_at = now() - interval '13 hours';
alter table public.announcements enable trigger stamp_synced_row;
alter table public.conversation_messages enable trigger stamp_synced_row;
alter table public.conversation_reads disable trigger keep_read_forward;
update public.conversation_reads set read_through = now() - interval '14 hours';
alter table public.conversation_reads enable trigger keep_read_forward;
insert into public.email_preferences (user_id, kind, enabled) values
  (tests.get_supabase_uid('member'), 'announcement_unread', false);
select private.enqueue_unread_message_emails();
select is((select count(*)::int from private.email_outbox
            where kind = 'announcement_unread' and user_id = tests.get_supabase_uid('athlete')),
  1, 'the athlete gets one email, for the club''s announcement still unread; none for the one read');
select is((select count(*)::int from private.email_outbox
            where kind = 'announcement_unread' and user_id = tests.get_supabase_uid('member')),
  0, 'a member who switched the kind off gets none');
select is((select count(*)::int from private.email_outbox
            where kind = 'message_unread' and user_id = tests.get_supabase_uid('athlete')),
  1, 'the athlete gets one email for the unread conversation');
select set_config('t.queued', (select count(*)::text from private.email_outbox
  where kind in ('announcement_unread', 'message_unread')), true);
select private.enqueue_unread_message_emails();
select is((select count(*)::text from private.email_outbox where kind in ('announcement_unread', 'message_unread')),
  current_setting('t.queued'), 'a second run queues nothing more (one email per dedupe key)');

select * from finish();
rollback;
