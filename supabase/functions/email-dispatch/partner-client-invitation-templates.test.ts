import { describe, expect, it } from 'vitest';
import {
  partnerInvitationLink,
  renderPartnerClientInvitation,
} from './partner-client-invitation-templates.ts';

const token = 'a'.repeat(43);
const payload = { token, clubName: 'Юность', partnerName: 'СпортСофт', contactName: 'Ирина' };

describe('partner client invitation email', () => {
  it('links to the invitation page, and to nothing without a site or a token', () => {
    expect(partnerInvitationLink('https://app.test/', payload)).toBe(
      `https://app.test/invite/${token}`,
    );
    expect(partnerInvitationLink(null, payload)).toBeNull();
    expect(partnerInvitationLink('https://app.test', { token: '../x' })).toBeNull();
  });

  it('says who invites to which club, in Russian and in English', () => {
    const ru = renderPartnerClientInvitation('ru', payload, 'https://app.test/invite/x');
    expect(ru.subject).toBe('Клуб «Юность» в Trackside ждёт владельца');
    expect(ru.text).toContain('Ирина, здравствуйте!');
    expect(ru.text).toContain('Партнёр «СпортСофт»');
    expect(ru.text).toContain('https://app.test/invite/x');
    const en = renderPartnerClientInvitation('en', payload, null);
    expect(en.subject).toContain('"Юность"');
    expect(en.text).toContain('Ask the partner to send the invitation link again.');
  });
});
