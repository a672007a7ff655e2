// The README's "who sees what" table is what the database does: this runs
// supabase/tests/950-who-sees-what.sql (every table × every person, allowed and
// denied, against the real policies) on a fresh database and compares each
// verdict it passed with the README's cell, and the README's tables with the
// catalogue (every public table a row, every private one on the private line).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { repoRoot, sqlTestsDir } from '../../supabase/local/paths.ts';
import { parseTap } from './parse-tap.ts';

const AUDIENCES = [
  'owner / admin',
  "coach of the athlete's group",
  'coach of another group',
  'the athlete',
  'another athlete of the club',
  'member of another club',
  'anon',
] as const;

type Verdicts = Map<string, Map<string, boolean>>;

interface ReadmeTable {
  verdicts: Verdicts;
  /** tables named on the line for schema private, with its cells */
  privateTables: string[];
  privateCells: string[];
}

const cellsOf = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

/** the table between the README's who-sees-what markers */
function readReadmeTable(markdown: string): ReadmeTable {
  const begin = markdown.indexOf('<!-- who-sees-what: begin');
  const end = markdown.indexOf('<!-- who-sees-what: end -->');
  if (begin < 0 || end < begin) throw new Error('README: no who-sees-what markers');
  const lines = markdown
    .slice(begin, end)
    .split('\n')
    .filter((l) => l.trim().startsWith('|'));
  const [header, , ...rows] = lines;
  const columns = cellsOf(header ?? '');
  const at = AUDIENCES.map((a) => {
    const i = columns.indexOf(a);
    if (i < 0) throw new Error(`README: no column «${a}» in ${columns.join(' | ')}`);
    return i;
  });
  const verdicts: Verdicts = new Map();
  let privateTables: string[] = [];
  let privateCells: string[] = [];
  for (const row of rows) {
    const cells = cellsOf(row);
    const names = [...(cells[0] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
    const marks = at.map((i) => cells[i] ?? '');
    for (const mark of marks) {
      if (mark !== '✓' && mark !== '—') throw new Error(`README: «${mark}» in ${row}`);
    }
    if (names.every((n) => n.startsWith('private.'))) {
      privateTables = names.map((n) => n.slice('private.'.length));
      privateCells = marks;
      continue;
    }
    if (names.length !== 1) throw new Error(`README: one table per row: ${row}`);
    verdicts.set(
      names[0] ?? '',
      new Map(AUDIENCES.map((a, k) => [a, marks[k] === '✓'] as [string, boolean])),
    );
  }
  return { verdicts, privateTables, privateCells };
}

/** what the pgTAP file passed: `ok n - who sees what: <table> / <audience> (<actor>): sees|hidden` */
function readTapVerdicts(tap: string): Verdicts {
  const verdicts: Verdicts = new Map();
  for (const line of tap.split('\n')) {
    const m = /^ok \d+ - who sees what: (\w+) \/ (.+) \((\w+)\): (sees|hidden)$/.exec(line);
    if (!m) continue;
    const [, table = '', audience = '', actor = '', verdict = ''] = m;
    const byAudience = verdicts.get(table) ?? new Map<string, boolean>();
    const seen = verdict === 'sees';
    // every actor of one audience must agree, or the README's one cell could not say
    expect(byAudience.get(audience) ?? seen, `${table} / ${audience} (${actor})`).toBe(seen);
    byAudience.set(audience, seen);
    verdicts.set(table, byAudience);
  }
  return verdicts;
}

const plain = (v: Verdicts) =>
  Object.fromEntries(
    [...v].sort(([a], [b]) => a.localeCompare(b)).map(([t, m]) => [t, Object.fromEntries(m)]),
  );

describe('who sees what: the README agrees with the database', () => {
  let db: Database;
  let tap = '';
  let readme: ReadmeTable;

  beforeAll(async () => {
    readme = readReadmeTable(readFileSync(join(repoRoot, 'README.md'), 'utf8'));
    db = await createTestDatabase();
    await db.exec('create extension if not exists pgtap with schema extensions');
    for (const file of ['000-setup-tests-hooks.sql', '950-who-sees-what.sql']) {
      const results = await db.execAll(readFileSync(join(sqlTestsDir, file), 'utf8'));
      tap = results.flatMap((rows) => rows.flatMap((r) => Object.values(r).map(String))).join('\n');
    }
  });

  afterAll(async () => {
    await db?.close();
  });

  it('the probe passes: every verdict is what the policies do', () => {
    const report = parseTap(tap);
    expect(report.failures, report.failures.join('\n')).toEqual([]);
    expect(report.ran).toBe(report.planned);
  });

  it("every cell of the README's table is the verdict the database gave", () => {
    const observed = readTapVerdicts(tap);
    expect(observed.size).toBeGreaterThan(0);
    expect(plain(readme.verdicts)).toEqual(plain(observed));
  });

  it('the README has a row for every public table and names every private one', async () => {
    const tables = async (schema: string) =>
      (
        await db.query<{ name: string }>(
          `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm', 'f') order by 1`,
          [schema],
        )
      ).rows.map((r) => r.name);
    expect([...readme.verdicts.keys()].sort()).toEqual(await tables('public'));
    expect([...readme.privateTables].sort()).toEqual(await tables('private'));
    expect(readme.privateCells).toEqual(AUDIENCES.map(() => '—'));
  });
});
