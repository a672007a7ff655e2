// CORS: the app's origin may call the API from the browser; other origins get no
// permission.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startGateway } from './gateway-harness.ts';

const APP = 'http://127.0.0.1:4173';
let h: Harness;

beforeAll(async () => {
  h = await startGateway({ corsOrigins: [APP] });
});
afterAll(async () => {
  await h?.close();
});

describe('CORS', () => {
  it('answers a preflight from the app origin with the methods and headers supabase-js sends', async () => {
    const res = await fetch(`${h.url}/rest/v1/gw_items?select=*`, {
      method: 'OPTIONS',
      headers: {
        origin: APP,
        'access-control-request-method': 'PATCH',
        'access-control-request-headers':
          'apikey, authorization, content-type, prefer, x-client-info',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'apikey, authorization, content-type, prefer, x-client-info',
    );
    // a preflight needs no API key
    expect(await res.text()).toBe('');
  });

  it('gives other origins no permission', async () => {
    const res = await fetch(`${h.url}/auth/v1/token?grant_type=password`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('marks actual responses for the app origin, errors included, and exposes Content-Range', async () => {
    const ok = await fetch(`${h.url}/auth/v1/settings`, {
      headers: { origin: APP, apikey: h.anonKey },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe(APP);
    expect(ok.headers.get('access-control-expose-headers')).toContain('content-range');
    const refused = await fetch(`${h.url}/rest/v1/x`, { headers: { origin: APP } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(APP);
  });
});
