import { describe, expect, it } from 'vitest';
import { authMail, authMailLocale } from './auth-mail.ts';
import { tokenHash } from './auth-otp-routes.ts';

describe('the local Auth emails', () => {
  it('speak the user’s language, Russian unless user_metadata.locale is English', () => {
    expect(authMailLocale({ locale: 'en' })).toBe('en');
    expect(authMailLocale({ locale: 'en-GB' })).toBe('en');
    expect(authMailLocale({ locale: 'ru' })).toBe('ru');
    expect(authMailLocale({})).toBe('ru');
    expect(authMailLocale(null)).toBe('ru');
  });

  it('carry the code and the link in the text and, escaped, in the html', () => {
    const link = 'http://127.0.0.1:54321/auth/v1/verify?token=abc&type=recovery&redirect_to=x';
    const mail = authMail('recovery', 'ru', 'a@x.test', '012345', link);
    expect(mail.subject).toBe('Сброс пароля в Trackside: код 012345');
    expect(mail.text).toContain('Код для сброса: 012345');
    expect(mail.text).toContain(link);
    expect(mail.html).toContain('token=abc&#38;type=recovery');
    const en = authMail('sign-in', 'en', 'a@x.test', '999999', link);
    expect(en.subject).toBe('Your Trackside sign-in code: 999999');
  });

  it('hash a code as GoTrue does: hex sha224 of the address and the code', () => {
    expect(tokenHash('a@x.test', '123456')).toMatch(/^[0-9a-f]{56}$/);
    expect(tokenHash('a@x.test', '123456')).not.toBe(tokenHash('b@x.test', '123456'));
  });
});
