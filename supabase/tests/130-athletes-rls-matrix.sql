-- rls matrix for athletes and rank history, then the cases a matrix row cannot
-- express: moving athletes between groups, linking accounts, tombstones, a stale
-- coach assignment after leaving. results as in 120-tenancy-rls-matrix.sql:
-- '1' allowed, '0' filtered (nothing), '42501' refused.
--
-- targets: a1 (group A1, linked to `athlete`), a2 (group A1), a3 (group A2),
-- a4 (organization A, no group), b1 (organization B, group B1).
begin;
select tests.create_tenancy_fixture();

create temporary table cases (tbl text, target text, op text, sql text) on commit drop;
create temporary table matrix (
  tbl text, target text, actor text, sel text, ins text, upd text, del text
) on commit drop;

-- athletes -----------------------------------------------------------------------------------
-- an insert targets the same group (or, for a4, no group) in the same organization
insert into cases
select 'athletes', t.target, o.op,
       case o.op
         when 'select' then format('select count(*) from public.athletes where id = %L', t.id)
         when 'insert' then format('insert into public.athletes (org_id, group_id, name) values (%L, %L, ''Новый Спортсмен'')', t.org_id, t.group_id)
         when 'update' then format('update public.athletes set notes = ''seen'' where id = %L', t.id)
         when 'delete' then format('delete from public.athletes where id = %L', t.id)
       end
  from (values
    ('A a1 own', '30000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-0000000000a1'),
    ('A a2 group A1', '30000000-0000-4000-8000-0000000000a2', '10000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-0000000000a1'),
    ('A a3 group A2', '30000000-0000-4000-8000-0000000000a3', '10000000-0000-4000-8000-00000000000a', '20000000-0000-4000-8000-0000000000a2'),
    ('A a4 no group', '30000000-0000-4000-8000-0000000000a4', '10000000-0000-4000-8000-00000000000a', null),
    ('B b1', '30000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-00000000000b', '20000000-0000-4000-8000-0000000000b1')
  ) as t(target, id, org_id, group_id)
  cross join (values ('select'), ('insert'), ('update'), ('delete')) as o(op);

insert into matrix values
--  table       target           actor         select   insert   update   delete
  ('athletes', 'A a1 own',      'anon',        '42501', '42501', '42501', '42501'),
  ('athletes', 'B b1',          'anon',        '42501', '42501', '42501', '42501'),
  ('athletes', 'A a1 own',      'outsider',    '0',     '42501', '0',     '42501'),
  ('athletes', 'A a2 group A1', 'outsider',    '0',     '42501', '0',     '42501'),
  ('athletes', 'B b1',          'outsider',    '0',     '42501', '0',     '42501'),
  -- an athlete reads their own record only, and writes nothing
  ('athletes', 'A a1 own',      'athlete',     '1',     '42501', '0',     '42501'),
  ('athletes', 'A a2 group A1', 'athlete',     '0',     '42501', '0',     '42501'),
  ('athletes', 'A a3 group A2', 'athlete',     '0',     '42501', '0',     '42501'),
  ('athletes', 'B b1',          'athlete',     '0',     '42501', '0',     '42501'),
  -- the coach of A1 manages A1's athletes, nobody else's
  ('athletes', 'A a1 own',      'coach',       '1',     '1',     '1',     '42501'),
  ('athletes', 'A a2 group A1', 'coach',       '1',     '1',     '1',     '42501'),
  ('athletes', 'A a3 group A2', 'coach',       '0',     '42501', '0',     '42501'),
  ('athletes', 'A a4 no group', 'coach',       '0',     '42501', '0',     '42501'),
  ('athletes', 'B b1',          'coach',       '0',     '42501', '0',     '42501'),
  -- the coach of another group of the same organization
  ('athletes', 'A a1 own',      'coach2',      '0',     '42501', '0',     '42501'),
  ('athletes', 'A a2 group A1', 'coach2',      '0',     '42501', '0',     '42501'),
  ('athletes', 'A a3 group A2', 'coach2',      '1',     '1',     '1',     '42501'),
  ('athletes', 'A a4 no group', 'coach2',      '0',     '42501', '0',     '42501'),
  ('athletes', 'B b1',          'coach2',      '0',     '42501', '0',     '42501'),
  -- admins: their whole organization, including athletes without a group
  ('athletes', 'A a1 own',      'admin',       '1',     '1',     '1',     '42501'),
  ('athletes', 'A a3 group A2', 'admin',       '1',     '1',     '1',     '42501'),
  ('athletes', 'A a4 no group', 'admin',       '1',     '1',     '1',     '42501'),
  ('athletes', 'B b1',          'admin',       '0',     '42501', '0',     '42501'),
  ('athletes', 'A a1 own',      'admin_b',     '0',     '42501', '0',     '42501'),
  ('athletes', 'A a4 no group', 'admin_b',     '0',     '42501', '0',     '42501'),
  ('athletes', 'B b1',          'admin_b',     '1',     '1',     '1',     '42501'),
  -- left A, still listed as a coach of A1: nothing
  ('athletes', 'A a1 own',      'left_coach',  '0',     '42501', '0',     '42501'),
  ('athletes', 'A a2 group A1', 'left_coach',  '0',     '42501', '0',     '42501'),
  -- a plain member of A
  ('athletes', 'A a2 group A1', 'member',      '0',     '42501', '0',     '42501');

