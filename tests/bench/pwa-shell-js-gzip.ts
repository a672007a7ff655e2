// pwa.shell_js_gzip (issue 4): the JavaScript the roster route needs on first
// load — the entry chunk, the roster page's chunk and every chunk they import
// statically, read from the real build's manifest (lazy pages excluded) — gzipped
// at level 9, in kB (1,000 bytes), against the same for a page with only Lit.
// The limit is on the value: ≤ 100 kB.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchResult } from './bench-result.ts';
import type { PwaBenchStack } from './pwa-bench-stack.ts';
import { entryKey, staticChunkFiles, type ViteManifest } from './vite-chunk-graph.ts';

export const rosterPageModule = 'src/features/roster/roster-page.ts';

async function readManifest(dir: string): Promise<ViteManifest> {
  return JSON.parse(await readFile(join(dir, '.vite', 'manifest.json'), 'utf8')) as ViteManifest;
}

/** gzip size in bytes of each JavaScript file, by file */
async function gzipSizes(dir: string, files: string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const file of files.filter((f) => f.endsWith('.js'))) {
    sizes.set(file, gzipSync(await readFile(join(dir, file)), { level: 9 }).length);
  }
  return sizes;
}

const kB = (bytes: number) => bytes / 1000;
const sum = (sizes: Map<string, number>) => [...sizes.values()].reduce((a, b) => a + b, 0);

export async function shellJsGzip(stack: PwaBenchStack): Promise<BenchResult> {
  const appManifest = await readManifest(stack.appDir);
  const app = await gzipSizes(
    stack.appDir,
    staticChunkFiles(appManifest, [entryKey(appManifest), rosterPageModule]),
  );
  const litManifest = await readManifest(stack.litDir);
  const lit = await gzipSizes(stack.litDir, staticChunkFiles(litManifest, [entryKey(litManifest)]));
  const value = kB(sum(app));
  const baseline = kB(sum(lit));
  const limit = 100;
  const files = [...app].sort((a, b) => b[1] - a[1]);
  const notes = [
    `${files.length} files: ${files.map(([f, n]) => `${f.replace(/^assets\//, '')} ${kB(n).toFixed(1)}`).join(', ')}`,
    ...(value > limit
      ? [
          `over the limit by ${(value - limit).toFixed(1)} kB: the entry carries all of supabase-js ` +
            '(realtime, storage and functions clients included though unused) and zod classic',
        ]
      : []),
  ];
  return {
    name: 'pwa.shell_js_gzip',
    unit: 'kB',
    value,
    baseline: 'a page with only Lit (its entry and static imports)',
    baseline_value: baseline,
    ratio: value / baseline,
    limit,
    limit_of: 'value',
    notes: notes.join('\n'),
  };
}
