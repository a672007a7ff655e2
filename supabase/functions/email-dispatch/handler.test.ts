import { describe, expect, it } from 'vitest';
import type { Rpc } from '../_shared/rpc.ts';
import { createEmailDispatchHandler } from './handler.ts';
import { booking, claimedEmails, series } from '../../local/stand-ins/email-fixtures.ts';
import { MemoryMailbox } from '../../local/stand-ins/memory-mailbox.ts';
import { type EmailProvider, httpEmailProvider } from './providers.ts';
import { renderEmail } from './templates.ts';
import { signInLink } from './email-links.ts';

describe('templates', () => {
  it('shows times in the session’s zone, in the person’s language', () => {
    // 29 March 2026 is the day Berlin moves to summer time: 15:00 UTC is 17:00 there
    const ru = renderEmail('session_reminder', 'ru', booking);
    expect(ru.subject).toBe('Напоминание: тренировка завтра');
    expect(ru.text).toContain('17:00');
    expect(ru.text).toContain('Тренер: Olga');
    const en = renderEmail('booking_confirmation', 'en', booking);
    expect(en.subject).toBe('Your booking is confirmed');
    expect(en.text).toContain('17:00');
    expect(en.text).toContain('Intervals, Club A');
  });

  it('tells both sides of a moved booking the old time and the new', () => {
    const moved = {
      ...booking,
      rescheduled: true,
      previousStartsAt: '2026-03-28T15:00:00Z',
    };
    const ru = renderEmail('booking_confirmation', 'ru', moved);
    expect(ru.subject).toBe('Запись перенесена');
    // the day before summer time 15:00 UTC is 16:00 in Berlin; after, 17:00
    expect(ru.text).toMatch(/Было: .*16:00.*\nСтало: .*17:00/);
    const en = renderEmail('booking_notification', 'en', moved);
    expect(en.subject).toBe('Booking moved');
    expect(en.text).toMatch(/Was: .*16:00.*\nNow: .*17:00/);
  });

  it('formats amounts and credits of a purchase', () => {
    const p = {
      productName: '10 sessions',
      amountMinor: 169200,
      currency: 'RUB',
      credits: 10,
      validDays: 90,
    };
    expect(renderEmail('purchase_confirmation', 'ru', p).text).toMatch(/1\s692,00\s₽/);
    expect(renderEmail('purchase_confirmation', 'en', p).text).toContain(
      '10 session credits were added, valid for 90 days',
    );
  });

  it('tells a buyer with no password where a code signs them in, and nobody else', () => {
    const p = { productName: '10 sessions', amountMinor: 1000, currency: 'RUB', needsSignIn: true };
    const link = signInLink('purchase_confirmation', p, 'new+1@x.test', 'https://app.test/');
    expect(link).toBe('https://app.test/sign-in?email=new%2B1%40x.test');
    const ru = renderEmail('purchase_confirmation', 'ru', p, { signInLink: link });
    expect(ru.text).toContain(`Чтобы войти в Trackside, откройте ${link ?? ''}`);
    expect(ru.html).toContain('href="https://app.test/sign-in?email=new%2B1%40x.test"');
    const en = renderEmail('purchase_confirmation', 'en', p, { signInLink: link });
    expect(en.text).toContain('we will email a sign-in code to this address');
    expect(
      signInLink(
        'purchase_confirmation',
        { ...p, needsSignIn: false },
        'a@x.test',
        'https://app.test',
      ),
    ).toBeNull();
    expect(signInLink('booking_confirmation', p, 'a@x.test', 'https://app.test')).toBeNull();
    expect(signInLink('purchase_confirmation', p, 'a@x.test', null)).toBeNull();
  });

  it('lists every date of a series with its time in the series’ zone, and the skipped ones', () => {
    const ru = renderEmail('booking_confirmation', 'ru', series);
    expect(ru.subject).toBe('Регулярная запись подтверждена');
    expect(ru.text).toContain('каждую неделю, по воскресеньям в 17:00');
    expect(ru.text).toContain('Europe/Berlin');
    expect(ru.text).toContain('Тренер: Olga');
    expect(ru.text).toContain('Даты (3):');
    // 16:00 UTC before the switch and 15:00 UTC after it are both 17:00 in Berlin
    const lines = ru.text.split('\n').filter((l) => l.startsWith('• '));
    expect(lines).toHaveLength(4);
    for (const line of lines.slice(0, 3)) expect(line).toMatch(/, 17:00$/);
    expect(lines.slice(0, 3).map((l) => l.match(/\d+ [а-я]+/)?.[0])).toEqual([
      '22 марта',
      '29 марта',
      '12 апреля',
    ]);
    expect(ru.text).toContain('Пропущенные даты');
    expect(lines[3]).toMatch(/5 апреля 2026/);
    expect(ru.text).toContain('нет даты окончания');

    const en = renderEmail('booking_notification', 'en', { ...series, everyWeeks: 2 });
    expect(en.subject).toBe('New recurring booking');
    expect(en.text).toContain('Anna booked sessions every two weeks, on Sundays at 17:00');
    expect(en.text).toContain('Dates (3):');
    expect(en.text).toMatch(/29 March 2026, 17:00/);
    expect(en.text).toMatch(/Skipped dates[^\n]*\n• [^\n]*5 April 2026/);
  });

  it('tells who ended a series and which sessions still stand', () => {
    const kept = { ...series, dates: series.dates.slice(0, 1), cancelledBy: 'member' };
    const ru = renderEmail('booking_cancellation', 'ru', kept);
    expect(ru.subject).toBe('Регулярная запись отменена');
    expect(ru.text).toContain('отменена спортсменом (Anna)');
    expect(ru.text).toMatch(/Остаются в силе \(1\):\n• [^\n]*22 марта 2026[^\n]*, 17:00/);
    const en = renderEmail('booking_cancellation', 'en', {
      ...series,
      dates: [],
      cancelledBy: 'coach',
    });
    expect(en.subject).toBe('Recurring booking cancelled');
    expect(en.text).toContain('was cancelled by the coach, Olga');
    expect(en.text).not.toContain('Still on');
    expect(en.text).not.toContain('Skipped');
  });

  it('has a subject for every kind in both languages', () => {
    for (const kind of [
      'booking_confirmation',
      'booking_notification',
      'booking_cancellation',
      'purchase_confirmation',
      'session_reminder',
    ] as const) {
      for (const locale of ['ru', 'en'] as const)
        expect(renderEmail(kind, locale, {}).subject.length).toBeGreaterThan(5);
    }
  });
});

