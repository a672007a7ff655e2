-- clean text (20261206121000_clean_text.sql): labels and notes refuse what hides
-- or disguises what is written. tests/db/clean-text-agreement.test.ts feeds
-- arbitrary unicode to these same rules and to src/domain/clean-text.ts; here,
-- the named cases a reader checks first, written by a coach of group a1 to
-- athlete a2: '1' accepted, '23514' refused by a check constraint.
begin;
select tests.create_tenancy_fixture();

create temporary table examples (field text, value text, expected text, why text) on commit drop;
insert into examples values
  ('name', 'Петров Пётр', '1', 'a name'),
  ('name', 'Лёша 🏃', '1', 'an emoji is visible'),
  ('name', U&'\00A0', '23514', 'only a no-break space'),
  ('name', U&'\200B', '23514', 'only a zero-width space'),
  ('name', U&' \200B\2060\FEFF ', '23514', 'only invisible characters'),
  ('name', U&'\3164', '23514', 'only a hangul filler'),
  ('name', U&'Пётр\0009Петров', '23514', 'a tab in a name'),
  ('name', U&'Пётр\000AПетров', '23514', 'a line break in a name'),
  ('name', U&'\202EвортеП', '23514', 'a right-to-left override'),
  ('name', U&'\2067Петров\2069', '23514', 'a right-to-left isolate'),
  ('name', U&'Петров\0085', '23514', 'a c1 control'),
  ('name', U&'Петров\200D', '1', 'a zero-width joiner beside visible letters'),
  ('name', U&'П\0308етров', '1', 'a combining mark with no composed form is nfc'),
  ('name', U&'Пе\0308тров', '23514', 'е + combining diaeresis is not nfc (ё)'),
  ('notes', U&'строка 1\000Aстрока 2\0009таб', '1', 'notes keep line feeds and tabs'),
  ('notes', U&'строка 1\000D\000Aстрока 2', '23514', 'a carriage return (the device writes line feeds)'),
  ('notes', U&'\00A0', '1', 'a note may be blank to the eye'),
  ('notes', U&'заметка\202E', '23514', 'a bidi override in notes'),
  ('notes', U&'заметка\0007', '23514', 'a bell in notes'),
  ('notes', null, '1', 'no notes');

select plan((select count(*)::int from examples) + 5);

select is(
  tests.try_as('coach', format('update public.athletes set %I = %L where id = %L', e.field, e.value, '30000000-0000-4000-8000-0000000000a2')),
  e.expected,
  format('%s %s: %s', e.field, coalesce(quote_literal(e.value), 'null'), e.why))
  from examples e;

-- a refusal names its constraint
select throws_ok(format('update public.training_groups set name = %L where id = %L', U&'\202EA1', '20000000-0000-4000-8000-0000000000a1'),
  '23514', 'new row for relation "training_groups" violates check constraint "training_groups_name_clean_check"',
  'a group name with a bidi override is refused by training_groups_name_clean_check');

-- every clean check is validated: the rows already there pass too
select is(
  array(select c.conname::text from pg_constraint c
         where c.conname like '%\_clean\_check' and not c.convalidated order by 1),
  '{}'::text[],
  'every clean-text constraint is validated');
select cmp_ok(
  (select count(*)::int from pg_constraint c where c.conname like '%\_clean\_check'), '>=', 19,
  'labels and notes of every table carry a clean-text constraint');

-- a sign-up name that is not a clean label falls back to the next candidate
select tests.create_supabase_user('dirty-name', 'dirty.name@test.local', null,
  jsonb_build_object('display_name', U&'\202E\200B', 'full_name', U&'Анна\0007'));
select is((select display_name from public.profiles where id = tests.get_supabase_uid('dirty-name')),
  'dirty.name', 'a sign-up whose names are not clean is named from the email');
select tests.create_supabase_user('decomposed', null, null,
  jsonb_build_object('display_name', U&'Сe\0301ргей'));
select is((select display_name from public.profiles where id = tests.get_supabase_uid('decomposed')),
  U&'С\00E9ргей', 'a decomposed sign-up name is composed');

select * from finish();
rollback;
