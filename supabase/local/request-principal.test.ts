import { describe, expect, it } from 'vitest';
import { signHs256 } from './keys.ts';
import { resolvePrincipal, requestToken } from './request-principal.ts';
import type { ApiRequest } from './http-types.ts';

const SECRET = 'unit-test-secret-unit-test-secret-0000';
const NOW = Date.parse('2026-11-22T12:00:00Z');
const s = Math.floor(NOW / 1000);

const req = (headers: Record<string, string>, query = ''): ApiRequest => ({
  method: 'GET',
  url: new URL(`http://x/rest/v1/t${query}`),
  headers,
  body: Buffer.alloc(0),
});

describe('requestToken', () => {
  it('prefers the bearer token and falls back to the apikey', () => {
    expect(requestToken(req({ authorization: 'Bearer abc', apikey: 'key' }))).toBe('abc');
    expect(requestToken(req({ apikey: 'key' }))).toBe('key');
    expect(requestToken(req({}, '?apikey=q'))).toBe('q');
    expect(requestToken(req({}))).toBeNull();
  });
});

describe('resolvePrincipal', () => {
  it('takes the role from a verified token', async () => {
    const r = await resolvePrincipal(
      signHs256({ role: 'service_role', exp: s + 60 }, SECRET),
      SECRET,
      NOW,
    );
    expect(r).toMatchObject({ ok: true, principal: { role: 'service_role' } });
    const anon = await resolvePrincipal(signHs256({ exp: s + 60 }, SECRET), SECRET, NOW);
    expect(anon).toMatchObject({ ok: true, principal: { role: 'anon' } });
  });

  it('refuses alg none, other algorithms and a wrong secret as signature failures', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ role: 'service_role' })}.`;
    expect(await resolvePrincipal(none, SECRET, NOW)).toMatchObject({
      ok: false,
      failure: 'signature',
    });
    const hs512 = `${b64({ alg: 'HS512', typ: 'JWT' })}.${b64({ role: 'service_role' })}.c2ln`;
    expect(await resolvePrincipal(hs512, SECRET, NOW)).toMatchObject({ ok: false });
    const wrong = signHs256({ role: 'service_role' }, 'another-secret-another-secret-another');
    expect(await resolvePrincipal(wrong, SECRET, NOW)).toMatchObject({
      ok: false,
      failure: 'signature',
    });
  });

  it('allows 30 s of clock skew on expiry and no more', async () => {
    expect(await resolvePrincipal(signHs256({ exp: s - 20 }, SECRET), SECRET, NOW)).toMatchObject({
      ok: true,
    });
    expect(await resolvePrincipal(signHs256({ exp: s - 40 }, SECRET), SECRET, NOW)).toMatchObject({
      ok: false,
      failure: 'expired',
      detail: 'JWT expired',
    });
  });

  it('refuses roles other than the three API roles, and malformed tokens', async () => {
    expect(
      await resolvePrincipal(signHs256({ role: 'postgres' }, SECRET), SECRET, NOW),
    ).toMatchObject({
      ok: false,
      failure: 'role',
    });
    expect(await resolvePrincipal('a.b', SECRET, NOW)).toMatchObject({
      ok: false,
      failure: 'malformed',
    });
    expect(await resolvePrincipal(null, SECRET, NOW)).toMatchObject({
      ok: false,
      failure: 'missing',
    });
  });
});
