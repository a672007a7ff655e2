-- rls matrix for the tenancy tables: organizations, profiles, memberships,
-- invitations, training groups, group coaches.
--
-- every actor × {select, insert, update, delete} × rows of their own organization
-- (A) and of another (B), denials asserted as well as what is allowed. each case
-- runs in its own rolled-back subtransaction (tests.try_as) and yields:
--   '1'      allowed: the row is visible / written
--   '0'      filtered by a policy's using clause: sees or changes nothing
--   '42501'  refused: no privilege, or a policy's with check
--   '23505'  the policy allowed it, the row already exists (inserting one's own profile)
-- actors (fixture in 000-setup-tests-hooks.sql):
--   anon · outsider (signed in, no membership) · athlete (of A, group A1) ·
--   coach (of A, coaches A1) · coach2 (of A, coaches A2: "coach of another group") ·
--   admin (of A) · admin_b (of B: "admin of another org") · left_coach (left A)
begin;
select tests.create_tenancy_fixture();

create temporary table cases (tbl text, target text, op text, sql text) on commit drop;
create temporary table matrix (
  tbl text, target text, actor text, sel text, ins text, upd text, del text
) on commit drop;

-- organizations -------------------------------------------------------------------------------
-- read by members, edited by admins, created only through create_organization,
-- never deleted by a statement (an owner's tombstone instead)
insert into cases values
  ('organizations', 'A', 'select', $$select count(*) from public.organizations where id = '10000000-0000-4000-8000-00000000000a'$$),
  ('organizations', 'A', 'insert', $$insert into public.organizations (name, slug) values ('New', 'new-club-a')$$),
  ('organizations', 'A', 'update', $$update public.organizations set name = 'Renamed' where id = '10000000-0000-4000-8000-00000000000a'$$),
  ('organizations', 'A', 'delete', $$delete from public.organizations where id = '10000000-0000-4000-8000-00000000000a'$$),
  ('organizations', 'B', 'select', $$select count(*) from public.organizations where id = '10000000-0000-4000-8000-00000000000b'$$),
  ('organizations', 'B', 'insert', $$insert into public.organizations (name, slug) values ('New', 'new-club-b')$$),
  ('organizations', 'B', 'update', $$update public.organizations set name = 'Renamed' where id = '10000000-0000-4000-8000-00000000000b'$$),
  ('organizations', 'B', 'delete', $$delete from public.organizations where id = '10000000-0000-4000-8000-00000000000b'$$);

insert into matrix values
--  table            target actor         select   insert   update   delete
  ('organizations', 'A', 'anon',        '42501', '42501', '42501', '42501'),
  ('organizations', 'B', 'anon',        '42501', '42501', '42501', '42501'),
  ('organizations', 'A', 'outsider',    '0',     '42501', '0',     '42501'),
  ('organizations', 'B', 'outsider',    '0',     '42501', '0',     '42501'),
  ('organizations', 'A', 'athlete',     '1',     '42501', '0',     '42501'),
  ('organizations', 'B', 'athlete',     '0',     '42501', '0',     '42501'),
  ('organizations', 'A', 'coach',       '1',     '42501', '0',     '42501'),
  ('organizations', 'B', 'coach',       '0',     '42501', '0',     '42501'),
  ('organizations', 'A', 'coach2',      '1',     '42501', '0',     '42501'),
  ('organizations', 'B', 'coach2',      '0',     '42501', '0',     '42501'),
  ('organizations', 'A', 'admin',       '1',     '42501', '1',     '42501'),
  ('organizations', 'B', 'admin',       '0',     '42501', '0',     '42501'),
  ('organizations', 'A', 'admin_b',     '0',     '42501', '0',     '42501'),
  ('organizations', 'B', 'admin_b',     '1',     '42501', '1',     '42501'),
  ('organizations', 'A', 'left_coach',  '0',     '42501', '0',     '42501');

-- profiles ------------------------------------------------------------------------------------
-- targets: the actor's own profile; A's admin (staff); A's plain member; B's admin.
-- staff see every fellow member; athletes see staff; each edits only their own.
insert into cases values
  ('profiles', 'own', 'select', $$select count(*) from public.profiles where id = auth.uid()$$),
  ('profiles', 'own', 'insert', $$insert into public.profiles (id, display_name) values (auth.uid(), 'Me')$$),
  ('profiles', 'own', 'update', $$update public.profiles set display_name = 'Me' where id = auth.uid()$$),
  ('profiles', 'own', 'delete', $$delete from public.profiles where id = auth.uid()$$),
  ('profiles', 'A admin', 'select', $$select count(*) from public.profiles where id = tests.get_supabase_uid('admin')$$),
  ('profiles', 'A admin', 'insert', $$insert into public.profiles (id, display_name) values (tests.get_supabase_uid('admin'), 'X')$$),
  ('profiles', 'A admin', 'update', $$update public.profiles set display_name = 'X' where id = tests.get_supabase_uid('admin')$$),
  ('profiles', 'A admin', 'delete', $$delete from public.profiles where id = tests.get_supabase_uid('admin')$$),
  ('profiles', 'A member', 'select', $$select count(*) from public.profiles where id = tests.get_supabase_uid('member')$$),
  ('profiles', 'A member', 'insert', $$insert into public.profiles (id, display_name) values (tests.get_supabase_uid('member'), 'X')$$),
  ('profiles', 'A member', 'update', $$update public.profiles set display_name = 'X' where id = tests.get_supabase_uid('member')$$),
  ('profiles', 'A member', 'delete', $$delete from public.profiles where id = tests.get_supabase_uid('member')$$),
  ('profiles', 'B admin', 'select', $$select count(*) from public.profiles where id = tests.get_supabase_uid('admin_b')$$),
  ('profiles', 'B admin', 'insert', $$insert into public.profiles (id, display_name) values (tests.get_supabase_uid('admin_b'), 'X')$$),
  ('profiles', 'B admin', 'update', $$update public.profiles set display_name = 'X' where id = tests.get_supabase_uid('admin_b')$$),
  ('profiles', 'B admin', 'delete', $$delete from public.profiles where id = tests.get_supabase_uid('admin_b')$$);

insert into matrix values
--  table       target      actor         select   insert   update   delete
  ('profiles', 'own',      'anon',        '42501', '42501', '42501', '42501'),
  ('profiles', 'A admin',  'anon',        '42501', '42501', '42501', '42501'),
  ('profiles', 'B admin',  'anon',        '42501', '42501', '42501', '42501'),
  ('profiles', 'own',      'outsider',    '1',     '23505', '1',     '42501'),
  ('profiles', 'A admin',  'outsider',    '0',     '42501', '0',     '42501'),
  ('profiles', 'A member', 'outsider',    '0',     '42501', '0',     '42501'),
  ('profiles', 'B admin',  'outsider',    '0',     '42501', '0',     '42501'),
  ('profiles', 'own',      'athlete',     '1',     '23505', '1',     '42501'),
  ('profiles', 'A admin',  'athlete',     '1',     '42501', '0',     '42501'),
  ('profiles', 'A member', 'athlete',     '0',     '42501', '0',     '42501'),
  ('profiles', 'B admin',  'athlete',     '0',     '42501', '0',     '42501'),
  ('profiles', 'own',      'coach',       '1',     '23505', '1',     '42501'),
  ('profiles', 'A admin',  'coach',       '1',     '42501', '0',     '42501'),
  ('profiles', 'A member', 'coach',       '1',     '42501', '0',     '42501'),
  ('profiles', 'B admin',  'coach',       '0',     '42501', '0',     '42501'),
  ('profiles', 'own',      'coach2',      '1',     '23505', '1',     '42501'),
  ('profiles', 'A admin',  'coach2',      '1',     '42501', '0',     '42501'),
  ('profiles', 'A member', 'coach2',      '1',     '42501', '0',     '42501'),
  ('profiles', 'B admin',  'coach2',      '0',     '42501', '0',     '42501'),
  ('profiles', 'own',      'admin',       '1',     '23505', '1',     '42501'),
  ('profiles', 'A member', 'admin',       '1',     '42501', '0',     '42501'),
  ('profiles', 'B admin',  'admin',       '0',     '42501', '0',     '42501'),
  ('profiles', 'own',      'admin_b',     '1',     '23505', '1',     '42501'),
  ('profiles', 'A admin',  'admin_b',     '0',     '42501', '0',     '42501'),
  ('profiles', 'A member', 'admin_b',     '0',     '42501', '0',     '42501'),
  ('profiles', 'A admin',  'left_coach',  '0',     '42501', '0',     '42501'),
  ('profiles', 'A member', 'left_coach',  '0',     '42501', '0',     '42501');

-- memberships ---------------------------------------------------------------------------------
-- read-only through the api; inserts try to add the actor to the organization as
-- its owner, updates try to make the target an owner
insert into cases values
  ('memberships', 'A coach', 'select', $$select count(*) from public.memberships where id = tests.membership_id('10000000-0000-4000-8000-00000000000a', 'coach')$$),
  ('memberships', 'A coach', 'insert', $$insert into public.memberships (org_id, user_id, role) values ('10000000-0000-4000-8000-00000000000a', auth.uid(), 'owner')$$),
  ('memberships', 'A coach', 'update', $$update public.memberships set role = 'owner' where id = tests.membership_id('10000000-0000-4000-8000-00000000000a', 'coach')$$),
  ('memberships', 'A coach', 'delete', $$delete from public.memberships where id = tests.membership_id('10000000-0000-4000-8000-00000000000a', 'coach')$$),
  ('memberships', 'A athlete', 'select', $$select count(*) from public.memberships where id = tests.membership_id('10000000-0000-4000-8000-00000000000a', 'athlete')$$),
  ('memberships', 'A athlete', 'insert', $$insert into public.memberships (org_id, user_id, role) values ('10000000-0000-4000-8000-00000000000a', tests.get_supabase_uid('outsider'), 'member')$$),
  ('memberships', 'A athlete', 'update', $$update public.memberships set role = 'owner' where id = tests.membership_id('10000000-0000-4000-8000-00000000000a', 'athlete')$$),
  ('memberships', 'A athlete', 'delete', $$delete from public.memberships where id = tests.membership_id('10000000-0000-4000-8000-00000000000a', 'athlete')$$),
  ('memberships', 'B coach', 'select', $$select count(*) from public.memberships where id = tests.membership_id('10000000-0000-4000-8000-00000000000b', 'coach_b')$$),
  ('memberships', 'B coach', 'insert', $$insert into public.memberships (org_id, user_id, role) values ('10000000-0000-4000-8000-00000000000b', auth.uid(), 'owner')$$),
  ('memberships', 'B coach', 'update', $$update public.memberships set role = 'owner' where id = tests.membership_id('10000000-0000-4000-8000-00000000000b', 'coach_b')$$),
  ('memberships', 'B coach', 'delete', $$delete from public.memberships where id = tests.membership_id('10000000-0000-4000-8000-00000000000b', 'coach_b')$$);

insert into matrix values
--  table          target       actor         select   insert   update   delete
  ('memberships', 'A coach',   'anon',        '42501', '42501', '42501', '42501'),
  ('memberships', 'B coach',   'anon',        '42501', '42501', '42501', '42501'),
  ('memberships', 'A coach',   'outsider',    '0',     '42501', '42501', '42501'),
  ('memberships', 'B coach',   'outsider',    '0',     '42501', '42501', '42501'),
  ('memberships', 'A coach',   'athlete',     '1',     '42501', '42501', '42501'),
  ('memberships', 'A athlete', 'athlete',     '1',     '42501', '42501', '42501'),
  ('memberships', 'B coach',   'athlete',     '0',     '42501', '42501', '42501'),
  ('memberships', 'A coach',   'coach',       '1',     '42501', '42501', '42501'),
  ('memberships', 'A athlete', 'coach',       '1',     '42501', '42501', '42501'),
  ('memberships', 'B coach',   'coach',       '0',     '42501', '42501', '42501'),
  ('memberships', 'A coach',   'coach2',      '1',     '42501', '42501', '42501'),
  ('memberships', 'A athlete', 'coach2',      '1',     '42501', '42501', '42501'),
  ('memberships', 'B coach',   'coach2',      '0',     '42501', '42501', '42501'),
  ('memberships', 'A coach',   'admin',       '1',     '42501', '42501', '42501'),
  ('memberships', 'A athlete', 'admin',       '1',     '42501', '42501', '42501'),
  ('memberships', 'B coach',   'admin',       '0',     '42501', '42501', '42501'),
  ('memberships', 'A coach',   'admin_b',     '0',     '42501', '42501', '42501'),
  ('memberships', 'A athlete', 'admin_b',     '0',     '42501', '42501', '42501'),
  ('memberships', 'B coach',   'admin_b',     '1',     '42501', '42501', '42501'),
  ('memberships', 'A coach',   'left_coach',  '0',     '42501', '42501', '42501');

-- invitations ---------------------------------------------------------------------------------
-- admins read their organization's; every write goes through the rpcs
insert into cases values
  ('invitations', 'A', 'select', $$select count(*) from public.invitations where id = '60000000-0000-4000-8000-00000000000a'$$),
  ('invitations', 'A', 'insert', $$insert into public.invitations (org_id, role, expires_at) values ('10000000-0000-4000-8000-00000000000a', 'owner', now() + interval '1 day')$$),
  ('invitations', 'A', 'update', $$update public.invitations set role = 'owner', max_uses = 1000 where id = '60000000-0000-4000-8000-00000000000a'$$),
  ('invitations', 'A', 'delete', $$delete from public.invitations where id = '60000000-0000-4000-8000-00000000000a'$$),
  ('invitations', 'B', 'select', $$select count(*) from public.invitations where id = '60000000-0000-4000-8000-00000000000b'$$),
  ('invitations', 'B', 'insert', $$insert into public.invitations (org_id, role, expires_at) values ('10000000-0000-4000-8000-00000000000b', 'owner', now() + interval '1 day')$$),
  ('invitations', 'B', 'update', $$update public.invitations set role = 'owner', max_uses = 1000 where id = '60000000-0000-4000-8000-00000000000b'$$),
  ('invitations', 'B', 'delete', $$delete from public.invitations where id = '60000000-0000-4000-8000-00000000000b'$$);

insert into matrix values
--  table          target actor         select   insert   update   delete
  ('invitations', 'A',   'anon',        '42501', '42501', '42501', '42501'),
  ('invitations', 'B',   'anon',        '42501', '42501', '42501', '42501'),
  ('invitations', 'A',   'outsider',    '0',     '42501', '42501', '42501'),
  ('invitations', 'B',   'outsider',    '0',     '42501', '42501', '42501'),
  ('invitations', 'A',   'athlete',     '0',     '42501', '42501', '42501'),
  ('invitations', 'B',   'athlete',     '0',     '42501', '42501', '42501'),
  ('invitations', 'A',   'coach',       '0',     '42501', '42501', '42501'),
  ('invitations', 'B',   'coach',       '0',     '42501', '42501', '42501'),
  ('invitations', 'A',   'coach2',      '0',     '42501', '42501', '42501'),
  ('invitations', 'B',   'coach2',      '0',     '42501', '42501', '42501'),
  ('invitations', 'A',   'admin',       '1',     '42501', '42501', '42501'),
  ('invitations', 'B',   'admin',       '0',     '42501', '42501', '42501'),
  ('invitations', 'A',   'admin_b',     '0',     '42501', '42501', '42501'),
  ('invitations', 'B',   'admin_b',     '1',     '42501', '42501', '42501');

-- training groups -----------------------------------------------------------------------------
-- staff see all groups of their organization, athletes their own group; admins manage
insert into cases values
  ('training_groups', 'A1', 'select', $$select count(*) from public.training_groups where id = '20000000-0000-4000-8000-0000000000a1'$$),
  ('training_groups', 'A1', 'insert', $$insert into public.training_groups (org_id, name) values ('10000000-0000-4000-8000-00000000000a', 'New group')$$),
  ('training_groups', 'A1', 'update', $$update public.training_groups set name = 'Renamed' where id = '20000000-0000-4000-8000-0000000000a1'$$),
  ('training_groups', 'A1', 'delete', $$delete from public.training_groups where id = '20000000-0000-4000-8000-0000000000a1'$$),
  ('training_groups', 'A2', 'select', $$select count(*) from public.training_groups where id = '20000000-0000-4000-8000-0000000000a2'$$),
  ('training_groups', 'A2', 'insert', $$insert into public.training_groups (org_id, name) values ('10000000-0000-4000-8000-00000000000a', 'New group')$$),
  ('training_groups', 'A2', 'update', $$update public.training_groups set name = 'Renamed' where id = '20000000-0000-4000-8000-0000000000a2'$$),
  ('training_groups', 'A2', 'delete', $$delete from public.training_groups where id = '20000000-0000-4000-8000-0000000000a2'$$),
  ('training_groups', 'B1', 'select', $$select count(*) from public.training_groups where id = '20000000-0000-4000-8000-0000000000b1'$$),
  ('training_groups', 'B1', 'insert', $$insert into public.training_groups (org_id, name) values ('10000000-0000-4000-8000-00000000000b', 'New group')$$),
  ('training_groups', 'B1', 'update', $$update public.training_groups set name = 'Renamed' where id = '20000000-0000-4000-8000-0000000000b1'$$),
  ('training_groups', 'B1', 'delete', $$delete from public.training_groups where id = '20000000-0000-4000-8000-0000000000b1'$$);

insert into matrix values
--  table              target actor         select   insert   update   delete
  ('training_groups', 'A1',  'anon',        '42501', '42501', '42501', '42501'),
  ('training_groups', 'B1',  'anon',        '42501', '42501', '42501', '42501'),
  ('training_groups', 'A1',  'outsider',    '0',     '42501', '0',     '42501'),
  ('training_groups', 'B1',  'outsider',    '0',     '42501', '0',     '42501'),
  ('training_groups', 'A1',  'athlete',     '1',     '42501', '0',     '42501'),
  ('training_groups', 'A2',  'athlete',     '0',     '42501', '0',     '42501'),
  ('training_groups', 'B1',  'athlete',     '0',     '42501', '0',     '42501'),
  ('training_groups', 'A1',  'coach',       '1',     '42501', '0',     '42501'),
  ('training_groups', 'A2',  'coach',       '1',     '42501', '0',     '42501'),
  ('training_groups', 'B1',  'coach',       '0',     '42501', '0',     '42501'),
  ('training_groups', 'A1',  'coach2',      '1',     '42501', '0',     '42501'),
  ('training_groups', 'B1',  'coach2',      '0',     '42501', '0',     '42501'),
  ('training_groups', 'A1',  'admin',       '1',     '1',     '1',     '42501'),
  ('training_groups', 'A2',  'admin',       '1',     '1',     '1',     '42501'),
  ('training_groups', 'B1',  'admin',       '0',     '42501', '0',     '42501'),
  ('training_groups', 'A1',  'admin_b',     '0',     '42501', '0',     '42501'),
  ('training_groups', 'B1',  'admin_b',     '1',     '1',     '1',     '42501'),
  ('training_groups', 'A1',  'left_coach',  '0',     '42501', '0',     '42501');

-- group coaches -------------------------------------------------------------------------------
-- inserts assign a coach of the same organization to another group; updates
-- unassign (a tombstone)
insert into cases values
  ('training_group_coaches', 'A1 coach', 'select', $$select count(*) from public.training_group_coaches where id = '70000000-0000-4000-8000-0000000000a1'$$),
  ('training_group_coaches', 'A1 coach', 'insert', $$insert into public.training_group_coaches (org_id, group_id, user_id) values ('10000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-0000000000a2', tests.get_supabase_uid('coach'))$$),
  ('training_group_coaches', 'A1 coach', 'update', $$update public.training_group_coaches set deleted_at = now() where id = '70000000-0000-4000-8000-0000000000a1'$$),
  ('training_group_coaches', 'A1 coach', 'delete', $$delete from public.training_group_coaches where id = '70000000-0000-4000-8000-0000000000a1'$$),
  ('training_group_coaches', 'A2 coach', 'select', $$select count(*) from public.training_group_coaches where id = '70000000-0000-4000-8000-0000000000a2'$$),
  ('training_group_coaches', 'A2 coach', 'insert', $$insert into public.training_group_coaches (org_id, group_id, user_id) values ('10000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('coach2'))$$),
  ('training_group_coaches', 'A2 coach', 'update', $$update public.training_group_coaches set deleted_at = now() where id = '70000000-0000-4000-8000-0000000000a2'$$),
  ('training_group_coaches', 'A2 coach', 'delete', $$delete from public.training_group_coaches where id = '70000000-0000-4000-8000-0000000000a2'$$),
  ('training_group_coaches', 'B1 coach', 'select', $$select count(*) from public.training_group_coaches where id = '70000000-0000-4000-8000-0000000000b1'$$),
  ('training_group_coaches', 'B1 coach', 'insert', $$insert into public.training_group_coaches (org_id, group_id, user_id) values ('10000000-0000-4000-8000-00000000000b', '20000000-0000-4000-8000-0000000000b1', tests.get_supabase_uid('admin_b'))$$),
  ('training_group_coaches', 'B1 coach', 'update', $$update public.training_group_coaches set deleted_at = now() where id = '70000000-0000-4000-8000-0000000000b1'$$),
  ('training_group_coaches', 'B1 coach', 'delete', $$delete from public.training_group_coaches where id = '70000000-0000-4000-8000-0000000000b1'$$);

insert into matrix values
--  table                     target      actor         select   insert   update   delete
  ('training_group_coaches', 'A1 coach', 'anon',        '42501', '42501', '42501', '42501'),
  ('training_group_coaches', 'B1 coach', 'anon',        '42501', '42501', '42501', '42501'),
  ('training_group_coaches', 'A1 coach', 'outsider',    '0',     '42501', '0',     '42501'),
  ('training_group_coaches', 'B1 coach', 'outsider',    '0',     '42501', '0',     '42501'),
  ('training_group_coaches', 'A1 coach', 'athlete',     '1',     '42501', '0',     '42501'),
  ('training_group_coaches', 'A2 coach', 'athlete',     '0',     '42501', '0',     '42501'),
  ('training_group_coaches', 'B1 coach', 'athlete',     '0',     '42501', '0',     '42501'),
  ('training_group_coaches', 'A1 coach', 'coach',       '1',     '42501', '0',     '42501'),
  ('training_group_coaches', 'A2 coach', 'coach',       '1',     '42501', '0',     '42501'),
  ('training_group_coaches', 'B1 coach', 'coach',       '0',     '42501', '0',     '42501'),
  ('training_group_coaches', 'A1 coach', 'coach2',      '1',     '42501', '0',     '42501'),
  ('training_group_coaches', 'B1 coach', 'coach2',      '0',     '42501', '0',     '42501'),
  ('training_group_coaches', 'A1 coach', 'admin',       '1',     '1',     '1',     '42501'),
  ('training_group_coaches', 'A2 coach', 'admin',       '1',     '1',     '1',     '42501'),
  ('training_group_coaches', 'B1 coach', 'admin',       '0',     '42501', '0',     '42501'),
  ('training_group_coaches', 'A1 coach', 'admin_b',     '0',     '42501', '0',     '42501'),
  ('training_group_coaches', 'B1 coach', 'admin_b',     '1',     '1',     '1',     '42501'),
  ('training_group_coaches', 'A1 coach', 'left_coach',  '0',     '42501', '0',     '42501');

-- the run ---------------------------------------------------------------------------------------
select plan(
  (select count(*)::int * 4 from matrix)
  + 1  -- completeness
);

-- every table has the seven actors of the issue, each on rows of A and of B
select is(
  array(
    select format('%s/%s/%s', t.tbl, a.actor, o.org)
      from (select distinct tbl from matrix) t
      cross join unnest(array['anon', 'outsider', 'athlete', 'coach', 'coach2', 'admin', 'admin_b']) as a(actor)
      cross join unnest(array['A', 'B']) as o(org)
     where not exists (
       select from matrix m where m.tbl = t.tbl and m.actor = a.actor
          and (left(m.target, 1) = o.org or (m.target = 'own' and o.org = 'A'))
     )
       and not (t.tbl = 'profiles' and o.org = 'B' and a.actor = 'admin_b') -- B admin is admin_b's own
     order by 1
  ),
  '{}'::text[],
  'the matrix covers every actor on rows of its own and another organization'
);

select is(tests.try_as(q.actor, q.sql), q.expected, q.description)
  from (
    select m.actor, c.sql, x.expected,
           format('%s: %s %s [%s] → %s', m.actor, x.op, m.tbl, m.target,
             case x.expected
               when '1' then 'allowed'
               when '0' then 'nothing (filtered)'
               when '42501' then 'refused (42501)'
               when '23505' then 'allowed by policy, already exists (23505)'
               else x.expected
             end) as description
      from matrix m
      cross join lateral (values (1, 'select', m.sel), (2, 'insert', m.ins), (3, 'update', m.upd), (4, 'delete', m.del))
        as x(n, op, expected)
      join cases c on c.tbl = m.tbl and c.target = m.target and c.op = x.op
     order by m.tbl, m.target, m.actor, x.n
  ) q;

select * from finish();
rollback;
