/**
 * The public pages' tracker in Chromium against the seeded local stack: a visit
 * to /volkov sends its page view and the offers seen to POST
 * /api/analytics/events (the served site forwards it to analytics-ingest); with
 * the network gone, the offers seen meanwhile wait in the device's IndexedDB and
 * arrive exactly once when it comes back. The browser says it is a desktop
 * Chrome: a HeadlessChrome User-Agent is dropped as a bot, as it should be.
 * With JavaScript off the page is the same page and sends nothing.
 */
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { phone } from './page-helpers.ts';

const e2e = useE2eStack();

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const shots = '/tmp/shots';
/** the course's product, sold on /volkov; the free trial session type */
const COURSE_PRODUCT = 'd7000000-0000-4000-8000-000000000004';
const TRIAL = 'da000000-0000-4000-8000-000000000001';
mkdirSync(shots, { recursive: true });

interface Row {
  event_id: string;
  name: string;
  offer_id: string | null;
}

/** the events the database kept for this test's campaign */
function arrived(campaign: string): Promise<Row[]> {
  return e2e.app.rows<Row>(
    `select event_id::text, name, offer_id::text from analytics.events
      where utm_campaign = $1 order by received_at, event_id`,
    [campaign],
  );
}

/** the event ids a batch carried */
function idsOf(request: Request): string[] {
  try {
    return (JSON.parse(request.postData() ?? '[]') as { id: string }[]).map((e) => e.id);
  } catch {
    return [];
  }
}

/** what waits in the tracker's queue on the device */
function queued(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('trackside-analytics', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('events', { keyPath: 'id' });
        open.onsuccess = () => {
          const all = open.result.transaction('events').objectStore('events').getAll();
          all.onsuccess = () => {
            resolve((all.result as { id: string }[]).map((e) => e.id));
            open.result.close();
          };
        };
      }),
  );
}

async function chromeContext(options: { javaScriptEnabled?: boolean; locale?: string } = {}) {
  const context: BrowserContext = await e2e.newContext({
    userAgent: CHROME,
    viewport: phone,
    locale: options.locale ?? 'ru-RU',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  context.setDefaultTimeout(20_000);
  return context;
}

describe('the public pages tracker', () => {
  test('a visit sends its events; offline ones wait on the device and arrive once', async () => {
    const campaign = `beacon-${Date.now()}`;
    const context = await chromeContext();
    try {
      const page = await context.newPage();
      const delivered: string[] = [];
      // every batch the page posted (a keepalive request reports no end to the page)
      page.on('request', (r) => {
        if (r.url().endsWith('/api/analytics/events')) delivered.push(...idsOf(r));
      });
      await page.goto(`${e2e.app.url}/volkov?utm_source=e2e&utm_campaign=${campaign}`);
      await expect
        .poll(async () => (await arrived(campaign)).map((r) => r.name), { timeout: 15_000 })
        .toContain('page_view');
      const online = await arrived(campaign);
      expect(online.filter((r) => r.name === 'page_view')).toHaveLength(1);
      await page.screenshot({ path: `${shots}/ingest-volkov-ru.png` });

      // offline: the offers further down are seen, and their events wait
      await context.setOffline(true);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await expect.poll(() => queued(page), { timeout: 15_000 }).not.toHaveLength(0);
      const waiting = await queued(page);
      expect(await page.evaluate(() => localStorage.getItem('trackside-analytics-queued'))).toBe(
        '1',
      );
      const before = (await arrived(campaign)).map((r) => r.event_id);
      expect(before.filter((id) => waiting.includes(id))).toEqual([]);

      // back online: each waiting event arrives, once, and leaves the queue
      await context.setOffline(false);
      await expect
        .poll(async () => (await arrived(campaign)).map((r) => r.event_id), { timeout: 15_000 })
        .toEqual(expect.arrayContaining(waiting));
      await expect.poll(() => queued(page), { timeout: 10_000 }).toEqual([]);
      expect(await page.evaluate(() => localStorage.getItem('trackside-analytics-queued'))).toBe(
        null,
      );
      // the tab hides (its last flush) and nothing is sent twice
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await page.waitForTimeout(2500);
      const rows = await arrived(campaign);
      for (const id of waiting) {
        expect(rows.filter((r) => r.event_id === id)).toHaveLength(1);
        expect(delivered.filter((d) => d === id)).toHaveLength(1);
      }
      expect(rows.every((r) => r.name === 'page_view' || r.offer_id !== null)).toBe(true);
      expect(new Set(rows.map((r) => r.offer_id)).size).toBe(rows.length);
    } finally {
      await context.close();
    }
  });

  test('a slot picked on the booking page and a checkout page shown are recorded', async () => {
    const campaign = `steps-${Date.now()}`;
    const context = await chromeContext();
    try {
      const page = await context.newPage();
      await page.goto(`${e2e.app.url}/checkout/${COURSE_PRODUCT}?utm_campaign=${campaign}`);
      await expect
        .poll(async () => (await arrived(campaign)).map((r) => `${r.name} ${r.offer_id}`), {
          timeout: 15_000,
        })
        .toContain(`checkout_started ${COURSE_PRODUCT}`);

      await page.goto(`${e2e.app.url}/volkov/book?type=${TRIAL}&utm_campaign=${campaign}`);
      // the tap navigates at once; its event leaves as a beacon before the page does
      await page.locator('a[data-slot]').first().click();
      await expect.poll(() => page.url()).toContain('/book/confirm');
      await expect
        .poll(async () => (await arrived(campaign)).map((r) => `${r.name} ${r.offer_id}`), {
          timeout: 15_000,
        })
        .toContain(`slot_selected ${TRIAL}`);
    } finally {
      await context.close();
    }
  });

  test('in English too; and with JavaScript off the page works and sends nothing', async () => {
    const en = await chromeContext({ locale: 'en-GB' });
    try {
      const page = await en.newPage();
      await page.goto(`${e2e.app.url}/volkov?lang=en`);
      await expect.poll(() => page.evaluate(() => document.readyState)).toBe('complete');
      await page.screenshot({ path: `${shots}/ingest-volkov-en.png` });
    } finally {
      await en.close();
    }

    const off = await chromeContext({ javaScriptEnabled: false });
    try {
      const page = await off.newPage();
      const posts: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST') posts.push(r.url());
      });
      await page.goto(`${e2e.app.url}/volkov`);
      await expect(page.locator('h1').textContent()).resolves.toContain('Волков');
      const buy = page.locator('a[href^="/checkout/"]').first();
      await buy.click();
      await expect.poll(() => page.url()).toContain('/checkout/');
      expect(posts).toEqual([]);
    } finally {
      await off.close();
    }
  });
});
