import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { repoRoot } from '../../supabase/local/paths.ts';

const run = promisify(execFile);

/**
 * Builds the PWA into `outDir` against `apiUrl`. The API URL is baked in at
 * build time and the test's stack listens on a free port, so the test builds
 * its own copy instead of trusting whatever `dist/` was built for.
 */
export async function buildApp(
  outDir: string,
  api: { url: string; anonKey: string },
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
      env: {
        ...process.env,
        // vitest sets NODE_ENV=test, which Vite would keep: no PROD, no service worker
        NODE_ENV: 'production',
        VITE_SUPABASE_URL: api.url,
        VITE_SUPABASE_ANON_KEY: api.anonKey,
      },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
}
