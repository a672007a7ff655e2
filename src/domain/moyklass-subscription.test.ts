import { describe, expect, it } from 'vitest';
import { isUnlimited, mainSubscription, readSubscriptions } from './moyklass-subscription.ts';

/** what the proxy stores per subscription (moyklass-proxy/subscriptions.ts toSnapshot) */
const snapshot = (over: Record<string, unknown>) => ({
  moyklassId: 1,
  moyklassUserId: 10,
  externalId: null,
  typeId: 3,
  status: 'active',
  beginDate: '2026-09-01',
  endDate: '2027-05-31',
  visitCount: 8,
  visitsLeft: 5,
  price: 4000,
  paid: 4000,
  ...over,
});

describe('readSubscriptions', () => {
  it('keeps status, dates and visits of each readable entry and skips the rest', () => {
    const read = readSubscriptions([
      snapshot({}),
      snapshot({ status: 'lost' }),
      'nonsense',
      snapshot({ endDate: 'soon', visitsLeft: -1 }),
    ]);
    expect(read).toEqual([
      {
        status: 'active',
        beginDate: '2026-09-01',
        endDate: '2027-05-31',
        visitsLeft: 5,
        visitCount: 8,
      },
      { status: 'active', beginDate: '2026-09-01', endDate: null, visitsLeft: null, visitCount: 8 },
    ]);
    expect(readSubscriptions(null)).toEqual([]);
  });
});

describe('mainSubscription', () => {
  it('shows an active one before a frozen or ended one, the longest-running first', () => {
    const subs = readSubscriptions([
      snapshot({ status: 'ended', endDate: '2027-08-31' }),
      snapshot({ status: 'frozen', endDate: '2027-08-31' }),
      snapshot({ status: 'active', endDate: '2026-12-31', visitsLeft: 2 }),
      snapshot({ status: 'active', endDate: '2027-02-28', visitsLeft: 7 }),
    ]);
    expect(mainSubscription(subs)?.visitsLeft).toBe(7);
    expect(mainSubscription(subs.filter((s) => s.status !== 'active'))?.status).toBe('frozen');
    expect(mainSubscription([])).toBeNull();
  });

  it('an open-ended one runs longest; visitCount 0 is unlimited', () => {
    const subs = readSubscriptions([
      snapshot({ endDate: '2027-01-31' }),
      snapshot({ endDate: null, visitCount: 0, visitsLeft: null }),
    ]);
    const main = mainSubscription(subs);
    expect(main?.endDate).toBeNull();
    expect(main && isUnlimited(main)).toBe(true);
  });
});
