// npm run bench — runs every benchmark, prints a table and writes
// .bench/results.json. Exits non-zero when an entry misses its limit, so a
// regression is visible in CI logs and locally alike.
// `npm run bench -- pwa sync` runs only the benches whose names start with one
// of the words (`pwa` runs pwa.shell_js_gzip, pwa.offline_cold_start, pwa.lighthouse.*).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../../supabase/local/paths.ts';
import { analyticsDashboard5m } from './analytics-dashboard-5m.ts';
import { analyticsIngest } from './analytics-ingest.ts';
import { describeLimit, limitMiss, type BenchResult } from './bench-result.ts';
import { partnersConsole10k } from './partners-console.ts';
import { partnersAuditOverhead } from './partners-audit-overhead.ts';
import { plansTodayColdStart } from './plans-today-cold-start.ts';
import { pwaBenches } from './pwa-benches.ts';
import { rlsRosterOverhead } from './rls-roster-overhead.ts';
import { sessionsGenerate10k } from './sessions-generate-10k.ts';
import { slots90Days } from './slots-90-days.ts';
import { storefrontBenches } from './storefront-benches.ts';
import { syncConcurrentDevices } from './sync-concurrent-devices.ts';
import { syncIdlePullScale } from './sync-idle-pull-scale.ts';
import { syncInitialPull } from './sync-initial-pull.ts';
import { syncPush1000 } from './sync-push-1000.ts';

/** a bench (or a group sharing one stack) and the prefix of the names it reports */
const benches: { name: string; run: () => Promise<BenchResult | BenchResult[]> }[] = [
  { name: 'rls.roster_overhead', run: rlsRosterOverhead },
  { name: 'slots.90_days', run: slots90Days },
  { name: 'sessions.generate_10k', run: sessionsGenerate10k },
  { name: 'sync.initial_pull', run: syncInitialPull },
  { name: 'sync.push_1000', run: syncPush1000 },
  { name: 'sync.idle_pull_scale', run: syncIdlePullScale },
  { name: 'sync.concurrent_devices', run: syncConcurrentDevices },
  { name: 'pwa', run: pwaBenches },
  { name: 'storefront', run: storefrontBenches },
  { name: 'analytics.ingest', run: analyticsIngest },
  { name: 'analytics.dashboard_5m', run: analyticsDashboard5m },
  { name: 'partners.console_10k', run: partnersConsole10k },
  { name: 'partners.audit_overhead', run: partnersAuditOverhead },
  { name: 'plans.today_offline_cold_start', run: plansTodayColdStart },
];

const filters = process.argv.slice(2);
// `pwa` selects the pwa group; `pwa.lighthouse` too (the group reports it)
const selected = benches.filter(
  (b) => filters.length === 0 || filters.some((f) => b.name.startsWith(f) || f.startsWith(b.name)),
);
if (selected.length === 0) {
  console.error(
    `no bench matches ${filters.join(' ')}; benches: ${benches.map((b) => b.name).join(', ')}`,
  );
  process.exit(2);
}

const results: BenchResult[] = [];
for (const bench of selected) results.push(...[await bench.run()].flat());

console.table(
  results.map((r) => ({
    name: r.name,
    value: `${r.value.toFixed(3)} ${r.unit}`,
    baseline: `${r.baseline_value.toFixed(3)} ${r.unit} (${r.baseline})`,
    ratio: r.ratio.toFixed(2),
    limit: describeLimit(r),
  })),
);
for (const r of results) if (r.notes) console.log(`\n${r.name}:\n${r.notes}`);

const dir = join(repoRoot, '.bench');
await mkdir(dir, { recursive: true });
await writeFile(join(dir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote ${join(dir, 'results.json')}`);

const missed = results.flatMap((r) => {
  const miss = limitMiss(r);
  return miss ? [`${r.name} ${miss}`] : [];
});
if (missed.length) {
  console.error(`over limit: ${missed.join(', ')}`);
  process.exitCode = 1;
}
