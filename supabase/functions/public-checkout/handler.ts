// public-checkout: a guest (no account) buys a listed product from the public
// page /checkout/<productId>. The page's plain HTML form posts here (JavaScript
// off works), and the answer is a 303 to Stripe Checkout's page.
//   * the price comes from the database (public_checkout_prepare): the form names
//     only the product, who buys and an optional discount code;
//   * per-IP and per-email limits (public_checkout_gate → private.hit_rate_limit),
//     counted before anything is written: 429 with Retry-After beyond them;
//   * a honeypot field `website` that people never see: when filled, the bot is
//     sent back to the page and nothing is written;
//   * the same email, product and code while the session is open get the same
//     Checkout page again (a double submit or the back button makes no second one);
//   * no Stripe Customer is created (payment mode leaves customer_creation at
//     "if required"): the guest is only an email until the signed webhook's paid
//     event attaches the purchase to an account (stripe-webhook, guest-buyer.ts).
//
// GET ?product=<id>: what the checkout page shows of a listed product (json, from
//   public.checkout_offer; 404 when it is not on sale) — the public page reads it
//   here because it names the club and a bundle's items, which anon cannot read.
// POST form (application/x-www-form-urlencoded) or JSON:
//   {productId, email, name, discountCode?, locale?: ru|en, website?: ''}
//   303 Location: the Checkout page (a form) · 200 {url, purchaseId, reused} (JSON)
//   400 invalid input, nothing written · 429 Retry-After · 502 Stripe refused
//   the page's own mistakes (an unknown code, a product no longer on sale):
//   a form goes back to /checkout/<id>?error=<code>; JSON gets 404/422.
import type Stripe from 'stripe';
import { z } from 'zod';
import { attributeToVisitor } from '../_shared/analytics-attribute.ts';
import { clientIp } from '../_shared/client-ip.ts';
import { withCors } from '../_shared/cors.ts';
import {
  HttpError,
  errorResponse,
  jsonResponse,
  requireMethod,
  validate,
} from '../_shared/http-error.ts';
import {
  EMAIL_PATTERN,
  callRpc,
  emptyToUndefined,
  readFormOrJson,
  seeOther,
} from '../_shared/public-form.ts';
import type { Rpc } from '../_shared/rpc.ts';

type CheckoutSessionParams = Stripe.Checkout.SessionCreateParams;

/** the one Stripe call this function makes (the real client and the local one satisfy it) */
export interface GuestCheckoutStripe {
  checkout: {
    sessions: {
      create(
        params: CheckoutSessionParams,
        options?: { idempotencyKey?: string },
      ): Promise<{ id: string; url: string | null }>;
    };
  };
}

export interface PublicCheckoutDeps {
  rpc: Rpc;
  stripe: GuestCheckoutStripe;
  /** the public site's origin: the checkout page and its thank-you page */
  siteUrl: string;
}

export const publicCheckoutSchema = z
  .object({
    productId: z.uuid(),
    email: z.string().trim().max(254).regex(EMAIL_PATTERN, 'an email like name@example.com'),
    name: z.string().trim().min(1, 'a name').max(120),
    discountCode: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{3,32}$/, 'letters, digits, - and _, 3–32 characters')
        .optional(),
    ),
    locale: z.preprocess(emptyToUndefined, z.enum(['ru', 'en']).default('ru')),
    // the honeypot: a field people never see
    website: z.string().max(500).optional(),
  })
  .strict();

export type PublicCheckoutInput = z.output<typeof publicCheckoutSchema>;

const preparedSchema = z.object({
  purchaseId: z.uuid(),
  checkoutUrl: z.string().nullable(),
  name: z.string().optional(),
  description: z.string().nullable().optional(),
  amountMinor: z.number().int().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  orgId: z.uuid().optional(),
});

