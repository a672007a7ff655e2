import { describe, expect, it } from 'vitest';
import {
  coachPageFormSchema,
  formatPriceInput,
  parsePrice,
  sessionTypeFormSchema,
} from './coach-page-form.ts';

const page = {
  slug: ' Igor-Volkov ',
  published: true,
  display_name: ' Игорь Волков ',
  bio: 'Спринт',
  sports: 'Лёгкая атлетика, Спринт,, ',
  certifications: 'Тренер высшей категории\n\nСудья',
  place: '',
  languages: 'RU, en',
};

describe('the coach page form', () => {
  it('normalizes what was typed into what the table stores', () => {
    expect(coachPageFormSchema.parse(page)).toEqual({
      slug: 'igor-volkov',
      published: true,
      display_name: 'Игорь Волков',
      bio: 'Спринт',
      sports: ['Лёгкая атлетика', 'Спринт'],
      certifications: ['Тренер высшей категории', 'Судья'],
      place: null,
      languages: ['ru', 'en'],
    });
  });

  it('refuses what the table would refuse', () => {
    const bad = (patch: Partial<typeof page>) =>
      coachPageFormSchema.safeParse({ ...page, ...patch }).error?.issues[0]?.path[0];
    expect(bad({ slug: 'book' })).toBe('slug');
    expect(bad({ display_name: '  ' })).toBe('display_name');
    expect(bad({ bio: 'x'.repeat(4001) })).toBe('bio');
    expect(bad({ sports: Array.from({ length: 21 }, (_, i) => `s${i}`).join(',') })).toBe('sports');
    expect(bad({ languages: 'русский' })).toBe('languages');
  });
});

describe('session types', () => {
  const schema = sessionTypeFormSchema('RUB');
  it('reads length as hours:minutes and price in roubles', () => {
    expect(
      schema.parse({
        name: ' Спринт ',
        description: '',
        duration_minutes: '1:30',
        price_minor: '2 500,5',
      }),
    ).toEqual({ name: 'Спринт', description: '', duration_minutes: 90, price_minor: 250050 });
  });

  it('refuses a length out of 0:05–12:00 and a price that is no number', () => {
    const row = { name: 'x', description: '', duration_minutes: '0:03', price_minor: '0' };
    expect(schema.safeParse(row).error?.issues[0]?.path[0]).toBe('duration_minutes');
    expect(schema.safeParse({ ...row, duration_minutes: '12:01' }).success).toBe(false);
    expect(
      schema.safeParse({ ...row, duration_minutes: '1', price_minor: '-5' }).error?.issues[0]
        ?.path[0],
    ).toBe('price_minor');
    expect(schema.safeParse({ ...row, duration_minutes: '1', price_minor: '1.234' }).success).toBe(
      false,
    );
  });

  it('prices round-trip through the form', () => {
    for (const minor of [0, 250000, 250050, 99]) {
      expect(parsePrice(formatPriceInput(minor, 'RUB'), 'RUB')).toBe(minor);
    }
    expect(parsePrice('1500', 'JPY')).toBe(1500);
    expect(parsePrice('15.5', 'JPY')).toBeNull();
  });
});
