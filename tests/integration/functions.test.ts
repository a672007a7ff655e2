// /functions/v1/<name>: dispatch to registered handlers, verify_jwt per function,
// the Request a handler sees, its environment, and crash handling.
import { FunctionsHttpError } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EdgeHandler } from '../../supabase/functions/_shared/edge-handler.ts';
import { signHs256 } from '../../supabase/local/keys.ts';
import { type Harness, startGateway } from './gateway-harness.ts';

let h: Harness;

const echo: EdgeHandler = async (req, ctx) => {
  const url = new URL(req.url);
  const body = req.method === 'GET' ? null : await req.text();
  return Response.json({
    method: req.method,
    path: url.pathname,
    search: url.search,
    body,
    authorization: req.headers.get('authorization') !== null,
    supabaseUrl: ctx.env('SUPABASE_URL'),
    serviceKeyKnown: ctx.env('SUPABASE_SERVICE_ROLE_KEY') === h.serviceKey,
  });
};

beforeAll(async () => {
  h = await startGateway({
    functions: {
      echo,
      open: async () =>
        new Response('open', { status: 200, headers: { 'content-type': 'text/plain' } }),
      boom: async () => {
        throw new Error('handler bug');
      },
      cors: async (req) =>
        req.method === 'OPTIONS'
          ? new Response(null, { status: 204, headers: { 'access-control-allow-origin': '*' } })
          : new Response('ok'),
    },
    functionsVerifyJwt: { open: false, cors: false },
  });
});
afterAll(async () => {
  await h?.close();
});

describe('functions', () => {
  it('invokes a handler through supabase-js with the JSON body and its environment', async () => {
    const { data, error } = await h.client().functions.invoke('echo', { body: { x: 1 } });
    expect(error).toBeNull();
    expect(data).toEqual({
      method: 'POST',
      path: '/echo',
      search: '',
      body: '{"x":1}',
      authorization: true,
      supabaseUrl: h.url,
      serviceKeyKnown: true,
    });
  });

  it('passes sub-paths and the query string', async () => {
    const res = await fetch(`${h.url}/functions/v1/echo/a/b?q=1`, {
      headers: { authorization: `Bearer ${h.anonKey}` },
    });
    expect(await res.json()).toMatchObject({ method: 'GET', path: '/echo/a/b', search: '?q=1' });
  });

  it('verify_jwt: refuses a missing or forged token with 401', async () => {
    const missing = await fetch(`${h.url}/functions/v1/echo`, { method: 'POST' });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ msg: 'Error: Missing authorization header' });
    const forged = signHs256({ role: 'service_role' }, 'not-the-secret-not-the-secret-not-the');
    const { error } = await h
      .client(h.anonKey, { Authorization: `Bearer ${forged}` })
      .functions.invoke('echo');
    expect(error).toBeInstanceOf(FunctionsHttpError);
    expect((error as FunctionsHttpError).context.status).toBe(401);
  });

  it('verify_jwt = false lets unauthenticated calls through', async () => {
    const res = await fetch(`${h.url}/functions/v1/open`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('open');
  });

  it('answers an unknown function with 404 and a crashing one with 500', async () => {
    const unknown = await fetch(`${h.url}/functions/v1/nope`, {
      headers: { authorization: `Bearer ${h.anonKey}` },
    });
    expect(unknown.status).toBe(404);
    const boom = await fetch(`${h.url}/functions/v1/boom`, {
      headers: { authorization: `Bearer ${h.anonKey}` },
    });
    expect(boom.status).toBe(500);
    expect(await boom.json()).toMatchObject({ code: 'WORKER_ERROR' });
  });

  it('leaves preflight requests to the function (deployed functions answer CORS themselves)', async () => {
    const res = await fetch(`${h.url}/functions/v1/cors`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:4173', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
