import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Rpc } from '../_shared/rpc.ts';
import { MemoryMailbox } from '../../local/stand-ins/memory-mailbox.ts';
import { bookingIcs, bookingUid } from './booking-ics.ts';
import { emailLink } from './email-links.ts';
import { createEmailDispatchHandler } from './handler.ts';
import { escapeHtml, htmlFromText } from './html-email.ts';
import { base64Utf8, httpEmailProvider } from './providers.ts';
import { renderEmail } from './templates.ts';

const BOOKING = '17500000-0000-4000-e200-000000000001';
const SESSION = '17500000-0000-4000-e100-000000000001';
const OUTBOX = '17500000-0000-4000-8000-0000000000f1';
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';
const SITE = 'https://trackside.example';
const now = new Date('2026-12-06T10:00:00Z');

/** what private.booking_email_payload and enqueue_guest_email queue for a guest */
const guest = {
  bookingId: BOOKING,
  sessionId: SESSION,
  startsAt: '2026-12-07T15:00:00+00:00',
  endsAt: '2026-12-07T16:00:00+00:00',
  timeZone: 'America/New_York',
  title: null,
  room: null,
  organization: 'Shop Club',
  coachName: 'Olga',
  memberName: 'Gina Guest',
  guest: true,
  place: 'Stadium North',
  sessionType: 'Trial session',
  icsSequence: 0,
  audience: 'guest',
};
const coach = { ...guest, timeZone: 'Europe/Moscow', audience: 'coach' };

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no event');
  return { calendar, event };
}

describe('guest and coach booking emails', () => {
  it('a guest reads the manage link, in their language and zone, without the app’s footer', () => {
    const link = `${SITE}/booking/${BOOKING}?t=${TOKEN}`;
    const en = renderEmail('booking_confirmation', 'en', guest, { link, calendar: true });
    expect(en.subject).toBe('Your booking is confirmed');
    // 15:00 UTC is 10:00 in New York in December
    expect(en.text).toContain('10:00');
    expect(en.text).toContain('Stadium North');
    expect(en.text).toContain(`Reschedule or cancel your booking: ${link}`);
    expect(en.text).toContain('The attached file adds the event to your calendar.');
    expect(en.text).toContain('because you booked or paid for a session');
    expect(en.text).not.toContain('Email settings');
    const ru = renderEmail('booking_confirmation', 'ru', guest, { link, calendar: true });
    expect(ru.text).toContain(`Перенести или отменить запись: ${link}`);
    expect(ru.text).toContain('потому что записались на тренировку');
    expect(ru.html).toContain(`<a href="${escapeHtml(link)}">`);
    expect(ru.html).toContain('<html lang="ru">');
  });

  it('the coach is told the guest’s name and gets the calendar link', () => {
    const link = `${SITE}/calendar/session/${SESSION}`;
    const ru = renderEmail('booking_notification', 'ru', coach, { link });
    expect(ru.subject).toBe('Новая запись на тренировку');
    expect(ru.text).toContain('Gina Guest записался(-ась)');
    expect(ru.text).toContain(`Открыть в календаре: ${link}`);
    expect(ru.text).toContain('«Настройка писем»');
    const en = renderEmail('booking_notification', 'en', coach, { link });
    expect(en.text).toContain(`Open in your calendar: ${link}`);
  });

  it('a cancellation says who cancelled', () => {
    const byGuest = { ...coach, cancelledBy: 'cancelled_by_member' };
    expect(renderEmail('booking_cancellation', 'ru', byGuest).text).toContain(
      'Gina Guest отменил(а) запись на тренировку',
    );
    expect(renderEmail('booking_cancellation', 'en', byGuest).text).toContain(
      'Gina Guest cancelled their booking',
    );
    const byCoach = { ...guest, cancelledBy: 'cancelled_by_coach' };
    expect(renderEmail('booking_cancellation', 'en', byCoach).text).toContain(
      'Your coach Olga cancelled the session',
    );
  });

  it('a guest’s moved booking shows the old time and the new', () => {
    const moved = {
      ...guest,
      rescheduled: true,
      previousStartsAt: '2026-12-07T14:00:00+00:00',
      icsSequence: 1,
    };
    const en = renderEmail('booking_confirmation', 'en', moved, { link: 'https://x.test/b' });
    expect(en.subject).toBe('Booking moved');
    expect(en.text).toMatch(/Was: .*09:00.*\nNow: .*10:00/);
    expect(en.text).toContain('https://x.test/b');
  });

  it('HTML is escaped text with linked addresses', () => {
    const html = htmlFromText('A <b>', 'Hi <script>&\n\nsee https://a.test/x?t=1&y=2.', 'en');
    expect(html).toContain('Hi &lt;script&gt;&amp;');
    expect(html).toContain(
      '<a href="https://a.test/x?t=1&amp;y=2">https://a.test/x?t=1&amp;y=2</a>.',
    );
    expect(html).toContain('<title>A &lt;b&gt;</title>');
  });
});

