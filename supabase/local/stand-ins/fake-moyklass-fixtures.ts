// Test fixtures for the fake Moyklass (fake-moyklass.ts), shared by its own test
// and the Moyklass client's (supabase/functions/moyklass-proxy/moyklass-client.test.ts).
import { type FakeSubscription, fakeSubscription } from './fake-moyklass.ts';

/** one user's subscriptions that began in three seasons (Sep 2024, Sep 2025, Sep 2026) and one undated */
export function subscriptionsByBeginDate(): FakeSubscription[] {
  return [
    fakeSubscription({ id: 1, userId: 501, beginDate: '2024-09-01' }),
    fakeSubscription({ id: 2, userId: 501, beginDate: '2025-09-15' }),
    fakeSubscription({ id: 3, userId: 501, beginDate: '2026-09-01' }),
    fakeSubscription({ id: 4, userId: 501, beginDate: null }),
  ];
}