describe('email-dispatch handler', () => {
  const claimed = claimedEmails();

  function setup(provider: EmailProvider = new MemoryMailbox()) {
    const marks: Record<string, unknown>[] = [];
    const rpc: Rpc = async (fn, args) => {
      if (fn === 'email_claim_batch') return claimed;
      marks.push(args);
      return null;
    };
    const handler = createEmailDispatchHandler({ rpc, provider, serviceKey: 'service-key' });
    const post = (token: string) =>
      handler(
        new Request('http://local/email-dispatch', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        }),
      );
    return { marks, post };
  }

  it('sends what it claims and records each outcome', async () => {
    const mailbox = new MemoryMailbox();
    const { marks, post } = setup(mailbox);
    const res = await post('service-key');
    expect(await res.json()).toEqual({ claimed: 3, sent: 2, retrying: 0, failed: 1 });
    expect(mailbox.messages.map((m) => [m.to, m.subject])).toEqual([
      ['a@x.test', 'Your booking is confirmed'],
      ['b@x.test', 'Оплата получена'],
    ]);
    expect(marks.map((m) => [m.p_sent, m.p_retryable])).toEqual([
      [true, false],
      [true, false],
      [false, false],
    ]);
  });

  it('retries when the provider is down and gives up on a refused address', async () => {
    let status = 503;
    const provider = httpEmailProvider({
      url: 'https://mail.test/emails',
      apiKey: 'k',
      from: 'Trackside <no-reply@trackside.test>',
      fetch: async () => new Response('{}', { status }),
    });
    const down = setup(provider);
    expect(await (await down.post('service-key')).json()).toMatchObject({
      sent: 0,
      retrying: 2,
      failed: 1,
    });
    status = 422;
    const refused = setup(provider);
    expect(await (await refused.post('service-key')).json()).toMatchObject({
      sent: 0,
      retrying: 0,
      failed: 3,
    });
  });

  it('only the scheduler, holding the service key, may dispatch', async () => {
    const { marks, post } = setup();
    const res = await post('an-anon-key');
    expect(res.status).toBe(401);
    expect(marks).toEqual([]);
  });
});
