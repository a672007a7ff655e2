import { describe, expect, it } from 'vitest';
import {
  athleteContactMessages as m,
  athleteContactSchema,
  contactValue,
  isValidEmail,
  isValidPhone,
  latestBirthDate,
} from './athlete-contact.ts';

/** 6 December 2026, 12:00 UTC */
const clock = { now: () => 1_796_558_400_000 };
type Input = Record<
  'guardian_name' | 'guardian_phone' | 'guardian_email' | 'phone' | 'birth_date',
  string | null
>;
const empty: Input = {
  guardian_name: null,
  guardian_phone: null,
  guardian_email: null,
  phone: null,
  birth_date: null,
};

function messages(input: Partial<Input>): string[] {
  const r = athleteContactSchema(clock).safeParse({ ...empty, ...input });
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('phones', () => {
  it.each([
    '+7 (916) 123-45-67',
    '8 916 123 45 67',
    '89161234567',
    '(495) 123.45.67',
    '12345',
    '+44 20 7946 0958',
  ])('takes %s as typed', (p) => expect(isValidPhone(p)).toBe(true));

  it.each([
    '',
    '+',
    '1234',
    '1234567890123456',
    'позвонить маме',
    '+7 916 123 45 67 доб. 2',
    '916-123-',
    ' 89161234567',
    '++79161234567',
    '８９１６１２３４５６７',
    `${'1 '.repeat(15)}1`,
  ])('refuses %j', (p) => expect(isValidPhone(p)).toBe(false));

  it('no phone is fine', () => expect(isValidPhone(null)).toBe(true));
});

describe('emails', () => {
  it.each(['mama@example.ru', 'o.ivanova+club@mail.co.uk', "d'arcy@x-y.org"])('takes %s', (e) =>
    expect(isValidEmail(e)).toBe(true),
  );
  it.each(['mama', 'mama@', '@example.ru', 'mama@example', 'мама@пример.рф', 'a b@c.de'])(
    'refuses %j',
    (e) => expect(isValidEmail(e)).toBe(false),
  );
});

describe('birth dates', () => {
  it('the latest is today anywhere on earth: the UTC date 14 hours ahead', () => {
    expect(latestBirthDate(clock)).toBe('2026-12-07');
    // 09:59 UTC: still 6 December at UTC+14 (23:59)
    expect(latestBirthDate({ now: () => 1_796_558_400_000 - 2 * 3_600_000 - 60_000 })).toBe(
      '2026-12-06',
    );
  });

  it('takes 1900-01-01 up to that day, and refuses either side', () => {
    expect(messages({ birth_date: '1900-01-01' })).toEqual([]);
    expect(messages({ birth_date: '2026-12-07' })).toEqual([]);
    expect(messages({ birth_date: '2026-12-08' })).toEqual([m.birthDateFuture]);
    expect(messages({ birth_date: '1899-12-31' })).toEqual([m.birthDateEarly]);
  });

  it('refuses what is not a date', () => {
    expect(messages({ birth_date: '2026-02-30' })).toEqual([m.birthDate]);
    expect(messages({ birth_date: '06.12.2012' })).toEqual([m.birthDate]);
  });
});

describe('the guardian', () => {
  it('is nobody, or a name with a phone or an email', () => {
    expect(messages({})).toEqual([]);
    expect(
      messages({ guardian_name: 'Ольга Иванова', guardian_phone: '+7 916 123-45-67' }),
    ).toEqual([]);
    expect(messages({ guardian_name: 'Ольга Иванова', guardian_email: 'olga@example.ru' })).toEqual(
      [],
    );
  });

  it('a name alone asks for a way to reach them, on the phone field', () => {
    const r = athleteContactSchema(clock).safeParse({ ...empty, guardian_name: 'Ольга' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['guardian_phone', m.guardianReach],
    ]);
  });

  it('a phone alone asks whose it is', () => {
    expect(messages({ guardian_phone: '89161234567' })).toEqual([m.guardianNameMissing]);
  });

  it('a name refuses hidden characters and more than 200 characters', () => {
    expect(messages({ guardian_name: 'я'.repeat(201), guardian_phone: '12345' })).toEqual([
      m.guardianName,
    ]);
    expect(
      messages({ guardian_name: 'Оль\u202eга', guardian_phone: '12345' }).length,
    ).toBeGreaterThan(0);
  });
});

describe('contactValue', () => {
  it('trims, and a blank field is no value', () => {
    expect(contactValue('  +7 916 ')).toBe('+7 916');
    expect(contactValue('   ')).toBeNull();
  });
});
