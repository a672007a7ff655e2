// What the partner dashboard reads and writes, straight from the server under
// RLS: the partner tables are not synced (an online page). The rows are checked
// with zod, not trusted. Rules and refusals live in the database
// (20261206170000_partner_core.sql, 20261206173000_partner_dashboard.sql).
import { z } from 'zod';
import type { AppClient } from '../../data/supabase-client.ts';
import { callRpc } from '../../data/call-rpc.ts';
import { describeError, type ErrorDescription } from '../../data/describe-error.ts';
import type { CommissionRow } from '../../domain/partner-commission.ts';
import { DEAL_STATUSES } from '../../domain/partner-deal.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorDescription };

const text = z.string().nullable();

const profileSchema = z.object({
  org_id: z.string(),
  program: z.string(),
  tier: z.string(),
  tier_score: z.number().nullable(),
  tier_evaluated_at: text,
  referral_code: z.string(),
  application_id: text,
  website: text,
  contact_email: text,
  contact_phone: text,
  brand_name: text,
  brand_logo_url: text,
  brand_color: text,
  brand_accent_color: text,
  email_sender_name: text,
});
export type PartnerProfile = z.infer<typeof profileSchema>;

const tierSchema = z.object({
  code: z.string(),
  rank: z.number(),
  client_limit: z.number().nullable(),
  white_label: z.boolean(),
  custom_pricing: z.boolean(),
  commission_rate: z.coerce.number(),
  min_score: z.number(),
  label_ru: z.string(),
  label_en: z.string(),
});
export type PartnerTier = z.infer<typeof tierSchema>;

const referralSchema = z.object({
  club_org_id: z.string(),
  club_name: z.string(),
  created_at: z.string(),
});
export type Referral = z.infer<typeof referralSchema>;

const dealSchema = z.object({
  id: z.string(),
  prospect_name: z.string(),
  prospect_email: z.string(),
  prospect_city: text,
  note: text,
  status: z.enum(DEAL_STATUSES),
  expires_at: z.string(),
  created_at: z.string(),
});
export type Deal = z.infer<typeof dealSchema>;

const materialSchema = z.object({
  id: z.string(),
  title_ru: z.string(),
  title_en: z.string(),
  url: z.string(),
  kind: z.string(),
  min_tier: z.string(),
});
export type Material = z.infer<typeof materialSchema>;

const commissionSchema = z.object({
  club_org_id: z.string(),
  club_name: z.string(),
  month: z.string(),
  currency: z.string(),
  revenue_minor: z.coerce.number(),
  commission_rate: z.coerce.number(),
  commission_minor: z.coerce.number(),
});

const applicationSchema = z.object({ status: z.string() });

/** the application's status; `unavailable` while the applications table is not deployed */
export type ApplicationStatus =
  { kind: 'none' } | { kind: 'unavailable' } | { kind: 'status'; status: string };

export interface PartnerDashboard {
  orgId: string;
  orgName: string;
  profile: PartnerProfile;
  tiers: PartnerTier[];
  referrals: Referral[];
  commissions: CommissionRow[];
  deals: Deal[];
  materials: Material[];
  application: ApplicationStatus;
}

const profileColumns =
  'org_id, program, tier, tier_score, tier_evaluated_at, referral_code, application_id, website, contact_email, contact_phone, brand_name, brand_logo_url, brand_color, brand_accent_color, email_sender_name';

