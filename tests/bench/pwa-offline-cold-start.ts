// pwa.offline_cold_start (issue 4): with the network off, a new tab navigates to
// /roster and the 200 athletes of the coach's roster render from IndexedDB (shell
// from the service worker's precache, session from localStorage); timed in the
// page from navigation start to the frame in which all 200 cards are in the DOM.
// Against the bare Lit page loaded the same way (offline, precached, its element
// rendered). Medians of alternating runs; ratio ≤ 3.
import type { BrowserContext } from 'playwright-core';
import { median, type BenchResult } from './bench-result.ts';
import { rosterSize, type PwaBenchStack } from './pwa-bench-stack.ts';

const rounds = 7;
const phone = { width: 360, height: 740 };

/** ms from navigation start to the frame where the roster shows `n` cards */
function rosterRendered(n: number): number | false {
  const roster = document
    .querySelector('app-root')
    ?.shadowRoot?.querySelector('roster-page')?.shadowRoot;
  return roster?.querySelectorAll('ul > li').length === n ? performance.now() : false;
}

/** ms from navigation start to the frame where the bare page's element has rendered */
function litRendered(): number | false {
  return document.querySelector('bare-lit-page')?.shadowRoot?.querySelector('h1')
    ? performance.now()
    : false;
}

async function coldStart(
  context: BrowserContext,
  url: string,
  rendered: (n: number) => number | false,
): Promise<number> {
  const page = await context.newPage();
  try {
    await page.setViewportSize(phone);
    await page.goto(url, { waitUntil: 'commit' });
    const ms = await page.waitForFunction(rendered, rosterSize, {
      polling: 'raf',
      timeout: 60_000,
    });
    return Number(await ms.jsonValue());
  } finally {
    await page.close();
  }
}

export async function offlineColdStart(stack: PwaBenchStack): Promise<BenchResult> {
  const { context } = stack;
  const roster = `${stack.appUrl}/roster`;
  await context.setOffline(true);
  try {
    // warm-up: the first start of each compiles and caches its code
    await coldStart(context, roster, rosterRendered);
    await coldStart(context, stack.litUrl, litRendered);
    const app: number[] = [];
    const lit: number[] = [];
    for (let i = 0; i < rounds; i++) {
      app.push(await coldStart(context, roster, rosterRendered));
      lit.push(await coldStart(context, stack.litUrl, litRendered));
    }
    const value = median(app);
    const baseline = median(lit);
    const ratio = value / baseline;
    const limit = 3;
    const round = (xs: number[]) => xs.map((x) => Math.round(x)).join(', ');
    return {
      name: 'pwa.offline_cold_start',
      unit: 'ms',
      value,
      baseline: 'the bare Lit page, offline from its precache',
      baseline_value: baseline,
      ratio,
      limit,
      notes: [
        `${rosterSize} athletes, ${rounds} rounds at 360 px, median`,
        `roster runs (ms): ${round(app)}`,
        `bare Lit runs (ms): ${round(lit)}`,
      ].join('\n'),
    };
  } finally {
    await context.setOffline(false);
  }
}
