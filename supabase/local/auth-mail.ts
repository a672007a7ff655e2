// The emails the local Auth sends (what GoTrue's mailer sends through SMTP and the
// templates in supabase/config.toml [auth.email.template.*] in production): a
// 6-digit code and a link that signs in (or opens the password reset), in the
// user's language (user_metadata.locale), Russian by default.
import type { OutgoingEmail } from '../functions/email-dispatch/providers.ts';

export type AuthMailKind = 'sign-in' | 'recovery';

interface Words {
  subject: (code: string) => string;
  lead: string;
  codeLine: (code: string) => string;
  linkLine: string;
  expiry: string;
  ignore: string;
}

const words: Record<'ru' | 'en', Record<AuthMailKind, Words>> = {
  ru: {
    'sign-in': {
      subject: (code) => `Код для входа в Trackside: ${code}`,
      lead: 'Кто-то (надеемся, вы) хочет войти в Trackside с этим адресом.',
      codeLine: (code) => `Ваш код: ${code}`,
      linkLine: 'Или откройте ссылку, чтобы войти сразу:',
      expiry: 'Код и ссылка действуют один час и только один раз.',
      ignore: 'Если это были не вы, просто не обращайте внимания на письмо.',
    },
    recovery: {
      subject: (code) => `Сброс пароля в Trackside: код ${code}`,
      lead: 'Вы попросили сбросить пароль в Trackside.',
      codeLine: (code) => `Код для сброса: ${code}`,
      linkLine: 'Или откройте ссылку, чтобы войти и задать новый пароль:',
      expiry: 'Код и ссылка действуют один час и только один раз.',
      ignore:
        'Если вы не просили сброс, не обращайте внимания на письмо: пароль останется прежним.',
    },
  },
  en: {
    'sign-in': {
      subject: (code) => `Your Trackside sign-in code: ${code}`,
      lead: 'Someone (we hope you) wants to sign in to Trackside with this address.',
      codeLine: (code) => `Your code: ${code}`,
      linkLine: 'Or open this link to sign in straight away:',
      expiry: 'The code and the link work once, for one hour.',
      ignore: 'If this was not you, just ignore this email.',
    },
    recovery: {
      subject: (code) => `Reset your Trackside password: code ${code}`,
      lead: 'You asked to reset your Trackside password.',
      codeLine: (code) => `Your reset code: ${code}`,
      linkLine: 'Or open this link to sign in and choose a new password:',
      expiry: 'The code and the link work once, for one hour.',
      ignore: 'If you did not ask for this, ignore this email: your password stays as it is.',
    },
  },
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function authMailLocale(userMetadata: Record<string, unknown> | null): 'ru' | 'en' {
  const locale = userMetadata?.['locale'];
  return typeof locale === 'string' && locale.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

export function authMail(
  kind: AuthMailKind,
  locale: 'ru' | 'en',
  to: string,
  code: string,
  link: string,
): OutgoingEmail {
  const w = words[locale][kind];
  const text = [w.lead, '', w.codeLine(code), '', w.linkLine, link, '', w.expiry, w.ignore].join(
    '\n',
  );
  const html = `<p>${escapeHtml(w.lead)}</p>
<p style="font-size:1.5em;letter-spacing:0.2em"><strong>${escapeHtml(w.codeLine(code))}</strong></p>
<p>${escapeHtml(w.linkLine)} <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>
<p>${escapeHtml(w.expiry)}<br>${escapeHtml(w.ignore)}</p>`;
  return { to, subject: w.subject(code), text, html };
}
