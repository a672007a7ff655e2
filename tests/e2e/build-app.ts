import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { repoRoot } from '../../supabase/local/paths.ts';

const run = promisify(execFile);

/**
 * Builds the PWA into `outDir` with `api` as its build-time values (the static
 * servers of the e2e and bench stacks serve the build's own runtime-config.json,
 * which carries the same values). `null` builds as `npm start` does, with
 * no VITE_SUPABASE_* set: the local stack's defaults, which the stack's
 * /runtime-config.json overrides.
 */
export async function buildApp(
  outDir: string,
  api: { url: string; anonKey: string } | null,
  /** `manifest`: also write Vite's `.vite/manifest.json` (the benches read the chunk graph) */
  options: { manifest?: boolean } = {},
): Promise<void> {
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  await run(
    process.execPath,
    [
      vite,
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
      ...(options.manifest ? ['--manifest'] : []),
    ],
    {
      cwd: repoRoot,
      env: buildEnv(api),
      maxBuffer: 16 * 1024 * 1024,
    },
  );
}

function buildEnv(api: { url: string; anonKey: string } | null): NodeJS.ProcessEnv {
  // vitest sets NODE_ENV=test, which Vite would keep: no PROD, no service worker
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  delete env.VITE_SUPABASE_URL;
  delete env.VITE_SUPABASE_ANON_KEY;
  if (api) {
    env.VITE_SUPABASE_URL = api.url;
    env.VITE_SUPABASE_ANON_KEY = api.anonKey;
  }
  return env;
}
