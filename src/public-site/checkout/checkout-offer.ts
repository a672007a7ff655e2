// What the public checkout page shows of a product, read as any visitor reads it,
// with the anon key: from the public-checkout function (GET ?product=), which
// answers only for an active, listed product (public.checkout_offer) and also
// names the club and a bundle's items, which anon's own reads could not.
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
  const base = ctx.supabaseUrl.replace(/\/+$/, '');
  const res = await ctx.fetch(
    `${base}/functions/v1/public-checkout?product=${encodeURIComponent(productId)}`,
    { headers: { apikey: ctx.anonKey, accept: 'application/json' } },
  );
  if (res.status === 404) {
    await res.body?.cancel();
    return null;
  }
  if (!res.ok) throw new Error(`checkout_offer answered ${res.status}`);
  return checkoutOfferSchema.parse(await res.json());
}
