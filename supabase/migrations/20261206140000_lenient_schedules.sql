-- lenient schedules: what people type is stored in seed 001's form (issue 13).
--
-- `пн 18:00`, `Пн 8:00`, `Пн 18.00`, `Пн 18:00,Ср 19:00`, `самозапись`, `Mon 18:00`
-- were refused although their meaning is plain. now a trigger stores each in the
-- canonical form (`Пн 18:00, Ср 19:00`: days in week order, HH:MM, ", " between;
-- `Самозапись`), and the check refuses the rest (`Пн 25:00`, `Пн 18:60`, an
-- unknown day, an empty part, a repeated pair, over 200 characters).
--
-- the reading is src/domain/schedule.ts's (normalizeSchedule), rule for rule;
-- tests/db/schedule-rank-agreement.test.ts proves both give the same verdict and
-- the same stored text on 12,000+ generated strings. a value an older client
-- queued offline in a lenient form is therefore applied, not refused.

/**
  * -------------------------------------------------------
  * section - the reading
  * -------------------------------------------------------
  * case is folded with translate() for a–z and а–я/ё only: lower() follows the
  * database's locale, and under "C" it leaves Cyrillic alone. spacing is space,
  * tab and no-break space; digits are [0-9] only.
  */

-- a schedule as typed → its canonical form; null for null or for what is not a schedule
create function private.canonical_schedule(p_schedule text)
returns text
language plpgsql immutable strict parallel safe security invoker set search_path = ''
as $$
declare
  v_space constant text := '[ ' || chr(9) || chr(160) || ']';
  v_days constant text[] := array['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'];
  v_ru constant text[] := array['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
  v_en constant text[] := array['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  v_text text;
  v_part text;
  v_match text[];
  v_day int;
  v_key int;
  v_keys int[] := array[]::int[];
  v_result text;
begin
  v_text := translate(
    regexp_replace(p_schedule, '^' || v_space || '+|' || v_space || '+$', '', 'g'),
    'ABCDEFGHIJKLMNOPQRSTUVWXYZАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ',
    'abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюя');
  if v_text in ('самозапись', 'self-booking', 'self booking') then
    return 'Самозапись';
  end if;
  foreach v_part in array regexp_split_to_array(v_text, '[,;]') loop
    v_match := regexp_match(v_part,
      '^' || v_space || '*(пн|вт|ср|чт|пт|сб|вс|mon|tue|wed|thu|fri|sat|sun)'
        || v_space || '*([0-9]{1,2})[:.]([0-9]{2})' || v_space || '*$');
    if v_match is null or v_match[2]::int > 23 or v_match[3]::int > 59 then
      return null;
    end if;
    v_day := coalesce(array_position(v_ru, v_match[1]), array_position(v_en, v_match[1]));
    v_key := (v_day - 1) * 1440 + v_match[2]::int * 60 + v_match[3]::int;
    if v_key = any(v_keys) then
      return null; -- a repeated day and time
    end if;
    v_keys := v_keys || v_key;
  end loop;
  select string_agg(
           format('%s %s:%s', v_days[k / 1440 + 1], lpad((k % 1440 / 60)::text, 2, '0'), lpad((k % 60)::text, 2, '0')),
           ', ' order by k)
    into v_result
    from unnest(v_keys) as k;
  if char_length(v_result) > 200 then
    return null;
  end if;
  return v_result;
end
$$;
comment on function private.canonical_schedule(text) is
  'a schedule as typed (пн 8.00, Mon 18:00, самозапись) in athletes.schedule''s form; null when it is none (src/domain/schedule.ts normalizeSchedule)';

-- what the trigger stores: the canonical form, or the value as it came for the check to refuse
create function private.normalized_schedule(p_schedule text)
returns text
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select coalesce(private.canonical_schedule(p_schedule), p_schedule)
$$;
comment on function private.normalized_schedule(text) is
  'what athletes.schedule stores for a value written: its canonical form, else the value (refused by the check)';

/**
  * -------------------------------------------------------
  * section - what is stored
  * -------------------------------------------------------
  * rows written before this migration are already valid; any not in week order
  * are put in it first, so the stricter check below holds for every row.
  */

update public.athletes
   set schedule = private.canonical_schedule(schedule)
 where schedule is not null
   and private.canonical_schedule(schedule) is distinct from schedule
   and private.canonical_schedule(schedule) is not null;

-- the check: null or exactly the canonical form (the trigger below writes nothing else)
create or replace function private.is_valid_schedule(p_schedule text)
returns boolean
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select p_schedule is null or private.canonical_schedule(p_schedule) is not distinct from p_schedule
$$;
comment on function private.is_valid_schedule(text) is
  'athletes.schedule holds null, ''Самозапись'' or ''Пн 18:00, Ср 19:00'' in week order (src/domain/schedule.ts)';

-- the trigger: a lenient value becomes the canonical one before the check sees it
create function private.normalize_athlete_schedule()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  new.schedule := private.normalized_schedule(new.schedule);
  return new;
end
$$;
comment on function private.normalize_athlete_schedule() is
  'stores athletes.schedule in its canonical form (private.canonical_schedule)';

create trigger normalize_schedule before insert or update of schedule on public.athletes
  for each row execute function private.normalize_athlete_schedule();

/**
  * -------------------------------------------------------
  * section - grants
  * -------------------------------------------------------
  * the helpers run inside the check and the trigger, as whoever writes the row.
  */

revoke all on function private.canonical_schedule(text) from public, anon, authenticated;
revoke all on function private.normalized_schedule(text) from public, anon, authenticated;
revoke all on function private.normalize_athlete_schedule() from public, anon, authenticated;
grant execute on function private.canonical_schedule(text) to authenticated, service_role;
grant execute on function private.normalized_schedule(text) to authenticated, service_role;
grant execute on function private.normalize_athlete_schedule() to authenticated, service_role;
