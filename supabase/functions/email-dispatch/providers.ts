// Where emails go: an HTTP email API (JSON {from, to, subject, text} with a bearer
// key, the shape Resend and similar services take). The local stack sends them to
// a mailbox in memory instead (supabase/local/stand-ins/memory-mailbox.ts).
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
