// An organization's invitations, read from the server: they are not synced
// (they hold secrets and are managed online), and admins' RLS lets them read
// their organization's.
import { z } from 'zod';
import { describeError, type ErrorDescription } from '../../data/describe-error.ts';
import type { AppClient } from '../../data/supabase-client.ts';

// create_invitation answers with the same row, so both are read by one schema
const invitationSchema = z.object({
  id: z.string(),
  role: z.string(),
  code: z.string().nullable(),
  token: z.string().nullable(),
  expires_at: z.string(),
  max_uses: z.number(),
  use_count: z.number(),
  revoked_at: z.string().nullable(),
  created_at: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** an invitation as the server sent it; throws when it is not one */
export function parseInvitation(value: unknown): Invitation {
  return invitationSchema.parse(value);
}

/** the organization's invitations, newest first */
export async function loadInvitations(
  client: AppClient,
  orgId: string,
): Promise<{ ok: true; items: Invitation[] } | { ok: false; error: ErrorDescription }> {
  try {
    const { data, error, status } = await client
      .from('invitations')
      .select('id,role,code,token,expires_at,max_uses,use_count,revoked_at,created_at')
      .eq('org_id', orgId);
    if (error) return { ok: false, error: describeError(error, status) };
    const items = z
      .array(invitationSchema)
      .parse(data)
      .sort((a, b) => b.created_at.localeCompare(a.created_at));
    return { ok: true, items };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}
