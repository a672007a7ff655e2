import { describe, expect, it } from 'vitest';
import {
  actingSchema,
  cancelSchema,
  linkRequestSchema,
  newClientSchema,
  nextStatuses,
  pageCount,
  partnerLinkUrl,
} from './partner-client.ts';

const client = {
  name: '  Юность ',
  contactName: 'Ирина',
  contactEmail: ' Irina@Example.test ',
  contactPhone: '',
  subscriptionTier: 'standard',
  billingByPartner: 'on',
  timeZone: 'Europe/Moscow',
};

describe('partner client forms', () => {
  it('trims, lower-cases the address and reads the checkbox', () => {
    const parsed = newClientSchema.parse(client);
    expect(parsed).toMatchObject({
      name: 'Юность',
      contactEmail: 'irina@example.test',
      contactPhone: '',
      billingByPartner: true,
    });
  });

  it('names the field that is wrong', () => {
    const result = newClientSchema.safeParse({
      ...client,
      name: ' ',
      contactEmail: 'nope',
      contactPhone: 'abc',
      subscriptionTier: 'gold',
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'name:name',
        'contactEmail:contactEmail',
        'contactPhone:contactPhone',
        'subscriptionTier:tier',
      ]),
    );
  });

  it('keeps a link to 1–24 months', () => {
    expect(linkRequestSchema.safeParse({ months: '24', write: '' }).success).toBe(true);
    expect(linkRequestSchema.safeParse({ months: '25', write: '' }).success).toBe(false);
    expect(linkRequestSchema.safeParse({ months: '0', write: '' }).success).toBe(false);
    expect(linkRequestSchema.safeParse({ months: '1.5', write: '' }).success).toBe(false);
  });

  it('asks for a reason of at least 10 characters', () => {
    expect(actingSchema.safeParse({ reason: ' too short ', write: false }).success).toBe(false);
    expect(actingSchema.parse({ reason: 'Настроить расписание' })).toEqual({
      reason: 'Настроить расписание',
      write: false,
    });
    expect(actingSchema.parse({ reason: 'Настроить расписание', write: 'on' })).toEqual({
      reason: 'Настроить расписание',
      write: true,
    });
  });

  it('keeps the access period to 0–365 days', () => {
    expect(cancelSchema.safeParse({ accessDays: '0' }).success).toBe(true);
    expect(cancelSchema.safeParse({ accessDays: '366' }).success).toBe(false);
    expect(cancelSchema.safeParse({ accessDays: '' }).success).toBe(false);
  });
});

describe('client status moves', () => {
  it('never leaves canceled', () => {
    expect(nextStatuses('active')).toEqual(['suspended', 'canceled']);
    expect(nextStatuses('suspended')).toEqual(['active', 'canceled']);
    expect(nextStatuses('canceled')).toEqual([]);
  });
});

describe('paging and links', () => {
  it('counts pages', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(50)).toBe(1);
    expect(pageCount(10_000)).toBe(200);
  });

  it('builds the accept link', () => {
    expect(partnerLinkUrl('https://app.test/', 'abc_-1')).toBe(
      'https://app.test/partner/link/abc_-1',
    );
  });
});
