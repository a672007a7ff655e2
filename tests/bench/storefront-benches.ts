// storefront.* (issue 14), on the demo coach's public page /volkov, served as
// `npm start` serves it (the public-page renderer in front of the built app):
// - storefront.lighthouse.{performance,seo,accessibility,best_practices}:
//   Lighthouse 12, default mobile config (simulated slow 4G, 4× CPU), storage
//   cleared before each run (a first visit), median of 3; the way
//   pwa-lighthouse.ts runs it. Targets: performance ≥ 95, the rest = 100.
// - storefront.js_gzip: the JavaScript the page loads before first interaction
//   (every script response until the load event and the network is idle), gzip
//   level 9, in kB — against the SPA's sign-in screen measured the same way.
//   The page needs no script of its own; what it loads is the analytics
//   tracker (issue 15, under 2 kB gzipped); limit ≤ 60 kB.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { startLocalApp } from '../e2e/local-app.ts';
import { median, type BenchResult } from './bench-result.ts';
import { type Audit, lighthouseAudit } from './lighthouse-audit.ts';
import { exited, launchWithPort } from './pwa-bench-stack.ts';

const rounds = 3;
const categories = [
  { id: 'performance', name: 'storefront.lighthouse.performance', min: 95 },
  { id: 'seo', name: 'storefront.lighthouse.seo', min: 100 },
  { id: 'accessibility', name: 'storefront.lighthouse.accessibility', min: 100 },
  { id: 'best-practices', name: 'storefront.lighthouse.best_practices', min: 100 },
] as const;

/** a first visit: Lighthouse clears the origin's storage and cache before loading */
const audit = (url: string, port: number): Promise<Audit> =>
  lighthouseAudit(
    url,
    port,
    categories.map((c) => c.id),
    { keepStorage: false, failingBelow: 1 },
  );

/** gzip bytes of every script a fresh profile loads for `url` before it settles */
async function scriptGzipBytes(
  browser: Browser,
  url: string,
): Promise<{ bytes: number; files: string[] }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  try {
    const page = await context.newPage();
    const scripts: Promise<{ url: string; bytes: number }>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() !== 'script') return;
      scripts.push(
        res
          .body()
          .then((body) => ({ url: res.url(), bytes: gzipSync(body, { level: 9 }).length }))
          .catch(() => ({ url: res.url(), bytes: 0 })),
      );
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const loaded = await Promise.all(scripts);
    return {
      bytes: loaded.reduce((sum, s) => sum + s.bytes, 0),
      files: loaded.map((s) => `${new URL(s.url).pathname} ${(s.bytes / 1000).toFixed(1)}`),
    };
  } finally {
    await context.close();
  }
}

export async function storefrontBenches(): Promise<BenchResult[]> {
  const app = await startLocalApp();
  const profileDir = mkdtempSync(join(tmpdir(), 'trackside-storefront-bench-'));
  const launched = await launchWithPort(profileDir);
  let browser: Browser | undefined;
  try {
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${launched.port}`);
    const pageUrl = `${app.url}/volkov`;
    const check = await fetch(pageUrl);
    if (check.status !== 200) throw new Error(`${pageUrl} answered ${check.status}`);

    const js = await scriptGzipBytes(browser, pageUrl);
    const shell = await scriptGzipBytes(browser, `${app.url}/sign-in`);
    const jsResult: BenchResult = {
      name: 'storefront.js_gzip',
      unit: 'kB',
      value: js.bytes / 1000,
      baseline: "the app's sign-in screen, measured the same way",
      baseline_value: shell.bytes / 1000,
      ratio: shell.bytes === 0 ? 0 : js.bytes / shell.bytes,
      limit: 60,
      limit_of: 'value',
      notes: `/volkov scripts: ${js.files.join(', ') || 'none'}; /sign-in: ${shell.files.length} scripts`,
    };

    const runs: Audit[] = [];
    for (let i = 0; i < rounds; i++) runs.push(await audit(pageUrl, launched.port));
    const failing = [...new Set(runs.flatMap((a) => a.failing))];
    const scores = categories.map((c): BenchResult => {
      const value = median(runs.map((a) => a.scores[c.id] ?? 0));
      return {
        name: c.name,
        unit: 'score',
        value,
        baseline: 'the target',
        baseline_value: c.min,
        ratio: value / c.min,
        limit: c.min,
        limit_of: 'value',
        limit_kind: 'min',
        notes: [
          `runs: ${runs.map((a) => a.scores[c.id]).join(', ')}`,
          ...(failing.length ? [`audits under 1 on /volkov: ${failing.join('; ')}`] : []),
        ].join('\n'),
      };
    });
    for (const s of scores) console.log(`Lighthouse ${s.name}: ${s.value}`);
    return [jsResult, ...scores];
  } finally {
    await browser?.close().catch(() => undefined);
    launched.child.kill('SIGTERM');
    await exited(launched.child);
    await app.stop();
    rmSync(profileDir, { recursive: true, force: true });
  }
}
