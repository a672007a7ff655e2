// The partner-apply handler with a fake database: only the site's origins are
// answered, bad input touches nothing, the limits come before anything else (429
// with Retry-After), a filled honeypot looks like success and stores nothing, and a
// link's states become statuses (or the confirm page's messages for a form).
import { describe, expect, it } from 'vitest';
import { RpcError } from '../_shared/rpc.ts';
import { handlePartnerApply } from './handler.ts';

const SITE = 'https://site.test';

const application = {
  action: 'submit',
  company_name: 'Тайминг Плюс',
  contact_name: 'Анна Смирнова',
  contact_email: 'Anna@Timing.example',
  partnership_type: 'technology',
  company_size: '11-50',
  industry: 'Хронометраж',
  target_market: 'Беговые клубы',
  motivation: 'Хотим подключать наши датчики к тренировкам клубов',
  locale: 'ru',
  fax: '',
};

interface CallOptions {
  payload?: Record<string, unknown>;
  origin?: string | null;
  form?: boolean;
  method?: string;
  answer?: (fn: string) => unknown;
}

async function call(o: CallOptions = {}) {
  const calls: { fn: string; args: Record<string, unknown> }[] = [];
  const headers: Record<string, string> = {
    'x-forwarded-for': '203.0.113.9, 10.0.0.1',
    'content-type': o.form ? 'application/x-www-form-urlencoded' : 'application/json',
  };
  if (o.origin !== null) headers['origin'] = o.origin ?? SITE;
  const payload = o.payload ?? application;
  const body =
    o.method === 'OPTIONS'
      ? null
      : o.form
        ? new URLSearchParams(payload as Record<string, string>).toString()
        : JSON.stringify(payload);
  const res = await handlePartnerApply(
    new Request('http://local/functions/v1/partner-apply', {
      method: o.method ?? 'POST',
      headers,
      body,
    }),
    {
      siteUrl: `${SITE}/`,
      origins: [SITE],
      rpc: async (fn, args) => {
        calls.push({ fn, args });
        return (o.answer ?? ((f: string) => (f === 'hit_public_limits' ? 0 : {})))(fn);
      },
    },
  );
  return { res, calls };
}

describe('partner-apply handler', () => {
  it('refuses another site, its preflight too, with no CORS permission and no call', async () => {
    for (const origin of ['https://evil.test', null]) {
      const { res, calls } = await call({ origin });
      expect(res.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(calls).toEqual([]);
    }
    const pre = await call({ origin: 'https://evil.test', method: 'OPTIONS' });
    expect(pre.res.status).toBe(403);
    expect(pre.res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the site own preflight and marks its answers for it alone', async () => {
    const pre = await call({ method: 'OPTIONS' });
    expect(pre.res.status).toBe(204);
    expect(pre.res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(pre.res.headers.get('vary')).toBe('origin');
    const { res } = await call();
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
  });

  it('stores a draft after the limits, per IP, per address and in total', async () => {
    const { res, calls } = await call();
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'check_email' });
    expect(calls.map((c) => c.fn)).toEqual(['hit_public_limits', 'submit_partner_application']);
    const keys = JSON.stringify(calls[0]?.args);
    expect(keys).toContain('partner-apply:ip:203.0.113.9');
    expect(keys).toContain('partner-apply:email:anna@timing.example');
    expect(keys).toContain('partner-apply:global');
    const fields = calls[1]?.args['p_fields'] as Record<string, unknown>;
    expect(fields['company_name']).toBe('Тайминг Плюс');
    expect(fields['website']).toBeNull();
    expect(fields).not.toHaveProperty('fax');
  });

  it('answers a filled honeypot as a success and stores nothing', async () => {
    const { res, calls } = await call({ payload: { ...application, fax: '+1 555 0100' } });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'check_email' });
    expect(calls.map((c) => c.fn)).toEqual(['hit_public_limits']);
    const form = await call({ payload: { ...application, fax: 'x' }, form: true });
    expect(form.res.status).toBe(303);
    expect(form.res.headers.get('location')).toBe(`${SITE}/partners/apply?lang=ru&sent=1`);
    expect(form.calls.map((c) => c.fn)).toEqual(['hit_public_limits']);
  });

  it('answers 429 with Retry-After when a limit is spent, before storing', async () => {
    const { res, calls } = await call({ answer: (fn) => (fn === 'hit_public_limits' ? 90 : {}) });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('90');
    expect(calls.map((c) => c.fn)).toEqual(['hit_public_limits']);
    const form = await call({
      form: true,
      payload: { ...application, locale: 'en' },
      answer: (fn) => (fn === 'hit_public_limits' ? 90 : {}),
    });
    expect(form.res.status).toBe(429);
    expect(await form.res.text()).toBe('Too many attempts. Please try again in 2 min.');
  });

  it('refuses bad input field by field and touches nothing', async () => {
    const bad = {
      ...application,
      contact_email: 'anna@',
      motivation: 'short',
      website: 'ftp://example.com',
    };
    const { res, calls } = await call({ payload: bad });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(json.error.fields).toEqual({
      contact_email: 'short',
      motivation: 'short',
      website: 'shape',
    });
    expect(calls).toEqual([]);
    const form = await call({ payload: bad, form: true });
    expect(form.res.status).toBe(303);
    const to = new URL(form.res.headers.get('location') ?? '');
    expect(to.pathname).toBe('/partners/apply');
    expect(to.searchParams.get('error')).toBe('invalid');
    expect(to.searchParams.get('fields')).toBe(
      'contact_email:short,website:shape,motivation:short',
    );
    expect(form.calls).toEqual([]);
  });

  it('refuses what is not a form or JSON', async () => {
    const res = await handlePartnerApply(
      new Request('http://local/partner-apply', {
        method: 'POST',
        headers: { origin: SITE, 'content-type': 'text/plain' },
        body: 'x',
      }),
      { siteUrl: SITE, origins: [SITE], rpc: () => Promise.resolve(0) },
    );
    expect(res.status).toBe(415);
  });

  it('confirms once, and says so for a used, an unknown or an expired link', async () => {
    const token = 'a'.repeat(43);
    const ok = await call({
      payload: { action: 'confirm', token, locale: 'en' },
      answer: (fn) =>
        fn === 'hit_public_limits' ? 0 : { applicationId: 'x', status: 'already_confirmed' },
    });
    expect(ok.res.status).toBe(200);
    expect(await ok.res.json()).toEqual({ applicationId: 'x', status: 'already_confirmed' });
    expect(ok.calls[1]).toEqual({ fn: 'confirm_partner_application', args: { p_token: token } });

    const refusing = (hint: string) => (fn: string) => {
      if (fn === 'hit_public_limits') return 0;
      throw new RpcError('P0001', 'no', hint, false);
    };
    const expired = await call({
      payload: { action: 'confirm', token, locale: 'en' },
      answer: refusing('link_expired'),
    });
    expect(expired.res.status).toBe(410);
    const unknown = await call({
      payload: { action: 'confirm', token, locale: 'ru' },
      form: true,
      answer: refusing('link_invalid'),
    });
    expect(unknown.res.status).toBe(303);
    expect(unknown.res.headers.get('location')).toBe(
      `${SITE}/partners/confirm?lang=ru&done=link_invalid`,
    );
    const malformed = await call({ payload: { action: 'confirm', token: 'short' } });
    expect(malformed.res.status).toBe(400);
    expect(malformed.calls).toEqual([]);
  });
});
