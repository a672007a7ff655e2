// What the reseller console and the club's partner page ask the server: all of
// it online (partner_clients and the audit are not synced), through the RPCs of
// 20261206172000_partner_console.sql and the core's audit and acting RPCs.
import { z } from 'zod';
import { callRpc, type RpcResult } from '../../data/call-rpc.ts';
import { describeError, type ErrorDescription } from '../../data/describe-error.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import type {
  ClientContact,
  ClientFilter,
  ClientSort,
  ClientStatus,
  NewClient,
} from '../../domain/partner-client.ts';

export type Loaded<T> = { ok: true; data: T } | { ok: false; error: ErrorDescription };

function failed<T>(error: unknown): Loaded<T> {
  return { ok: false, error: describeError(error) };
}

/** an RPC's answer read through a schema: a shape the page does not expect is an error too */
function parsed<T, N extends Parameters<typeof callRpc>[1]>(
  result: RpcResult<N>,
  schema: z.ZodType<T>,
): Loaded<T> {
  if (!result.ok) return result;
  const out = schema.safeParse(result.data);
  return out.success ? { ok: true, data: out.data } : failed(out.error);
}

export interface Reseller {
  id: string;
  name: string;
  role: string;
}

/** the reseller organizations where the signed-in user is an owner or admin */
export async function loadMyResellers(client: AppClient): Promise<Loaded<Reseller[]>> {
  try {
    const { data: session } = await client.auth.getSession();
    const uid = session.session?.user.id;
    if (!uid) return { ok: true, data: [] };
    const memberships = await client
      .from('memberships')
      .select('org_id,role')
      .eq('user_id', uid)
      .is('left_at', null)
      .is('deleted_at', null);
    if (memberships.error) return failed(memberships.error);
    const roles = z
      .array(z.object({ org_id: z.string(), role: z.string() }))
      .parse(memberships.data);
    const managing = roles.filter((m) => m.role === 'owner' || m.role === 'admin');
    if (managing.length === 0) return { ok: true, data: [] };
    const orgs = await client
      .from('organizations')
      .select('id,name,kind')
      .in(
        'id',
        managing.map((m) => m.org_id),
      )
      .eq('kind', 'reseller')
      .is('deleted_at', null);
    if (orgs.error) return failed(orgs.error);
    const rows = z.array(z.object({ id: z.string(), name: z.string() })).parse(orgs.data);
    return {
      ok: true,
      data: rows
        .map((o) => ({ ...o, role: managing.find((m) => m.org_id === o.id)?.role ?? 'admin' }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  } catch (error) {
    return failed(error);
  }
}

/** the clubs the signed-in user owns (where a partner's link can be accepted) */
export async function loadMyOwnedClubs(
  client: AppClient,
): Promise<Loaded<{ id: string; name: string }[]>> {
  try {
    const { data: session } = await client.auth.getSession();
    const uid = session.session?.user.id;
    if (!uid) return { ok: true, data: [] };
    const memberships = await client
      .from('memberships')
      .select('org_id')
      .eq('user_id', uid)
      .eq('role', 'owner')
      .is('left_at', null)
      .is('deleted_at', null);
    if (memberships.error) return failed(memberships.error);
    const ids = z.array(z.object({ org_id: z.string() })).parse(memberships.data);
    if (ids.length === 0) return { ok: true, data: [] };
    const orgs = await client
      .from('organizations')
      .select('id,name,kind')
      .in(
        'id',
        ids.map((m) => m.org_id),
      )
      .is('deleted_at', null);
    if (orgs.error) return failed(orgs.error);
    const rows = z
      .array(z.object({ id: z.string(), name: z.string(), kind: z.string() }))
      .parse(orgs.data);
    return {
      ok: true,
      data: rows
        .filter((o) => !['reseller', 'platform', 'partner'].includes(o.kind))
        .map(({ id, name }) => ({ id, name })),
    };
  } catch (error) {
    return failed(error);
  }
}

const usageRowSchema = z.object({
  client_org_id: z.string(),
  name: z.string(),
  origin: z.string(),
  status: z.enum(['active', 'suspended', 'canceled']),
  subscription_tier: z.string(),
  contact_name: z.string().nullable(),
  contact_email: z.string().nullable(),
  contact_phone: z.string().nullable(),
  billing_by_partner: z.boolean(),
  allow_write: z.boolean(),
  consent_expires_at: z.string().nullable(),
  access_ends_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  created_at: z.string(),
  members: z.number().nullable(),
  active_athletes: z.number().nullable(),
  sessions_30d: z.number().nullable(),
  revenue_30d: z.record(z.string(), z.number()).nullable(),
  total_count: z.coerce.number(),
});
export type ClientUsage = z.output<typeof usageRowSchema>;

export interface ClientQuery {
  status: ClientFilter | null;
  search: string;
  sort: ClientSort;
  desc: boolean;
  limit: number;
  offset: number;
}

export async function loadClients(
  client: AppClient,
  partner: string,
  q: ClientQuery,
): Promise<Loaded<{ rows: ClientUsage[]; total: number }>> {
  const result = await callRpc(client, 'partner_client_usage', {
    p_partner: partner,
    p_status: q.status,
    p_search: q.search.trim() || null,
    p_sort: q.sort,
    p_desc: q.desc,
    p_limit: q.limit,
    p_offset: q.offset,
  });
  const rows = parsed(result, z.array(usageRowSchema));
  if (!rows.ok) return rows;
  return { ok: true, data: { rows: rows.data, total: rows.data[0]?.total_count ?? 0 } };
}

/** one client, with its usage, as its partner reads it; null when not the partner's */
export async function loadClient(
  client: AppClient,
  clientOrgId: string,
): Promise<Loaded<{ partnerOrgId: string; usage: ClientUsage } | null>> {
  try {
    const rel = await client
      .from('partner_clients')
      .select('partner_org_id')
      .eq('client_org_id', clientOrgId)
      .maybeSingle();
    if (rel.error) return failed(rel.error);
    const partner = z.object({ partner_org_id: z.string() }).nullable().parse(rel.data);
    if (!partner) return { ok: true, data: null };
    const result = await callRpc(client, 'partner_client_usage', {
      p_partner: partner.partner_org_id,
      p_client: clientOrgId,
    });
    const rows = parsed(result, z.array(usageRowSchema));
    if (!rows.ok) return rows;
    const usage = rows.data[0];
    return {
      ok: true,
      data: usage ? { partnerOrgId: partner.partner_org_id, usage } : null,
    };
  } catch (error) {
    return failed(error);
  }
}

export async function createClient(
  client: AppClient,
  partner: string,
  c: NewClient,
): Promise<Loaded<string>> {
  const result = await callRpc(client, 'partner_create_client', {
    p_partner: partner,
    p_name: c.name,
    p_contact_name: c.contactName,
    p_contact_email: c.contactEmail,
    p_contact_phone: c.contactPhone,
    p_subscription_tier: c.subscriptionTier,
    p_billing_by_partner: c.billingByPartner,
    p_time_zone: c.timeZone,
  });
  return parsed(result, z.string());
}

export async function updateClient(
  client: AppClient,
  clientOrgId: string,
  c: ClientContact,
): Promise<Loaded<null>> {
  const result = await callRpc(client, 'partner_update_client', {
    p_client: clientOrgId,
    p_contact_name: c.contactName,
    p_contact_email: c.contactEmail,
    p_contact_phone: c.contactPhone,
    p_subscription_tier: c.subscriptionTier,
    p_billing_by_partner: c.billingByPartner,
  });
  return result.ok ? { ok: true, data: null } : result;
}

export async function setClientStatus(
  client: AppClient,
  clientOrgId: string,
  status: ClientStatus,
  accessDays: number,
): Promise<Loaded<null>> {
  const result = await callRpc(client, 'partner_set_client_status', {
    p_client: clientOrgId,
    p_status: status,
    p_access_days: accessDays,
  });
  return result.ok ? { ok: true, data: null } : result;
}

export async function requestLink(
  client: AppClient,
  partner: string,
  months: number,
  write: boolean,
): Promise<Loaded<string>> {
  const result = await callRpc(client, 'partner_request_link', {
    p_partner: partner,
    p_months: months,
    p_write: write,
  });
  return parsed(result, z.string());
}

const previewSchema = z
  .array(
    z.object({
      partner_name: z.string(),
      months: z.number(),
      allow_write: z.boolean(),
      expires_at: z.string(),
    }),
  )
  .transform((rows) => rows[0] ?? null);
export type LinkPreview = NonNullable<z.output<typeof previewSchema>>;

export async function previewLink(
  client: AppClient,
  token: string,
): Promise<Loaded<LinkPreview | null>> {
  return parsed(await callRpc(client, 'partner_link_preview', { p_token: token }), previewSchema);
}

export async function acceptLink(
  client: AppClient,
  token: string,
  clubId: string,
): Promise<Loaded<null>> {
  const result = await callRpc(client, 'partner_accept_link', { p_token: token, p_club: clubId });
  return result.ok ? { ok: true, data: null } : result;
}

const clubPartnerSchema = z
  .array(
    z.object({
      partner_org_id: z.string(),
      partner_name: z.string(),
      origin: z.string(),
      status: z.string(),
      since: z.string(),
      consent_expires_at: z.string().nullable(),
      access_ends_at: z.string().nullable(),
      allow_write: z.boolean(),
    }),
  )
  .transform((rows) => rows[0] ?? null);
export type ClubPartner = NonNullable<z.output<typeof clubPartnerSchema>>;

export async function loadClubPartner(
  client: AppClient,
  clubId: string,
): Promise<Loaded<ClubPartner | null>> {
  return parsed(await callRpc(client, 'club_partner', { p_club: clubId }), clubPartnerSchema);
}

export async function setPartnerWrite(
  client: AppClient,
  clubId: string,
  allow: boolean,
): Promise<Loaded<null>> {
  const result = await callRpc(client, 'club_set_partner_write', {
    p_club: clubId,
    p_allow: allow,
  });
  return result.ok ? { ok: true, data: null } : result;
}

export async function revokePartner(client: AppClient, clubId: string): Promise<Loaded<null>> {
  const result = await callRpc(client, 'club_revoke_partner', { p_club: clubId });
  return result.ok ? { ok: true, data: null } : result;
}

const auditSchema = z.array(
  z.object({
    id: z.coerce.number(),
    occurred_at: z.string(),
    actor_name: z.string().nullable(),
    client_org_id: z.string().nullable(),
    client_name: z.string().nullable(),
    partner_name: z.string().nullable(),
    action: z.string(),
    reason: z.string().nullable(),
  }),
);
export type AuditEntry = z.output<typeof auditSchema>[number];

/** an organization's audit entries, newest first, 50 at a time */
export async function loadAudit(
  client: AppClient,
  orgId: string,
  before: number | null,
): Promise<Loaded<AuditEntry[]>> {
  return parsed(
    await callRpc(client, 'partner_audit', { p_org: orgId, p_limit: 50, p_before: before }),
    auditSchema,
  );
}

const chainSchema = z
  .array(
    z.object({
      ok: z.boolean().nullable(),
      checked: z.number().nullable(),
      broken_at: z.coerce.number().nullable(),
    }),
  )
  .transform((rows) => rows[0] ?? null);
export type ChainCheck = NonNullable<z.output<typeof chainSchema>>;

export async function verifyChain(
  client: AppClient,
  orgId: string,
): Promise<Loaded<ChainCheck | null>> {
  return parsed(await callRpc(client, 'verify_audit_chain', { p_org: orgId }), chainSchema);
}
