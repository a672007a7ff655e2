import { describe, expect, it } from 'vitest';
import { discountFormSchema, parsePrice, priceText, productFormSchema } from './product-form.ts';

const base = {
  kind: 'package' as const,
  name: ' 8 тренировок ',
  description: '',
  price: '6 400,50',
  currency: 'RUB' as const,
  credits: '8',
  validDays: '60',
  listed: true,
  items: {},
};

describe('product form', () => {
  it('reads prices typed in units, with a comma or a point, into minor units', () => {
    expect(parsePrice('6 400,50', 'RUB')).toBe(640050);
    expect(parsePrice('6400.5', 'EUR')).toBe(640050);
    expect(parsePrice('0', 'RUB')).toBe(0);
    expect(parsePrice('1,234', 'RUB')).toBeNull();
    expect(parsePrice('-5', 'RUB')).toBeNull();
    expect(parsePrice('12,5', 'JPY')).toBeNull();
    expect(priceText(640050, 'RUB', true)).toBe('6400,50');
  });

  it('turns a package into a row', () => {
    expect(productFormSchema.parse(base)).toEqual({
      kind: 'package',
      name: '8 тренировок',
      description: null,
      price_minor: 640050,
      currency: 'RUB',
      credits: 8,
      valid_days: 60,
      listed: true,
      items: {},
    });
  });

  it('names each bad field', () => {
    const r = productFormSchema.safeParse({
      ...base,
      name: '',
      price: '1 000 001',
      credits: '',
      validDays: '0',
    });
    expect(r.success).toBe(false);
    const fields = r.error?.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    expect(fields).toEqual(['name:name']);
    const r2 = productFormSchema.safeParse({
      ...base,
      price: '1000001',
      credits: '',
      validDays: '0',
    });
    expect(r2.error?.issues.map((i) => `${String(i.path[0])}:${i.message}`)).toEqual([
      'price:price',
      'validDays:validDays',
      'credits:packageContent',
    ]);
  });

  it('a package of products needs no credits; a product carries none', () => {
    const bundle = productFormSchema.parse({ ...base, credits: '', items: { a: 2 } });
    expect(bundle.credits).toBeNull();
    expect(bundle.items).toEqual({ a: 2 });
    const shirt = productFormSchema.parse({ ...base, kind: 'product', items: { a: 2 } });
    expect(shirt).toMatchObject({ credits: null, valid_days: null, items: {} });
  });

  it('discount codes are upper-cased and limited', () => {
    expect(
      discountFormSchema.parse({
        code: 'spring-15',
        percentOff: '15',
        maxRedemptions: '',
        validUntil: '',
      }),
    ).toEqual({ code: 'SPRING-15', percentOff: 15, maxRedemptions: null, validUntil: null });
    expect(
      discountFormSchema
        .safeParse({ code: 'x', percentOff: '101', maxRedemptions: '0', validUntil: 'x' })
        .error?.issues.map((i) => i.message),
    ).toEqual(['code', 'percent', 'limit', 'date']);
  });
});
