// PostgREST's error body ({code, details, hint, message}) and its mapping of
// SQLSTATEs to HTTP statuses (docs.postgrest.org, references/errors).
import type { ApiResponse } from './http-types.ts';
import { jsonResponse } from './http-types.ts';

export interface PostgrestErrorBody {
  code: string;
  details: string | null;
  hint: string | null;
  message: string;
}

/** An error PostgREST itself raises (PGRSTxxx), thrown and answered as is. */
export class PostgrestFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: PostgrestErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
    this.name = 'PostgrestFailure';
  }
}

export function pgrstError(
  status: number,
  code: string,
  message: string,
  details: string | null = null,
  hint: string | null = null,
  headers: Record<string, string> = {},
): PostgrestFailure {
  return new PostgrestFailure(status, { code, details, hint, message }, headers);
}

// exact codes first, then two-character classes
const exact: Record<string, number> = {
  '23503': 409,
  '23505': 409,
  '25006': 405,
  '53400': 500,
  P0001: 400,
  '42883': 404,
  '42P01': 404,
  '42P17': 500,
};
const byClass: Record<string, number> = {
  '08': 503,
  '09': 500,
  '0L': 403,
  '0P': 403,
  '25': 500,
  '28': 403,
  '2D': 500,
  '38': 500,
  '39': 500,
  '3B': 500,
  '40': 500,
  '53': 503,
  '54': 500,
  '55': 500,
  '57': 500,
  '58': 500,
  F0: 500,
  HV: 500,
  P0: 500,
  XX: 500,
};

/**
 * The HTTP status PostgREST gives a SQLSTATE. `authenticated` is whether the
 * request ran as a role other than anon: 42501 is 403 then, 401 otherwise.
 */
export function pgErrorStatus(code: string, authenticated: boolean): number {
  if (code === '42501') return authenticated ? 403 : 401;
  // RAISE sqlstate 'PT402' → HTTP 402
  const pt = /^PT(\d{3})$/.exec(code);
  if (pt) return Number(pt[1]);
  return exact[code] ?? byClass[code.slice(0, 2)] ?? 400;
}

interface PgErrorLike {
  code?: string;
  message: string;
  detail?: string;
  hint?: string;
}

/** The response for an error Postgres raised while serving the request. */
export function pgErrorResponse(e: PgErrorLike, authenticated: boolean): ApiResponse {
  const code = e.code ?? 'XX000';
  // RAISE sqlstate 'PGRST' using message = '{json body}', detail = '{"status":…,"headers":{…}}'
  if (code === 'PGRST') {
    const custom = customRaise(e);
    if (custom) return custom;
  }
  const status = pgErrorStatus(code, authenticated);
  const body: PostgrestErrorBody = {
    code,
    details: e.detail ?? null,
    hint: e.hint ?? null,
    message: e.message,
  };
  const headers: Record<string, string> = status === 401 ? { 'www-authenticate': 'Bearer' } : {};
  return jsonResponse(status, body, headers);
}

function customRaise(e: PgErrorLike): ApiResponse | null {
  try {
    const body = JSON.parse(e.message) as Partial<PostgrestErrorBody>;
    const meta = JSON.parse(e.detail ?? '{}') as {
      status?: number;
      headers?: Record<string, string>;
    };
    if (typeof body.message !== 'string' || typeof meta.status !== 'number') return null;
    return jsonResponse(
      meta.status,
      {
        code: body.code ?? 'PGRST',
        details: body.details ?? null,
        hint: body.hint ?? null,
        message: body.message,
      },
      Object.fromEntries(
        Object.entries(meta.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
      ),
    );
  } catch {
    return null;
  }
}

export function failureResponse(f: PostgrestFailure): ApiResponse {
  return jsonResponse(f.status, f.body, f.headers);
}
