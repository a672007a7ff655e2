// The public booking handler with a fake database: the honeypot reaches no
// booking rpc, the limits are asked before anything else, the client's address
// is only the first x-forwarded-for entry, and our SQL's hints become statuses.
import { describe, expect, it } from 'vitest';
import { RpcError } from '../_shared/rpc.ts';
import { clientIp } from '../_shared/client-ip.ts';
import { bookingHttpError, handlePublicBooking } from './handler.ts';

const body = {
  action: 'book',
  slug: 'volkov',
  sessionType: 'da000000-0000-4000-8000-000000000001',
  start: '2030-01-07T13:00:00+00:00',
  name: 'Bot',
  email: 'bot@spam.test',
  timeZone: 'UTC',
  locale: 'en',
  website: 'https://spam.test',
};

function call(rpcAnswer: (fn: string) => unknown, payload: Record<string, unknown> = body) {
  const calls: string[] = [];
  const res = handlePublicBooking(
    new Request('http://local/public-booking', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9, 10.0.0.1' },
      body: JSON.stringify(payload),
    }),
    {
      siteUrl: 'https://site.test/',
      rpc: async (fn, args) => {
        calls.push(`${fn} ${JSON.stringify(args)}`);
        return rpcAnswer(fn);
      },
    },
  );
  return { res, calls };
}

describe('public-booking handler', () => {
  it('answers a filled honeypot like a booking, calling nothing but the limits', async () => {
    const { res, calls } = call(() => 0);
    const r = await res;
    expect(r.status).toBe(201);
    const json = (await r.json()) as { booking_id: string; token: string; manage_url: string };
    expect(json.booking_id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(json.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(json.manage_url.startsWith('https://site.test/booking/')).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toContain('hit_public_limits');
    expect(calls[0]).toContain('public-booking:ip:203.0.113.9');
    expect(calls[0]).toContain('public-booking:email:bot@spam.test');
  });

  it('answers 429 with Retry-After when a limit is spent, before booking', async () => {
    const { res, calls } = call((fn) => (fn === 'hit_public_limits' ? 42 : null), {
      ...body,
      website: '',
    });
    const r = await res;
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('42');
    expect(calls).toHaveLength(1);
  });

  it('attributes the booking to the visitor, and its failure never fails the booking', async () => {
    const booked = {
      booking_id: 'db100000-0000-4000-8000-000000000001',
      token: 't',
      status: 'confirmed',
      starts_at: '2030-01-07T13:00:00+00:00',
      ends_at: '2030-01-07T14:00:00+00:00',
    };
    const { res, calls } = call(
      (fn) => {
        if (fn === 'hit_public_limits') return 0;
        if (fn === 'analytics_attribute') throw new Error('analytics is down');
        return booked;
      },
      { ...body, website: '' },
    );
    const r = await res;
    expect(r.status).toBe(201);
    expect(calls.map((c) => c.split(' ')[0])).toEqual([
      'hit_public_limits',
      'guest_book',
      'analytics_attribute',
    ]);
    expect(calls[2]).toContain(`"p_subject":"${booked.booking_id}"`);
    expect(calls[2]).toContain('"p_ip":"203.0.113.9"');
  });

  it('takes only the first x-forwarded-for entry, and only an address', () => {
    const at = (xff: string) =>
      clientIp(new Request('http://x', { headers: { 'x-forwarded-for': xff } }));
    expect(at('198.51.100.7, 10.0.0.1')).toBe('198.51.100.7');
    expect(at('2001:DB8::1')).toBe('2001:db8::1');
    expect(at('<script>, 1.2.3.4')).toBe('unknown');
    expect(clientIp(new Request('http://x'))).toBe('unknown');
  });

  it('turns our SQL hints into statuses', () => {
    const err = (sqlstate: string, hint: string | null) =>
      bookingHttpError(new RpcError(sqlstate, 'm', hint, false));
    expect(err('P0002', 'link_invalid').status).toBe(404);
    expect(err('23P01', null).code).toBe('slot_taken');
    expect(err('P0001', 'cancellation_window_passed').status).toBe(409);
    expect(err('22023', 'payment_required').status).toBe(402);
    expect(err('XX000', null).status).toBe(500);
    expect(bookingHttpError(new RpcError('', 'down', null, true)).status).toBe(503);
  });
});