-- rank history ---------------------------------------------------------------------------------
insert into cases
select 'rank_history', t.target, o.op,
       case o.op
         when 'select' then format('select count(*) from public.rank_history where id = %L', t.id)
         when 'insert' then format('insert into public.rank_history (org_id, athlete_id, season, rank_start, rank_end) values (%L, %L, ''2023-2024'', ''Без разряда'', ''КМС'')', t.org_id, t.athlete_id)
         when 'update' then format('update public.rank_history set rank_end = ''МС'' where id = %L', t.id)
         when 'delete' then format('delete from public.rank_history where id = %L', t.id)
       end
  from (values
    ('A a1 own', '40000000-0000-4000-8000-0000000000a1', '10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a1'),
    ('A a3 group A2', '40000000-0000-4000-8000-0000000000a3', '10000000-0000-4000-8000-00000000000a', '30000000-0000-4000-8000-0000000000a3'),
    ('B b1', '40000000-0000-4000-8000-0000000000b1', '10000000-0000-4000-8000-00000000000b', '30000000-0000-4000-8000-0000000000b1')
  ) as t(target, id, org_id, athlete_id)
  cross join (values ('select'), ('insert'), ('update'), ('delete')) as o(op);

insert into matrix values
--  table           target           actor         select   insert   update   delete
  ('rank_history', 'A a1 own',      'anon',        '42501', '42501', '42501', '42501'),
  ('rank_history', 'B b1',          'anon',        '42501', '42501', '42501', '42501'),
  ('rank_history', 'A a1 own',      'outsider',    '0',     '42501', '0',     '42501'),
  ('rank_history', 'B b1',          'outsider',    '0',     '42501', '0',     '42501'),
  ('rank_history', 'A a1 own',      'athlete',     '1',     '42501', '0',     '42501'),
  ('rank_history', 'A a3 group A2', 'athlete',     '0',     '42501', '0',     '42501'),
  ('rank_history', 'B b1',          'athlete',     '0',     '42501', '0',     '42501'),
  ('rank_history', 'A a1 own',      'coach',       '1',     '1',     '1',     '42501'),
  ('rank_history', 'A a3 group A2', 'coach',       '0',     '42501', '0',     '42501'),
  ('rank_history', 'B b1',          'coach',       '0',     '42501', '0',     '42501'),
  ('rank_history', 'A a1 own',      'coach2',      '0',     '42501', '0',     '42501'),
  ('rank_history', 'A a3 group A2', 'coach2',      '1',     '1',     '1',     '42501'),
  ('rank_history', 'B b1',          'coach2',      '0',     '42501', '0',     '42501'),
  ('rank_history', 'A a1 own',      'admin',       '1',     '1',     '1',     '42501'),
  ('rank_history', 'A a3 group A2', 'admin',       '1',     '1',     '1',     '42501'),
  ('rank_history', 'B b1',          'admin',       '0',     '42501', '0',     '42501'),
  ('rank_history', 'A a1 own',      'admin_b',     '0',     '42501', '0',     '42501'),
  ('rank_history', 'B b1',          'admin_b',     '1',     '1',     '1',     '42501'),
  ('rank_history', 'A a1 own',      'left_coach',  '0',     '42501', '0',     '42501');

select plan(
  (select count(*)::int * 4 from matrix)
  + 1   -- completeness
  + 15  -- beyond the matrix
);

