// The issue-4 benches share one stack (one build, one signed-in browser):
// pwa.shell_js_gzip, pwa.offline_cold_start and pwa.lighthouse.{performance,
// accessibility,best_practices}. Lighthouse's scores are printed as they come.
import type { BenchResult } from './bench-result.ts';
import { signIn } from '../e2e/page-helpers.ts';
import { lighthouseScores } from './pwa-lighthouse.ts';
import {
  benchCoach,
  rosterSize,
  startPwaBenchStack,
  type PwaBenchStack,
} from './pwa-bench-stack.ts';
import { offlineColdStart } from './pwa-offline-cold-start.ts';
import { shellJsGzip } from './pwa-shell-js-gzip.ts';

/**
 * The coach signs in, the first sync brings the 200 athletes down and both
 * service workers finish precaching: what a phone has after one visit online.
 */
async function prepare(stack: PwaBenchStack): Promise<void> {
  const page = await stack.context.newPage();
  try {
    page.on('pageerror', (error) => console.error('[bench page]', error.message));
    await page.goto(`${stack.appUrl}/sign-in`);
    await signIn(page, benchCoach.email, benchCoach.password);
    await page.getByRole('heading', { name: 'Мои организации' }).waitFor({ timeout: 60_000 });
    await page.goto(`${stack.appUrl}/roster`);
    await page
      .getByRole('list', { name: 'Спортсмены' })
      .getByRole('listitem')
      .nth(rosterSize - 1)
      .waitFor({ timeout: 60_000 });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.goto(stack.litUrl);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  } finally {
    await page.close();
  }
}

export async function pwaBenches(): Promise<BenchResult[]> {
  const stack = await startPwaBenchStack();
  try {
    await prepare(stack);
    const results = [await shellJsGzip(stack), await offlineColdStart(stack)];
    const scores = await lighthouseScores(stack);
    for (const s of scores) {
      console.log(`Lighthouse ${s.name}: ${s.value} (bare Lit page ${s.baseline_value})`);
    }
    return [...results, ...scores];
  } finally {
    await stack.stop();
  }
}
