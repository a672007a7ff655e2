// partner_client_invitation: a reseller created a club for a client in its
// console (public.partner_create_client); the contact is invited to become the
// club's owner. The link opens the app's invitation page, where a new person
// signs up through Supabase Auth and joins. Transactional: the contact asked
// the reseller for the club, so no switch and no settings footer.
import type { Locale } from '../../../src/domain/locale.ts';

type Payload = Record<string, unknown>;

/** the invitation token private.new_invitation_token makes: 43 url-safe characters */
const token = /^[A-Za-z0-9_-]{43}$/;

/** the invitation page in the app; null without a site or a well-formed token */
export function partnerInvitationLink(
  siteUrl: string | null | undefined,
  payload: Payload,
): string | null {
  const t = payload['token'];
  if (!siteUrl || typeof t !== 'string' || !token.test(t)) return null;
  return `${siteUrl.replace(/\/+$/, '')}/invite/${t}`;
}

const text = (payload: Payload, key: string): string =>
  typeof payload[key] === 'string' ? payload[key] : '';

export function renderPartnerClientInvitation(
  locale: Locale,
  payload: Payload,
  link: string | null,
): { subject: string; text: string } {
  const club = text(payload, 'clubName');
  const partner = text(payload, 'partnerName');
  const name = text(payload, 'contactName');
  if (locale === 'ru') {
    return {
      subject: `Клуб «${club}» в Trackside ждёт владельца`,
      text:
        `${name ? `${name}, з` : 'З'}дравствуйте!\n\n` +
        `Партнёр «${partner}» создал для вас клуб «${club}» в Trackside и приглашает вас стать его владельцем.` +
        (link
          ? `\n\nПринять приглашение: ${link}\nСсылка действует 14 дней и срабатывает один раз.`
          : '\n\nПопросите партнёра прислать ссылку-приглашение ещё раз.') +
        '\n\n— Trackside\nВы получили это письмо, потому что партнёр указал этот адрес как контакт клуба. Если это ошибка, просто не обращайте внимания на письмо.',
    };
  }
  return {
    subject: `Your club "${club}" on Trackside is waiting for its owner`,
    text:
      `Hello${name ? ` ${name}` : ''},\n\n` +
      `The partner "${partner}" has set up the club "${club}" for you on Trackside and invites you to become its owner.` +
      (link
        ? `\n\nAccept the invitation: ${link}\nThe link is valid for 14 days and works once.`
        : '\n\nAsk the partner to send the invitation link again.') +
      '\n\n— Trackside\nYou are receiving this email because a partner gave this address as the club’s contact. If that is a mistake, just ignore it.',
  };
}
