import { describe, expect, it } from 'vitest';
import { renderRefundedEmail } from './templates.ts';

const payload = {
  bookingId: '00000000-0000-4000-8000-0000000000b1',
  startsAt: '2026-03-05T10:00:00Z',
  timeZone: 'Europe/Moscow',
  title: 'Индивидуальная тренировка',
  memberName: 'Анна',
  amountMinor: 250000,
  currency: 'RUB',
};

describe('booking_refunded', () => {
  it('tells the customer the money went back and the time is taken, in their language', () => {
    const ru = renderRefundedEmail('ru', { ...payload, recipient: 'customer' });
    expect(ru.subject).toBe('Оплата возвращена: время уже занято');
    expect(ru.text.replace(/[\u00a0\u202f]/g, ' ')).toContain('2 500,00 ₽');
    expect(ru.text).toContain('Индивидуальная тренировка');
    // transactional: no switch in the settings to point at
    expect(ru.text).not.toContain('Настройка писем');
    const en = renderRefundedEmail('en', { ...payload, recipient: 'customer' });
    expect(en.subject).toBe('Payment refunded: the time was taken');
    expect(en.text).toContain('refunded to your card');
  });

  it('tells the coach who paid late and that no booking was made', () => {
    const ru = renderRefundedEmail('ru', { ...payload, recipient: 'coach' });
    expect(ru.subject).toBe('Оплата записи возвращена');
    expect(ru.text).toContain('Анна');
    expect(ru.text).toContain('запись не создана');
    const en = renderRefundedEmail('en', { ...payload, recipient: 'coach' });
    expect(en.text).toContain('no booking was made');
  });
});