select is(
  array(
    select format('%s/%s/%s', t.tbl, a.actor, o.org)
      from (select distinct tbl from matrix) t
      cross join unnest(array['anon', 'outsider', 'athlete', 'coach', 'coach2', 'admin', 'admin_b']) as a(actor)
      cross join unnest(array['A', 'B']) as o(org)
     where not exists (select from matrix m where m.tbl = t.tbl and m.actor = a.actor and left(m.target, 1) = o.org)
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
               else x.expected
             end) as description
      from matrix m
      cross join lateral (values (1, 'select', m.sel), (2, 'insert', m.ins), (3, 'update', m.upd), (4, 'delete', m.del))
        as x(n, op, expected)
      join cases c on c.tbl = m.tbl and c.target = m.target and c.op = x.op
     order by m.tbl, m.target, m.actor, x.n
  ) q;

-- beyond the matrix ------------------------------------------------------------------------------
-- moving athletes: only into groups one coaches, never out of the organization
select is(tests.try_as('coach', $$update public.athletes set group_id = '20000000-0000-4000-8000-0000000000a2' where id = '30000000-0000-4000-8000-0000000000a2'$$),
  '42501', 'a coach cannot move an athlete into a group they do not coach');
select is(tests.try_as('coach', $$update public.athletes set group_id = null where id = '30000000-0000-4000-8000-0000000000a2'$$),
  '42501', 'a coach cannot drop an athlete out of their groups');
select is(tests.try_as('admin', $$update public.athletes set group_id = '20000000-0000-4000-8000-0000000000a2' where id = '30000000-0000-4000-8000-0000000000a2'$$),
  '1', 'an admin moves an athlete between groups of the organization');
select is(tests.try_as('admin', $$update public.athletes set group_id = '20000000-0000-4000-8000-0000000000b1' where id = '30000000-0000-4000-8000-0000000000a2'$$),
  '23503', 'a group of another organization does not exist for the athlete (composite foreign key)');
select is(tests.try_as('admin', $$update public.athletes set org_id = '10000000-0000-4000-8000-00000000000b' where id = '30000000-0000-4000-8000-0000000000a2'$$),
  '42501', 'nobody moves an athlete to another organization');
select is(tests.try_as('coach', $$insert into public.athletes (org_id, group_id, name) values ('10000000-0000-4000-8000-00000000000b', '20000000-0000-4000-8000-0000000000a1', 'Чужой')$$),
  '23503', 'a coach cannot slip an athlete into another organization through their own group');

-- the link to an account decides what that account sees: not a writable column
select is(tests.try_as('coach', $$update public.athletes set user_id = auth.uid() where id = '30000000-0000-4000-8000-0000000000a2'$$),
  '42501', 'a coach cannot link an athlete to an account');
select is(tests.try_as('admin', $$update public.athletes set user_id = tests.get_supabase_uid('member') where id = '30000000-0000-4000-8000-0000000000a2'$$),
  '42501', 'not even an admin writes athletes.user_id directly (link_athlete_account does)');

-- tombstones are the delete
select is(tests.try_as('coach', $$update public.athletes set deleted_at = now() where id = '30000000-0000-4000-8000-0000000000a2'$$),
  '1', 'a coach deletes an athlete of their group by tombstone');
select is(tests.try_as('coach2', $$update public.athletes set deleted_at = now() where id = '30000000-0000-4000-8000-0000000000a2'$$),
  '0', 'the coach of another group cannot');

-- the sync columns are the server's
select is(tests.try_as('coach', $$update public.athletes set updated_by = null, xid = '1'::xid8 where id = '30000000-0000-4000-8000-0000000000a2'$$),
  '42501', 'clients cannot write the sync columns');

-- helpers are not for anon, and a stale assignment after leaving grants nothing
select is(tests.try_as('anon', $$select count(*) from private.coached_group_ids()$$),
  '42501', 'anon cannot call the authorization helpers');
select is(tests.try_as('left_coach', $$select count(*) from private.coached_group_ids()$$),
  '0', 'a coach who left coaches nothing, even with a stale assignment');

-- an athlete whose membership ended loses their record
update public.memberships set left_at = now()
 where id = tests.membership_id('10000000-0000-4000-8000-00000000000a', 'athlete');
select is(tests.try_as('athlete', $$select count(*) from public.athletes$$),
  '0', 'an athlete who left sees no athlete record');
select is(tests.try_as('athlete', $$select count(*) from public.rank_history$$),
  '0', 'nor its rank history');

select * from finish();
rollback;
