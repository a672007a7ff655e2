// GET …/email-dispatch/local/mailbox: what the local stack's email-dispatch would
// have sent, newest first. With a user's token only the messages to that user's
// address, with the service role key all of them (an operator); anything else 401.
import {
  HttpError,
  bearerToken,
  errorResponse,
  jsonResponse,
  requireMethod,
} from '../../functions/_shared/http-error.ts';
import { sameSecret } from '../../functions/_shared/same-secret.ts';
import type { MailboxEntry, MemoryMailbox } from './memory-mailbox.ts';

export interface MailboxReaders {
  mailbox: MemoryMailbox;
  /** the service role key: its holder reads every message */
  serviceKey: string;
  /** the email address of the user behind an access token, or null */
  userEmail?: (accessToken: string) => Promise<string | null>;
}

/** whether a request is for the mailbox rather than for email-dispatch itself */
export function isMailboxPath(req: Request): boolean {
  return new URL(req.url).pathname.replace(/\/+$/, '').endsWith('/local/mailbox');
}

export async function serveMailbox(req: Request, readers: MailboxReaders): Promise<Response> {
  try {
    requireMethod(req, 'GET');
    return jsonResponse({ messages: await readMailbox(req, readers) });
  } catch (e) {
    return errorResponse(e);
  }
}

/** newest first; a person sees only what was sent to them, never anyone else's mail */
async function readMailbox(req: Request, readers: MailboxReaders): Promise<MailboxEntry[]> {
  const token = bearerToken(req);
  const all = [...readers.mailbox.messages].reverse();
  if (token && (await sameSecret(token, readers.serviceKey))) return all;
  const email = token && readers.userEmail ? await readers.userEmail(token) : null;
  if (!email) throw new HttpError(401, 'unauthorized', 'Sign in first');
  const mine = email.toLowerCase();
  return all.filter((m) => m.to.toLowerCase() === mine);
}
