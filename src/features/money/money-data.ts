// What the purchases page reads: my organizations, my purchases and my credit
// balances from the device (synced, so they show offline), and what my clubs
// sell from the server (products are not synced).
import { callRpc } from '../../data/call-rpc.ts';
import { describeError, type ErrorDescription } from '../../data/describe-error.ts';
import { liveRows, myMemberships } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type { AppClient } from '../../data/supabase-client.ts';

export interface Organization {
  id: string;
  name: string;
  timeZone: string;
}

export interface Purchase {
  id: string;
  orgId: string;
  productName: string;
  amountMinor: number;
  currency: string;
  status: string;
  credits: number | null;
  percentOff: number | null;
  createdAt: string;
}

export interface Balance {
  orgId: string;
  balance: number;
}

export interface MoneyData {
  organizations: Map<string, Organization>;
  purchases: Purchase[];
  balances: Balance[];
}

export interface Product {
  id: string;
  org_id: string;
  kind: 'product' | 'package' | 'plan' | 'course';
  name: string;
  description: string | null;
  price_minor: number;
  currency: string;
  credits: number | null;
  valid_days: number | null;
  billing_interval: string | null;
}

/** my organizations, purchases and credit balances from the local database (offline) */
export function observeMoney(
  engine: SyncEngine,
  onChange: (d: MoneyData) => void,
): LocalSubscription {
  const db = engine.db;
  const me = engine.userId;
  return observeLocal(
    async (): Promise<MoneyData> => {
      const [memberships, orgs, purchases, balances] = await Promise.all([
        myMemberships(db),
        liveRows(db, 'organizations'),
        liveRows(db, 'purchases'),
        liveRows(db, 'credit_balances'),
      ]);
      const mine = new Set(memberships.map((m) => m.org_id));
      return {
        organizations: new Map(
          orgs
            .filter((o) => mine.has(o.id))
            .map((o) => [o.id, { id: o.id, name: o.name, timeZone: o.time_zone || 'UTC' }]),
        ),
        // staff also sync their members' purchases: this page is about my own
        purchases: purchases
          .filter((p) => p.user_id === me)
          .map((p) => ({
            id: p.id,
            orgId: p.org_id,
            productName: p.product_name,
            amountMinor: p.amount_minor,
            currency: p.currency || 'RUB',
            status: p.status,
            credits: p.credits,
            percentOff: p.percent_off,
            createdAt: p.created_at,
          }))
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
        balances: balances
          .filter((b) => b.user_id === me)
          .map((b) => ({ orgId: b.org_id, balance: b.balance })),
      };
    },
    onChange,
    'money',
  );
}

/** the active products of these organizations, cheapest first */
export async function loadProducts(
  client: AppClient,
  orgIds: string[],
): Promise<{ ok: true; products: Product[] } | { ok: false; error: ErrorDescription }> {
  const { data, error } = await client
    .from('products')
    .select(
      'id, org_id, kind, name, description, price_minor, currency, credits, valid_days, billing_interval',
    )
    .eq('active', true)
    .in('org_id', orgIds)
    .order('price_minor');
  if (error) return { ok: false, error: describeError(error) };
  return { ok: true, products: data as Product[] };
}

/**
 * The percentage off each of my clubs gives its members (club pricing: the
 * club's partner discount, applied by the checkout without a code). Empty when
 * the server cannot say: the checkout applies it all the same.
 */
export async function loadMemberPrices(client: AppClient): Promise<Map<string, number>> {
  const result = await callRpc(client, 'my_member_prices', {});
  if (!result.ok) return new Map();
  const prices = new Map<string, number>();
  for (const r of result.data) if (r.org_id && r.percent_off) prices.set(r.org_id, r.percent_off);
  return prices;
}
