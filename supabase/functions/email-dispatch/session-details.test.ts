import { describe, expect, it } from 'vitest';
import type { Rpc } from '../_shared/rpc.ts';
import { createEmailDispatchHandler } from './handler.ts';
import { MemoryMailbox } from '../../local/stand-ins/memory-mailbox.ts';
import { postgrestSessionDetails, withSessionDetails } from './session-details.ts';

const sessionId = '00000000-0000-4000-8000-0000000000a1';
/** what `cancel_session` queues when a coach cancels an occurrence of a series */
const occurrence = {
  sessionId,
  startsAt: '2026-03-29T15:00:00Z',
  endsAt: '2026-03-29T16:00:00Z',
  timeZone: 'Europe/Berlin',
  room: null,
  cancelledBy: 'cancelled_by_coach',
};
const details = {
  organization: 'Лёгкоатлетический клуб «Старт»',
  title: 'Интервалы',
  room: 'Манеж, дорожка 2',
  coachName: 'Ирина',
};

describe('a coach-cancelled occurrence', () => {
  it('names the club, the place and the coach, read from the session', async () => {
    const mailbox = new MemoryMailbox();
    const rpc: Rpc = async (fn) =>
      fn === 'email_claim_batch'
        ? [
            {
              id: '00000000-0000-4000-8000-0000000000e1',
              kind: 'booking_cancellation',
              locale: 'ru',
              to: 'athlete@x.test',
              payload: occurrence,
            },
          ]
        : null;
    const asked: string[] = [];
    const handler = createEmailDispatchHandler({
      rpc,
      provider: mailbox,
      serviceKey: 'k',
      sessionDetails: async (id) => {
        asked.push(id);
        return details;
      },
    });
    const res = await handler(
      new Request('http://local/email-dispatch', {
        method: 'POST',
        headers: { authorization: 'Bearer k' },
      }),
    );
    expect(await res.json()).toMatchObject({ sent: 1 });
    expect(asked).toEqual([sessionId]);
    const text = mailbox.messages[0]?.text ?? '';
    expect(text).toContain('Тренер Ирина отменил(а) тренировку');
    expect(text).toContain('Интервалы, Лёгкоатлетический клуб «Старт», Манеж, дорожка 2');
    expect(text).toContain('на странице «Настройка писем»');
  });

  it('leaves a payload that already names its club, and other kinds, as they are', async () => {
    const read = async () => details;
    const named = { ...occurrence, organization: 'Club A' };
    expect(await withSessionDetails('booking_cancellation', named, read)).toBe(named);
    expect(await withSessionDetails('session_reminder', occurrence, read)).toBe(occurrence);
    expect(await withSessionDetails('booking_cancellation', occurrence, undefined)).toBe(
      occurrence,
    );
  });

  it('reads the session, its club and its coach through PostgREST with the service key', async () => {
    const urls: string[] = [];
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      urls.push(url);
      expect(new Headers(init?.headers).get('authorization')).toBe('Bearer service');
      const body = url.includes('/training_sessions?')
        ? [{ org_id: 'o1', title: 'Интервалы', room: '', coach_id: 'c1' }]
        : url.includes('/organizations?')
          ? [{ name: 'Старт' }]
          : [{ display_name: 'Ирина' }];
      return new Response(JSON.stringify(body), { status: 200 });
    }) as typeof fetch;
    const read = postgrestSessionDetails('http://api.test/', 'service', fetchImpl);
    expect(await read(sessionId)).toEqual({
      organization: 'Старт',
      title: 'Интервалы',
      room: null,
      coachName: 'Ирина',
    });
    expect(urls[0]).toBe(
      `http://api.test/rest/v1/training_sessions?id=eq.${sessionId}&select=org_id,title,room,coach_id`,
    );
    const failing = postgrestSessionDetails(
      'http://api.test',
      's',
      (async () => new Response('no', { status: 500 })) as typeof fetch,
    );
    expect(await failing(sessionId)).toBeNull();
  });
});