/** the partner organizations the caller belongs to (their profiles) */
export async function loadMyPartnerProfiles(client: AppClient): Promise<Result<PartnerProfile[]>> {
  try {
    const { data, error, status } = await client.from('partner_profiles').select(profileColumns);
    if (error) return { ok: false, error: describeError(error, status) };
    return { ok: true, value: z.array(profileSchema).parse(data) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

async function loadApplication(client: AppClient, id: string | null): Promise<ApplicationStatus> {
  if (!id) return { kind: 'none' };
  try {
    // built by the applications part of the program; absent here until it is deployed
    const { data, error } = await client
      .from('partner_applications')
      .select('status')
      .eq('id', id)
      .maybeSingle();
    if (error || data === null) return { kind: 'unavailable' };
    return { kind: 'status', status: applicationSchema.parse(data).status };
  } catch {
    return { kind: 'unavailable' };
  }
}

export async function loadPartnerDashboard(
  client: AppClient,
  profile: PartnerProfile,
  period: { from: string; to: string },
): Promise<Result<PartnerDashboard>> {
  try {
    const [org, tiers, referrals, commissions, deals, materials, application] = await Promise.all([
      client.from('organizations').select('name').eq('id', profile.org_id).single(),
      client.from('partner_tiers').select('*').order('rank'),
      callRpc(client, 'partner_referred_clubs', { p_partner: profile.org_id }),
      callRpc(client, 'partner_commissions', {
        p_partner: profile.org_id,
        p_from: period.from,
        p_to: period.to,
      }),
      client
        .from('partner_deals')
        .select(
          'id, prospect_name, prospect_email, prospect_city, note, status, expires_at, created_at',
        )
        .eq('partner_org_id', profile.org_id)
        .order('created_at', { ascending: false }),
      client
        .from('partner_materials')
        .select('id, title_ru, title_en, url, kind, min_tier')
        .order('position'),
      loadApplication(client, profile.application_id),
    ]);
    for (const r of [org, tiers, deals, materials]) {
      if (r.error) return { ok: false, error: describeError(r.error, r.status) };
    }
    if (!referrals.ok) return referrals;
    if (!commissions.ok) return commissions;
    return {
      ok: true,
      value: {
        orgId: profile.org_id,
        orgName: z.object({ name: z.string() }).parse(org.data).name,
        profile,
        tiers: z.array(tierSchema).parse(tiers.data),
        referrals: z.array(referralSchema).parse(referrals.data),
        commissions: z
          .array(commissionSchema)
          .parse(commissions.data)
          .map((c) => ({
            clubOrgId: c.club_org_id,
            clubName: c.club_name,
            month: c.month,
            currency: c.currency,
            revenueMinor: c.revenue_minor,
            commissionRate: c.commission_rate,
            commissionMinor: c.commission_minor,
          })),
        deals: z.array(dealSchema).parse(deals.data),
        materials: z.array(materialSchema).parse(materials.data),
        application,
      },
    };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

export interface DealInput {
  name: string;
  email: string;
  city: string;
  note: string;
}

export async function registerDeal(
  client: AppClient,
  partnerOrgId: string,
  deal: DealInput,
): Promise<Result<null>> {
  const result = await callRpc(client, 'register_partner_deal', {
    p_partner: partnerOrgId,
    p_name: deal.name,
    p_email: deal.email,
    p_city: deal.city,
    p_note: deal.note,
  });
  return result.ok ? { ok: true, value: null } : result;
}

export async function closeDeal(
  client: AppClient,
  dealId: string,
  won: boolean,
): Promise<Result<null>> {
  const result = await callRpc(client, 'close_partner_deal', { p_deal: dealId, p_won: won });
  return result.ok ? { ok: true, value: null } : result;
}

export type CompanyPatch = Pick<PartnerProfile, 'website' | 'contact_email' | 'contact_phone'>;
export type BrandPatch = Pick<
  PartnerProfile,
  'brand_name' | 'brand_logo_url' | 'brand_color' | 'brand_accent_color' | 'email_sender_name'
>;

export async function updateProfile(
  client: AppClient,
  orgId: string,
  patch: CompanyPatch | BrandPatch,
): Promise<Result<PartnerProfile>> {
  try {
    const { data, error, status } = await client
      .from('partner_profiles')
      .update(patch)
      .eq('org_id', orgId)
      .select(profileColumns)
      .single();
    if (error) return { ok: false, error: describeError(error, status) };
    return { ok: true, value: profileSchema.parse(data) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}
