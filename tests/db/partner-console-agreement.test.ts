// The client form of src/domain/partner-client.ts and the checks of
// public.partner_create_client / partner_update_client
// (private.check_partner_client_contact, 20261206172000_partner_console.sql)
// must agree: the same verdict on the contact's name, address, phone and
// subscription, generated and at the edges.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { clientContactSchema } from '../../src/domain/partner-client.ts';

interface Contact {
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  subscriptionTier: string;
}

describe('the partner client form agrees with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    // one verdict per contact: does the database's check let it through
    await db.exec(`
      create function pg_temp.contact_ok(p_name text, p_email text, p_phone text, p_tier text)
      returns boolean language plpgsql as $$
      begin
        perform private.check_partner_client_contact(p_name, lower(btrim(p_email)), p_phone, p_tier);
        return true;
      exception when others then
        return false;
      end
      $$`);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('the same verdict on 1,000 generated contacts and the edges', async () => {
    const text = (units: string, max: number) =>
      fc.string({ unit: fc.constantFrom(...units.split('')), maxLength: max });
    const generated = fc.sample(
      fc.record({
        contactName: fc.oneof(text('aЯ ', 130), fc.constant('Ирина')),
        contactEmail: fc.oneof(text('a@. ', 12), fc.constant('x@y.z')),
        contactPhone: fc.oneof(text('+0 ()-a', 34), fc.constant('')),
        subscriptionTier: fc.constantFrom('basic', 'standard', 'pro', 'gold', ''),
      }),
      1000,
    );
    const ok: Contact = {
      contactName: 'Ирина',
      contactEmail: 'irina@example.test',
      contactPhone: '',
      subscriptionTier: 'basic',
    };
    const edges: Contact[] = [
      ok,
      { ...ok, contactName: ' ' },
      { ...ok, contactName: 'я'.repeat(120) },
      { ...ok, contactName: 'я'.repeat(121) },
      { ...ok, contactEmail: ' Irina@Example.test ' },
      { ...ok, contactEmail: 'irina@example' },
      { ...ok, contactEmail: `${'a'.repeat(250)}@b.cd` },
      { ...ok, contactPhone: '+7 (900) 000-00-00' },
      { ...ok, contactPhone: '1234' },
      { ...ok, contactPhone: '+7 900 abc' },
      { ...ok, subscriptionTier: 'Pro' },
    ];
    const values = [...generated, ...edges];
    const r = await db.query<{ ok: boolean }>(
      `select pg_temp.contact_ok(v.n, v.e, v.p, v.t) as ok
         from unnest($1::text[], $2::text[], $3::text[], $4::text[]) with ordinality as v(n, e, p, t, i)
        order by v.i`,
      [
        values.map((v) => v.contactName),
        values.map((v) => v.contactEmail),
        values.map((v) => v.contactPhone),
        values.map((v) => v.subscriptionTier),
      ],
    );
    const disagree = values.filter(
      (v, i) =>
        clientContactSchema.safeParse({ ...v, billingByPartner: false }).success !==
        (r.rows[i]?.ok ?? false),
    );
    expect(disagree).toEqual([]);
  });
});
