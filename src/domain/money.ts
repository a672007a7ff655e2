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
  format: 'Код — от 3 до 32 латинских букв, цифр, «-» или «_»',
} as const;

/**
 * What the checkout function accepts as a discount code (its zod schema) and the
 * database stores upper-case (discount_codes.code); empty means none.
 */
export const discountCodeSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(
    z.union([z.literal(''), z.string().regex(/^[A-Z0-9_-]{3,32}$/, discountCodeMessages.format)]),
  );
