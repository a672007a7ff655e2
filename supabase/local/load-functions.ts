// Finds the Edge Functions that take part in the local stack: each
// supabase/local/functions/<name>.ts default-exports a LocalEdgeFunction that
// builds the handler of supabase/functions/<name>/ from the environment; the
// gateway serves it at /functions/v1/<name>. A function that fails to load is
// reported and left out; the rest of the stack still starts.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EdgeHandler } from '../functions/_shared/edge-handler.ts';
import type { LocalFunctionContext } from './server.ts';
import type { LocalEdgeFunction } from './local-edge-function.ts';

/** the function names registered in `dir`: <name>.ts, tests aside */
export async function localFunctionNames(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => e.name.slice(0, -'.ts'.length))
    .sort();
}

export async function loadLocalFunctions(
  dir: string,
  ctx: LocalFunctionContext,
  log: (message: string, error?: unknown) => void,
): Promise<Record<string, EdgeHandler>> {
  const out: Record<string, EdgeHandler> = {};
  for (const name of await localFunctionNames(dir)) {
    try {
      const mod = (await import(pathToFileURL(join(dir, `${name}.ts`)).href)) as {
        default?: unknown;
      };
      if (typeof mod.default !== 'function')
        throw new Error(`${name}.ts has no default export function`);
      out[name] = await (mod.default as LocalEdgeFunction)(ctx);
    } catch (e) {
      log(`function ${name} not loaded`, e);
    }
  }
  return out;
}
