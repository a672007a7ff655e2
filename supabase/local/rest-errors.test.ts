import { describe, expect, it } from 'vitest';
import { pgErrorResponse, pgErrorStatus } from './rest-errors.ts';

describe('pgErrorStatus', () => {
  it.each([
    ['42501', false, 401],
    ['42501', true, 403],
    ['23505', true, 409],
    ['23503', false, 409],
    ['23514', true, 400],
    ['23502', true, 400],
    ['P0001', true, 400],
    ['P0002', true, 500],
    ['42883', true, 404],
    ['42P01', true, 404],
    ['25006', true, 405],
    ['08006', true, 503],
    ['40001', true, 500],
    ['PT402', true, 402],
    ['22P02', true, 400],
  ])('%s (authenticated %s) → %i', (code, authed, status) => {
    expect(pgErrorStatus(code, authed)).toBe(status);
  });
});

describe('pgErrorResponse', () => {
  it("uses PostgREST's body shape with nulls for missing parts", () => {
    const res = pgErrorResponse(
      { code: '23505', message: 'duplicate key', detail: 'Key (id)=(1)' },
      true,
    );
    expect(res.status).toBe(409);
    expect(JSON.parse(String(res.body))).toEqual({
      code: '23505',
      details: 'Key (id)=(1)',
      hint: null,
      message: 'duplicate key',
    });
  });

  it('asks for a bearer token on 401', () => {
    const res = pgErrorResponse({ code: '42501', message: 'permission denied for table t' }, false);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it("honours RAISE sqlstate 'PGRST' with a JSON status and headers", () => {
    const res = pgErrorResponse(
      {
        code: 'PGRST',
        message: '{"code":"123","message":"Payment Required","details":"Quota exceeded"}',
        detail: '{"status":402,"headers":{"X-Powered-By":"Nerd Rage"}}',
      },
      true,
    );
    expect(res.status).toBe(402);
    expect(res.headers['x-powered-by']).toBe('Nerd Rage');
    expect(JSON.parse(String(res.body))).toMatchObject({
      code: '123',
      message: 'Payment Required',
    });
  });
});
