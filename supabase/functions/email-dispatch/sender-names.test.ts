import { describe, expect, it } from 'vitest';
import type { Rpc } from '../_shared/rpc.ts';
import { createEmailDispatchHandler } from './handler.ts';
import { httpEmailProvider } from './providers.ts';
import { fromWithName, rpcSenderNames } from './sender-names.ts';
import { claimedEmails } from '../../local/stand-ins/email-fixtures.ts';

describe('white-label sender names', () => {
  it('puts the partner’s name before the platform’s own address', () => {
    expect(fromWithName('Trackside <no-reply@trackside.test>', 'СпортСофт')).toBe(
      '"СпортСофт" <no-reply@trackside.test>',
    );
    expect(fromWithName('no-reply@trackside.test', 'A "B"\r\nBcc: x')).toBe(
      '"A \\"B\\" Bcc: x" <no-reply@trackside.test>',
    );
    expect(fromWithName('Trackside <no-reply@trackside.test>', undefined)).toBe(
      'Trackside <no-reply@trackside.test>',
    );
  });

  it('sends a white-labelled club’s emails with the partner’s name, the rest as before', async () => {
    const claimed = claimedEmails();
    const branded = String((claimed[0] as { id: string }).id);
    const froms: string[] = [];
    const rpc: Rpc = async (fn, args) => {
      if (fn === 'email_claim_batch') return claimed;
      if (fn === 'email_sender_names') {
        expect((args as { p_ids: string[] }).p_ids).toContain(branded);
        return [{ id: branded, sender_name: 'СпортСофт' }];
      }
      return null;
    };
    const provider = httpEmailProvider({
      url: 'https://mail.test/emails',
      apiKey: 'k',
      from: 'Trackside <no-reply@trackside.test>',
      fetch: async (_url, init) => {
        froms.push((JSON.parse(String(init?.body)) as { from: string }).from);
        return new Response('{}', { status: 200 });
      },
    });
    const handler = createEmailDispatchHandler({
      rpc,
      provider,
      serviceKey: 'service-key',
      senderNames: rpcSenderNames(rpc),
    });
    const res = await handler(
      new Request('http://local/email-dispatch', {
        method: 'POST',
        headers: { authorization: 'Bearer service-key' },
      }),
    );
    expect(res.status).toBe(200);
    expect(froms[0]).toBe('"СпортСофт" <no-reply@trackside.test>');
    expect(froms.slice(1).every((f) => f === 'Trackside <no-reply@trackside.test>')).toBe(true);
  });

  it('sends as the platform when the names cannot be read', async () => {
    const rpc: Rpc = async (fn) => {
      if (fn === 'email_sender_names') throw new Error('down');
      return null;
    };
    await expect(rpcSenderNames(rpc)(['x'])).rejects.toThrow('down');
    await expect(rpcSenderNames(rpc)([])).resolves.toEqual(new Map());
  });
});
