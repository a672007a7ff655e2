import { describe, expect, it } from 'vitest';
import {
  partnerConfirmLink,
  partnerInviteLink,
  partnerReviewLink,
  renderPartnerApplicationEmail,
} from './partner-application-templates.ts';

const payload = {
  applicationId: '98200000-0000-4000-8000-000000000001',
  companyName: 'Тайминг Плюс',
  contactName: 'Анна',
  partnershipType: 'technology',
  status: 'rejected',
  reason: 'Пока не работаем с этим регионом',
  contactEmail: 'anna@timing.example',
  companySize: '11-50',
};

describe('partner application emails', () => {
  it('the confirmation carries the confirm page link, in the applicant language', () => {
    const link = partnerConfirmLink('https://trackside.app/', 'tok_123', 'en');
    expect(link).toBe('https://trackside.app/partners/confirm?t=tok_123&lang=en');
    const en = renderPartnerApplicationEmail('partner_application_confirm', 'en', payload, link);
    expect(en.subject).toMatch(/Confirm/);
    expect(en.text).toContain(link);
    const ru = renderPartnerApplicationEmail('partner_application_confirm', 'ru', payload, link);
    expect(ru.text).toContain('«Тайминг Плюс»');
    expect(ru.text).toContain('24 часа');
  });

  it('a rejection says why', () => {
    const ru = renderPartnerApplicationEmail('partner_application_status', 'ru', payload, null);
    expect(ru.subject).toContain('отклонена');
    expect(ru.text).toContain('Причина: Пока не работаем с этим регионом');
    const approved = renderPartnerApplicationEmail(
      'partner_application_status',
      'en',
      { ...payload, status: 'approved' },
      null,
    );
    expect(approved.text).toContain('invitation');
    expect(approved.text).not.toContain('Reason');
  });

  it('the internal notice links to the review page', () => {
    const link = partnerReviewLink('https://trackside.app', payload);
    expect(link).toBe(
      'https://trackside.app/platform/applications/98200000-0000-4000-8000-000000000001',
    );
    const r = renderPartnerApplicationEmail('partner_application_internal', 'ru', payload, link);
    expect(r.text).toContain(link ?? '');
    expect(r.text).toContain('anna@timing.example');
  });

  it('the welcome carries the owner invitation link', () => {
    const welcome = { partnerName: 'Тайминг Плюс', inviteToken: 'a'.repeat(43), tier: 'silver' };
    const link = partnerInviteLink('https://trackside.app', welcome);
    expect(link).toBe(`https://trackside.app/invite/${'a'.repeat(43)}`);
    const r = renderPartnerApplicationEmail('partner_welcome', 'ru', welcome, link);
    expect(r.text).toContain(link ?? '');
    expect(r.subject).toContain('«Тайминг Плюс»');
  });
});
