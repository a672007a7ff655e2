import { describe, expect, it } from 'vitest';
import { messageEmailLink, renderMessageEmail } from './message-templates.ts';

describe('unread message emails', () => {
  const payload = {
    announcementId: 'd7000000-0000-4000-8000-000000000001',
    title: 'Сбор в субботу',
    senderName: 'Игорь Волков',
    organization: 'Лёгкая атлетика',
  };
  it('link to the announcement or the conversation in the app', () => {
    expect(messageEmailLink('https://t.example/', 'announcement_unread', payload)).toBe(
      'https://t.example/messages/announcements/d7000000-0000-4000-8000-000000000001',
    );
    expect(messageEmailLink('https://t.example', 'message_unread', { conversationId: 'c1' })).toBe(
      'https://t.example/messages/conversations/c1',
    );
  });
  it('name the sender and the title in Russian and English, with the switch', () => {
    const ru = renderMessageEmail('announcement_unread', 'ru', payload, 'L');
    expect(ru.subject).toBe('Объявление: Сбор в субботу');
    expect(ru.text).toContain(
      'Игорь Волков (Лёгкая атлетика) опубликовал(а) объявление «Сбор в субботу»',
    );
    expect(ru.text).toContain('«Настройка писем»');
    const en = renderMessageEmail('message_unread', 'en', { senderName: 'Ivan', unread: 2 }, 'L');
    expect(en.subject).toBe('Unread message from Ivan');
    expect(en.text).toContain('Unread messages: 2');
  });
  it('never quote a conversation', () => {
    const r = renderMessageEmail(
      'message_unread',
      'ru',
      { senderName: 'Ivan', body: 'секрет' },
      'L',
    );
    expect(r.text).not.toContain('секрет');
  });
});
