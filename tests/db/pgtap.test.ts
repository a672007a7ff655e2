// Runs every supabase/tests/*.sql file, in name order, on one fresh migrated
// database — PGlite here, PostgreSQL 15 when DATABASE_URL is set — the way
// `supabase test db` (pg_prove) does, and fails on any `not ok` or a short plan.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { sqlTestsDir } from '../../supabase/local/paths.ts';
import { parseTap } from './parse-tap.ts';

const files = readdirSync(sqlTestsDir)
  .filter((f) => f.endsWith('.sql'))
  .sort();

describe('pgTAP', () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.exec('create extension if not exists pgtap with schema extensions');
  });

  afterAll(async () => {
    await db?.close();
  });

  it('has test files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(file, async () => {
      const sql = readFileSync(join(sqlTestsDir, file), 'utf8');
      let lines: string[];
      try {
        const results = await db.execAll(sql);
        lines = results.flatMap((rows) => rows.flatMap((r) => Object.values(r).map(String)));
      } catch (e) {
        // a failed statement aborts the file's transaction; leave the session usable
        await db.exec('rollback').catch(() => undefined);
        throw e;
      }
      const report = parseTap(lines.join('\n'));
      expect(report.failures, report.failures.join('\n')).toEqual([]);
      if (report.planned !== null) expect(report.ran, 'tests run vs plan').toBe(report.planned);
    });
  }
});
