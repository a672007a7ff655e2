// The local stack's email API: a mailbox in memory that keeps the last 500
// messages email-dispatch sends, listed at …/email-dispatch/local/mailbox
// (mailbox-route.ts) and shown by the app's /mailbox page.
import type {
  EmailProvider,
  OutgoingEmail,
  SendResult,
} from '../../functions/email-dispatch/providers.ts';

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
