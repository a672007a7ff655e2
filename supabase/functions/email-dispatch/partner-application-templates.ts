// The emails of a partner application (20261206171000_partner_applications.sql):
// the confirmation link (the only email a submission sends before the address is
// confirmed), "received" to the applicant once confirmed, the internal notice to
// each platform admin, and each status change (with the reason when rejected).
// Transactional: no switch, no footer pointing at one. The confirmation link opens
// a page with a button; following it changes nothing by itself (mail scanners
// follow links).
import type { Locale } from '../../../src/domain/locale.ts';

type Payload = Record<string, unknown>;

export const PARTNER_APPLICATION_KINDS = [
  'partner_application_confirm',
  'partner_application_received',
  'partner_application_internal',
  'partner_application_status',
  'partner_welcome',
] as const;
export type PartnerApplicationKind = (typeof PARTNER_APPLICATION_KINDS)[number];

export function isPartnerApplicationKind(kind: string): kind is PartnerApplicationKind {
  return (PARTNER_APPLICATION_KINDS as readonly string[]).includes(kind);
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const str = (p: Payload, k: string) => (typeof p[k] === 'string' ? p[k] : '');

/** the page the confirmation button is on */
export function partnerConfirmLink(
  siteUrl: string | null | undefined,
  token: string,
  locale: Locale,
): string | null {
  if (!siteUrl) return null;
  return `${siteUrl.replace(/\/+$/, '')}/partners/confirm?t=${encodeURIComponent(token)}&lang=${locale}`;
}

/** the owner invitation of a new partner organization (partner_welcome) */
export function partnerInviteLink(
  siteUrl: string | null | undefined,
  payload: Payload,
): string | null {
  const token = str(payload, 'inviteToken');
  if (!siteUrl || !/^[A-Za-z0-9_-]{16,128}$/.test(token)) return null;
  return `${siteUrl.replace(/\/+$/, '')}/invite/${token}`;
}

/** the application in the review pages (platform admins) */
export function partnerReviewLink(
  siteUrl: string | null | undefined,
  payload: Payload,
): string | null {
  const id = str(payload, 'applicationId');
  if (!siteUrl || !uuid.test(id)) return null;
  return `${siteUrl.replace(/\/+$/, '')}/platform/applications/${id}`;
}

const typeRu: Record<string, string> = {
  reseller: 'реселлер',
  referral: 'реферальный партнёр',
  technology: 'технологический партнёр',
};
const typeEn: Record<string, string> = {
  reseller: 'reseller',
  referral: 'referral partner',
  technology: 'technology partner',
};
const statusRu: Record<string, string> = {
  reviewing: 'Мы начали рассматривать вашу заявку.',
  approved:
    'Заявка одобрена. Отдельным письмом придёт приглашение: по ссылке из него вы создадите вход и станете владельцем партнёрской организации.',
  rejected: 'К сожалению, мы отклонили заявку.',
};
const statusEn: Record<string, string> = {
  reviewing: 'We have started reviewing your application.',
  approved:
    'Your application is approved. An invitation follows in a separate email: its link lets you create your sign-in and become the owner of your partner organization.',
  rejected: 'Unfortunately, we have declined your application.',
};

const footerRu =
  '\n\n— Trackside\nВы получили это письмо, потому что этот адрес указан в заявке в партнёрскую программу Trackside.';
const footerEn =
  '\n\n— Trackside\nYou are receiving this email because this address was given in an application to the Trackside partner program.';

export function renderPartnerApplicationEmail(
  kind: PartnerApplicationKind,
  locale: Locale,
  payload: Payload,
  link: string | null,
): { subject: string; text: string } {
  const company = str(payload, 'companyName');
  const name = str(payload, 'contactName');
  const ru = locale === 'ru';
  switch (kind) {
    case 'partner_application_confirm':
      return ru
        ? {
            subject: 'Подтвердите адрес для заявки в партнёрскую программу',
            text:
              `Здравствуйте${name ? `, ${name}` : ''}!\n\nЧтобы отправить заявку компании «${company}», подтвердите адрес: откройте ссылку и нажмите «Подтвердить заявку». Ссылка действует 24 часа.\n\n${link ?? ''}` +
              '\n\nЕсли заявку отправляли не вы, ничего не делайте: без подтверждения она не будет создана.' +
              footerRu,
          }
        : {
            subject: 'Confirm your address for the partner program application',
            text:
              `Hello${name ? ` ${name}` : ''},\n\nTo send the application of "${company}", confirm your address: open the link and press "Confirm application". The link works for 24 hours.\n\n${link ?? ''}` +
              '\n\nIf you did not apply, do nothing: without confirmation no application is created.' +
              footerEn,
          };
    case 'partner_application_received':
      return ru
        ? {
            subject: 'Заявка в партнёрскую программу получена',
            text:
              `Здравствуйте${name ? `, ${name}` : ''}!\n\nМы получили заявку компании «${company}» (${typeRu[str(payload, 'partnershipType')] ?? ''}). Мы напишем вам, когда начнём её рассматривать и когда примем решение.` +
              footerRu,
          }
        : {
            subject: 'Your partner program application is received',
            text:
              `Hello${name ? ` ${name}` : ''},\n\nWe have received the application of "${company}" (${typeEn[str(payload, 'partnershipType')] ?? ''}). We will write when we start reviewing it and when we decide.` +
              footerEn,
          };
    case 'partner_application_internal':
      return ru
        ? {
            subject: `Новая заявка партнёра: ${company}`,
            text:
              `Компания «${company}» подала заявку (${typeRu[str(payload, 'partnershipType')] ?? ''}, ${str(payload, 'companySize')} сотрудников). Контакт: ${name}, ${str(payload, 'contactEmail')}.` +
              (link ? `\n\nРассмотреть: ${link}` : '') +
              '\n\n— Trackside\nВы получили это письмо как администратор платформы.',
          }
        : {
            subject: `New partner application: ${company}`,
            text:
              `"${company}" has applied (${typeEn[str(payload, 'partnershipType')] ?? ''}, ${str(payload, 'companySize')} people). Contact: ${name}, ${str(payload, 'contactEmail')}.` +
              (link ? `\n\nReview it: ${link}` : '') +
              '\n\n— Trackside\nYou are receiving this email as a platform admin.',
          };
    case 'partner_welcome': {
      const partner = str(payload, 'partnerName');
      return ru
        ? {
            subject: `Добро пожаловать в партнёрскую программу Trackside, «${partner}»`,
            text:
              `Заявка одобрена: организация «${partner}» создана (уровень ${str(payload, 'tier')}).` +
              (link
                ? `\n\nЧтобы стать её владельцем, откройте приглашение и войдите или зарегистрируйтесь с этим адресом (ссылка действует 14 дней):\n${link}`
                : '') +
              footerRu,
          }
        : {
            subject: `Welcome to the Trackside partner program, "${partner}"`,
            text:
              `Your application is approved: the organization "${partner}" is created (tier ${str(payload, 'tier')}).` +
              (link
                ? `\n\nTo become its owner, open the invitation and sign in or sign up with this address (the link works for 14 days):\n${link}`
                : '') +
              footerEn,
          };
    }
    case 'partner_application_status': {
      const status = str(payload, 'status');
      const reason = str(payload, 'reason');
      return ru
        ? {
            subject: `Заявка «${company}»: ${status === 'approved' ? 'одобрена' : status === 'rejected' ? 'отклонена' : 'на рассмотрении'}`,
            text:
              `Здравствуйте${name ? `, ${name}` : ''}!\n\n${statusRu[status] ?? ''}` +
              (status === 'rejected' && reason ? `\n\nПричина: ${reason}` : '') +
              footerRu,
          }
        : {
            subject: `Application "${company}": ${status === 'approved' ? 'approved' : status === 'rejected' ? 'declined' : 'under review'}`,
            text:
              `Hello${name ? ` ${name}` : ''},\n\n${statusEn[status] ?? ''}` +
              (status === 'rejected' && reason ? `\n\nReason: ${reason}` : '') +
              footerEn,
          };
    }
  }
}
