import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localFunctionNames } from './load-functions.ts';
import { localFunctionsDir, supabaseDir } from './paths.ts';

describe('the local registrations', () => {
  it('register every deployed Edge Function under its own name, and nothing else', async () => {
    const functionsDir = join(supabaseDir, 'functions');
    const deployed = readdirSync(functionsDir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(functionsDir, e.name, 'index.ts')))
      .map((e) => e.name)
      .sort();
    expect(deployed).toContain('checkout');
    expect(await localFunctionNames(localFunctionsDir)).toEqual(deployed);
  });
});
