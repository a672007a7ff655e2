// Finds the Edge Functions that take part in the local stack: each
// supabase/functions/<name>/local.ts default-exports a LocalEdgeFunction that
// builds the handler from the environment. A function that fails to load is
// reported and left out; the rest of the stack still starts.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  EdgeContext,
  EdgeHandler,
  LocalEdgeFunction,
} from '../functions/_shared/edge-handler.ts';

export async function loadLocalFunctions(
  functionsDir: string,
  ctx: EdgeContext,
  log: (message: string, error?: unknown) => void,
): Promise<Record<string, EdgeHandler>> {
  const out: Record<string, EdgeHandler> = {};
  if (!existsSync(functionsDir)) return out;
  const entries = await readdir(functionsDir, { withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
    const file = join(functionsDir, entry.name, 'local.ts');
    if (!existsSync(file)) continue;
    try {
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
      if (typeof mod.default !== 'function')
        throw new Error('local.ts has no default export function');
      out[entry.name] = await (mod.default as LocalEdgeFunction)(ctx);
    } catch (e) {
      log(`function ${entry.name} not loaded`, e);
    }
  }
  return out;
}
