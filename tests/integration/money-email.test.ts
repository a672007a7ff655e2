// The email outbox drained by email-dispatch against a real migrated database:
// a paid purchase queues its confirmation in the payment's transaction, the
// dispatcher sends it once, and a provider outage leaves it queued for a retry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailDispatchHandler } from '../../supabase/functions/email-dispatch/handler.ts';
import type { EmailProvider } from '../../supabase/functions/email-dispatch/providers.ts';
import type { Database } from '../../supabase/local/db/database.ts';
import { sqlRpc } from '../../supabase/local/db/sql-rpc.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { MemoryMailbox } from '../../supabase/local/stand-ins/memory-mailbox.ts';
import { BUYER, PACKAGE, one, seedMoney } from './money-fixtures.ts';

let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedMoney(db);
});

afterAll(async () => {
  await db?.close();
});

async function pay(eventId: string): Promise<string> {
  const rpc = sqlRpc(db);
  const prepared = (await rpc('checkout_prepare', {
    p_user: BUYER,
    p_product: PACKAGE,
    p_discount_code: null,
  })) as {
    purchaseId: string;
  };
  await rpc('stripe_apply_event', {
    p_event: {
      id: eventId,
      type: 'checkout.session.completed',
      created: Math.floor(Date.now() / 1000),
      purchaseId: prepared.purchaseId,
      sessionId: `cs_${eventId}`,
      amountTotal: 1990,
      currency: 'eur',
      paymentStatus: 'paid',
    },
  });
  return prepared.purchaseId;
}

function dispatcher(provider: EmailProvider) {
  const handler = createEmailDispatchHandler({
    rpc: sqlRpc(db),
    provider,
    serviceKey: 'service-key',
  });
  return async () => {
    const res = await handler(
      new Request('http://local/email-dispatch', {
        method: 'POST',
        headers: { authorization: 'Bearer service-key' },
      }),
    );
    return (await res.json()) as Record<string, number>;
  };
}

describe('email dispatch on the database', () => {
  it('sends a purchase confirmation once', async () => {
    const purchaseId = await pay('evt_mail_1');
    const mailbox = new MemoryMailbox();
    const dispatch = dispatcher(mailbox);
    expect(await dispatch()).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0 });
    expect(mailbox.messages).toHaveLength(1);
    expect(mailbox.messages[0]).toMatchObject({
      to: 'buyer@money.test',
      subject: 'Оплата получена',
    });
    expect(mailbox.messages[0]?.text).toContain('10 sessions');
    expect(await dispatch()).toEqual({ claimed: 0, sent: 0, retrying: 0, failed: 0 });
    expect(
      await one<string>(db, `select status from private.email_outbox where dedupe_key = $1`, [
        `purchase_confirmation:${purchaseId}`,
      ]),
    ).toBe('sent');
  });

  it('keeps an email queued, with a delay, while the provider is down', async () => {
    await pay('evt_mail_2');
    const down: EmailProvider = {
      send: async () => ({ ok: false, retryable: true, error: 'provider answered 503' }),
    };
    expect(await dispatcher(down)()).toEqual({ claimed: 1, sent: 0, retrying: 1, failed: 0 });
    expect(
      await one<string>(
        db,
        `select status || ' ' || attempts || ' ' || (send_after > now())::text from private.email_outbox
          where status <> 'sent'`,
      ),
    ).toBe('pending 1 true');
    // not due yet: the next run leaves it alone
    expect(await dispatcher(new MemoryMailbox())()).toMatchObject({ claimed: 0 });
  });

  it('sends nothing to a person who switched the kind off', async () => {
    await db.query(
      `insert into public.email_preferences (user_id, kind, enabled) values ($1, 'purchase_confirmation', false)`,
      [BUYER],
    );
    const before = await one<number>(db, `select count(*)::int from private.email_outbox`);
    await pay('evt_mail_3');
    expect(await one<number>(db, `select count(*)::int from private.email_outbox`)).toBe(before);
  });
});
