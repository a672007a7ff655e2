// What the public checkout page shows of a product, read as any visitor reads it:
// the anon key and public.checkout_offer (only an active, listed product answers).
import { z } from 'zod';
import type { PublicSiteContext } from '../public-site-context.ts';

export const checkoutOfferSchema = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  priceMinor: z.number().int(),
  currency: z.string(),
  credits: z.number().int().nullable(),
  validDays: z.number().int().nullable(),
  organization: z.string(),
  coachName: z.string().nullable(),
  coachSlug: z.string().nullable(),
  items: z.array(
    z.object({
      name: z.string(),
      quantity: z.number().int(),
      credits: z.number().int().nullable(),
    }),
  ),
});

export type CheckoutOffer = z.output<typeof checkoutOfferSchema>;

/** the offer, or null when the product is not on sale to guests */
export async function fetchCheckoutOffer(
  ctx: PublicSiteContext,
  productId: string,
): Promise<CheckoutOffer | null> {
  const res = await ctx.fetch(`${ctx.supabaseUrl.replace(/\/+$/, '')}/rest/v1/rpc/checkout_offer`, {
    method: 'POST',
    headers: {
      apikey: ctx.anonKey,
      authorization: `Bearer ${ctx.anonKey}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify({ p_product: productId }),
  });
  if (!res.ok) throw new Error(`checkout_offer answered ${res.status}`);
  const body: unknown = await res.json();
  return body === null ? null : checkoutOfferSchema.parse(body);
}
