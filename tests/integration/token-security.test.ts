// The gateway never runs a request as a role its token does not carry: unsigned,
// wrongly signed, forged service_role and expired tokens are refused with 401,
// and a validly signed token naming any other role is refused too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signHs256 } from '../../supabase/local/keys.ts';
import { gatewayFixtureSql } from './gateway-fixtures.ts';
import { type Harness, rawFetch, startGateway } from './gateway-harness.ts';

const SECRET = 'test-secret-for-the-token-security-suite-000';
let h: Harness;

beforeAll(async () => {
  h = await startGateway({ jwtSecret: SECRET });
  await h.db.exec(gatewayFixtureSql);
  await h.db.exec(
    `insert into public.gw_private (id, owner, note) values (1, gen_random_uuid(), 'secret')`,
  );
});
afterAll(async () => {
  await h?.close();
});

const now = () => Math.floor(Date.now() / 1000);
const unsigned = (claims: Record<string, unknown>) =>
  `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

/** a client with the real anon key as apikey and `token` as the bearer */
const bearer = (token: string) => h.client(h.anonKey, { Authorization: `Bearer ${token}` });

describe('forged and expired tokens', () => {
  const serviceClaims = { role: 'service_role', iss: 'supabase-demo', exp: now() + 3600 };

  it.each([
    ['unsigned (alg none) service_role', () => unsigned(serviceClaims), 'PGRST301'],
    [
      'service_role signed with a wrong secret',
      () => signHs256(serviceClaims, 'wrong-secret-wrong-secret-wrong-secret'),
      'PGRST301',
    ],
    [
      'a user token signed with a wrong secret',
      () =>
        signHs256(
          { sub: '00000000-0000-4000-8000-000000000000', role: 'authenticated', exp: now() + 3600 },
          'nope-nope-nope-nope-nope-nope-nope',
        ),
      'PGRST301',
    ],
    [
      'an expired token with a valid signature',
      () => signHs256({ role: 'authenticated', exp: now() - 3600 }, SECRET),
      'PGRST303',
    ],
    ['garbage', () => 'not-a-jwt', 'PGRST301'],
  ])('refuses %s with 401', async (_name, token, code) => {
    const { error, status, data } = await bearer(token()).from('gw_private').select('*');
    expect(status).toBe(401);
    expect(data).toBeNull();
    expect(error?.code).toBe(code);
    const rpc = await bearer(token()).rpc('gw_whoami');
    expect(rpc.status).toBe(401);
  });

  it('reports expiry as PostgREST does, with WWW-Authenticate', async () => {
    const token = signHs256({ role: 'anon', exp: now() - 100 }, SECRET);
    const res = await rawFetch(h, '/rest/v1/gw_items', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('invalid_token');
    expect(await res.json()).toEqual({
      code: 'PGRST303',
      details: null,
      hint: null,
      message: 'JWT expired',
    });
  });

  it('refuses forged keys in the apikey header before anything runs', async () => {
    const forged = signHs256(serviceClaims, 'wrong-secret-wrong-secret-wrong-secret');
    const { status } = await h.client(forged).from('gw_private').select('*');
    expect(status).toBe(401);
  });

  it('refuses a correctly signed token that names a non-API role', async () => {
    const postgres = signHs256({ role: 'postgres', exp: now() + 3600 }, SECRET);
    const { status, error } = await bearer(postgres).from('gw_private').select('*');
    expect(status).toBe(403);
    expect(error?.code).toBe('42501');
  });

  it('honours the real service key (RLS bypassed) and nothing less', async () => {
    const service = await h.client(h.serviceKey).from('gw_private').select('note');
    expect(service.data).toEqual([{ note: 'secret' }]);
    const anon = await h.client().from('gw_private').select('note');
    expect(anon.status).toBe(401);
  });

  it('treats a validly signed token without a role as anon', async () => {
    const noRole = signHs256(
      { sub: '00000000-0000-4000-8000-000000000001', exp: now() + 3600 },
      SECRET,
    );
    const { data } = await bearer(noRole).rpc('gw_whoami');
    expect(data).toMatchObject({ role: 'anon' });
  });

  it('auth refuses forged tokens too (403 bad_jwt, as GoTrue)', async () => {
    const forged = signHs256(
      { sub: '00000000-0000-4000-8000-000000000000', role: 'authenticated', exp: now() + 60 },
      'x'.repeat(40),
    );
    const { data, error } = await h.client().auth.getUser(forged);
    expect(data.user).toBeNull();
    expect(error).toMatchObject({ status: 403, code: 'bad_jwt' });
  });
});
