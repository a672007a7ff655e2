import { describe, expect, it } from 'vitest';
import { discountCodeSchema, discountedPrice, formatMoney, minorDigits } from './money.ts';

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  it('formats minor units in the currency and the reader’s language', () => {
    expect(spaces(formatMoney(640000, 'RUB', 'ru-RU'))).toBe('6 400,00 ₽');
    expect(formatMoney(1692, 'EUR', 'en-GB')).toBe('€16.92');
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('RUB')).toBe(2);
  });

  it('accepts a discount code the checkout accepts, upper-cased, or none', () => {
    expect(discountCodeSchema.parse(' start10 ')).toBe('START10');
    expect(discountCodeSchema.parse('')).toBe('');
    expect(discountCodeSchema.safeParse('ab').success).toBe(false);
    expect(discountCodeSchema.safeParse('-START').success).toBe(false);
    expect(discountCodeSchema.safeParse('код10').success).toBe(false);
    expect(discountCodeSchema.safeParse('A'.repeat(33)).success).toBe(false);
  });

  it('takes a percentage off as the checkout does, the discount rounded down', () => {
    expect(discountedPrice(1990, 15)).toBe(1692);
    expect(discountedPrice(1000000, 10)).toBe(900000);
    expect(discountedPrice(999, 100)).toBe(0);
    expect(discountedPrice(1, 50)).toBe(1);
  });
});
