// What the products dashboard reads and writes, online only (products, package
// items and discount codes are not synced): through supabase-js and RLS, which
// decides who edits what (admins the club's and every coach's, a coach their own).
import { describeError, type ErrorDescription } from '../../data/describe-error.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import type { ProductRowInput } from '../../domain/product-form.ts';

export interface DashboardProduct {
  id: string;
  org_id: string;
  coach_id: string | null;
  kind: 'product' | 'package' | 'plan' | 'course';
  /** a course's product: its price is set in the course builder */
  course_id: string | null;
  name: string;
  description: string | null;
  price_minor: number;
  currency: string;
  credits: number | null;
  valid_days: number | null;
  active: boolean;
  listed: boolean;
}

export interface PackageItem {
  id: string;
  package_id: string;
  product_id: string;
  quantity: number;
}

export interface DiscountCode {
  id: string;
  code: string;
  percent_off: number;
  active: boolean;
  valid_until: string | null;
  max_redemptions: number | null;
  redemptions: number;
}

export interface Dashboard {
  products: DashboardProduct[];
  items: PackageItem[];
  /** null: the reader is not an admin (codes are the admins') */
  codes: DiscountCode[] | null;
  /**
   * the organization's partnership (the platform makes one): the code it names as
   * its partner discount — its members' price for a club, the race page's code for
   * a race. null: no partnership.
   */
  partnership: { codeId: string | null; active: boolean } | null;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorDescription };

export async function loadDashboard(
  client: AppClient,
  orgId: string,
  admin: boolean,
): Promise<Result<Dashboard>> {
  const products = await client
    .from('products')
    .select(
      'id, org_id, coach_id, kind, course_id, name, description, price_minor, currency, credits, valid_days, active, listed',
    )
    .eq('org_id', orgId)
    .order('active', { ascending: false })
    .order('name');
  if (products.error) return { ok: false, error: describeError(products.error) };
  const items = await client
    .from('package_items')
    .select('id, package_id, product_id, quantity')
    .eq('org_id', orgId);
  if (items.error) return { ok: false, error: describeError(items.error) };
  let codes: DiscountCode[] | null = null;
  let partnership: Dashboard['partnership'] = null;
  if (admin) {
    const [res, profile] = await Promise.all([
      client
        .from('discount_codes')
        .select('id, code, percent_off, active, valid_until, max_redemptions, redemptions')
        .eq('org_id', orgId)
        .order('code'),
      client
        .from('partnership_profiles')
        .select('discount_code_id, active')
        .eq('org_id', orgId)
        .maybeSingle(),
    ]);
    if (res.error) return { ok: false, error: describeError(res.error) };
    if (profile.error) return { ok: false, error: describeError(profile.error) };
    codes = res.data as DiscountCode[];
    if (profile.data)
      partnership = { codeId: profile.data.discount_code_id, active: profile.data.active };
  }
  return {
    ok: true,
    value: {
      products: products.data as DashboardProduct[],
      items: items.data as PackageItem[],
      codes,
      partnership,
    },
  };
}

/** creates or updates a product and replaces its package items */
export async function saveProduct(
  client: AppClient,
  target: { id: string | null; orgId: string; coachId: string | null },
  row: ProductRowInput,
  previousItems: PackageItem[],
): Promise<Result<string>> {
  const { items, ...fields } = row;
  const id = target.id ?? crypto.randomUUID();
  const write = target.id
    ? await client
        .from('products')
        .update({ ...fields, coach_id: target.coachId })
        .eq('id', id)
    : await client
        .from('products')
        .insert({ id, org_id: target.orgId, coach_id: target.coachId, ...fields });
  if (write.error) return { ok: false, error: describeError(write.error) };
  const gone = previousItems.filter((i) => !(i.product_id in items)).map((i) => i.id);
  if (gone.length) {
    const del = await client.from('package_items').delete().in('id', gone);
    if (del.error) return { ok: false, error: describeError(del.error) };
  }
  for (const [productId, quantity] of Object.entries(items)) {
    const existing = previousItems.find((i) => i.product_id === productId);
    const res = existing
      ? existing.quantity === quantity
        ? { error: null }
        : await client.from('package_items').update({ quantity }).eq('id', existing.id)
      : await client
          .from('package_items')
          .insert({ org_id: target.orgId, package_id: id, product_id: productId, quantity });
    if (res.error) return { ok: false, error: describeError(res.error) };
  }
  return { ok: true, value: id };
}

export async function setProductActive(
  client: AppClient,
  id: string,
  active: boolean,
): Promise<Result<null>> {
  const res = await client.from('products').update({ active }).eq('id', id);
  return res.error ? { ok: false, error: describeError(res.error) } : { ok: true, value: null };
}

export async function createDiscountCode(
  client: AppClient,
  orgId: string,
  code: {
    code: string;
    percentOff: number;
    maxRedemptions: number | null;
    validUntil: string | null;
  },
): Promise<Result<null>> {
  const res = await client.from('discount_codes').insert({
    org_id: orgId,
    code: code.code,
    percent_off: code.percentOff,
    max_redemptions: code.maxRedemptions,
    // the end of that day, in the reader's zone
    valid_until: code.validUntil ? new Date(`${code.validUntil}T23:59:59`).toISOString() : null,
  });
  return res.error ? { ok: false, error: describeError(res.error) } : { ok: true, value: null };
}

/** names one of the organization's codes as its partner discount, or none */
export async function setPartnerCode(
  client: AppClient,
  orgId: string,
  codeId: string | null,
): Promise<Result<null>> {
  const res = await client
    .from('partnership_profiles')
    .update({ discount_code_id: codeId })
    .eq('org_id', orgId);
  return res.error ? { ok: false, error: describeError(res.error) } : { ok: true, value: null };
}

export async function setDiscountCodeActive(
  client: AppClient,
  id: string,
  active: boolean,
): Promise<Result<null>> {
  const res = await client.from('discount_codes').update({ active }).eq('id', id);
  return res.error ? { ok: false, error: describeError(res.error) } : { ok: true, value: null };
}
