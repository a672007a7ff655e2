// announcement_unread and message_unread: what is still unread 12 hours after it
// was sent, once (private.enqueue_unread_message_emails). They name who wrote and
// where to read it, never a conversation's text: a minor's messages stay in the
// app. Switchable, so the footer points at the settings.
import type { Locale } from '../../../src/domain/locale.ts';

type Payload = Record<string, unknown>;

const str = (p: Payload, k: string): string | null =>
  typeof p[k] === 'string' && p[k] !== '' ? (p[k] as string) : null;

export function isMessageEmailKind(kind: string): kind is 'announcement_unread' | 'message_unread' {
  return kind === 'announcement_unread' || kind === 'message_unread';
}

/** the app's page for it: the announcement, or the conversation */
export function messageEmailLink(
  siteUrl: string | null | undefined,
  kind: string,
  payload: Payload,
): string {
  const base = (siteUrl ?? '').replace(/\/+$/, '');
  const id =
    kind === 'announcement_unread'
      ? str(payload, 'announcementId')
      : str(payload, 'conversationId');
  const path = kind === 'announcement_unread' ? 'announcements' : 'conversations';
  return id ? `${base}/messages/${path}/${encodeURIComponent(id)}` : `${base}/messages`;
}

export function renderMessageEmail(
  kind: 'announcement_unread' | 'message_unread',
  locale: Locale,
  payload: Payload,
  link: string,
): { subject: string; text: string } {
  const sender = str(payload, 'senderName');
  const club = str(payload, 'organization');
  const title = str(payload, 'title') ?? '';
  const footer =
    locale === 'ru'
      ? '\n\n— Trackside\nМы пишем один раз. Отключить такие письма можно в приложении, на странице «Настройка писем».'
      : '\n\n— Trackside\nWe write once. You can switch these emails off in the app, on the “Email settings” page.';
  if (kind === 'announcement_unread') {
    return locale === 'ru'
      ? {
          subject: `Объявление: ${title}`,
          text: `${sender ?? 'Тренер'}${club ? ` (${club})` : ''} опубликовал(а) объявление «${title}». Вы его ещё не открыли.\n\nПрочитать: ${link}${footer}`,
        }
      : {
          subject: `Announcement: ${title}`,
          text: `${sender ?? 'Your coach'}${club ? ` (${club})` : ''} posted the announcement “${title}”. You have not opened it yet.\n\nRead it: ${link}${footer}`,
        };
  }
  const unread = typeof payload['unread'] === 'number' ? payload['unread'] : 1;
  return locale === 'ru'
    ? {
        subject: `Непрочитанное сообщение от: ${sender ?? 'Trackside'}`,
        text: `${sender ?? 'Вам'} написал(а) вам в Trackside${club ? ` (${club})` : ''}. Непрочитанных сообщений: ${unread}.\n\nОткрыть переписку: ${link}${footer}`,
      }
    : {
        subject: `Unread message from ${sender ?? 'Trackside'}`,
        text: `${sender ?? 'Someone'} wrote to you on Trackside${club ? ` (${club})` : ''}. Unread messages: ${unread}.\n\nOpen the conversation: ${link}${footer}`,
      };
}
