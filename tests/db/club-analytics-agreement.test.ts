// The club dashboard's suppression rule (src/domain/club-analytics.ts) and the
// database's (private.club_suppression, 20261206162000_club_analytics.sql) give
// the same verdict for any family of cells, and the property the rule exists
// for holds: no hidden part can be recovered as the total minus the shown parts.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { K_ANONYMITY, suppressedCells } from '../../src/domain/club-analytics.ts';

describe('club analytics suppression agrees with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  async function database(people: number[], isTotal: boolean[]): Promise<boolean[]> {
    const r = await db.query<{ hidden: boolean[] }>(
      'select private.club_suppression($1::int[], $2::boolean[]) as hidden',
      [people, isTotal],
    );
    return r.rows[0]?.hidden ?? [];
  }

  // a family as the refresh builds it: parts sorted by people, the total (their sum) last
  const family = fc
    .array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 })
    .map((parts) => {
      const sorted = [...parts].sort((a, b) => a - b);
      return { people: [...sorted, sorted.reduce((a, b) => a + b, 0)] };
    });

  it('the same verdicts, and nothing hidden is recoverable by subtraction', async () => {
    await fc.assert(
      fc.asyncProperty(family, async ({ people }) => {
        const isTotal = people.map((_, i) => i === people.length - 1);
        const mine = suppressedCells(people, isTotal);
        expect(await database(people, isTotal)).toEqual(mine);
        // every cell shown has K people or more
        people.forEach((p, i) => {
          if (!mine[i]) expect(p).toBeGreaterThanOrEqual(K_ANONYMITY);
        });
        // with the total shown, the hidden parts are never exactly one, and hold K people together
        const hiddenParts = people.slice(0, -1).filter((_, i) => mine[i]);
        if (!mine[people.length - 1] && hiddenParts.length > 0) {
          expect(hiddenParts.length).toBeGreaterThanOrEqual(2);
          expect(hiddenParts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(K_ANONYMITY);
        }
      }),
      { numRuns: 200 },
    );
  });
});
