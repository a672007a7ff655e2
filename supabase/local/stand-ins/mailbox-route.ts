// GET …/email-dispatch/local/mailbox: what the local stack would have sent
// (email-dispatch's messages and Auth's sign-in codes), newest first. With a
// user's token only the messages to that user's address, with the service role
// key all of them (an operator). `?to=<address>` shows anyone that address's
// mail, as Supabase CLI's Inbucket/Mailpit shows every message to anyone on the
// machine: how a developer reads the code sent to someone who cannot sign in
// yet. Only the local stack has this route; production mail goes to real inboxes.
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
  const all = [...readers.mailbox.messages].reverse();
  const to = new URL(req.url).searchParams.get('to')?.trim().toLowerCase();
  if (to) return all.filter((m) => m.to.toLowerCase() === to);
  const token = bearerToken(req);
  if (token && (await sameSecret(token, readers.serviceKey))) return all;
  const email = token && readers.userEmail ? await readers.userEmail(token) : null;
  if (!email) throw new HttpError(401, 'unauthorized', 'Sign in first');
  const mine = email.toLowerCase();
  return all.filter((m) => m.to.toLowerCase() === mine);
}
