import { describe, expect, it } from 'vitest';
import { supabaseAuthenticate } from './auth.ts';
import { HttpError, errorResponse } from './http-error.ts';
import { RpcError, postgrestRpc, rpcHttpError } from './rpc.ts';

function respond(status: number, body: unknown): typeof fetch {
  return async () =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
}

async function rpcFailure(fetchImpl: typeof fetch): Promise<RpcError> {
  try {
    await postgrestRpc('http://db.test/', 'service-key', fetchImpl)('fn', {});
  } catch (e) {
    if (e instanceof RpcError) return e;
    throw e;
  }
  throw new Error('expected an RpcError');
}

describe('postgrestRpc', () => {
  it('posts the named arguments with the service key and returns the JSON result', async () => {
    let seen: Request | null = null;
    const rpc = postgrestRpc('http://db.test/', 'service-key', async (input, init) => {
      seen = new Request(input, init);
      return new Response(JSON.stringify({ outcome: 'applied' }), { status: 200 });
    });
    expect(await rpc('stripe_apply_event', { p_event: { id: 'evt_1' } })).toEqual({
      outcome: 'applied',
    });
    const req = seen as unknown as Request;
    expect(req.url).toBe('http://db.test/rest/v1/rpc/stripe_apply_event');
    expect(req.headers.get('authorization')).toBe('Bearer service-key');
    expect(await req.json()).toEqual({ p_event: { id: 'evt_1' } });
    expect(await postgrestRpc('http://db.test', 'k', respond(204, undefined))('f', {})).toBeNull();
  });

  it('classifies PostgREST errors: SQLSTATE and hint kept, transient when retrying can help', async () => {
    const forbidden = await rpcFailure(respond(403, { code: '42501', message: 'no', hint: null }));
    expect([forbidden.sqlstate, forbidden.transient]).toEqual(['42501', false]);
    const conflict = await rpcFailure(
      respond(400, { code: 'P0001', message: 'x', hint: 'moyklass_not_connected' }),
    );
    expect(conflict.hint).toBe('moyklass_not_connected');
    expect((await rpcFailure(respond(503, { code: 'PGRST000', message: 'down' }))).transient).toBe(
      true,
    );
    expect(
      (await rpcFailure(respond(500, { code: '40001', message: 'serialization' }))).transient,
    ).toBe(true);
    expect(
      (
        await rpcFailure(async () => {
          throw new TypeError('fetch failed');
        })
      ).transient,
    ).toBe(true);
  });
});

describe('rpcHttpError', () => {
  it('maps our SQL states to statuses and never passes internals through', () => {
    const map = (e: unknown) => {
      const h = rpcHttpError(e);
      return [h.status, h.code];
    };
    expect(map(new RpcError('42501', 'only coaches', null, false))).toEqual([403, 'forbidden']);
    expect(map(new RpcError('P0002', 'not on sale', 'product_not_found', false))).toEqual([
      404,
      'product_not_found',
    ]);
    expect(map(new RpcError('22023', 'bad code', 'invalid_discount_code', false))).toEqual([
      422,
      'invalid_discount_code',
    ]);
    expect(map(new RpcError('P0001', 'x', 'moyklass_not_connected', false))).toEqual([
      409,
      'moyklass_not_connected',
    ]);
    expect(map(new RpcError('08006', 'connection to 10.0.0.1 lost', null, true))).toEqual([
      503,
      'temporarily_unavailable',
    ]);
    const internal = rpcHttpError(
      new RpcError('XX000', 'relation "secret" does not exist', null, false),
    );
    expect([internal.status, internal.message]).toEqual([500, 'Internal error']);
    expect(map(new Error('boom'))).toEqual([500, 'internal']);
  });

  it('answers unknown errors with a bare 500', async () => {
    const res = errorResponse(new TypeError('cannot read x of undefined at handler.ts:12'));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'internal', message: 'Internal error' } });
    const known = errorResponse(new HttpError(409, 'conflict', 'Already done'));
    expect(known.status).toBe(409);
  });
});

describe('supabaseAuthenticate', () => {
  it('asks Auth for the user behind the token', async () => {
    const auth = supabaseAuthenticate('http://auth.test', 'anon', async (input, init) => {
      const req = new Request(input, init);
      return req.headers.get('authorization') === 'Bearer good'
        ? new Response(JSON.stringify({ id: 'user-1' }), { status: 200 })
        : new Response(JSON.stringify({ msg: 'invalid' }), { status: 401 });
    });
    expect(await auth('good')).toBe('user-1');
    expect(await auth('bad')).toBeNull();
    const offline = supabaseAuthenticate('http://auth.test', 'anon', async () => {
      throw new TypeError('fetch failed');
    });
    expect(await offline('good')).toBeNull();
  });
});
