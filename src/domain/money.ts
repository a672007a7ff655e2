// Money as the server keeps it: an integer of minor units and an ISO 4217 code
// (products.price_minor, purchases.amount_minor). Shown with Intl in the
// reader's language: 640000 RUB → "6 400,00 ₽" in Russian, "RUB 6,400.00" in
// English; a currency without minor units (JPY) is not divided.
import { z } from 'zod';

export const currencySchema = z.string().regex(/^[A-Z]{3}$/);

/** how many minor units a currency has (2 for RUB and EUR, 0 for JPY) */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amountMinor / 10 ** digits);
}

export const discountCodeMessages = {
  format: 'Код — от 3 до 32 латинских букв, цифр, «-» или «_», первый знак — буква или цифра',
} as const;

/** a code as discount_codes.code stores it (upper-case; its CHECK agrees, tested) */
export const storedDiscountCodeSchema = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9_-]{2,31}$/, discountCodeMessages.format);

/** what a buyer types: trimmed and upper-cased like the database looks it up; empty = none */
export const discountCodeSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.union([z.literal(''), storedDiscountCodeSchema]));

/**
 * A price less a percentage, as the checkout computes it (public.checkout_prepare):
 * the discount is rounded down in minor units, so 1990 at 15 % is 1692.
 */
export function discountedPrice(priceMinor: number, percentOff: number): number {
  return priceMinor - Math.floor((priceMinor * percentOff) / 100);
}
