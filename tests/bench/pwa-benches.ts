// The issue-4 benches share one stack (one build, one signed-in browser):
// pwa.shell_js_gzip, pwa.offline_cold_start and pwa.lighthouse.{performance,
// accessibility,best_practices}. Lighthouse's scores are printed as they come.
import type { Page } from 'playwright-core';
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
 * Chromium's own installability verdict on the app (manifest with a 192 and a 512
 * icon that load, standalone display, a service worker with a fetch handler
 * controlling the page): the benches measure an installable PWA or nothing.
 */
async function assertInstallable(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    if (installabilityErrors.length) {
      const reasons = installabilityErrors.map(
        (e) => `${e.errorId} ${e.errorArguments.map((a) => `${a.name}=${a.value}`).join(' ')}`,
      );
      throw new Error(`Chromium says the app is not installable: ${reasons.join('; ')}`);
    }
  } finally {
    await cdp.detach();
  }
}

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
    await assertInstallable(page);
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
