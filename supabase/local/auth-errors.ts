// GoTrue's error responses. Clients announcing API version 2024-01-01 (every
// supabase-js v2 does) get {code, message} and the version header back; older
// ones get {code: <status>, error_code, msg}. supabase-js turns either into an
// AuthApiError carrying the machine code.
import type { ApiRequest, ApiResponse } from './http-types.ts';
import { jsonResponse } from './http-types.ts';

export const API_VERSION_HEADER = 'x-supabase-api-version';
const API_VERSION = '2024-01-01';

export class AuthFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AuthFailure';
  }
}

function speaksVersion(req: ApiRequest): boolean {
  const v = req.headers[API_VERSION_HEADER];
  return v !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(v) && v >= API_VERSION;
}

export function authErrorResponse(req: ApiRequest, f: AuthFailure): ApiResponse {
  if (speaksVersion(req)) {
    return jsonResponse(
      f.status,
      { code: f.code, message: f.message, ...f.extra },
      { [API_VERSION_HEADER]: API_VERSION },
    );
  }
  return jsonResponse(
    f.status,
    { code: f.status, error_code: f.code, msg: f.message, ...f.extra },
    { 'x-sb-error-code': f.code },
  );
}

/** successful responses echo the version too */
export function versionHeaders(req: ApiRequest): Record<string, string> {
  return speaksVersion(req) ? { [API_VERSION_HEADER]: API_VERSION } : {};
}
