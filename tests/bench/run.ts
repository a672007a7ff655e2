// npm run bench — runs every benchmark, prints a table and writes
// .bench/results.json. Exits non-zero when an entry is over its limit, so a
// regression is visible in CI logs and locally alike.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../../supabase/local/paths.ts';
import type { BenchResult } from './bench-result.ts';
import { rlsRosterOverhead } from './rls-roster-overhead.ts';
import { sessionsGenerate10k } from './sessions-generate-10k.ts';
import { slots90Days } from './slots-90-days.ts';
import { syncInitialPull } from './sync-initial-pull.ts';
import { syncPush1000 } from './sync-push-1000.ts';

const benches: (() => Promise<BenchResult>)[] = [
  rlsRosterOverhead,
  slots90Days,
  sessionsGenerate10k,
  syncInitialPull,
  syncPush1000,
];

const results: BenchResult[] = [];
for (const bench of benches) results.push(await bench());

console.table(
  results.map((r) => ({
    name: r.name,
    value: `${r.value.toFixed(3)} ${r.unit}`,
    baseline: `${r.baseline_value.toFixed(3)} ${r.unit} (${r.baseline})`,
    ratio: r.ratio.toFixed(2),
    limit: r.limit ?? '',
  })),
);
for (const r of results) if (r.notes) console.log(`\n${r.name}:\n${r.notes}`);

const dir = join(repoRoot, '.bench');
await mkdir(dir, { recursive: true });
await writeFile(join(dir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote ${join(dir, 'results.json')}`);

const over = results.filter((r) => r.limit !== undefined && r.ratio > r.limit);
if (over.length) {
  console.error(
    `over limit: ${over.map((r) => `${r.name} ${r.ratio.toFixed(2)} > ${r.limit}`).join(', ')}`,
  );
  process.exitCode = 1;
}
