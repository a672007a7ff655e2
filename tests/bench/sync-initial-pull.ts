// sync.initial_pull (issue 3): a first sync of a club's 50,000 rows across the
// synced tables into IndexedDB, in headless Chromium through the app's engine and
// the gateway, against Dexie `bulkPut` of the same rows into a fresh database of
// the same schema in the same page. ratio ≤ 2.
import type { BenchResult } from './bench-result.ts';
import { clubRows, startSyncBenchStack } from './sync-bench-stack.ts';
import type {} from './browser/bench-page.ts';

/**
 * The pull page size the app should use: 5,000 rows a request (10 requests for a
 * 50,000-row club). The engine's default is 1,000 (50 requests); the server caps it at 10,000.
 */
export const pullPageSize = 5_000;

export async function syncInitialPull(): Promise<BenchResult> {
  const stack = await startSyncBenchStack();
  try {
    const f = await stack.page.evaluate((o) => window.runBenchInitialPull(o), {
      rounds: 3,
      pageSize: pullPageSize,
      expectedRows: clubRows,
    });
    const ratio = f.value / f.baseline;
    const limit = 2;
    const notes = [
      `${f.rows} rows, page size ${pullPageSize}, ${f.requests} requests`,
      ...(f.reconciled.length ? [`access reconciled: ${f.reconciled.join(', ')}`] : []),
      ...(ratio > limit
        ? [`over the limit: the first sync costs ${ratio.toFixed(2)}× a bare bulkPut of its rows`]
        : []),
    ];
    return {
      name: 'sync.initial_pull',
      unit: 's',
      value: f.value / 1000,
      baseline: `Dexie bulkPut of the same ${f.rows} rows into a fresh database`,
      baseline_value: f.baseline / 1000,
      ratio,
      limit,
      notes: notes.join('\n'),
    };
  } finally {
    await stack.stop();
  }
}