describe('the booking’s calendar event', () => {
  it('is one event per booking, version by version, in UTC at the coach’s place', () => {
    const first = bookingIcs('booking_confirmation', 'en', guest, { now });
    const moved = bookingIcs(
      'booking_confirmation',
      'en',
      {
        ...guest,
        startsAt: '2026-12-08T15:00:00Z',
        endsAt: '2026-12-08T16:00:00Z',
        icsSequence: 1,
      },
      { now },
    );
    const cancelled = bookingIcs(
      'booking_cancellation',
      'en',
      { ...guest, icsSequence: 2 },
      { now },
    );
    if (!first || !moved || !cancelled) throw new Error('no calendar file');
    const a = parse(first.content);
    const b = parse(moved.content);
    const c = parse(cancelled.content);
    expect(a.event.getFirstPropertyValue('uid')).toBe(`booking-${BOOKING}@trackside`);
    expect(bookingUid(BOOKING)).toBe(`booking-${BOOKING}@trackside`);
    for (const x of [b, c]) {
      expect(x.event.getFirstPropertyValue('uid')).toBe(a.event.getFirstPropertyValue('uid'));
    }
    expect([a, b, c].map((x) => x.event.getFirstPropertyValue('sequence'))).toEqual([0, 1, 2]);
    expect([a, b, c].map((x) => x.calendar.getFirstPropertyValue('method'))).toEqual([
      'REQUEST',
      'REQUEST',
      'CANCEL',
    ]);
    expect(c.event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(a.event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(first.content).toContain('DTSTART:20261207T150000Z');
    expect(first.content).toContain('DTEND:20261207T160000Z');
    expect(a.event.getFirstPropertyValue('location')).toBe('Stadium North');
    expect(a.event.getFirstPropertyValue('summary')).toBe('Session “Trial session” with Olga');
    expect(first.contentType).toContain('method=REQUEST');
    expect(cancelled.contentType).toContain('method=CANCEL');
  });

  it('names nobody but the coach for the customer and the customer for the coach', () => {
    const seatA = { ...guest, memberName: 'Alice Seat' };
    const mine = bookingIcs('booking_confirmation', 'ru', seatA, { now });
    const coaches = bookingIcs(
      'booking_notification',
      'ru',
      { ...seatA, audience: 'coach' },
      { now },
    );
    expect(mine?.content).not.toContain('Alice');
    expect(mine?.content).not.toContain('@guest');
    expect(mine?.content).not.toMatch(/ATTENDEE|ORGANIZER/);
    expect(coaches?.content).toContain('Alice Seat');
  });

  it('is absent from purchase and series emails and from unreadable times', () => {
    expect(bookingIcs('purchase_confirmation', 'en', guest, { now })).toBeNull();
    expect(
      bookingIcs('booking_confirmation', 'en', { ...guest, series: true }, { now }),
    ).toBeNull();
    expect(
      bookingIcs('booking_confirmation', 'en', { ...guest, endsAt: 'later' }, { now }),
    ).toBeNull();
  });
});

describe('links', () => {
  const ctx = (minted: unknown = TOKEN) => ({
    siteUrl: `${SITE}/`,
    mintGuestToken: () => Promise.resolve(minted),
  });

  it('a guest’s manage link, a member’s bookings, the coach’s session', async () => {
    expect(await emailLink('booking_confirmation', guest, BOOKING, ctx())).toBe(
      `${SITE}/booking/${BOOKING}?t=${TOKEN}`,
    );
    expect(
      await emailLink('session_reminder', { ...guest, audience: 'member' }, BOOKING, ctx()),
    ).toBe(`${SITE}/bookings`);
    expect(await emailLink('booking_notification', { sessionId: SESSION }, null, ctx())).toBe(
      `${SITE}/calendar/session/${SESSION}`,
    );
    expect(await emailLink('purchase_confirmation', guest, null, ctx())).toBeNull();
    expect(
      await emailLink('booking_confirmation', guest, BOOKING, { ...ctx(), siteUrl: null }),
    ).toBeNull();
  });

  it('refuses to write a link from anything but a token', async () => {
    await expect(emailLink('booking_confirmation', guest, BOOKING, ctx('a b'))).rejects.toThrow();
    await expect(emailLink('booking_confirmation', guest, BOOKING, ctx(null))).rejects.toThrow();
  });
});

describe('dispatching a guest’s email', () => {
  function setup(mint: () => unknown) {
    const calls: { fn: string; args: unknown }[] = [];
    const rpc: Rpc = async (fn, args) => {
      calls.push({ fn, args });
      if (fn === 'email_claim_batch') {
        return [
          {
            id: OUTBOX,
            kind: 'booking_confirmation',
            locale: 'en',
            to: 'gina@guest.test',
            payload: guest,
            guest: true,
            bookingId: BOOKING,
          },
        ];
      }
      if (fn === 'email_booking_link') return mint();
      return null;
    };
    const mailbox = new MemoryMailbox();
    const handler = createEmailDispatchHandler({
      rpc,
      provider: mailbox,
      serviceKey: 'service-key',
      siteUrl: SITE,
      now: () => now,
    });
    const post = async () =>
      (await handler(
        new Request('http://local/email-dispatch', {
          method: 'POST',
          headers: { authorization: 'Bearer service-key' },
        }),
      ).then((r) => r.json())) as Record<string, number>;
    return { calls, mailbox, post };
  }

  it('mints the link for that outbox row when sending, and attaches the event', async () => {
    const { calls, mailbox, post } = setup(() => TOKEN);
    expect(await post()).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0 });
    expect(calls.find((c) => c.fn === 'email_booking_link')?.args).toEqual({
      p_outbox_id: OUTBOX,
    });
    const [message] = mailbox.messages;
    expect(message?.to).toBe('gina@guest.test');
    expect(message?.text).toContain(`${SITE}/booking/${BOOKING}?t=${TOKEN}`);
    expect(message?.html).toContain(`${SITE}/booking/${BOOKING}?t=${TOKEN}`);
    const ics = message?.attachments?.[0];
    expect(ics?.filename).toBe('invite.ics');
    expect(ics?.content).toContain(`UID:booking-${BOOKING}@trackside`);
    // the token is a credential: never in the calendar file
    expect(ics?.content).not.toContain(TOKEN);
  });

  it('retries later when no link can be minted, rather than mail without one', async () => {
    const { calls, mailbox, post } = setup(() => {
      throw new Error('down');
    });
    expect(await post()).toEqual({ claimed: 1, sent: 0, retrying: 1, failed: 0 });
    expect(mailbox.messages).toEqual([]);
    expect(calls.at(-1)).toMatchObject({ fn: 'email_mark', args: { p_sent: false } });
  });

  it('the email API receives the HTML and the calendar file, base64-encoded', async () => {
    const bodies: unknown[] = [];
    const provider = httpEmailProvider({
      url: 'https://mail.test/send',
      apiKey: 'k',
      from: 'Trackside <no-reply@trackside.test>',
      fetch: (_url, init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return Promise.resolve(new Response('{}', { status: 200 }));
      },
    });
    const ics = 'BEGIN:VCALENDAR\r\nSUMMARY:Тренировка\r\nEND:VCALENDAR\r\n';
    await provider.send({
      to: 'gina@guest.test',
      subject: 's',
      text: 't',
      html: '<p>t</p>',
      attachments: [{ filename: 'invite.ics', contentType: 'text/calendar', content: ics }],
    });
    expect(bodies[0]).toMatchObject({
      html: '<p>t</p>',
      attachments: [
        { filename: 'invite.ics', content: base64Utf8(ics), content_type: 'text/calendar' },
      ],
    });
    expect(
      new TextDecoder().decode(Uint8Array.from(atob(base64Utf8(ics)), (c) => c.charCodeAt(0))),
    ).toBe(ics);
  });
});
