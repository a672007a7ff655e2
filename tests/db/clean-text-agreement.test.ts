// The clean-text rules of src/domain/clean-text.ts and private.is_clean_label /
// private.is_clean_note (20261206121000_clean_text.sql) must agree on arbitrary
// Unicode: every code point, every control character, bidi controls, invisible
// characters alone and mixed, decomposed letters. What PostgreSQL cannot hold
// at all (NUL, lone surrogates) the device must refuse by itself.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { isCleanLabel, isCleanNote, labelInput, noteInput } from '../../src/domain/clean-text.ts';
import { unholdable } from './check-verdicts.ts';
import { edgeCharacters as edges, unicodeText } from './unicode-text.ts';

const texts = unicodeText(40);

describe('clean-text rules agree with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  async function verdicts(fn: string, values: readonly string[]): Promise<boolean[]> {
    const r = await db.query<{ ok: boolean }>(
      `select private.${fn}(v.t) as ok from unnest($1::text[]) with ordinality as v(t, n) order by v.n`,
      [values],
    );
    return r.rows.map((row) => row.ok);
  }

  const rules = [
    { fn: 'is_clean_label', js: isCleanLabel, input: labelInput },
    { fn: 'is_clean_note', js: isCleanNote, input: noteInput },
  ];

  for (const rule of rules) {
    it(`${rule.fn}: the device and the database agree on 4,000 generated texts`, async () => {
      const all = [...fc.sample(texts, 4000), ...edges, ...edges.map((e) => `Ира${e}`)];
      // what the database cannot hold, the device refuses on its own
      const unheld = all.filter((v) => unholdable(v));
      expect(unheld.filter((v) => rule.js(v))).toEqual([]);
      const values = all.filter((v) => !unholdable(v));
      const inDb = await verdicts(rule.fn, values);
      const disagree = values.filter((v, i) => rule.js(v) !== inDb[i]);
      expect(disagree.map((v) => [...v].map((c) => c.codePointAt(0)?.toString(16)))).toEqual([]);
    });

    it(`${rule.fn}: typing a letter decomposed or composed gets the same verdict`, () => {
      fc.assert(
        fc.property(texts, (v) => {
          const saved = rule.input(v);
          expect(saved).toBe(saved.normalize('NFC'));
          expect(rule.input(saved)).toBe(saved);
          expect(rule.js(rule.input(v.normalize('NFD')))).toBe(rule.js(saved));
        }),
      );
    });
  }

  it('the rules as the issue names them', async () => {
    const cases: [string, boolean, boolean][] = [
      // text, label, note
      ['Иван Петров', true, true],
      ['\u00a0', false, true],
      ['\u200b', false, true],
      ['\t', false, true],
      [' \u200b\u00a0\u2060\ufeff ', false, true],
      ['Иван\u202eвородеП', false, false],
      ['\u2066Иван\u2069', false, false],
      ['Иван\u0007', false, false],
      ['строка 1\nстрока 2\tи табуляция', false, true],
      ['строка 1\r\nстрока 2', false, false],
      ['Ё', true, true],
      ['Е\u0308', false, false],
      ['🏃', true, true],
    ];
    const values = cases.map(([v]) => v);
    expect(await verdicts('is_clean_label', values)).toEqual(cases.map(([, l]) => l));
    expect(await verdicts('is_clean_note', values)).toEqual(cases.map(([, , n]) => n));
    expect(values.map(isCleanLabel)).toEqual(cases.map(([, l]) => l));
    expect(values.map(isCleanNote)).toEqual(cases.map(([, , n]) => n));
  });
});