export async function handlePublicCheckout(
  req: Request,
  deps: PublicCheckoutDeps,
): Promise<Response> {
  let form = false;
  let page = '';
  try {
    requireMethod(req, 'GET', 'POST');
    if (req.method === 'GET') return await offer(req, deps);
    const read = await readFormOrJson(req);
    form = read.form;
    const input = validate(publicCheckoutSchema, read.value);
    const site = deps.siteUrl.replace(/\/+$/, '');
    page = `${site}/checkout/${input.productId}`;

    if (input.website) {
      // a bot filled the field people never see: it goes back, nothing is written
      return seeOther(page);
    }

    const wait = await callRpc(deps.rpc, 'public_checkout_gate', {
      p_ip: clientIp(req),
      p_email: input.email.toLowerCase(),
    });
    if (typeof wait === 'number' && wait > 0) {
      throw new HttpError(
        429,
        'too_many_requests',
        'Too many checkouts; try again later',
        undefined,
        {
          'retry-after': String(wait),
        },
      );
    }

    const prepared = preparedSchema.parse(
      await callRpc(deps.rpc, 'public_checkout_prepare', {
        p_product: input.productId,
        p_email: input.email,
        p_name: input.name,
        p_discount_code: input.discountCode ?? null,
        p_locale: input.locale,
      }),
    );
    await attributeToVisitor(deps.rpc, req, prepared.purchaseId);
    if (prepared.checkoutUrl) {
      return answer(form, prepared.checkoutUrl, prepared.purchaseId, true);
    }
    if (prepared.amountMinor === 0) {
      await callRpc(deps.rpc, 'public_checkout_attach', {
        p_purchase: prepared.purchaseId,
        p_session_id: null,
        p_url: null,
      });
      throw new HttpError(422, 'nothing_to_pay', 'The discount leaves nothing to pay');
    }

    const metadata = {
      purchase_id: prepared.purchaseId,
      org_id: prepared.orgId ?? '',
      product_id: input.productId,
      guest: 'true',
    };
    const params: CheckoutSessionParams = {
      mode: 'payment',
      client_reference_id: prepared.purchaseId,
      customer_email: input.email,
      locale: input.locale,
      metadata,
      payment_intent_data: { metadata },
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: prepared.currency.toLowerCase(),
            unit_amount: prepared.amountMinor,
            product_data: {
              name: prepared.name ?? '',
              ...(prepared.description ? { description: prepared.description } : {}),
            },
          },
        },
      ],
      success_url: `${page}/paid?lang=${input.locale}&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${page}?lang=${input.locale}&canceled=1`,
    };
    let session: { id: string; url: string | null };
    try {
      session = await deps.stripe.checkout.sessions.create(params, {
        idempotencyKey: `public-checkout-${prepared.purchaseId}`,
      });
    } catch {
      session = { id: '', url: null };
    }
    if (!session.id || !session.url) {
      await callRpc(deps.rpc, 'public_checkout_attach', {
        p_purchase: prepared.purchaseId,
        p_session_id: null,
        p_url: null,
      });
      throw new HttpError(
        502,
        'payment_provider_error',
        'The payment provider refused the checkout',
      );
    }
    await callRpc(deps.rpc, 'public_checkout_attach', {
      p_purchase: prepared.purchaseId,
      p_session_id: session.id,
      p_url: session.url,
    });
    return answer(form, session.url, prepared.purchaseId, false);
  } catch (e) {
    // the page's own mistakes go back to the page, which explains them
    if (form && page && e instanceof HttpError && [404, 409, 422].includes(e.status)) {
      return seeOther(`${page}?error=${encodeURIComponent(e.code)}`);
    }
    return errorResponse(e);
  }
}

async function offer(req: Request, deps: PublicCheckoutDeps): Promise<Response> {
  const id = z.uuid().safeParse(new URL(req.url).searchParams.get('product'));
  if (!id.success) throw new HttpError(400, 'invalid_request', 'Name a product: ?product=<id>');
  const found = await callRpc(deps.rpc, 'checkout_offer', { p_product: id.data });
  if (found === null) throw new HttpError(404, 'product_not_found', 'This product is not on sale');
  // a price change shows within a minute
  return jsonResponse(found, 200, { 'cache-control': 'public, max-age=60' });
}

function answer(form: boolean, url: string, purchaseId: string, reused: boolean): Response {
  return form ? seeOther(url) : jsonResponse({ url, purchaseId, reused });
}

export function createPublicCheckoutHandler(deps: PublicCheckoutDeps) {
  return withCors((req) => handlePublicCheckout(req, deps));
}
