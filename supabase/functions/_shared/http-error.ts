// One way for every Edge Function to answer: JSON bodies, accurate statuses, and
// errors that never carry a stack trace, a key or another organization's data.
//
//   throw new HttpError(403, 'forbidden', 'Only coaches and admins of the organization may sync');
//   ...
//   catch (e) { return errorResponse(e); }
//
// Error body: {"error": {"code": "<machine code>", "message": "<human text>", "issues"?: [...]}}
import type { z } from 'zod';

export interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: { path: string; message: string }[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const jsonHeaders = { 'content-type': 'application/json; charset=utf-8' };

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { ...jsonHeaders, ...headers } });
}

/** the response for anything thrown; unknown errors become a bare 500 */
export function errorResponse(e: unknown): Response {
  if (e instanceof HttpError) {
    const body: ErrorBody = { error: { code: e.code, message: e.message } };
    if (e.issues?.length) body.error.issues = e.issues;
    return jsonResponse(body, e.status, e.headers ?? {});
  }
  return jsonResponse({ error: { code: 'internal', message: 'Internal error' } }, 500);
}

/** 405 unless the method is one of `allowed` */
export function requireMethod(req: Request, ...allowed: string[]): void {
  if (!allowed.includes(req.method)) {
    throw new HttpError(405, 'method_not_allowed', `Use ${allowed.join(' or ')}`, undefined, {
      allow: allowed.join(', '),
    });
  }
}

/** zod issues as {path, message}, without echoing the rejected values */
export function zodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
}

/** parses `value` or throws a 400 listing what is wrong */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_request', 'The request is invalid', zodIssues(parsed.error));
  }
  return parsed.data;
}

/**
 * Reads a JSON body of at most `maxBytes` and validates it: 415 for another
 * content type, 413 when too large, 400 for malformed JSON or a schema mismatch.
 */
export async function readJson<S extends z.ZodType>(
  req: Request,
  schema: S,
  maxBytes = 64 * 1024,
): Promise<z.output<S>> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', 'Send a JSON body (application/json)');
  }
  const text = await readText(req, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON');
  }
  return validate(schema, value);
}

/** the raw body as text, refusing more than `maxBytes` */
export async function readText(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new HttpError(413, 'payload_too_large', `The body may be at most ${maxBytes} bytes`);
  }
  const buf = new Uint8Array(await req.arrayBuffer());
  if (buf.byteLength > maxBytes) {
    throw new HttpError(413, 'payload_too_large', `The body may be at most ${maxBytes} bytes`);
  }
  return new TextDecoder().decode(buf);
}

/** the bearer token of the Authorization header, or a 401 */
export function bearerToken(req: Request): string {
  const header = req.headers.get('authorization') ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m?.[1]) throw new HttpError(401, 'unauthorized', 'Sign in first');
  return m[1];
}
