import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FakeMoyklass } from './fake-moyklass.ts';
import { subscriptionsByBeginDate } from './fake-moyklass-fixtures.ts';

const BASE = 'https://moyklass.test';
const PATH = '/v1/company/userSubscriptions';

describe('the fake Moyklass', () => {
  const subs = subscriptionsByBeginDate();

  it('accepts both date-filter forms alike and refuses three dates', async () => {
    const fake = new FakeMoyklass(() => Date.parse('2025-10-01T09:00:00Z'));
    fake.subscriptions.push(...subs);
    const token = z.object({ accessToken: z.string() }).parse(
      await (
        await fake.fetch(`${BASE}/v1/company/auth/getToken`, {
          method: 'POST',
          body: JSON.stringify({ apiKey: fake.apiKey }),
        })
      ).json(),
    ).accessToken;
    const ids = async (qs: string) => {
      const res = await fake.fetch(`${BASE}${PATH}?${qs}`, {
        headers: { 'x-access-token': token },
      });
      return res.ok
        ? ((await res.json()) as { subscriptions: { id: number }[] }).subscriptions.map((s) => s.id)
        : res.status;
    };
    expect(await ids('beginDate=2024-01-01,2025-12-31')).toEqual([1, 2]);
    expect(await ids('beginDate=2024-01-01&beginDate=2025-12-31')).toEqual([1, 2]);
    expect(await ids('beginDate[]=2024-01-01&beginDate[]=2025-12-31')).toEqual([1, 2]);
    expect(await ids('beginDate=2024-01-01,2025-01-01,2025-12-31')).toBe(400);
    expect(await ids('limit=501')).toBe(400);
  });
});
