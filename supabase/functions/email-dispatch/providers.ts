// Where emails go: an HTTP email API (JSON {from, to, subject, text, html,
// attachments} with a bearer key, the shape Resend and similar services take). The
// local stack sends them to a mailbox in memory instead
// (supabase/local/stand-ins/memory-mailbox.ts).
import { fromWithName } from './sender-names.ts';
export interface EmailAttachment {
  filename: string;
  contentType: string;
  /** the file's text (UTF-8); the provider encodes it */
  content: string;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** the same message as HTML (the text stays the fallback) */
  html?: string;
  attachments?: EmailAttachment[];
  /** the From display name (a white-label partner's sender name); the address stays ours */
  fromName?: string;
}

export type SendResult = { ok: true } | { ok: false; retryable: boolean; error: string };

export interface EmailProvider {
  send(email: OutgoingEmail): Promise<SendResult>;
}

/** base64 of a text's UTF-8 bytes */
export function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function httpEmailProvider(options: {
  url: string;
  apiKey: string;
  from: string;
  fetch?: typeof fetch;
}): EmailProvider {
  const fetchImpl = options.fetch ?? fetch;
  return {
    async send(email) {
      let res: Response;
      try {
        res = await fetchImpl(options.url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${options.apiKey}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            from: fromWithName(options.from, email.fromName),
            to: [email.to],
            subject: email.subject,
            text: email.text,
            ...(email.html ? { html: email.html } : {}),
            ...(email.attachments?.length
              ? {
                  attachments: email.attachments.map((a) => ({
                    filename: a.filename,
                    content: base64Utf8(a.content),
                    content_type: a.contentType,
                  })),
                }
              : {}),
          }),
          signal: AbortSignal.timeout(15_000),
        });
      } catch {
        return { ok: false, retryable: true, error: 'email provider unreachable' };
      }
      await res.body?.cancel();
      if (res.ok) return { ok: true };
      // rate limits and outages pass; anything else (bad address, bad request) will not
      const retryable = res.status === 429 || res.status >= 500;
      return { ok: false, retryable, error: `email provider answered ${res.status}` };
    },
  };
}
