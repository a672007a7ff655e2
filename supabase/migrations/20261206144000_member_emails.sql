-- member emails: the club's admins and owners see each member's sign-in email on
-- the members page, to tell two people of the same name apart and to reach them.
-- profiles deliberately carry no email (fellow members see a display name only),
-- so the address is read from auth.users by this rpc, for admins and up, for the
-- current members of their own organization, and never synced to devices.

-- the rpc: one row per current member; refused for anyone below admin there
create function public.member_emails(p_org_id uuid)
returns table (user_id uuid, email text)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if auth.uid() is null then
    raise exception 'sign in to see member emails' using errcode = '42501';
  end if;
  if private.role_rank(coalesce(private.caller_role(p_org_id), '')) < private.role_rank('admin') then
    raise exception 'only admins and owners can see member emails' using errcode = '42501';
  end if;
  return query
    select m.user_id, u.email::text
      from public.memberships m
      join auth.users u on u.id = m.user_id
     where m.org_id = p_org_id
       and m.left_at is null
       and m.deleted_at is null
     order by u.email;
end
$$;
comment on function public.member_emails(uuid) is
  'rpc: the sign-in emails of an organization''s current members, for its admins and owners';

-- grants: signed-in users only; the function checks the role itself
revoke all on function public.member_emails(uuid) from public, anon, authenticated;
grant execute on function public.member_emails(uuid) to authenticated;
