-- organizations for the platform's pages (issue 18): the feature flags page sets an
-- override for one organization and checks what an organization gets, so its
-- platform admins must find an organization by name and name the ones the overrides
-- point at. row-level security gives them only the organizations they belong to,
-- and should keep doing so: these two functions read every organization for the
-- platform's admins only, and only its id, name, kind and slug.
--
--   public.platform_find_organizations(p_query)   at most 20 organizations whose name
--                                                 contains the query (case-insensitive,
--                                                 2 characters or more), by name
--   public.platform_organizations(p_ids)          the same columns for the ids given
--
-- anyone else is refused (42501, hint forbidden); anon cannot call them at all.

/**
  * -------------------------------------------------------
  * section - folding case for the search
  * -------------------------------------------------------
  * lower() follows the database's locale and under "C" leaves Cyrillic alone, so
  * case is folded with translate() for a–z and а–я, and «ё» is read as «е»
  * («Легкоатлетический» finds «Лёгкоатлетический»), as the members page does.
  */
create function private.search_fold(p_text text)
returns text
language sql immutable strict parallel safe security invoker set search_path = ''
as $$
  select translate(p_text,
    'ABCDEFGHIJKLMNOPQRSTUVWXYZАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЁё',
    'abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщъыьэюяее')
$$;
comment on function private.search_fold(text) is
  'a text as the organization search compares it: a–z and а–я in lower case, ё as е';

/**
  * -------------------------------------------------------
  * section - finding an organization by name
  * -------------------------------------------------------
  * security definer: the caller may not read the organizations it lists. the query
  * is trimmed and matched as plain text (strpos, so % and _ are letters, not
  * wildcards) in any case; under 2 characters it matches nothing rather than
  * everything.
  * deleted organizations are left out.
  */
create function public.platform_find_organizations(p_query text)
returns table (id uuid, name text, kind text, slug text)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_query text := private.search_fold(btrim(coalesce(p_query, '')));
begin
  if not coalesce(private.is_platform_admin(), false) then
    raise exception 'only the platform''s admins look up organizations'
      using errcode = '42501', hint = 'forbidden';
  end if;
  if char_length(v_query) < 2 then
    return;
  end if;
  return query
    select o.id, o.name, o.kind, o.slug
      from public.organizations o
     where o.deleted_at is null
       and strpos(private.search_fold(o.name), v_query) > 0
     order by private.search_fold(o.name), o.id
     limit 20;
end
$$;
comment on function public.platform_find_organizations(text) is
  'platform admins: at most 20 organizations whose name contains the query (2+ characters, any case)';

/**
  * -------------------------------------------------------
  * section - naming organizations by id
  * -------------------------------------------------------
  * security definer, as above: what an override's org_id is called. a deleted
  * organization is still named (its overrides are still there to read).
  */
create function public.platform_organizations(p_ids uuid[])
returns table (id uuid, name text, kind text, slug text)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not coalesce(private.is_platform_admin(), false) then
    raise exception 'only the platform''s admins look up organizations'
      using errcode = '42501', hint = 'forbidden';
  end if;
  return query
    select o.id, o.name, o.kind, o.slug
      from public.organizations o
     where o.id = any (coalesce(p_ids, '{}'))
     order by private.search_fold(o.name), o.id;
end
$$;
comment on function public.platform_organizations(uuid[]) is
  'platform admins: the id, name, kind and slug of the organizations asked for';

/**
  * -------------------------------------------------------
  * section - privileges
  * -------------------------------------------------------
  */
revoke all on function private.search_fold(text) from public, anon, authenticated;
revoke all on function public.platform_find_organizations(text) from public, anon;
revoke all on function public.platform_organizations(uuid[]) from public, anon;
-- the caller's own admin rights decide; no role but a signed-in user has any
grant execute on function public.platform_find_organizations(text) to authenticated;
grant execute on function public.platform_organizations(uuid[]) to authenticated;
