// What the functions behind the public pages' plain HTML forms share (a guest's
// checkout, an email-gated course): the body is a form (JavaScript off) or JSON,
// an answer to a form is a 303 back to a page, and an address is checked the
// same way everywhere.
import { HttpError, readText } from './http-error.ts';
import { type Rpc, rpcHttpError } from './rpc.ts';

/** an address like name@example.com (the database's checks agree) */
export const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** a form's empty field is a missing one */
export const emptyToUndefined = (v: unknown) =>
  typeof v === 'string' && v.trim() === '' ? undefined : v;

/** the body as a plain object, and whether it came from a form (which wants a redirect back) */
export async function readFormOrJson(req: Request): Promise<{ value: unknown; form: boolean }> {
  const type = req.headers.get('content-type') ?? '';
  const form = /^application\/x-www-form-urlencoded\b/i.test(type);
  if (!form && !/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', 'Send a form or a JSON body');
  }
  const text = await readText(req, 16 * 1024);
  if (form) return { value: Object.fromEntries(new URLSearchParams(text)), form };
  try {
    return { value: JSON.parse(text), form };
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON');
  }
}

/** a form's answer: back to a page, never cached */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

/** an RPC whose refusal becomes the HTTP error it means */
export async function callRpc(
  rpc: Rpc,
  fn: string,
  args: Record<string, unknown>,
): Promise<unknown> {
  try {
    return await rpc(fn, args);
  } catch (e) {
    throw rpcHttpError(e);
  }
}
