// What the products dashboard accepts, in agreement with the CHECKs of
// public.products and public.package_items (tests/db/product-agreement.test.ts).
// Prices are typed in units ("6 400,50") and stored in minor units (640050).
// Messages are codes; the page words them in the reader's language.
import { z } from 'zod';
import { minorDigits } from './money.ts';

export const PRICE_MAX_MINOR = 100_000_000;
export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 4000;
export const CURRENCIES = ['RUB', 'EUR', 'USD'] as const;

export type ProductFormIssue =
  | 'name'
  | 'description'
  | 'price'
  | 'currency'
  | 'credits'
  | 'validDays'
  | 'quantity'
  | 'packageContent';

export const productNameSchema = z.string().trim().min(1, 'name').max(NAME_MAX, 'name');
export const descriptionSchema = z.string().trim().max(DESCRIPTION_MAX, 'description');
export const priceMinorSchema = z
  .number()
  .int('price')
  .min(0, 'price')
  .max(PRICE_MAX_MINOR, 'price');
export const creditsSchema = z.number().int('credits').min(1, 'credits').max(1000, 'credits');
export const validDaysSchema = z
  .number()
  .int('validDays')
  .min(1, 'validDays')
  .max(3660, 'validDays');
export const quantitySchema = z.number().int('quantity').min(1, 'quantity').max(100, 'quantity');

/** "6 400,50" / "6400.5" / "6 400" → minor units, or null when it is not a price */
export function parsePrice(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const pattern = digits > 0 ? new RegExp(`^\\d{1,9}(\\.\\d{1,${digits}})?$`) : /^\d{1,9}$/;
  if (!pattern.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** minor units back to what the field shows: 640050 → "6400,50" (ru) */
export function priceText(minor: number, currency: string, decimalComma: boolean): string {
  const digits = minorDigits(currency);
  const text = (minor / 10 ** digits).toFixed(digits);
  return decimalComma ? text.replace('.', ',') : text;
}

const intText = (message: ProductFormIssue, schema: z.ZodNumber) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .pipe(schema);

/** the form as the page holds it (strings), checked and turned into a row */
export const productFormSchema = z
  .object({
    kind: z.enum(['product', 'package']),
    name: productNameSchema,
    description: descriptionSchema,
    price: z.string(),
    currency: z.enum(CURRENCIES, 'currency'),
    credits: z.string().trim(),
    validDays: z.string().trim(),
    listed: z.boolean(),
    /** product id → quantity, for a package of products */
    items: z.record(z.string(), quantitySchema),
  })
  .transform((form, ctx) => {
    const price = parsePrice(form.price, form.currency);
    if (price === null || !priceMinorSchema.safeParse(price).success) {
      ctx.addIssue({ code: 'custom', path: ['price'], message: 'price' });
    }
    let credits: number | null = null;
    let validDays: number | null = null;
    if (form.kind === 'package') {
      if (form.credits !== '') {
        const c = intText('credits', creditsSchema).safeParse(form.credits);
        if (c.success) credits = c.data;
        else ctx.addIssue({ code: 'custom', path: ['credits'], message: 'credits' });
      }
      const v = intText('validDays', validDaysSchema).safeParse(form.validDays);
      if (v.success) validDays = v.data;
      else ctx.addIssue({ code: 'custom', path: ['validDays'], message: 'validDays' });
      if (form.credits === '' && Object.keys(form.items).length === 0) {
        ctx.addIssue({ code: 'custom', path: ['credits'], message: 'packageContent' });
      }
    }
    return {
      kind: form.kind,
      name: form.name,
      description: form.description === '' ? null : form.description,
      price_minor: price ?? 0,
      currency: form.currency,
      credits,
      valid_days: validDays,
      listed: form.listed,
      items: form.kind === 'package' ? form.items : {},
    };
  });

export type ProductFormInput = z.input<typeof productFormSchema>;
export type ProductRowInput = z.output<typeof productFormSchema>;

/** the first message per field */
export function productFormIssues(error: z.ZodError): Partial<Record<string, ProductFormIssue>> {
  const out: Partial<Record<string, ProductFormIssue>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message as ProductFormIssue;
  }
  return out;
}

/** a discount code as typed, with its limits */
export const discountFormSchema = z.object({
  code: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9_-]{2,31}$/, 'code')),
  percentOff: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, 'percent')
    .transform(Number)
    .pipe(z.number().int().min(1, 'percent').max(100, 'percent')),
  maxRedemptions: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(
      z.union([
        z.null(),
        z
          .string()
          .regex(/^\d{1,6}$/, 'limit')
          .transform(Number)
          .pipe(z.number().int().min(1, 'limit')),
      ]),
    ),
  validUntil: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.union([z.null(), z.iso.date('date')])),
});
