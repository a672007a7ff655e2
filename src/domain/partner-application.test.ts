import { describe, expect, it } from 'vitest';
import {
  applicationProblems,
  nextStatuses,
  normalizeWebsite,
  partnerApplicationSchema,
} from './partner-application.ts';

const valid = {
  company_name: '  Тайминг Плюс ',
  contact_name: 'Анна Смирнова',
  contact_email: 'anna@timing.example',
  contact_phone: '',
  website: 'timing.example',
  partnership_type: 'technology',
  company_size: '11-50',
  industry: 'Хронометраж',
  target_market: 'Беговые клубы',
  motivation: 'Хотим подключать наши датчики к тренировкам клубов',
  locale: 'en',
};

describe('partner application', () => {
  it('trims, turns empty optional fields into null and completes a site', () => {
    const r = partnerApplicationSchema.parse(valid);
    expect(r.company_name).toBe('Тайминг Плюс');
    expect(r.contact_phone).toBeNull();
    expect(r.current_solutions).toBeNull();
    expect(r.website).toBe('https://timing.example');
    expect(r.fax).toBe('');
  });

  it('names each refused field with one problem', () => {
    const r = partnerApplicationSchema.safeParse({
      ...valid,
      company_name: 'A',
      contact_email: 'anna@mail',
      partnership_type: 'vendor',
      motivation: 'x'.repeat(2001),
      industry: '',
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(applicationProblems(r.error)).toEqual({
      company_name: 'short',
      contact_email: 'shape',
      partnership_type: 'choice',
      motivation: 'long',
      industry: 'required',
    });
  });

  it('says a missing field is required', () => {
    const r = partnerApplicationSchema.safeParse({ locale: 'ru' });
    expect(r.success).toBe(false);
    if (r.success) return;
    const problems = applicationProblems(r.error);
    expect(problems.company_name).toBe('required');
    expect(problems.company_size).toBe('choice');
    expect(problems.website).toBeUndefined();
  });

  it('reads a site as people type it', () => {
    expect(normalizeWebsite('Example.com')).toBe('https://Example.com');
    expect(normalizeWebsite('HTTP://a.ru')).toBe('http://a.ru');
    expect(normalizeWebsite('javascript:alert(1)')).toBe('javascript:alert(1)');
  });

  it('follows the review machine: decisions are final', () => {
    expect(nextStatuses('pending')).toEqual(['reviewing', 'rejected']);
    expect(nextStatuses('reviewing')).toEqual(['approved', 'rejected']);
    expect(nextStatuses('approved')).toEqual([]);
    expect(nextStatuses('rejected')).toEqual([]);
  });
});
