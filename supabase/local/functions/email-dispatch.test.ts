import { describe, expect, it } from 'vitest';
import type { Rpc } from '../../functions/_shared/rpc.ts';
import { claimedEmails } from '../stand-ins/email-fixtures.ts';
import { MemoryMailbox } from '../stand-ins/memory-mailbox.ts';
import { createLocalEmailDispatchHandler } from './email-dispatch.ts';

describe('email-dispatch in the local stack', () => {
  const claimed = claimedEmails();

  it('shows a person only their own mail in the local mailbox; the service key sees all', async () => {
    const mailbox = new MemoryMailbox();
    const rpc: Rpc = async (fn) => (fn === 'email_claim_batch' ? claimed : null);
    const emails: Record<string, string> = { 'token-a': 'A@x.test', 'token-c': 'c@x.test' };
    const handler = createLocalEmailDispatchHandler({
      rpc,
      provider: mailbox,
      mailbox,
      serviceKey: 'service-key',
      userEmail: async (token) => emails[token] ?? null,
    });
    const read = async (token?: string, to?: string) => {
      const query = to ? `?to=${encodeURIComponent(to)}` : '';
      const res = await handler(
        new Request(`http://local/email-dispatch/local/mailbox${query}`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        }),
      );
      const body = (await res.json()) as { messages?: { to: string }[] };
      return { status: res.status, to: body.messages?.map((m) => m.to) };
    };
    await handler(
      new Request('http://local/email-dispatch', {
        method: 'POST',
        headers: { authorization: 'Bearer service-key' },
      }),
    );
    expect(await read('token-a')).toEqual({ status: 200, to: ['a@x.test'] });
    expect(await read('token-c')).toEqual({ status: 200, to: [] });
    expect(await read('service-key')).toEqual({ status: 200, to: ['b@x.test', 'a@x.test'] });
    expect(await read('a-forged-token')).toMatchObject({ status: 401 });
    expect(await read()).toMatchObject({ status: 401 });
    // as Inbucket: anyone on the machine reads an address's mail by naming it
    expect(await read(undefined, ' A@x.test ')).toEqual({ status: 200, to: ['a@x.test'] });
    expect(await read(undefined, 'nobody@x.test')).toEqual({ status: 200, to: [] });
  });
});
