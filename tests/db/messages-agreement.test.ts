// The message rules in src/domain/messages.ts and the CHECK constraints of
// public.announcements and public.conversation_messages agree over generated
// values; the ids devices derive (src/domain/message-ids.ts) are the ones the
// database derives and checks.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { formDisagreements } from './check-verdicts.ts';
import { unicodeText } from './unicode-text.ts';
import {
  announcementBodySchema,
  announcementDateSchema,
  announcementTitleSchema,
  messageBodySchema,
} from '../../src/domain/messages.ts';
import {
  announcementReadId,
  conversationId,
  conversationReadId,
} from '../../src/domain/message-ids.ts';

const texts = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: fc.constantFrom(' ', '\t', '\n', 'a', 'Ё', '\u00a0', '🏃'), maxLength: 12 }),
    fc.integer({ min: max - 3, max: max + 3 }).map((n) => ' ' + 'Ё'.repeat(n) + ' '),
    fc.integer({ min: max - 3, max: max + 3 }).map((n) => '🏃'.repeat(n)),
    unicodeText(30),
  );

describe('message rules agree with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  const trim = (v: string) => v.trim();
  const cases = [
    {
      table: 'announcements',
      constraint: 'announcements_title_check',
      column: 'title',
      arb: texts(200),
      accepts: (v: string) => announcementTitleSchema.safeParse(v).success,
    },
    {
      table: 'announcements',
      constraint: 'announcements_body_check',
      column: 'body',
      arb: texts(4000),
      accepts: (v: string) => announcementBodySchema.safeParse(v).success,
    },
    {
      table: 'conversation_messages',
      constraint: 'conversation_messages_body_check',
      column: 'body',
      arb: texts(4000),
      accepts: (v: string) => messageBodySchema.safeParse(v).success,
    },
  ];
  for (const c of cases) {
    it(`${c.table}.${c.column}: zod and ${c.constraint} agree on 600 generated values`, async () => {
      const disagree = await formDisagreements(
        db,
        c.table,
        [c.constraint],
        c.column,
        fc.sample(c.arb, 600),
        c.accepts,
        trim,
      );
      expect(disagree).toEqual([]);
    });
  }

  it('announcements.event_on: zod and the date check agree at the edges', async () => {
    const dates = ['1999-12-31', '2000-01-01', '2026-12-12', '2100-12-31', '2101-01-01'];
    // the check's own expression over the dates, typed as the column is
    const def = await db.query<{ expr: string }>(
      `select pg_get_expr(c.conbin, c.conrelid) as expr from pg_constraint c
        where c.conname = 'announcements_event_on_check'`,
    );
    const r = await db.query<{ ok: boolean }>(
      `select (${def.rows[0]?.expr ?? 'false'}) as ok
         from unnest($1::date[]) with ordinality as v(event_on, n) order by v.n`,
      [dates],
    );
    const verdicts = r.rows.map((row) => row.ok);
    const zod = dates.map((d) => announcementDateSchema.safeParse(d).success);
    expect(zod).toEqual(verdicts);
    expect(zod).toEqual([false, true, true, true, false]);
  });

  it("the ids devices derive are the database's", async () => {
    const a = 'd7000000-0000-4000-8000-0000000000a1';
    const b = 'D0000000-0000-4000-8000-0000000000B2';
    const r = await db.query<{ read: string; conv: string; cread: string }>(
      `select private.announcement_read_id($1, $2)::text as read,
              private.conversation_id($1, $2)::text as conv,
              private.conversation_read_id($1, $2)::text as cread`,
      [a, b],
    );
    expect(r.rows[0]).toEqual({
      read: await announcementReadId(a, b),
      conv: await conversationId(a, b),
      cread: await conversationReadId(a, b),
    });
  });
});
