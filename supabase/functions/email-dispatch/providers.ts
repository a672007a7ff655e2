// Where emails go: an HTTP email API in production (JSON {from, to, subject, text}
// with a bearer key, the shape Resend and similar services take), a mailbox in
// memory in the local stack (shown at /functions/v1/email-dispatch/local/mailbox).
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

export type SendResult = { ok: true } | { ok: false; retryable: boolean; error: string };

export interface EmailProvider {
  send(email: OutgoingEmail): Promise<SendResult>;
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
            from: options.from,
            to: [email.to],
            subject: email.subject,
            text: email.text,
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

export interface MailboxEntry extends OutgoingEmail {
  at: string;
}

export class MemoryMailbox implements EmailProvider {
  readonly messages: MailboxEntry[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  send(email: OutgoingEmail): Promise<SendResult> {
    this.messages.push({ ...email, at: new Date(this.now()).toISOString() });
    if (this.messages.length > 500) this.messages.shift();
    return Promise.resolve({ ok: true });
  }
}
