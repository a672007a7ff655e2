// A partner application's fields: the partner-apply function's zod schema
// (src/domain/partner-application.ts) and the CHECK constraints of
// public.partner_applications (20261206171000_partner_applications.sql, which the
// drafts copy) accept and refuse the same values.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import {
  APPLICATION_BOUNDS,
  COMPANY_SIZES,
  PARTNERSHIP_TYPES,
  type ApplicationTextField,
  applicationFieldSchemas,
  storedValue,
} from '../../src/domain/partner-application.ts';
import { checkVerdicts, formDisagreements } from './check-verdicts.ts';
import { edgeCharacters, unicodeText } from './unicode-text.ts';

const optional = new Set<ApplicationTextField>([
  'contact_phone',
  'website',
  'current_solutions',
  'additional_information',
]);

const ascii = (alphabet: string, max: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), maxLength: max });

/** values near each field's shape and bounds, and arbitrary Unicode */
function samples(field: ApplicationTextField): string[] {
  const [min, max] = APPLICATION_BOUNDS[field];
  const around = [min - 1, min, min + 1, max - 1, max, max + 1].filter((n) => n >= 0);
  const lengths = around.flatMap((n) => ['я'.repeat(n), ` ${'a'.repeat(n)} `, '😀'.repeat(n)]);
  const shaped: fc.Arbitrary<string>[] = [unicodeText(40)];
  if (field === 'contact_email') {
    shaped.push(fc.emailAddress(), ascii('ab.@-_+1Z \t', 20));
  }
  if (field === 'contact_phone') shaped.push(ascii('+0123456789 ()-x', 44));
  if (field === 'website') {
    shaped.push(
      fc.webUrl(),
      fc.domain(),
      ascii('htps:/.abc-1?#x Ю', 30).map((s) => `https://${s}`),
      ascii('HTPS:/.abc', 20),
    );
  }
  const fixed = [
    '',
    '   ',
    'a@b.cc',
    'A@B.CC',
    'a@b',
    'a b@c.de',
    'ann@пример.рф',
    '+7 900 000-00-00',
    '8 (900) 000 00 00',
    'example.com',
    'HTTPS://Example.com/path?q=1',
    'http://localhost:3000',
    'javascript:alert(1)',
    'https://a.b',
    'https://timing.example:8080/a',
    ...edgeCharacters.map((e) => `Ира${e}Ира`),
  ];
  return [
    ...fc.sample(fc.oneof(...shaped), { numRuns: 600, seed: 20261206 }),
    ...lengths,
    ...fixed,
  ];
}

describe('a partner application: the edge and the database agree', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  for (const field of Object.keys(APPLICATION_BOUNDS) as ApplicationTextField[]) {
    it(`${field}: accepted and refused alike`, async () => {
      const schema = applicationFieldSchemas[field];
      const saved = (v: string) => {
        const s = storedValue(field, v);
        return optional.has(field) && s === '' ? null : s;
      };
      const disagree = await formDisagreements(
        db,
        'partner_applications',
        [`partner_applications_${field}_check`],
        field,
        samples(field),
        (v) => schema.safeParse(v).success,
        saved,
      );
      expect(disagree).toEqual([]);
    });
  }

  it('partnership types and company sizes are the same lists', async () => {
    const types = ['reseller', 'referral', 'technology', 'Reseller', 'other', ''];
    const sizes = ['1-10', '11-50', '51-200', '201-500', '501+', '500+', '1-9', ''];
    const typeVerdicts = await checkVerdicts(
      db,
      'partner_applications',
      'partner_applications_partnership_type_check',
      'partnership_type',
      types,
    );
    const sizeVerdicts = await checkVerdicts(
      db,
      'partner_applications',
      'partner_applications_company_size_check',
      'company_size',
      sizes,
    );
    expect(typeVerdicts).toEqual(
      types.map((t) => (PARTNERSHIP_TYPES as readonly string[]).includes(t)),
    );
    expect(sizeVerdicts).toEqual(
      sizes.map((s) => (COMPANY_SIZES as readonly string[]).includes(s)),
    );
    expect(types.map((t) => applicationFieldSchemas.partnership_type.safeParse(t).success)).toEqual(
      typeVerdicts,
    );
    expect(sizes.map((s) => applicationFieldSchemas.company_size.safeParse(s).success)).toEqual(
      sizeVerdicts,
    );
  });
});
